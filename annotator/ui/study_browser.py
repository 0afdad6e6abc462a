"""The study browser: cases and their sessions, with each coder's progress.

:class:`StudyBrowserModel` turns the store's plain records (sessions, assignments and
whether each session's media file was found) into a case → session tree.
:class:`StudyBrowser` shows it with a filter field. In blind coding the browser shows
other coders' *status* only, never their segments.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from annotator.store.records import AssignmentInfo, SessionInfo
from annotator.ui.i18n import translate

from .segment_table import filter_pattern
from .timeline.theme import LIGHT, Theme

__all__ = [
    "CASE_ROLE",
    "CHIPS_ROLE",
    "DETAIL_ROLE",
    "FILTER_ROLE",
    "KIND_ROLE",
    "MEDIA_ROLE",
    "SESSION_ID_ROLE",
    "StudyBrowser",
    "StudyBrowserModel",
    "format_duration",
    "status_chip",
]

SESSION_ID_ROLE = int(Qt.ItemDataRole.UserRole)
"""Session rows: the session id (``int``). Case rows: ``None``."""
KIND_ROLE = SESSION_ID_ROLE + 1
"""``"case"`` or ``"session"``."""
CASE_ROLE = SESSION_ID_ROLE + 2
"""The case label, on both kinds of rows."""
CHIPS_ROLE = SESSION_ID_ROLE + 3
"""Session rows: ``list[tuple[str text, str status]]``, one per assignment."""
DETAIL_ROLE = SESSION_ID_ROLE + 4
"""The grey text at the right: date and duration, or the case summary."""
MEDIA_ROLE = SESSION_ID_ROLE + 5
"""Session rows: ``"ok"``, ``"missing"``, ``"unchecked"`` or ``"none"`` (no media)."""
FILTER_ROLE = SESSION_ID_ROLE + 6
"""The text the filter field searches."""
OPEN_ROLE = SESSION_ID_ROLE + 7
"""Session rows: ``True`` for the session open in the window."""
_ICON_ROLE = SESSION_ID_ROLE + 8  # the name of the icon set, to set it only on change

_STATUS_MARK = {"submitted": "✓", "in_progress": "●", "assigned": "○"}
_STATUS_WORD = {
    "submitted": str(QT_TRANSLATE_NOOP("StudyBrowser", "submitted")),
    "in_progress": str(QT_TRANSLATE_NOOP("StudyBrowser", "in progress")),
    "assigned": str(QT_TRANSLATE_NOOP("StudyBrowser", "assigned")),
}
_PURPOSE_WORD = {
    "primary": str(QT_TRANSLATE_NOOP("StudyBrowser", "primary")),
    "reliability": str(QT_TRANSLATE_NOOP("StudyBrowser", "reliability")),
    "consensus": str(QT_TRANSLATE_NOOP("StudyBrowser", "consensus")),
}
_PURPOSE_ORDER = {"primary": 0, "reliability": 1, "consensus": 2}
# (text, background, border) per status
_CHIP_COLORS = {
    "submitted": ("#2b6e2f", "#e6f3e6", "#a9d3aa"),
    "in_progress": ("#1e4fc2", "#e8eefc", "#adc2f2"),
    "assigned": ("#5a6272", "#f2f3f5", "#d3d7dd"),
}


def format_duration(ms: int | None) -> str:
    """``48:12`` below an hour, ``1:02:05`` above; ``—`` when unknown."""
    if ms is None:
        return "—"
    s = max(0, ms) // 1000
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"


def status_chip(a: AssignmentInfo) -> str:
    """``"AK ✓ submitted"``, ``"BL (reliability) ● in progress"``, ``"AK ○ assigned"``."""
    who = a.coder if a.purpose == "primary" else f"{a.coder} ({_purpose_word(a.purpose)})"
    mark = _STATUS_MARK.get(a.status, "?")
    return f"{who} {mark} {_status_word(a.status)}"


def _status_word(status: str) -> str:
    word = _STATUS_WORD.get(status)
    return translate("StudyBrowser", word) if word is not None else status


def _purpose_word(purpose: str) -> str:
    word = _PURPOSE_WORD.get(purpose)
    return translate("StudyBrowser", word) if word is not None else purpose


def _media_state(s: SessionInfo, media_ok: Mapping[int, bool]) -> str:
    if s.media is None:
        return "none"
    if s.id not in media_ok:
        return "unchecked"
    return "ok" if media_ok[s.id] else "missing"


def _painted_icon(kind: str, color: str) -> QIcon:
    pm = QPixmap(16, 16)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    c = QColor(color)
    if kind == "media":  # a small film frame with a play triangle
        p.setPen(QPen(c, 1.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(QRectF(1.5, 3.5, 13, 9), 2, 2)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(c)
        p.drawPolygon([QPointF(6.5, 5.5), QPointF(10.5, 8), QPointF(6.5, 10.5)])
    else:  # "duration only": a clock
        p.setPen(QPen(c, 1.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QPointF(8, 8), 6, 6)
        p.drawLine(QPointF(8, 8), QPointF(8, 4.5))
        p.drawLine(QPointF(8, 8), QPointF(10.5, 9.5))
    p.end()
    return QIcon(pm)


class StudyBrowserModel(QStandardItemModel):
    """Cases (sorted by label) with their sessions (by number), one column.

    Case rows show the case label and a summary ("5 sessions · 3/7 submitted"), with a
    warning icon when a session of the case has missing media. Session rows show
    "Session N", the date and duration (:data:`DETAIL_ROLE`), one status chip per
    assignment (:data:`CHIPS_ROLE`; reliability and consensus assignments are marked,
    e.g. "BL (reliability)"), and an icon for the media: a film frame (linked), a
    warning (``QStyle.SP_MessageBoxWarning``, the file was not found; the tooltip says
    "media missing: <relative path>") or a clock (no media: a duration only).

    :meth:`update` changes the tree in place, so views keep their expansion,
    selection and scroll position. Items are read-only.

    Signals: only those of ``QStandardItemModel``.
    """

    def __init__(self, parent: QObject | None = None, *, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self._theme = theme
        self._cases: dict[str, QStandardItem] = {}
        self._sessions: dict[int, QStandardItem] = {}
        self._open: int | None = None
        self._icons: dict[str, QIcon] = {}

    # ------------------------------------------------------------ public API
    def update(
        self,
        sessions: Iterable[SessionInfo],
        assignments: Iterable[AssignmentInfo],
        media_ok: Mapping[int, bool],
    ) -> None:
        """Show these sessions; rows that stay keep their identity."""
        by_case: dict[str, list[SessionInfo]] = defaultdict(list)
        for s in sessions:
            by_case[s.case].append(s)
        by_session: dict[int, list[AssignmentInfo]] = defaultdict(list)
        for a in assignments:
            by_session[a.session_id].append(a)
        keep = {s.id for ss in by_case.values() for s in ss}
        for sid in [i for i in self._sessions if i not in keep]:
            item = self._sessions.pop(sid)
            parent = item.parent() or self.invisibleRootItem()
            parent.removeRow(item.row())
        for case in [c for c in self._cases if c not in by_case]:
            self.removeRow(self._cases.pop(case).row())
        for pos, case in enumerate(sorted(by_case)):
            citem = self._place(self._cases, case, self.invisibleRootItem(), pos)
            ordered = sorted(by_case[case], key=lambda s: (s.number, s.id))
            for spos, s in enumerate(ordered):
                sitem = self._place(self._sessions, s.id, citem, spos)
                self._fill_session(sitem, s, by_session.get(s.id, []), media_ok)
            self._fill_case(citem, case, ordered, by_session, media_ok)

    def set_open_session(self, session_id: int | None) -> None:
        """Mark the session open in the window (shown in bold); ``None``: none."""
        old, self._open = self._open, session_id
        for sid in (old, session_id):
            item = self._sessions.get(sid) if sid is not None else None
            if item is not None:
                item.setData(sid == session_id, OPEN_ROLE)

    def session_index(self, session_id: int) -> QModelIndex:
        item = self._sessions.get(session_id)
        return item.index() if item is not None else QModelIndex()

    def case_index(self, case: str) -> QModelIndex:
        item = self._cases.get(case)
        return item.index() if item is not None else QModelIndex()

    def session_ids(self) -> list[int]:
        return list(self._sessions)

    def icon(self, name: str) -> QIcon:
        """``"media"``, ``"none"`` or ``"warning"``."""
        icon = self._icons.get(name)
        if icon is None:
            if name == "warning":
                icon = QApplication.style().standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxWarning)
            else:
                icon = _painted_icon(name, self._theme.ruler_tick)
            self._icons[name] = icon
        return icon

    # ------------------------------------------------------------ internals
    def _place(self, items: dict[Any, QStandardItem], key: Any, parent: QStandardItem,
               pos: int) -> QStandardItem:
        """The item for ``key`` as row ``pos`` of ``parent`` (created or moved there)."""
        item = items.get(key)
        if item is not None and (item.parent() or self.invisibleRootItem()) is parent \
                and item.row() == pos:
            return item
        if item is not None:  # moved: to another case, or renumbered
            old_parent = item.parent() or self.invisibleRootItem()
            taken = old_parent.takeRow(item.row())
            item = taken[0]
        else:
            item = QStandardItem()
            item.setEditable(False)
            items[key] = item
        parent.insertRow(pos, [item])
        return item

    @staticmethod
    def _set(item: QStandardItem, role: int, value: Any) -> None:
        if item.data(role) != value:
            item.setData(value, role)

    def _fill_session(
        self, item: QStandardItem, s: SessionInfo, assigns: list[AssignmentInfo],
        media_ok: Mapping[int, bool],
    ) -> None:
        media = _media_state(s, media_ok)
        assigns = sorted(assigns, key=lambda a: (_PURPOSE_ORDER.get(a.purpose, 9), a.coder))
        chips = [(status_chip(a), a.status) for a in assigns]
        detail = " · ".join(x for x in (s.date, format_duration(s.duration_ms)) if x)
        title = translate("StudyBrowserModel", "Session {number}").format(number=s.number)
        tip = [f"{s.case} · {title}"]
        if s.date:
            tip.append(translate("StudyBrowserModel", "Date {date}").format(date=s.date))
        duration = format_duration(s.duration_ms)
        if media == "none":
            tip.append(translate(
                "StudyBrowserModel", "Duration {duration} (no media: duration only)"
            ).format(duration=duration))
        else:
            tip.append(
                translate("StudyBrowserModel", "Duration {duration}").format(duration=duration))
        tip += [f"{a.coder}: {_status_word(a.status)} ({_purpose_word(a.purpose)})"
                for a in assigns] or [translate("StudyBrowserModel", "No coder assigned")]
        if media == "missing" and s.media is not None:
            tip.append(
                translate("StudyBrowserModel", "media missing: {path}").format(path=s.media.path))
        elif media == "unchecked" and s.media is not None:
            tip.append(translate("StudyBrowserModel", "media: {path} (not checked yet)").format(
                path=s.media.path))
        search = [s.case, title, s.date or "", *(c for c, _ in chips)]
        if media == "missing":
            search.append(translate("StudyBrowserModel", "media missing"))
        elif media == "none":
            search.append(translate("StudyBrowserModel", "no media"))
        self._set(item, Qt.ItemDataRole.DisplayRole, title)
        self._set(item, SESSION_ID_ROLE, s.id)
        self._set(item, KIND_ROLE, "session")
        self._set(item, CASE_ROLE, s.case)
        self._set(item, CHIPS_ROLE, chips)
        self._set(item, DETAIL_ROLE, detail)
        self._set(item, MEDIA_ROLE, media)
        self._set(item, FILTER_ROLE, "\n".join(search))
        self._set(item, OPEN_ROLE, s.id == self._open)
        self._set(item, Qt.ItemDataRole.ToolTipRole, "\n".join(tip))
        icon = {"missing": "warning", "none": "none"}.get(media, "media")
        if item.data(_ICON_ROLE) != icon:
            item.setData(icon, _ICON_ROLE)
            item.setIcon(self.icon(icon))

    def _fill_case(
        self, item: QStandardItem, case: str, sessions: list[SessionInfo],
        by_session: Mapping[int, list[AssignmentInfo]], media_ok: Mapping[int, bool],
    ) -> None:
        assigns = [a for s in sessions for a in by_session.get(s.id, [])]
        done = sum(a.status == "submitted" for a in assigns)
        missing = sum(_media_state(s, media_ok) == "missing" for s in sessions)
        n = len(sessions)
        detail = (translate("StudyBrowserModel", "{n} session") if n == 1
                  else translate("StudyBrowserModel", "{n} sessions")).format(n=n)
        if assigns:
            detail += " · " + translate("StudyBrowserModel", "{done}/{total} submitted").format(
                done=done, total=len(assigns))
        tip = [translate("StudyBrowserModel", "Case {case}: {detail}").format(
            case=case, detail=detail)]
        if missing:
            with_missing = (
                translate("StudyBrowserModel", "{n} session with missing media") if missing == 1
                else translate("StudyBrowserModel", "{n} sessions with missing media"))
            tip.append(with_missing.format(n=missing))
        self._set(item, Qt.ItemDataRole.DisplayRole, case)
        self._set(item, SESSION_ID_ROLE, None)
        self._set(item, KIND_ROLE, "case")
        self._set(item, CASE_ROLE, case)
        self._set(item, DETAIL_ROLE, detail)
        self._set(item, FILTER_ROLE, case)
        self._set(item, Qt.ItemDataRole.ToolTipRole, "\n".join(tip))
        bold = QFont()
        bold.setBold(True)
        if item.data(Qt.ItemDataRole.FontRole) is None:
            item.setFont(bold)
        icon = "warning" if missing else ""
        if item.data(_ICON_ROLE) != icon:
            item.setData(icon, _ICON_ROLE)
            item.setIcon(self.icon("warning") if missing else QIcon())


class _Delegate(QStyledItemDelegate):
    """Paints case rows (label, summary) and session rows (two lines: title, date and
    duration; then the status chips, wrapped to the width)."""

    PAD = 4
    ICON = 16
    GAP = 4

    def __init__(self, view: QTreeView, theme: Theme) -> None:
        super().__init__(view)
        self._view = view
        self._theme = theme

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() - 1))
        return base, bold, small

    def _line_height(self, option: QStyleOptionViewItem) -> int:
        return max(self.ICON, QFontMetrics(option.font).height()) + 2 * self.PAD

    def _chip_rects(self, small: QFont, chips: list[tuple[str, str]], x0: int, width: int,
                    top: int) -> list[QRect]:
        fm = QFontMetrics(small)
        h = fm.height() + 4
        rects: list[QRect] = []
        x, y = x0, top
        for text, _status in chips:
            w = min(fm.horizontalAdvance(text) + 12, max(20, width))
            if rects and x + w > x0 + width:
                x, y = x0, y + h + 3
            # a chip wider than the row wraps its text onto more lines, never cuts it
            ch = h
            if fm.horizontalAdvance(text) > w - 8:
                ch = max(h, fm.boundingRect(0, 0, max(1, w - 8), 10_000,
                                            int(Qt.TextFlag.TextWordWrap), text).height() + 4)
            rects.append(QRect(x, y, w, ch))
            x += w + self.GAP
            if ch > h:
                x, y = x0, y + ch + 3
        return rects

    def _detail_below(self, option: QStyleOptionViewItem,
                      index: QModelIndex | QPersistentModelIndex, width: int) -> bool:
        """Whether a session's date and duration go on a line of their own (they do not
        fit beside its title in ``width`` px)."""
        _, bold, small = self._fonts(option)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        detail = str(index.data(DETAIL_ROLE) or "")
        need = QFontMetrics(bold).horizontalAdvance(title) + 10 + \
            QFontMetrics(small).horizontalAdvance(detail)
        return bool(detail) and need > width

    def _text_x(self) -> int:
        return self.PAD + self.ICON + 6

    def cut_off(self, index: QModelIndex | QPersistentModelIndex) -> list[str]:
        """The texts of a row that would not show in full at the view's current width
        (for layout checks): the detail beside or under the title, and each chip."""
        option = QStyleOptionViewItem()
        option.initFrom(self._view)
        option.font = self._view.font()
        rect = self._view.visualRect(self._view.model().index(index.row(), 0, index.parent()))
        _, bold, small = self._fonts(option)
        sfm = QFontMetrics(small)
        room = rect.width() - self._text_x() - 6
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        detail = str(index.data(DETAIL_ROLE) or "")
        problems = []
        is_session = index.data(KIND_ROLE) == "session"
        beside = QFontMetrics(bold).horizontalAdvance(title) + 10 + sfm.horizontalAdvance(detail)
        if beside > room and not (is_session and self._detail_below(option, index, room)):
            problems.append(detail)
        if is_session and sfm.horizontalAdvance(detail) > room:
            problems.append(detail)
        if is_session:
            chips = index.data(CHIPS_ROLE) or []
            rects = self._chip_rects(small, chips, 0, room, 0)
            for r, (text, _status) in zip(rects, chips, strict=True):
                need = sfm.boundingRect(0, 0, max(1, r.width() - 8), 10_000,
                                        int(Qt.TextFlag.TextWordWrap), text)
                if need.height() > r.height() - 2 or r.right() > room:
                    problems.append(text)
        return problems

    def _row_x(self, index: QModelIndex | QPersistentModelIndex) -> int:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        v = self._view
        return v.indentation() * (depth + (1 if v.rootIsDecorated() else 0))

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = self._line_height(option)
        if index.data(KIND_ROLE) != "session":
            return QSize(100, line + 2)
        chips = index.data(CHIPS_ROLE) or []
        width = self._view.viewport().width() - self._row_x(index)
        _, _, small = self._fonts(option)
        room = width - self._text_x() - 6
        detail_h = QFontMetrics(small).height() + 2 if self._detail_below(
            option, index, room) else 0
        rects = self._chip_rects(small, chips, self._text_x(), room, 0)
        chips_h = rects[-1].bottom() + 1 if rects else 0
        return QSize(100, line + detail_h + chips_h + self.PAD + (1 if rects else 0))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        deco = index.data(Qt.ItemDataRole.DecorationRole)
        icon = deco if isinstance(deco, QIcon) else QIcon()
        opt.text = ""
        opt.icon = QIcon()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        r = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        th = self._theme
        text_color = opt.palette.highlightedText().color() if selected else QColor(th.label_text)
        grey = opt.palette.highlightedText().color() if selected else QColor(th.ruler_tick)
        base, bold, small = self._fonts(option)
        line = self._line_height(option)
        painter.save()
        is_session = index.data(KIND_ROLE) == "session"
        if not icon.isNull():
            iy = r.top() + (line - self.ICON) // 2
            icon.paint(painter, QRect(r.left() + self.PAD, iy, self.ICON, self.ICON))
        title_font = bold if (not is_session or index.data(OPEN_ROLE)) else base
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        detail = str(index.data(DETAIL_ROLE) or "")
        tx = r.left() + (self._text_x() if is_session or not icon.isNull() else self.PAD)
        title_w = QFontMetrics(title_font).horizontalAdvance(title)
        line_rect = QRect(tx, r.top(), r.right() - tx - 6, line)
        painter.setFont(title_font)
        painter.setPen(text_color)
        painter.drawText(line_rect, Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(small)
        painter.setPen(grey)
        room = line_rect.width() - title_w - 10
        sfm = QFontMetrics(small)
        chips_top = r.top() + line
        if is_session and self._detail_below(option, index, r.width() - self._text_x() - 6):
            # not beside the title: on a line of its own, in full
            below = QRect(tx, r.top() + line - self.PAD, line_rect.width(), sfm.height() + 2)
            painter.drawText(below, Qt.AlignmentFlag.AlignVCenter, detail)
            chips_top = below.bottom() + 1 + self.PAD
        else:
            painter.drawText(line_rect,
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             sfm.elidedText(detail, Qt.TextElideMode.ElideLeft, max(0, room)))
        if is_session:
            chips = index.data(CHIPS_ROLE) or []
            rects = self._chip_rects(small, chips, tx, r.right() - tx - 6, chips_top)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for rect, (text, status) in zip(rects, chips, strict=True):
                fg, bg, border = _CHIP_COLORS.get(status, _CHIP_COLORS["assigned"])
                rf = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
                painter.setPen(QPen(QColor(border), 1))
                painter.setBrush(QColor(bg))
                painter.drawRoundedRect(rf, rf.height() / 2, rf.height() / 2)
                painter.setPen(QColor(fg))
                flags = Qt.AlignmentFlag.AlignCenter
                if sfm.horizontalAdvance(text) > rect.width() - 8:  # only when clamped
                    flags |= Qt.TextFlag.TextWordWrap  # type: ignore[operator]
                painter.drawText(rect.adjusted(4, 0, -4, 0), flags, text)
        painter.restore()


class _Tree(QTreeView):
    """A tree view whose two-line rows re-flow their chips when the width changes."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.scheduleDelayedItemsLayout()


