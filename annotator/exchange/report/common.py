"""Shared walking and number formatting for the reliability report formatters."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from annotator.core.reliability import DiffRun
from annotator.core.reliability.summary import summary as build_summary

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


def summary(report: Report) -> list[tuple[str, str]]:
    """What to report and why (computed with the report: its ``summary`` key)."""
    items = report.get("summary")
    if items is None:
        items = build_summary(report)
    return [(str(d["heading"]), str(d["text"])) for d in items]
