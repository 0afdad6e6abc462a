"""The timeline canvas: lane labels, time ruler, lanes, playhead, and mouse/keyboard.

Use it through :class:`annotator.ui.timeline.view.TimelineView`, which documents the
signals; the canvas defines them and the view re-emits them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QToolTip, QWidget

from annotator.core.segments import SegmentView
from annotator.ui.i18n import translate

from .canvas_paint import CanvasPainter
from .edits import Edge, Snap, StepFrame, identity_snap, millisecond_step, moved, nudged, resized
from .geometry import note_marker_box
from .geometry import span_of as _span
from .labels import segment_tooltip
from .lane_labels import label_lines, text_width, two_line_height
from .layout import Row, RowLayout
from .model import HitPart, Lane, TimelineModel
from .scale import TimeScale
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
        #: page the view to keep the playhead in it while it moves (View ▸ Follow)
        self.follow_enabled = True
        self._selection: list[str] = []
        self._edge: tuple[str, Edge] | None = None
        self._drag: _Drag | None = None
        self._scroll_y = 0
        self._layout = RowLayout([], 0)
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
        return self.seg_rect_in(self._layout.lane_row(self.model.lane_of(seg_id)), *_span(seg))

    def note_marker_rect(self, seg_id: str) -> QRectF | None:
        """Where the note marker of a segment with a note is drawn (None: no note)."""
        seg = self.model.segment(seg_id)
        if not seg.note:
            return None
        return note_marker_box(self.segment_rect(seg_id))

    def set_label_width(self, width: int) -> None:
        if width != self.label_width:
            self.label_width = width
            self.scale.set_width(self.width() - width)
            self.relayout()

    def ruler_rect(self) -> QRect:
        return QRect(self.label_width, 0, self.width() - self.label_width, self.ruler_height)

    @property
    def row_layout(self) -> RowLayout:
        return self._layout

    def drag_preview(self) -> tuple[str, str, tuple[int, int], tuple[int, int]] | None:
        """``(segment id, "move" | "start" | "end", original span, preview span)`` while a
        segment is being dragged."""
        d = self._drag
        if d is None or not d.active or d.preview is None:
            return None
        return d.seg_id, d.mode, d.orig, d.preview

    def row_top(self, row: Row) -> int:
        return self.ruler_height + row.y - self._scroll_y

    def seg_rect_in(self, row: Row, start: int, end: int) -> QRectF:
        """Where a span is drawn in a lane row (a point: its diamond's box)."""
        inset = 4 if row.height >= 22 else 3
        top = self.row_top(row) + inset
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
        font = self.font()
        two_lines = any(
            len(label_lines(font, lane.title, text_width(self.label_width, bool(lane.key)))[0])
            > 1 for lane in self.model.lanes)
        self._layout = RowLayout(self.model.groups, max(0, self.height() - self.ruler_height),
                                 min_lane=two_line_height(font) if two_lines else 18,
                                 max_lane=max(30, two_line_height(font) if two_lines else 0))
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
        if self._following and self.follow_enabled and self._follow():
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
        """Select one edge of a segment (``None`` clears) for Alt+Left/Alt+Right. The
        segment joins the selection if it is not in it (silently, like set_selection)."""
        if edge is None:
            self._edge = None
        else:
            if edge not in ("start", "end"):
                raise ValueError(translate(
                    "TimelineCanvas", "edge must be 'start' or 'end', not {edge}"
                ).format(edge=repr(edge)))
            if seg_id not in self._selection:
                self._selection = [seg_id]
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
        delete = QAction(translate("TimelineCanvas", "Delete"), menu)
        delete.setShortcut(Qt.Key.Key_Delete)
        delete.setEnabled(editable)
        ids = self._editable_selection() if seg_id in self._selection else [seg_id]
        delete.triggered.connect(lambda: self.deleteRequested.emit(ids))
        split = QAction(translate("TimelineCanvas", "Split at playhead"), menu)
        split.setEnabled(editable and seg.start_ms < self._playhead < seg.end_ms)
        split.triggered.connect(lambda: self.splitRequested.emit(seg_id))
        note = QAction(translate("TimelineCanvas", "Edit note…"), menu)
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
        key = ""
        if lane.key:
            key = "  " + translate("TimelineCanvas", "[key {key}]").format(key=lane.key)
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
        painter = CanvasPainter(self, p)
        for rect in event.region():  # type: ignore[attr-defined]  # QRegion iterates rects
            p.save()
            p.setClipRect(rect)
            painter.paint(rect)
            p.restore()
        p.end()


