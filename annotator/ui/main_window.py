"""The coding workstation's main window: the chrome around the coding.

The window holds the widgets (player, timeline, docks), the menus and the status bar.
What is open lives in :class:`Workspace`; the session's segments and selection in its
:class:`SessionSegments`, which the timeline and the table both show through
:class:`SessionViews`; the commands are declared in :mod:`annotator.ui.window_actions`
and carried out by :class:`EditingActions`, :class:`NavigationActions` and
:class:`StudyActions`. No signals of its own.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QSplitter,
    QWidget,
)

from annotator.store import SessionInfo, Study, StudyError
from annotator.ui.codebook_panel import CodebookPanel
from annotator.ui.coding_controller import CodingController
from annotator.ui.coding_keys import CodingKeyFilter
from annotator.ui.definition_pane import DefinitionPane
from annotator.ui.dump_hook import StateDump
from annotator.ui.i18n import QT_TRANSLATE_NOOP, current_language, translate
from annotator.ui.keyboard_help import HelpActions
from annotator.ui.messages import MessageBridge
from annotator.ui.open_check import OpenCheck
from annotator.ui.player import PlayerWidget
from annotator.ui.segment_table import SegmentTable
from annotator.ui.session_keeper import SessionKeeper
from annotator.ui.session_views import SessionViews
from annotator.ui.settings import Settings
from annotator.ui.study_browser import StudyBrowser
from annotator.ui.timeline.view import TimelineView
from annotator.ui.window_actions import build_actions, update_enabled
from annotator.ui.window_editing import EditingActions
from annotator.ui.window_layout import WindowLayout, make_dock, narrow_table_columns
from annotator.ui.window_media import NO_SESSION_HINT, NO_STUDY_HINT, SessionMedia
from annotator.ui.window_menus import build_menus
from annotator.ui.window_navigation import NavigationActions
from annotator.ui.window_status import WindowStatus, saved_text
from annotator.ui.window_study import StudyActions
from annotator.ui.workspace import FromWorkspace, Workspace

__all__ = ["NO_SESSION_HINT", "NO_STUDY_HINT", "MainWindow"]


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.messages = MessageBridge(self)
        self.workspace = ws = Workspace(self.messages, current_language(), self)
        self.setWindowTitle("annotator")
        self.setMinimumSize(960, 600)

        # ---- widgets
        self.player = PlayerWidget(self)
        self.timeline = TimelineView(self)
        self.codes = CodebookPanel(self)
        self.table = SegmentTable(self)
        self.browser = StudyBrowser(self)
        self.definition = DefinitionPane(self)
        self.views = SessionViews(ws.segments, self.timeline, self.table, self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("centralSplit")
        split.addWidget(self.player)
        split.addWidget(self.timeline)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.central_split = split
        self.setCentralWidget(split)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.browser_dock = make_dock(self, translate("MainWindow", "Study"), "studyDock",
                                      self.browser, left)
        self.codes_dock = make_dock(self, translate("MainWindow", "Codes"), "codesDock",
                                    self.codes, right)
        self.table_dock = make_dock(self, translate("MainWindow", "Segments"), "segmentsDock",
                                    self.table, right)
        self.definition_dock = make_dock(self, translate("MainWindow", "Definition"),
                                         "definitionDock", self.definition, left)
        self.definition_dock.hide()  # View ▸ Definition pane (Ctrl+D) shows it
        narrow_table_columns(self.table.view)

        # ---- status bar
        self.status = WindowStatus(self, ws, self.messages)
        st = self.status
        self.coder_label, self.session_label = st.coder_label, st.session_label
        self.saved_label, self.media_label = st.saved_label, st.media_label
        self.media = SessionMedia(ws, self.player, self.timeline, st, self.messages)

        # ---- commands, keys and menus
        self.keys = CodingKeyFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.keys)
        self.study_actions = StudyActions(self)
        self.open_check = OpenCheck(self, self)
        self.editing = EditingActions(self)
        self.navigation = NavigationActions(self)
        self.help = HelpActions(self)
        self.actions_by_name: dict[str, QAction] = build_actions(self, {
            "window": self, "study": self.study_actions, "edit": self.editing,
            "nav": self.navigation, "help": self.help})
        build_menus(self)
        self.keeper = SessionKeeper(self)  # leaving while recording; position; hold
        self.layout_state = WindowLayout(self, self.settings)
        self._wire()
        self.layout_state.restore()
        self.keys.enabled = True
        self._update_actions()
        self.media.show_hint()
        if dump := os.environ.get("ANNOTATOR_TEST_DUMP"):  # test-only (see dump_hook)
            self._dump = StateDump(Path(dump), ws, self.table,
                                   lambda: self.player.controller.is_loaded, self.current_ms,
                                   self)

    def _wire(self) -> None:
        ws, ed = self.workspace, self.editing
        ws.studyChanged.connect(self._on_study_changed)
        ws.coderChanged.connect(self._on_coder_changed)
        ws.sessionChanged.connect(self._on_session_changed)
        ws.assignmentChanged.connect(self._on_assignment_changed)
        ws.undoStateChanged.connect(self._on_undo_state)
        ws.studyEdited.connect(self.refresh_browser)
        ws.languageChanged.connect(self._on_language_changed)
        ws.othersShownChanged.connect(self._on_others_shown)
        ws.segments.openCodesChanged.connect(self.codes.set_open_codes)
        ws.segments.selectionChanged.connect(self._on_selection)
        self.definition_dock.visibilityChanged.connect(self._on_definition_visible)
        self.keys.pressed.connect(ed.code_pressed)
        self.keys.released.connect(ed.code_released)
        self.codes.codeActivated.connect(ed.code_pressed)
        self.codes.codeHovered.connect(self.definition.show_code)
        self.player.controller.positionChanged.connect(self._on_position)
        tl = self.timeline
        tl.seekRequested.connect(self.seek)
        tl.segmentMoveRequested.connect(ed.change_times)
        tl.segmentResizeRequested.connect(ed.change_times)
        tl.deleteRequested.connect(ed.delete)
        tl.splitRequested.connect(ed.split)
        tl.noteRequested.connect(ed.edit_note)
        tl.segmentActivated.connect(self._on_segment_activated)
        self.table.activated.connect(self._on_segment_activated)
        self.table.deleteRequested.connect(ed.delete)
        self.table.model.editRequested.connect(ed.change)
        self.table.model.editRejected.connect(self.messages.warning.emit)
        self.browser.sessionActivated.connect(self.open_session)
        self.browser.relinkRequested.connect(self.study_actions.relink_media)

    # ------------------------------------------------------------------ hosts' protocol
    @property
    def main_window(self) -> QMainWindow:
        return self

    def dialog_parent(self) -> QWidget:
        return self

    # what is open, read from the workspace
    study = FromWorkspace[Study | None]("study")
    study_target = FromWorkspace[str | None]("study_target")
    coder = FromWorkspace[str | None]("coder")
    session = FromWorkspace[SessionInfo | None]("session")
    controller = FromWorkspace[CodingController | None]("controller")
    showing_others = FromWorkspace[bool]("showing_others")
    lang = FromWorkspace[str]("lang")

    # ------------------------------------------------------------------ layout
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.status.shown()
        self.layout_state.shown()

    def save_layout(self) -> None:
        self.layout_state.save()
        self.settings.sync()

    def reset_layout(self) -> None:
        self.layout_state.reset()

    def show_definition(self, on: bool) -> None:
        self.definition_dock.setVisible(on)

    def _on_definition_visible(self, on: bool) -> None:
        a = self.actions_by_name["definition"]
        if a.isChecked() != on and not self.isMinimized():
            a.blockSignals(True)
            a.setChecked(on)
            a.blockSignals(False)

    # ------------------------------------------------------------------ study / coder
    def open_study(self, target: str) -> bool:
        """Open a study (file or URL); returns whether it is open."""
        return (self.keeper.may_leave(QT_TRANSLATE_NOOP("SessionKeeper", "open another study"))
                and self.workspace.open_study(target))

    def close_study(self) -> None:
        if self.keeper.may_leave(QT_TRANSLATE_NOOP("SessionKeeper", "close the study")):
            self.close_session()
            self.workspace.close_study()

    def set_coder(self, coder: str) -> None:
        if coder != self.coder and not self.study_actions.may_code_as(coder):
            return
        if self.controller is not None and coder != self.coder:
            if not self.keeper.may_leave(QT_TRANSLATE_NOOP("SessionKeeper", "switch coder")):
                return
            self.close_session()  # the session was this coder's coding, not the new one's
        self.workspace.set_coder(coder)

    def open_session(self, session_id: int) -> bool:
        if self.study is None:
            return False
        if self.coder is None and not self.study_actions.choose_coder():
            return False
        if not self.keeper.may_leave(
                QT_TRANSLATE_NOOP("SessionKeeper", "switch to another session")):
            return False
        self.close_session()
        opened = self.workspace.open_session(session_id)
        if opened:
            self.keeper.session_opened()
        return opened

    def close_session(self) -> None:
        if self.controller is not None:
            self.keeper.session_closing()
        self.workspace.close_session()

    def open_session_key(self, key: str) -> bool:
        assert self.study is not None
        case, _, num = key.partition(":")
        try:
            session = self.study.session(case, int(num))
        except (StudyError, ValueError):
            self.messages.error.emit(translate("MainWindow", "No such session"), translate(
                "MainWindow", "There is no session {key!r} in this study (use CASE:N).").format(
                    key=key))
            return False
        return self.open_session(session.id)

    def refresh(self) -> None:
        """Show what others committed meanwhile (a lab server, a merge): the study list,
        and the open session's segments."""
        if self.study is None:
            return
        self.refresh_browser()
        self.workspace.reload()
        self.messages.info.emit(translate("MainWindow", "Refreshed."))

    def refresh_browser(self) -> None:
        ws = self.workspace
        if ws.study is None:
            return
        sessions = ws.study.sessions()
        media_ok = {s.id: ws.media_path(s) is not None for s in sessions if s.media is not None}
        self.browser.refresh(sessions, ws.study.assignments(), media_ok)

    def open_study_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "Open a study"), str(Path.home()),
            translate("MainWindow", "Studies (*.annot);;All files (*)"))
        if path:
            self.open_and_pick_coder(path)

    def open_and_pick_coder(self, path: str) -> None:
        if self.open_study(path):
            QTimer.singleShot(0, self.study_actions.choose_coder)

    # ------------------------------------------------------------------ workspace events
    def _on_study_changed(self, study: Study | None) -> None:
        if study is not None:
            self.settings.add_recent(self.study_target or "")
            name = study.where if "://" in (t := self.study_target or "") else Path(t).name
            self.setWindowTitle(translate("MainWindow", "{study} — annotator").format(study=name))
            self.codes.set_codebook(study.codebook)
            self.codes.set_language(self.lang)
            self.definition.set_codebook(study.codebook)
            try:
                self.refresh_browser()
            except StudyError as exc:  # opening is cheap: damage may show only now
                self.close_study()
                self.messages.error.emit(translate("MainWindow", "Cannot open the study"), str(exc))
                return
            self.open_check.start()  # the full integrity check, on a worker
        else:
            self.setWindowTitle("annotator")
        self._update_actions()
        self.media.show_hint()

    def _on_coder_changed(self, coder: str) -> None:
        self.status.update_coder()
        self.settings.set("last_coder", coder)
        self._update_actions()

    def _on_session_changed(self, session: SessionInfo | None) -> None:
        ctl = self.controller
        if session is None or ctl is None:
            self.media.show_session(None)
            self.layout_state.session_changed(False)
            self.codes.set_open_codes(set())
            self.others_action_checked(False)
            self.status.update_session()
            self._update_actions()
            return
        codebook = ctl.codebook
        self.keys.set_codebook(codebook)
        self.codes.set_codebook(codebook)
        self.codes.set_language(self.lang)
        self.definition.set_codebook(codebook)
        self.views.set_codebook(codebook, self.lang)
        self.layout_state.session_changed(True)
        self.timeline.set_duration(session.duration_ms or 0)
        self.timeline.fit_all()
        self.others_action_checked(False)
        self.media.show_session(session)
        self.status.update_session()
        self._update_actions()
        self.browser.set_open_session(session.id)
        self.browser.select_session(session.id)
        self.settings.set("last_session", session.key)

    def _on_assignment_changed(self, _status: str) -> None:
        self.status.update_session()
        self._update_actions()
        self.refresh_browser()

    def _on_undo_state(self, _can_undo: bool, _can_redo: bool) -> None:
        self._update_actions()
        if self.controller is not None:
            self.saved_label.setText(saved_text())

    def _on_language_changed(self, lang: str) -> None:
        self.codes.set_language(lang)
        self.definition.set_language(lang)
        self.views.set_language(lang)

    def _on_others_shown(self, on: bool) -> None:
        self.others_action_checked(on)
        self.views.set_others(self.workspace.other_coder_segments() if on else {})
        self.status.update_session()

    def others_action_checked(self, on: bool) -> None:
        a = self.actions_by_name["show_others"]
        a.blockSignals(True)
        a.setChecked(on)
        a.blockSignals(False)

    def _on_selection(self, ids: list[str]) -> None:
        seg = self.workspace.segments.selected()
        if seg is not None:
            self.definition.show_code(seg.code)

    def _update_actions(self) -> None:
        update_enabled(self.actions_by_name, self.workspace)

    # ------------------------------------------------------------------ time
    def current_ms(self) -> int:
        pc = self.player.controller
        return pc.position_ms if pc.is_loaded else self.timeline.playhead()

    def seek(self, ms: int) -> None:
        pc = self.player.controller
        if pc.is_loaded:
            pc.seek(ms)
        else:
            self._on_position(ms)  # no video: the timeline's playhead is the clock

    def _on_position(self, ms: int) -> None:
        self.timeline.set_playhead(ms)
        self.table.set_playhead(ms)
        self.views.show_recording(ms)

    def _on_segment_activated(self, seg_id: str) -> None:
        seg = self.workspace.segments.get(seg_id)
        if seg is not None:
            self.seek(seg.start_ms)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.keeper.may_leave(QT_TRANSLATE_NOOP("SessionKeeper", "quit")):
            event.ignore()
            return
        self.save_layout()
        self.close_study()
        self.player.controller.close()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.keys)
        event.accept()
