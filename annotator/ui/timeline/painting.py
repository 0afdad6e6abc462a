"""Painting helpers shared by the timeline canvas and the overview strip."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPolygonF

from .model import DIFF_STATUSES, Lane, LaneIndex
from .raster import Columns, lane_columns
from .theme import Theme

_STATUS_CODE = {s: i + 1 for i, s in enumerate(DIFF_STATUSES)}
DETAIL_MAX = 48  # per lane strip and colour: above this, wide segments are rasterised


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


def lane_strip(
    index: LaneIndex, origin: float, ms_per_px: float, width: int, status_code: int | None,
    *, detail_max: int = DETAIL_MAX, min_px: float = 3.0,
) -> Columns:
    mask = None if status_code is None else index.status_codes == status_code
    return lane_columns(index, origin, ms_per_px, width, mask=mask, detail_max=detail_max,
                        min_px=min_px)


def draw_lane_strip(
    p: QPainter,
    index: LaneIndex,
    cols: Columns,
    color: QColor,
    *,
    origin: float,
    ms_per_px: float,
    x_left: int,
    top: float,
    height: float,
) -> None:
    """Draw one colour's worth of a lane strip whose column 0 is at widget x ``x_left``:
    merged columns as one image, detailed wide segments as rounded rectangles, points
    as diamonds (as ticks when there are more than ``DETAIL_MAX`` or the lane is thin)."""
    border = color.darker(140)
    width = len(cols.fill)
    if cols.fill.any():
        row = np.where(cols.edge, np.uint32(border.rgb()), np.uint32(color.rgb()))
        row = np.where(cols.fill, row, np.uint32(0)).astype(np.uint32)
        image = QImage(row.data, width, 1, 4 * width, QImage.Format.Format_ARGB32_Premultiplied)
        p.drawImage(QRect(x_left, round(top), width, max(1, round(height))), image)
        del row  # the image borrowed its buffer until here
    if len(cols.detail):
        xs = ((index.starts[cols.detail] - origin) / ms_per_px + x_left).tolist()
        xe = ((index.ends[cols.detail] - origin) / ms_per_px + x_left).tolist()
        p.setPen(QPen(border, 1))
        p.setBrush(color)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for a, b in zip(xs, xe, strict=True):
            a, b = max(a, x_left - 4.0), min(b, x_left + width + 4.0)
            p.drawRoundedRect(QRectF(a + 0.5, top + 0.5, b - a - 1, height - 1), 3, 3)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    if len(cols.points):
        px = ((index.starts[cols.points] - origin) / ms_per_px + x_left).tolist()
        cy = top + height / 2
        r = max(3.0, min(height / 2, 7.0))
        if len(px) <= DETAIL_MAX and height >= 8:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(QPen(border, 1))
            p.setBrush(color)
            for x in px:
                p.drawPolygon(diamond(x, cy, r))
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        else:
            p.setPen(QPen(color, 2))
            p.drawLines([QLineF(x, top, x, top + height) for x in px])


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
