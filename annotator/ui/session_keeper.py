"""What the window keeps faith with around a coding session (issue 8):

- leaving while a code is being recorded (closing the window, Ctrl+Q, switching session
  or coder, opening or closing a study) asks: end the recordings at the playhead,
  discard them, or cancel (:meth:`SessionKeeper.may_leave`);
- each coding reopens where its coder left the playhead: the position is stored every
  few seconds while it moves, and on leaving (one small UPDATE, no edit-log row);
- a new session starts at 1x (the speed is not carried across sessions or restarts);
- hold mode shows in the status bar and in the Codes panel.

The window calls :meth:`may_leave` at each place it leaves a session, and
:meth:`session_opened` / :meth:`session_closing` around a session.
"""

from __future__ import annotations

import gc
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox

from annotator.core.timefmt import format_short
from annotator.store import Study, StudyError
from annotator.ui.codebook_panel import CodebookPanel
from annotator.ui.coding_controller import CodingController
from annotator.ui.i18n import QT_TRANSLATE_NOOP, translate
from annotator.ui.messages import MessageBridge
from annotator.ui.player import PlayerWidget
from annotator.ui.player.controller import LoadState
from annotator.ui.workers import TaskContext, run_task


class KeeperHost(Protocol):
    """What the keeper needs from the window (not the window itself: no import cycle)."""

    @property
    def main_window(self) -> QMainWindow: ...

    @property
    def controller(self) -> CodingController | None: ...

    @property
    def study(self) -> Study | None: ...

    @property
    def lang(self) -> str: ...

    @property
    def player(self) -> PlayerWidget: ...

    @property
    def codes(self) -> CodebookPanel: ...

    @property
    def messages(self) -> MessageBridge: ...

    @property
    def actions_by_name(self) -> dict[str, QAction]: ...

    def current_ms(self) -> int: ...

    def seek(self, ms: int) -> None: ...

#: What the window is about to do, for "Before you …" (marked for translation; see may_leave)
LEAVE_SESSION = QT_TRANSLATE_NOOP("SessionKeeper", "leave this session")

#: How often a moved playhead is stored (ms).
POSITION_SAVE_MS = 3000
#: How often the SQLite WAL is copied back into the study file, on a worker (ms).
CHECKPOINT_MS = 2000


class LeaveBox(QMessageBox):
    """The question asked when leaving while recording; its buttons are ``end_button``,
    ``discard_button`` and ``cancel_button``. ``what`` is English, marked with
    ``QT_TRANSLATE_NOOP("SessionKeeper", ...)``."""

    def __init__(self, window: QMainWindow, ctl: CodingController, what: str,
                 at_ms: int) -> None:
        super().__init__(window)
        self.setObjectName("leaveWhileRecording")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(translate("LeaveBox", "A code is being recorded"))
        codes = ctl.recording_summary()
        listed, at = "; ".join(codes), format_short(at_ms)
        doing = translate("SessionKeeper", what)
        if len(codes) == 1:
            self.setText(translate("LeaveBox", "A code is still being recorded: {codes}.")
                         .format(codes=listed))
            self.setInformativeText(translate(
                "LeaveBox", "Before you {what}: end it at the playhead ({time}), or discard "
                "it?").format(what=doing, time=at))
        else:
            self.setText(translate("LeaveBox", "{n} codes are still being recorded: {codes}.")
                         .format(n=len(codes), codes=listed))
            self.setInformativeText(translate(
                "LeaveBox", "Before you {what}: end them at the playhead ({time}), or discard "
                "them?").format(what=doing, time=at))
        self.end_button = self.addButton(translate("LeaveBox", "End at {time}").format(time=at),
                                         QMessageBox.ButtonRole.AcceptRole)
        self.end_button.setObjectName("endRecordings")
        self.discard_button = self.addButton(translate("LeaveBox", "Discard"),
                                             QMessageBox.ButtonRole.DestructiveRole)
        self.discard_button.setObjectName("discardRecordings")
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.end_button)
        self.setEscapeButton(self.cancel_button)


