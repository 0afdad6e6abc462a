"""Plain-text report for a terminal of 100 columns.

Every table starts with the label (in the report's language) and then the id, in a narrow
column. A label longer than its column wraps onto further lines of the row; nothing is cut.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from .common import (
    DASH,
    Report,
    ci_text,
    kappa_label,
    label,
    num,
    seconds,
    sections,
    summary,
    undefined_notes,
    units_label,
)

WIDTH = 100
MIN_LABEL = 16
DAGGER = "†"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> list[str]:
    """Aligned columns; column 0 (the label) wraps to the width left over; ``align`` has one
    'l' or 'r' per column (default: label and id left, the rest right). When fewer than
    ``MIN_LABEL`` columns are left, each row's label goes on its own line(s) above the row."""
    align = align or "ll" + "r" * (len(headers) - 2)
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]
    rest = sum(widths[1:]) + 2 * (len(widths) - 1)
    above = WIDTH - rest < MIN_LABEL
    if above:
        widths[0] = 0
    else:
        widths[0] = min(widths[0], WIDTH - rest)

    def line(cells: Sequence[str]) -> str:
        parts = [c.ljust(w) if align[i] == "l" else c.rjust(w)
                 for i, (c, w) in enumerate(zip(cells, widths, strict=True)) if w or i]
        return "  ".join(parts).rstrip()

    out = [line(headers if not above else ["", *headers[1:]]),
           line(["-" * w for w in widths])]
    for r in rows:
        if above:
            indent = " " * (len(r[0]) - len(r[0].lstrip()))
            out += textwrap.wrap(r[0].strip(), WIDTH, initial_indent=indent,
                                 subsequent_indent=indent + "  ")
            out.append(line(["", *r[1:]]))
            continue
        indent = " " * (len(r[0]) - len(r[0].lstrip()))
        wrapped = textwrap.wrap(r[0].strip(), widths[0], initial_indent=indent,
                                subsequent_indent=indent + "  ") or [""]
        out.append(line([wrapped[0], *r[1:]]))
        out += [ln for ln in wrapped[1:]]
    return out


def _band(d: Mapping[str, Any], name: str) -> str:
    return str(d.get(f"{name}_band") or "")


def _mark(d: Mapping[str, Any], name: str) -> str:
    """The value, with † when a note about it (depends on K, stacked) follows the table."""
    return num(d.get(name)) + (DAGGER if d.get(f"{name}_note") else "")


def _items(cat: Mapping[str, Any]) -> list[tuple[str, str, Mapping[str, Any]]]:
    """(label, id, dict) for the category row and its code rows."""
    return [(f"[{label(cat)}]", cat["id"], cat),
            *((f"  {label(c)}", c["id"], c) for c in cat["codes"])]


def _agreement(cat: Mapping[str, Any], multi: bool) -> list[str]:
    heads = ["code", "id", "kappa", "95% CI", "band", "alpha", "alpha band"]
    if multi:
        heads.insert(5, "Light")
    rows = []
    for name, ident, d in _items(cat):
        row = [name, ident, num(d.get("kappa")), ci_text(d.get("kappa_ci")), _band(d, "kappa"),
               _mark(d, "alpha"), _band(d, "alpha")]
        if multi:
            row.insert(5, num(d.get("light_kappa")))
        rows.append(row)
    return _table(heads, rows, "llrrlrl" if not multi else "llrrlrrl")


def _details(cat: Mapping[str, Any]) -> list[str]:
    heads = ["code", "id", "p_o", "PABAK/BP", "AC1", "k_max", "PI", "BI", "PA+", "PA-",
             "alpha 95% CI"]
    rows = [[name, ident, num(d.get("percent_agreement")), _mark(d, "pabak"), _mark(d, "ac1"),
             num(d.get("kappa_max")), num(d.get("prevalence_index")),
             num(d.get("bias_index")), num(d.get("positive_agreement")),
             num(d.get("negative_agreement")), ci_text(d.get("alpha_ci"))]
            for name, ident, d in _items(cat)]
    return _table(heads, rows)


def _coder_rows(cat: Mapping[str, Any], coders: list[str], events: bool) -> list[str]:
    heads = ["code", "id", *(f"s {k}" for k in coders), *(f"ev {k}" for k in coders)]
    if events:
        heads += ["matched", f"unm {coders[0]}", f"unm {coders[1]}", "ev k", "ev k m"]
    rows = []
    for c in cat["codes"]:
        ev = c.get("event_agreement") or {}
        linked = ([str(ev.get("matched", DASH)), str(ev.get("unmatched_A", DASH)),
                   str(ev.get("unmatched_B", DASH)), num(ev.get("kappa_with_unmatched")),
                   num(ev.get("kappa_matched_only"))] if events else [])
        rows.append([f"  {label(c)}", c["id"], *(seconds(c["seconds"].get(k)) for k in coders),
                     *(str(c["events"].get(k, DASH)) for k in coders), *linked])
    return _table(heads, rows)


def _icc_rows(cat: Mapping[str, Any]) -> list[str]:
    heads = ["code", "id", "ICC s", "95% CI", "band", "ICC n", "95% CI", "band"]
    rows = [[f"  {label(c)}", c["id"], num(c.get("icc_seconds")), ci_text(c.get("icc_seconds_ci")),
             _band(c, "icc_seconds"), num(c.get("icc_counts")), ci_text(c.get("icc_counts_ci")),
             _band(c, "icc_counts")] for c in cat["codes"]]
    return _table(heads, rows, "llrrlrrl")


