"""File ▸ Export: what to export (type, cases, sessions, coders, slice length) and where.

:class:`ExportDialog` asks; the chosen type decides the format and its suffix is put on
the file name (``C01`` becomes ``C01.csv``; ``all.csv`` exported as Excel becomes
``all.xlsx``). ELAN writes one ``.eaf`` per session, so it asks for a folder. The
dialog starts in the folder used last. The sessions list holds the chosen case's sessions
(every session when all cases are chosen). :func:`run_export` does the work (on a worker
thread, through the writers of :mod:`annotator.exchange.exporters`) and returns what
was actually written, for the status message. No signals beyond ``QDialog``'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.filenames import file_part
from annotator.store import Study
from annotator.ui.i18n import translate


@dataclass(frozen=True, slots=True)
class ExportType:
    fmt: str  # the exporters' format name
    title: str  # marked for translation; shown through translate("ExportDialog", title)
    suffix: str
    per_session: bool = False  # one file per session, into a folder


TYPES: tuple[ExportType, ...] = (
    ExportType("csv", str(QT_TRANSLATE_NOOP("ExportDialog",
                                            "Timeline CSV (one row per segment)")), ".csv"),
    ExportType("sliced", str(QT_TRANSLATE_NOOP("ExportDialog",
                                               "Time-sliced CSV (one row per slice)")), ".csv"),
    ExportType("xlsx", str(QT_TRANSLATE_NOOP("ExportDialog", "Excel workbook (.xlsx)")),
               ".xlsx"),
    ExportType("sav", str(QT_TRANSLATE_NOOP("ExportDialog", "SPSS data file (.sav)")), ".sav"),
    ExportType("eaf", str(QT_TRANSLATE_NOOP("ExportDialog",
                                            "ELAN (.eaf), one file per session")), ".eaf",
               per_session=True),
)
TYPE_BY_FMT = {t.fmt: t for t in TYPES}
KNOWN_SUFFIXES = {t.suffix for t in TYPES}
ALL = ""


def with_suffix(name: str, kind: ExportType) -> str:
    """``name`` with the type's suffix: a known export suffix is replaced, else added."""
    p = Path(name)
    if p.suffix.lower() == kind.suffix:
        return name
    if p.suffix.lower() in KNOWN_SUFFIXES:
        return str(p.with_suffix(kind.suffix))
    return name + kind.suffix


@dataclass(frozen=True, slots=True)
class ExportChoice:
    kind: ExportType
    target: Path  # the file, or the folder for one file per session
    case: str | None = None
    coder: str | None = None
    resolution_ms: int = 1000
    sessions: tuple[str, ...] = ()  # CASE:N keys; empty: every session (of the case)


@dataclass(frozen=True, slots=True)
class ExportResult:
    files: tuple[Path, ...]
    rows: int
    choice: ExportChoice

    def scope(self) -> str:
        """`` (case C01, session C01:2, coder AK)``: the filters chosen, or nothing."""
        c = self.choice
        what = []
        if c.case:
            what.append(translate("ExportDialog", "case {case}").format(case=c.case))
        if len(c.sessions) == 1:
            what.append(translate("ExportDialog", "session {session}").format(
                session=c.sessions[0]))
        elif c.sessions:
            what.append(translate("ExportDialog", "sessions {sessions}").format(
                sessions=", ".join(c.sessions)))
        if c.coder:
            what.append(translate("ExportDialog", "coder {coder}").format(coder=c.coder))
        return f" ({', '.join(what)})" if what else ""

    def message(self) -> str:
        """What was written, for the status bar."""
        c = self.choice
        scope = self.scope()
        if c.kind.per_session:
            n = len(self.files)
            names = ", ".join(f.name for f in self.files[:3]) + (" …" if n > 3 else "")
            text = (translate("ExportDialog", "Wrote 1 ELAN file ({rows} annotations){scope} "
                                              "to {target}: {names}") if n == 1 else
                    translate("ExportDialog", "Wrote {n} ELAN files ({rows} annotations){scope} "
                                              "to {target}: {names}"))
            return text.format(n=n, rows=self.rows, scope=scope, target=c.target, names=names)
        if c.kind.fmt == "sliced":
            text = translate("ExportDialog",
                             "Exported {rows} slices, {ms} ms slices{scope} to {path}")
        else:
            text = translate("ExportDialog", "Exported {rows} rows{scope} to {path}")
        return text.format(rows=self.rows, ms=c.resolution_ms, scope=scope, path=self.files[0])


