"""The open session's recording in the main window: loading it into the player,
frame snapping on the timeline, and what shows when it is missing or unreadable.
No signals."""

from __future__ import annotations

from annotator.core.timefmt import format_tc
from annotator.store import SessionInfo
from annotator.ui.i18n import QT_TRANSLATE_NOOP, translate
from annotator.ui.messages import MessageBridge
from annotator.ui.player import PlayerWidget
from annotator.ui.timeline.view import TimelineView
from annotator.ui.window_status import WindowStatus
from annotator.ui.workspace import Workspace

NO_SESSION_HINT = QT_TRANSLATE_NOOP(
    "SessionMedia", "Double-click a session in the Study list to code it.\n"
    "Press Ctrl+F1 for the keyboard, F1 for the user manual.")
NO_STUDY_HINT = QT_TRANSLATE_NOOP("SessionMedia",
                                  "Open a study (Ctrl+O), or create one (Ctrl+N).")


class SessionMedia:
    def __init__(self, workspace: Workspace, player: PlayerWidget, timeline: TimelineView,
                 status: WindowStatus, messages: MessageBridge) -> None:
        self.ws = workspace
        self.player = player
        self.timeline = timeline
        self.status = status
        self.messages = messages
        pc = player.controller
        pc.loaded.connect(self._on_loaded)
        pc.loadFailed.connect(self._on_failed)
        pc.unloaded.connect(self._on_unloaded)
        pc.waveformChanged.connect(timeline.waveform.set_waveform)

    def show_session(self, session: SessionInfo | None) -> None:
        """Load the session's recording (None: unload and show what to do next)."""
        self.status.set_media_problem("")
        pc = self.player.controller
        if session is None:
            pc.unload()
            self.show_hint()
            return
        path = self.ws.media_path(session)
        if path is not None:
            pc.load(path, session.media.sha256 if session.media else None)
            return
        pc.unload()
        if session.media is not None:
            message = translate(
                "SessionMedia", "The recording of {session} is missing ({path}). Relink it "
                "from the study browser (right-click ▸ Relink media…).").format(
                    session=session.key, path=session.media.path)
            self.status.set_media_problem(translate("SessionMedia", "⚠ recording missing"),
                                          message)
            self.messages.warning.emit(message)
            self.player.view.clear(translate(
                "SessionMedia", "The recording of {session} is missing.\n"
                "Click the timeline to move the playhead and code.").format(session=session.key))
        else:
            self.player.view.clear(translate(
                "SessionMedia", "{session} has no recording.\n"
                "Click the timeline to move the playhead and code.").format(session=session.key))

    def show_hint(self) -> None:
        """What to do next, in the empty picture area."""
        hint = NO_SESSION_HINT if self.ws.study is not None else NO_STUDY_HINT
        self.player.view.clear(translate("SessionMedia", hint))

    def _on_loaded(self, info: object) -> None:
        pc = self.player.controller
        self.timeline.set_snap(pc.snap_to_frame)
        self.timeline.set_step_frame(pc.step_time)
        if self.ws.session is not None and not self.ws.session.duration_ms:
            self.timeline.set_duration(pc.duration_ms)
        self.timeline.fit_all()
        warning = str(getattr(info, "warning", ""))
        if warning:  # truncated: only the first part plays (the label says how much)
            playable = format_tc(int(getattr(info, "duration_ms", 0)))
            self.status.set_media_problem(translate(
                "SessionMedia", "⚠ recording truncated: plays to {time}").format(time=playable),
                warning)
            self.messages.warning.emit(warning)

    def _on_unloaded(self) -> None:
        if self.ws.session is None:
            self.show_hint()

    def _on_failed(self, message: str) -> None:
        if self.ws.session is not None:
            self.status.set_media_problem(translate("SessionMedia", "⚠ recording unreadable"),
                                          message)
        self.messages.warning.emit(message)
