"""Coding and editing commands of the main window: code keys, split, note, delete,
undo/redo, submit/reopen, hold mode and unblinding.

:class:`EditingActions` works on the :class:`Workspace` (its controller and segment
model) and asks the user through dialogs parented to ``host.dialog_parent()``; it
needs only the small :class:`EditHost` protocol, not the window. No signals.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from annotator.core.timefmt import format_tc
from annotator.ui.i18n import translate
from annotator.ui.messages import MessageBridge
from annotator.ui.workspace import Workspace


class EditHost(Protocol):
    """What the editing commands need from the window."""

    @property
    def workspace(self) -> Workspace: ...

    @property
    def messages(self) -> MessageBridge: ...

    def current_ms(self) -> int: ...

    def dialog_parent(self) -> QWidget: ...


class EditingActions:
    def __init__(self, host: EditHost) -> None:
        self.host = host

    @property
    def ws(self) -> Workspace:
        return self.host.workspace

    # ------------------------------------------------------------------ code keys
    def code_pressed(self, code_id: str) -> None:
        ctl = self.ws.controller
        if ctl is None:
            self.host.messages.info.emit(translate(
                "EditingActions", "Open a session to code (double-click it in the study list)."))
            return
        ctl.press(code_id, self.host.current_ms())

    def code_released(self, code_id: str) -> None:
        ctl = self.ws.controller
        if ctl is not None:
            ctl.release(code_id, self.host.current_ms())

    def close_open_codes(self) -> None:
        if self.ws.controller is not None:
            self.ws.controller.close_all(self.host.current_ms())

    def cancel_open_codes(self) -> None:
        if self.ws.controller is not None:
            self.ws.controller.cancel_open()

    def set_hold_mode(self, on: bool) -> None:
        self.ws.set_hold_mode(on)

    # ------------------------------------------------------------------ edits
    def change_times(self, seg_id: str, start: int, end: int) -> None:
        if self.ws.controller is not None:
            self.ws.controller.change(seg_id, start_ms=start, end_ms=end)

    def change(self, seg_id: str, changes: dict[str, object]) -> None:
        if self.ws.controller is not None:
            self.ws.controller.change(seg_id, **changes)

    def delete(self, ids: list[str]) -> None:
        if self.ws.controller is not None:
            self.ws.controller.delete(list(ids))

    def delete_selected(self) -> None:
        self.delete(self.ws.segments.selection())

    def split(self, seg_id: str) -> None:
        if self.ws.controller is not None:
            self.ws.controller.split(seg_id, self.host.current_ms())

    def split_selected(self) -> None:
        ctl = self.ws.controller
        if ctl is None:
            return
        t = self.host.current_ms()
        ids = self.ws.segments.selection() or [
            s.id for s in self.ws.segments if s.start_ms < t < s.end_ms]
        if not ids:
            self.host.messages.info.emit(
                translate("EditingActions", "No segment under the playhead to split."))
            return
        ctl.split(ids[0], t)

    def edit_note(self, seg_id: str | None = None) -> None:
        ctl = self.ws.controller
        if ctl is None:
            return
        if not seg_id:
            sel = self.ws.segments.selection()
            if not sel:
                self.host.messages.info.emit(
                    translate("EditingActions", "Select a segment to write a note on it."))
                return
            seg_id = sel[0]
        seg = self.ws.segments.get(seg_id)
        if seg is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self.host.dialog_parent(), translate("EditingActions", "Note"),
            translate("EditingActions", "Note on {code} at {time}:").format(
                code=seg.code, time=format_tc(seg.start_ms)), seg.note)
        if ok and text != seg.note:
            ctl.change(seg_id, note=text)

    def undo(self) -> None:
        if self.ws.controller is not None:
            self.ws.controller.undo()

    def redo(self) -> None:
        if self.ws.controller is not None:
            self.ws.controller.redo()

    # ------------------------------------------------------------------ status
    def submit(self) -> None:
        """Submit (lock) the coding, after asking with the segment count."""
        ctl = self.ws.controller
        if ctl is not None:
            from annotator.ui.submit_dialog import confirm_submit

            ctl.submit(lambda n: confirm_submit(self.host.dialog_parent(), ctl.assignment, n))

    def reopen(self) -> None:
        if self.ws.controller is not None:
            self.ws.controller.reopen()

    def toggle_others(self, on: bool) -> None:
        ctl = self.ws.controller
        if ctl is None:
            return
        if on and not self.ws.showing_others and ctl.assignment.purpose == "reliability":
            answer = QMessageBox.question(
                self.host.dialog_parent(), translate("EditingActions", "Unblind?"),
                translate("EditingActions",
                          "You are coding this session blind, for reliability. Showing the "
                          "other coders' segments ends the blinding, and it is logged.\n\n"
                          "Show them?"))
            if answer != QMessageBox.StandardButton.Yes:
                self.ws.othersShownChanged.emit(False)  # the menu item unticks
                return
        self.ws.set_showing_others(on)