def _confusion(conf: Mapping[str, Any]) -> list[str]:
    """Rows numbered, columns by number: long labels never widen the matrix."""
    names = [str(x) for x in conf.get("label_names") or conf["labels"]]
    ids = [str(x) for x in conf["labels"]]
    cols = [str(k + 1) if i != "∅" else "∅" for k, i in enumerate(ids)]
    rows = [[f"{cols[k]} {name}" if name != "∅" else "∅ (no code)", ids[k] if name != "∅"
             else "", *(f"{v:.1f}" if conf["unit"] == "s" else f"{v:g}" for v in row)]
            for k, (name, row) in enumerate(zip(names, conf["matrix"], strict=True))]
    head = [f"{conf['rows']} \\ {conf['columns']}", "id", *cols]
    return [f"  confusion ({conf['unit']}), rows {conf['rows']}, columns {conf['columns']}:",
            *("    " + ln for ln in _table(head, rows))]


def _wrap(text: str, indent: str = "  ") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")


def _section(title: str, coders: list[str], categories: list[Mapping[str, Any]]) -> list[str]:
    out = ["", title, "=" * len(title)]
    multi = len(coders) >= 3
    events = len(coders) == 2
    for cat in categories:
        kind = "exclusive" if cat["exclusive"] else "non-exclusive"
        out += ["", *textwrap.wrap(f"Category {label(cat)} ({cat['id']}, {kind})", WIDTH)]
        out += ["", *_agreement(cat, multi)]
        out += ["", *_details(cat)]
        out += ["", *_coder_rows(cat, coders, events)]
        out += ["", *_icc_rows(cat)]
        for name in ("pabak", "ac1", "alpha"):
            if cat.get(f"{name}_note"):
                out += _wrap(f"{DAGGER} {name} of the category: {cat[f'{name}_note']}")
        if cat.get("pooled_codes") is not None:
            out += _wrap("pooled over: " + (", ".join(cat.get("pooled_code_labels")
                                                     or cat["pooled_codes"]) or "no code"))
        conf = cat.get("confusion")
        if isinstance(conf, Mapping):
            out += ["", *_confusion(conf)]
        ev = cat.get("events")
        if isinstance(ev, Mapping):
            out += _wrap(
                f"events: {ev['matched']} matched, {ev['linked_different_code']} linked to "
                f"another code, {ev['unmatched_A']} unmatched {coders[0]}, {ev['unmatched_B']} "
                f"unmatched {coders[1]}; event kappa with unmatched "
                f"{num(ev.get('kappa_with_unmatched'))}, matched only "
                f"{num(ev.get('kappa_matched_only'))}")
        notes = undefined_notes([(f"[{cat['id']}]", cat), *((c["id"], c) for c in cat["codes"])],
                                ["kappa", "alpha", "icc_seconds", "icc_counts"])
        for note in notes:
            out += _wrap(f"{DASH} {note}")
    return out


def _summary(report: Report) -> list[str]:
    out = ["", "What to report", "=============="]
    for head, text in summary(report):
        out += _wrap(f"{head}: {text}", "")
    return out


def _methods(report: Report) -> list[str]:
    out = ["", "Methods paragraph", "================="]
    for lang, text in (report.get("methods") or {}).items():
        out.append("")
        out.append({"en": "English:", "nb": "Norsk (bokmål):"}.get(lang, f"{lang}:"))
        for para in text.split("\n"):
            out += textwrap.wrap(para, WIDTH) or [""]
    return out


def to_table(report: Report) -> str:
    """A readable, aligned plain-text report (bands next to every value)."""
    sessions = report["sessions"]
    hours = sum(s["duration_s"] for s in sessions) / 3600
    boot = report.get("bootstrap", {})
    head = [
        f"Inter-rater reliability: {', '.join(report['coders'])} ({kappa_label(report)})",
        f"{len(sessions)} sessions, {hours:.2f} h; units: {units_label(report)}; alpha on "
        f"{report.get('alpha_resolution_ms')} ms slices; tolerance {report['tolerance_ms']} ms",
        f"95% CIs: percentile bootstrap over sessions, {boot.get('resamples')} resamples, "
        f"seed {boot.get('seed')}. p_o = proportion of agreement; PABAK/BP = PABAK, also "
        "Brennan-Prediger; PI/BI = prevalence/bias index; PA+/PA- = positive/negative specific "
        "agreement; ev k = event kappa with unmatched, ev k m = over matched pairs only; "
        f"{DAGGER} = see the note below the table.",
    ]
    out = [ln for h in head for ln in textwrap.wrap(h, WIDTH)]
    out += _summary(report)
    for title, coders, cats in sections(report):
        out += _section(title, coders, cats)
    if report.get("excluded_sessions"):
        out += ["", "Excluded sessions:"]
        out += [f"  {s['case']}/{s['session']}: {s['reason']}" for s in report["excluded_sessions"]]
    if report.get("warnings"):
        out += ["", "Warnings:"] + [ln for w in report["warnings"] for ln in _wrap(w)]
    out += _methods(report)
    out += ["", "Definitions", "==========="]
    for key, text in report.get("definitions", {}).items():
        out += textwrap.wrap(f"{key}: {text}", WIDTH, subsequent_indent="  ")
    return "\n".join(out) + "\n"
