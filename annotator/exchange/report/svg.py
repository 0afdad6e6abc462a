"""Inline SVG figures: confusion-matrix heatmaps and per-session timeline diffs."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import Any

from annotator.core.reliability import DiffRun

STATUS_COLOURS = {"agree": "#59a14f", "disagree": "#e15759", "only_a": "#4e79a7",
                  "only_b": "#f28e2b"}
STATUS_ORDER = {"agree": 0, "disagree": 1, "only_a": 2, "only_b": 3}  # drawing order
MAX_TOOLTIPS = 3000


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _row_name(head: str, lab: str) -> str:
    return "∅ (no code)" if lab == "∅" else f"{head}. {_short(lab, 28)}"


def heatmap(conf: Mapping[str, Any]) -> str:
    """Confusion matrix as a heatmap: green diagonal (agreement), red off-diagonal."""
    labels = [str(x) for x in conf.get("label_names") or conf["labels"]]
    heads = [str(k + 1) if lab != "∅" else "∅" for k, lab in enumerate(labels)]
    matrix = [[float(v) for v in row] for row in conf["matrix"]]
    n = len(labels)
    cell, left, top = 64, 210, 70
    width, height = left + n * cell + 10, top + n * cell + 10
    peak = max((v for row in matrix for v in row), default=0.0) or 1.0
    unit = str(conf.get("unit", ""))
    parts = [
        f'<svg width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" class="heatmap">',
        f'<text x="{left}" y="16" class="axis">columns: {escape(str(conf["columns"]))}'
        f' ({escape(unit)})</text>',
        f'<text x="8" y="{top - 8}" class="axis">rows: {escape(str(conf["rows"]))}</text>',
    ]
    for j, lab in enumerate(labels):
        x = left + j * cell + cell / 2
        parts.append(f'<text x="{x:.0f}" y="{top - 8}" text-anchor="middle" class="lab">'
                     f'{escape(heads[j])}<title>{escape(lab)}</title></text>')
    for i, lab in enumerate(labels):
        y = top + i * cell
        parts.append(f'<text x="{left - 8}" y="{y + cell / 2 + 4:.0f}" text-anchor="end" '
                     f'class="lab">{escape(_row_name(heads[i], lab))}'
                     f'<title>{escape(lab)}</title></text>')
        for j, v in enumerate(matrix[i]):
            share = v / peak
            hue = 130 if i == j else 2
            light = 96 - 50 * share
            fill = f"hsl({hue}, 55%, {light:.0f}%)"
            ink = "#fff" if light < 62 else "#222"
            text = f"{v:.1f}" if unit == "s" else f"{v:g}"
            parts.append(
                f'<rect x="{left + j * cell}" y="{y}" width="{cell - 2}" height="{cell - 2}" '
                f'fill="{fill}"><title>{escape(lab)} / {escape(labels[j])}: {text} '
                f'{escape(unit)}</title></rect>'
                f'<text x="{left + j * cell + cell / 2 - 1:.0f}" y="{y + cell / 2 + 4:.0f}" '
                f'text-anchor="middle" fill="{ink}" class="val">{text}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _tick_step(duration_ms: int) -> int:
    for step in (1, 5, 10, 30, 60, 120, 300, 600, 900, 1800, 3600):
        if duration_ms / (step * 1000) <= 10:
            return step * 1000
    return 7200 * 1000


def _clock(ms: int) -> str:
    s = ms // 1000
    if s >= 3600:
        return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
    return f"{s // 60}:{s % 60:02d}"


Mark = tuple[str, str, float, float, DiffRun, DiffRun, int]


def _merged_marks(
    runs: Sequence[DiffRun], lane_of: Callable[[DiffRun], str], scale: float
) -> list[Mark]:
    """Runs as marks in pixels (at least 2 px wide): (lane, status, x0, x1, first run, last
    run, number of runs). Marks of one lane and status that touch or overlap after rounding to
    pixels are drawn as one, which keeps long sessions small."""
    keyed = sorted(runs, key=lambda r: (lane_of(r), STATUS_ORDER[r.status], r.start_ms,
                                        r.end_ms))
    marks: list[Mark] = []
    for r in keyed:
        lane, x0 = lane_of(r), r.start_ms * scale
        # points get 2 px; state runs keep their true width so slivers do not swamp the lane
        x1 = x0 + 2.0 if r.end_ms == r.start_ms else max(x0 + 0.3, r.end_ms * scale)
        if marks and marks[-1][:2] == (lane, r.status) and x0 <= marks[-1][3] + 0.5:
            m = marks[-1]
            marks[-1] = (lane, r.status, m[2], max(m[3], x1), m[4], r, m[6] + 1)
        else:
            marks.append((lane, r.status, x0, x1, r, r, 1))
    return marks


def timeline(runs: Sequence[DiffRun], duration_ms: int, exclusive: Mapping[str, bool],
             order: Sequence[tuple[str, str]], coders: Sequence[str],
             names: Mapping[str, str] | None = None) -> str:
    """One lane per code (non-exclusive categories) or per exclusive category; ``names`` maps
    a lane ("category" or "category / code" in ids) to the label shown."""
    shown = dict(names or {})
    def lane_of(r: DiffRun) -> str:
        if exclusive.get(r.category, False):
            return r.category
        return f"{r.category} / {r.code or r.code_a or r.code_b}"

    rank = {f"{c} / {k}": n for n, (c, k) in enumerate(order)}
    rank.update({c: n for n, (c, k) in enumerate(order) if exclusive.get(c) and k == ""})
    lanes = sorted({lane_of(r) for r in runs}, key=lambda name: (rank.get(name, 10**6), name))
    left, plot, lane_h, top = 190, 880, 20, 26
    width = left + plot + 20
    height = top + max(1, len(lanes)) * lane_h + 28
    scale = plot / max(1, duration_ms)
    row = {name: n for n, name in enumerate(lanes)}
    tips = len(runs) <= MAX_TOOLTIPS
    parts = [f'<svg width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" class="timeline">']
    for name, n in row.items():
        y = top + n * lane_h
        parts.append(f'<rect x="{left}" y="{y}" width="{plot}" height="{lane_h - 4}" '
                     f'class="lane"/><text x="{left - 8}" y="{y + 12}" text-anchor="end" '
                     f'class="lab">{escape(_short(shown.get(name, name), 30))}'
                     + (f"<title>{escape(shown[name])}</title>"
                        if len(shown.get(name, name)) > 30 else "") + "</text>")
    marks = sorted(_merged_marks(runs, lane_of, scale), key=lambda m: STATUS_ORDER[m[1]])
    if tips:
        for lane, status, x0, x1, first, last, count in marks:
            y = top + row[lane] * lane_h
            what = (f"{count} runs" if count > 1 else
                    first.code or f"{first.code_a} vs {first.code_b}")
            tip = (f"<title>{escape(status)} {escape(str(what))}: "
                   f"{_clock(first.start_ms)}–{_clock(last.end_ms)}</title>")
            parts.append(f'<rect x="{left + x0:.1f}" y="{y}" width="{x1 - x0:.1f}" '
                         f'height="{lane_h - 4}" fill="{STATUS_COLOURS[status]}">{tip}</rect>')
    else:  # many marks: one compact path per status
        paths: dict[str, list[str]] = {}
        for lane, status, x0, x1, *_ in marks:
            y = top + row[lane] * lane_h
            paths.setdefault(status, []).append(
                f"M{left + x0:.1f} {y}h{x1 - x0:.1f}v{lane_h - 4}h{x0 - x1:.1f}z")
        parts += [f'<path fill="{STATUS_COLOURS[st]}" d="{"".join(paths[st])}"/>'
                  for st in STATUS_ORDER if st in paths]
    axis_y = top + len(lanes) * lane_h + 4
    step = _tick_step(duration_ms)
    for t in range(0, duration_ms + 1, step):
        x = left + t * scale
        parts.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{axis_y}" '
                     f'class="tick"/><text x="{x:.1f}" y="{axis_y + 14}" text-anchor="middle" '
                     f'class="lab">{_clock(t)}</text>')
    legend = [("agree", "agree"), ("disagree", "different codes"),
              ("only_a", f"only {coders[0]}"), ("only_b", f"only {coders[1]}")]
    x = left
    for status, text in legend:
        parts.append(f'<rect x="{x}" y="6" width="12" height="12" '
                     f'fill="{STATUS_COLOURS[status]}"/><text x="{x + 16}" y="16" '
                     f'class="lab">{escape(text)}</text>')
        x += 30 + 7 * len(text)
    parts.append("</svg>")
    return "".join(parts)
