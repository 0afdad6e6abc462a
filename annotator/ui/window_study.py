"""Study-level actions of the main window: coders, media relinking, export, lab work.

Long work (hashing, searching folders, exports, building the demo) runs on a worker
thread with a cancellable progress dialog. No signals of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from annotator.store import SessionInfo, Study, StudyError
from annotator.store.engine import describe_target, make_engine
from annotator.ui.export_dialog import ExportChoice, ExportDialog, ExportResult
from annotator.ui.i18n import translate
from annotator.ui.messages import MessageBridge
from annotator.ui.settings import Settings
from annotator.ui.start_page import recent_label
from annotator.ui.workers import TaskContext, run_task
from annotator.ui.workspace import Workspace


def worker_study(target: str) -> Study:
    """The window's open study once more, on an engine of its own (for a worker thread).

    Not ``Study.open``: its integrity check, version check and migrations already ran
    when the window opened the study, and a quick check of a big study is not free.
    """
    return Study(make_engine(target), target)


class StudyHost(Protocol):
    """What the study actions need from the window: the state, where to report, and the
    window's own (guarded) ways of opening and closing things."""

    @property
    def workspace(self) -> Workspace: ...

    @property
    def messages(self) -> MessageBridge: ...

    @property
    def settings(self) -> Settings: ...

    def dialog_parent(self) -> QWidget: ...

    def open_study(self, target: str) -> bool: ...

    def open_and_pick_coder(self, target: str) -> None: ...

    def set_coder(self, coder: str) -> None: ...

    def open_session(self, session_id: int) -> bool: ...

    def close_session(self) -> None: ...

    def seek(self, ms: int) -> None: ...


