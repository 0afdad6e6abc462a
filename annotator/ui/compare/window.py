"""The "Compare coders" window: reliability between coders, confusion and timeline diffs.

Open it with the study's target (file path or database URL); it opens its own study
connections on worker threads, so the main window's connection is never shared::

    win = CompareWindow(study_target, parent=main_window)
    win.seekRequested.connect(open_session_and_seek)
    win.show()

Left: which codings to compare (two or more; by default the coder with the most primary
codings and the coder with the most reliability codings), the sessions they all coded, the
resolution, point tolerance and bootstrap. Compute runs :func:`compute_reliability` on a worker
with a progress bar and Cancel. Right, in tabs: the per-category and per-code tables, the
confusion heatmaps, and the timeline diff of one session with disagreement navigation and
the consensus coding (see :class:`~annotator.ui.compare.diff_panel.DiffPanel`).

Signals:

- ``seekRequested(int session_id, int ms)``: show this time of this session (a disagreement
  was chosen, or the user clicked the diff timeline).
- ``catalogLoaded()``: the coder and session pickers are filled; Compute is possible.
- ``computed(object report)``: a computation finished and its results are shown.
- ``computeFailed(str message)``: a computation was refused (bad input) or failed.
- ``consensusChanged(int session_id)``: a consensus coding was created or changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.exchange.report.common import sections
from annotator.store.engine import describe_target, is_url
from annotator.ui.i18n import translate
from annotator.ui.workers import Task, TaskContext, run_task

from . import data
from .diff_panel import DiffPanel
from .heatmap import ConfusionView, matrices
from .notes import notes_html
from .setup_panel import SetupPanel
from .tables import CellTableModel, category_rows, code_rows

ROW_H = 22


def section_title(index: int, coders: list[str]) -> str:
    """The section picker's entry: all the coders first, then each pair (3+ coders)."""
    if index == 0 and len(coders) >= 3:
        return translate("CompareWindow", "All coders")
    if index == 0:
        return translate("CompareWindow", "Coders {a} and {b}").format(a=coders[0], b=coders[1])
    return translate("CompareWindow", "Pair {a} and {b}").format(a=coders[0], b=coders[1])


def header_text(r: dict[str, Any]) -> str:
    """One line about a computed report: coders, sessions, units, options."""
    n = len(r["sessions"])
    sessions = (translate("CompareWindow", "1 session") if n == 1 else
                translate("CompareWindow", "{n} sessions").format(n=n))
    res = r.get("resolution_ms")
    units = (translate("CompareWindow", "exact durations") if res is None else
             translate("CompareWindow", "{ms} ms slices (midpoint rule)").format(ms=res))
    kappa = (translate("CompareWindow", "Fleiss' kappa") if r.get("kappa_type") == "fleiss"
             else translate("CompareWindow", "Cohen's kappa"))
    resamples = r["bootstrap"]["resamples"]
    ci = (translate("CompareWindow", "{n} bootstrap resamples over sessions").format(n=resamples)
          if resamples else translate("CompareWindow", "no intervals"))
    return translate(
        "CompareWindow",
        "{coders} · {sessions} · {units} · α on {alpha_ms} ms slices · point tolerance "
        "{tolerance_ms} ms · {kappa} · {intervals}").format(
            coders=", ".join(r["coders"]), sessions=sessions, units=units,
            alpha_ms=r["alpha_resolution_ms"], tolerance_ms=r["tolerance_ms"], kappa=kappa,
            intervals=ci)


def _table(parent: QWidget, model: CellTableModel) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(ROW_H)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setStretchLastSection(False)
    view.setWordWrap(False)
    return view


