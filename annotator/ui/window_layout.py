"""The main window's layout: dock sizes that read well at 1280x720 and grow at
1920x1080, the docked segment list's columns, and saving/restoring all of it.

:class:`WindowLayout` works on a :class:`LayoutHost` (the window's docks, splitter and
table) and the :class:`Settings`. No signals.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QByteArray, QPoint, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter, QTableView, QWidget

from annotator.ui.segment_table import Column, SegmentTable
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


#: shares of the window width for the left (study) and right (codes, segments) docks
LEFT_SHARE, RIGHT_SHARE = 0.19, 0.28
LEFT_MIN, RIGHT_MIN = 240, 340


def dock_widths(window_width: int) -> tuple[int, int]:
    """Left and right dock widths for a window width: 243/358 px at 1280, 365/538 px
    at 1920 (they grow with the window, never below what their contents need)."""
    return (max(LEFT_MIN, round(window_width * LEFT_SHARE)),
            max(RIGHT_MIN, round(window_width * RIGHT_SHARE)))


class WindowLayout:
    def __init__(self, host: LayoutHost, settings: Settings) -> None:
        self.host = host
        self.settings = settings
        self.needs_default_sizes = False
        self.table_header_restored = False

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
        """Sizes that read well at 1280x720 and grow at 1920x1080."""
        h = self.host
        w = h.main_window
        left, right = dock_widths(w.width())
        w.resizeDocks([h.browser_dock], [left], Qt.Orientation.Horizontal)
        w.resizeDocks([h.codes_dock], [right], Qt.Orientation.Horizontal)
        height = w.height()
        w.resizeDocks([h.codes_dock, h.table_dock], [height * 50 // 100, height * 50 // 100],
                      Qt.Orientation.Vertical)
        total = h.central_split.height() or height
        h.central_split.setSizes([total * 52 // 100, total * 48 // 100])
        if not self.table_header_restored:
            QTimer.singleShot(0, self.fit_table_columns)  # once the docks have their size

    def fit_table_columns(self) -> None:
        """Code, start and end always readable in the docked segment list; the note
        column shows when there is room for it (else: the header's context menu)."""
        view = self.host.table.view
        header = view.horizontalHeader()
        avail = view.viewport().width() - view.verticalScrollBar().sizeHint().width()
        rest = avail - header.sectionSize(Column.START) - header.sectionSize(Column.END)
        note_min, code_min = 110, 120
        room_for_note = rest - note_min >= code_min
        view.setColumnHidden(Column.NOTE, not room_for_note)
        code = min(320, rest - note_min) if room_for_note else rest
        header.resizeSection(Column.CODE, max(code_min, code))

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
