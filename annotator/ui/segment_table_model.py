"""The segment table's model: one session's segments as rows for a Qt view.

:class:`SegmentTableModel` is a thin Qt adapter over a plain list of
:class:`~annotator.core.segments.SegmentView` and a :class:`~annotator.core.codebook.Codebook`.
It never writes to the study: an edit in a cell becomes an ``editRequested`` signal,
and the application reflects the outcome back with :meth:`SegmentTableModel.upsert`.
The widget around it is :mod:`annotator.ui.segment_table`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import IntEnum
from typing import Any

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPixmap,
)

from annotator.core.codebook import Code, Codebook
from annotator.core.segments import SegmentView
from annotator.core.timefmt import format_seconds, format_tc, parse_time
from annotator.ui.i18n import translate

from .timeline.theme import LIGHT, Theme

SEGMENT_ID_ROLE = int(Qt.ItemDataRole.UserRole)
"""The segment id (``str``), in every column."""
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""What the proxy sorts by: milliseconds for the time columns, folded text otherwise."""
FILTER_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""The text the filter field searches: code label and id, category, note, coder."""

_DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT_ROLE = Qt.ItemDataRole.EditRole


class Column(IntEnum):
    CODE = 0
    CATEGORY = 1
    START = 2
    END = 3
    DURATION = 4
    NOTE = 5


HEADERS: dict[Column, str] = {
    Column.CODE: str(QT_TRANSLATE_NOOP("SegmentTableModel", "Code")),
    Column.CATEGORY: str(QT_TRANSLATE_NOOP("SegmentTableModel", "Category")),
    Column.START: str(QT_TRANSLATE_NOOP("SegmentTableModel", "Start")),
    Column.END: str(QT_TRANSLATE_NOOP("SegmentTableModel", "End")),
    Column.DURATION: str(QT_TRANSLATE_NOOP("SegmentTableModel", "Duration")),
    Column.NOTE: str(QT_TRANSLATE_NOOP("SegmentTableModel", "Note")),
}
"""The column headers, marked for translation: shown as ``translate("SegmentTableModel", h)``."""
TIME_COLUMNS = (Column.START, Column.END, Column.DURATION)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT_ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def filter_pattern(text: str) -> QRegularExpression:
    """A case-insensitive pattern matching text that contains every word of ``text``."""
    words = text.split()
    pattern = "".join(f"(?=.*{re.escape(w)})" for w in words)
    opts = (
        QRegularExpression.PatternOption.CaseInsensitiveOption
        | QRegularExpression.PatternOption.DotMatchesEverythingOption
        | QRegularExpression.PatternOption.UseUnicodePropertiesOption
    )
    return QRegularExpression("^" + pattern if words else "", opts)


def swatch_icon(color: str, size: int = 12) -> QIcon:
    """A small rounded colour chip, as the timeline draws its segments."""
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    c = QColor(color)
    p.setPen(c.darker(140))
    p.setBrush(c)
    p.drawRoundedRect(QRectF(0.5, 0.5, size - 1.0, size - 1.0), 2.5, 2.5)
    p.end()
    return QIcon(pm)


class SegmentTableModel(QAbstractTableModel):
    """Segments of one session as table rows; edits become requests, never writes.

    Columns (:class:`Column`): Code (label in the chosen language, colour chip as
    decoration), Category, Start and End (``HH:MM:SS.mmm``), Duration (seconds; "point"
    for point codes), Note. Every cell answers :data:`SEGMENT_ID_ROLE` (also
    ``Qt.UserRole``) with the segment id, :data:`SORT_ROLE` with a sort key (integer
    milliseconds for the time columns) and :data:`FILTER_ROLE` with the searchable text.

    Rows stay in the order the segments were given (sort with a proxy). The model keeps
    its list in step with the application through :meth:`set_segments`, :meth:`upsert`
    and :meth:`remove`; it holds no database handle.

    Editing (unless :meth:`set_read_only`): Code (an id of the codebook; use
    :class:`CodeComboDelegate`), Start and End (seconds such as ``12.5`` or
    ``[HH:]MM:SS[.mmm]``), Note. The End of a point code is not editable; editing the
    Start of a point code moves its end with it. :meth:`setData` checks what it can
    locally (time format, end not before start, point codes start == end, code known)
    and then asks for the change without applying it. The application applies it and
    calls :meth:`upsert` with the stored segment, or with the original one if the store
    refused it.

    Signals:

    - ``editRequested(str segment_id, dict changes)``: the user edited a cell and the
      edit passed the local checks. ``changes`` has one or more of the keys ``code``
      (str), ``start_ms``, ``end_ms`` (int) and ``note`` (str). Nothing has changed in
      the model yet.
    - ``editRejected(str message)``: the user's edit failed a local check (bad time text,
      end before start, ...). ``message`` says why, in a sentence for the status bar.
    """

    editRequested = Signal(str, dict)
    editRejected = Signal(str)

    def __init__(
        self,
        codebook: Codebook | None = None,
        parent: QObject | None = None,
        *,
        language: str = "en",
        theme: Theme = LIGHT,
    ) -> None:
        super().__init__(parent)
        self._codebook = codebook
        self._lang = language
        self._theme = theme
        self._rows: list[SegmentView] = []
        self._row_of: dict[str, int] = {}
        self._read_only = False
        self._icons: dict[str, QIcon] = {}
        # playhead highlight: rows containing the playhead, and the time window
        # [lo, hi) in which that set cannot change (between two segment boundaries)
        self._playhead: int | None = None
        self._ph_rows: frozenset[int] = frozenset()
        self._ph_window: tuple[float, float] | None = None
        self._times_valid = False  # _starts/_ends mirror the rows (kept up to date per edit)
        self._starts: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self._ends: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self._bold = QFont()
        self._bold.setBold(True)

    # ------------------------------------------------------------ content
    def codebook(self) -> Codebook | None:
        return self._codebook

    def set_codebook(self, codebook: Codebook | None) -> None:
        """Use another codebook for labels, colours and the code editor."""
        self._codebook = codebook
        self._icons.clear()
        self._all_changed()

    def language(self) -> str:
        return self._lang

    def set_language(self, language: str) -> None:
        """Show code and category labels in ``language`` (e.g. ``"en"``, ``"nb"``)."""
        if language != self._lang:
            self._lang = language
            self._all_changed()

    def is_read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        """A read-only table has no editable cells (e.g. a submitted coding)."""
        self._read_only = read_only

    def set_segments(self, segments: Iterable[SegmentView]) -> None:
        """Replace all rows."""
        self.beginResetModel()
        self._rows = list(segments)
        self._reindex()
        self.endResetModel()

    def segments(self) -> list[SegmentView]:
        """The segments in row order (a copy)."""
        return list(self._rows)

    def upsert(self, seg: SegmentView) -> None:
        """Replace the segment with ``seg.id`` (same row), or append it as a new row."""
        row = self._row_of.get(seg.id)
        if row is None:
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(seg)
            self._row_of[seg.id] = row
            if self._times_valid:
                self._starts = np.append(self._starts, seg.start_ms)
                self._ends = np.append(self._ends, seg.end_ms)
            self._geometry_changed()
            self.endInsertRows()
            return
        self._rows[row] = seg
        if self._times_valid:
            self._starts[row] = seg.start_ms
            self._ends[row] = seg.end_ms
        self._geometry_changed()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def remove(self, ids: Iterable[str]) -> None:
        """Remove the rows of these segment ids (unknown ids are ignored)."""
        rows = sorted({self._row_of[i] for i in ids if i in self._row_of}, reverse=True)
        if not rows:
            return
        # one removal per run of consecutive rows, from the bottom up
        runs: list[tuple[int, int]] = []
        for r in rows:
            if runs and runs[-1][0] == r + 1:
                runs[-1] = (r, runs[-1][1])
            else:
                runs.append((r, r))
        for first, last in runs:
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self._reindex()
            self.endRemoveRows()

    def segment_at(self, row: int) -> SegmentView:
        """The segment shown in ``row`` (source model row)."""
        return self._rows[row]

    def segment(self, segment_id: str) -> SegmentView | None:
        row = self._row_of.get(segment_id)
        return None if row is None else self._rows[row]

    def row_of(self, segment_id: str) -> int | None:
        """The source row of a segment id, or ``None``."""
        return self._row_of.get(segment_id)

    def code_of(self, seg: SegmentView) -> Code | None:
        cb = self._codebook
        if cb is None or not cb.has_code(seg.code):
            return None
        return cb.code(seg.code)

    def _reindex(self) -> None:
        self._row_of = {s.id: i for i, s in enumerate(self._rows)}
        self._times_valid = False
        self._geometry_changed()

    def _all_changed(self) -> None:
        if self._rows:
            last = self.index(len(self._rows) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # ------------------------------------------------------------ playhead
    def playhead_rows(self) -> frozenset[int]:
        """Rows whose segment contains the playhead (shown in bold)."""
        return self._ph_rows

    def set_playhead(self, ms: int | None) -> None:
        """Bold the rows whose segment contains ``ms`` (``None``: none).

        Cheap to call on every frame: while the playhead stays between the same two
        segment boundaries nothing is computed.
        """
        self._playhead = ms
        if ms is None:
            self._set_playhead_rows(frozenset())
            self._ph_window = None
            return
        win = self._ph_window
        if win is not None and win[0] <= ms < win[1]:
            return
        if not self._times_valid:
            self._starts = np.fromiter((s.start_ms for s in self._rows), np.int64, len(self._rows))
            self._ends = np.fromiter((s.end_ms for s in self._rows), np.int64, len(self._rows))
            self._times_valid = True
        st, en = self._starts, self._ends
        inside = np.flatnonzero((st <= ms) & (ms < en))
        # the window between the nearest segment boundaries around ms: vectorised, so an
        # edit costs no re-sort of every boundary
        below = np.concatenate((st[st <= ms], en[en <= ms]))
        above = np.concatenate((st[st > ms], en[en > ms]))
        lo = float(below.max()) if below.size else float("-inf")
        hi = float(above.min()) if above.size else float("inf")
        self._ph_window = (lo, hi)
        self._set_playhead_rows(frozenset(inside.tolist()))

    def _set_playhead_rows(self, rows: frozenset[int]) -> None:
        changed = rows ^ self._ph_rows
        self._ph_rows = rows
        last = len(Column) - 1
        for r in sorted(changed):
            if r < len(self._rows):
                self.dataChanged.emit(self.index(r, 0), self.index(r, last),
                                      [Qt.ItemDataRole.FontRole])

    def _geometry_changed(self) -> None:
        """Segments moved: forget the playhead window and recompute the bold rows."""
        self._ph_window = None
        if self._playhead is not None:
            self.set_playhead(self._playhead)
        elif self._ph_rows:
            self._ph_rows = frozenset(r for r in self._ph_rows if r < len(self._rows))

    # ------------------------------------------------------------ Qt model API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        col = Column(section)
        if role == _DISPLAY:
            return translate("SegmentTableModel", HEADERS[col])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col in TIME_COLUMNS else LEFT_ALIGN
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._read_only:
            return base
        col = Column(index.column())
        seg = self._rows[index.row()]
        if col in (Column.CODE, Column.START, Column.NOTE):
            return base | Qt.ItemFlag.ItemIsEditable
        if col == Column.END and not self._is_point(seg):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        seg = self._rows[index.row()]
        col = Column(index.column())
        if role == _DISPLAY:
            return self._display(seg, col)
        if role == EDIT_ROLE:
            return self._edit_text(seg, col)
        if role == SEGMENT_ID_ROLE:
            return seg.id
        if role == SORT_ROLE:
            return self._sort_key(seg, col)
        if role == FILTER_ROLE:
            return self._filter_text(seg)
        if role == Qt.ItemDataRole.DecorationRole and col == Column.CODE:
            return self._icon(seg)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col in TIME_COLUMNS else LEFT_ALIGN
        if role == Qt.ItemDataRole.FontRole and index.row() in self._ph_rows:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(seg, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(seg, col)
        return None

    # ------------------------------------------------------------ cell texts
    def _is_point(self, seg: SegmentView) -> bool:
        code = self.code_of(seg)
        return code.kind == "point" if code is not None else seg.start_ms == seg.end_ms

    def _display(self, seg: SegmentView, col: Column) -> str:
        code = self.code_of(seg)
        if col == Column.CODE:
            return code.label_in(self._lang) if code is not None else seg.code
        if col == Column.CATEGORY:
            return self._category_label(seg) or translate("SegmentTableModel", "not in codebook")
        if col == Column.START:
            return format_tc(seg.start_ms)
        recording = bool(seg.modifiers.get("open"))  # a code being recorded right now
        if col == Column.END:
            if recording:
                return "● " + translate("SegmentTableModel", "recording")
            return "" if self._is_point(seg) else format_tc(seg.end_ms)
        if col == Column.DURATION:
            if recording:
                return "…"
            if self._is_point(seg):
                return translate("SegmentTableModel", "point")
            return translate("SegmentTableModel", "{seconds} s").format(
                seconds=format_seconds(seg.end_ms - seg.start_ms))
        return seg.note.replace("\n", " ")

    def _category_label(self, seg: SegmentView) -> str:
        cb = self._codebook
        if cb is None or not cb.has_code(seg.code):
            return ""
        return cb.category_of(seg.code).label_in(self._lang)

    def _edit_text(self, seg: SegmentView, col: Column) -> str:
        if col == Column.CODE:
            return seg.code
        if col == Column.START:
            return format_tc(seg.start_ms)
        if col == Column.END:
            return format_tc(seg.end_ms)
        if col == Column.NOTE:
            return seg.note
        return self._display(seg, col)

    def _sort_key(self, seg: SegmentView, col: Column) -> Any:
        if col == Column.START:
            return seg.start_ms
        if col == Column.END:
            return seg.end_ms
        if col == Column.DURATION:
            return seg.end_ms - seg.start_ms
        return self._display(seg, col).casefold()

    def _filter_text(self, seg: SegmentView) -> str:
        code = self.code_of(seg)
        label = code.label_in(self._lang) if code is not None else ""
        return "\n".join((label, seg.code, self._category_label(seg), seg.note, seg.coder))

    def _icon(self, seg: SegmentView) -> QIcon:
        code = self.code_of(seg)
        color = code.color if code is not None else "#9aa0aa"
        icon = self._icons.get(color)
        if icon is None:
            icon = self._icons[color] = swatch_icon(color)
        return icon

    def _foreground(self, seg: SegmentView, col: Column) -> QColor | None:
        if self.code_of(seg) is None and col in (Column.CODE, Column.CATEGORY):
            return QColor(self._theme.playhead)
        if col == Column.DURATION and self._is_point(seg):
            return QColor(self._theme.ruler_tick)
        return None

    def _tooltip(self, seg: SegmentView, col: Column) -> str | None:
        code = self.code_of(seg)
        if col == Column.NOTE:
            return seg.note or None
        if col in (Column.CODE, Column.CATEGORY):
            if code is None:
                return translate(
                    "SegmentTableModel", "The code {code} is not in this codebook."
                ).format(code=repr(seg.code))
            lines = [f"{code.label_in(self._lang)}  ({code.id})", self._category_label(seg)]
            if seg.coder:
                lines.append(
                    translate("SegmentTableModel", "Coder {coder}").format(coder=seg.coder))
            return "\n".join(lines)
        if col == Column.END and self._is_point(seg):
            return translate("SegmentTableModel", "A point code has no end.")
        return None

    # ------------------------------------------------------------ editing
    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = EDIT_ROLE
    ) -> bool:
        if role != EDIT_ROLE or not index.isValid() or self._read_only:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        seg = self._rows[index.row()]
        try:
            changes = self._changes(seg, Column(index.column()), value)
        except ValueError as exc:
            self.editRejected.emit(str(exc))
            return False
        if not changes:
            return False
        self.editRequested.emit(seg.id, changes)
        return True

    def _changes(self, seg: SegmentView, col: Column, value: Any) -> dict[str, Any]:
        """What an edit of ``col`` to ``value`` asks to change; raises ``ValueError``."""
        if col == Column.NOTE:
            note = "" if value is None else str(value)
            return {} if note == seg.note else {"note": note}
        if col == Column.CODE:
            return self._code_change(seg, str(value or "").strip())
        text = "" if value is None else str(value)
        start = col == Column.START
        if not text.strip():
            raise ValueError(translate(
                "SegmentTableModel", "Enter a start time: seconds (12.345) or HH:MM:SS.mmm."
            ) if start else translate(
                "SegmentTableModel", "Enter an end time: seconds (12.345) or HH:MM:SS.mmm."))
        try:
            ms = parse_time(text)
        except ValueError as exc:
            invalid = (translate("SegmentTableModel", "Invalid start time: {error}") if start
                       else translate("SegmentTableModel", "Invalid end time: {error}"))
            raise ValueError(invalid.format(error=exc)) from None
        if col == Column.START:
            if self._is_point(seg):
                return {} if ms == seg.start_ms else {"start_ms": ms, "end_ms": ms}
            if ms > seg.end_ms:
                raise ValueError(translate(
                    "SegmentTableModel", "The start {start} would be after the end {end}."
                ).format(start=format_tc(ms), end=format_tc(seg.end_ms)))
            return {} if ms == seg.start_ms else {"start_ms": ms}
        if ms < seg.start_ms:
            raise ValueError(translate(
                "SegmentTableModel", "The end {end} would be before the start {start}."
            ).format(end=format_tc(ms), start=format_tc(seg.start_ms)))
        return {} if ms == seg.end_ms else {"end_ms": ms}

    def _code_change(self, seg: SegmentView, code_id: str) -> dict[str, Any]:
        if code_id == seg.code:
            return {}
        cb = self._codebook
        if cb is None or not cb.has_code(code_id):
            raise ValueError(translate(
                "SegmentTableModel", "Unknown code {code}: it is not in the codebook."
            ).format(code=repr(code_id)))
        if cb.code(code_id).kind == "point" and seg.end_ms != seg.start_ms:
            label = cb.code(code_id).label_in(self._lang)
            raise ValueError(translate(
                "SegmentTableModel",
                "{label} is a point code; a segment with a duration cannot take it."
            ).format(label=repr(label)))
        return {"code": code_id}

    def code_allowed(self, seg: SegmentView, code: Code) -> bool:
        """Whether ``seg`` may take ``code`` (a point code needs start == end)."""
        return code.kind != "point" or seg.start_ms == seg.end_ms


