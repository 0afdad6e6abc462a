"""CSV of the reliability report: one row per category and per code, for every analysis.

Columns (in this order; empty cell = undefined or not applicable):

- ``analysis``: ``all`` for the main analysis, or ``A|B`` for one pair of coders (3+ coders);
- ``level``: ``category`` or ``code``; ``category``, ``code`` (empty on category rows);
- ``kind``: ``state`` or ``point`` (codes); ``exclusive``: the category is exclusive;
- ``kappa_type``: ``cohen`` or ``fleiss``;
- ``kappa``, ``kappa_ci_low``, ``kappa_ci_high``, ``kappa_band``, ``kappa_reason``;
- ``percent_agreement`` (proportion p_o), ``pabak``, ``kappa_max``, ``prevalence_index``,
  ``bias_index``;
- ``alpha``, ``alpha_ci_low``, ``alpha_ci_high``, ``alpha_band``, ``alpha_reason``;
- ``table_unit``: ``s`` (exact durations) or ``slices``;
- ``seconds_<coder>``, ``events_<coder>``: coded seconds and segment counts per coder;
- ``events_matched``, ``events_unmatched_A``, ``events_unmatched_B``,
  ``event_kappa_with_unmatched``, ``event_kappa_matched_only``;
- ``icc_seconds``, ``icc_seconds_band``, ``icc_counts``, ``icc_counts_band``, ``icc_reason``;
- ``resolution_ms``, ``alpha_resolution_ms``, ``tolerance_ms``, ``sessions``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from .common import Report, sections


def _ci(d: Mapping[str, Any], name: str, k: int) -> Any:
    ci = d.get(f"{name}_ci")
    return ci[k] if ci else None


def _row(report: Report, analysis: str, coders: list[str], cat: Mapping[str, Any],
         d: Mapping[str, Any], level: str) -> dict[str, Any]:
    events = d.get("events") if level == "category" else d.get("event_agreement")
    ev: Mapping[str, Any] = events if isinstance(events, Mapping) else {}
    row: dict[str, Any] = {
        "analysis": analysis,
        "level": level,
        "category": cat["id"],
        "code": d["id"] if level == "code" else "",
        "kind": d.get("kind", ""),
        "exclusive": cat["exclusive"],
        "kappa_type": report.get("kappa_type", "cohen") if analysis == "all" else "cohen",
        "kappa": d.get("kappa"),
        "kappa_ci_low": _ci(d, "kappa", 0),
        "kappa_ci_high": _ci(d, "kappa", 1),
        "kappa_band": d.get("kappa_band"),
        "kappa_reason": d.get("kappa_reason"),
    }
    for name in ("percent_agreement", "pabak", "kappa_max", "prevalence_index", "bias_index"):
        row[name] = d.get(name)
    row.update({
        "alpha": d.get("alpha"),
        "alpha_ci_low": _ci(d, "alpha", 0),
        "alpha_ci_high": _ci(d, "alpha", 1),
        "alpha_band": d.get("alpha_band"),
        "alpha_reason": d.get("alpha_reason"),
        "table_unit": d.get("table_unit", cat.get("table_unit")),
    })
    for k in coders:
        row[f"seconds_{k}"] = (d.get("seconds") or {}).get(k)
        row[f"events_{k}"] = (d.get("events") or {}).get(k) if level == "code" else None
    row.update({
        "events_matched": ev.get("matched"),
        "events_unmatched_A": ev.get("unmatched_A"),
        "events_unmatched_B": ev.get("unmatched_B"),
        "event_kappa_with_unmatched": ev.get("kappa_with_unmatched"),
        "event_kappa_matched_only": ev.get("kappa_matched_only"),
        "icc_seconds": d.get("icc_seconds"),
        "icc_seconds_band": d.get("icc_seconds_band"),
        "icc_counts": d.get("icc_counts"),
        "icc_counts_band": d.get("icc_counts_band"),
        "icc_reason": d.get("icc_counts_reason") or d.get("icc_seconds_reason"),
        "resolution_ms": report.get("resolution_ms"),
        "alpha_resolution_ms": report.get("alpha_resolution_ms"),
        "tolerance_ms": report.get("tolerance_ms"),
        "sessions": len(report["sessions"]),
    })
    return row


def _note(level: str, text: str) -> dict[str, Any]:
    return {"analysis": "", "level": level, "text": text}


def to_csv(report: Report) -> str:
    rows = []
    for k, (_title, coders, cats) in enumerate(sections(report)):
        analysis = "all" if k == 0 else "|".join(coders)
        for cat in cats:
            rows.append(_row(report, analysis, list(report["coders"]), cat, cat, "category"))
            rows += [_row(report, analysis, list(report["coders"]), cat, c, "code")
                     for c in cat["codes"]]
    rows += [_note("excluded_session", f"{e['case']}/{e['session']}: {e['reason']}")
             for e in report.get("excluded_sessions") or []]
    frame = pd.DataFrame(rows)
    text: str = frame.to_csv(index=False, lineterminator="\n")
    return text