class StudyBrowser(QWidget):
    """The study's cases and sessions, with a filter field; opens sessions.

    The filter keeps the cases and sessions whose text contains every word typed:
    case label, "Session N", date, coder ids and statuses ("BL", "submitted",
    "reliability"), "media missing", "no media". A matching case shows all its
    sessions. Esc in the field clears it.

    Double-click or Enter on a session opens it (``sessionActivated``). The context menu
    of a session has "Open session" and "Relink media…" (enabled when its media file
    is missing). :meth:`refresh` updates the tree in place: expanded cases, the
    selection and the scroll position stay.

    Signals:

    - ``sessionActivated(int session_id)``: double-click or Enter on a session, or
      "Open session" in its context menu.
    - ``relinkRequested(int session_id)``: "Relink media…" in a session's context menu.
    - ``currentSessionChanged(int session_id)``: the user moved the current row to
      another session (``-1``: to a case row or to nothing). Not emitted by
      :meth:`select_session`, nor when the filter hides the current row.
    """

    sessionActivated = Signal(int)
    relinkRequested = Signal(int)
    currentSessionChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self._silent = 0
        self._current = -1
        self.context_menu: QMenu | None = None
        self.model = StudyBrowserModel(self, theme=theme)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(FILTER_ROLE)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(
            translate("StudyBrowser", "Filter: case, coder, status"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_text_changed)
        self.filter_edit.installEventFilter(self)

        v = self.view = _Tree(self)
        v.setModel(self.proxy)
        v.setHeaderHidden(True)
        v.setUniformRowHeights(False)
        v.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        v.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        v.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        v.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        v.setIndentation(14)
        v.setItemDelegate(_Delegate(v, theme))
        v.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        v.customContextMenuRequested.connect(self._on_context_menu_requested)
        v.doubleClicked.connect(self._on_double_clicked)
        v.selectionModel().currentChanged.connect(self._on_current_changed)
        v.installEventFilter(self)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.filter_edit)
        lay.addWidget(v, 1)

    # ------------------------------------------------------------ public API
    def refresh(
        self,
        sessions: Iterable[SessionInfo],
        assignments: Iterable[AssignmentInfo],
        media_ok: Mapping[int, bool],
    ) -> None:
        """Show the study's current sessions, assignments and media state.

        ``media_ok`` maps a session id to whether its media file was found; sessions
        with media but no entry show no warning (not checked yet).
        """
        self.model.update(sessions, assignments, media_ok)
        self._sync_current(emit=True)

    def set_open_session(self, session_id: int | None) -> None:
        """Show this session's title in bold (the session open in the window)."""
        self.model.set_open_session(session_id)

    def current_session(self) -> int | None:
        """The session of the current row, or ``None`` on a case row or nothing."""
        sid = self.view.currentIndex().data(SESSION_ID_ROLE)
        return int(sid) if sid is not None else None

    def select_session(self, session_id: int) -> bool:
        """Make a session current and visible (expanding its case) without emitting
        ``currentSessionChanged``. False if it is unknown or hidden by the filter."""
        idx = self.proxy.mapFromSource(self.model.session_index(session_id))
        if not idx.isValid():
            return False
        self._silent += 1
        try:
            self.view.expand(idx.parent())
            self.view.setCurrentIndex(idx)
            self.view.scrollTo(idx)
        finally:
            self._silent -= 1
        self._current = session_id
        return True

    def expand_case(self, case: str, expanded: bool = True) -> None:
        idx = self.proxy.mapFromSource(self.model.case_index(case))
        if idx.isValid():
            self.view.setExpanded(idx, expanded)

    def expanded_cases(self) -> set[str]:
        out: set[str] = set()
        for r in range(self.proxy.rowCount()):
            idx = self.proxy.index(r, 0)
            if self.view.isExpanded(idx):
                out.add(str(idx.data(CASE_ROLE)))
        return out

    def filter_text(self) -> str:
        return self.filter_edit.text()

    def set_filter_text(self, text: str) -> None:
        self.filter_edit.setText(text)

    def session_rect(self, session_id: int) -> QRect:
        """Where a session's row is, in viewport coordinates (empty if not shown)."""
        idx = self.proxy.mapFromSource(self.model.session_index(session_id))
        return self.view.visualRect(idx) if idx.isValid() else QRect()

    def visible_sessions(self) -> list[int]:
        """Session ids the filter lets through, in tree order."""
        out: list[int] = []
        for r in range(self.proxy.rowCount()):
            case = self.proxy.index(r, 0)
            for k in range(self.proxy.rowCount(case)):
                out.append(int(self.proxy.index(k, 0, case).data(SESSION_ID_ROLE)))
        return out

    # ------------------------------------------------------------ slots
    def _session_at(self, index: QModelIndex | QPersistentModelIndex) -> int | None:
        if not index.isValid() or index.data(KIND_ROLE) != "session":
            return None
        return int(index.data(SESSION_ID_ROLE))

    def _sync_current(self, *, emit: bool) -> None:
        sid = self.current_session()
        now = -1 if sid is None else sid
        if now != self._current:
            self._current = now
            if emit and not self._silent:
                self.currentSessionChanged.emit(now)

    def _on_current_changed(self, _cur: QModelIndex, _prev: QModelIndex) -> None:
        self._sync_current(emit=True)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        sid = self._session_at(index)
        if sid is not None:
            self.sessionActivated.emit(sid)

    def _on_filter_text_changed(self, text: str) -> None:
        self._silent += 1
        try:
            self.proxy.setFilterRegularExpression(filter_pattern(text))
            if text.strip():
                self.view.expandAll()
        finally:
            self._silent -= 1
        self._sync_current(emit=False)

    def _on_context_menu_requested(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        sid = self._session_at(index)
        if sid is None:
            return
        menu = self.build_context_menu(index)
        self.context_menu = menu
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def build_context_menu(self, index: QModelIndex | QPersistentModelIndex) -> QMenu:
        """The context menu of a session row (view index)."""
        sid = self._session_at(index)
        assert sid is not None
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        open_action = menu.addAction(translate("StudyBrowser", "Open session"))
        open_action.triggered.connect(lambda: self.sessionActivated.emit(sid))
        relink = menu.addAction(translate("StudyBrowser", "Relink media…"))
        relink.setEnabled(index.data(MEDIA_ROLE) == "missing")
        relink.triggered.connect(lambda: self.relinkRequested.emit(sid))
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.filter_edit and key == Qt.Key.Key_Escape and self.filter_edit.text():
                self.filter_edit.clear()
                return True
            if watched is self.view and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                sid = self._session_at(self.view.currentIndex())
                if sid is not None:
                    self.sessionActivated.emit(sid)
                    return True
        return super().eventFilter(watched, event)

