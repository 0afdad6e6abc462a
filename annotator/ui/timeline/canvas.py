"""The timeline canvas: lane labels, time ruler, lanes, playhead, and mouse/keyboard.

Use it through :class:`annotator.ui.timeline.view.TimelineView`, which documents the
signals; the canvas defines them and the view re-emits them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QToolTip, QWidget

from annotator.core.segments import SegmentView
from annotator.core.timefmt import format_tc

from . import painting
from .edits import Edge, Snap, StepFrame, identity_snap, millisecond_step, moved, nudged, resized
from .labels import segment_tooltip
from .layout import Row, RowLayout
from .model import HitPart, Lane, TimelineModel
from .scale import TimeScale, choose_ticks, format_ruler, tick_times
from .theme import LIGHT, Theme

HIT_TOLERANCE_PX = 5.0
WHEEL_ZOOM = 0.8  # span factor per wheel notch (Ctrl+wheel up = zoom in)
WHEEL_SCROLL = 0.1  # fraction of the span per wheel notch
FOLLOW_LEAD = 0.1  # after paging, the playhead sits this far into the window
FOLLOW_MARGIN = 0.04  # page when the playhead gets this close to the right edge


@dataclass(slots=True)
class _Drag:
    mode: Literal["scrub", "move", "start", "end"]
    press: QPoint
    press_t: float
    seg_id: str = ""
    orig: tuple[int, int] = (0, 0)
    active: bool = False
    preview: tuple[int, int] | None = None


class TimelineCanvas(QWidget):
    seekRequested = Signal(int)
    selectionChanged = Signal(list)
    segmentMoveRequested = Signal(str, int, int)
    segmentResizeRequested = Signal(str, int, int)
    deleteRequested = Signal(list)
    splitRequested = Signal(str)
    noteRequested = Signal(str)
    segmentActivated = Signal(str)
    viewRangeChanged = Signal(int, int)
    contentHeightChanged = Signal(int)
    scrollYChanged = Signal(int)

    def __init__(
        self,
        model: TimelineModel,
        parent: QWidget | None = None,
        *,
        theme: Theme = LIGHT,
        label_width: int = 220,
        ruler_height: int = 26,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.theme = theme
        self.label_width = label_width
        self.ruler_height = ruler_height
        self.scale = TimeScale()
        self.snap: Snap = identity_snap
        self.step_frame: StepFrame = millisecond_step
        self._duration: int | None = None
        self._user_zoomed = False
        self._playhead = 0
        self._following = True
        self._selection: list[str] = []
        self._edge: tuple[str, Edge] | None = None
        self._drag: _Drag | None = None
        self._scroll_y = 0
        self._layout = RowLayout([], 0)
        self._ruler_font = QFont(self.font())
        self._ruler_font.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(320, 120)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def sizeHint(self) -> QSize:
        return QSize(1000, self.ruler_height + max(self._layout.content_height, 200))

    # geometry helpers (public: tests and the view use them) -------------------------
    def x_for_time(self, ms: float) -> float:
        """Canvas x coordinate (float px) of time ``ms``."""
        return self.label_width + self.scale.x_for_time(ms)

    def time_for_x(self, x: float) -> float:
        return self.scale.time_for_x(x - self.label_width)

    def lane_rect(self, lane_id: str) -> QRect:
        """The lane's row in canvas coordinates, time area only (right of the labels)."""
        row = self._layout.lane_row(lane_id)
        top = self.ruler_height + row.y - self._scroll_y
        return QRect(self.label_width, top, max(0, self.width() - self.label_width), row.height)

    def segment_rect(self, seg_id: str) -> QRectF:
        """Where a segment is drawn (canvas coordinates); a point gets its diamond's box."""
        seg = self.model.segment(seg_id)
        return self._seg_rect(self._layout.lane_row(self.model.lane_of(seg_id)), *_span(seg))

    def set_label_width(self, width: int) -> None:
        if width != self.label_width:
            self.label_width = width
            self.scale.set_width(self.width() - width)
            self.update()

    def ruler_rect(self) -> QRect:
        return QRect(self.label_width, 0, self.width() - self.label_width, self.ruler_height)

    def _row_top(self, row: Row) -> int:
        return self.ruler_height + row.y - self._scroll_y

    def _seg_rect(self, row: Row, start: int, end: int) -> QRectF:
        inset = 4 if row.height >= 22 else 3
        top = self._row_top(row) + inset
        h = row.height - 2 * inset
        if start == end:
            r = max(3.0, min(h / 2, 7.0))
            x = self.x_for_time(start)
            return QRectF(x - r, top + h / 2 - r, 2 * r, 2 * r)
        x0, x1 = self.x_for_time(start), self.x_for_time(end)
        return QRectF(x0, top, max(x1 - x0, 1.0), h)

    # state --------------------------------------------------------------------------
    @property
    def limit(self) -> int | None:
        return self._duration

    def relayout(self) -> None:
        self._layout = RowLayout(self.model.groups, max(0, self.height() - self.ruler_height))
        self._scroll_y = self._clamped_scroll(self._scroll_y)
        self.contentHeightChanged.emit(self._layout.content_height)
        self.update()

    def data_changed(self) -> None:
        """Call after changing the model's segments."""
        if self._drag is not None and self._drag.seg_id and self._drag.seg_id not in self.model:
            self._drag = None
        known = [s for s in self._selection if s in self.model]
        self._selection = known
        if self._edge is not None and self._edge[0] not in self.model:
            self._edge = None
        if self._duration is None:
            self._apply_duration(max(self.model.extent_ms(), 1000))
        self.update()

    def set_duration(self, ms: int | None) -> None:
        self._duration = ms
        self._apply_duration(ms if ms is not None else max(self.model.extent_ms(), 1000))

    def duration(self) -> int:
        return int(self.scale.duration)

    def _apply_duration(self, ms: int) -> None:
        self.scale.set_duration(ms)
        if not self._user_zoomed:
            self.scale.set_range(0, self.scale.duration)
        self._view_changed()

    def set_view_range(self, start_ms: float, end_ms: float, *, user: bool = True) -> None:
        self._user_zoomed = True
        self.scale.set_range(start_ms, end_ms)
        self._view_changed(user=user)

    def fit_all(self) -> None:
        self._user_zoomed = False
        self.scale.set_range(0, self.scale.duration)
        self._view_changed(user=True)

    def scroll_to(self, start_ms: float, *, user: bool = True) -> None:
        self.scale.set_start(start_ms)
        self._view_changed(user=user)

    def zoom_about(self, anchor_ms: float, factor: float) -> None:
        self._user_zoomed = True
        self.scale.zoom_about(anchor_ms, factor)
        self._view_changed(user=True)

    def view_range(self) -> tuple[int, int]:
        return round(self.scale.start), round(self.scale.end)

    def _view_changed(self, *, user: bool = False) -> None:
        if user:
            self._following = self.scale.start <= self._playhead <= self.scale.end
        self.viewRangeChanged.emit(*self.view_range())
        self.update()

    def is_following(self) -> bool:
        return self._following

    def set_following(self, on: bool) -> None:
        self._following = on
        if on:
            self._follow()

    def playhead(self) -> int:
        return self._playhead

    def set_playhead(self, ms: int) -> None:
        old = self._playhead
        if ms == old:
            return
        self._playhead = ms
        if not self._following and self.scale.start <= ms <= self.scale.end:
            self._following = True
        if self._following and self._follow():
            return
        self.update(self._playhead_rect(old))
        self.update(self._playhead_rect(ms))
        self.update(QRect(0, 0, self.label_width, self.ruler_height))

    def reveal_time(self, ms: int) -> None:
        """Scroll so ``ms`` is in view; playhead following resumes if it is in view."""
        if self.scale.reveal(ms, FOLLOW_LEAD):
            self._view_changed(user=True)

    def _follow(self) -> bool:
        if self._drag is not None:  # never page under the mouse while it drags
            return False
        moved_view = self.scale.reveal(self._playhead, FOLLOW_LEAD, FOLLOW_MARGIN)
        if moved_view:
            self._view_changed()
        return moved_view

    def _playhead_rect(self, ms: int) -> QRect:
        x = round(self.x_for_time(ms))
        return QRect(x - 7, 0, 15, self.height())

    # selection ------------------------------------------------------------------------
    def selection(self) -> list[str]:
        return list(self._selection)

    def set_selection(self, ids: list[str], *, emit: bool = False) -> None:
        new = list(dict.fromkeys(ids))
        if self._edge is not None and self._edge[0] not in new:
            self._edge = None
        if new == self._selection:
            return
        self._selection = new
        self.update()
        if emit:
            self.selectionChanged.emit(list(new))

    def selected_edge(self) -> tuple[str, Edge] | None:
        return self._edge

    def select_edge(self, seg_id: str, edge: Edge | None) -> None:
        """Select one edge of a segment (``None`` clears) for Alt+Left/Alt+Right."""
        if edge is None:
            self._edge = None
        else:
            if edge not in ("start", "end"):
                raise ValueError(f"edge must be 'start' or 'end', not {edge!r}")
            self._edge = (seg_id, edge)
        self.update()

    # vertical scrolling ------------------------------------------------------------
    def content_height(self) -> int:
        return self._layout.content_height

    def lanes_viewport_height(self) -> int:
        return max(0, self.height() - self.ruler_height)

    def scroll_y(self) -> int:
        return self._scroll_y

    def set_scroll_y(self, y: int) -> None:
        y = self._clamped_scroll(y)
        if y != self._scroll_y:
            self._scroll_y = y
            self.scrollYChanged.emit(y)
            self.update()

    def _clamped_scroll(self, y: int) -> int:
        return max(0, min(y, self._layout.content_height - self.lanes_viewport_height()))

    # hit testing ------------------------------------------------------------------
    def _lane_row_at(self, pos: QPointF) -> Row | None:
        if pos.y() < self.ruler_height:
            return None
        row = self._layout.row_at(pos.y() - self.ruler_height + self._scroll_y)
        return row if row is not None and row.kind == "lane" else None

    def hit(self, pos: QPointF) -> tuple[Lane, SegmentView, HitPart] | None:
        """The segment (and part of it) under a canvas position, if any."""
        if pos.x() < self.label_width:
            return None
        row = self._lane_row_at(pos)
        if row is None or row.lane is None:
            return None
        t = self.time_for_x(pos.x())
        found = self.model.hit(row.lane.id, t, HIT_TOLERANCE_PX * self.scale.ms_per_px)
        if found is None:
            return None
        return row.lane, found[0], found[1]

    # events -------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        self.scale.set_width(self.width() - self.label_width)
        self.relayout()
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = event.position()
        if pos.x() < self.label_width:
            return
        t = self.time_for_x(pos.x())
        mods = event.modifiers()
        additive = bool(
            mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        )
        found = self.hit(pos)
        if found is None:
            if pos.y() >= self.ruler_height and not additive:
                self.set_selection([], emit=True)
            self._drag = _Drag("scrub", pos.toPoint(), t)
            self._seek(t)
            return
        lane, seg, part = found
        if mods & Qt.KeyboardModifier.ControlModifier:
            ids = [s for s in self._selection if s != seg.id]
            if len(ids) == len(self._selection):
                ids.append(seg.id)
            self.set_selection(ids, emit=True)
        elif mods & Qt.KeyboardModifier.ShiftModifier:
            self.set_selection([*self._selection, seg.id], emit=True)
        else:
            self.set_selection([seg.id], emit=True)
        if seg.id not in self._selection or not lane.editable:
            self._drag = None
            return
        if part == "body":
            self._edge = None
            self._drag = _Drag("move", pos.toPoint(), t, seg.id, _span(seg))
        else:
            self._edge = (seg.id, part)
            self._drag = _Drag(part, pos.toPoint(), t, seg.id, _span(seg))
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        drag = self._drag
        if drag is None:
            self._update_cursor(pos)
            return
        if drag.mode == "scrub":
            self._seek(self.time_for_x(pos.x()))
            return
        if not drag.active:
            if abs(pos.x() - drag.press.x()) < QApplication.startDragDistance():
                return
            drag.active = True
        delta = self.time_for_x(pos.x()) - drag.press_t
        start, end = drag.orig
        if drag.mode == "move":
            drag.preview = moved(start, end, delta, self.snap, self.limit)
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        else:
            base = start if drag.mode == "start" else end
            drag.preview = resized(
                start, end, drag.mode, base + delta, self.snap, self.step_frame, self.limit
            )
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        if event.button() != Qt.MouseButton.LeftButton or drag is None:
            return
        self._update_cursor(event.position())
        if not drag.active or drag.preview is None or drag.preview == drag.orig:
            self.update()
            return
        start, end = drag.preview
        if drag.mode == "move":
            self.segmentMoveRequested.emit(drag.seg_id, start, end)
        else:
            self.segmentResizeRequested.emit(drag.seg_id, start, end)
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        found = self.hit(event.position())
        if found is not None and event.button() == Qt.MouseButton.LeftButton:
            self._drag = None
            self.segmentActivated.emit(found[1].id)
            return
        self.mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        mods = event.modifiers()
        pos = event.position()
        if mods & Qt.KeyboardModifier.ControlModifier:
            notches = delta.y() / 120.0
            if notches:
                x = max(pos.x(), float(self.label_width))
                self.zoom_about(self.time_for_x(x), WHEEL_ZOOM**notches)
            event.accept()
            return
        vertical = bool(mods & Qt.KeyboardModifier.ShiftModifier) or pos.x() < self.label_width
        if vertical:
            self.set_scroll_y(self._scroll_y - round(delta.y() / 120.0 * self._layout.lane_height))
        else:
            notches = (delta.x() or delta.y()) / 120.0
            if notches:
                self.scroll_to(self.scale.start - notches * WHEEL_SCROLL * self.scale.span)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not mods:
            ids = self._editable_selection()
            if ids:
                self.deleteRequested.emit(ids)
                return
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mods == Qt.KeyboardModifier.AltModifier:
            if self._edge is not None:
                self.nudge_edge(1 if key == Qt.Key.Key_Right else -1)
                return
        elif key == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self.update()
            return
        event.ignore()

    def nudge_edge(self, direction: int) -> bool:
        """Ask to move the selected edge one frame; returns whether a request was emitted."""
        if self._edge is None or self._edge[0] not in self.model:
            return False
        seg_id, edge = self._edge
        if not self.model.lane(self.model.lane_of(seg_id)).editable:
            return False
        start, end = _span(self.model.segment(seg_id))
        result = nudged(start, end, edge, direction, self.step_frame, self.limit)
        if result is None:
            return False
        self.segmentResizeRequested.emit(seg_id, *result)
        return True

    def _editable_selection(self) -> list[str]:
        return [
            s for s in self._selection
            if s in self.model and self.model.lane(self.model.lane_of(s)).editable
        ]

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        found = self.hit(QPointF(event.pos()))
        if found is None:
            event.ignore()
            return
        seg = found[1]
        if seg.id not in self._selection:
            self.set_selection([seg.id], emit=True)
        self.context_menu(seg.id).exec(event.globalPos())

    def context_menu(self, seg_id: str) -> QMenu:
        """The context menu of a segment (its actions emit the request signals)."""
        seg = self.model.segment(seg_id)
        editable = self.model.lane(self.model.lane_of(seg_id)).editable
        menu = QMenu(self)
        delete = QAction("Delete", menu)
        delete.setShortcut(Qt.Key.Key_Delete)
        delete.setEnabled(editable)
        ids = self._editable_selection() if seg_id in self._selection else [seg_id]
        delete.triggered.connect(lambda: self.deleteRequested.emit(ids))
        split = QAction("Split at playhead", menu)
        split.setEnabled(editable and seg.start_ms < self._playhead < seg.end_ms)
        split.triggered.connect(lambda: self.splitRequested.emit(seg_id))
        note = QAction("Edit note…", menu)
        note.setEnabled(editable)
        note.triggered.connect(lambda: self.noteRequested.emit(seg_id))
        for action in (delete, split, note):
            menu.addAction(action)
        return menu

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.hit(QPointF(event.pos()))
            label = self._label_tooltip(event.pos())
            if label is not None:
                QToolTip.showText(event.globalPos(), label, self)
            elif found is None:
                QToolTip.hideText()
                event.ignore()
            else:
                lane, seg, _ = found
                status = self.model.status_of(seg.id)
                QToolTip.showText(event.globalPos(), segment_tooltip(lane, seg, status), self)
            return True
        return super().event(event)

    def _label_tooltip(self, pos: QPoint) -> str | None:
        if pos.x() >= self.label_width:
            return None
        row = self._lane_row_at(QPointF(pos))
        if row is None or row.lane is None:
            return None
        lane = row.lane
        key = f"  [key {lane.key}]" if lane.key else ""
        group = f"\n{lane.group}" if lane.group else ""
        return f"{lane.title}{key}{group}"

    def _update_cursor(self, pos: QPointF) -> None:
        found = self.hit(pos)
        if found is not None and found[2] != "body" and found[0].editable:
            self.setCursor(Qt.CursorShape.SizeHorCursor)
        else:
            self.unsetCursor()

    def _seek(self, t: float) -> None:
        hi = self._duration if self._duration is not None else self.scale.duration
        self.seekRequested.emit(round(min(max(t, 0.0), hi)))

    # painting ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        for rect in event.region():  # type: ignore[attr-defined]  # QRegion iterates rects
            p.save()
            p.setClipRect(rect)
            self._paint(p, rect)
            p.restore()
        p.end()

    def _paint(self, p: QPainter, dirty: QRect) -> None:
        w, h = self.width(), self.height()
        lx, rh = self.label_width, self.ruler_height
        t0 = self.time_for_x(dirty.left() - 10)
        t1 = self.time_for_x(dirty.right() + 10)
        ticks = choose_ticks(self.scale.ms_per_px, 84)
        lanes_area = QRect(lx, rh, w - lx, h - rh)
        if dirty.intersects(lanes_area):
            p.save()
            p.setClipRect(lanes_area.intersected(dirty))
            self._paint_lanes(p, dirty, t0, t1, ticks.major_ms)
            p.restore()
        if dirty.intersects(self.ruler_rect()):
            p.save()
            p.setClipRect(self.ruler_rect().intersected(dirty))
            self._paint_ruler(p, t0, t1, ticks.major_ms, ticks.minor_ms, ticks.decimals)
            p.restore()
        if dirty.left() < lx:
            p.save()
            p.setClipRect(QRect(0, 0, lx, h).intersected(dirty))
            self._paint_labels(p, dirty)
            p.restore()
        p.save()
        p.setClipRect(QRect(0, rh, w, h - rh).intersected(dirty))
        self._paint_group_titles(p, dirty)
        p.restore()

    def _paint_lanes(self, p: QPainter, dirty: QRect, t0: float, t1: float, major: int) -> None:
        th = self.theme
        lx, rh, w, h = self.label_width, self.ruler_height, self.width(), self.height()
        p.fillRect(dirty, QColor(th.background))
        y0 = dirty.top() - rh + self._scroll_y
        rows = self._layout.rows_between(y0, dirty.bottom() + 1 - rh + self._scroll_y)
        for row in rows:
            top = self._row_top(row)
            rect = QRect(lx, top, w - lx, row.height)
            if row.kind == "group":
                p.fillRect(rect, QColor(th.group_bg))
            else:
                p.fillRect(rect, QColor(th.lane_odd if row.band % 2 else th.lane_even))
        content_bottom = min(h, rh + self._layout.content_height - self._scroll_y)
        p.setPen(QPen(QColor(th.grid), 1))
        p.drawLines([
            QLineF(x + 0.5, rh, x + 0.5, content_bottom - 1)
            for x in (round(self.x_for_time(t)) for t in tick_times(t0, t1, major))
        ])
        ms_per_px = self.scale.ms_per_px
        x_left = max(lx, dirty.left() - 8)
        width = dirty.right() + 8 - x_left + 1
        origin = self.time_for_x(x_left)
        for row in rows:
            if row.lane is None:
                continue
            seg_box = self._seg_rect(row, 0, 1)
            index = self.model.index(row.lane.id)
            if not len(index):
                continue
            for color, code in painting.lane_colors(row.lane, th):
                cols = painting.lane_strip(index, origin, ms_per_px, width, code)
                painting.draw_lane_strip(
                    p, index, cols, color, origin=origin, ms_per_px=ms_per_px, x_left=x_left,
                    top=seg_box.top(), height=seg_box.height(),
                )
        self._paint_selection(p, dirty)
        self._paint_preview(p)
        self._paint_playhead_line(p, rh, h)

    def _paint_selection(self, p: QPainter, dirty: QRect) -> None:
        area = QRectF(dirty).adjusted(-6, -6, 6, 6)
        for seg_id in self._selection:
            if seg_id not in self.model or not self.model.has_lane(self.model.lane_of(seg_id)):
                continue
            rect = self.segment_rect(seg_id)
            if rect.intersects(area):
                seg = self.model.segment(seg_id)
                painting.draw_selection(p, rect, self.theme, point=seg.start_ms == seg.end_ms)
        if self._edge is not None and self._edge[0] in self.model and self._drag is None:
            seg_id, edge = self._edge
            if self.model.has_lane(self.model.lane_of(seg_id)):
                rect = self.segment_rect(seg_id)
                x = rect.left() if edge == "start" else rect.right()
                painting.draw_edge_handle(p, x, rect.top(), rect.height(), self.theme)

    def _paint_preview(self, p: QPainter) -> None:
        drag = self._drag
        if drag is None or not drag.active or drag.preview is None:
            return
        lane_id = self.model.lane_of(drag.seg_id)
        lane = self.model.lane(lane_id)
        row = self._layout.lane_row(lane_id)
        ghost = self._seg_rect(row, *drag.orig)
        p.fillRect(ghost.adjusted(-1, -1, 1, 1), QColor(255, 255, 255, 170))
        rect = self._seg_rect(row, *drag.preview)
        color = QColor(lane.color)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setBrush(color)
        p.setPen(QPen(QColor(self.theme.preview_outline), 1.5, Qt.PenStyle.DashLine))
        if drag.preview[0] == drag.preview[1]:
            p.drawPolygon(painting.diamond(rect.center().x(), rect.center().y(), rect.height() / 2))
        else:
            p.drawRoundedRect(rect, 3, 3)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        # the time of the edge being dragged, next to it, for frame-exact work
        label_t = drag.preview[1] if drag.mode == "end" else drag.preview[0]
        x = rect.right() + 4 if drag.mode == "end" else rect.left() + 4
        if drag.mode == "start":
            x = rect.left() - 4 - QFontMetrics(self._ruler_font).horizontalAdvance("00:00:00.000")
        p.setFont(self._ruler_font)
        p.setPen(QColor(self.theme.label_text))
        p.drawText(QPointF(x, rect.top() - 2), format_tc(label_t))

    def _paint_playhead_line(self, p: QPainter, top: int, bottom: int) -> None:
        x = round(self.x_for_time(self._playhead))
        if self.label_width <= x <= self.width():
            p.fillRect(QRect(x - 1, top, 2, bottom - top), QColor(self.theme.playhead))

    def _paint_ruler(
        self, p: QPainter, t0: float, t1: float, major: int, minor: int, decimals: int
    ) -> None:
        th = self.theme
        rect = self.ruler_rect()
        p.fillRect(rect, QColor(th.ruler_bg))
        bottom = rect.bottom()
        p.setPen(QPen(QColor(th.ruler_border), 1))
        p.drawLine(rect.left(), bottom, rect.right(), bottom)
        p.setPen(QPen(QColor(th.ruler_tick), 1))
        xm = [round(self.x_for_time(t)) + 0.5 for t in tick_times(t0, t1, minor) if t % major]
        p.drawLines([QLineF(x, bottom - 4, x, bottom) for x in xm])
        majors = [(t, round(self.x_for_time(t))) for t in tick_times(t0 - major, t1, major)]
        p.drawLines([QLineF(x + 0.5, bottom - 9, x + 0.5, bottom) for _, x in majors])
        p.setFont(self._ruler_font)
        fm = QFontMetrics(self._ruler_font)
        base = rect.top() + (rect.height() - 6 + fm.ascent() - fm.descent()) // 2
        p.setPen(QColor(th.ruler_text))
        for t, x in majors:
            p.drawText(QPointF(x + 4, base), format_ruler(t, decimals))
        x = round(self.x_for_time(self._playhead))
        if rect.left() <= x <= rect.right() + 1:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(th.playhead))
            tri = QPolygonF([QPointF(x - 6, bottom - 9), QPointF(x + 6, bottom - 9),
                             QPointF(x, bottom + 0.5)])
            p.drawPolygon(tri)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            p.fillRect(QRect(x - 1, bottom - 3, 2, 4), QColor(th.playhead))

    def _paint_group_titles(self, p: QPainter, dirty: QRect) -> None:
        """Category titles run across their header row, over labels and lanes."""
        rh = self.ruler_height
        y0 = dirty.top() - rh + self._scroll_y
        p.setFont(self._bold)
        fm = QFontMetrics(self._bold)
        for row in self._layout.rows_between(y0, dirty.bottom() + 1 - rh + self._scroll_y):
            if row.kind != "group":
                continue
            text = fm.elidedText(row.title, Qt.TextElideMode.ElideRight, self.width() - 16)
            rect = QRect(8, self._row_top(row), fm.horizontalAdvance(text) + 8, row.height)
            if not rect.intersects(dirty):
                continue
            p.setPen(QColor(self.theme.group_text))
            p.drawText(rect, Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_labels(self, p: QPainter, dirty: QRect) -> None:
        th = self.theme
        lx, rh, h = self.label_width, self.ruler_height, self.height()
        p.fillRect(QRect(0, 0, lx, h), QColor(th.label_bg))
        # corner: the playhead time
        p.fillRect(QRect(0, 0, lx, rh), QColor(th.ruler_bg))
        p.setPen(QColor(th.ruler_border))
        p.drawLine(0, rh - 1, lx, rh - 1)
        p.setFont(self._bold)
        p.setPen(QColor(th.playhead))
        p.drawText(
            QRect(10, 0, lx - 20, rh), Qt.AlignmentFlag.AlignVCenter, format_tc(self._playhead)
        )
        p.save()
        p.setClipRect(QRect(0, rh, lx, h - rh).intersected(dirty))
        fm = QFontMetrics(self.font())
        y0 = dirty.top() - rh + self._scroll_y
        for row in self._layout.rows_between(y0, dirty.bottom() + 1 - rh + self._scroll_y):
            top = self._row_top(row)
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
            badge_w = 0
            p.setFont(self.font())
            if lane.key:
                badge = QRectF(lx - 8 - 18, top + (row.height - 18) / 2, 18, 18)
                painting.draw_key_badge(p, badge, lane.key, th)
                badge_w = 26
            p.setPen(QColor(th.label_text))
            text = fm.elidedText(lane.title, Qt.TextElideMode.ElideRight, lx - 20 - badge_w - 8)
            p.drawText(QRect(18, top, lx - 20 - badge_w, row.height),
                       Qt.AlignmentFlag.AlignVCenter, text)
        p.restore()
        p.setPen(QColor(th.label_border))
        p.drawLine(lx - 1, 0, lx - 1, h)


def _span(seg: SegmentView) -> tuple[int, int]:
    return seg.start_ms, max(seg.end_ms, seg.start_ms)
