"""Imports other than the timeline CSV: ELAN .eaf and BORIS tabular events.

Each file is turned into timeline rows and written by the same all-or-nothing import as
the CSV (:func:`annotator.store.timeline_import.import_timeline`): a bad file changes nothing
and every bad annotation or line is reported.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.timeline_rows import RowsRejected
from annotator.exchange.boris import read_boris
from annotator.exchange.code_match import CodeMatcher, read_value_map
from annotator.exchange.eaf import (
    PROP_CASE,
    PROP_SESSION,
    TierTarget,
    eaf_rows,
    parse_target,
    read_eaf,
    tier_targets,
)
from annotator.store.errors import StudyError
from annotator.store.study import Study
from annotator.store.timeline_import import ImportResult, import_timeline


class ImportOptionsError(StudyError):
    """Options that do not fit the file (missing --case, a bad --map...)."""


@dataclass
class OtherImportResult(ImportResult):
    ignored_tiers: list[str] = field(default_factory=list)
    skipped_empty: int = 0
    summary: list[str] = field(default_factory=list)


def parse_maps(maps: list[str]) -> dict[str, TierTarget]:
    """``TIER=CODER:CATEGORY`` options (the tier name may itself contain ``=``)."""
    out: dict[str, TierTarget] = {}
    for m in maps:
        tier, sep, target_text = m.rpartition("=")
        target = parse_target(target_text) if sep else None
        if not tier or target is None:
            raise ImportOptionsError(
                f"--map {m!r}: write TIER=CODER:CATEGORY, for example \"Tier 1=AK:implicit\" "
                "(add ' (reliability)' after the category for a reliability coding).")
        out[tier] = target
    return out


def import_eaf(
    study: Study, path: Path, *, case: str | None = None, session: int | None = None,
    maps: list[str] | None = None, create_sessions: bool = False, by: str | None = None,
    map_values: Path | None = None, skip_empty: bool = False,
) -> OtherImportResult:
    """Import the coder tiers of an ELAN file into one session (all or nothing)."""
    targets_given = parse_maps(maps or [])
    codebook = study.codebook
    matcher = CodeMatcher(codebook, read_value_map(map_values, codebook)
                          if map_values is not None else {})
    doc = read_eaf(path)
    case = case or doc.properties.get(PROP_CASE)
    if session is None and doc.properties.get(PROP_SESSION, "").isdigit():
        session = int(doc.properties[PROP_SESSION])
    if not case or session is None:
        raise ImportOptionsError(
            f"{path.name}: say which session the ELAN file codes, with --case and --session.")
    targets, ignored, problems = tier_targets(doc, codebook, targets_given)
    found = eaf_rows(doc, codebook, targets, case, session, matcher=matcher,
                     skip_empty=skip_empty)
    rows = found.rows
    problems += found.problems
    if problems:
        raise RowsRejected(path.name, sorted(problems, key=lambda p: p.line))
    if not targets:
        raise ImportOptionsError(
            f"{path.name}: no tier holds codings. Name tiers CODER:CATEGORY (as annotator "
            "exports them) or map them with --map TIER=CODER:CATEGORY. The file's tiers: "
            f"{', '.join(map(repr, doc.tiers)) or 'none'}.")
    result = import_timeline(study, rows, source=path.name, create_sessions=create_sessions,
                             by=by)
    per_tier: dict[str, int] = {}
    for r in rows:
        label = f"{r.coder}:{r.category}" + ("" if r.purpose == "primary" else f" ({r.purpose})")
        per_tier[label] = per_tier.get(label, 0) + 1
    summary = [f"{n} segment(s) as {label}" for label, n in sorted(per_tier.items())]
    if found.skipped_empty:
        summary.append(f"{found.skipped_empty} empty annotation(s) skipped (--skip-empty)")
    return OtherImportResult(result.segments, result.new_coders, result.new_sessions, ignored,
                             found.skipped_empty, summary)


def import_boris(
    study: Study, path: Path, *, case: str | None, session: int | None, coder: str | None,
    create_sessions: bool = False, by: str | None = None,
) -> ImportResult:
    """Import a BORIS tabular events export as one coder's coding of one session."""
    missing = [opt for opt, v in (("--case", case), ("--session", session), ("--coder", coder))
               if v is None]
    if missing:
        raise ImportOptionsError(
            f"{path.name}: a BORIS export needs {', '.join(missing)} (which session it codes, "
            "and whose coding it is).")
    assert case is not None and session is not None and coder is not None
    rows = read_boris(path, study.codebook, case=case, session=session, coder=coder)
    return import_timeline(study, rows, source=path.name, create_sessions=create_sessions,
                           by=by)


def import_other(study: Study, path: Path, fmt: str, ns: argparse.Namespace) -> ImportResult:
    """The CLI's entry point for ``annotator import --format eaf|boris``."""
    create = bool(getattr(ns, "create_sessions", False))
    if fmt == "eaf":
        map_values = getattr(ns, "map_values", None)
        return import_eaf(study, path, case=ns.case, session=ns.session, maps=ns.map,
                          create_sessions=create,
                          map_values=Path(map_values) if map_values else None,
                          skip_empty=bool(getattr(ns, "skip_empty", False)))
    if fmt == "boris":
        return import_boris(study, path, case=ns.case, session=ns.session, coder=ns.coder,
                            create_sessions=create)
    raise ImportOptionsError(f"Unknown import format {fmt!r}; use csv, eaf or boris.")
