"""The Analysis window's left panel: which coding counts, cases, session numbers, grouping,
sequence scope, minimum expected count, label language; Compute and Cancel with progress.

Signals:

- ``computeRequested()``: the user asked for a computation.
- ``cancelRequested()``: the user asked to stop the running one.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.exchange.analysis.reader import CONSENSUS_FIRST, PRIMARY, Selection
from annotator.ui.analysis.data import Catalog, Choices
from annotator.ui.i18n import translate

BY_LABELS = (("session", str(QT_TRANSLATE_NOOP("FilterPanel", "Session and coder"))),
             ("case", str(QT_TRANSLATE_NOOP("FilterPanel", "Case (sessions pooled)"))),
             ("coder", str(QT_TRANSLATE_NOOP("FilterPanel", "Coder (sessions pooled)"))),
             ("all", str(QT_TRANSLATE_NOOP("FilterPanel", "Whole selection"))))
SCOPE_LABELS = (("category", str(QT_TRANSLATE_NOOP("FilterPanel", "Within each category"))),
                ("all", str(QT_TRANSLATE_NOOP("FilterPanel", "Across all codes"))))


def _checklist(parent: QWidget) -> QListWidget:
    w = QListWidget(parent)
    w.setMaximumHeight(150)
    w.setUniformItemSizes(True)
    return w


class FilterPanel(QWidget):
    computeRequested = Signal()
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.coding = QComboBox(self)
        self.coding.addItem(translate("FilterPanel", "Primary coding"), PRIMARY)
        self.coding.addItem(translate("FilterPanel", "Consensus first, else primary"),
                            CONSENSUS_FIRST)
        self.cases = _checklist(self)
        self.numbers = _checklist(self)
        self.by = QComboBox(self)
        for key, label in BY_LABELS:
            self.by.addItem(translate("FilterPanel", label), key)
        self.scope = QComboBox(self)
        for key, label in SCOPE_LABELS:
            self.scope.addItem(translate("FilterPanel", label), key)
        self.min_expected = QDoubleSpinBox(self)
        self.min_expected.setRange(0.0, 1000.0)
        self.min_expected.setDecimals(1)
        self.min_expected.setValue(5.0)
        self.min_expected.setToolTip(translate(
            "FilterPanel", "Adjusted residuals and Yule's Q are shown only where the expected "
            "count is at least this"))
        self.lang = QComboBox(self)
        self.compute_button = QPushButton(translate("FilterPanel", "Compute"), self)
        self.compute_button.setDefault(True)
        self.compute_button.setEnabled(False)
        self.cancel_button = QPushButton(translate("FilterPanel", "Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.status = QLabel(translate("FilterPanel", "Reading the study…"), self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("FilterPanel", "Coding that counts"), self.coding)
        form.addRow(translate("FilterPanel", "Rows per"), self.by)
        form.addRow(translate("FilterPanel", "Sequences"), self.scope)
        form.addRow(translate("FilterPanel", "Min. expected"), self.min_expected)
        form.addRow(translate("FilterPanel", "Labels"), self.lang)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addLayout(form)
        lay.addWidget(QLabel(translate("FilterPanel", "Cases (none checked: all)"), self))
        lay.addWidget(self.cases)
        lay.addWidget(QLabel(translate("FilterPanel", "Session numbers (none checked: all)"),
                             self))
        lay.addWidget(self.numbers)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compute_button, 1)
        buttons.addWidget(self.cancel_button)
        lay.addLayout(buttons)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addStretch(1)
        self.compute_button.clicked.connect(self.computeRequested)
        self.cancel_button.clicked.connect(self.cancelRequested)

    def set_catalog(self, catalog: Catalog, lang: str | None = None) -> None:
        for coder in catalog.coders:
            self.coding.addItem(translate("FilterPanel", "Coder {coder} (primary, else "
                                          "reliability)").format(coder=coder), coder)
        for case in catalog.cases:
            item = QListWidgetItem(case, self.cases)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        for n in catalog.numbers:
            item = QListWidgetItem(translate("FilterPanel", "Session {n}").format(n=n),
                                   self.numbers)
            item.setData(Qt.ItemDataRole.UserRole, str(n))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        for code in catalog.languages:
            self.lang.addItem(code, code)
        if lang in catalog.languages:
            self.lang.setCurrentIndex(catalog.languages.index(lang))
        self.compute_button.setEnabled(True)
        numbers = ", ".join(map(str, catalog.numbers)) or translate("FilterPanel", "none")
        self.status.setText(translate("FilterPanel", "{n} case(s), session numbers {numbers}.")
                            .format(n=len(catalog.cases), numbers=numbers))

    def _checked(self, widget: QListWidget) -> tuple[str, ...]:
        out = []
        for i in range(widget.count()):
            item = widget.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole) or item.text()))
        return tuple(out)

    def check(self, widget: QListWidget, texts: set[str]) -> None:
        """Check the items whose text (or session number) is in ``texts``."""
        for i in range(widget.count()):
            item = widget.item(i)
            key = str(item.data(Qt.ItemDataRole.UserRole) or item.text())
            item.setCheckState(Qt.CheckState.Checked if key in texts
                               else Qt.CheckState.Unchecked)

    def choices(self) -> Choices:
        sel = Selection(coding=str(self.coding.currentData()), cases=self._checked(self.cases),
                        sessions=self._checked(self.numbers),
                        lang=str(self.lang.currentData()) if self.lang.count() else None)
        return Choices(sel, by=str(self.by.currentData()),
                       sequence_scope=str(self.scope.currentData()),
                       min_expected=float(self.min_expected.value()))

    def set_running(self, running: bool) -> None:
        self.compute_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        if running:
            self.progress.setValue(0)

    def set_progress(self, fraction: float, text: str = "") -> None:
        self.progress.setValue(round(100 * max(0.0, min(1.0, fraction))))
        if text:
            self.status.setText(text)