class SessionKeeper(QObject):
    """Guards leaving a session while recording; keeps playhead, speed and hold visible.

    No signals of its own.
    """

    def __init__(self, window: KeeperHost) -> None:
        super().__init__(window.main_window)
        self.w = window
        self._saved: tuple[int, int] | None = None  # (assignment id, position) stored
        self._pending_seek: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POSITION_SAVE_MS)
        self._timer.timeout.connect(self.save_position)
        self._timer.start()
        # Key presses commit to SQLite's WAL; every 1000 pages the commit that crosses the
        # limit also copies the WAL into the study file and fsyncs it (15-30 ms under
        # load: the slowest key presses of bench/keypress.py). A passive checkpoint on a
        # worker every few seconds keeps the WAL short, so that never falls on a press.
        self._checkpointing = False
        self._checkpoint_timer = QTimer(self)
        self._checkpoint_timer.setInterval(CHECKPOINT_MS)
        self._checkpoint_timer.timeout.connect(self._checkpoint)
        self._checkpoint_timer.start()
        window.player.controller.rateChanged.connect(self._on_rate)
        window.player.controller.loaded.connect(self._on_media_loaded)
        window.player.controller.loadFailed.connect(self._on_media_failed)
        # hold mode, visible
        self.hold_label = QLabel(translate("SessionKeeper", "HOLD"))
        self.hold_label.setObjectName("holdIndicator")
        self.hold_label.setToolTip(translate(
            "SessionKeeper", "Hold mode: a code records only while its key is held down. "
            "Press H to turn it off."))
        self.hold_label.setStyleSheet("background: #fff4ce; color: #5c4400; font-weight: bold;"
                                      " padding: 0 6px; border: 1px solid #e0c36a;")
        self.hold_label.hide()
        window.main_window.statusBar().addPermanentWidget(self.hold_label)
        hold = window.actions_by_name.get("hold_mode")
        if hold is not None:
            hold.toggled.connect(self._on_hold_mode)
        # the Edit menu names the step undo and redo would take (asked when it opens,
        # so a key press never waits for it)
        for name in ("undo", "redo"):
            action = window.actions_by_name.get(name)
            if action is None:
                continue
            for obj in action.associatedObjects():
                if isinstance(obj, QMenu):
                    obj.aboutToShow.connect(self.name_undo_steps)

    # ------------------------------------------------------------------ undo text
    def name_undo_steps(self) -> None:
        """Put the next undo and redo steps in the Edit menu's texts."""
        ctl = self.w.controller
        for name, undo in (("undo", True), ("redo", False)):
            action = self.w.actions_by_name.get(name)
            if action is None:
                continue
            what = ctl.step_text(undo=undo) if ctl is not None else ""
            base = translate("Actions", "&Undo") if undo else translate("Actions", "&Redo")
            action.setText(f"{base} {what.replace('&', '&&')}" if what else base)

    @property
    def pending_seek(self) -> int | None:
        """The saved position the playhead goes to once the recording is loaded."""
        return self._pending_seek

    # ------------------------------------------------------------------ leaving
    def may_leave(self, what: str = LEAVE_SESSION) -> bool:
        """Whether the window may leave the session; asks while a code is recording.
        ``what`` ("quit") is English, marked with ``QT_TRANSLATE_NOOP("SessionKeeper", ...)``.

        "End" ends every recording at the playhead, "Discard" throws them away; when
        that cannot be stored (say, the playhead is before a recording's start) the
        recordings stay and the window stays where it is.
        """
        ctl = self.w.controller
        if ctl is None or not ctl.state.open or ctl.submitted:
            return True
        at = self.w.current_ms()
        box = LeaveBox(self.w.main_window, ctl, what, at)
        box.exec()
        clicked = box.clickedButton()
        if clicked is box.end_button:
            ctl.close_all(at)
        elif clicked is box.discard_button:
            ctl.cancel_open()
        else:
            return False
        return not ctl.state.open

    # ------------------------------------------------------------------ sessions
    def session_opened(self) -> None:
        """A session was just opened: 1x, the coder's last position, labels' language."""
        ctl = self.w.controller
        pc = self.w.player.controller
        pc.set_rate(1.0)
        if ctl is None:
            return
        # The session's segments and their views live until it is left: out of the
        # cyclic collector's way, so a collection during a key press does not walk them
        # all (until session_closing hands them back).
        gc.freeze()
        ctl.lang = self.w.lang
        try:
            pos = self.w.study.last_position(ctl.assignment.id) if self.w.study else None
        except StudyError:
            pos = None
        self._saved = (ctl.assignment.id, pos) if pos is not None else None
        if pos is None:
            return
        if pc.is_loaded:
            pc.seek(pos)
        elif pc.state is LoadState.LOADING:
            self._pending_seek = pos  # once the recording is loaded
        else:
            self.w.seek(pos)  # no recording: the timeline is the clock

    def _checkpoint(self) -> None:
        study, ctl = self.w.study, self.w.controller
        if study is None or ctl is None or not study.is_sqlite or self._checkpointing:
            return
        if ctl.guard is not None and ctl.guard() is not None:
            return
        self._checkpointing = True

        def work(_ctx: TaskContext) -> None:
            study.checkpoint()

        def done() -> None:
            self._checkpointing = False

        # a failed checkpoint is harmless: SQLite checkpoints in a commit then
        run_task(work, on_done=done, on_error=lambda _exc: done())

    def session_closing(self) -> None:
        """The session is about to be left: store where the playhead is."""
        self.save_position()
        self._pending_seek = None
        self._saved = None
        gc.unfreeze()

    def _on_media_loaded(self, _info: object) -> None:
        # after the player's own "loaded" handling (it moves to 0 right after this signal)
        QTimer.singleShot(0, self._seek_pending)

    def _seek_pending(self) -> None:
        pos, self._pending_seek = self._pending_seek, None
        if pos is not None and self.w.controller is not None:
            self.w.player.controller.seek(pos)

    def _on_media_failed(self, _message: str) -> None:
        pos, self._pending_seek = self._pending_seek, None
        if pos is not None and self.w.controller is not None:
            self.w.seek(pos)  # coding goes on on the timeline

    def save_position(self) -> None:
        """Store the playhead of the open coding if it moved (cheap: one small UPDATE)."""
        ctl, study = self.w.controller, self.w.study
        if ctl is None or study is None or self._pending_seek is not None:
            return
        pos = self.w.current_ms()
        key = (ctl.assignment.id, pos)
        if key == self._saved:
            return
        if ctl.guard is not None and ctl.guard() is not None:
            return  # the study file cannot be written now; the edit paths say why
        try:
            study.set_last_position(ctl.assignment.id, pos)
        except StudyError:
            return  # a convenience only: never in the coder's way
        self._saved = key

    def _on_rate(self, rate: float) -> None:
        """Keep Playback ▸ Speed's check mark on the speed actually playing."""
        for action in self.w.main_window.findChildren(QAction):
            if action.isCheckable() and action.text() == f"{rate:g}×":
                action.setChecked(True)

    # ------------------------------------------------------------------ hold mode
    def _on_hold_mode(self, on: bool) -> None:
        self.hold_label.setVisible(on)
        self.w.codes.set_hold_mode(on)
        self.w.messages.info.emit(
            translate("SessionKeeper", "Hold mode on: a code records while its key is held down.")
            if on else translate("SessionKeeper", "Hold mode off: a code's key starts a "
                                 "recording, the next press ends it."))
