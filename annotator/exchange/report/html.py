"""Self-contained HTML reliability report: inline CSS and SVG, no scripts, no external links.

It prints (and :mod:`annotator.exchange.pdf` lays it out) on A4: the print CSS lets tables
wrap their labels, keeps rows whole, and every table is narrow enough for a portrait page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from .common import (
    DASH,
    Diffs,
    Report,
    ci_text,
    kappa_label,
    label,
    num,
    seconds,
    sections,
    session_diffs,
    summary,
    undefined_notes,
    units_label,
)
from .svg import heatmap, timeline

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
 color:#222;margin:24px auto;max-width:1140px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid
 #ddd;padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}
.meta{color:#555;margin:0 0 12px}
table{border-collapse:collapse;margin:6px 0 10px;font-variant-numeric:tabular-nums;
 max-width:100%}
th,td{padding:3px 7px;border-bottom:1px solid #e4e4e4;text-align:right;white-space:nowrap}
th{background:#f4f5f7;font-weight:600;font-size:12px}
td.name{text-align:left;white-space:normal;min-width:9em;max-width:22em}
td.id,th.id{text-align:left;color:#666;font-size:11px;font-family:ui-monospace,"DejaVu Sans Mono",
 monospace}
th:first-child{text-align:left}
tr.cat td{font-weight:600;background:#fafafa}
.band{display:inline-block;padding:0 6px;border-radius:8px;font-size:11px;color:#222}
.b-poor,.b-unreliable{background:#f6c5c3}.b-slight{background:#f9d9c1}.b-fair{background:#fbe7b5}
.b-moderate,.b-tentative{background:#f3efb0}.b-substantial,.b-good{background:#d3ecc0}
.b-almost-perfect,.b-reliable,.b-excellent{background:#a9dc9a}
.na{color:#999;cursor:help}
.notes{color:#555;font-size:12px;margin:2px 0 10px 0;padding-left:18px}
.summary{border:1px solid #cfd8e3;background:#f6f9fc;padding:8px 16px;border-radius:6px}
.summary h2{margin-top:6px}.summary dt{font-weight:600;margin-top:6px}
.summary dd{margin:2px 0 0 0}
.methods{white-space:pre-wrap;background:#fbfbf8;border-left:3px solid #c9c39a;padding:6px 12px}
dl.defs dt{font-weight:600;margin-top:8px}dl.defs dd{margin:2px 0 0 16px;color:#333}
svg{display:block;margin:6px 0 14px;font-size:11px;max-width:100%;height:auto}
.scroll{overflow-x:auto;max-width:100%}
svg .lab{fill:#333}svg .axis{fill:#555;font-size:12px}svg .val{font-size:11px}
svg .lane{fill:#f3f4f6}svg .tick{stroke:#ccc;stroke-width:1}
.warn{color:#8a4b00}
@page{size:A4;margin:14mm 12mm 16mm 12mm;
 @bottom-right{content:counter(page) " / " counter(pages);font-size:9px;color:#777}}
@media print{
 body{font-size:10px;margin:0;max-width:none;padding:0}
 h1{font-size:16px}h2{font-size:13px;margin:14px 0 6px;break-after:avoid}
 h3{font-size:11.5px;break-after:avoid}
 .scroll{overflow:visible}
 table{font-size:9px;width:auto;break-inside:auto}
 th{font-size:8.5px}th,td{padding:2px 4px}
 td.name{min-width:0;max-width:16em}
 td.id,th.id{font-size:8px}
 tr{break-inside:avoid}thead{display:table-header-group}
 .band{font-size:8px;padding:0 3px}
 svg{max-width:100%;break-inside:avoid}
 .summary{break-inside:avoid}
}
"""


def _val(d: Mapping[str, Any], name: str, digits: int = 2) -> str:
    v = d.get(name)
    if v is None:
        reason = d.get(f"{name}_reason") or "not applicable"
        return f'<span class="na" title="{escape(str(reason))}">{DASH}</span>'
    mark = "†" if d.get(f"{name}_note") else ""
    return num(v, digits) + mark


def _band(d: Mapping[str, Any], name: str) -> str:
    b = d.get(f"{name}_band")
    if not b:
        return ""
    return f'<span class="band b-{escape(str(b)).replace(" ", "-")}">{escape(str(b))}</span>'


def _with_band(d: Mapping[str, Any], name: str) -> str:
    return f"{_val(d, name)} {_band(d, name)}"


