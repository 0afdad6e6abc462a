"""The Help menu: the user manual (F1), the Keyboard dialog (Ctrl+F1) and About.

The Keyboard dialog lists the code keys, player keys and every window command with a
shortcut, taken from the action table so that it never falls behind. No signals.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__
from annotator.core.codebook import Codebook
from annotator.ui.coding_controller import CodingController
from annotator.ui.i18n import QT_TRANSLATE_NOOP, current_language, translate
from annotator.ui.manual import ManualNotFoundError, open_manual
from annotator.ui.messages import MessageBridge
from annotator.ui.player import PlayerWidget
from annotator.ui.window_actions import ACTIONS

#: keys the timeline widget handles itself (not window actions)
TIMELINE_KEYS = (
    ("Alt+Left / Alt+Right",
     QT_TRANSLATE_NOOP("KeyboardHelp", "Nudge the selected edge one frame")),
    ("Del", QT_TRANSLATE_NOOP("KeyboardHelp", "Delete the selected segments (timeline or table)")),
    ("Ctrl+wheel", QT_TRANSLATE_NOOP("KeyboardHelp", "Zoom the timeline around the mouse")),
)


def _row(keys: str, text: str) -> str:
    return f"<tr><td><b>{html.escape(keys)}</b>&nbsp;&nbsp;</td><td>{html.escape(text)}</td></tr>"


def _keys(a: QAction) -> str:
    return " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts())


def keyboard_help_html(codebook: Codebook | None, lang: str,
                       player_actions: Iterable[QAction],
                       actions: dict[str, QAction]) -> str:
    point = translate("KeyboardHelp", " (point)")
    codes = "".join(
        _row(c.key, c.label_in(lang) + (point if c.kind == "point" else ""))
        for c in (codebook.codes if codebook is not None else []) if c.key)
    player = "".join(_row(_keys(a), a.text().replace("&", "")) for a in player_actions)
    commands = "".join(
        _row(_keys(actions[s.name]), s.shown_tip)
        for s in ACTIONS if s.shortcuts and s.name in actions)
    timeline = "".join(_row(k, translate("KeyboardHelp", t)) for k, t in TIMELINE_KEYS)
    about_codes = translate(
        "KeyboardHelp",
        "A state code's key starts a segment; press it again to end it. In an exclusive "
        "category, starting a code ends the open one. Enter ends all open codes, Esc "
        "discards them. H toggles hold mode (code while the key is held).")
    heads = [html.escape(h) for h in (
        translate("KeyboardHelp", "Coding"), translate("KeyboardHelp", "Player"),
        translate("KeyboardHelp", "Commands"), translate("KeyboardHelp", "Timeline"))]
    return (
        f"<h3>{heads[0]}</h3><table>{codes}</table><p>{html.escape(about_codes)}</p>"
        f"<h3>{heads[1]}</h3><table>{player}</table>"
        f"<h3>{heads[2]}</h3><table>{commands}</table>"
        f"<h3>{heads[3]}</h3><table>{timeline}</table>")


class KeyboardDialog(QDialog):
    """The list of keys in a scrolling pane, never taller than the screen (the list is
    longer than a 720-pixel screen)."""

    def __init__(self, parent: QWidget, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("KeyboardHelp", "Keyboard"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("keyboardList")
        self.browser.setOpenLinks(False)
        self.browser.setHtml(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)
        screen = (parent.screen() if parent is not None else None) or self.screen()
        room = screen.availableGeometry()
        self.resize(min(640, room.width() - 40), min(760, room.height() - 80))


def show_keyboard_help(parent: QWidget, text: str) -> None:
    KeyboardDialog(parent, text).exec()


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent, translate("KeyboardHelp", "About annotator"),
        translate("KeyboardHelp", "<b>annotator</b> {version}<br>Code recorded therapy "
                  "sessions, compare coders, export coded timelines.<br>MIT licence. No "
                  "network access, ever.").format(version=__version__))


class HelpHost(Protocol):
    """What the Help menu needs from the window."""

    @property
    def controller(self) -> CodingController | None: ...

    @property
    def lang(self) -> str: ...

    @property
    def player(self) -> PlayerWidget: ...

    @property
    def messages(self) -> MessageBridge: ...

    @property
    def actions_by_name(self) -> dict[str, QAction]: ...

    def dialog_parent(self) -> QWidget: ...


class HelpActions:
    """Help ▸ User manual, Keyboard and About."""

    def __init__(self, host: HelpHost) -> None:
        self.host = host
        #: where the built manual is (None: the one of this copy, manual.MANUAL_DIR)
        self.manual_root: Path | None = None

    def manual(self) -> None:
        """The user manual in the interface language, in the system's browser."""
        try:
            open_manual(current_language(), root=self.manual_root)
        except ManualNotFoundError as exc:
            self.host.messages.error.emit(translate("HelpActions", "No user manual"), str(exc))

    def keyboard(self) -> None:
        h = self.host
        codebook = h.controller.codebook if h.controller is not None else None
        show_keyboard_help(h.dialog_parent(), keyboard_help_html(
            codebook, h.lang, h.player.player_actions.all(), h.actions_by_name))

    def about(self) -> None:
        show_about(self.host.dialog_parent())
