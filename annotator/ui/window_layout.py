"""The main window's layout: dock sizes that read well at 1280x720 and grow at
1920x1080, the docked segment list's columns, and saving/restoring all of it.

:class:`WindowLayout` works on a :class:`LayoutHost` (the window's docks, splitter and
table) and the :class:`Settings`. No signals.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter, QTableView, QWidget

from annotator.ui.segment_table import CODE_CELL_EXTRA, Column, SegmentTable
from annotator.ui.settings import Settings


class LayoutHost(Protocol):
    @property
    def main_window(self) -> QMainWindow: ...

    @property
    def browser_dock(self) -> QDockWidget: ...

    @property
    def codes_dock(self) -> QDockWidget: ...

    @property
    def table_dock(self) -> QDockWidget: ...

    @property
    def definition_dock(self) -> QDockWidget: ...

    @property
    def central_split(self) -> QSplitter: ...

    @property
    def table(self) -> SegmentTable: ...


#: from this window width on, the study list is a column of its own (else a tab)
WIDE = 1600
#: shares of the window width for the left (study) and right (codes, segments) docks
LEFT_SHARE, RIGHT_SHARE = 0.19, 0.28
LEFT_MIN, RIGHT_MIN = 240, 340


def dock_widths(window_width: int) -> tuple[int, int]:
    """Left and right dock widths for a wide window: 365/538 px at 1920 (they grow
    with the window, never below what their contents need)."""
    return (max(LEFT_MIN, round(window_width * LEFT_SHARE)),
            max(RIGHT_MIN, round(window_width * RIGHT_SHARE)))


class WindowLayout(QObject):
    """Restores, saves and resets the layout; refits the segment list's columns when
    its dock changes size (unless the user's column widths were restored)."""

    def __init__(self, host: LayoutHost, settings: Settings) -> None:
        super().__init__(host.main_window)
        self.host = host
        self.settings = settings
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_table_columns)
        host.table.view.viewport().installEventFilter(self)
        self.needs_default_sizes = False
        self.table_header_restored = False
        self.has_session = False

    def restore(self) -> None:
        w = self.host.main_window
        geom = self.settings.get("window/geometry")
        state = self.settings.get("window/state")
        split = self.settings.get("window/split")
        if isinstance(geom, QByteArray | bytes):
            w.restoreGeometry(geom)
        else:
            w.resize(1280, 720)
        restored = isinstance(state, QByteArray | bytes) and w.restoreState(state)
        columns = self.settings.get("window/table_header")
        self.table_header_restored = isinstance(columns, QByteArray | bytes) and \
            self.host.table.view.horizontalHeader().restoreState(columns)
        if isinstance(split, QByteArray | bytes):
            self.host.central_split.restoreState(split)
        self.needs_default_sizes = not restored

    def save(self) -> None:
        w = self.host.main_window
        self.settings.set("window/geometry", w.saveGeometry())
        self.settings.set("window/state", w.saveState())
        self.settings.set("window/split", self.host.central_split.saveState())
        self.settings.set("window/table_header",
                          self.host.table.view.horizontalHeader().saveState())

    def shown(self) -> None:
        """Call from ``showEvent``: lays out the docks the first time."""
        if self.needs_default_sizes:
            self.needs_default_sizes = False
            QTimer.singleShot(0, self.default_sizes)

    def default_sizes(self) -> None:
        """Sizes that read well at 1280x720 and grow at 1920x1080.

        A window narrower than :data:`WIDE` px has no room for three columns (the
        player's controls need about 724 px), so the study list becomes a tab beside
        the segment list on the right, which then gets all the width the centre leaves;
        at :data:`WIDE` px and more the study list is a column of its own on the left
        and both side columns grow with the window.
        """
        h = self.host
        w = h.main_window
        width, height = w.width(), w.height()
        if width < WIDE:
            w.tabifyDockWidget(h.table_dock, h.browser_dock)
            # the definition pane (when shown) sits between the codes and the segments
            w.splitDockWidget(h.codes_dock, h.definition_dock, Qt.Orientation.Vertical)
            (h.table_dock if self.has_session else h.browser_dock).raise_()
            centre = max(h.central_split.minimumSizeHint().width(), 600)
            w.resizeDocks([h.codes_dock], [max(RIGHT_MIN, width - centre - 12)],
                          Qt.Orientation.Horizontal)
        else:
            w.splitDockWidget(h.browser_dock, h.definition_dock, Qt.Orientation.Vertical)
            left, right = dock_widths(width)
            w.resizeDocks([h.browser_dock], [left], Qt.Orientation.Horizontal)
            w.resizeDocks([h.codes_dock], [right], Qt.Orientation.Horizontal)
        w.resizeDocks([h.codes_dock, h.table_dock], [height * 46 // 100, height * 54 // 100],
                      Qt.Orientation.Vertical)
        total = h.central_split.height() or height
        h.central_split.setSizes([total * 50 // 100, total * 50 // 100])
        if not self.table_header_restored:
            self._fit_timer.start()  # once the docks have their size

    def tabbed(self) -> bool:
        """Whether the study list shares the right column with the segment list."""
        return self.host.browser_dock in self.host.main_window.tabifiedDockWidgets(
            self.host.table_dock)

    def fit_table_columns(self) -> None:
        """Start and end always in full in the docked segment list; the code column as
        wide as its longest label (rows wrap labels when it cannot be); the note column
        only when there is room for both (else: the header's context menu)."""
        table = self.host.table
        view = table.view
        header = view.horizontalHeader()
        avail = view.viewport().width() - view.verticalScrollBar().sizeHint().width()
        for col in (Column.START, Column.END):  # the last one may have been stretched
            header.resizeSection(col, table.time_width)
        rest = avail - 2 * table.time_width
        longest = table.longest_label_width() + CODE_CELL_EXTRA
        note_min, code_min = 140, 120
        room_for_note = rest - note_min >= longest
        view.setColumnHidden(Column.NOTE, not room_for_note)
        header.resizeSection(Column.CODE, max(code_min, longest if room_for_note else rest))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and not self.table_header_restored:
            self._fit_timer.start()
        return False

    def session_changed(self, open_: bool) -> None:
        """A session was opened (or closed): with the study list in a tab, show the
        segment list (the study list); refit the columns to the (perhaps new) codebook,
        unless the user's own column widths were restored."""
        self.has_session = open_
        if self.tabbed():
            (self.host.table_dock if open_ else self.host.browser_dock).raise_()
        if open_ and not self.table_header_restored:
            self._fit_timer.start()

    def reset(self) -> None:
        h = self.host
        w = h.main_window
        for dock in (h.browser_dock, h.codes_dock, h.table_dock):
            dock.setFloating(False)
            dock.show()
        w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, h.browser_dock)
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, h.codes_dock)
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, h.table_dock)
        w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, h.definition_dock)
        w.resize(1280, 720)
        self.table_header_restored = False
        QTimer.singleShot(0, self.default_sizes)


def make_dock(window: QMainWindow, title: str, name: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
    """A movable, closable, floatable dock holding ``widget``, added to ``window``."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
    window.addDockWidget(area, dock)
    return dock


def table_header_menu(view: QTableView, pos: QPoint) -> None:
    """The segment list header's context menu: tick the columns to show."""
    menu = QMenu(view)
    model = view.model()
    for col in range(model.columnCount()):
        a = menu.addAction(str(model.headerData(col, Qt.Orientation.Horizontal)))
        a.setCheckable(True)
        a.setChecked(not view.isColumnHidden(col))
        a.toggled.connect(lambda on, c=col: view.setColumnHidden(c, not on))
    menu.exec(view.horizontalHeader().mapToGlobal(pos))


def narrow_table_columns(view: QTableView) -> None:
    """In the narrow dock the segment list shows code, times and note; its header's
    context menu brings back the category and duration columns."""
    view.setColumnHidden(Column.CATEGORY, True)
    view.setColumnHidden(Column.DURATION, True)
    header = view.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(lambda pos: table_header_menu(view, pos))