class CompareWindow(QMainWindow):
    seekRequested = Signal(int, int)
    catalogLoaded = Signal()
    computed = Signal(object)
    computeFailed = Signal(str)
    consensusChanged = Signal(int)

    def __init__(self, study_target: str, parent: QWidget | None = None, *,
                 coder: str | None = None, lang: str | None = None) -> None:
        super().__init__(parent)
        where = (describe_target(study_target) if is_url(study_target)
                 else Path(study_target).name)
        self.setWindowTitle(translate("CompareWindow", "Compare coders — {study}").format(
            study=where) if where else translate("CompareWindow", "Compare coders"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1280, 720)
        self.target = study_target
        user = coder if coder is not None else getattr(parent, "coder", None)
        self.user: str | None = user if isinstance(user, str) and user else None
        self.report: dict[str, Any] | None = None
        self.comparison: data.Comparison | None = None
        self._task: Task | None = None

        self.setup = SetupPanel(self)
        if lang is not None:  # labels in the window's language (the interface's, by default)
            self.setup.choose_language(lang)
        self.summary_model = CellTableModel(self)
        self.codes_model = CellTableModel(self)
        self.header = QLabel(
            translate("CompareWindow", "Choose the codings and sessions, then Compute."), self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.section = QComboBox(self)
        self.section.hide()
        self.copy_methods = QPushButton(translate("CompareWindow", "Copy Methods paragraph"),
                                        self)
        self.copy_methods.setToolTip(translate(
            "CompareWindow",
            "Copy a Methods paragraph with these numbers and its references to the clipboard. "
            "It is written for a journal: in Norwegian when the labels are Norwegian, else in "
            "English, whatever the interface's language."))
        self.copy_methods.setEnabled(False)
        self.summary = _table(self, self.summary_model)
        self.codes = _table(self, self.codes_model)
        self.confusion = ConfusionView(self)
        self.diff = DiffPanel(study_target, self.user, self)

        self.notes = QTextBrowser(self)
        self.notes.setOpenLinks(False)
        agreement = QWidget(self)
        al = QVBoxLayout(agreement)
        al.setContentsMargins(6, 6, 6, 6)
        al.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.section)
        top.addWidget(self.copy_methods)
        al.addLayout(top)
        al.addWidget(self.summary)
        al.addWidget(self.codes)
        lower = QSplitter(Qt.Orientation.Horizontal, agreement)
        lower.addWidget(self.confusion)
        lower.addWidget(self.notes)
        lower.setSizes([600, 340])
        lower.setChildrenCollapsible(False)
        al.addWidget(lower, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(agreement, translate("CompareWindow", "Agreement"))
        self.tabs.addTab(self.diff, translate("CompareWindow", "Timeline diff"))
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.setup)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 975])
        split.setChildrenCollapsible(False)
        self.setCentralWidget(split)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.message, 1)

        self.setup.computeRequested.connect(self.compute)
        self.setup.cancelRequested.connect(self.cancel)
        self.section.currentIndexChanged.connect(self._on_section_picked)
        self.copy_methods.clicked.connect(self._on_copy_methods)
        self.summary.selectionModel().currentRowChanged.connect(self._on_category_row)
        self.codes.selectionModel().currentRowChanged.connect(self._on_code_row)
        self.diff.seekRequested.connect(self.seekRequested)
        self.diff.consensusChanged.connect(self._on_consensus_changed)
        self.diff.failed.connect(self._show_error)
        self._load_task = run_task(lambda ctx: data.load_catalog(study_target),
                                   on_result=self._on_catalog, on_error=self._on_catalog_error)

    # ---------------------------------------------------------------- loading
    def _on_catalog(self, catalog: data.Catalog) -> None:
        self.setup.set_catalog(catalog)
        self.catalogLoaded.emit()

    def _on_catalog_error(self, exc: BaseException) -> None:
        self.setup.session_count.setText(translate("CompareWindow", "The study could not be read."))
        self._show_error(str(exc))

    # ---------------------------------------------------------------- computing
    def compute(self) -> None:
        """Start computing with the pickers' choices (does nothing while one is running)."""
        if self._task is not None:
            return
        choices = self.setup.checked_choices()
        plain = {c.coder for c in choices if c.kind == "coder"}
        lonely = [c.coder for c in choices if c.kind == "recode" and c.coder not in plain]
        if lonely:
            self._fail(translate(
                "CompareWindow", "Check {coder} too: a re-coding is compared with the coder's "
                "own primary coding.").format(coder=lonely[0]))
            return
        coders = data.coders_for(choices)
        keys = self.setup.session_keys()
        if len(coders) >= 2 and not keys:
            self._fail(translate(
                "CompareWindow", "Check at least one session that all the chosen coders coded."))
            return
        options = self.setup.options()
        target = self.target

        def work(ctx: TaskContext) -> data.Comparison:
            return data.compute(target, coders, keys, options, ctx)

        self.setup.set_running(True)
        self.message.setText(translate("CompareWindow", "Computing…"))
        self.message.setStyleSheet("")
        self._task = run_task(work, on_result=self._on_computed, on_error=self._on_failed,
                              on_progress=self._on_progress)
        self._task.cancelled.connect(self._on_cancelled)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _on_progress(self, fraction: float, _text: str) -> None:
        self.setup.set_progress(fraction)

    def _finished(self) -> None:
        """A computation ended (each task reports exactly one of result, error, cancel)."""
        self._task = None
        self.setup.set_running(False)

    def _on_cancelled(self) -> None:
        self._finished()
        self.message.setStyleSheet("")
        self.message.setText(translate(
            "CompareWindow", "Cancelled; the results shown (if any) are from before."))

    def _on_failed(self, exc: BaseException) -> None:
        self._finished()
        self._fail(str(exc))

    def _fail(self, message: str) -> None:
        self._show_error(message)
        self.computeFailed.emit(message)

    def _show_error(self, message: str) -> None:
        self.message.setText(message)
        self.message.setStyleSheet("color: #b42318;")

    def _on_computed(self, comp: data.Comparison) -> None:
        self._finished()
        self.comparison = comp
        self.report = comp.report
        r = comp.report
        self.header.setText(header_text(r))
        secs = list(sections(r))
        self.section.blockSignals(True)
        self.section.clear()
        for i, (_title, coders, _cats) in enumerate(secs):
            self.section.addItem(section_title(i, coders))
        self.section.setCurrentIndex(0)
        self.section.blockSignals(False)
        self.section.setVisible(len(secs) > 1)
        self._on_section_picked(0)
        self.diff.set_comparison(comp)
        self.copy_methods.setEnabled(bool(r.get("methods")))
        warn = r.get("warnings") or []
        self.message.setStyleSheet("")
        self.message.setText("; ".join(warn) if warn else translate("CompareWindow", "Computed."))
        self.computed.emit(comp.report)

    def _on_section_picked(self, i: int) -> None:
        comp = self.comparison
        if comp is None:
            return
        secs = list(sections(comp.report))
        _title, coders, cats = secs[max(0, i)]
        lang = comp.lang
        headers, tips, rows = category_rows(cats, comp.codebook, lang)
        self.summary_model.set_rows(headers, tips, rows, [c["id"] for c in cats])
        headers, tips, rows = code_rows(cats, coders, comp.codebook, lang)
        self.codes_model.set_rows(headers, tips, rows,
                                  [cd["id"] for c in cats for cd in c["codes"]])
        for view in (self.summary, self.codes):
            view.resizeColumnsToContents()
            view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            n = view.model().rowCount()
            height = view.horizontalHeader().height() + ROW_H * min(n, 14) + 4
            view.setFixedHeight(height)
        pair_cats = cats if len(coders) == 2 else secs[1][2] if len(secs) > 1 else cats
        pair = coders if len(coders) == 2 else secs[1][1] if len(secs) > 1 else coders
        self.confusion.set_matrices(matrices(pair_cats, pair, comp.codebook, lang))
        self.notes.setHtml(notes_html(comp.report, cats, comp.codebook, lang))

    def methods_text(self) -> str:
        """The Methods paragraph in the labels' language (nb), else in English."""
        if self.report is None:
            return ""
        texts = self.report.get("methods") or {}
        lang = "nb" if self.report.get("language") == "nb" else "en"
        return str(texts.get(lang, ""))

    def _on_copy_methods(self) -> None:
        text = self.methods_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.message.setStyleSheet("")
            self.message.setText(
                translate("CompareWindow", "Methods paragraph copied to the clipboard."))

    def _on_category_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            cat = self.summary_model.key(current.row())
            self.confusion.show_key(f"{cat}:time") or self.confusion.show_key(f"{cat}:events")

    def _on_code_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.confusion.show_key(f"code:{self.codes_model.key(current.row())}")

    def _on_consensus_changed(self, session_id: int) -> None:
        self.message.setStyleSheet("")
        self.message.setText(translate("CompareWindow", "Consensus saved."))
        self.consensusChanged.emit(session_id)

    # ---------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:
        for task in (self._task, self._load_task):
            if task is not None:
                task.cancel()
        self.diff.cancel()
        super().closeEvent(event)
