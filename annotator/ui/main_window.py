"""The coding workstation's main window: study browser, player, timeline, codes, segments.

The window wires widgets to a :class:`CodingController` (one coder, one session); all
storage goes through the controller or the :class:`Study`. No signals of its own.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QWidget,
)

from annotator import __version__
from annotator.core.segments import SegmentView
from annotator.core.timefmt import format_tc
from annotator.store import AssignmentInfo, SessionInfo, Study, StudyError
from annotator.ui.codebook_panel import CodebookPanel
from annotator.ui.coding_controller import CodingController
from annotator.ui.coding_keys import CodingKeyFilter
from annotator.ui.instance_lock import StudyAlreadyOpen, StudyLock
from annotator.ui.messages import MessageBridge
from annotator.ui.open_check import OpenCheck
from annotator.ui.player import PlayerWidget
from annotator.ui.segment_table import Column, SegmentTable
from annotator.ui.session_keeper import SessionKeeper
from annotator.ui.settings import Settings
from annotator.ui.study_browser import StudyBrowser
from annotator.ui.timeline.model import Lane
from annotator.ui.timeline.view import TimelineView
from annotator.ui.window_menus import build_menus
from annotator.ui.window_study import StudyActions
from annotator.ui.workers import TaskContext, run_task

NO_SESSION_HINT = ("Double-click a session in the Study list to code it.\n"
                   "Press F1 for the keyboard.")
NO_STUDY_HINT = "Open a study (Ctrl+O), or create one (Ctrl+N)."

#: A rotating backup of the study every so often while it is open (5 are kept).
BACKUP_INTERVAL_MS = 15 * 60 * 1000


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.messages = MessageBridge(self)
        self.study: Study | None = None
        self.study_target: str | None = None
        self.coder: str | None = None
        self.session: SessionInfo | None = None
        self.controller: CodingController | None = None
        self.showing_others = False
        self._lock: StudyLock | None = None
        self._study_file: tuple[Path, tuple[int, int]] | None = None
        self._pending_errors: list[tuple[str, str]] = []
        self.lang = str(self.settings.get("language", "en"))
        self.setWindowTitle("annotator")
        self.setMinimumSize(960, 600)

        # ---- widgets
        self.player = PlayerWidget(self)
        self.timeline = TimelineView(self)
        self.codes = CodebookPanel(self)
        self.table = SegmentTable(self)
        self.browser = StudyBrowser(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("centralSplit")
        split.addWidget(self.player)
        split.addWidget(self.timeline)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.central_split = split
        self.setCentralWidget(split)
        self.browser_dock = self._dock("Study", "studyDock", self.browser,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.codes_dock = self._dock("Codes", "codesDock", self.codes,
                                     Qt.DockWidgetArea.RightDockWidgetArea)
        self.table_dock = self._dock("Segments", "segmentsDock", self.table,
                                     Qt.DockWidgetArea.RightDockWidgetArea)
        # In the narrow dock the table shows code, times and note; the header's context
        # menu brings back the category and duration columns.
        self.table.view.setColumnHidden(Column.CATEGORY, True)
        self.table.view.setColumnHidden(Column.DURATION, True)
        header = self.table.view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_table_header_menu)

        # ---- status bar
        self.coder_label = QLabel("No coder")
        self.session_label = QLabel("No session")
        self.saved_label = QLabel("")
        self.saved_label.setToolTip("Every edit is saved the moment it is made.")
        # stays while the session's recording cannot be shown (the status message fades)
        self.media_label = QLabel("")
        self.media_label.setStyleSheet("color: #b00020;")
        self.media_label.hide()
        sb = self.statusBar()
        sb.addPermanentWidget(self.media_label)
        sb.addPermanentWidget(self.session_label)
        sb.addPermanentWidget(self.saved_label)
        sb.addPermanentWidget(self.coder_label)

        # ---- rotating backups while a study is open (DESIGN §7)
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(BACKUP_INTERVAL_MS)
        self._backup_timer.timeout.connect(self._on_backup_due)

        # ---- keys and menus
        self.keys = CodingKeyFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.keys)
        self.study_actions = StudyActions(self)
        self.open_check = OpenCheck(self)
        self.actions_by_name: dict[str, QAction] = {}
        build_menus(self)
        self.keeper = SessionKeeper(self)  # leaving while recording; position; hold

        # ---- wiring
        self.keys.pressed.connect(self._on_code_key)
        self.keys.released.connect(self._on_code_key_released)
        self.codes.codeActivated.connect(self._on_code_key)
        pc = self.player.controller
        pc.positionChanged.connect(self._on_position)
        pc.loaded.connect(self._on_media_loaded)
        pc.loadFailed.connect(self._on_media_failed)
        pc.unloaded.connect(self._on_media_unloaded)
        pc.waveformChanged.connect(self.timeline.waveform.set_waveform)
        self.timeline.seekRequested.connect(self._on_seek_requested)
        self.timeline.selectionChanged.connect(self._on_timeline_selection)
        self.timeline.segmentMoveRequested.connect(self._on_segment_times)
        self.timeline.segmentResizeRequested.connect(self._on_segment_times)
        self.timeline.deleteRequested.connect(self._on_delete)
        self.timeline.splitRequested.connect(self._on_split)
        self.timeline.noteRequested.connect(self.edit_note)
        self.timeline.segmentActivated.connect(self._on_segment_activated)
        self.table.selectionChanged.connect(self._on_table_selection)
        self.table.activated.connect(self._on_segment_activated)
        self.table.deleteRequested.connect(self._on_delete)
        self.table.model.editRequested.connect(self._on_table_edit)
        self.table.model.editRejected.connect(self.messages.warning.emit)
        self.browser.sessionActivated.connect(self._on_session_activated)
        self.browser.relinkRequested.connect(self.study_actions.relink_media)
        self.messages.info.connect(lambda m: self.statusBar().showMessage(m, 5000))
        self.messages.warning.connect(self._on_warning)
        self.messages.error.connect(self._on_error)
        self._restore_layout()
        self._update_actions()
        self._show_hint()
        self._start_test_dump(os.environ.get("ANNOTATOR_TEST_DUMP"))

    # ------------------------------------------------------------------ layout
    def _dock(self, title: str, name: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _on_table_header_menu(self, pos: object) -> None:
        view = self.table.view
        menu = QMenu(self)
        model = view.model()
        for col in range(model.columnCount()):
            title = str(model.headerData(col, Qt.Orientation.Horizontal))
            a = menu.addAction(title)
            a.setCheckable(True)
            a.setChecked(not view.isColumnHidden(col))
            a.toggled.connect(lambda on, c=col: view.setColumnHidden(c, not on))
        menu.exec(view.horizontalHeader().mapToGlobal(pos))  # type: ignore[arg-type]

    def _restore_layout(self) -> None:
        geom = self.settings.get("window/geometry")
        state = self.settings.get("window/state")
        split = self.settings.get("window/split")
        if isinstance(geom, QByteArray | bytes):
            self.restoreGeometry(geom)
        else:
            self.resize(1280, 720)
        restored = isinstance(state, QByteArray | bytes) and self.restoreState(state)
        columns = self.settings.get("window/table_header")
        self._table_header_restored = isinstance(columns, QByteArray | bytes) and \
            self.table.view.horizontalHeader().restoreState(columns)
        if isinstance(split, QByteArray | bytes):
            self.central_split.restoreState(split)
        self._needs_default_sizes = not restored
        self.keys.enabled = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_errors:
            QTimer.singleShot(0, self._show_pending_errors)
        if self._needs_default_sizes:
            self._needs_default_sizes = False
            QTimer.singleShot(0, self._default_sizes)

    def _default_sizes(self) -> None:
        """Sizes that read well at 1280x720 and scale up to 1920x1080."""
        w, h = self.width(), self.height()
        self.resizeDocks([self.browser_dock], [max(200, w * 17 // 100)],
                         Qt.Orientation.Horizontal)
        # wide enough for the segment list's code, start and end columns at 1280 px
        self.resizeDocks([self.codes_dock], [max(340, w * 27 // 100)],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.codes_dock, self.table_dock], [h * 52 // 100, h * 48 // 100],
                         Qt.Orientation.Vertical)
        total = self.central_split.height() or h
        self.central_split.setSizes([total * 52 // 100, total * 48 // 100])
        if not self._table_header_restored:
            QTimer.singleShot(0, self._fit_table_columns)  # once the docks have their size

    def _fit_table_columns(self) -> None:
        """Code, start and end always readable in the docked segment list; the note
        column shows when there is room for it (else: the header's context menu)."""
        view = self.table.view
        header = view.horizontalHeader()
        avail = view.viewport().width() - view.verticalScrollBar().sizeHint().width()
        rest = avail - header.sectionSize(Column.START) - header.sectionSize(Column.END)
        note_min, code_min = 110, 120
        room_for_note = rest - note_min >= code_min
        view.setColumnHidden(Column.NOTE, not room_for_note)
        code = min(320, rest - note_min) if room_for_note else rest
        header.resizeSection(Column.CODE, max(code_min, code))

    def save_layout(self) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/state", self.saveState())
        self.settings.set("window/split", self.central_split.saveState())
        self.settings.set("window/table_header",
                          self.table.view.horizontalHeader().saveState())
        self.settings.set("language", self.lang)
        self.settings.sync()

    def reset_layout(self) -> None:
        for dock in (self.browser_dock, self.codes_dock, self.table_dock):
            dock.setFloating(False)
            dock.show()
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.browser_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.codes_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.table_dock)
        self.resize(1280, 720)
        self._table_header_restored = False
        QTimer.singleShot(0, self._default_sizes)

    # ------------------------------------------------------------------ test hook
    def _start_test_dump(self, path: str | None) -> None:
        """Test-only hook, off unless ``$ANNOTATOR_TEST_DUMP`` names a file: every 100 ms
        the window writes there (as JSON, replaced atomically) the segments it shows as
        saved, so an out-of-process test can kill the app and compare with the study."""
        if not path:
            return
        self._dump_path = Path(path)
        self._dump_last = ""
        timer = QTimer(self)
        timer.setInterval(100)
        timer.timeout.connect(self._write_test_dump)
        timer.start()

    def _write_test_dump(self) -> None:
        ctl = self.controller
        state = {
            "session": self.session.key if self.session is not None else None,
            "media_loaded": self.player.controller.is_loaded,
            "position_ms": self.current_ms(),
            "open": sorted(ctl.state.open) if ctl is not None else [],
            "segments": [
                {"id": s.id, "code": s.code, "start_ms": s.start_ms, "end_ms": s.end_ms,
                 "open": bool(s.modifiers.get("open"))}
                for s in self.table.model.segments()],
        }
        text = json.dumps(state, sort_keys=True)
        if text == self._dump_last:
            return
        tmp = self._dump_path.with_name(self._dump_path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, self._dump_path)
        self._dump_last = text

    # ------------------------------------------------------------------ study / coder
    def open_study(self, target: str) -> bool:
        """Open a study (file or URL); returns whether it is open."""
        if not self.keeper.may_leave("open another study"):
            return False
        self.close_study()
        lock = StudyLock(target)
        try:
            lock.acquire()
        except StudyAlreadyOpen as exc:
            self.messages.error.emit("Study already open", str(exc))
            return False
        try:
            study = Study.open(target)
        except StudyError as exc:
            lock.release()
            self.messages.error.emit("Cannot open the study", str(exc))
            return False
        self._lock = lock
        self.study = study
        self.study_target = target
        self._study_file = _file_identity(study.path)
        self.settings.add_recent(target)
        self._backup_timer.start()
        name = Path(target).name if "://" not in target else study.where
        self.setWindowTitle(f"{name} — annotator")
        self.codes.set_codebook(study.codebook)
        self.codes.set_language(self.lang)
        try:
            self.refresh_browser()
        except StudyError as exc:  # opening is cheap: damage may show only now
            self.close_study()
            self.messages.error.emit("Cannot open the study", str(exc))
            return False
        self.messages.info.emit(f"Opened {study.where}")
        self._update_actions()
        self._show_hint()
        self.open_check.start()  # the full integrity check, on a worker
        return True

    def _on_backup_due(self) -> None:
        """A rotating backup of an SQLite study (SQLite's backup API), on a worker."""
        study = self.study
        if study is None or study.path is None:
            return
        path = study.path

        def backup(ctx: TaskContext) -> Path:
            from annotator.store.migrate import sqlite_backup

            return sqlite_backup(path, "rotating")

        run_task(backup, on_error=lambda exc: self.messages.warning.emit(
            f"The rotating backup failed: {exc}"))

    def close_study(self) -> None:
        if not self.keeper.may_leave("close the study"):
            return
        self._backup_timer.stop()
        self.close_session()
        if self.study is not None:
            self.study.close()
        if self._lock is not None:
            self._lock.release()
        self.study = None
        self.study_target = None
        self._study_file = None
        self._lock = None
        self.setWindowTitle("annotator")
        self._update_actions()

    def set_coder(self, coder: str) -> None:
        assert self.study is not None
        if self.controller is not None and coder != self.coder:
            if not self.keeper.may_leave("switch coder"):
                return
            self.close_session()  # the session was this coder's coding, not the new one's
        if not self.study.has_coder(coder):
            self.study.add_coder(coder)
        self.coder = coder
        names = {c.id: c.name for c in self.study.coders()}
        self.coder_label.setText(f"Coder: {coder}" + (f" ({names[coder]})"
                                                     if names.get(coder, coder) != coder else ""))
        self.settings.set("last_coder", coder)
        self._update_actions()

    def refresh(self) -> None:
        """Show what others committed meanwhile (a lab server, a merge): the study list,
        and the open session's segments."""
        if self.study is None:
            return
        self.refresh_browser()
        if self.controller is not None:
            self.controller.assignment = self.study.assignment(self.controller.assignment.id)
            self.controller.load()
            self._update_session_label()
            self._update_actions()
        self.messages.info.emit("Refreshed.")

    def refresh_browser(self) -> None:
        if self.study is None:
            return
        sessions = self.study.sessions()
        media_ok = {s.id: self.study_actions.media_path(s) is not None for s in sessions
                    if s.media is not None}
        self.browser.refresh(sessions, self.study.assignments(), media_ok)

    # ------------------------------------------------------------------ sessions
    def open_session_key(self, key: str) -> bool:
        assert self.study is not None
        case, _, num = key.partition(":")
        try:
            session = self.study.session(case, int(num))
        except (StudyError, ValueError):
            self.messages.error.emit("No such session",
                                     f"There is no session {key!r} in this study (use CASE:N).")
            return False
        return self.open_session(session.id)

    def _on_session_activated(self, session_id: int) -> None:
        self.open_session(session_id)

    def pick_assignment(self, session_id: int) -> AssignmentInfo | None:
        """The coder's assignment on a session: reliability, primary, consensus; else new."""
        assert self.study is not None and self.coder is not None
        mine = self.study.assignments(session_id=session_id, coder=self.coder)
        for purpose in ("reliability", "primary", "consensus"):
            for a in mine:
                if a.purpose == purpose:
                    return a
        others = self.study.assignments(session_id=session_id)
        if any(a.purpose == "reliability" for a in others):
            # Somebody codes it for reliability: a new coding here would not be blind.
            pass
        return self.study.assign(session_id, self.coder, "primary", by=self.coder)

    def open_session(self, session_id: int) -> bool:
        if self.study is None:
            return False
        if self.coder is None and not self.study_actions.choose_coder():
            return False
        if not self.keeper.may_leave("switch to another session"):
            return False
        self.close_session()
        session = self.study.session_by_id(session_id)
        try:
            assignment = self.pick_assignment(session_id)
        except StudyError as exc:
            self.messages.error.emit("Cannot open the session", str(exc))
            return False
        assert assignment is not None and self.coder is not None
        self.session = session
        ctl = CodingController(self.study, assignment, self.coder, self.messages, self)
        ctl.set_hold_mode(self.actions_by_name["hold_mode"].isChecked())
        ctl.guard = self._study_file_problem
        self.controller = ctl
        ctl.segmentsReset.connect(self._on_segments_reset)
        ctl.segmentChanged.connect(self._on_segment_changed)
        ctl.segmentsRemoved.connect(self._on_segments_removed)
        ctl.openCodesChanged.connect(self._on_open_codes)
        ctl.statusChanged.connect(lambda _s: self._after_status_change())
        ctl.undoStateChanged.connect(self._on_undo_state)
        codebook = ctl.codebook
        self.keys.set_codebook(codebook)
        self.codes.set_codebook(codebook)
        self.codes.set_language(self.lang)
        self.timeline.set_lanes(Lane.from_codebook(codebook, self.lang))
        self.table.set_codebook(codebook)
        duration = session.duration_ms or 0
        self.timeline.set_duration(duration)
        self.showing_others = False
        ctl.load()
        self.timeline.fit_all()
        path = self.study_actions.media_path(session)
        if path is not None:
            self.player.controller.load(path, session.media.sha256 if session.media else None)
        else:
            self.player.controller.unload()
            if session.media is not None:
                message = (f"The recording of {session.key} is missing ({session.media.path}). "
                           "Relink it from the study browser (right-click ▸ Relink media…).")
                self._set_media_problem("⚠ recording missing", message)
                self.messages.warning.emit(message)
        self._update_session_label()
        self._update_actions()
        self.browser.set_open_session(session.id)
        self.browser.select_session(session.id)
        self.settings.set("last_session", session.key)
        self.keeper.session_opened()
        return True

    def _set_media_problem(self, text: str, details: str = "") -> None:
        self.media_label.setText(text)
        self.media_label.setToolTip(
            f"{details}\n\nCoding still works: click the timeline to move the playhead."
            if details else "")
        self.media_label.setVisible(bool(text))

    def close_session(self) -> None:
        self.keeper.session_closing()
        self._set_media_problem("")
        if self.controller is not None:
            self.controller.deleteLater()
        self.controller = None
        self.session = None
        self.player.controller.unload()
        self.timeline.set_segments([])
        self.table.set_segments([])
        self.codes.set_open_codes(set())
        self._update_session_label()
        self._update_actions()
        self._show_hint()

    def _update_session_label(self) -> None:
        ctl = self.controller
        if ctl is None or self.session is None:
            self.session_label.setText("No session")
            return
        a = ctl.assignment
        blind = " · blind" if a.purpose == "reliability" and not self.showing_others else ""
        self.session_label.setText(
            f"{self.session.case} · session {self.session.number} · {a.purpose}"
            f" · {a.status.replace('_', ' ')}{blind}")
        self.saved_label.setText("✓ all edits saved" if ctl.segments is not None else "")

    def _after_status_change(self) -> None:
        self._update_session_label()
        self._update_actions()
        self.refresh_browser()

    def _study_file_problem(self) -> str | None:
        """Why edits cannot be saved: the study file was moved, deleted or replaced while
        open (SQLite would go on writing to the old, unreachable file), else None."""
        if self._study_file is None:
            return None
        path = self._study_file[0]
        if _file_identity(path) == self._study_file:
            return None
        return (f"The study file {path} was moved or deleted while it was open, so this "
                "change cannot be saved to it. Close the study (File ▸ Close study) and open "
                "it from where it is now, or restore it from a backup.")

    # ------------------------------------------------------------------ time
    def current_ms(self) -> int:
        pc = self.player.controller
        if pc.is_loaded:
            return pc.position_ms
        return self.timeline.playhead()

    def _on_position(self, ms: int) -> None:
        self.timeline.set_playhead(ms)
        self.table.set_playhead(ms)
        ctl = self.controller
        if ctl is not None and ctl.state.open:
            ids = ctl.open_segment_ids()
            for code, start in ctl.state.open.items():
                sid = ids.get(code)
                if sid is not None and sid in ctl.segments:
                    seg = ctl.segments[sid]
                    # from its own start; never drawn backwards (a playhead before the
                    # start shows the start only)
                    self.timeline.upsert_segment(seg.code, SegmentView(
                        seg.id, seg.coder, seg.code, start, max(start, ms), seg.note,
                        seg.modifiers))

    def _on_seek_requested(self, ms: int) -> None:
        pc = self.player.controller
        if pc.is_loaded:
            pc.seek(ms)
        else:
            self._on_position(ms)  # no video: the timeline's playhead is the clock

    def _on_media_loaded(self, info: object) -> None:
        pc = self.player.controller
        self.timeline.set_snap(pc.snap_to_frame)
        self.timeline.set_step_frame(pc.step_time)
        if self.session is not None and not self.session.duration_ms:
            self.timeline.set_duration(pc.duration_ms)
        self.timeline.fit_all()
        warning = str(getattr(info, "warning", ""))
        if warning:  # truncated: only the first part plays (the label says how much)
            playable = format_tc(int(getattr(info, "duration_ms", 0)))
            self._set_media_problem(f"⚠ recording truncated: plays to {playable}", warning)
            self.messages.warning.emit(warning)

    def _on_media_unloaded(self) -> None:
        if self.session is None:
            self._show_hint()

    def _show_hint(self) -> None:
        """What to do next, in the empty picture area."""
        self.player.view.clear(NO_SESSION_HINT if self.study is not None else NO_STUDY_HINT)

    def _on_media_failed(self, message: str) -> None:
        if self.session is not None:
            self._set_media_problem("⚠ recording unreadable", message)
        self.messages.warning.emit(message)

    # ------------------------------------------------------------------ coding
    def _on_code_key(self, code_id: str) -> None:
        if self.controller is None:
            self.messages.info.emit("Open a session to code (double-click it in the study list).")
            return
        self.controller.press(code_id, self.current_ms())

    def _on_code_key_released(self, code_id: str) -> None:
        if self.controller is not None:
            self.controller.release(code_id, self.current_ms())

    def close_open_codes(self) -> None:
        if self.controller is not None:
            self.controller.close_all(self.current_ms())

    def cancel_open_codes(self) -> None:
        if self.controller is not None:
            self.controller.cancel_open()

    def _on_open_codes(self, codes: set[str]) -> None:
        self.codes.set_open_codes(set(codes))

    # ------------------------------------------------------------------ segment views
    def _lane(self, seg: SegmentView) -> str:
        return seg.code

    def _on_segments_reset(self, segs: list[SegmentView]) -> None:
        self.timeline.set_segments(segs)
        self.table.set_segments(segs)
        if self.showing_others:
            self._add_other_coders()

    def _on_segment_changed(self, seg: SegmentView) -> None:
        self.timeline.upsert_segment(self._lane(seg), seg)
        self.table.model.upsert(seg)

    def _on_segments_removed(self, ids: list[str]) -> None:
        self.timeline.remove_segments(ids)
        self.table.model.remove(ids)

    def _on_timeline_selection(self, ids: list[str]) -> None:
        self.table.set_selection(ids)

    def _on_table_selection(self, ids: list[str]) -> None:
        self.timeline.set_selection(ids)
        if ids and self.controller is not None and ids[0] in self.controller.segments:
            self.timeline.reveal_time(self.controller.segments[ids[0]].start_ms)

    def _on_segment_activated(self, seg_id: str) -> None:
        ctl = self.controller
        if ctl is not None and seg_id in ctl.segments:
            self._on_seek_requested(ctl.segments[seg_id].start_ms)

    def _on_segment_times(self, seg_id: str, start: int, end: int) -> None:
        if self.controller is not None:
            self.controller.change(seg_id, start_ms=start, end_ms=end)

    def _on_table_edit(self, seg_id: str, changes: dict[str, object]) -> None:
        if self.controller is not None:
            self.controller.change(seg_id, **changes)

    def _on_delete(self, ids: list[str]) -> None:
        if self.controller is not None:
            self.controller.delete(list(ids))

    def _on_split(self, seg_id: str) -> None:
        if self.controller is not None:
            self.controller.split(seg_id, self.current_ms())

    def split_selected(self) -> None:
        ctl = self.controller
        if ctl is None:
            return
        t = self.current_ms()
        ids = self.timeline.selection() or [
            s.id for s in ctl.segments.values() if s.start_ms < t < s.end_ms]
        if not ids:
            self.messages.info.emit("No segment under the playhead to split.")
            return
        ctl.split(ids[0], t)

    def delete_selected(self) -> None:
        self._on_delete(self.timeline.selection())

    def edit_note(self, seg_id: str | None = None) -> None:
        ctl = self.controller
        if ctl is None:
            return
        if not seg_id:
            sel = self.timeline.selection()
            if not sel:
                self.messages.info.emit("Select a segment to write a note on it.")
                return
            seg_id = sel[0]
        seg = ctl.segments.get(seg_id)
        if seg is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, "Note", f"Note on {seg.code} at {format_tc(seg.start_ms)}:", seg.note)
        if ok and text != seg.note:
            ctl.change(seg_id, note=text)

    def _on_undo_state(self, can_undo: bool, can_redo: bool) -> None:
        self.actions_by_name["undo"].setEnabled(can_undo)
        self.actions_by_name["redo"].setEnabled(can_redo)
        self.saved_label.setText("✓ all edits saved")

    # ------------------------------------------------------------------ others / blind
    def toggle_others(self, on: bool) -> None:
        ctl = self.controller
        if ctl is None or self.study is None or self.session is None:
            return
        if on and not self.showing_others:
            if ctl.assignment.purpose == "reliability":
                answer = QMessageBox.question(
                    self, "Unblind?",
                    "You are coding this session blind, for reliability. Showing the other "
                    "coders' segments ends the blinding, and it is logged.\n\nShow them?")
                if answer != QMessageBox.StandardButton.Yes:
                    self.actions_by_name["show_others"].setChecked(False)
                    return
            self.study.log_event("unblind", "assignment", str(ctl.assignment.id),
                                 by=self.coder, assignment_id=ctl.assignment.id,
                                 details={"session": self.session.key})
            self.showing_others = True
            self._add_other_coders()
        elif not on and self.showing_others:
            self.showing_others = False
            self.timeline.set_lanes(Lane.from_codebook(ctl.codebook, self.lang))
            self.timeline.set_segments(list(ctl.segments.values()))
        self._update_session_label()

    def other_coder_segments(self) -> dict[str, list[SegmentView]]:
        assert self.study is not None and self.session is not None and self.controller
        out: dict[str, list[SegmentView]] = {}
        for a in self.study.assignments(session_id=self.session.id):
            if a.id == self.controller.assignment.id:
                continue
            label = a.coder if a.purpose == "primary" else f"{a.coder} ({a.purpose})"
            out[label] = self.study.segments(a.id)
        return out

    def _add_other_coders(self) -> None:
        ctl = self.controller
        if ctl is None:
            return
        others = self.other_coder_segments()
        placed: list[tuple[str, SegmentView]] = [(s.code, s) for s in ctl.segments.values()]
        # Each other coder's lane sits right under the coder's own lane of that code, so
        # the two codings of a code are compared at a glance; those lanes are read only.
        lanes: list[Lane] = []
        for lane in Lane.from_codebook(ctl.codebook, self.lang):
            lanes.append(lane)
            lanes.extend(Lane(id=f"{label}|{lane.id}", title=f"  ↳ {label} (read only)",
                              group=lane.group, color=lane.color, kind=lane.kind, key=None,
                              editable=False) for label in others)
        for label, segs in others.items():
            placed.extend((f"{label}|{s.code}", s) for s in segs)
        self.timeline.set_lanes(lanes)
        self.timeline.set_segments(placed)

    # ------------------------------------------------------------------ state
    def _update_actions(self) -> None:
        if not self.actions_by_name:
            return
        has_study = self.study is not None
        ctl = self.controller
        coding = ctl is not None
        submitted = coding and ctl is not None and ctl.submitted
        for name in ("submit", "split", "note", "delete", "close_open", "cancel_open"):
            self.actions_by_name[name].setEnabled(coding and not submitted)
        self.actions_by_name["reopen"].setEnabled(bool(submitted))
        self.actions_by_name["show_others"].setEnabled(coding)
        for name in ("export", "checkout", "merge", "plan_reliability", "compare",
                     "close_study", "check_study", "switch_coder"):
            if name in self.actions_by_name:
                self.actions_by_name[name].setEnabled(has_study)
        if not coding:
            self.actions_by_name["undo"].setEnabled(False)
            self.actions_by_name["redo"].setEnabled(False)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.codes.set_language(lang)
        self.table.set_language(lang)
        if self.controller is not None:
            if self.showing_others:
                self._add_other_coders()
            else:
                self.timeline.set_lanes(Lane.from_codebook(self.controller.codebook, lang))

    # ------------------------------------------------------------------ messages
    def _on_warning(self, message: str) -> None:
        self.statusBar().showMessage("⚠ " + message, 10000)

    def _on_error(self, title: str, message: str) -> None:
        if self.isVisible():
            QMessageBox.warning(self, title, message)
        else:
            # Before the window is shown (opening the study given on the command line):
            # keep it for a dialog once the window is up, so it is not missed.
            self._pending_errors.append((title, message))
            self.statusBar().showMessage(f"{title}: {message}", 10000)

    def _show_pending_errors(self) -> None:
        pending, self._pending_errors = self._pending_errors, []
        for title, message in pending:
            QMessageBox.warning(self, title, message)

    def about(self) -> None:
        QMessageBox.about(
            self, "About annotator",
            f"<b>annotator</b> {__version__}<br>Code recorded therapy sessions, compare "
            "coders, export coded timelines.<br>MIT licence. No network access, ever.")

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.keeper.may_leave("quit"):
            event.ignore()
            return
        self.save_layout()
        self.close_study()
        self.player.controller.close()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.keys)
        event.accept()

    # used by menus
    def open_study_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open a study", str(Path.home()), "Studies (*.annot);;All files (*)")
        if path:
            self._open_and_pick_coder(path)

    def _open_and_pick_coder(self, path: str) -> None:
        if self.open_study(path):
            QTimer.singleShot(0, self.study_actions.choose_coder)

    def keyboard_help(self) -> None:
        rows = []
        if self.controller is not None:
            for c in self.controller.codebook.codes:
                if c.key:
                    rows.append(f"<tr><td><b>{c.key}</b></td><td>{c.label_in(self.lang)}"
                                f"{' (point)' if c.kind == 'point' else ''}</td></tr>")
        player = "".join(
            f"<tr><td><b>{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}"
            f"</b></td><td>{a.text().replace('&', '')}</td></tr>"
            for a in self.player.player_actions.all())
        QMessageBox.information(
            self, "Keyboard",
            "<h3>Coding</h3><table>" + "".join(rows) + "</table>"
            "<p>A state code's key starts a segment; press it again to end it. In an "
            "exclusive category, starting a code ends the open one. Enter ends all open "
            "codes, Esc discards them. H toggles hold mode (code while the key is held).</p>"
            "<h3>Player</h3><table>" + player + "</table>"
            "<h3>Editing</h3><p>S split at the playhead · N note · Delete · Ctrl+Z / "
            "Ctrl+Shift+Z undo/redo · Alt+Left/Right nudge the selected edge one frame · "
            "Ctrl+wheel zoom the timeline</p>")


def _file_identity(path: Path | None) -> tuple[Path, tuple[int, int]] | None:
    """A file's path with its device and inode numbers (None: no file or not there)."""
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return path, (st.st_dev, st.st_ino)
