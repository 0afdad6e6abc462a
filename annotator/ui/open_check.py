"""The full integrity check of a study the window just opened, on a worker with progress.

``Study.open`` is cheap and does not read the whole file; the desktop app checks every page
right after opening (unless a migration on open already did), on a worker thread behind a
window-modal progress dialog, so the window stays responsive and the user cannot edit a
study whose check has not finished. A damaged study is closed again with a message saying
how to restore it; stopping the check (Skip) leaves the study open and says so.

No signals of its own: the outcome goes through the window's message bridge.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.store import Study, StudyCorruptError, quick_check
from annotator.store.quick_check import IntegrityCheckCancelled
from annotator.ui.i18n import translate
from annotator.ui.messages import MessageBridge
from annotator.ui.workers import Task, TaskContext, run_task


class CheckHost(Protocol):
    """What the check needs of the window."""

    @property
    def study(self) -> Study | None: ...

    @property
    def messages(self) -> MessageBridge: ...

    def close_study(self) -> object: ...

TITLE = str(QT_TRANSLATE_NOOP("OpenCheck", "Checking the study"))


class OpenCheck:
    """Runs the check for one window; ``task`` is the running check, if any."""

    def __init__(self, window: CheckHost, parent: QWidget) -> None:
        self.w = window
        self.parent = parent
        self.task: Task | None = None
        self.dialog: QProgressDialog | None = None

    def start(self) -> None:
        """Check the window's study, unless it was checked during this open already."""
        study = self.w.study
        if study is None or study.integrity_checked or study.path is None:
            return  # a server database checks itself; a migration already checked
        path, where = study.path, study.where
        label = translate(
            "OpenCheck",
            "Checking {name} for damage\n(reading every page once; Skip to check later)"
        ).format(name=Path(where).name)
        dlg = QProgressDialog(label, translate("OpenCheck", "Skip"), 0, 1000, self.parent)
        dlg.setWindowTitle(translate("OpenCheck", TITLE))
        dlg.setMinimumWidth(440)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(300)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        self.dialog = dlg

        def work(ctx: TaskContext) -> None:
            quick_check.check_sqlite_file(path, where, progress=lambda f: ctx.progress(f, ""),
                              cancelled=lambda: ctx.cancelled)

        task = run_task(work, on_result=lambda _r: self._on_passed(),
                        on_error=self._on_failed,
                        on_progress=lambda f, _t: dlg.setValue(int(f * 1000)),
                        on_done=self._on_done)
        self.task = task
        dlg.canceled.connect(task.cancel)
        task.cancelled.connect(self._on_skipped)

    def _on_passed(self) -> None:
        if self.w.study is not None:
            self.w.study.integrity_checked = True

    def _on_skipped(self) -> None:
        self.w.messages.warning.emit(translate(
            "OpenCheck",
            "The integrity check was skipped: run `annotator check` on the study, or open it "
            "again, to check it."))

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, IntegrityCheckCancelled):
            self._on_skipped()
            return
        if isinstance(exc, StudyCorruptError):
            self.w.close_study()
            self.w.messages.error.emit(translate("OpenCheck", "The study is damaged"), str(exc))
            return
        self.w.messages.error.emit(translate("OpenCheck", TITLE), str(exc))

    def _on_done(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.task = None
