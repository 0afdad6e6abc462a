"""Self-contained HTML reliability report: inline CSS and SVG, no scripts, no external links."""

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
    num,
    seconds,
    sections,
    session_diffs,
    undefined_notes,
    units_label,
)
from .svg import heatmap, timeline

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;
 margin:24px auto;max-width:1140px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid
 #ddd;padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}
.meta{color:#555;margin:0 0 12px}
table{border-collapse:collapse;margin:6px 0 10px;font-variant-numeric:tabular-nums}
th,td{padding:3px 8px;border-bottom:1px solid #e4e4e4;text-align:right;white-space:nowrap}
th{background:#f4f5f7;font-weight:600;font-size:12px}
td:first-child,th:first-child{text-align:left}
tr.cat td{font-weight:600;background:#fafafa}
.band{display:inline-block;padding:0 6px;border-radius:8px;font-size:11px;color:#222}
.b-poor,.b-unreliable{background:#f6c5c3}.b-slight{background:#f9d9c1}.b-fair{background:#fbe7b5}
.b-moderate,.b-tentative{background:#f3efb0}.b-substantial,.b-good{background:#d3ecc0}
.b-almost-perfect,.b-reliable,.b-excellent{background:#a9dc9a}
.na{color:#999;cursor:help}
.notes{color:#555;font-size:12px;margin:2px 0 10px 0;padding-left:18px}
dl.defs dt{font-weight:600;margin-top:8px}dl.defs dd{margin:2px 0 0 16px;color:#333}
svg{display:block;margin:6px 0 14px;font-size:11px;max-width:100%;height:auto}
table{display:block;overflow-x:auto;max-width:100%}
svg .lab{fill:#333}svg .axis{fill:#555;font-size:12px}svg .val{font-size:11px}
svg .lane{fill:#f3f4f6}svg .tick{stroke:#ccc;stroke-width:1}
.warn{color:#8a4b00}
"""


def _val(d: Mapping[str, Any], name: str, digits: int = 2) -> str:
    v = d.get(name)
    if v is None:
        reason = d.get(f"{name}_reason") or "not applicable"
        return f'<span class="na" title="{escape(str(reason))}">{DASH}</span>'
    return num(v, digits)


def _band(d: Mapping[str, Any], name: str) -> str:
    b = d.get(f"{name}_band")
    if not b:
        return ""
    return f'<span class="band b-{escape(str(b)).replace(" ", "-")}">{escape(str(b))}</span>'


def _with_band(d: Mapping[str, Any], name: str) -> str:
    return f"{_val(d, name)} {_band(d, name)}"


def _table(headers: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(f'<tr class="{cls}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
                   for cls, cells in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _agreement(cat: Mapping[str, Any]) -> str:
    heads = ["code", "kappa", "95% CI", "p_o", "PABAK", "kappa_max", "PI", "BI", "alpha",
             "alpha 95% CI"]

    def cells(d: Mapping[str, Any], name: str) -> list[str]:
        return [name, _with_band(d, "kappa"), ci_text(d.get("kappa_ci")),
                _val(d, "percent_agreement"), _val(d, "pabak"), _val(d, "kappa_max"),
                _val(d, "prevalence_index"), _val(d, "bias_index"), _with_band(d, "alpha"),
                ci_text(d.get("alpha_ci"))]

    rows = [("cat", cells(cat, f"{escape(cat['id'])} (category)"))]
    rows += [("", cells(c, escape(c["id"]))) for c in cat["codes"]]
    return _table(heads, rows)


def _coders(cat: Mapping[str, Any], coders: list[str]) -> str:
    pair = len(coders) == 2
    heads = ["code", *(f"seconds {k}" for k in coders), *(f"events {k}" for k in coders),
             *(["matched", f"unmatched {coders[0]}", f"unmatched {coders[1]}",
                "event kappa (with unmatched)"] if pair else []),
             "ICC seconds", "ICC counts"]
    rows = []
    for c in cat["codes"]:
        ev = c.get("event_agreement") if isinstance(c.get("event_agreement"), Mapping) else None
        ev_cells = ([str(ev["matched"]), str(ev["unmatched_A"]), str(ev["unmatched_B"]),
                     _val(ev, "kappa_with_unmatched")] if ev else [])
        rows.append(("", [escape(c["id"]), *(seconds(c["seconds"].get(k)) for k in coders),
                          *(str(c["events"].get(k, DASH)) for k in coders), *ev_cells,
                          _with_band(c, "icc_seconds"), _with_band(c, "icc_counts")]))
    return _table(heads, rows)


def _events(ev: Mapping[str, Any], coders: list[str]) -> str:
    a, b = escape(coders[0]), escape(coders[1])
    return (f'<p class="meta">Events: {ev["matched"]} matched, {ev["linked_different_code"]} '
            f'linked to another code, {ev["unmatched_A"]} unmatched {a}, {ev["unmatched_B"]} '
            f'unmatched {b}; event kappa with unmatched {_val(ev, "kappa_with_unmatched")}, '
            f'matched only {_val(ev, "kappa_matched_only")}.</p>')


def _section(title: str, coders: list[str], cats: list[Mapping[str, Any]]) -> str:
    out = [f"<h2>{escape(title)}</h2>"]
    for cat in cats:
        kind = "exclusive" if cat["exclusive"] else "non-exclusive"
        out.append(f"<h3>{escape(cat['id'])} <small>({kind})</small></h3>")
        out.append(_agreement(cat))
        out.append(_coders(cat, coders))
        notes = undefined_notes(
            [(f"{cat['id']} (category)", cat), *((c["id"], c) for c in cat["codes"])],
            ["kappa", "alpha", "kappa_max", "icc_seconds", "icc_counts"])
        if notes:
            out.append('<ul class="notes">' + "".join(
                f"<li>{escape(n)}</li>" for n in notes) + "</ul>")
        conf = cat.get("confusion")
        if isinstance(conf, Mapping):
            out.append("<p class=\"meta\">Confusion matrix (durations; ∅ = no code of the "
                       "category):</p>" + heatmap(conf))
        ev = cat.get("events")
        if isinstance(ev, Mapping):
            out.append(_events(ev, coders))
    return "".join(out)


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
    out = [f"<h2>Timeline differences, {escape(coders[0])} vs {escape(coders[1])}</h2>"]
    for s in report["sessions"]:
        runs = session_diffs(diffs, s["case"], s["session"])
        if runs is None:
            continue
        out.append(f"<h3>{escape(str(s['case']))} session {s['session']} "
                   f"({s['duration_s'] / 60:.1f} min)</h3>")
        out.append(timeline(runs, round(s["duration_s"] * 1000), exclusive, order, coders))
    return "".join(out)


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
        f"{escape(str(cb.get('version', '')))} · {len(sessions)} sessions, {hours:.2f} h · "
        f"{escape(units_label(report))} · alpha on {report.get('alpha_resolution_ms')} ms "
        f"slices · tolerance {report['tolerance_ms']} ms · 95% CIs from "
        f"{boot.get('resamples')} bootstrap resamples of sessions (seed {boot.get('seed')})</p>",
    ]
    body += [_section(t, c, cats) for t, c, cats in sections(report)]
    body.append(_diff_section(report, diffs))
    rows = [("", [escape(str(s["case"])), str(s["session"]), f"{s['duration_s']:.1f}"])
            for s in sessions]
    body.append("<h2>Sessions</h2>" + _table(["case", "session", "duration (s)"], rows))
    if report.get("excluded_sessions"):
        body.append('<p class="meta">Excluded: ' + "; ".join(
            f"{escape(str(s['case']))}/{s['session']} ({escape(str(s['reason']))})"
            for s in report["excluded_sessions"]) + "</p>")
    if report.get("warnings"):
        body.append('<h2>Warnings</h2><ul class="warn">' + "".join(
            f"<li>{escape(w)}</li>" for w in report["warnings"]) + "</ul>")
    defs = report.get("definitions", {})
    body.append('<h2>Definitions</h2><dl class="defs">' + "".join(
        f"<dt>{escape(k.replace('_', ' '))}</dt><dd>{escape(v)}</dd>" for k, v in defs.items())
        + "</dl>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>Inter-rater reliability</title>"
            f"<style>{CSS}</style></head><body>{''.join(body)}</body></html>\n")
