"""The main window's menus, listing the actions of :mod:`annotator.ui.window_actions` by
name (plus the player's actions, the speed, the codebook's language and the interface
language).

Settings ▸ Language keeps the interface language in the settings (key
:data:`annotator.ui.i18n.SETTING`); it applies at the next start, while the codebook's
labels switch at once. Coding ▸ Code language overrides the labels' language alone.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMessageBox

from annotator.ui import i18n
from annotator.ui.i18n import QT_TRANSLATE_NOOP, translate
from annotator.ui.player import PlayerWidget
from annotator.ui.settings import Settings
from annotator.ui.window_study import StudyActions
from annotator.ui.workspace import Workspace

MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("Menus", "&File"),
     ("new_study", "open_study", "open_demo", "@recent", "-", "export", "checkout",
      "merge", "-", "close_study", "quit")),
    (QT_TRANSLATE_NOOP("Menus", "&Edit"),
     ("undo", "redo", "-", "split", "note", "delete", "-", "close_open", "cancel_open")),
    (QT_TRANSLATE_NOOP("Menus", "&Playback"), ("@player", "@speed")),
    (QT_TRANSLATE_NOOP("Menus", "&Navigate"),
     ("go_to_time", "-", "next_segment", "previous_segment", "next_of_code",
      "previous_of_code", "-", "zoom_in", "zoom_out", "zoom_all", "follow")),
    (QT_TRANSLATE_NOOP("Menus", "&Coding"),
     ("hold_mode", "show_others", "-", "submit", "reopen", "-", "switch_coder",
      "@language")),
    (QT_TRANSLATE_NOOP("Menus", "&Study"),
     ("plan_reliability", "compare", "analysis", "check_study")),
    (QT_TRANSLATE_NOOP("Menus", "&View"), ("@docks", "definition", "refresh", "reset_layout")),
    (QT_TRANSLATE_NOOP("Menus", "Se&ttings"), ("@ui_language",)),
    (QT_TRANSLATE_NOOP("Menus", "&Help"), ("manual", "keys_help", "-", "about")),
)

SPEEDS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
SYSTEM = ""
"""The stored interface-language choice that follows the system's language."""


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
    def settings(self) -> Settings: ...

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
        m = mb.addMenu(translate("Menus", title))
        for item in items:
            if item == "-":
                m.addSeparator()
            elif item == "@recent":
                h.study_actions.recent_menu = m.addMenu(translate("Menus", "Open &recent"))
                h.study_actions.recent_menu.aboutToShow.connect(h.study_actions.fill_recent_menu)
            elif item == "@player":
                for a in h.player.player_actions.all():
                    m.addAction(a)
            elif item == "@speed":
                _speed_menu(h, m.addMenu(translate("Menus", "&Speed")))
            elif item == "@language":
                _code_language_menu(h, m.addMenu(translate("Menus", "Code &language")))
            elif item == "@ui_language":
                InterfaceLanguageMenu(h, m.addMenu(translate("Menus", "&Language")))
            elif item == "@docks":
                for dock in (h.browser_dock, h.codes_dock, h.table_dock):
                    m.addAction(dock.toggleViewAction())
            else:
                m.addAction(h.actions_by_name[item])


def _speed_menu(h: MenuHost, speed: QMenu) -> None:
    w = h.main_window
    group = QActionGroup(w)
    for rate in SPEEDS:
        a = QAction(f"{rate:g}×", w, checkable=True)
        a.setChecked(rate == 1.0)
        a.triggered.connect(lambda _c=False, r=rate: h.player.controller.set_rate(r))
        group.addAction(a)
        speed.addAction(a)


def _code_language_menu(h: MenuHost, menu: QMenu) -> None:
    """Coding ▸ Code language: the labels' language, ticked on the one shown."""
    w, ws = h.main_window, h.workspace
    group = QActionGroup(w)
    by_code: dict[str, QAction] = {}
    for code, label in i18n.LANGUAGES:  # each named in its own language
        a = QAction(label, w, checkable=True)
        a.setObjectName(f"codeLanguage_{code}")
        a.setChecked(code == ws.lang)
        a.triggered.connect(lambda _c=False, c=code: ws.set_language(c))
        group.addAction(a)
        menu.addAction(a)
        by_code[code] = a

    def tick(lang: str) -> None:
        if lang in by_code:
            by_code[lang].setChecked(True)

    ws.languageChanged.connect(tick)


class InterfaceLanguageMenu:
    """Settings ▸ Language: the system's language or one of :data:`i18n.LANGUAGES`."""

    def __init__(self, h: MenuHost, menu: QMenu) -> None:
        self.h = h
        self.menu = menu
        self.group = QActionGroup(h.main_window)
        self.actions: dict[str, QAction] = {}
        stored = str(h.settings.get(i18n.SETTING, "") or "")
        choices = [(SYSTEM, translate("Menus", "&System language"))]
        choices += list(i18n.LANGUAGES)  # named in their own language, never translated
        for code, label in choices:
            a = QAction(label, h.main_window, checkable=True)
            a.setObjectName(f"uiLanguage_{code or 'system'}")
            a.setChecked(code == stored or (code == SYSTEM and stored not in dict(
                i18n.LANGUAGES)))
            a.triggered.connect(lambda _c=False, c=code: self.choose(c))
            self.group.addAction(a)
            menu.addAction(a)
            self.actions[code] = a
            if code == SYSTEM:
                menu.addSeparator()

    def choose(self, choice: str) -> None:
        """Keep ``choice`` for the next start, switch the codebook's labels now, and say so
        (in the chosen language when its catalogue is there)."""
        h = self.h
        h.settings.set(i18n.SETTING, choice)
        h.settings.sync()
        self.actions[choice].setChecked(True)
        language = i18n.resolve_language(choice or None)
        h.workspace.choose_interface_language(language)
        now = i18n.current_language()
        i18n.install(language)
        try:
            QMessageBox.information(
                h.main_window, translate("InterfaceLanguageMenu", "Language"),
                translate("InterfaceLanguageMenu",
                          "The interface will be in {language} from the next start of "
                          "annotator. The codebook's labels switch now.").format(
                              language=i18n.language_name(language)))
        finally:
            i18n.install(now)  # the rest of this run stays in one language
