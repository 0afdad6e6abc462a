"""The open session's segments and their selection, as one evented model.

:class:`SessionSegments` is what the timeline and the segment table both show: it
follows a :class:`CodingController` (which writes to the store and reports what the
store returned) and tells its subscribers what changed. The selection lives here too,
so selecting in one view selects in the other without the window passing it along.

Signals:

- ``reset(list)``: the whole list changed (a session loaded, undo/redo, closed).
- ``changed(object)``: one :class:`SegmentView` was added or changed.
- ``removed(list)``: these segment ids are gone.
- ``selectionChanged(list)``: the selected segment ids changed (in selection order).
- ``openCodesChanged(object)``: the set of codes now being recorded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import QObject, Signal

from annotator.core.segments import SegmentView
from annotator.ui.coding_controller import CodingController


class SessionSegments(QObject):
    reset = Signal(list)
    changed = Signal(object)
    removed = Signal(list)
    selectionChanged = Signal(list)
    openCodesChanged = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._segs: dict[str, SegmentView] = {}
        self._selection: list[str] = []
        self._open: set[str] = set()
        self._controller: CodingController | None = None

    # ------------------------------------------------------------------ source
    def attach(self, controller: CodingController | None) -> None:
        """Follow ``controller``'s session (None: no session, the model empties)."""
        old = self._controller
        if old is not None:
            old.segmentsReset.disconnect(self._on_reset)
            old.segmentChanged.disconnect(self._on_changed)
            old.segmentsRemoved.disconnect(self._on_removed)
            old.openCodesChanged.disconnect(self._on_open_codes)
        self._controller = controller
        if controller is not None:
            controller.segmentsReset.connect(self._on_reset)
            controller.segmentChanged.connect(self._on_changed)
            controller.segmentsRemoved.connect(self._on_removed)
            controller.openCodesChanged.connect(self._on_open_codes)
        self._on_reset([])
        self._on_open_codes(set())

    # ------------------------------------------------------------------ reading
    def __contains__(self, seg_id: object) -> bool:
        return seg_id in self._segs

    def __getitem__(self, seg_id: str) -> SegmentView:
        return self._segs[seg_id]

    def __iter__(self) -> Iterator[SegmentView]:
        return iter(list(self._segs.values()))

    def __len__(self) -> int:
        return len(self._segs)

    def get(self, seg_id: str) -> SegmentView | None:
        return self._segs.get(seg_id)

    def segments(self) -> list[SegmentView]:
        return list(self._segs.values())

    def open_codes(self) -> set[str]:
        return set(self._open)

    def by_start(self, code: str | None = None) -> list[SegmentView]:
        """Segments (of ``code``, or all) ordered by start, then end, then id."""
        segs = [s for s in self._segs.values() if code is None or s.code == code]
        return sorted(segs, key=lambda s: (s.start_ms, s.end_ms, s.id))

    # ------------------------------------------------------------------ selection
    def selection(self) -> list[str]:
        return list(self._selection)

    def selected(self) -> SegmentView | None:
        """The first selected segment, if any."""
        return next((self._segs[i] for i in self._selection if i in self._segs), None)

    def set_selection(self, ids: Iterable[str]) -> None:
        ids = [i for i in dict.fromkeys(ids) if i in self._segs]
        if ids != self._selection:
            self._selection = ids
            self.selectionChanged.emit(list(ids))

    # ------------------------------------------------------------------ events
    def _on_reset(self, segs: list[SegmentView]) -> None:
        self._segs = {s.id: s for s in segs}
        self.reset.emit(list(segs))
        self.set_selection(self._selection)  # drops vanished ids

    def _on_changed(self, seg: SegmentView) -> None:
        self._segs[seg.id] = seg
        self.changed.emit(seg)

    def _on_removed(self, ids: list[str]) -> None:
        for sid in ids:
            self._segs.pop(sid, None)
        self.removed.emit(list(ids))
        self.set_selection(self._selection)

    def _on_open_codes(self, codes: object) -> None:
        self._open = set(codes) if isinstance(codes, set | frozenset | list) else set()
        self.openCodesChanged.emit(set(self._open))