def _table(headers: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]]) -> str:
    """Rows start with a label cell (wraps) and an id cell (narrow)."""
    id_class = ' class="id"'
    head = "".join(f"<th{id_class if h == 'id' else ''}>{escape(h)}</th>" for h in headers)
    body = []
    for cls, cells in rows:
        tds = [f'<td class="name">{cells[0]}</td>', f'<td class="id">{cells[1]}</td>',
               *(f"<td>{c}</td>" for c in cells[2:])]
        body.append(f'<tr class="{cls}">' + "".join(tds) + "</tr>")
    return (f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')


def _items(cat: Mapping[str, Any]) -> list[tuple[str, list[str], Mapping[str, Any]]]:
    return [("cat", [f"{escape(label(cat))} (category)", escape(cat["id"])], cat),
            *(("", [escape(label(c)), escape(c["id"])], c) for c in cat["codes"])]


def _agreement(cat: Mapping[str, Any], multi: bool) -> str:
    heads = ["code", "id", "kappa", "95% CI", "AC1", "alpha", "alpha 95% CI"]
    if multi:
        heads.insert(4, "Light's kappa")
    rows = []
    for cls, first, d in _items(cat):
        cells = [*first, _with_band(d, "kappa"), ci_text(d.get("kappa_ci")), _val(d, "ac1"),
                 _with_band(d, "alpha"), ci_text(d.get("alpha_ci"))]
        if multi:
            cells.insert(4, _val(d, "light_kappa"))
        rows.append((cls, cells))
    return _table(heads, rows)


def _details(cat: Mapping[str, Any]) -> str:
    heads = ["code", "id", "p_o", "PABAK (Brennan–Prediger)", "kappa_max", "PI", "BI", "PA+",
             "PA−"]
    rows = [(cls, [*first, _val(d, "percent_agreement"), _val(d, "pabak"),
                   _val(d, "kappa_max"), _val(d, "prevalence_index"), _val(d, "bias_index"),
                   _val(d, "positive_agreement"), _val(d, "negative_agreement")])
            for cls, first, d in _items(cat)]
    return _table(heads, rows)


def _coders(cat: Mapping[str, Any], coders: list[str]) -> str:
    heads = ["code", "id", *(f"seconds {k}" for k in coders), *(f"events {k}" for k in coders)]
    rows = [("", [escape(label(c)), escape(c["id"]),
                  *(seconds(c["seconds"].get(k)) for k in coders),
                  *(str(c["events"].get(k, DASH)) for k in coders)]) for c in cat["codes"]]
    return _table(heads, rows)


def _linking(cat: Mapping[str, Any], coders: list[str]) -> str:
    heads = ["code", "id", "matched", f"unmatched {coders[0]}", f"unmatched {coders[1]}",
             "event kappa", "event kappa, matched only"]
    rows = []
    for c in cat["codes"]:
        ev = c.get("event_agreement") if isinstance(c.get("event_agreement"), Mapping) else None
        ev_cells = ([str(ev["matched"]), str(ev["unmatched_A"]), str(ev["unmatched_B"]),
                     _val(ev, "kappa_with_unmatched"), _val(ev, "kappa_matched_only")]
                    if ev else [DASH] * 5)
        rows.append(("", [escape(label(c)), escape(c["id"]), *ev_cells]))
    return _table(heads, rows)


def _icc(cat: Mapping[str, Any]) -> str:
    heads = ["code", "id", "ICC seconds", "ICC seconds 95% CI", "ICC counts",
             "ICC counts 95% CI"]
    rows = [("", [escape(label(c)), escape(c["id"]), _with_band(c, "icc_seconds"),
                  ci_text(c.get("icc_seconds_ci")), _with_band(c, "icc_counts"),
                  ci_text(c.get("icc_counts_ci"))]) for c in cat["codes"]]
    return _table(heads, rows)


def _events(ev: Mapping[str, Any], coders: list[str]) -> str:
    a, b = escape(coders[0]), escape(coders[1])
    return (f'<p class="meta">Events: {ev["matched"]} matched, {ev["linked_different_code"]} '
            f'linked to another code, {ev["unmatched_A"]} unmatched {a}, {ev["unmatched_B"]} '
            f'unmatched {b}; event kappa with unmatched {_val(ev, "kappa_with_unmatched")}, '
            f'matched only {_val(ev, "kappa_matched_only")}.</p>')


def _section(title: str, coders: list[str], cats: list[Mapping[str, Any]]) -> str:
    out = [f"<h2>{escape(title)}</h2>"]
    multi = len(coders) >= 3
    for cat in cats:
        kind = "exclusive" if cat["exclusive"] else "non-exclusive"
        out.append(f"<h3>{escape(label(cat))} <small>({escape(cat['id'])}, {kind})</small></h3>")
        out.append(_agreement(cat, multi))
        out.append(_details(cat))
        out.append(_coders(cat, coders))
        if len(coders) == 2:
            out.append(_linking(cat, coders))
        out.append(_icc(cat))
        notes = [f"† {name} of the category: {cat[f'{name}_note']}"
                 for name in ("pabak", "ac1", "alpha") if cat.get(f"{name}_note")]
        if cat.get("pooled_codes") is not None:
            notes.append("Pooled over: " + (", ".join(cat.get("pooled_code_labels")
                                                     or cat["pooled_codes"]) or "no code"))
        notes += undefined_notes(
            [(f"{cat['id']} (category)", cat), *((c["id"], c) for c in cat["codes"])],
            ["kappa", "alpha", "kappa_max", "icc_seconds", "icc_counts"])
        if notes:
            out.append('<ul class="notes">' + "".join(
                f"<li>{escape(n)}</li>" for n in notes) + "</ul>")
        conf = cat.get("confusion")
        if isinstance(conf, Mapping):
            out.append("<p class=\"meta\">Confusion matrix (durations; ∅ = no code of the "
                       "category; columns numbered as the rows):</p>" + heatmap(conf))
        ev = cat.get("events")
        if isinstance(ev, Mapping):
            out.append(_events(ev, coders))
    return "".join(out)


def _lane_names(report: Report) -> dict[str, str]:
    names: dict[str, str] = {}
    for c in report["categories"]:
        names[c["id"]] = label(c)
        for k in c["codes"]:
            names[f"{c['id']} / {k['id']}"] = label(k)
    return names


def _diff_section(report: Report, diffs: Diffs | None) -> str:
    if not diffs:
        return ""
    exclusive = {c["id"]: bool(c["exclusive"]) for c in report["categories"]}
    order: list[tuple[str, str]] = []
    for c in report["categories"]:
        if c["exclusive"]:
            order.append((c["id"], ""))
        order += [(c["id"], k["id"]) for k in c["codes"]]
    coders = list(report["coders"])
    names = _lane_names(report)
    out = [f"<h2>Timeline differences, {escape(coders[0])} vs {escape(coders[1])}</h2>"]
    for s in report["sessions"]:
        runs = session_diffs(diffs, s["case"], s["session"])
        if runs is None:
            continue
        out.append(f"<h3>{escape(str(s['case']))} session {s['session']} "
                   f"({s['duration_s'] / 60:.1f} min)</h3>")
        out.append(timeline(runs, round(s["duration_s"] * 1000), exclusive, order, coders,
                            names))
    return "".join(out)


def _summary(report: Report) -> str:
    items = "".join(f"<dt>{escape(h)}</dt><dd>{escape(t)}</dd>" for h, t in summary(report))
    return f'<section class="summary"><h2>What to report, and why</h2><dl>{items}</dl></section>'


def _methods(report: Report) -> str:
    texts = report.get("methods") or {}
    names = {"en": "English", "nb": "Norsk (bokmål)"}
    return "<h2>Methods paragraph</h2>" + "".join(
        f'<h3>{escape(names.get(lang, lang))}</h3><div class="methods" lang="{escape(lang)}">'
        f"{escape(text)}</div>" for lang, text in texts.items())


def to_html(report: Report, diffs: Diffs | None = None) -> str:
    """A self-contained HTML page; ``diffs`` maps (case, session) or "case:session" to runs."""
    sessions = report["sessions"]
    hours = sum(s["duration_s"] for s in sessions) / 3600
    boot = report.get("bootstrap", {})
    cb = report.get("codebook", {})
    body = [
        "<h1>Inter-rater reliability</h1>",
        f'<p class="meta">Coders {escape(", ".join(report["coders"]))} · '
        f"{escape(kappa_label(report))} · codebook {escape(str(cb.get('name', '')))} "
        f"{escape(str(cb.get('version', '')))} · labels in "
        f"{escape(str(report.get('language', '')))} · {len(sessions)} sessions, "
        f"{hours:.2f} h · {escape(units_label(report))} · alpha on "
        f"{report.get('alpha_resolution_ms')} ms slices · tolerance {report['tolerance_ms']} ms"
        f" · 95% CIs from {boot.get('resamples')} bootstrap resamples of sessions (seed "
        f"{boot.get('seed')})</p>",
        _summary(report),
    ]
    body += [_section(t, c, cats) for t, c, cats in sections(report)]
    body.append(_diff_section(report, diffs))
    rows = [("", [escape(str(s["case"])), str(s["session"]), f"{s['duration_s']:.1f}"])
            for s in sessions]
    body.append("<h2>Sessions</h2>" + _table(["case", "session", "duration (s)"], rows))
    if report.get("excluded_sessions"):
        body.append("<h2>Sessions left out</h2>" + _table(
            ["case", "session", "reason"],
            [("", [escape(str(s["case"])), str(s["session"]), escape(str(s["reason"]))])
             for s in report["excluded_sessions"]]))
    if report.get("warnings"):
        body.append('<h2>Warnings</h2><ul class="warn">' + "".join(
            f"<li>{escape(w)}</li>" for w in report["warnings"]) + "</ul>")
    body.append(_methods(report))
    defs = report.get("definitions", {})
    body.append('<h2>Definitions</h2><dl class="defs">' + "".join(
        f"<dt>{escape(k.replace('_', ' '))}</dt><dd>{escape(v)}</dd>" for k, v in defs.items())
        + "</dl>")
    lang = escape(str(report.get("language") or "en"))
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
            "<title>Inter-rater reliability</title>"
            f"<style>{CSS}</style></head><body>{''.join(body)}</body></html>\n")
