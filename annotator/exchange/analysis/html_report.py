"""The analysis report as one self-contained HTML page (inline CSS and SVG figures, no
scripts, no external links); the PDF is the same page laid out on A4."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import numpy as np
import pandas as pd

from annotator.core.analysis.budget import category_coverage, time_budget
from annotator.core.analysis.cooccurrence import overlap_matrix
from annotator.core.analysis.results import Results
from annotator.exchange.analysis.cells import cell_text
from annotator.exchange.analysis.meta import ReportMeta

CSS = """
@page{size:A4;margin:14mm 12mm}
body{font:13px/1.4 "DejaVu Sans",system-ui,sans-serif;color:#222;margin:20px auto;
 max-width:1140px;padding:0 16px}
h1{font-size:21px;margin:0 0 6px}h2{font-size:17px;margin:26px 0 8px;border-bottom:2px solid
 #ddd;padding-bottom:3px}h3{font-size:14px;margin:16px 0 6px}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 10px}
dl.meta dt{font-weight:600;color:#444}dl.meta dd{margin:0}
table{border-collapse:collapse;margin:6px 0 10px;font-variant-numeric:tabular-nums;
 font-size:12px}
th,td{padding:2px 7px;border-bottom:1px solid #e4e4e4;text-align:right;white-space:nowrap}
th{background:#f4f5f7;font-weight:600;font-size:11px}
td:first-child,th:first-child{text-align:left}
.notes{color:#555;font-size:11.5px;margin:2px 0 10px 0;padding-left:18px}
figure{margin:8px 0 14px}figure svg{max-width:100%;height:auto;display:block}
.sw{display:inline-block;width:9px;height:9px;border-radius:2px;margin-right:5px}
.empty{color:#999}
@media print{body{margin:0;padding:0;font-size:9.5px;max-width:none}
 table{font-size:8px}th{font-size:7.5px}th,td{padding:1px 4px}
 h2{break-after:avoid;font-size:13px}h3{break-after:avoid;font-size:11px}
 figure,table{break-inside:avoid}}
"""


def _cells(values: Sequence[object]) -> str:
    return "".join(f"<td>{escape(cell_text(v))}</td>" for v in values)


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]],
           first_html: Sequence[str] | None = None) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for i, r in enumerate(rows):
        if first_html is not None:
            body.append(f"<tr><td>{first_html[i]}</td>{_cells(r[1:])}</tr>")
        else:
            body.append(f"<tr>{_cells(r)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _notes(lines: Sequence[str]) -> str:
    return '<ul class="notes">' + "".join(f"<li>{escape(n)}</li>" for n in lines) + "</ul>"


def _swatch(color: str, label: str) -> str:
    return f'<span class="sw" style="background:{escape(color)}"></span>{escape(label)}'


def _figure(svgs: dict[str, str], name: str) -> str:
    svg = svgs.get(name)
    return f"<figure>{svg}</figure>" if svg else ""


def _group_label(row: pd.Series, by: str) -> str:  # type: ignore[type-arg]
    if by == "session":
        coder = row["coder"] or "not coded"
        return f"{row['case']}:{row['session']} ({coder})"
    if by == "case":
        return str(row["case"])
    if by == "coder":
        return str(row["coder"]) or "not coded"
    return "all"


def _budget_section(res: Results, svgs: dict[str, str]) -> str:
    d = res.data
    pooled = time_budget(d, "all", res.cover).frame()
    cols = ["count", "total_s", "percent_of_session", "rate_per_10min", "mean_bout_s",
            "sd_bout_s", "median_bout_s", "min_bout_s", "max_bout_s", "latency_s"]
    heads = ["code", "n", "total s", "% of time", "per 10 min", "mean bout s", "SD", "median",
             "min", "max", "latency s (mean)"]
    rows = [[r["code_label"], *[r[c] for c in cols]] for _, r in pooled.iterrows()]
    first = [_swatch(c.color, c.label) for c in d.codes]
    out = ["<h2>Time budget</h2>", "<h3>The whole selection, pooled</h3>",
           _table(heads, rows, first), _figure(svgs, "budget")]
    cats = category_coverage(d, "all", res.cover).frame()
    out.append("<h3>Per category: time with any of its codes</h3>")
    out.append(_table(["category", "seconds coded", "% coded", "seconds uncoded", "% uncoded"],
                      [[r["category_label"], r["coded_s"], r["percent_coded"], r["uncoded_s"],
                        r["percent_uncoded"]] for _, r in cats.iterrows()]))
    # The --by table, compact: groups x codes.
    t = res.frame("budget")
    n_k = d.n_codes
    if n_k:
        title = {"session": "Per session", "case": "Per case", "coder": "Per coder",
                 "all": "Pooled"}[res.by]
        out.append(f"<h3>{title}: % of session time (state codes) and events per 10 min "
                   "(point codes)</h3>")
        heads = [title.split()[-1] if res.by != "all" else "", *[c.label for c in d.codes]]
        rows2 = []
        for g in range(len(t) // n_k):
            block = t.iloc[g * n_k:(g + 1) * n_k]
            first_row = block.iloc[0]
            vals = [r["rate_per_10min"] if c.is_point else r["percent_of_session"]
                    for c, (_, r) in zip(d.codes, block.iterrows(), strict=True)]
            rows2.append([_group_label(first_row, res.by), *vals])
        out.append(_table(heads, rows2))
    out.append(_notes(res.notes["budget"]))
    return "".join(out)


def _matrix(labels: Sequence[str], mat: np.ndarray, corner: str = "") -> str:  # type: ignore[type-arg]
    rows = [[labels[i], *mat[i].tolist()] for i in range(len(labels))]
    return _table([corner, *labels], rows)


def _cooccurrence_section(res: Results, svgs: dict[str, str]) -> str:
    d = res.data
    state, sec, share = overlap_matrix(d, res.cover)
    out = ["<h2>Co-occurrence</h2>"]
    if len(state) < 2:
        return out[0] + '<p class="empty">Fewer than two state codes: nothing to show.</p>'
    labels = [d.codes[i].label for i in state]
    out += ["<h3>Seconds both codes are on (diagonal: the code's own time)</h3>",
            _matrix(labels, sec), "<h3>As % of the row code's time</h3>",
            _matrix(labels, share), _figure(svgs, "cooccurrence"),
            _notes(res.notes["cooccurrence"])]
    return "".join(out)


def _sequence_section(res: Results, svgs: dict[str, str]) -> str:
    d = res.data
    out = ["<h2>Sequences (lag 1)</h2>", _notes(res.notes["sequences"])]
    for t in res.sequence_tables:
        scope = "All codes" if t.scope == "all" else next(
            c.label for c in d.categories if c.id == t.scope)
        labels = [d.codes[i].label for i in t.codes]
        out.append(f"<h3>{escape(scope)}: {t.total} transition(s)</h3>")
        if t.total == 0:
            out.append('<p class="empty">No transitions.</p>')
            continue
        out += ["<p>Counts (rows: given, columns: target)</p>",
                _matrix(labels, t.counts.astype(int)),
                "<p>Transitional probabilities p(target | given)</p>",
                _matrix(labels, t.probability),
                "<p>Adjusted residuals (empty: expected count below the minimum)</p>",
                _matrix(labels, t.adjusted_residual),
                "<p>Yule's Q</p>", _matrix(labels, t.yules_q),
                _figure(svgs, f"sequences-{t.scope}")]
    return "".join(out)


def _trend_section(res: Results, svgs: dict[str, str]) -> str:
    d = res.data
    s = res.frame("trends")
    out = ["<h2>Trends over sessions</h2>"]
    if s.empty:
        return out[0] + '<p class="empty">No session with a coding and a duration.</p>'
    sessions = sorted(int(x) for x in s["session"].unique())
    for metric, title in (("percent_of_session", "% of session time"),
                          ("rate_per_10min", "Rate per 10 min")):
        m = s[s["metric"] == metric]
        rows = []
        for c in d.codes:
            sub = m[m["code"] == c.id].set_index("session")
            if sub.empty:
                continue
            cells: list[object] = [c.label]
            for n in sessions:
                if n not in sub.index:
                    cells.append("")
                    continue
                r = sub.loc[n]
                ci = ("" if np.isnan(r["ci_low"]) else
                      f" [{cell_text(r['ci_low'])}, {cell_text(r['ci_high'])}]")
                cells.append(f"{cell_text(r['mean'])}{ci} (n={int(r['cases'])})")
            rows.append(cells)
        out.append(f"<h3>{title}: mean [95% CI] over cases</h3>")
        out.append(_table(["code", *[f"session {n}" for n in sessions]], rows))
    out += [_figure(svgs, "trends-percent"), _figure(svgs, "trends-rate"),
            _figure(svgs, "case-session"), _notes(res.notes["trends"])]
    return "".join(out)


def report_html(res: Results, meta: ReportMeta, svgs: dict[str, str]) -> str:
    """The whole report; ``svgs`` are the figures by name (empty: a report without them)."""
    head = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in meta.lines(res))
    body = [f"<h1>Analysis: {escape(meta.study)}</h1>", f'<dl class="meta">{head}</dl>',
            _budget_section(res, svgs), _cooccurrence_section(res, svgs),
            _sequence_section(res, svgs), _trend_section(res, svgs)]
    return ("<!DOCTYPE html>\n<html lang=\"" + escape(meta.lang) + "\"><head><meta "
            "charset=\"utf-8\"><title>Analysis: " + escape(meta.study) + "</title><style>"
            + CSS + "</style></head><body>" + "".join(body) + "</body></html>\n")
