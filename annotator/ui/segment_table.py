"""The segment table: one session's segments as a sortable, filterable, editable list.

:class:`SegmentTable` wraps :class:`~annotator.ui.segment_table_model.SegmentTableModel`
(:mod:`annotator.ui.segment_table_model`) in a filter field and a table view, with
:class:`CodeComboDelegate` for choosing a code in a cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook import Codebook
from annotator.core.segments import SegmentView
from annotator.ui.i18n import translate
from annotator.ui.segment_table_model import (
    EDIT_ROLE,
    FILTER_ROLE,
    HEADERS,
    LEFT_ALIGN,
    SEGMENT_ID_ROLE,
    SORT_ROLE,
    Column,
    SegmentTableModel,
    filter_pattern,
    swatch_icon,
)

from .timeline.theme import LIGHT, Theme

__all__ = [
    "FILTER_ROLE",
    "SEGMENT_ID_ROLE",
    "SORT_ROLE",
    "CodeComboDelegate",
    "Column",
    "SegmentTable",
    "SegmentTableModel",
    "filter_pattern",
    "swatch_icon",
]

class CodeComboDelegate(QStyledItemDelegate):
    """Edits the Code column with a combo box of the codebook's codes, by category.

    Codes the segment cannot take (a point code for a segment with a duration) are
    listed but disabled. Choosing an item commits it at once.

    Signals: those of ``QStyledItemDelegate`` only.
    """

    def __init__(self, model: SegmentTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        cb = self._model.codebook()
        seg = self._model.segment(str(index.data(SEGMENT_ID_ROLE)))
        combo = QComboBox(parent)
        items = QStandardItemModel(combo)
        lang = self._model.language()
        if cb is not None:
            for cat in cb.categories:
                head = QStandardItem(cat.label_in(lang))
                head.setFlags(Qt.ItemFlag.NoItemFlags)
                font = head.font()
                font.setBold(True)
                head.setFont(font)
                items.appendRow(head)
                for code in cat.codes:
                    text = code.label_in(lang)
                    if code.key:
                        text = f"{text}  [{code.key}]"
                    item = QStandardItem(swatch_icon(code.color), text)
                    item.setData(code.id, Qt.ItemDataRole.UserRole)
                    if seg is not None and not self._model.code_allowed(seg, code):
                        item.setFlags(Qt.ItemFlag.NoItemFlags)
                        item.setToolTip(translate(
                            "CodeComboDelegate",
                            "A point code cannot replace a code with a duration."))
                    items.appendRow(item)
        combo.setModel(items)
        combo.activated.connect(lambda _i, c=combo: self._on_activated(c))
        return combo

    def _on_activated(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            i = editor.findData(index.data(EDIT_ROLE), Qt.ItemDataRole.UserRole)
            editor.setCurrentIndex(i)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QComboBox) and editor.currentData() is not None:
            model.setData(index, editor.currentData(), EDIT_ROLE)


#: px of the Code column that are not label text: colour chip, its gap and margins
CODE_CELL_EXTRA = 34
#: the most lines a code label is wrapped into in the segment table
MAX_LABEL_LINES = 3
CODE_CHARS = 34
"""The Code column's first width, in average characters (a long label, partly)."""
CATEGORY_CHARS = 17
"""The Category column's first width, in average characters."""


