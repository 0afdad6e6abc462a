"""Shared walking and number formatting for the reliability report formatters."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from annotator.core.reliability import DiffRun

Report = Mapping[str, Any]
Diffs = Mapping[Any, Sequence[DiffRun]]
DASH = "—"


def fixed(value: float, digits: int = 2) -> str:
    """``value`` with ``digits`` decimals; a value that rounds to zero never shows as -0.00."""
    text = f"{float(value):.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def num(value: Any, digits: int = 2) -> str:
    return DASH if value is None else fixed(value, digits)


def ci_text(ci: Any, digits: int = 2) -> str:
    if not ci:
        return DASH
    return f"[{fixed(ci[0], digits)}, {fixed(ci[1], digits)}]"


def label(d: Mapping[str, Any]) -> str:
    """A category's or code's label in the report's language (its id if it has none)."""
    return str(d.get("label") or d["id"])


def seconds(value: Any) -> str:
    return DASH if value is None else f"{float(value):.1f}"


def kappa_label(report: Report) -> str:
    return "Fleiss' kappa" if report.get("kappa_type") == "fleiss" else "Cohen's kappa"


def units_label(report: Report) -> str:
    res = report.get("resolution_ms")
    return "exact durations" if res is None else f"{res} ms slices (midpoint rule)"


def sections(report: Report) -> Iterator[tuple[str, list[str], list[Mapping[str, Any]]]]:
    """(title, coders, categories) for the main analysis and then each pair (3+ coders)."""
    coders = list(report["coders"])
    main = "All coders" if len(coders) >= 3 else f"Coders {coders[0]} and {coders[1]}"
    yield main, coders, list(report["categories"])
    for pair in report.get("pairs") or []:
        yield f"Pair {pair['coders'][0]} and {pair['coders'][1]}", list(pair["coders"]), list(
            pair["categories"])


def undefined_notes(items: Sequence[tuple[str, Mapping[str, Any]]],
                    measures: Sequence[str]) -> list[str]:
    """'<measure> for a, b: reason' lines, grouped by identical reason."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for name, d in items:
        for m in measures:
            reason = d.get(f"{m}_reason")
            if d.get(m) is None and reason:
                grouped.setdefault((m, str(reason)), []).append(name)
    return [f"{m} for {', '.join(names)}: {reason}" for (m, reason), names in grouped.items()]


def session_diffs(diffs: Diffs | None, case: str, session: int) -> Sequence[DiffRun] | None:
    if not diffs:
        return None
    for key in ((case, session), f"{case}:{session}", f"{case}/{session}"):
        if key in diffs:
            return diffs[key]
    return None


def _spread(values: Sequence[float]) -> str:
    if not values:
        return "none defined"
    if len(values) == 1:
        return fixed(values[0])
    ordered = sorted(values)
    mid = len(ordered) // 2
    med = ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    return f"{fixed(ordered[0])} to {fixed(ordered[-1])}, median {fixed(med)}"


def summary(report: Report) -> list[tuple[str, str]]:
    """What to report and why, with this report's numbers: (heading, text) items."""
    cats = list(report["categories"])
    multi = len(report["coders"]) >= 3
    kname = "Fleiss' kappa" if multi else "Cohen's kappa"
    codes = [c for cat in cats for c in cat["codes"] if c.get("kind") == "state"]
    kappas = [float(c["kappa"]) for c in codes if c.get("kappa") is not None]

    def cat_value(cat: Mapping[str, Any], name: str) -> str:
        v = cat.get(name)
        ci = cat.get(f"{name}_ci")
        return f"{label(cat)} {num(v)}" + (f" {ci_text(ci)}" if ci else "")

    pooled = "; ".join(cat_value(c, "kappa") for c in cats if c.get("kappa") is not None)
    out = [("1. Time-based agreement (the main result)",
            f"{kname} per code ({_spread(kappas)}) and per category: {pooled or 'none'}. A "
            "non-exclusive category's value is de Vries et al.'s (2008) pooled kappa; an "
            "exclusive category's is kappa over its codes plus ∅. Read each value with its "
            "Landis & Koch band. Give Krippendorff's alpha as well only if the journal asks "
            "for it, and judge it by Krippendorff's .667 / .800, not by the kappa bands.")]
    if multi:
        out.append(("2. Event-based agreement",
                    "Events are linked pair by pair: see each pair's section. Give both "
                    "time-based and event-based agreement (Bakeman, Quera & Gnisci 2009)."))
    else:
        ev = [f"{label(c)} {num(c['events'].get('kappa_with_unmatched'))}" for c in cats
              if isinstance(c.get("events"), Mapping)]
        out.append(("2. Event-based agreement",
                    "Event kappa counting unmatched segments, per category: "
                    f"{'; '.join(ev) or 'none'}, with the matched and unmatched counts. "
                    "Bakeman, Quera & Gnisci (2009) advise giving both: time-based agreement "
                    "says whether the coders agree on when a code applies, event-based "
                    "whether they found the same events. Event kappa over matched pairs only "
                    "ignores the events one coder missed: a supplement, not the result."))
    iccs = [float(c["icc_seconds"]) for c in codes if c.get("icc_seconds") is not None]
    n = len(report["sessions"])
    out.append(("3. Session totals",
                f"ICC(2,1) of each code's seconds per session ({_spread(iccs)}), and of its "
                "counts, if your analyses use session-level scores; read with Koo & Li's "
                "bands." if iccs else
                f"ICC(2,1) of session totals needs at least 5 sessions coded by all coders "
                f"(this report has {n}), so there is none to report."))
    out.append(("Supplementary, not the headline",
                "PABAK (Brennan–Prediger), Gwet's AC1, kappa_max, the prevalence and bias "
                "indices and the specific agreements explain a low kappa (rare codes, one "
                "coder coding more). For exclusive categories PABAK and AC1 depend on the "
                "number of codes by definition."))
    return out
