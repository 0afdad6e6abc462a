"""Painting of the timeline canvas: lanes, selection, drag preview, ruler, labels."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPolygonF

from annotator.core.timefmt import format_tc

from . import painting
from .edits import Edge
from .geometry import note_marker_box
from .geometry import span_of as _span
from .lane_labels import TEXT_LEFT, label_lines, text_width
from .layout import Row, RowLayout
from .model import TimelineModel
from .scale import TimeScale, choose_ticks, format_ruler, tick_times
from .theme import Theme

RULER_LABEL_PX = 84  # minimum distance between ruler labels


class PaintedCanvas(Protocol):
    """What the painter reads from the canvas (:class:`~.canvas.TimelineCanvas`)."""

    model: TimelineModel
    theme: Theme
    label_width: int
    ruler_height: int
    scale: TimeScale

    def font(self) -> QFont: ...
    def width(self) -> int: ...
    def height(self) -> int: ...
    def x_for_time(self, ms: float) -> float: ...
    def time_for_x(self, x: float) -> float: ...
    def segment_rect(self, seg_id: str) -> QRectF: ...
    def ruler_rect(self) -> QRect: ...
    @property
    def row_layout(self) -> RowLayout: ...
    def drag_preview(self) -> tuple[str, str, tuple[int, int], tuple[int, int]] | None: ...
    def row_top(self, row: Row) -> int: ...
    def seg_rect_in(self, row: Row, start: int, end: int) -> QRectF: ...
    def playhead(self) -> int: ...
    def selection(self) -> list[str]: ...
    def selected_edge(self) -> tuple[str, Edge] | None: ...
    def scroll_y(self) -> int: ...


class CanvasPainter:
    """Paints one dirty rectangle of a :class:`TimelineCanvas` at a time."""

    def __init__(self, canvas: PaintedCanvas, painter: QPainter) -> None:
        self.c = canvas
        self.p = painter
        self.small = QFont(canvas.font())
        self.small.setPointSizeF(max(7.0, canvas.font().pointSizeF() - 1))
        self.bold = QFont(canvas.font())
        self.bold.setBold(True)

    def paint(self, dirty: QRect) -> None:
        c, p = self.c, self.p
        w, h = c.width(), c.height()
        lx, rh = c.label_width, c.ruler_height
        t0 = c.time_for_x(dirty.left() - 10)
        t1 = c.time_for_x(dirty.right() + 10)
        ticks = choose_ticks(c.scale.ms_per_px, RULER_LABEL_PX)
        lanes_area = QRect(lx, rh, w - lx, h - rh)
        if dirty.intersects(lanes_area):
            p.save()
            p.setClipRect(lanes_area.intersected(dirty))
            self._paint_lanes(dirty, t0, t1, ticks.major_ms)
            p.restore()
        if dirty.intersects(c.ruler_rect()):
            p.save()
            p.setClipRect(c.ruler_rect().intersected(dirty))
            self._paint_ruler(t0, t1, ticks.major_ms, ticks.minor_ms, ticks.decimals)
            p.restore()
        if dirty.left() < lx:
            p.save()
            p.setClipRect(QRect(0, 0, lx, h).intersected(dirty))
            self._paint_labels(dirty)
            p.restore()
        p.save()
        p.setClipRect(QRect(0, rh, w, h - rh).intersected(dirty))
        self._paint_group_titles(dirty)
        p.restore()

    def _paint_lanes(self, dirty: QRect, t0: float, t1: float, major: int) -> None:
        c, p = self.c, self.p
        th = c.theme
        lx, rh, w, h = c.label_width, c.ruler_height, c.width(), c.height()
        p.fillRect(dirty, QColor(th.background))
        y0 = dirty.top() - rh + c.scroll_y()
        rows = c.row_layout.rows_between(y0, dirty.bottom() + 1 - rh + c.scroll_y())
        for row in rows:
            top = c.row_top(row)
            rect = QRect(lx, top, w - lx, row.height)
            if row.kind == "group":
                p.fillRect(rect, QColor(th.group_bg))
            else:
                p.fillRect(rect, QColor(th.lane_odd if row.band % 2 else th.lane_even))
        content_bottom = min(h, rh + c.row_layout.content_height - c.scroll_y())
        p.setPen(QPen(QColor(th.grid), 1))
        p.drawLines([
            QLineF(x + 0.5, rh, x + 0.5, content_bottom - 1)
            for x in (round(c.x_for_time(t)) for t in tick_times(t0, t1, major))
        ])
        ms_per_px = c.scale.ms_per_px
        x_left = max(lx, dirty.left() - 8)
        width = dirty.right() + 8 - x_left + 1
        origin = c.time_for_x(x_left)
        for row in rows:
            if row.lane is None:
                continue
            seg_box = c.seg_rect_in(row, 0, 1)
            index = c.model.index(row.lane.id)
            if not len(index):
                continue
            for color, code in painting.lane_colors(row.lane, th):
                cols = painting.lane_strip(index, origin, ms_per_px, width, code)
                painting.draw_lane_strip(
                    p, index, cols, color, origin=origin, ms_per_px=ms_per_px, x_left=x_left,
                    top=seg_box.top(), height=seg_box.height(),
                )
        self._paint_note_markers(rows, origin, c.time_for_x(x_left + width))
        self._paint_selection(dirty)
        self._paint_preview()
        self._paint_playhead_line(rh, h)

    def _paint_note_markers(self, rows: list[Row], t0: float, t1: float) -> None:
        """A dark dog-ear (white-edged) on each visible segment that has a note; at most
        one per pixel column and lane, so a dense zoomed-out lane stays cheap."""
        c, p = self.c, self.p
        fill = QColor(c.theme.note_marker)
        p.setPen(QPen(QColor("#ffffff"), 1))
        p.setBrush(fill)
        for row in rows:
            if row.lane is None:
                continue
            index = c.model.index(row.lane.id)
            if not len(index) or not index.has_note.any():
                continue
            vis = index.visible(t0, t1)
            vis = vis[index.has_note[vis]]
            last_x = -1
            for i in vis.tolist():
                seg = index.segments[i]
                box = note_marker_box(c.seg_rect_in(row, *_span(seg)))
                if round(box.left()) == last_x:
                    continue
                last_x = round(box.left())
                p.drawPolygon(QPolygonF([box.topLeft(), box.topRight(), box.bottomLeft()]))

    def _paint_selection(self, dirty: QRect) -> None:
        c, p = self.c, self.p
        area = QRectF(dirty).adjusted(-6, -6, 6, 6)
        for seg_id in c.selection():
            if seg_id not in c.model or not c.model.has_lane(c.model.lane_of(seg_id)):
                continue
            rect = c.segment_rect(seg_id)
            if rect.intersects(area):
                seg = c.model.segment(seg_id)
                painting.draw_selection(p, rect, c.theme, point=seg.start_ms == seg.end_ms)
        selected_edge = c.selected_edge()
        if selected_edge is not None and selected_edge[0] in c.model and c.drag_preview() is None:
            seg_id, edge = selected_edge
            if c.model.has_lane(c.model.lane_of(seg_id)):
                rect = c.segment_rect(seg_id)
                x = rect.left() if edge == "start" else rect.right()
                painting.draw_edge_handle(p, x, rect.top(), rect.height(), c.theme)

    def _paint_preview(self) -> None:
        c, p = self.c, self.p
        drag = c.drag_preview()
        if drag is None:
            return
        seg_id, mode, orig, preview = drag
        lane_id = c.model.lane_of(seg_id)
        lane = c.model.lane(lane_id)
        row = c.row_layout.lane_row(lane_id)
        ghost = c.seg_rect_in(row, *orig)
        p.fillRect(ghost.adjusted(-1, -1, 1, 1), QColor(255, 255, 255, 170))
        rect = c.seg_rect_in(row, *preview)
        color = QColor(lane.color)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setBrush(color)
        p.setPen(QPen(QColor(c.theme.preview_outline), 1.5, Qt.PenStyle.DashLine))
        if preview[0] == preview[1]:
            p.drawPolygon(painting.diamond(rect.center().x(), rect.center().y(), rect.height() / 2))
        else:
            p.drawRoundedRect(rect, 3, 3)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        # the time of the edge being dragged, next to it, for frame-exact work
        label_t = preview[1] if mode == "end" else preview[0]
        x = rect.right() + 4 if mode == "end" else rect.left() + 4
        if mode == "start":
            x = rect.left() - 4 - QFontMetrics(self.small).horizontalAdvance("00:00:00.000")
        p.setFont(self.small)
        p.setPen(QColor(c.theme.label_text))
        p.drawText(QPointF(x, rect.top() - 2), format_tc(label_t))

    def _paint_playhead_line(self, top: int, bottom: int) -> None:
        c, p = self.c, self.p
        x = round(c.x_for_time(c.playhead()))
        if c.label_width <= x <= c.width():
            p.fillRect(QRect(x - 1, top, 2, bottom - top), QColor(c.theme.playhead))

    def _paint_ruler(self, t0: float, t1: float, major: int, minor: int, decimals: int
    ) -> None:
        c, p = self.c, self.p
        th = c.theme
        rect = c.ruler_rect()
        p.fillRect(rect, QColor(th.ruler_bg))
        bottom = rect.bottom()
        p.setPen(QPen(QColor(th.ruler_border), 1))
        p.drawLine(rect.left(), bottom, rect.right(), bottom)
        p.setPen(QPen(QColor(th.ruler_tick), 1))
        xm = [round(c.x_for_time(t)) + 0.5 for t in tick_times(t0, t1, minor) if t % major]
        p.drawLines([QLineF(x, bottom - 4, x, bottom) for x in xm])
        majors = [(t, round(c.x_for_time(t))) for t in tick_times(t0 - major, t1, major)]
        p.drawLines([QLineF(x + 0.5, bottom - 9, x + 0.5, bottom) for _, x in majors])
        p.setFont(self.small)
        fm = QFontMetrics(self.small)
        base = rect.top() + (rect.height() - 6 + fm.ascent() - fm.descent()) // 2
        p.setPen(QColor(th.ruler_text))
        for t, x in majors:
            p.drawText(QPointF(x + 4, base), format_ruler(t, decimals))
        x = round(c.x_for_time(c.playhead()))
        if rect.left() <= x <= rect.right() + 1:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(th.playhead))
            tri = QPolygonF([QPointF(x - 6, bottom - 9), QPointF(x + 6, bottom - 9),
                             QPointF(x, bottom + 0.5)])
            p.drawPolygon(tri)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            p.fillRect(QRect(x - 1, bottom - 3, 2, 4), QColor(th.playhead))

    def _paint_group_titles(self, dirty: QRect) -> None:
        c, p = self.c, self.p
        """Category titles run across their header row, over labels and lanes."""
        rh = c.ruler_height
        y0 = dirty.top() - rh + c.scroll_y()
        p.setFont(self.bold)
        fm = QFontMetrics(self.bold)
        for row in c.row_layout.rows_between(y0, dirty.bottom() + 1 - rh + c.scroll_y()):
            if row.kind != "group":
                continue
            text = fm.elidedText(row.title, Qt.TextElideMode.ElideRight, c.width() - 16)
            rect = QRect(8, c.row_top(row), fm.horizontalAdvance(text) + 8, row.height)
            if not rect.intersects(dirty):
                continue
            p.setPen(QColor(c.theme.group_text))
            p.drawText(rect, Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_labels(self, dirty: QRect) -> None:
        c, p = self.c, self.p
        th = c.theme
        lx, rh, h = c.label_width, c.ruler_height, c.height()
        p.fillRect(QRect(0, 0, lx, h), QColor(th.label_bg))
        # corner: the playhead time
        p.fillRect(QRect(0, 0, lx, rh), QColor(th.ruler_bg))
        p.setPen(QColor(th.ruler_border))
        p.drawLine(0, rh - 1, lx, rh - 1)
        p.setFont(self.bold)
        p.setPen(QColor(th.playhead))
        p.drawText(
            QRect(10, 0, lx - 20, rh), Qt.AlignmentFlag.AlignVCenter, format_tc(c.playhead())
        )
        p.save()
        p.setClipRect(QRect(0, rh, lx, h - rh).intersected(dirty))
        y0 = dirty.top() - rh + c.scroll_y()
        for row in c.row_layout.rows_between(y0, dirty.bottom() + 1 - rh + c.scroll_y()):
            top = c.row_top(row)
            if row.kind == "group":
                p.fillRect(QRect(0, top, lx, row.height), QColor(th.group_bg))
                continue
            lane = row.lane
            assert lane is not None
            if row.band % 2:
                p.fillRect(QRect(0, top, lx, row.height), QColor(th.lane_odd).darker(102))
            chip_h = min(row.height - 8, 14)
            chip = QRect(8, top + (row.height - chip_h) // 2, 4, chip_h)
            if lane.style == "diff":  # one band per diff status
                third = chip_h / 3
                for i, status in enumerate(("agree", "only_one", "disagree")):
                    band = QRectF(chip.left(), chip.top() + i * third, chip.width(), third)
                    p.fillRect(band, QColor(th.status_colors[status]))
            else:
                p.fillRect(chip, QColor(lane.color))
            p.setFont(c.font())
            if lane.key:
                badge = QRectF(lx - 8 - 18, top + (row.height - 18) / 2, 18, 18)
                painting.draw_key_badge(p, badge, lane.key, th)
            p.setPen(QColor(th.label_text))
            lines, font = label_lines(c.font(), lane.title, text_width(lx, bool(lane.key)))
            p.setFont(font)
            p.drawText(QRect(TEXT_LEFT, top, text_width(lx, bool(lane.key)), row.height),
                       Qt.AlignmentFlag.AlignVCenter, "\n".join(lines))
        p.restore()
        p.setPen(QColor(th.label_border))
        p.drawLine(lx - 1, 0, lx - 1, h)
