"""Plain-text report for a terminal of 100 columns."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from .common import (
    DASH,
    Report,
    ci_text,
    kappa_label,
    num,
    seconds,
    sections,
    undefined_notes,
    units_label,
)

WIDTH = 100


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> list[str]:
    """Aligned columns; ``align`` has one 'l' or 'r' per column (default: first left)."""
    align = align or "l" + "r" * (len(headers) - 1)
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        parts = [c.ljust(w) if align[i] == "l" else c.rjust(w)
                 for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return "  ".join(parts).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def _short(text: str, width: int = 22) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _band(d: Mapping[str, Any], name: str) -> str:
    return str(d.get(f"{name}_band") or "")


def _agreement_rows(cat: Mapping[str, Any]) -> list[list[str]]:
    rows = [[f"[{_short(cat['id'], 20)}]", num(cat.get("kappa")), ci_text(cat.get("kappa_ci")),
             _band(cat, "kappa"), num(cat.get("percent_agreement")), num(cat.get("pabak")),
             DASH, DASH, DASH, num(cat.get("alpha")), _band(cat, "alpha")]]
    for c in cat["codes"]:
        rows.append([
            "  " + _short(c["id"], 20), num(c.get("kappa")), ci_text(c.get("kappa_ci")),
            _band(c, "kappa"), num(c.get("percent_agreement")), num(c.get("pabak")),
            num(c.get("kappa_max")), num(c.get("prevalence_index")), num(c.get("bias_index")),
            num(c.get("alpha")), _band(c, "alpha"),
        ])
    return rows


def _coder_rows(cat: Mapping[str, Any], coders: list[str], events: bool) -> list[list[str]]:
    rows = []
    for c in cat["codes"]:
        ev = c.get("event_agreement") or {}
        linked = ([str(ev.get("matched", DASH)), str(ev.get("unmatched_A", DASH)),
                   str(ev.get("unmatched_B", DASH))] if events else [])
        rows.append([
            _short(c["id"]), *(seconds(c["seconds"].get(k)) for k in coders),
            *(str(c["events"].get(k, DASH)) for k in coders), *linked,
            num(c.get("icc_seconds")), _band(c, "icc_seconds"),
            num(c.get("icc_counts")), _band(c, "icc_counts"),
        ])
    return rows


def _confusion(conf: Mapping[str, Any]) -> list[str]:
    labels = [_short(str(x), 14) for x in conf["labels"]]
    rows = [[lab, *(f"{v:.1f}" if conf["unit"] == "s" else f"{v:g}" for v in row)]
            for lab, row in zip(labels, conf["matrix"], strict=True)]
    head = [f"{conf['rows']} \\ {conf['columns']}", *labels]
    return [f"  confusion ({conf['unit']}), rows {conf['rows']}, columns {conf['columns']}:",
            *("    " + ln for ln in _table(head, rows))]


def _section(title: str, coders: list[str], categories: list[Mapping[str, Any]]) -> list[str]:
    out = ["", title, "=" * len(title)]
    for cat in categories:
        kind = "exclusive" if cat["exclusive"] else "non-exclusive"
        out += ["", f"Category {cat['id']} ({kind})"]
        heads = ["code", "kappa", "95% CI", "band", "p_o", "PABAK", "k_max", "PI", "BI",
                 "alpha", "alpha band"]
        out += _table(heads, _agreement_rows(cat), "lrrlrrrrrrl")
        events = len(coders) == 2
        heads = ["code", *(f"s {k}" for k in coders), *(f"ev {k}" for k in coders),
                 *(["matched", f"unm {coders[0]}", f"unm {coders[1]}"] if events else []),
                 "ICC s", "band", "ICC n", "band"]
        align = "l" + "r" * (2 * len(coders) + (3 if events else 0)) + "rlrl"
        out += ["", *_table(heads, _coder_rows(cat, coders, events), align)]
        conf = cat.get("confusion")
        if isinstance(conf, Mapping):
            out += ["", *_confusion(conf)]
        ev = cat.get("events")
        if isinstance(ev, Mapping):
            out += textwrap.wrap(
                f"events: {ev['matched']} matched, {ev['linked_different_code']} linked to "
                f"another code, {ev['unmatched_A']} unmatched {coders[0]}, {ev['unmatched_B']} "
                f"unmatched {coders[1]}; event kappa with unmatched "
                f"{num(ev.get('kappa_with_unmatched'))}, matched only "
                f"{num(ev.get('kappa_matched_only'))}", WIDTH, initial_indent="  ",
                subsequent_indent="    ")
        notes = undefined_notes([(f"[{cat['id']}]", cat), *((c["id"], c) for c in cat["codes"])],
                                ["kappa", "alpha", "icc_seconds", "icc_counts"])
        for note in notes:
            out += textwrap.wrap(f"{DASH} {note}", WIDTH, initial_indent="  ",
                                 subsequent_indent="    ")
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
        f"seed {boot.get('seed')}. p_o = proportion of agreement; PI/BI = prevalence/bias index.",
    ]
    out = [ln for h in head for ln in textwrap.wrap(h, WIDTH)]
    for title, coders, cats in sections(report):
        out += _section(title, coders, cats)
    if report.get("excluded_sessions"):
        out += ["", "Excluded sessions:"]
        out += [f"  {s['case']}/{s['session']}: {s['reason']}" for s in report["excluded_sessions"]]
    if report.get("warnings"):
        out += ["", "Warnings:"] + [f"  {w}" for w in report["warnings"]]
    out += ["", "Definitions", "==========="]
    for key, text in report.get("definitions", {}).items():
        out += textwrap.wrap(f"{key}: {text}", WIDTH, subsequent_indent="  ")
    return "\n".join(out) + "\n"
