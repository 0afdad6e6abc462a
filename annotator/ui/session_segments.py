"""The open session's segments and their selection, as one evented model.

:class:`SessionSegments` is the only in-memory copy of the open coding's segments: the
:class:`~annotator.ui.coding_controller.CodingController` writes into it what the store
returned for each edit (and the whole coding when a session loads, on undo and redo), and
reads from it; the timeline and the segment table both show its objects, subscribed to its
events. The selection lives here too, so selecting in one view selects in the other
without the window passing it along. It holds no database handle and writes nothing: the
store stays the record, and this model mirrors what the store last returned.

A code being recorded (a segment row with no end in the store) is a :class:`SegmentView`
with the :data:`OPEN_FLAG` modifier and ``end_ms == start_ms``; the model indexes those by
code (:meth:`recording_ids`), so which codes are open is read from the segments themselves.

Signals:

- ``reset(list)``: the whole list changed (a session loaded, undo/redo, closed).
- ``changed(object)``: one :class:`SegmentView` was added or changed.
- ``removed(list)``: these segment ids are gone.
- ``selectionChanged(list)``: the selected segment ids changed (in selection order).
- ``openCodesChanged(object)``: the set of codes now being recorded changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from PySide6.QtCore import QObject, Signal

from annotator.core.segments import SegmentView

#: In the views only (never stored): a segment view with this modifier is a code being
#: recorded, shown from its start to the playhead. The store keeps a recording as a
#: segment row with no end (``Study.recordings``).
OPEN_FLAG = "open"


def is_recording(seg: SegmentView) -> bool:
    return bool(seg.modifiers.get(OPEN_FLAG))


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
        self._recording: dict[str, str] = {}  # code -> id of its recording segment

    # ------------------------------------------------------------------ writing
    def replace(self, segs: Iterable[SegmentView]) -> None:
        """The whole coding, as the store returned it (a load, undo/redo); [] empties."""
        before = set(self._recording)
        self._segs = {s.id: s for s in segs}
        self._recording = {s.code: s.id for s in self._segs.values() if is_recording(s)}
        self.reset.emit(list(self._segs.values()))
        self.set_selection(self._selection)  # drops vanished ids
        self._open_codes_from(before)

    def clear(self) -> None:
        self.replace(())

    def put(self, seg: SegmentView) -> None:
        """Add ``seg``, or replace the segment with its id, as the store returned it."""
        old = self._segs.get(seg.id)
        self._segs[seg.id] = seg
        recording = is_recording(seg)
        open_changed = False
        if old is not None and self._recording.get(old.code) == seg.id and (
                not recording or old.code != seg.code):
            del self._recording[old.code]  # ended (or moved to another code)
            open_changed = True
        if recording and self._recording.get(seg.code) != seg.id:
            self._recording[seg.code] = seg.id
            open_changed = True
        self.changed.emit(seg)
        if open_changed:
            self.openCodesChanged.emit(set(self._recording))

    def show_again(self, seg_id: str) -> None:
        """Tell the views once more what the model holds for ``seg_id`` (an edit the user
        made in a view was refused: the view goes back to the stored segment)."""
        seg = self._segs.get(seg_id)
        if seg is not None:
            self.changed.emit(seg)

    def discard(self, ids: Iterable[str]) -> None:
        """These segments (or recordings) are gone from the store."""
        before = set(self._recording)
        gone = []
        for sid in ids:
            seg = self._segs.pop(sid, None)
            if seg is None:
                continue
            gone.append(sid)
            if self._recording.get(seg.code) == sid:
                del self._recording[seg.code]
        if not gone:
            return
        self.removed.emit(gone)
        self.set_selection(self._selection)
        self._open_codes_from(before)

    def _open_codes_from(self, before: set[str]) -> None:
        if set(self._recording) != before:
            self.openCodesChanged.emit(set(self._recording))

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
        """The codes being recorded."""
        return set(self._recording)

    def recording_ids(self) -> dict[str, str]:
        """Code -> id of the segment that records it, for the codes being recorded."""
        return dict(self._recording)

    def recordings(self) -> list[SegmentView]:
        return [self._segs[i] for i in self._recording.values()]

    def finished(self) -> list[SegmentView]:
        """The segments proper: everything but the codes being recorded."""
        rec = set(self._recording.values())
        return [s for s in self._segs.values() if s.id not in rec]

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