class StudyActions:
    def __init__(self, host: StudyHost) -> None:
        self.host = host
        self.recent_menu: QMenu | None = None
        self.export: ExportDialog | None = None  # the open export dialog
        self._tasks: list[Any] = []

    @property
    def ws(self) -> Workspace:
        return self.host.workspace

    # ------------------------------------------------------------------ helpers
    def media_path(self, session: SessionInfo) -> Path | None:
        """The session's recording if it is where the study says, else None."""
        return self.ws.media_path(session)

    def run_with_progress(
        self, title: str, fn: Callable[[TaskContext], Any],
        on_result: Callable[[Any], None], *, cancellable: bool = True,
    ) -> None:
        dlg = QProgressDialog(title, translate("StudyActions", "Cancel") if cancellable else "",
                              0, 1000, self.host.dialog_parent())
        dlg.setWindowTitle("annotator")
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(300)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        if not cancellable:
            dlg.setCancelButton(None)

        def progress(fraction: float, text: str) -> None:
            dlg.setValue(int(fraction * 1000))
            if text:
                dlg.setLabelText(f"{title}\n{text}")

        def error(exc: BaseException) -> None:
            self.host.messages.error.emit(title, str(exc))

        def done() -> None:
            dlg.close()
            if task in self._tasks:
                self._tasks.remove(task)

        task = run_task(fn, on_result=on_result, on_error=error, on_progress=progress,
                        on_done=done)
        self._tasks.append(task)
        dlg.canceled.connect(task.cancel)
        task.cancelled.connect(lambda: self.host.messages.info.emit(
            translate("StudyActions", "{task}: cancelled.").format(task=title)))

    # ------------------------------------------------------------------ coders
    def may_code_as(self, coder: str) -> bool:
        """Whether this connection may code as ``coder``: on a lab server a coder's role
        codes only as that coder (else the database refuses every edit); says why not."""
        study = self.ws.study
        if study is None:
            return True
        from annotator.store.lab_security import require_acting_as

        try:
            require_acting_as(study, coder, "code", instead=translate(
                "StudyActions", "switch to coder {coder} (Coding ▸ Switch coder…)"))
        except StudyError as exc:
            self.host.messages.error.emit(
                translate("StudyActions", "Cannot code as {coder}").format(coder=coder),
                str(exc))
            return False
        return True

    def choose_coder(self) -> bool:
        w, ws = self.host, self.ws
        parent = w.dialog_parent()
        if ws.study is None:
            return False
        coders = ws.study.coders()
        last = str(w.settings.get("last_coder", "") or "")
        items = [f"{c.id} — {c.name}" if c.name and c.name != c.id else c.id for c in coders]
        new_coder = translate("StudyActions", "New coder…")
        items.append(new_coder)
        current = next((i for i, c in enumerate(coders) if c.id == last), 0)
        choice, ok = QInputDialog.getItem(parent, translate("StudyActions", "Who is coding?"),
                                          translate("StudyActions", "Coder:"), items, current,
                                          False)
        if not ok:
            return False
        if choice == new_coder:
            title = translate("StudyActions", "New coder")
            cid, ok = QInputDialog.getText(parent, title,
                                           translate("StudyActions", "Initials (e.g. AK):"))
            if not ok or not cid.strip():
                return False
            name, _ = QInputDialog.getText(parent, title,
                                           translate("StudyActions", "Full name (optional):"))
            try:
                ws.study.add_coder(cid.strip(), name.strip())
            except StudyError as exc:
                w.messages.error.emit(translate("StudyActions", "Cannot add the coder"), str(exc))
                return False
            w.set_coder(cid.strip())
        else:
            w.set_coder(choice.split(" — ")[0])
        w.close_session()
        return True

    # ------------------------------------------------------------------ media
    def relink_media(self, session_id: int) -> None:
        w, ws = self.host, self.ws
        parent = w.dialog_parent()
        if ws.study is None:
            return
        session = ws.study.session_by_id(session_id)
        if session.media is None:
            return
        box = QMessageBox(parent)
        box.setWindowTitle(translate("StudyActions", "Relink media"))
        box.setText(translate("StudyActions", "The recording of {session} was {path}.\n\n"
                              "Pick the moved file, or a folder to search for it by its "
                              "SHA-256.").format(session=session.key, path=session.media.path))
        pick_file = box.addButton(translate("StudyActions", "Pick the file…"),
                                  QMessageBox.ButtonRole.AcceptRole)
        pick_dir = box.addButton(translate("StudyActions", "Search a folder…"),
                                 QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is pick_file:
            path, _ = QFileDialog.getOpenFileName(
                parent, translate("StudyActions", "The moved recording"), str(Path.home()))
            if path:
                self.relink_to_file(session_id, Path(path))
        elif clicked is pick_dir:
            folder = QFileDialog.getExistingDirectory(
                parent, translate("StudyActions", "Folder to search"), str(Path.home()))
            if folder:
                self.relink_by_search(session_id, Path(folder))

    def relink_to_file(self, session_id: int, path: Path) -> None:
        """Relink to ``path`` if its SHA-256 is the recording's (hashed on a worker)."""
        assert self.ws.study is not None
        session = self.ws.study.session_by_id(session_id)
        assert session.media is not None
        want = session.media.sha256

        def check(ctx: TaskContext) -> Path | None:
            from annotator.media.hashing import sha256_file

            digest = sha256_file(path, progress=lambda d, t: ctx.progress(
                d / max(t, 1), path.name), cancelled=lambda: ctx.cancelled)
            return path if digest == want else None

        self.run_with_progress(translate("StudyActions", "Checking the file"), check,
                               lambda found: self._relinked(session, found, str(path)))

    def relink_by_search(self, session_id: int, folder: Path) -> None:
        """Search ``folder`` (recursively, on a worker) for the recording by its SHA-256."""
        assert self.ws.study is not None
        session = self.ws.study.session_by_id(session_id)
        assert session.media is not None
        want, size = session.media.sha256, session.media.size

        def search(ctx: TaskContext) -> Path | None:
            from annotator.media.hashing import find_by_hash

            return find_by_hash(folder, want, size_hint=size,
                                progress=lambda d, t: ctx.progress(d / max(t, 1), ""),
                                cancelled=lambda: ctx.cancelled)

        self.run_with_progress(translate("StudyActions", "Searching for the recording"), search,
                               lambda found: self._relinked(session, found, str(folder)))

    def _relinked(self, session: SessionInfo, found: Path | None, where: str) -> None:
        w, ws = self.host, self.ws
        w.dialog_parent()
        if found is None:
            w.messages.error.emit(
                translate("StudyActions", "Not found"),
                translate("StudyActions",
                          "No file in {folder} has the recording's SHA-256, so it was not "
                          "relinked. A re-encoded or trimmed copy is a different recording."
                          ).format(folder=where))
            return
        assert ws.study is not None and session.media is not None
        from dataclasses import replace

        from annotator.media.paths import relative_media_path

        target = ws.study_target or ""
        link = replace(session.media, path=relative_media_path(target, found))
        try:
            ws.study.relink_media(session.id, link, by=ws.coder)
        except StudyError as exc:
            w.messages.error.emit(translate("StudyActions", "Not relinked"), str(exc))
            return
        w.messages.info.emit(translate("StudyActions", "Relinked {session} to {file}.").format(
            session=session.key, file=found.name))
        ws.notify_study_edited()
        if ws.session is not None and ws.session.id == session.id:
            w.open_session(session.id)

    # ------------------------------------------------------------------ files
    def new_study(self) -> None:
        w, _ws = self.host, self.ws
        parent = w.dialog_parent()
        path, _ = QFileDialog.getSaveFileName(parent, translate("StudyActions", "New study"),
                                              str(Path.home() / "study.annot"), studies_filter())
        if not path:
            return
        if not path.endswith(".annot"):
            path += ".annot"
        from annotator.core.codebook_files import load_codebook, shipped_codebooks

        names = list(shipped_codebooks())
        another = translate("StudyActions", "Another YAML file…")
        names.append(another)
        choice, ok = QInputDialog.getItem(parent, translate("StudyActions", "Codebook"),
                                          translate("StudyActions", "Codebook for the new study:"),
                                          names, 0, False)
        if not ok:
            return
        source = choice
        if choice == another:
            source, _ = QFileDialog.getOpenFileName(
                parent, translate("StudyActions", "Codebook"), str(Path.home()),
                translate("StudyActions", "YAML codebooks (*.yaml *.yml)"))
            if not source:
                return
        try:
            _, text = load_codebook(source)
            from annotator.store import Study

            Study.create(path, text, source).close()
        except (StudyError, ValueError) as exc:
            w.messages.error.emit(translate("StudyActions", "Cannot create the study"), str(exc))
            return
        w.open_and_pick_coder(path)

    def open_demo(self) -> None:
        from annotator.ui.paths import demo_folder

        folder = demo_folder()

        def build(ctx: TaskContext) -> Path:
            from annotator.demo import build_demo

            def progress(f: float, text: str) -> None:
                ctx.check()
                ctx.progress(f, text)

            return build_demo(folder, progress)

        def opened(path: Path) -> None:
            if self.host.open_study(str(path)):
                from annotator.demo import PRIMARY

                self.host.set_coder(PRIMARY[0])

        self.run_with_progress(translate("StudyActions", "Preparing the demo study"), build,
                               opened)

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        if menu is None:
            return
        menu.clear()
        recent = self.host.settings.recent_studies()
        if not recent:
            a = menu.addAction(translate("StudyActions", "(none yet)"))
            a.setEnabled(False)
        for target in recent:
            a = menu.addAction(recent_label(target))  # no password of a database URL
            a.setToolTip(describe_target(target))
            a.triggered.connect(lambda _c=False, t=target: self.host.open_and_pick_coder(t))

    def export_dialog(self) -> None:
        """File ▸ Export: the dialog, then the export on a worker (see export_dialog)."""
        w, ws = self.host, self.ws
        if ws.study is None:
            return
        folder = Path(str(w.settings.get("export/folder", "") or Path.home()))
        if not folder.is_dir():
            folder = Path.home()
        dlg = ExportDialog(w.dialog_parent(), cases=ws.study.cases(),
                           coders=[c.id for c in ws.study.coders()], folder=folder,
                           fmt=str(w.settings.get("export/format", "csv") or "csv"),
                           sessions=[(s.case, s.number) for s in ws.study.sessions()])
        self.export = dlg

        def finished(result: int) -> None:
            self.export = None
            choice = dlg.choice()
            dlg.deleteLater()
            if result == QDialog.DialogCode.Accepted and choice is not None:
                self.run_export(choice)

        dlg.finished.connect(finished)
        dlg.open()

    def run_export(self, choice: ExportChoice) -> None:
        """Export on a worker with progress; the status message names what was written."""
        from annotator.ui.export_dialog import run_export

        w, target = self.host, self.ws.study_target
        folder = choice.target if choice.kind.per_session else choice.target.parent
        w.settings.set("export/folder", str(folder))
        w.settings.set("export/format", choice.kind.fmt)

        def export(ctx: TaskContext) -> ExportResult:
            ctx.progress(0.1, translate("StudyActions", "reading the study"))
            study = worker_study(str(target))  # its own connection, on this worker
            try:
                result = run_export(study, choice)
            finally:
                study.close()
            ctx.progress(1.0, translate("StudyActions", "done"))
            return result

        self.run_with_progress(translate("StudyActions", "Exporting to {file}").format(
                                   file=choice.target.name), export,
                               lambda r: w.messages.info.emit(r.message()), cancellable=False)

    def checkout_dialog(self) -> None:
        w, ws = self.host, self.ws
        parent = w.dialog_parent()
        if ws.study is None:
            return
        coders = [c.id for c in ws.study.coders()]
        if not coders:
            return
        coder, ok = QInputDialog.getItem(parent, translate("StudyActions", "Check out"),
                                         translate("StudyActions", "Coder:"), coders, 0, False)
        if not ok:
            return
        path, _ = QFileDialog.getSaveFileName(parent, translate("StudyActions", "Coder's study"),
                                              str(Path.home() / f"{coder}.annot"),
                                              studies_filter())
        if not path:
            return
        target = ws.study_target

        def work(ctx: TaskContext) -> object:
            from annotator.store.checkout import checkout

            study = worker_study(str(target))
            try:
                return checkout(study, coder, Path(path),
                                progress=ctx.progress)
            finally:
                study.close()

        self.run_with_progress(
            translate("StudyActions", "Checking out {coder}").format(coder=coder), work,
            lambda r: w.messages.info.emit(translate("StudyActions", "Wrote {path}: {report}")
                                           .format(path=path, report=r)))

    def merge_dialog(self) -> None:
        w, ws = self.host, self.ws
        parent = w.dialog_parent()
        if ws.study is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            parent, translate("StudyActions", "Merge a coder's study"), str(Path.home()),
            studies_filter())
        if not path:
            return
        target = ws.study_target

        def work(ctx: TaskContext) -> object:
            from annotator.store.merge import merge

            study = worker_study(str(target))
            try:
                return merge(study, Path(path), progress=ctx.progress)
            finally:
                study.close()

        def merged(report: object) -> None:
            QMessageBox.information(parent, translate("StudyActions", "Merged"), str(report))
            ws.notify_study_edited()
            if ws.session is not None:
                w.open_session(ws.session.id)

        self.run_with_progress(translate("StudyActions", "Merging"), work, merged)

    def plan_reliability(self) -> None:
        w, ws = self.host, self.ws
        parent = w.dialog_parent()
        if ws.study is None:
            return
        title = translate("StudyActions", "Plan reliability")
        coder, ok = QInputDialog.getText(
            parent, title,
            translate("StudyActions", "Second coder (initials) to code a sample blind:"))
        if not ok or not coder.strip():
            return
        pct, ok = QInputDialog.getInt(parent, title,
                                      translate("StudyActions", "Share of sessions (%):"), 20, 1,
                                      100)
        if not ok:
            return
        from annotator.exchange.reliability_data import plan_sample

        coder = coder.strip()
        study = ws.study
        try:
            if not study.has_coder(coder):
                study.add_coder(coder)
            others = {a.session_id for a in study.assignments(purpose="primary")
                      if a.coder != coder}
            have = {a.session_id for a in study.assignments(coder=coder,
                                                            purpose="reliability")}
            pool = [s for s in study.sessions() if s.id in others and s.id not in have]
            picked = plan_sample(pool, pct / 100, None) if pool else []
            for s in picked:
                study.assign(s.id, coder, "reliability", by=ws.coder)
        except (StudyError, ValueError) as exc:
            w.messages.error.emit(translate("StudyActions", "Not planned"), str(exc))
            return
        ws.notify_study_edited()
        if len(picked) == 1:
            head = translate("StudyActions", "1 session assigned to {coder} for blind "
                             "reliability coding:").format(coder=coder)
        else:
            head = translate("StudyActions", "{n} sessions assigned to {coder} for blind "
                             "reliability coding:").format(n=len(picked), coder=coder)
        QMessageBox.information(
            parent, translate("StudyActions", "Reliability planned"),
            head + "\n" + ", ".join(s.key for s in picked))

    def compare(self) -> None:
        w, ws = self.host, self.ws
        parent = w.dialog_parent()
        if ws.study is None:
            return
        try:
            from annotator.ui.compare.window import CompareWindow
        except ImportError:
            w.messages.info.emit(
                translate("StudyActions", "The comparison view is not available in this build."))
            return
        win = CompareWindow(ws.study_target or "", parent=parent, lang=ws.lang)
        win.seekRequested.connect(self._seek_from_compare)
        win.show()

    def analysis(self) -> None:
        """Study ▸ Analysis: time budgets, co-occurrence, sequences and trends."""
        ws = self.ws
        if ws.study is None:
            self.host.messages.info.emit(translate("StudyActions", "Open a study first."))
            return
        from annotator.ui.analysis.window import AnalysisWindow

        win = AnalysisWindow(ws.study_target or "", parent=self.host.dialog_parent(),
                             lang=ws.lang)
        win.show()

    def _seek_from_compare(self, session_id: int, ms: int) -> None:
        w, ws = self.host, self.ws
        w.dialog_parent()
        if ws.session is None or ws.session.id != session_id:
            w.open_session(session_id)
        w.seek(ms)

    def check_study(self) -> None:
        w, ws = self.host, self.ws
        parent = w.dialog_parent()
        if ws.study is None:
            return
        missing = [s.key for s in ws.study.sessions()
                   if s.media is not None and self.media_path(s) is None]
        text = translate("StudyActions", "Integrity check passed and the schema is current.")
        if missing:
            text += "\n\n" + translate(
                "StudyActions", "Missing media for: {sessions}. Relink them from the study "
                "browser (right-click ▸ Relink media…).").format(sessions=", ".join(missing))
        else:
            text += "\n\n" + translate("StudyActions", "All linked media are present.")
        recordings = ws.study.open_recordings()
        if recordings:
            text += ("\n\n" + translate("StudyActions",
                                         "Still being recorded (not segments until ended):")
                     + "\n" + "\n".join(r.describe() for r in recordings))
        QMessageBox.information(parent, translate("StudyActions", "Study check"), text)


def studies_filter() -> str:
    """The file dialogs' filter for study files."""
    return translate("StudyActions", "Studies (*.annot)")
