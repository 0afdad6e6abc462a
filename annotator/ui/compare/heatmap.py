"""Confusion heatmaps: who coded what against whom, for a category or one code.

For an exclusive category the table is its codes plus ∅ (nothing of the category), in
seconds (or slices); for every category, the linked events (which code each coder gave to
events linked in time, ∅: no partner); for each state code, the 2×2 table code / not code.
Rows are the first coder, columns the second. Agreement cells are shaded green and
disagreement cells red, in proportion to the largest cell.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook import Codebook
from annotator.ui.i18n import translate

AGREE_RGB = (46, 139, 87)
DISAGREE_RGB = (209, 73, 91)
EMPTY = "∅"
NOT = {"en": "not", "nb": "ikke"}  # "not <code>" in the 2x2 tables, in the labels' language


@dataclass(frozen=True)
class Matrix:
    key: str  # "<category>:time", "<category>:events" or "code:<code>"
    title: str
    labels: list[str]  # short: code ids and ∅
    rows: list[list[float]]
    row_coder: str
    column_coder: str
    unit: str  # "seconds", "events" or the report's unit ("slices")
    names: tuple[str, ...] = ()  # full labels, for tooltips

    def unit_text(self) -> str:
        """The unit, as shown."""
        if self.unit == "seconds":
            return translate("ConfusionView", "seconds")
        if self.unit == "events":
            return translate("ConfusionView", "events")
        if self.unit == "slices":
            return translate("ConfusionView", "slices")
        return self.unit


def matrices(
    categories: Sequence[Mapping[str, Any]], coders: Sequence[str], codebook: Codebook,
    lang: str = "en",
) -> list[Matrix]:
    """Every heatmap one report section offers, in codebook order."""
    def name(code_id: str) -> str:
        return EMPTY if code_id == EMPTY else codebook.code(code_id).label_in(lang)

    out: list[Matrix] = []
    a, b = (coders[0], coders[1]) if len(coders) >= 2 else ("A", "B")
    for cat in categories:
        cat_label = codebook.category(cat["id"]).label_in(lang)
        conf = cat.get("confusion")
        if isinstance(conf, Mapping):
            out.append(Matrix(f"{cat['id']}:time",
                              translate("ConfusionView", "{category} — time").format(
                                  category=cat_label),
                              list(conf["labels"]),
                              conf["matrix"], conf["rows"], conf["columns"],
                              "seconds" if conf["unit"] == "s" else str(conf["unit"]),
                              tuple(name(x) for x in conf["labels"])))
        ev = cat.get("events")
        if isinstance(ev, Mapping) and isinstance(ev.get("confusion"), Mapping):
            c = ev["confusion"]
            out.append(Matrix(f"{cat['id']}:events",
                              translate("ConfusionView", "{category} — events").format(
                                  category=cat_label),
                              list(c["labels"]),
                              c["matrix"], c["rows"], c["columns"], "events",
                              tuple(name(x) for x in c["labels"])))
        for cd in cat["codes"]:
            table = cd.get("table")
            if table is None:
                continue
            label = name(cd["id"])
            unit = "seconds" if cd.get("table_unit") == "s" else str(cd.get("table_unit"))
            out.append(Matrix(f"code:{cd['id']}", f"{label} (2×2)",
                              [cd["id"], f"{NOT.get(lang, 'not')} {cd['id']}"], table, a, b,
                              unit,
                              (label, f"{NOT.get(lang, 'not')} {label}")))
    return out


def _fmt(value: float, unit: str) -> str:
    return f"{value:.1f}" if unit == "seconds" else f"{round(value)}"


class ConfusionView(QWidget):
    """A picker of the available heatmaps and the chosen one as a coloured table.

    No signals; fill it with :meth:`set_matrices`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrices: list[Matrix] = []
        self.picker = QComboBox(self)
        self.picker.setMinimumContentsLength(30)
        self.caption = QLabel(self)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("ConfusionView", "Table:"), self))
        top.addWidget(self.picker, 1)
        top.addWidget(self.caption, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        self.picker.currentIndexChanged.connect(self._on_picked)

    def set_matrices(self, items: list[Matrix]) -> None:
        was = self.current()
        self._matrices = items
        self.picker.blockSignals(True)
        self.picker.clear()
        self.picker.addItems([m.title for m in items])
        keys = self.keys()
        self.picker.setCurrentIndex(keys.index(was.key) if was and was.key in keys else 0)
        self.picker.blockSignals(False)
        self._on_picked(self.picker.currentIndex())

    def keys(self) -> list[str]:
        return [m.key for m in self._matrices]

    def show_key(self, key: str) -> bool:
        """Show the matrix with this key (see :class:`Matrix`); False if there is none."""
        keys = self.keys()
        if key not in keys:
            return False
        self.picker.setCurrentIndex(keys.index(key))
        return True

    def current(self) -> Matrix | None:
        i = self.picker.currentIndex()
        return self._matrices[i] if 0 <= i < len(self._matrices) else None

    def _on_picked(self, i: int) -> None:
        if not 0 <= i < len(self._matrices):
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.caption.setText(translate("ConfusionView", "Compute to see confusion tables."))
            return
        self._show(self._matrices[i])

    def _show(self, m: Matrix) -> None:
        n = len(m.labels)
        self.caption.setText(
            translate("ConfusionView", "rows: {rows}   ·   columns: {columns}   ·   {unit}").format(
                rows=m.row_coder, columns=m.column_coder, unit=m.unit_text()))
        self.table.clear()
        self.table.setRowCount(n + 1)
        self.table.setColumnCount(n + 1)
        shown = list(m.names or m.labels)  # the codebook's labels
        cols, rows = list(shown), list(shown)
        if n > 2 or max(len(x) for x in shown) > 14:  # number the columns
            cols = [x if x == EMPTY else str(k + 1) for k, x in enumerate(shown)]
            rows = [x if x == EMPTY else f"{k + 1}  {x}" for k, x in enumerate(shown)]
        total_name = translate("ConfusionView", "total")
        self.table.setHorizontalHeaderLabels([*cols, total_name])
        header = self.table.horizontalHeader()
        # stretched columns never get narrower than the widest header ("total"/"sum")
        widest = max(header.fontMetrics().horizontalAdvance(t) for t in [*cols, total_name])
        header.setMinimumSectionSize(widest + 2 * header.style().pixelMetric(
            QStyle.PixelMetric.PM_HeaderMargin) + 4)
        self.table.setVerticalHeaderLabels([*rows, total_name])
        for i, full in enumerate(m.names):
            for item, who in ((self.table.horizontalHeaderItem(i), m.column_coder),
                              (self.table.verticalHeaderItem(i), m.row_coder)):
                if item is not None:
                    item.setToolTip(f"{who}: {full}")
        peak = max((float(v) for row in m.rows for v in row), default=0.0) or 1.0
        bold = QFont(self.font())
        bold.setBold(True)
        for i in range(n):
            for j in range(n):
                v = float(m.rows[i][j])
                item = QTableWidgetItem(_fmt(v, m.unit))
                rgb = AGREE_RGB if i == j else DISAGREE_RGB
                share = v / peak
                item.setBackground(QBrush(QColor(*rgb, round(30 + 200 * share) if v else 0)))
                if share > 0.55:
                    item.setForeground(QBrush(QColor("#ffffff")))
                    item.setFont(bold)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                names = m.names or tuple(m.labels)
                item.setToolTip(f"{m.row_coder}: {names[i]}\n{m.column_coder}: {names[j]}\n"
                                f"{_fmt(v, m.unit)} {m.unit_text()}")
                self.table.setItem(i, j, item)
        grey = QBrush(QColor("#eef0f3"))
        for i in range(n):
            row_total = QTableWidgetItem(_fmt(sum(float(x) for x in m.rows[i]), m.unit))
            col_total = QTableWidgetItem(_fmt(sum(float(r[i]) for r in m.rows), m.unit))
            for item in (row_total, col_total):
                item.setBackground(grey)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(i, n, row_total)
            self.table.setItem(n, i, col_total)
        total = QTableWidgetItem(_fmt(sum(float(x) for r in m.rows for x in r), m.unit))
        total.setBackground(grey)
        total.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        total.setFont(bold)
        self.table.setItem(n, n, total)

    def cell_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return "" if item is None else item.text()

    def cell_color(self, row: int, column: int) -> QColor:
        item = self.table.item(row, column)
        return QColor() if item is None else item.background().color()