class SegmentTable(QWidget):
    """A filter field over a sortable table of one session's segments.

    The filter keeps the rows whose code label or id, category, note or coder contain
    every word typed (case-insensitive); Esc in the field clears it. Columns sort by
    value (times numerically); the initial order is by start.

    Selection is kept in step with the rest of the window by ids: the user's selection
    is reported by ``selectionChanged``; :meth:`set_selection` selects from outside
    without reporting back. Selected segments hidden by the filter stay selected and
    show again when the filter is cleared. Changes to the rows (:meth:`set_segments`,
    :meth:`upsert`, :meth:`remove`, also when called on :attr:`model` directly) never
    emit ``selectionChanged``; removed ids simply leave the selection.

    Keys on the table: F2 (or a click on a selected cell) edits; Enter activates the
    current row; Delete / Backspace asks to delete the selection. Digit and letter keys
    are not taken: window-wide coding shortcuts keep working while the table has focus.

    Signals:

    - ``selectionChanged(list[str] ids)``: the user changed the selection (ids in table
      order). Not emitted by :meth:`set_selection` nor by changes to the rows or filter.
    - ``activated(str id)``: a row was double-clicked, or Enter was pressed on it.
    - ``deleteRequested(list[str] ids)``: Delete or Backspace with rows selected (not
      when read-only).
    - ``editRequested(str id, dict changes)`` and ``editRejected(str message)``:
      re-emitted from :attr:`model` (see :class:`SegmentTableModel`).
    """

    selectionChanged = Signal(list)
    activated = Signal(str)
    deleteRequested = Signal(list)
    editRequested = Signal(str, dict)
    editRejected = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        codebook: Codebook | None = None,
        language: str = "en",
        theme: Theme = LIGHT,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._silent = 0
        self._selected: list[str] = []
        self.model = SegmentTableModel(codebook, self, language=language, theme=theme)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterRole(FILTER_ROLE)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setDynamicSortFilter(True)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(
            translate("SegmentTable", "Filter by code, note or coder"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_text_changed)
        self.filter_edit.installEventFilter(self)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet(f"color: {theme.ruler_tick};")

        self.view = QTableView(self)
        # Changes to the rows must not look like the user's selection. The proxy
        # guards connect before the view's selection model (so they run before its
        # handlers of "about to" signals) and their ends after. The source guards run
        # after the proxy's own handlers: the proxy drops removed rows while the source
        # still has them, and only at the source's end are vanished ids known.
        p = self.proxy
        self._connect_guards(p, begins=True)
        self.view.setModel(p)
        self._connect_guards(p, begins=False)
        self._connect_guards(self.model, begins=True)
        self._connect_guards(self.model, begins=False)
        for sig in (p.rowsInserted, p.rowsRemoved, p.modelReset):
            sig.connect(self._on_row_count_changed)

        self._setup_view()
        self.view.horizontalHeader().sectionResized.connect(self._on_section_resized)
        sm = self.view.selectionModel()
        sm.selectionChanged.connect(self._on_view_selection_changed)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.view.installEventFilter(self)
        self.model.editRequested.connect(self.editRequested)
        self.model.editRejected.connect(self.editRejected)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        self._on_row_count_changed()

    def _setup_view(self) -> None:
        v = self.view
        v.setSortingEnabled(True)
        v.sortByColumn(Column.START, Qt.SortOrder.AscendingOrder)
        v.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        v.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        v.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        v.setItemDelegateForColumn(Column.CODE, CodeComboDelegate(self.model, v))
        v.setShowGrid(False)
        v.setAlternatingRowColors(True)
        v.setWordWrap(False)
        v.setTextElideMode(Qt.TextElideMode.ElideRight)
        v.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        v.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        pal = v.palette()
        pal.setColor(QPalette.ColorRole.AlternateBase, QColor(self._theme.lane_odd))
        pal.setColor(QPalette.ColorRole.Text, QColor(self._theme.label_text))
        v.setPalette(pal)
        vh = v.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(v.fontMetrics().height() + 8)
        hh = v.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setStretchLastSection(True)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setDefaultAlignment(LEFT_ALIGN)
        fm = v.fontMetrics()
        time_w = fm.horizontalAdvance("00:00:00.000") + 18
        self.time_width = time_w  # what a Start or End cell needs
        widths = {
            Column.CODE: fm.averageCharWidth() * CODE_CHARS + 30,
            Column.CATEGORY: max(fm.averageCharWidth() * CATEGORY_CHARS + 12,
                                 self._header_width(Column.CATEGORY)),
            Column.START: max(time_w, self._header_width(Column.START)),
            Column.END: max(time_w, self._header_width(Column.END)),
            Column.DURATION: self._header_width(Column.DURATION) + 12,
        }
        for col, w in widths.items():
            v.setColumnWidth(col, w)

    def _header_width(self, col: Column) -> int:
        """What the header of ``col`` needs in this language (text, sort arrow, margins)."""
        header = self.view.horizontalHeader()
        text = translate("SegmentTableModel", HEADERS[col])
        return header.fontMetrics().horizontalAdvance(text) + 30

    # ------------------------------------------------------------ public API
    def set_codebook(self, codebook: Codebook | None) -> None:
        self.model.set_codebook(codebook)
        self.fit_rows_to_labels()

    def set_language(self, language: str) -> None:
        self.model.set_language(language)
        self.fit_rows_to_labels()

    def longest_label_width(self) -> int:
        """Width of the codebook's longest code label on one line (0: no codebook)."""
        cb = self.model.codebook()
        fm = self.view.fontMetrics()
        return max((fm.horizontalAdvance(c.label_in(self.model.language())) for c in cb.codes),
                   default=0) if cb is not None else 0

    def code_text_width(self) -> int:
        """Room for the code label in the Code column (its width less chip and margins)."""
        return self.view.columnWidth(Column.CODE) - CODE_CELL_EXTRA

    def label_lines(self, text: str, width: int | None = None) -> int:
        """Lines a code label takes when wrapped into the Code column."""
        w = max(1, self.code_text_width() if width is None else width)
        rect = self.view.fontMetrics().boundingRect(
            0, 0, w, 100_000, int(Qt.TextFlag.TextWordWrap), text)
        return max(1, -(-rect.height() // self.view.fontMetrics().lineSpacing()))

    def fit_rows_to_labels(self) -> None:
        """Rows as tall as the codebook's longest label needs in the Code column (one
        line, or up to ``MAX_LABEL_LINES`` wrapped lines): labels are not cut off when
        the column is narrow, and rows stay one line when it is wide. Costs one text
        measurement per code, not per row."""
        cb = self.model.codebook()
        lang = self.model.language()
        lines = max((self.label_lines(c.label_in(lang)) for c in cb.codes), default=1) \
            if cb is not None else 1
        lines = min(MAX_LABEL_LINES, lines)
        fm = self.view.fontMetrics()
        height = fm.height() + 8 + (lines - 1) * fm.lineSpacing()
        vh = self.view.verticalHeader()
        if vh.defaultSectionSize() != height:
            vh.setDefaultSectionSize(height)
        self.view.setWordWrap(lines > 1)

    def set_read_only(self, read_only: bool) -> None:
        """No editing and no delete requests (e.g. a submitted coding)."""
        self.model.set_read_only(read_only)

    def set_segments(self, segments: Iterable[SegmentView]) -> None:
        """Replace all rows; the selection keeps the ids that are still there."""
        self.model.set_segments(segments)

    def upsert(self, seg: SegmentView) -> None:
        self.model.upsert(seg)

    def remove(self, ids: Iterable[str]) -> None:
        self.model.remove(ids)

    def set_playhead(self, ms: int | None) -> None:
        """Bold the rows whose segment contains the playhead."""
        self.model.set_playhead(ms)

    def selected_ids(self) -> list[str]:
        """The selected segment ids (including any the filter hides)."""
        return list(self._selected)

    def set_selection(self, ids: Iterable[str]) -> None:
        """Select these segments without emitting ``selectionChanged``; scroll to the
        topmost selected row. Unknown ids are ignored."""
        self._selected = [i for i in dict.fromkeys(ids) if self.model.row_of(i) is not None]
        self._apply_selection(scroll=True)

    def filter_text(self) -> str:
        return self.filter_edit.text()

    def set_filter_text(self, text: str) -> None:
        self.filter_edit.setText(text)

    def visible_ids(self) -> list[str]:
        """Segment ids in table order, after filtering and sorting."""
        p = self.proxy
        return [str(p.index(r, 0).data(SEGMENT_ID_ROLE)) for r in range(p.rowCount())]

    # ------------------------------------------------------------ selection sync
    @contextmanager
    def _quiet(self) -> Iterator[None]:
        self._silent += 1
        try:
            yield
        finally:
            self._silent -= 1

    def _apply_selection(self, *, scroll: bool) -> None:
        sel = QItemSelection()
        top: QModelIndex | None = None
        last = len(Column) - 1
        for sid in self._selected:
            row = self.model.row_of(sid)
            if row is None:
                continue
            pidx = self.proxy.mapFromSource(self.model.index(row, 0))
            if not pidx.isValid():
                continue
            sel.select(pidx, pidx.siblingAtColumn(last))
            if top is None or pidx.row() < top.row():
                top = pidx
        sm = self.view.selectionModel()
        with self._quiet():
            sm.select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if top is not None:
                sm.setCurrentIndex(top, QItemSelectionModel.SelectionFlag.NoUpdate)
                if scroll:
                    self.view.scrollTo(top)

    def _ids_of_view_selection(self) -> list[str]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows(0))
        return [str(self.proxy.index(r, 0).data(SEGMENT_ID_ROLE)) for r in rows]

    def _on_view_selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        if self._silent:
            return
        ids = self._ids_of_view_selection()
        self._selected = ids
        self.selectionChanged.emit(ids)

    def _connect_guards(self, model: QAbstractItemModel, *, begins: bool) -> None:
        if begins:
            model.rowsAboutToBeRemoved.connect(self._on_rows_begin)
            model.rowsAboutToBeInserted.connect(self._on_rows_begin)
            model.modelAboutToBeReset.connect(self._on_change_begin)
            model.layoutAboutToBeChanged.connect(self._on_change_begin)
        else:
            model.rowsRemoved.connect(self._on_rows_end)
            model.rowsInserted.connect(self._on_rows_end)
            model.modelReset.connect(self._on_change_end)
            model.layoutChanged.connect(self._on_change_end)

    def _on_rows_begin(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        self._silent += 1

    def _on_rows_end(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        self._on_change_end()

    def _on_change_begin(self) -> None:
        self._silent += 1

    def _on_change_end(self) -> None:
        self._silent -= 1
        if self._silent == 0:
            self._selected = [i for i in self._selected if self.model.row_of(i) is not None]
            self._apply_selection(scroll=False)

    # ------------------------------------------------------------ events
    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == Column.CODE:
            self.fit_rows_to_labels()

    def _on_row_count_changed(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = (translate("SegmentTable", "{total} segment") if total == 1
                    else translate("SegmentTable", "{total} segments"))
        else:
            text = (translate("SegmentTable", "{shown} of {total} segment") if total == 1
                    else translate("SegmentTable", "{shown} of {total} segments"))
        self.count_label.setText(text.format(shown=shown, total=total))

    def _on_filter_text_changed(self, text: str) -> None:
        self.proxy.setFilterRegularExpression(filter_pattern(text))
        self._on_row_count_changed()

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(str(index.data(SEGMENT_ID_ROLE)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.filter_edit and key == Qt.Key.Key_Escape and self.filter_edit.text():
                self.filter_edit.clear()
                return True
            # keys an open editor lets through (Return ending an edit) are not ours
            if watched is self.view and QApplication.focusWidget() is self.view and \
                    event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier
            ):
                if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                    ids = self._ids_of_view_selection()
                    if ids and not self.model.is_read_only():
                        self.deleteRequested.emit(ids)
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    cur = self.view.currentIndex()
                    if cur.isValid():
                        self.activated.emit(str(cur.data(SEGMENT_ID_ROLE)))
                    return True
        return super().eventFilter(watched, event)


