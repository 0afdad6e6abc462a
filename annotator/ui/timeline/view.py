"""The timeline widget: overview strip, ruler and lanes, scrollbars."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QRect, QRectF, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QScrollBar, QSizePolicy, QVBoxLayout, QWidget

from annotator.core.segments import SegmentView

from .canvas import TimelineCanvas
from .edits import Edge, Snap, StepFrame
from .lane_labels import needed_label_width, one_line_label_width
from .model import DiffStatus, Lane, Placed, TimelineModel
from .overview import TimelineOverview
from .theme import LIGHT, Theme
from .waveform import WaveformLane

MIN_LABEL_WIDTH = 190
MAX_LABEL_WIDTH = 300


LABEL_SHARE = 0.40  # the label column takes at most this share of the widget


ONE_LINE_SHARE = 0.34  # titles on one line when that takes at most this share


def auto_label_width(widget_width: int, needed: int = MIN_LABEL_WIDTH,
                     one_line: int = MIN_LABEL_WIDTH) -> int:
    """Wide enough for every lane title: on one line (``one_line`` px) when that takes
    at most a third of the width, else in two lines (``needed``, see
    :func:`~.lane_labels.needed_label_width`); at least 190 px and about a sixth of the
    width, at most 40% of the width."""
    base = max(MIN_LABEL_WIDTH, min(MAX_LABEL_WIDTH, round(widget_width * 0.16)))
    if one_line <= widget_width * ONE_LINE_SHARE:
        needed = max(needed, one_line)
    return max(MIN_LABEL_WIDTH, min(round(widget_width * LABEL_SHARE), max(base, needed)))


def _code_lane(seg: SegmentView) -> str:
    return seg.code


class TimelineView(QWidget):
    """Coded segments of one session on lanes, with a playhead; knows nothing of storage.

    The widget never changes a segment itself: edits are *requests* (signals) that the
    application carries out and then reflects back with :meth:`upsert_segment`,
    :meth:`remove_segments` or :meth:`set_segments` (do it synchronously in the slot
    so the dragged segment does not flash back to its old place).

    Setup: :meth:`set_lanes` (e.g. ``Lane.from_codebook(cb)``), :meth:`set_segments`,
    :meth:`set_duration`, and for frame-exact editing :meth:`set_snap` (nearest frame
    time) and :meth:`set_step_frame` (previous/next frame time). Without them, times
    snap to the millisecond and a nudge moves 1 ms.

    Mouse and keys (on :attr:`canvas`, which has the keyboard focus):

    - click or drag on the ruler or on empty lane space: seek (empty lane space also
      clears the selection);
    - click a segment: select it; Ctrl+click toggles it, Shift+click adds it;
    - drag a segment's body: move it; drag its left/right edge (the cursor becomes a
      horizontal resize arrow): resize it. Both snap to frames; an edge stops one
      frame before the other edge. A live preview shows the result; Esc cancels.
      Clicking an edge also selects that edge;
    - Alt+Left / Alt+Right: move the selected edge to the previous / next frame;
    - Delete (or Backspace): ask to delete the selected segments;
    - double-click a segment: activate it; right-click: Delete, Split at playhead,
      Edit note…;
    - Ctrl+wheel: zoom around the mouse; wheel: scroll in time; Shift+wheel, or the
      wheel over the lane labels: scroll the lanes vertically.

    Other keys (S to split, Space, arrows without Alt...) are left to the parent.

    While the playhead moves (:meth:`set_playhead`), the view pages to keep it in view,
    unless the user scrolled it out of view; following resumes when the playhead is
    in view again, or on :meth:`reveal_time` / :meth:`set_following`. It never pages
    while a mouse drag is in progress.

    The lane-label column is about a sixth of the widget's width (190-300 px) unless
    ``label_width`` is given. Long titles are elided; hovering a label shows it whole.

    Signals:

    - ``seekRequested(int ms)``: the user clicked or dragged on the ruler or empty space.
    - ``selectionChanged(list[str] ids)``: the user changed the selection. Not emitted
      by :meth:`set_selection`, nor when :meth:`set_segments` drops vanished ids.
    - ``segmentMoveRequested(str id, int start_ms, int end_ms)``: a body drag ended.
    - ``segmentResizeRequested(str id, int start_ms, int end_ms)``: an edge drag ended,
      or Alt+Left/Right nudged the selected edge.
    - ``deleteRequested(list[str] ids)``: Delete key or context menu (editable lanes only).
    - ``splitRequested(str id)``: context menu "Split at playhead" (the playhead is
      strictly inside the segment).
    - ``noteRequested(str id)``: context menu "Edit note…".
    - ``segmentActivated(str id)``: a segment was double-clicked.
    - ``viewRangeChanged(int start_ms, int end_ms)``: the visible time window changed.

    :attr:`waveform` is the sound lane above the ruler (``waveform.set_waveform(wf)``
    shows a recording's waveform; hidden while there is none).

    Coordinates: :meth:`x_for_time`, :meth:`lane_rect` and :meth:`segment_rect` are in
    :attr:`canvas` coordinates; :attr:`overview` has its own ``x_for_time``.
    """

    seekRequested = Signal(int)
    selectionChanged = Signal(list)
    segmentMoveRequested = Signal(str, int, int)
    segmentResizeRequested = Signal(str, int, int)
    deleteRequested = Signal(list)
    splitRequested = Signal(str)
    noteRequested = Signal(str)
    segmentActivated = Signal(str)
    viewRangeChanged = Signal(int, int)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        theme: Theme = LIGHT,
        label_width: int | None = None,
        snap: Snap | None = None,
        step_frame: StepFrame | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = TimelineModel()
        self._fixed_label_width = label_width
        self._needed_label = (MIN_LABEL_WIDTH, MIN_LABEL_WIDTH)
        lw = label_width if label_width is not None else MIN_LABEL_WIDTH
        self.canvas = TimelineCanvas(self.model, self, theme=theme, label_width=lw)
        self.overview = TimelineOverview(self.model, self, theme=theme, label_width=lw)
        self.waveform = WaveformLane(self.canvas, self, theme=theme)  # hidden until set
        self._hbar = QScrollBar(Qt.Orientation.Horizontal, self)
        self._vbar = QScrollBar(Qt.Orientation.Vertical, self)
        self._vbar.hide()
        if snap is not None:
            self.canvas.snap = snap
        if step_frame is not None:
            self.canvas.step_frame = step_frame

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(0)
        grid.addWidget(self.canvas, 0, 0)
        grid.addWidget(self._vbar, 0, 1)
        hrow = QWidget(self)
        self._hbox = QVBoxLayout(hrow)
        self._hbox.setContentsMargins(lw, 0, 0, 0)
        self._hbox.addWidget(self._hbar)
        hrow.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        grid.addWidget(hrow, 1, 0)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.overview)
        outer.addWidget(self.waveform)
        outer.addLayout(grid, 1)

        c = self.canvas
        for name in ("seekRequested", "selectionChanged", "segmentMoveRequested",
                     "segmentResizeRequested", "deleteRequested", "splitRequested",
                     "noteRequested", "segmentActivated", "viewRangeChanged"):
            getattr(c, name).connect(getattr(self, name))
        c.viewRangeChanged.connect(self._on_view_range_changed)
        c.contentHeightChanged.connect(self._on_content_height_changed)
        c.scrollYChanged.connect(self._on_scroll_y_changed)
        self._hbar.valueChanged.connect(self._on_hbar_value_changed)
        self._vbar.valueChanged.connect(c.set_scroll_y)
        self.overview.windowDragged.connect(self._on_overview_dragged)
        self.waveform.seekRequested.connect(self.seekRequested)
        self.setFocusProxy(c)
        self._on_view_range_changed(*c.view_range())

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._fixed_label_width is None:
            self.set_label_width(auto_label_width(event.size().width(), *self._needed_label))
        super().resizeEvent(event)

    def set_label_width(self, width: int) -> None:
        """Width of the lane-label column (by default it follows the widget's width)."""
        self.canvas.set_label_width(width)
        self.overview.set_label_width(width)
        self.waveform.update()
        self._hbox.setContentsMargins(width, 0, 0, 0)

    # data -------------------------------------------------------------------------------
    def set_lanes(self, lanes: Iterable[Lane]) -> None:
        """Lanes in display order; lanes of one ``group`` are shown together."""
        self.model.set_lanes(lanes)
        titles = [(lane.title, bool(lane.key)) for lane in self.model.lanes]
        self._needed_label = (needed_label_width(self.canvas.font(), titles),
                              one_line_label_width(self.canvas.font(), titles))
        if self._fixed_label_width is None:
            self.set_label_width(auto_label_width(self.width(), *self._needed_label))
        self.canvas.relayout()
        self.overview.data_changed()

    def lanes(self) -> list[Lane]:
        return self.model.lanes

    def set_segments(
        self,
        items: Iterable[Placed],
        *,
        status: Mapping[str, DiffStatus] | None = None,
        lane_of: Callable[[SegmentView], str] = _code_lane,
    ) -> None:
        """Replace all segments: ``(lane_id, segment)`` pairs, or bare segments placed on
        ``lane_of(segment)`` (default: the lane whose id is the segment's code).
        ``status`` maps segment ids to a diff status, drawn in a diff lane's colours."""
        self.model.set_segments(items, status=status, lane_of=lane_of)
        self._data_changed()

    def upsert_segment(
        self, lane_id: str, segment: SegmentView, status: DiffStatus | None = None
    ) -> None:
        """Add or replace one segment (same id) after an edit."""
        self.model.upsert(lane_id, segment, status)
        self._data_changed()

    def remove_segments(self, ids: Iterable[str]) -> None:
        self.model.remove(ids)
        self._data_changed()

    def segment(self, seg_id: str) -> SegmentView:
        return self.model.segment(seg_id)

    def _data_changed(self) -> None:
        self.canvas.data_changed()
        self.overview.set_duration(self.canvas.duration())
        self.overview.data_changed()

    def set_duration(self, ms: int | None) -> None:
        """Session length; ``None`` uses the latest segment end."""
        self.canvas.set_duration(ms)
        self.overview.set_duration(self.canvas.duration())
        self._on_view_range_changed(*self.canvas.view_range())

    def duration(self) -> int:
        return self.canvas.duration()

    # frames -----------------------------------------------------------------------------
    def set_snap(self, snap: Snap) -> None:
        """``snap(ms) -> ms``: nearest frame time, applied to dragged edges."""
        self.canvas.snap = snap

    def set_step_frame(self, step_frame: StepFrame) -> None:
        """``step_frame(ms, direction) -> ms``: previous (-1) / next (+1) frame time."""
        self.canvas.step_frame = step_frame

    # playhead and view --------------------------------------------------------------------
    def set_playhead(self, ms: int) -> None:
        self.canvas.set_playhead(ms)
        self.overview.set_playhead(ms)
        self.waveform.set_playhead(ms)

    def playhead(self) -> int:
        return self.canvas.playhead()

    def set_view_range(self, start_ms: int, end_ms: int) -> None:
        self.canvas.set_view_range(start_ms, end_ms)

    def view_range(self) -> tuple[int, int]:
        return self.canvas.view_range()

    def fit_all(self) -> None:
        """Show the whole session."""
        self.canvas.fit_all()

    def reveal_time(self, ms: int) -> None:
        self.canvas.reveal_time(ms)

    def is_following(self) -> bool:
        return self.canvas.is_following()

    def set_following(self, on: bool) -> None:
        self.canvas.set_following(on)

    def set_follow_enabled(self, on: bool) -> None:
        """Whether the view pages to keep the moving playhead in view at all."""
        self.canvas.follow_enabled = on
        if on:
            self.canvas.set_following(True)

    def follow_enabled(self) -> bool:
        return self.canvas.follow_enabled

    # selection ----------------------------------------------------------------------------
    def set_selection(self, ids: Iterable[str]) -> None:
        """Select segments from outside (e.g. the segment table); emits nothing."""
        self.canvas.set_selection(list(ids))

    def selection(self) -> list[str]:
        return self.canvas.selection()

    def select_edge(self, seg_id: str, edge: Edge | None) -> None:
        """Select the ``"start"`` or ``"end"`` edge of a segment for Alt+Left/Right."""
        self.canvas.select_edge(seg_id, edge)

    def selected_edge(self) -> tuple[str, Edge] | None:
        return self.canvas.selected_edge()

    def nudge_edge(self, direction: int) -> bool:
        """Same as Alt+Left (-1) / Alt+Right (+1)."""
        return self.canvas.nudge_edge(direction)

    # geometry -------------------------------------------------------------------------------
    def x_for_time(self, ms: float) -> float:
        return self.canvas.x_for_time(ms)

    def time_for_x(self, x: float) -> float:
        return self.canvas.time_for_x(x)

    def lane_rect(self, lane_id: str) -> QRect:
        return self.canvas.lane_rect(lane_id)

    def segment_rect(self, seg_id: str) -> QRectF:
        return self.canvas.segment_rect(seg_id)

    # wiring --------------------------------------------------------------------------------
    def _on_view_range_changed(self, start: int, end: int) -> None:
        span = max(1, end - start)
        with QSignalBlocker(self._hbar):
            self._hbar.setRange(0, max(0, self.canvas.duration() - span))
            self._hbar.setPageStep(span)
            self._hbar.setSingleStep(max(1, span // 10))
            self._hbar.setValue(start)
        self.overview.set_window(start, end)

    def _on_hbar_value_changed(self, value: int) -> None:
        self.canvas.scroll_to(value)

    def _on_overview_dragged(self, start: float) -> None:
        self.canvas.scroll_to(start)

    def _on_scroll_y_changed(self, y: int) -> None:
        with QSignalBlocker(self._vbar):
            self._vbar.setValue(y)

    def _on_content_height_changed(self, content: int) -> None:
        viewport = self.canvas.lanes_viewport_height()
        with QSignalBlocker(self._vbar):
            self._vbar.setRange(0, max(0, content - viewport))
            self._vbar.setPageStep(max(1, viewport))
            self._vbar.setSingleStep(20)
            self._vbar.setValue(self.canvas.scroll_y())
        self._vbar.setVisible(content > viewport)
