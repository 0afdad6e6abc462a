"""The main window's menus, listing the actions of :mod:`annotator.ui.window_actions` by
name (plus the player's actions and the speed and language choices)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow

from annotator.ui.player import PlayerWidget
from annotator.ui.window_study import StudyActions
from annotator.ui.workspace import Workspace

MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("&File", ("new_study", "open_study", "open_demo", "@recent", "-", "export", "checkout",
               "merge", "-", "close_study", "quit")),
    ("&Edit", ("undo", "redo", "-", "split", "note", "delete", "-", "close_open",
               "cancel_open")),
    ("&Playback", ("@player", "@speed")),
    ("&Navigate", ("go_to_time", "-", "next_segment", "previous_segment", "next_of_code",
                   "previous_of_code", "-", "zoom_in", "zoom_out", "zoom_all", "follow")),
    ("&Coding", ("hold_mode", "show_others", "-", "submit", "reopen", "-", "switch_coder",
                 "@language")),
    ("&Study", ("plan_reliability", "compare", "analysis", "check_study")),
    ("&View", ("@docks", "definition", "refresh", "reset_layout")),
    ("&Help", ("keys_help", "about")),
)

SPEEDS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
LANGUAGES = (("en", "English"), ("nb", "Norsk bokmål"))


class MenuHost(Protocol):
    @property
    def main_window(self) -> QMainWindow: ...

    @property
    def actions_by_name(self) -> dict[str, QAction]: ...

    @property
    def study_actions(self) -> StudyActions: ...

    @property
    def player(self) -> PlayerWidget: ...

    @property
    def workspace(self) -> Workspace: ...

    @property
    def browser_dock(self) -> QDockWidget: ...

    @property
    def codes_dock(self) -> QDockWidget: ...

    @property
    def table_dock(self) -> QDockWidget: ...


def build_menus(h: MenuHost) -> None:
    w = h.main_window
    mb = w.menuBar()
    for title, items in MENUS:
        m = mb.addMenu(title)
        for item in items:
            if item == "-":
                m.addSeparator()
            elif item == "@recent":
                h.study_actions.recent_menu = m.addMenu("Open &recent")
                h.study_actions.recent_menu.aboutToShow.connect(h.study_actions.fill_recent_menu)
            elif item == "@player":
                for a in h.player.player_actions.all():
                    m.addAction(a)
            elif item == "@speed":
                speed = m.addMenu("&Speed")
                group = QActionGroup(w)
                for rate in SPEEDS:
                    a = QAction(f"{rate:g}×", w, checkable=True)
                    a.setChecked(rate == 1.0)
                    a.triggered.connect(
                        lambda _c=False, r=rate: h.player.controller.set_rate(r))
                    group.addAction(a)
                    speed.addAction(a)
            elif item == "@language":
                lang = m.addMenu("Code &language")
                lgroup = QActionGroup(w)
                for code, label in LANGUAGES:
                    a = QAction(label, w, checkable=True)
                    a.setChecked(code == h.workspace.lang)
                    a.triggered.connect(
                        lambda _c=False, c=code: h.workspace.set_language(c))
                    lgroup.addAction(a)
                    lang.addAction(a)
            elif item == "@docks":
                for dock in (h.browser_dock, h.codes_dock, h.table_dock):
                    m.addAction(dock.toggleViewAction())
            else:
                m.addAction(h.actions_by_name[item])
