"""A read-only Qt model over one analysis table, showing exactly the CLI's CSV text
(:func:`annotator.exchange.analysis.tables_out.table_rows`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from annotator.core.analysis.table import Table
from annotator.exchange.analysis.tables_out import COLUMN_LABELS, table_rows
from annotator.ui.i18n import translate

Index = QModelIndex | QPersistentModelIndex
TextTable = tuple[list[str], list[list[str]], list[bool]]

COLUMN_TIPS = {
    "case": str(QT_TRANSLATE_NOOP("FrameModel", "Case")),
    "session": str(QT_TRANSLATE_NOOP("FrameModel", "Session number")),
    "coder": str(QT_TRANSLATE_NOOP("FrameModel", "Coder")),
    "coding": str(QT_TRANSLATE_NOOP("FrameModel", "Coding purpose")),
    "sessions": str(QT_TRANSLATE_NOOP("FrameModel", "Sessions pooled")),
    "category": str(QT_TRANSLATE_NOOP("FrameModel", "Category id")),
    "code": str(QT_TRANSLATE_NOOP("FrameModel", "Code id")),
    "code_label": str(QT_TRANSLATE_NOOP("FrameModel", "Code")),
    "category_label": str(QT_TRANSLATE_NOOP("FrameModel", "Category")),
    "count": str(QT_TRANSLATE_NOOP("FrameModel", "Count")),
    "total_s": str(QT_TRANSLATE_NOOP("FrameModel", "Total seconds")),
    "percent_of_session": str(QT_TRANSLATE_NOOP("FrameModel", "% of session")),
    "rate_per_10min": str(QT_TRANSLATE_NOOP("FrameModel", "Rate per 10 min")),
    "mean_bout_s": str(QT_TRANSLATE_NOOP("FrameModel", "Mean bout (s)")),
    "sd_bout_s": str(QT_TRANSLATE_NOOP("FrameModel", "SD bout (s)")),
    "median_bout_s": str(QT_TRANSLATE_NOOP("FrameModel", "Median bout (s)")),
    "min_bout_s": str(QT_TRANSLATE_NOOP("FrameModel", "Shortest bout (s)")),
    "max_bout_s": str(QT_TRANSLATE_NOOP("FrameModel", "Longest bout (s)")),
    "latency_s": str(QT_TRANSLATE_NOOP("FrameModel", "First onset (s)")),
    "duration_s": str(QT_TRANSLATE_NOOP("FrameModel", "Session duration (s)")),
    "duration_source": str(QT_TRANSLATE_NOOP("FrameModel", "Duration from")),
    "coded_s": str(QT_TRANSLATE_NOOP("FrameModel", "Seconds with any code")),
    "percent_coded": str(QT_TRANSLATE_NOOP("FrameModel", "% with any code")),
    "uncoded_s": str(QT_TRANSLATE_NOOP("FrameModel", "Seconds without")),
    "percent_uncoded": str(QT_TRANSLATE_NOOP("FrameModel", "% without")),
}
"""The columns' long names (exchange's ``COLUMN_LABELS``), as shown in tooltips."""


def text_table(table: Table) -> TextTable:
    """Header, text rows and which columns are numbers (cheap to show; make it off the GUI
    thread for big tables)."""
    rows = table_rows(table)
    return rows[0], rows[1:], [table.numeric(c) for c in table.columns]


class FrameModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: list[str] = []
        self._rows: list[list[str]] = []
        self._numeric: list[bool] = []

    def set_table(self, table: TextTable) -> None:
        """Show a table prepared (on a worker) by :func:`text_table`."""
        self.beginResetModel()
        self._columns, self._rows, self._numeric = table
        self.endResetModel()

    def columns(self) -> list[str]:
        return list(self._columns)

    def text_rows(self) -> list[list[str]]:
        """Every cell's text (what the view shows)."""
        return [list(r) for r in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and self._numeric[index.column()]:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        name = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return name
        if role == Qt.ItemDataRole.ToolTipRole:
            if name in COLUMN_TIPS:
                return translate("FrameModel", COLUMN_TIPS[name])
            return COLUMN_LABELS.get(name, name)
        return None
