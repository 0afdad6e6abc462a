"""``compute_reliability``: the whole reliability report as a JSON-ready dict
(docs/design.md §6)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..codebook import Codebook
from ..segments import CodedSession
from .bootstrap import LEVEL, SessionBootstrap
from .definitions import definitions
from .inputs import CodeMeta, check_options, prepare
from .labels import add_labels, report_language
from .methods import methods
from .multirater import multi_categories
from .pairwise import pair_categories
from .study import gather
from .summary import summary

DEFAULT_ALPHA_RESOLUTION_MS = 1000


def compute_reliability(
    codebook: Codebook,
    sessions: Sequence[CodedSession],
    coders: Sequence[str],
    *,
    resolution_ms: int | None = None,
    tolerance_ms: int = 1000,
    alpha_resolution_ms: int | None = None,
    bootstrap: int = 1000,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    excluded: Sequence[Mapping[str, Any]] = (),
    lang: str | None = None,
) -> dict[str, Any]:
    """Reliability of ``coders`` pooled over the sessions they all coded.

    Raises :class:`ReliabilityInputError` for unusable input and :class:`ReliabilityCancelled`
    when ``cancelled()`` returns true. ``progress`` receives fractions from 0 to 1.
    ``excluded`` lists sessions the caller already left out ({"case", "session", "reason"});
    the report lists them with the sessions given here that not every coder coded.
    ``lang`` picks the labels' language (default: the codebook's first language).
    """
    check_options(coders, resolution_ms, tolerance_ms, alpha_resolution_ms, bootstrap)
    names = tuple(str(c) for c in coders)
    language = report_language(codebook, lang)
    a_res = alpha_resolution_ms or resolution_ms or DEFAULT_ALPHA_RESOLUTION_MS
    meta = CodeMeta.of(codebook)
    prep = prepare(meta, sessions, names)
    st = gather(meta, prep, names, resolution_ms=resolution_ms, alpha_resolution_ms=a_res,
                tolerance_ms=tolerance_ms, progress=progress, cancelled=cancelled)
    boot = SessionBootstrap(st.n_sessions, bootstrap, seed)
    multi = len(names) >= 3
    report: dict[str, Any] = {
        "coders": list(names),
        "kappa_type": "fleiss" if multi else "cohen",
        "resolution_ms": resolution_ms,
        "tolerance_ms": tolerance_ms,
        "alpha_resolution_ms": a_res,
        "codebook": {"name": codebook.name, "version": codebook.version,
                     "languages": list(codebook.languages)},
        "language": language,
        "bootstrap": {"resamples": bootstrap, "seed": seed, "level": LEVEL,
                      "method": "percentile", "unit": "session"},
        "sessions": [{"case": s.case, "session": s.session, "duration_s": s.duration_ms / 1000}
                     for s in prep.sessions],
        "excluded_sessions": sorted(
            [*(dict(e) for e in excluded), *prep.excluded],
            key=lambda e: (str(e["case"]), int(e["session"]))),
    }
    if multi:
        report["categories"] = multi_categories(st, boot)
        report["pairs"] = [
            {"coders": [names[i], names[j]], "categories": pair_categories(st, p, boot)}
            for p, (i, j) in enumerate(st.pairs)
        ]
    else:
        report["categories"] = pair_categories(st, 0, boot)
    report["definitions"] = definitions(
        resolution_ms=resolution_ms, alpha_resolution_ms=a_res, tolerance_ms=tolerance_ms,
        resamples=bootstrap, seed=seed, n_coders=len(names),
    )
    report["warnings"] = prep.warnings
    add_labels(report, codebook, language)
    report["summary"] = summary(report)
    report["methods"] = methods(report, codebook)
    if progress is not None:
        progress(1.0)
    return report