def run_export(study: Study, choice: ExportChoice) -> ExportResult:
    """Export with the study's writers; the files written are found by their identity
    (every writer replaces its file atomically, so a written file is a new inode)."""
    from annotator.exchange.exporters import ExportOptions, export_file

    opts = ExportOptions(coder=choice.coder, case=choice.case, sessions=choice.sessions,
                         resolution_ms=choice.resolution_ms)
    if choice.kind.per_session:
        folder = choice.target
        folder.mkdir(parents=True, exist_ok=True)
        before = {p: _identity(p) for p in folder.glob("*.eaf")}
        rows = export_file(study, choice.kind.fmt, folder, opts)
        written = sorted(p for p in folder.glob("*.eaf") if before.get(p) != _identity(p))
        return ExportResult(tuple(written), rows, choice)
    rows = export_file(study, choice.kind.fmt, choice.target, opts)
    return ExportResult((choice.target,), rows, choice)


def _identity(p: Path) -> tuple[int, int]:
    st = p.stat()
    return st.st_ino, st.st_mtime_ns


class ExportDialog(QDialog):
    """Type, destination, cases, sessions, coders and slice length; OK only with a
    destination. ``sessions`` are the study's (case, number) pairs."""

    def __init__(self, parent: QWidget | None, *, cases: list[str], coders: list[str],
                 folder: Path, fmt: str = "csv", name: str = "timeline",
                 sessions: Sequence[tuple[str, int]] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ExportDialog", "Export coded timelines"))
        self.folder = folder
        self._sessions = [(case, f"{case}:{number}") for case, number in sessions]
        self.type_box = QComboBox(self)
        for t in TYPES:
            self.type_box.addItem(translate("ExportDialog", t.title), t.fmt)
        self.target_edit = QLineEdit(self)
        self.browse = QPushButton(translate("ExportDialog", "Browse…"), self)
        self.case_box = QComboBox(self)
        self.case_box.addItem(translate("ExportDialog", "All cases"), ALL)
        for c in cases:
            self.case_box.addItem(c, c)
        self.session_box = QComboBox(self)
        self.session_box.setToolTip(translate(
            "ExportDialog", "Only this session (the CLI's --session CASE:N)"))
        self._fill_sessions()
        self.coder_box = QComboBox(self)
        self.coder_box.addItem(translate("ExportDialog", "All coders"), ALL)
        for c in coders:
            self.coder_box.addItem(c, c)
        self.slice_ms = QSpinBox(self)
        self.slice_ms.setRange(10, 600_000)
        self.slice_ms.setSingleStep(100)
        self.slice_ms.setValue(1000)
        self.slice_ms.setSuffix(translate("ExportDialog", " ms"))
        self.slice_ms.setToolTip(translate(
            "ExportDialog", "Length of one time slice (the CLI's --resolution-ms)"))
        self.target_label = QLabel(translate("ExportDialog", "File:"), self)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(translate("ExportDialog", "Export"))
        row = QHBoxLayout()
        row.addWidget(self.target_edit, 1)
        row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(translate("ExportDialog", "Type:"), self.type_box)
        form.addRow(self.target_label, row)
        form.addRow(translate("ExportDialog", "Cases:"), self.case_box)
        form.addRow(translate("ExportDialog", "Sessions:"), self.session_box)
        form.addRow(translate("ExportDialog", "Coders:"), self.coder_box)
        form.addRow(translate("ExportDialog", "Slice length:"), self.slice_ms)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.preview)
        lay.addWidget(self.buttons)
        self._name = name
        self.type_box.currentIndexChanged.connect(self._on_type_changed)
        self.target_edit.textChanged.connect(self._update)
        self.case_box.currentIndexChanged.connect(self._on_case_changed)
        self.session_box.currentIndexChanged.connect(self._update)
        self.browse.clicked.connect(self._on_browse)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.type_box.setCurrentIndex(max(0, self.type_box.findData(fmt)))
        self._on_type_changed()
        self.resize(560, self.sizeHint().height())

    # ------------------------------------------------------------------ state
    def kind(self) -> ExportType:
        return TYPE_BY_FMT[str(self.type_box.currentData())]

    def set_kind(self, fmt: str) -> None:
        self.type_box.setCurrentIndex(self.type_box.findData(fmt))

    def target(self) -> Path | None:
        """Where the export goes (suffix put on; relative names go to the folder)."""
        text = self.target_edit.text().strip()
        if not text:
            return None
        kind = self.kind()
        p = Path(text).expanduser()
        if not p.is_absolute():
            p = self.folder / p
        return p if kind.per_session else Path(with_suffix(str(p), kind))

    def choice(self) -> ExportChoice | None:
        target = self.target()
        if target is None:
            return None
        kind = self.kind()
        return ExportChoice(kind, target, str(self.case_box.currentData()) or None,
                            str(self.coder_box.currentData()) or None,
                            int(self.slice_ms.value()), sessions=self.chosen_sessions())

    def chosen_sessions(self) -> tuple[str, ...]:
        """The chosen session's ``CASE:N`` key, or nothing for all of them."""
        key = str(self.session_box.currentData() or "")
        return (key,) if key else ()

    def set_session(self, key: str) -> None:
        """Choose the session ``CASE:N`` (it must be in the list: see the case)."""
        self.session_box.setCurrentIndex(self.session_box.findData(key))

    def _fill_sessions(self) -> None:
        """The chosen case's sessions (all when all cases); the chosen one kept if listed."""
        case = str(self.case_box.currentData() or "")
        was = str(self.session_box.currentData() or "")
        self.session_box.blockSignals(True)
        self.session_box.clear()
        self.session_box.addItem(translate("ExportDialog", "All sessions"), ALL)
        for c, key in self._sessions:
            if not case or c == case:
                self.session_box.addItem(key, key)
        self.session_box.setCurrentIndex(max(0, self.session_box.findData(was)))
        self.session_box.blockSignals(False)

    # ------------------------------------------------------------------ events
    def _on_case_changed(self) -> None:
        self._fill_sessions()
        self._update()

    def _on_type_changed(self) -> None:
        kind = self.kind()
        self.slice_ms.setEnabled(kind.fmt == "sliced")
        text = self.target_edit.text().strip()
        if kind.per_session:
            self.target_label.setText(translate("ExportDialog", "Folder:"))
            self.target_edit.setText(str(self.folder))
        else:
            self.target_label.setText(translate("ExportDialog", "File:"))
            if not text or Path(text).expanduser() == self.folder:
                self.target_edit.setText(str(self.folder / (self._name + kind.suffix)))
            else:
                self.target_edit.setText(with_suffix(text, kind))
        self._update()

    def _update(self) -> None:
        target = self.target()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(target is not None and not (not self.kind().per_session
                                                      and target.is_dir()))
        sessions = self.chosen_sessions()
        if target is None:
            self.preview.setText(translate("ExportDialog", "Choose where to write the export."))
        elif self.kind().per_session and sessions:
            case, _, number = sessions[0].rpartition(":")
            self.preview.setText(translate("ExportDialog", "Writes {name} into {folder}.").format(
                name=f"{file_part(case)}_{number}.eaf", folder=target))
        elif self.kind().per_session:
            self.preview.setText(translate(
                "ExportDialog", "Writes one .eaf per session (CASE_N.eaf) into {folder}.").format(
                    folder=target))
        elif target.is_dir():
            self.preview.setText(translate(
                "ExportDialog", "{path} is a folder: add a file name.").format(path=target))
        elif target.exists():
            self.preview.setText(translate(
                "ExportDialog", "Writes {path} (replaces the existing file).").format(path=target))
        else:
            self.preview.setText(translate("ExportDialog", "Writes {path}.").format(path=target))

    def _on_browse(self) -> None:
        kind = self.kind()
        if kind.per_session:
            folder = QFileDialog.getExistingDirectory(
                self, translate("ExportDialog", "Folder for the ELAN files"), str(self.folder))
            if folder:
                self.target_edit.setText(folder)
            return
        start = self.target() or self.folder / (self._name + kind.suffix)
        path, _ = QFileDialog.getSaveFileName(
            self, translate("ExportDialog", "Export to"), str(start),
            f"{translate('ExportDialog', kind.title)} (*{kind.suffix})")
        if path:
            self.target_edit.setText(with_suffix(path, kind))

    def accept(self) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if button is not None and button.isEnabled():
            super().accept()
