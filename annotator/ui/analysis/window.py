"""The Analysis window (Study ▸ Analysis): filters, the analysis tables, the figures and a
button for every export. It computes with the same functions as ``annotator summary`` (its
cells are the CLI's CSV text), on a worker with progress; every study connection it uses is
its own, opened on the worker.

Signals:

- ``catalogLoaded()``: the filters are filled; Compute is possible.
- ``computed(object)``: a computation finished (a :class:`~.data.Computed`); tables shown.
- ``figuresShown()``: the figures of the last computation are drawn.
- ``computeFailed(str)``: a computation was refused (bad selection) or failed.
- ``exported(list)``: an export finished; the paths written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QCloseEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.exchange.analysis.run import study_label
from annotator.ui.analysis import data
from annotator.ui.analysis.filters import FilterPanel
from annotator.ui.analysis.header import header_text, note_lines
from annotator.ui.analysis.table_model import FrameModel
from annotator.ui.i18n import translate
from annotator.ui.workers import Task, TaskContext, run_task

TABS = (("budget", str(QT_TRANSLATE_NOOP("AnalysisWindow", "Time budget"))),
        ("categories", str(QT_TRANSLATE_NOOP("AnalysisWindow", "Categories"))),
        ("wide", str(QT_TRANSLATE_NOOP("AnalysisWindow", "Wide"))),
        ("cooccurrence", str(QT_TRANSLATE_NOOP("AnalysisWindow", "Co-occurrence"))),
        ("sequences", str(QT_TRANSLATE_NOOP("AnalysisWindow", "Sequences"))),
        ("trends", str(QT_TRANSLATE_NOOP("AnalysisWindow", "Trends"))),
        ("trends_by_case", str(QT_TRANSLATE_NOOP("AnalysisWindow", "Trends by case"))))
EXPORTS = (("csv", str(QT_TRANSLATE_NOOP("AnalysisWindow", "CSV…")),
            str(QT_TRANSLATE_NOOP("AnalysisWindow", "CSV (*.csv)"))),
           ("xlsx", str(QT_TRANSLATE_NOOP("AnalysisWindow", "Excel…")),
            str(QT_TRANSLATE_NOOP("AnalysisWindow", "Excel workbook (*.xlsx)"))),
           ("sav", str(QT_TRANSLATE_NOOP("AnalysisWindow", "SPSS…")),
            str(QT_TRANSLATE_NOOP("AnalysisWindow", "SPSS data (*.sav)"))),
           ("html", str(QT_TRANSLATE_NOOP("AnalysisWindow", "HTML report…")),
            str(QT_TRANSLATE_NOOP("AnalysisWindow", "HTML (*.html)"))),
           ("pdf", str(QT_TRANSLATE_NOOP("AnalysisWindow", "PDF report…")),
            str(QT_TRANSLATE_NOOP("AnalysisWindow", "PDF (*.pdf)"))),
           ("figures", str(QT_TRANSLATE_NOOP("AnalysisWindow", "Figures (PNG)…")), ""))
FIGURE_TITLES = {"budget": str(QT_TRANSLATE_NOOP("AnalysisWindow", "Time budget")),
                 "cooccurrence": str(QT_TRANSLATE_NOOP("AnalysisWindow", "Co-occurrence")),
                 "trends-percent": str(QT_TRANSLATE_NOOP("AnalysisWindow",
                                                     "Trends: % of session time")),
                 "trends-rate": str(QT_TRANSLATE_NOOP("AnalysisWindow", "Trends: rate")),
                 "case-session": str(QT_TRANSLATE_NOOP("AnalysisWindow", "Case × session"))}


def _view(parent: QWidget, model: FrameModel) -> QTableView:
    v = QTableView(parent)
    v.setModel(model)
    v.setAlternatingRowColors(True)
    v.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    v.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    v.verticalHeader().hide()
    v.verticalHeader().setDefaultSectionSize(22)
    v.setWordWrap(False)
    v.horizontalHeader().setResizeContentsPrecision(200)  # size columns from 200 rows
    return v


class AnalysisWindow(QMainWindow):
    catalogLoaded = Signal()
    computed = Signal(object)
    figuresShown = Signal()
    computeFailed = Signal(str)
    exported = Signal(list)

    def __init__(self, study_target: str, parent: QWidget | None = None, *,
                 lang: str | None = None) -> None:
        super().__init__(parent)
        self.target = study_target
        self.label = study_label(study_target) if study_target else ""
        self.setWindowTitle(translate("AnalysisWindow", "Analysis — {study}").format(
            study=self.label) if self.label else translate("AnalysisWindow", "Analysis"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1280, 720)
        self._lang = lang
        self.result: data.Computed | None = None
        self.figures: dict[str, bytes] = {}
        self._task: Task | None = None
        self._fig_task: Task | None = None
        self._export_task: Task | None = None

        self.filters = FilterPanel(self)
        self.header = QLabel(translate("AnalysisWindow", "Choose what to analyse, then Compute."),
                             self)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.models: dict[str, FrameModel] = {}
        self.tabs = QTabWidget(self)
        for key, title in TABS:
            model = FrameModel(self)
            self.models[key] = model
            self.tabs.addTab(_view(self, model), translate("AnalysisWindow", title))
        self.figure_area = QScrollArea(self)
        self.figure_area.setWidgetResizable(True)
        self._figure_box = QWidget()
        self._figure_layout = QVBoxLayout(self._figure_box)
        self._figure_layout.addStretch(1)
        self.figure_area.setWidget(self._figure_box)
        self.tabs.addTab(self.figure_area, translate("AnalysisWindow", "Figures"))
        self.export_buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(QLabel(translate("AnalysisWindow", "Export:"), self))
        for fmt, text, _filt in EXPORTS:
            b = QPushButton(translate("AnalysisWindow", text), self)
            b.setEnabled(False)
            b.clicked.connect(lambda _c=False, f=fmt: self.export_dialog(f))
            self.export_buttons[fmt] = b
            bar.addWidget(b)
        bar.addStretch(1)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(6, 6, 6, 6)
        rl.addWidget(self.header)
        rl.addWidget(self.tabs, 1)
        rl.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.filters)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 980])
        split.setChildrenCollapsible(False)
        self.setCentralWidget(split)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.message, 1)
        self.filters.computeRequested.connect(self.compute)
        self.filters.cancelRequested.connect(self.cancel)
        target = study_target
        self._load_task = run_task(lambda ctx: data.load_catalog(target),
                                   on_result=self._on_catalog, on_error=self._on_catalog_error)

    # ---------------------------------------------------------------- loading
    def _on_catalog(self, catalog: data.Catalog) -> None:
        self.filters.set_catalog(catalog, self._lang)
        self.catalogLoaded.emit()

    def _on_catalog_error(self, exc: BaseException) -> None:
        self.filters.status.setText(translate("AnalysisWindow", "The study could not be read."))
        self._show_error(str(exc))

    # ---------------------------------------------------------------- computing
    def compute(self) -> None:
        if self._task is not None:
            return
        choices = self.filters.choices()
        target = self.target

        def work(ctx: TaskContext) -> data.Computed:
            return data.compute(target, choices, ctx)

        self.filters.set_running(True)
        self._set_message(translate("AnalysisWindow", "Computing…"))
        self._task = run_task(work, on_result=self._on_computed, on_error=self._on_failed,
                              on_progress=self.filters.set_progress)
        self._task.cancelled.connect(self._on_cancelled)

    def cancel(self) -> None:
        for task in (self._task, self._fig_task):
            if task is not None:
                task.cancel()

    def _finished(self) -> None:
        self._task = None
        self.filters.set_running(False)

    def _on_cancelled(self) -> None:
        self._finished()
        self._set_message(translate("AnalysisWindow",
                                    "Cancelled; the results shown (if any) are from before."))

    def _on_failed(self, exc: BaseException) -> None:
        self._finished()
        self._show_error(str(exc))
        self.computeFailed.emit(str(exc))

    def _on_computed(self, comp: data.Computed) -> None:
        self._finished()
        self.result = comp
        for key, model in self.models.items():
            model.set_table(comp.texts[key])
        for i in range(len(TABS)):
            view = self.tabs.widget(i)
            if isinstance(view, QTableView):
                view.resizeColumnsToContents()
        self.header.setText(header_text(comp))
        notes = note_lines(comp)
        self.filters.set_progress(1.0, "\n".join(notes) if notes
                                  else translate("AnalysisWindow", "Computed."))
        for b in self.export_buttons.values():
            b.setEnabled(True)
        self._set_message(translate("AnalysisWindow", "Computed; drawing the figures…"))
        self.computed.emit(comp)
        self._draw_figures(comp)

    # ---------------------------------------------------------------- figures
    def _draw_figures(self, comp: data.Computed) -> None:
        if self._fig_task is not None:
            self._fig_task.cancel()
        res = comp.results
        self._fig_task = run_task(lambda ctx: (comp, data.figure_pngs(res, ctx)),
                                  on_result=self._on_figures, on_error=self._on_failed_figures)

    def _on_figures(self, pair: tuple[data.Computed, dict[str, bytes]]) -> None:
        comp, pngs = pair
        self._fig_task = None
        if comp is not self.result:
            return
        self.figures = pngs
        while self._figure_layout.count() > 1:
            item = self._figure_layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        sequences = translate("AnalysisWindow", "Sequences: {category}")
        cats = {f"sequences-{c.id}": sequences.format(category=c.label)
                for c in comp.results.data.categories}
        cats["sequences-all"] = translate("AnalysisWindow", "Sequences: all codes")
        for i, (name, png) in enumerate(pngs.items()):
            known = FIGURE_TITLES.get(name)
            title = QLabel(translate("AnalysisWindow", known) if known
                           else cats.get(name, name))
            title.setStyleSheet("font-weight: 600; margin-top: 8px;")
            pic = QLabel()
            pix = QPixmap()
            pix.loadFromData(png, "PNG")
            pic.setPixmap(pix)
            pic.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self._figure_layout.insertWidget(2 * i, title)
            self._figure_layout.insertWidget(2 * i + 1, pic)
        self._set_message(translate("AnalysisWindow", "Computed; {n} figure(s).").format(
            n=len(pngs)))
        self.figuresShown.emit()

    def _on_failed_figures(self, exc: BaseException) -> None:
        self._fig_task = None
        self._show_error(translate("AnalysisWindow", "The figures could not be drawn: {error}")
                         .format(error=exc))

    # ---------------------------------------------------------------- exports
    def export_dialog(self, fmt: str) -> None:
        if self.result is None:
            return
        if fmt == "figures":
            folder = QFileDialog.getExistingDirectory(
                self, translate("AnalysisWindow", "Save the figures (300-dpi PNG)"))
            if folder:
                self.export(fmt, Path(folder))
            return
        filt = translate("AnalysisWindow", next(f for k, _t, f in EXPORTS if k == fmt))
        name, _ = QFileDialog.getSaveFileName(
            self, translate("AnalysisWindow", "Export {format}").format(format=fmt.upper()),
            f"analysis.{fmt}", filt)
        if name:
            path = Path(name)
            if path.suffix.lower() != f".{fmt}":
                path = path.with_name(path.name + f".{fmt}")
            self.export(fmt, path)

    def export(self, fmt: str, path: Path) -> None:
        """Write ``fmt`` to ``path`` on a worker (what the CLI writes for these choices)."""
        comp = self.result
        if comp is None or self._export_task is not None:
            return
        for b in self.export_buttons.values():
            b.setEnabled(False)
        self._set_message(translate("AnalysisWindow", "Writing {file}…").format(file=path.name))

        def done() -> None:
            self._export_task = None
            for b in self.export_buttons.values():
                b.setEnabled(self.result is not None)

        def ok(paths: list[Path]) -> None:
            done()
            if fmt == "figures":
                self._set_message(translate("AnalysisWindow", "Wrote {n} figure(s) to {folder}.")
                                  .format(n=len(paths), folder=path))
            else:
                line = data.cli_line(self.label, comp.choices, fmt, path.name)
                self._set_message(translate("AnalysisWindow", "Wrote {files} (the same as: "
                                                              "{command}).").format(
                    files=", ".join(p.name for p in paths), command=line))
            self.exported.emit(paths)

        def failed(exc: BaseException) -> None:
            done()
            self._show_error(translate("AnalysisWindow", "Not written: {error}").format(
                error=exc))

        self._export_task = run_task(lambda ctx: data.export(comp, fmt, path, ctx),
                                     on_result=ok, on_error=failed)

    # ---------------------------------------------------------------- messages
    def _set_message(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b42318;")

    def closeEvent(self, event: QCloseEvent) -> None:
        for task in (self._task, self._fig_task, self._load_task):
            if task is not None:
                task.cancel()
        super().closeEvent(event)
