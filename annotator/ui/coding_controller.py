"""One coder coding one session: segments, keyboard coding, edits, undo/redo, submit.

Every edit goes straight to the store as one committed transaction (docs/design.md §7).
The controller keeps no segments of its own: it writes what the store returned into the
session's :class:`SessionSegments` (one segment for an edit, the whole coding on a load,
undo or redo) and reads the segments from there, so the model, and the timeline and the
table that show it, always hold what is stored. The codes being recorded are the model's
segments flagged :data:`OPEN_FLAG`; the :class:`CodingState` keeps only which codes are open
since when, to turn key presses into actions.

Signals:

- ``statusChanged(str)``: the assignment's status changed (``submitted``, ...).
- ``undoStateChanged(bool, bool)``: whether undo and redo are possible.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from annotator.core.codebook import Codebook
from annotator.core.coding import Action, Close, CodingState, Open, Point
from annotator.core.edit_steps import describe_step
from annotator.core.segments import SegmentView
from annotator.core.timefmt import format_short
from annotator.store import AssignmentInfo, Study, StudyError
from annotator.ui.i18n import translate
from annotator.ui.messages import MessageBridge
from annotator.ui.session_segments import OPEN_FLAG, SessionSegments


class CodingController(QObject):
    statusChanged = Signal(str)
    undoStateChanged = Signal(bool, bool)

    def __init__(self, study: Study, assignment: AssignmentInfo, coder: str,
                 messages: MessageBridge, segments: SessionSegments,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.study = study
        self.assignment = assignment
        self.coder = coder
        self.messages = messages
        #: the session's segments: the one copy, which the timeline and the table show
        self.model = segments
        self.codebook: Codebook = study.codebook_by_id(assignment.codebook_id)
        self.state = CodingState(self.codebook)
        self.lang = "en"  # the codebook language of labels in messages and menus
        # Asked before every write: a reason the study cannot be written now, or None.
        self.guard: Callable[[], str | None] | None = None

    # ---------------------------------------------------------------- loading
    @property
    def submitted(self) -> bool:
        return self.assignment.status == "submitted"

    def load(self) -> None:
        """Read the whole coding from the store into the model (open, reload, undo)."""
        segs = self.study.segments(self.assignment.id)
        recs = self.study.recordings(self.assignment.id)
        # Codes left open when the app was closed or died resume as open, each from its
        # own start.
        self.state.restore({r.code: r.start_ms for r in recs})
        segs.extend(self._recording_view(r.id, r.code, r.start_ms) for r in recs)
        self.model.replace(segs)
        self._emit_undo_state()

    def set_hold_mode(self, on: bool) -> None:
        self.state.hold_mode = on

    # ---------------------------------------------------------------- keyboard coding
    def press(self, code_id: str, t_ms: int) -> None:
        if self._refuse_if_submitted():
            return
        self._carry_out(self.state.press(code_id, t_ms))

    def release(self, code_id: str, t_ms: int) -> None:
        self._carry_out(self.state.release(code_id, t_ms))

    def close_all(self, t_ms: int) -> None:
        self._carry_out(self.state.close_all(t_ms))

    def cancel_open(self) -> None:
        """Discard the codes being recorded (their recordings are thrown away)."""
        ids = list(self.model.recording_ids().values())
        if ids and self._do(lambda: self.study.discard_recordings(ids, by=self.coder)) is None:
            return  # not discarded: they are still being recorded
        for code in list(self.state.open):
            self.state.cancel(code)
        if ids:
            self.model.discard(ids)
            self._edited()

    def _carry_out(self, actions: list[Action]) -> None:
        """Store the actions in order. When one is not stored (the study refused it or
        could not be written), it and the ones after it are taken back from the coding
        state, so what is shown as open or done is what the study holds."""
        stored = failed = False
        for act in actions:
            if not failed and self._store_action(act):
                stored = True
                continue
            failed = True
            self._take_back(act)
        if stored:
            self._edited()

    def _store_action(self, act: Action) -> bool:
        if isinstance(act, Point):
            seg = self._do(lambda: self.study.add_segment(
                self.assignment.id, act.code, act.at_ms, act.at_ms, by=self.coder))
        elif isinstance(act, Open):
            rec = self._do(lambda: self.study.start_recording(
                self.assignment.id, act.code, act.at_ms, by=self.coder))
            seg = None if rec is None else self._recording_view(rec.id, act.code, act.at_ms)
        else:
            sid = self.model.recording_ids().get(act.code)
            if sid is None:
                return True
            # joins the batch that opened it: one keyboard-coded segment, one undo step
            seg = self._do(lambda: self.study.end_recording(sid, act.end_ms, by=self.coder))
        if seg is None:
            return False
        self.model.put(seg)  # a recording ends when its stored segment replaces it
        return True

    def _take_back(self, act: Action) -> None:
        """Undo the coding state's change for an action that was not stored."""
        if isinstance(act, Open):
            self.state.cancel(act.code)
        elif isinstance(act, Close):
            rec = self.model.get(self.model.recording_ids().get(act.code, ""))
            if rec is not None:
                self.state.open[act.code] = rec.start_ms  # still recording

    def _recording_view(self, sid: str, code: str, start_ms: int) -> SegmentView:
        return SegmentView(sid, self.assignment.coder, code, start_ms, start_ms, "",
                           {OPEN_FLAG: True})

    def recording_summary(self) -> list[str]:
        """The codes being recorded, as 'label (since 00:12.3)', for questions."""
        return [translate("CodingController", "'{label}' since {start}").format(
                    label=self.codebook.code(code).label_in(self.lang),
                    start=format_short(start))
                for code, start in sorted(self.state.open.items(), key=lambda kv: kv[1])]

    # ---------------------------------------------------------------- edits
    def change(self, seg_id: str, **changes: Any) -> bool:
        """Apply changes (code, start_ms, end_ms, note) to a segment; False if refused."""
        if self._refuse_if_submitted():
            self.model.show_again(seg_id)  # put the view back where it was
            return False
        seg = self._do(lambda: self.study.update_segment(seg_id, by=self.coder, **changes))
        if seg is None:
            self.model.show_again(seg_id)  # put the view back where it was
            return False
        self.model.put(seg)
        self._edited()
        return True

    def delete(self, ids: list[str]) -> None:
        ids = [i for i in ids if i in self.model]
        if not ids or self._refuse_if_submitted():
            return
        recording = {sid: code for code, sid in self.model.recording_ids().items()}
        recs = [i for i in ids if i in recording]
        segs = [i for i in ids if i not in recording]
        if recs and self._do(lambda: self.study.discard_recordings(recs, by=self.coder)) is None:
            return
        if segs and self._do(lambda: self.study.delete_segments(segs, by=self.coder)) is None:
            ids = recs
            if not ids:
                return
        for sid in recs:
            self.state.cancel(recording[sid])
        self.model.discard(ids)
        self._edited()

    def split(self, seg_id: str, at_ms: int) -> None:
        if self._refuse_if_submitted():
            return
        new_id = self._do(lambda: self.study.split_segment(seg_id, at_ms, by=self.coder))
        if new_id is None:
            return
        self.model.put(self.study.segment(seg_id))
        self.model.put(self.study.segment(new_id))
        self._edited()

    def undo(self) -> None:
        self._undo_redo(undo=True)

    def redo(self) -> None:
        self._undo_redo(undo=False)

    def step_text(self, *, undo: bool = True) -> str:
        """What undo (redo) would take back (bring back), e.g. "add 'Being responsive'
        00:12.3–00:15.8"; empty when there is nothing."""
        if self.submitted:
            return ""
        try:
            rows = self.study.next_step(self.assignment.id, undo=undo)
        except StudyError:
            return ""
        return describe_step(rows, self._label)

    def _label(self, code: str) -> str:
        cb = self.codebook
        return cb.code(code).label_in(self.lang) if cb.has_code(code) else code

    def _undo_redo(self, *, undo: bool) -> None:
        if self._refuse_if_submitted():
            return
        what = self.step_text(undo=undo)
        fn = self.study.undo if undo else self.study.redo
        touched = self._do(lambda: fn(self.assignment.id, by=self.coder))
        if touched is None:
            return
        if not touched:
            self.messages.info.emit(translate("CodingController", "Nothing to undo.") if undo
                                    else translate("CodingController", "Nothing to redo."))
            self._emit_undo_state()
            return
        self.load()
        self.messages.info.emit(
            translate("CodingController", "Undone: {step}.").format(step=what) if undo
            else translate("CodingController", "Redone: {step}.").format(step=what))

    # ---------------------------------------------------------------- status
    def submit(self, confirm: Callable[[int], bool] | None = None) -> bool:
        """Submit (lock) this coding. ``confirm(segment_count)`` is asked first; the
        store refuses while a code is being recorded, and the message names it."""
        if self._refuse_if_submitted():
            return False
        if self.state.open:
            self.messages.error.emit(
                translate("CodingController", "Not submitted"),
                translate("CodingController",
                          "A code is still being recorded: {codes}. End it (Enter) or discard "
                          "it (Esc) first; nothing was changed.").format(
                    codes="; ".join(self.recording_summary())))
            return False
        if confirm is None:
            from annotator.ui.submit_dialog import confirm_submit

            parent = self.parent()
            confirm = lambda n: confirm_submit(  # noqa: E731
                parent if isinstance(parent, QWidget) else None, self.assignment, n)
        if not confirm(len(self.model.finished())):
            return False
        problem = self.guard() if self.guard is not None else None
        if problem:
            self.messages.error.emit(translate("CodingController", "Not submitted"), problem)
            return False
        try:
            self.study.set_status(self.assignment.id, "submitted", by=self.coder)
        except StudyError as exc:
            self.messages.error.emit(translate("CodingController", "Not submitted"), str(exc))
            return False
        self._refresh_assignment()
        self.messages.info.emit(translate(
            "CodingController", "Submitted {case} session {number}.").format(
                case=self.assignment.case, number=self.assignment.number))
        return True

    def reopen(self) -> None:
        if self._do(lambda: self.study.set_status(self.assignment.id, "in_progress",
                                                  by=self.coder)) is None:
            return
        self._refresh_assignment()

    def _refresh_assignment(self) -> None:
        self.assignment = self.study.assignment(self.assignment.id)
        self.statusChanged.emit(self.assignment.status)
        self._emit_undo_state()

    # ---------------------------------------------------------------- helpers
    def _do(self, fn: Any) -> Any:
        """Run one store call; report a refusal or failure instead of raising."""
        problem = self.guard() if self.guard is not None else None
        if problem:
            self.messages.error.emit(translate("CodingController", "Not saved"), problem)
            return None
        try:
            result = fn()
        except StudyError as exc:
            self.messages.error.emit(translate("CodingController", "Not saved"), str(exc))
            return None
        if self.assignment.status == "assigned":
            self._refresh_assignment()  # the first edit moved it to "in progress"
        return True if result is None else result

    def _refuse_if_submitted(self) -> bool:
        if self.submitted:
            self.messages.warning.emit(translate(
                "CodingController",
                "This session is submitted. Reopen it (Coding ▸ Reopen session) to change it; "
                "reopening is logged."))
            return True
        return False

    def _edited(self) -> None:
        """A new edit was stored: it can be undone, and it dropped the redo history (no
        need to ask the study, which keeps a key press quick)."""
        self.undoStateChanged.emit(not self.submitted, False)

    def _emit_undo_state(self) -> None:
        try:
            can = (self.study.can_undo(self.assignment.id), self.study.can_redo(self.assignment.id))
        except StudyError:
            can = (False, False)
        if self.submitted:
            can = (False, False)
        self.undoStateChanged.emit(*can)

