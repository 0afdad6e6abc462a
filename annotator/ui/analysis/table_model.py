"""A read-only Qt model over one analysis table, showing exactly the CLI's CSV text
(:func:`annotator.exchange.analysis.tables_out.table_rows`)."""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from annotator.exchange.analysis.tables_out import COLUMN_LABELS, table_rows

Index = QModelIndex | QPersistentModelIndex
TextTable = tuple[list[str], list[list[str]], list[bool]]


def frame_table(frame: pd.DataFrame) -> TextTable:
    """Header, text rows and which columns are numbers (cheap to show; make it off the GUI
    thread for big tables)."""
    rows = table_rows(frame)
    return rows[0], rows[1:], [frame[c].dtype.kind in "iuf" for c in frame.columns]


class FrameModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: list[str] = []
        self._rows: list[list[str]] = []
        self._numeric: list[bool] = []

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.set_table(frame_table(frame))

    def set_table(self, table: TextTable) -> None:
        """Show a table prepared (on a worker) by :func:`frame_table`."""
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
            return COLUMN_LABELS.get(name, name)
        return None
