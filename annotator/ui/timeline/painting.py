"""Painting helpers shared by the timeline canvas and the overview strip."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from .model import DIFF_STATUSES, Lane, LaneIndex, Runs
from .theme import Theme

_STATUS_CODE = {s: i + 1 for i, s in enumerate(DIFF_STATUSES)}


def lane_colors(lane: Lane, theme: Theme) -> list[tuple[QColor, int | None]]:
    """``(colour, status code)`` pairs: one (``None``: all segments) for a normal lane; for
    a diff lane one per status code (0: no status, drawn in the lane colour)."""
    base = QColor(lane.color)
    if lane.style != "diff":
        return [(base, None)]
    out: list[tuple[QColor, int | None]] = [(base, 0)]
    for status, code in _STATUS_CODE.items():
        out.append((QColor(theme.status_colors[status]), code))
    return out


def segment_runs(
    index: LaneIndex, t0: float, t1: float, ms_per_px: float, status_code: int | None
) -> Runs:
    mask = None if status_code is None else index.status_codes == status_code
    return index.runs(t0, t1, ms_per_px, mask=mask)


def draw_runs(
    p: QPainter,
    index: LaneIndex,
    runs: Runs,
    color: QColor,
    *,
    origin_ms: float,
    ms_per_px: float,
    x_off: float,
    top: float,
    height: float,
    clip_left: float,
    clip_right: float,
    rounded: bool = True,
) -> None:
    """Draw one colour's worth of a lane: merged narrow runs as plain rectangles (one
    call), wide segments as rounded rectangles, points as diamonds (one path)."""
    border = color.darker(140)
    if len(runs.run_starts):
        xs = np.maximum((runs.run_starts - origin_ms) / ms_per_px + x_off, clip_left - 2)
        xe = np.minimum((runs.run_ends - origin_ms) / ms_per_px + x_off, clip_right + 2)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawRects(_rects(xs.tolist(), np.maximum(xe, xs + 1.0).tolist(), top, height))
    if len(runs.big):
        bs = np.maximum((index.starts[runs.big] - origin_ms) / ms_per_px + x_off, clip_left - 4)
        be = np.minimum((index.ends[runs.big] - origin_ms) / ms_per_px + x_off, clip_right + 4)
        p.setPen(QPen(border, 1))
        p.setBrush(color)
        if rounded:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for a, b in zip(bs.tolist(), be.tolist(), strict=True):
                p.drawRoundedRect(QRectF(a + 0.5, top + 0.5, b - a - 1, height - 1), 3, 3)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        else:
            p.drawRects(_rects(bs.tolist(), be.tolist(), top, height))
    if len(runs.points):
        px = (index.starts[runs.points] - origin_ms) / ms_per_px + x_off
        cy = top + height / 2
        r = max(3.0, min(height / 2, 7.0))
        path = QPainterPath()
        for x in px.tolist():
            path.addPolygon(diamond(x, cy, r))
            path.closeSubpath()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(border, 1))
        p.setBrush(color)
        p.drawPath(path)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def _rects(xs: list[float], xe: list[float], top: float, height: float) -> list[QRectF]:
    return [QRectF(a, top, b - a, height) for a, b in zip(xs, xe, strict=True)]


def diamond(x: float, cy: float, r: float) -> QPolygonF:
    return QPolygonF(
        [QPointF(x, cy - r), QPointF(x + r, cy), QPointF(x, cy + r), QPointF(x - r, cy)]
    )


def draw_selection(p: QPainter, rect: QRectF, theme: Theme, *, point: bool) -> None:
    """A strong two-tone outline (dark outside, white inside) readable on any colour."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setBrush(Qt.BrushStyle.NoBrush)
    if point:
        cx, cy = rect.center().x(), rect.center().y()
        r = rect.height() / 2
        p.setPen(QPen(QColor(theme.selection), 2.5))
        p.drawPolygon(diamond(cx, cy, r + 2))
        p.setPen(QPen(QColor(theme.selection_inner), 1))
        p.drawPolygon(diamond(cx, cy, r + 0.5))
    else:
        outer = rect.adjusted(-1.5, -1.5, 1.5, 1.5)
        p.setPen(QPen(QColor(theme.selection), 2.5))
        p.drawRoundedRect(outer, 4, 4)
        p.setPen(QPen(QColor(theme.selection_inner), 1))
        p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def draw_edge_handle(p: QPainter, x: float, top: float, height: float, theme: Theme) -> None:
    """A selected edge: a dark bar with a white core, slightly taller than the segment."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(QColor(theme.selection_inner), 1))
    p.setBrush(QBrush(QColor(theme.edge_handle)))
    p.drawRoundedRect(QRectF(x - 2.5, top - 3, 5, height + 6), 2, 2)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def draw_key_badge(p: QPainter, rect: QRectF, key: str, theme: Theme) -> None:
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(QColor(theme.badge_border), 1))
    p.setBrush(QColor(theme.badge_bg))
    p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    p.setPen(QColor(theme.badge_text))
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, key)
