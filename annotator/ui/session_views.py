"""The timeline and the segment table, both subscribed to one :class:`SessionSegments`.

:class:`SessionViews` is the only place that puts segments into the two views: the
model's events become view updates (the views hold the model's own segment objects, never
copies), and a selection made in either view goes to the model, which passes it to the
other. It also lays out the lanes (the codebook's codes, and under each the other coders'
read-only lanes once they are shown) and draws the codes being recorded growing up to the
playhead. No signals of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.core.codebook import Codebook
from annotator.core.segments import SegmentView
from annotator.ui.i18n import translate
from annotator.ui.segment_table import SegmentTable
from annotator.ui.session_segments import SessionSegments
from annotator.ui.timeline.model import Lane
from annotator.ui.timeline.view import TimelineView


class SessionViews(QObject):
    def __init__(self, model: SessionSegments, timeline: TimelineView, table: SegmentTable,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.timeline = timeline
        self.table = table
        self.codebook: Codebook | None = None
        self.lang = "en"
        self._others: dict[str, list[SegmentView]] = {}
        self._origin: object = None  # the view whose selection is being passed on
        model.reset.connect(self._on_reset)
        model.changed.connect(self._on_changed)
        model.removed.connect(self._on_removed)
        model.selectionChanged.connect(self._on_model_selection)
        timeline.selectionChanged.connect(self._on_timeline_selection)
        table.selectionChanged.connect(self._on_table_selection)

    # ------------------------------------------------------------------ setup
    def set_codebook(self, codebook: Codebook | None, lang: str) -> None:
        self.codebook = codebook
        self.lang = lang
        self.table.set_codebook(codebook)
        self.table.set_language(lang)
        self._others = {}
        self._relayout()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.table.set_language(lang)
        self._relayout()

    def set_others(self, others: dict[str, list[SegmentView]]) -> None:
        """Show these other coders' segments (by lane label) under the coder's own;
        an empty dict hides them."""
        self._others = dict(others)
        self._relayout()

    def _relayout(self) -> None:
        lanes: list[Lane] = []
        for lane in Lane.from_codebook(self.codebook, self.lang) if self.codebook else []:
            lanes.append(lane)
            # Each other coder's lane sits right under the coder's own lane of that
            # code, so the two codings of a code are compared at a glance; read only.
            lanes.extend(Lane(id=f"{label}|{lane.id}",
                              title="  ↳ " + translate("SessionViews", "{coder} (read only)")
                              .format(coder=label),
                              group=lane.group, color=lane.color, kind=lane.kind, key=None,
                              editable=False) for label in self._others)
        self.timeline.set_lanes(lanes)
        self._place_all()

    def _place_all(self) -> None:
        placed: list[tuple[str, SegmentView]] = [(s.code, s) for s in self.model]
        for label, segs in self._others.items():
            placed.extend((f"{label}|{s.code}", s) for s in segs)
        self.timeline.set_segments(placed)

    # ------------------------------------------------------------------ model events
    def _on_reset(self, segs: list[SegmentView]) -> None:
        self._place_all()
        self.table.set_segments(segs)

    def _on_changed(self, seg: SegmentView) -> None:
        self.timeline.upsert_segment(seg.code, seg)
        self.table.upsert(seg)

    def _on_removed(self, ids: list[str]) -> None:
        self.timeline.remove_segments(ids)
        self.table.remove(ids)

    # ------------------------------------------------------------------ selection
    def _on_model_selection(self, ids: list[str]) -> None:
        # the view the user selected in already shows it (and keeps its current cell)
        if self._origin is not self.timeline:
            self.timeline.set_selection(ids)
        if self._origin is not self.table:
            self.table.set_selection(ids)

    def _on_timeline_selection(self, ids: list[str]) -> None:
        self._origin = self.timeline
        try:
            self.model.set_selection(ids)
        finally:
            self._origin = None

    def _on_table_selection(self, ids: list[str]) -> None:
        self._origin = self.table
        try:
            self.model.set_selection(ids)
        finally:
            self._origin = None
        seg = self.model.selected()
        if seg is not None:
            self.timeline.reveal_time(seg.start_ms)

    # ------------------------------------------------------------------ recording
    def show_recording(self, ms: int) -> None:
        """Draw each code being recorded (the model's recordings) from its own start to the
        playhead ``ms``; never backwards (a playhead before the start shows the start only).
        Only the timeline draws this growing copy; the model and the table keep the
        recording as loaded, its end at its start."""
        for seg in self.model.recordings():
            start = seg.start_ms
            self.timeline.upsert_segment(seg.code, SegmentView(
                seg.id, seg.coder, seg.code, start, max(start, ms), seg.note, seg.modifiers))
