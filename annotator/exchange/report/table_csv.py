"""CSV of the reliability report: one row per category and per code, for every analysis.

Columns (in this order; empty cell = undefined or not applicable):

- ``analysis``: ``all`` for the main analysis, or ``A|B`` for one pair of coders (3+ coders);
- ``level``: ``category`` or ``code``; ``category``, ``code`` (empty on category rows), and
  ``category_label``, ``code_label`` in the report's language;
- ``kind``: ``state`` or ``point`` (codes); ``exclusive``: the category is exclusive;
- ``kappa_type``: ``cohen`` or ``fleiss``;
- ``kappa``, ``kappa_ci_low``, ``kappa_ci_high``, ``kappa_band``, ``kappa_reason``;
- ``percent_agreement`` (proportion p_o), ``pabak`` (also Brennan-Prediger), ``kappa_max``,
  ``prevalence_index``, ``bias_index``, ``positive_agreement``, ``negative_agreement``;
- ``ac1``, ``ac1_ci_low``, ``ac1_ci_high`` (Gwet's AC1); ``light_kappa`` (3+ coders);
- ``pooled_codes`` (non-exclusive categories: the codes pooled, ``|``-separated);
- ``notes``: K-dependence or stacking notes of the row's measures;
- ``alpha``, ``alpha_ci_low``, ``alpha_ci_high``, ``alpha_band``, ``alpha_reason``;
- ``table_unit``: ``s`` (exact durations) or ``slices``;
- ``seconds_<coder>``, ``events_<coder>``: coded seconds and segment counts per coder;
- ``events_matched``, ``events_unmatched_A``, ``events_unmatched_B``,
  ``event_kappa_with_unmatched``, ``event_kappa_matched_only``;
- ``icc_seconds``, ``icc_seconds_ci_low``, ``icc_seconds_ci_high``, ``icc_seconds_band``,
  ``icc_counts``, ``icc_counts_ci_low``, ``icc_counts_ci_high``, ``icc_counts_band``,
  ``icc_reason`` (95% CIs by McGraw & Wong's F method);
- ``resolution_ms``, ``alpha_resolution_ms``, ``tolerance_ms``, ``sessions``;
- ``key``, ``text``: only on the note rows: first the ``summary`` rows (what to report and
  why), then the measures, then rows whose ``level`` is ``setting``
  (``empty_value`` = the ∅ handling, ``resolution``, ``alpha_resolution``, ``tolerance``,
  ``bands`` = the band sources, ``language``, ``bootstrap``), ``excluded_session`` (a session
  left out and why), ``methods`` (``key`` en or nb: the Methods paragraph) and ``definition``
  (every definition the report states).

Text cells that a spreadsheet would run as a formula (a label ``=HYPERLINK(...)`` from a
codebook built from a stranger's ELAN file) get one leading ``'`` unless ``raw``
(:func:`annotator.exchange.cells.neutralise`, as in the timeline export); numbers are never
changed.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from typing import Any

from annotator.exchange.cells import CsvWriter, neutralise

from .common import Report, sections, summary


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
        "category_label": cat.get("label", cat["id"]),
        "code_label": d.get("label", d["id"]) if level == "code" else "",
        "kind": d.get("kind", ""),
        "exclusive": cat["exclusive"],
        "kappa_type": report.get("kappa_type", "cohen") if analysis == "all" else "cohen",
        "kappa": d.get("kappa"),
        "kappa_ci_low": _ci(d, "kappa", 0),
        "kappa_ci_high": _ci(d, "kappa", 1),
        "kappa_band": d.get("kappa_band"),
        "kappa_reason": d.get("kappa_reason"),
    }
    for name in ("percent_agreement", "pabak", "kappa_max", "prevalence_index", "bias_index",
                 "positive_agreement", "negative_agreement", "ac1"):
        row[name] = d.get(name)
    row["ac1_ci_low"], row["ac1_ci_high"] = _ci(d, "ac1", 0), _ci(d, "ac1", 1)
    row["light_kappa"] = d.get("light_kappa")
    row["pooled_codes"] = "|".join(d.get("pooled_codes") or [])
    row["notes"] = " ".join(f"{name}: {d[f'{name}_note']}." for name in ("pabak", "ac1", "alpha")
                            if d.get(f"{name}_note"))
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
        "icc_seconds_ci_low": _ci(d, "icc_seconds", 0),
        "icc_seconds_ci_high": _ci(d, "icc_seconds", 1),
        "icc_seconds_band": d.get("icc_seconds_band"),
        "icc_counts": d.get("icc_counts"),
        "icc_counts_ci_low": _ci(d, "icc_counts", 0),
        "icc_counts_ci_high": _ci(d, "icc_counts", 1),
        "icc_counts_band": d.get("icc_counts_band"),
        "icc_reason": d.get("icc_counts_reason") or d.get("icc_seconds_reason"),
        "resolution_ms": report.get("resolution_ms"),
        "alpha_resolution_ms": report.get("alpha_resolution_ms"),
        "tolerance_ms": report.get("tolerance_ms"),
        "sessions": len(report["sessions"]),
    })
    return row


def _note(level: str, key: str, text: str) -> dict[str, Any]:
    return {"analysis": "", "level": level, "key": key, "text": text}


def _settings(report: Report) -> list[dict[str, Any]]:
    defs = report.get("definitions") or {}
    res = report.get("resolution_ms")
    boot = report.get("bootstrap") or {}
    rows = [
        _note("setting", "empty_value", str(defs.get("empty_value", ""))),
        _note("setting", "resolution", "exact durations" if res is None else
              f"{res} ms slices (midpoint rule)"),
        _note("setting", "alpha_resolution", f"{report.get('alpha_resolution_ms')} ms slices"),
        _note("setting", "tolerance", f"{report.get('tolerance_ms')} ms (point codes link "
              "within it)"),
        _note("setting", "bands", str(defs.get("bands", ""))),
        _note("setting", "language", str(report.get("language", ""))),
        _note("setting", "bootstrap", f"{boot.get('resamples')} resamples of sessions, seed "
              f"{boot.get('seed')}, percentile intervals"),
    ]
    rows += [_note("excluded_session", f"{e['case']}/{e['session']}",
                   f"{e['case']}/{e['session']}: {e['reason']}")
             for e in report.get("excluded_sessions") or []]
    rows += [_note("methods", lang, text) for lang, text in (report.get("methods") or {}).items()]
    rows += [_note("definition", key, str(text)) for key, text in defs.items()]
    return rows


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _column_kind(values: list[Any]) -> str:
    """``bool``, ``int``, ``float`` or ``text``: how a column is written. A number column
    with an empty cell is a float column (its whole numbers get ``.0``), as pandas, R and
    the earlier pandas writer have it."""
    present = [v for v in values if not _missing(v)]
    if present and all(isinstance(v, bool) for v in present):
        return "bool" if len(present) == len(values) else "text"
    if present and all(isinstance(v, int | float) and not isinstance(v, bool)
                       for v in present):
        if len(present) == len(values) and all(isinstance(v, int) for v in present):
            return "int"
        return "float"
    return "text"


def _cell(value: Any, kind: str, raw: bool) -> str:
    if _missing(value):
        return ""
    if kind == "float":
        return repr(float(value))
    if isinstance(value, str):
        return value if raw else neutralise(value)
    return repr(float(value)) if isinstance(value, float) else str(value)


def report_rows(report: Report) -> list[dict[str, Any]]:
    """The CSV's rows: the summary notes, then per analysis its category and code rows, then
    the settings, excluded sessions, Methods paragraphs and definitions."""
    rows = []
    for k, (_title, coders, cats) in enumerate(sections(report)):
        analysis = "all" if k == 0 else "|".join(coders)
        for cat in cats:
            rows.append(_row(report, analysis, list(report["coders"]), cat, cat, "category"))
            rows += [_row(report, analysis, list(report["coders"]), cat, c, "code")
                     for c in cat["codes"]]
    rows = [_note("summary", head, text) for head, text in summary(report)] + rows
    return rows + _settings(report)


def to_csv(report: Report, *, raw: bool = False) -> str:
    """Columns in the order they first appear; numbers as Python writes them (shortest
    round-trip); text cells neutralised unless ``raw``; written by :class:`CsvWriter`."""
    rows = report_rows(report)
    columns = list(dict.fromkeys(name for row in rows for name in row))
    kinds = [_column_kind([row.get(c) for row in rows]) for c in columns]
    buf = io.StringIO()
    out = CsvWriter(buf)
    out.row([c if raw else neutralise(c) for c in columns])
    for row in rows:
        out.row([_cell(row.get(c), kind, raw) for c, kind in zip(columns, kinds, strict=True)])
    return buf.getvalue()
