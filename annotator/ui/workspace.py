"""What the workstation has open: the study, the coder, the session and its coding.

:class:`Workspace` holds that state in one place, with signals, so the window, the
menus and the study actions read it from here rather than from each other. It opens
and closes studies (with the single-instance lock), sessions (a
:class:`CodingController` per coder and session) and takes the rotating backups. It
shows nothing: problems go to the :class:`MessageBridge`.

Signals:

- ``studyChanged(object)``: a study was opened (the :class:`Study`) or closed (None).
- ``coderChanged(str)``: the coder changed (``""``: none).
- ``sessionChanged(object)``: a session was opened (its :class:`SessionInfo`, the
  controller loaded) or closed (None).
- ``assignmentChanged(str)``: the open assignment's status changed (``submitted``...).
- ``studyEdited()``: sessions or assignments changed (relink, plan, merge, refresh).
- ``languageChanged(str)``: the codebook language for labels (``en``, ``nb``). It starts
  as the interface language; an opened study's codebook without labels in it shows its
  own first language (:meth:`Workspace.open_study`).
- ``othersShownChanged(bool)``: the other coders' segments were shown or hidden.
- ``undoStateChanged(bool, bool)``: whether undo and redo are possible now.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core.segments import SegmentView
from annotator.store import AssignmentInfo, SessionInfo, Study, StudyError
from annotator.ui.coding_controller import CodingController
from annotator.ui.i18n import QT_TRANSLATE_NOOP, translate
from annotator.ui.instance_lock import StudyAlreadyOpen, StudyLock
from annotator.ui.messages import MessageBridge
from annotator.ui.session_segments import SessionSegments
from annotator.ui.workers import TaskContext, run_task

#: A rotating backup of the study every so often while it is open (5 are kept).
BACKUP_INTERVAL_MS = 15 * 60 * 1000

#: an assignment's purpose and status as shown (the study stores the English keys)
PURPOSE_LABELS = {
    "primary": QT_TRANSLATE_NOOP("Workspace", "primary"),
    "reliability": QT_TRANSLATE_NOOP("Workspace", "reliability"),
    "consensus": QT_TRANSLATE_NOOP("Workspace", "consensus"),
}
STATUS_LABELS = {
    "assigned": QT_TRANSLATE_NOOP("Workspace", "assigned"),
    "in_progress": QT_TRANSLATE_NOOP("Workspace", "in progress"),
    "submitted": QT_TRANSLATE_NOOP("Workspace", "submitted"),
}


def purpose_label(purpose: str) -> str:
    return translate("Workspace", PURPOSE_LABELS.get(purpose, purpose))


def status_label(status: str) -> str:
    return translate("Workspace", STATUS_LABELS.get(status, status.replace("_", " ")))


class Workspace(QObject):
    studyChanged = Signal(object)
    coderChanged = Signal(str)
    sessionChanged = Signal(object)
    assignmentChanged = Signal(str)
    studyEdited = Signal()
    languageChanged = Signal(str)
    othersShownChanged = Signal(bool)
    undoStateChanged = Signal(bool, bool)

    def __init__(self, messages: MessageBridge, lang: str = "en",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.messages = messages
        self.study: Study | None = None
        self.study_target: str | None = None
        self.coder: str | None = None
        self.session: SessionInfo | None = None
        self.controller: CodingController | None = None
        #: the open session's segments (the coder's own) and the selection: the one
        #: in-memory copy, which the controller writes and the timeline and table show
        self.segments = SessionSegments(self)
        self.showing_others = False
        self.lang = lang
        #: the labels' language asked for (interface or Code language), shown when the
        #: open codebook has it
        self.wanted_lang = lang
        self.hold_mode = False
        self.can_undo = False
        self.can_redo = False
        self._lock: StudyLock | None = None
        self._study_file: tuple[Path, tuple[int, int]] | None = None
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_INTERVAL_MS)
        self.backup_timer.timeout.connect(self._on_backup_due)

    # ------------------------------------------------------------------ conditions
    @property
    def has_study(self) -> bool:
        return self.study is not None

    @property
    def coding(self) -> bool:
        return self.controller is not None

    @property
    def submitted(self) -> bool:
        return self.controller is not None and self.controller.submitted

    @property
    def editable(self) -> bool:
        return self.coding and not self.submitted

    # ------------------------------------------------------------------ study
    def open_study(self, target: str) -> bool:
        """Open a study (file or URL); returns whether it is open."""
        self.close_study()
        lock = StudyLock(target)
        try:
            lock.acquire()
        except StudyAlreadyOpen as exc:
            self.messages.error.emit(translate("Workspace", "Study already open"), str(exc))
            return False
        try:
            study = Study.open(target)
        except StudyError as exc:
            lock.release()
            self.messages.error.emit(translate("Workspace", "Cannot open the study"), str(exc))
            return False
        self._lock = lock
        self.study = study
        self.study_target = target
        self._study_file = file_identity(study.path)
        self.backup_timer.start()
        self._show_language()
        self.studyChanged.emit(study)
        self.messages.info.emit(translate("Workspace", "Opened {where}").format(
            where=study.where))
        return True

    def close_study(self) -> None:
        self.backup_timer.stop()
        self.close_session()
        had = self.study is not None
        if self.study is not None:
            self.study.close()
        if self._lock is not None:
            self._lock.release()
        self.study = None
        self.study_target = None
        self._study_file = None
        self._lock = None
        if had:
            self.studyChanged.emit(None)

    def backup_now(self) -> None:
        self._on_backup_due()

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
            translate("Workspace", "The rotating backup failed: {error}").format(error=exc)))

    def study_file_problem(self) -> str | None:
        """Why edits cannot be saved: the study file was moved, deleted or replaced while
        open (SQLite would go on writing to the old, unreachable file), else None."""
        if self._study_file is None:
            return None
        path = self._study_file[0]
        if file_identity(path) == self._study_file:
            return None
        return translate(
            "Workspace",
            "The study file {path} was moved or deleted while it was open, so this change "
            "cannot be saved to it. Close the study (File ▸ Close study) and open it from "
            "where it is now, or restore it from a backup.").format(path=path)

    def media_path(self, session: SessionInfo) -> Path | None:
        """The session's recording if it is where the study says, else None."""
        study = self.study
        if study is None or session.media is None:
            return None
        p = Path(session.media.path)
        if not p.is_absolute() and study.path is not None:
            p = study.path.parent / p
        return p if p.is_file() else None

    def notify_study_edited(self) -> None:
        self.studyEdited.emit()

    # ------------------------------------------------------------------ coder
    def set_coder(self, coder: str) -> None:
        assert self.study is not None
        if not self.study.has_coder(coder):
            self.study.add_coder(coder)
        self.coder = coder
        self.coderChanged.emit(coder)

    def coder_name(self) -> str:
        if self.study is None or self.coder is None:
            return ""
        names = {c.id: c.name for c in self.study.coders()}
        return names.get(self.coder, "") or ""

    # ------------------------------------------------------------------ session
    def pick_assignment(self, session_id: int) -> AssignmentInfo:
        """The coder's assignment on a session: reliability, primary, consensus; else a
        new primary one."""
        assert self.study is not None and self.coder is not None
        mine = self.study.assignments(session_id=session_id, coder=self.coder)
        for purpose in ("reliability", "primary", "consensus"):
            for a in mine:
                if a.purpose == purpose:
                    return a
        return self.study.assign(session_id, self.coder, "primary", by=self.coder)

    def open_session(self, session_id: int) -> bool:
        """Open a session for the current coder (there must be one)."""
        if self.study is None or self.coder is None:
            return False
        self.close_session()
        session = self.study.session_by_id(session_id)
        try:
            assignment = self.pick_assignment(session_id)
        except StudyError as exc:
            self.messages.error.emit(translate("Workspace", "Cannot open the session"),
                                     str(exc))
            return False
        ctl = CodingController(self.study, assignment, self.coder, self.messages,
                               self.segments, self)
        ctl.set_hold_mode(self.hold_mode)
        ctl.guard = self.study_file_problem
        ctl.statusChanged.connect(self.assignmentChanged)
        ctl.undoStateChanged.connect(self._on_undo_state)
        self.session = session
        self.controller = ctl
        self.showing_others = False
        ctl.load()
        self.sessionChanged.emit(session)
        return True

    def close_session(self) -> None:
        ctl = self.controller
        had = self.session is not None
        self.segments.clear()
        if ctl is not None:
            ctl.deleteLater()
        self.controller = None
        self.session = None
        self.showing_others = False
        self._on_undo_state(False, False)
        if had:
            self.sessionChanged.emit(None)

    def reload(self) -> None:
        """Show what others committed meanwhile: the assignment and its segments."""
        ctl = self.controller
        if self.study is None or ctl is None:
            return
        ctl.assignment = self.study.assignment(ctl.assignment.id)
        ctl.load()
        self.assignmentChanged.emit(ctl.assignment.status)

    def _on_undo_state(self, can_undo: bool, can_redo: bool) -> None:
        self.can_undo, self.can_redo = bool(can_undo), bool(can_redo)
        self.undoStateChanged.emit(self.can_undo, self.can_redo)

    def set_hold_mode(self, on: bool) -> None:
        self.hold_mode = on
        if self.controller is not None:
            self.controller.set_hold_mode(on)

    def set_language(self, lang: str) -> None:
        """Show the codebook's labels in ``lang`` (Coding ▸ Code language)."""
        self.wanted_lang = lang
        if lang != self.lang:
            self.lang = lang
            self.languageChanged.emit(lang)

    def choose_interface_language(self, lang: str) -> None:
        """The interface language changed: the labels follow where the codebook has it."""
        self.wanted_lang = lang
        self._show_language()

    def _show_language(self) -> None:
        """The labels in the wanted language if the open codebook has it, else in the
        codebook's first (default) language."""
        lang = self.wanted_lang
        languages = self.study.codebook.languages if self.study is not None else ()
        if languages and lang not in languages:
            lang = languages[0]
        if lang != self.lang:
            self.lang = lang
            self.languageChanged.emit(lang)

    # ------------------------------------------------------------------ others / blind
    def set_showing_others(self, on: bool) -> None:
        """Show (logged as unblinding) or hide the other coders' segments."""
        ctl = self.controller
        if ctl is None or self.study is None or self.session is None:
            return
        if on == self.showing_others:
            return
        if on:
            self.study.log_event("unblind", "assignment", str(ctl.assignment.id),
                                 by=self.coder, assignment_id=ctl.assignment.id,
                                 details={"session": self.session.key})
        self.showing_others = on
        self.othersShownChanged.emit(on)

    def other_coder_segments(self) -> dict[str, list[SegmentView]]:
        """The other coders' segments on the open session, by a label for their lane."""
        if self.study is None or self.session is None or self.controller is None:
            return {}
        out: dict[str, list[SegmentView]] = {}
        for a in self.study.assignments(session_id=self.session.id):
            if a.id == self.controller.assignment.id:
                continue
            label = a.coder if a.purpose == "primary" else translate(
                "Workspace", "{coder} ({purpose})").format(coder=a.coder,
                                                           purpose=purpose_label(a.purpose))
            out[label] = self.study.segments(a.id)
        return out


T = TypeVar("T")


class FromWorkspace(Generic[T]):
    """A read-only attribute (of a window) that is its ``workspace``'s attribute ``name``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, _owner: object = None) -> T:
        return cast(T, getattr(obj.workspace, self.name))


def file_identity(path: Path | None) -> tuple[Path, tuple[int, int]] | None:
    """A file's path with its device and inode numbers (None: no file or not there)."""
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return path, (st.st_dev, st.st_ino)
