"""The Keyboard dialog's text (F1): code keys, player keys and every window command
with a shortcut, taken from the action table so that it never falls behind."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator import __version__
from annotator.core.codebook import Codebook
from annotator.ui.window_actions import ACTIONS

#: keys the timeline widget handles itself (not window actions)
TIMELINE_KEYS = (
    ("Alt+Left / Alt+Right", "Nudge the selected edge one frame"),
    ("Delete", "Delete the selected segments (timeline or table)"),
    ("Ctrl+wheel", "Zoom the timeline around the mouse"),
)


def _row(keys: str, text: str) -> str:
    return f"<tr><td><b>{html.escape(keys)}</b>&nbsp;&nbsp;</td><td>{html.escape(text)}</td></tr>"


def _keys(a: QAction) -> str:
    return " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts())


def keyboard_help_html(codebook: Codebook | None, lang: str,
                       player_actions: Iterable[QAction],
                       actions: dict[str, QAction]) -> str:
    codes = "".join(
        _row(c.key, c.label_in(lang) + (" (point)" if c.kind == "point" else ""))
        for c in (codebook.codes if codebook is not None else []) if c.key)
    player = "".join(_row(_keys(a), a.text().replace("&", "")) for a in player_actions)
    commands = "".join(
        _row(_keys(actions[s.name]), s.tip or s.plain_text)
        for s in ACTIONS if s.shortcuts and s.name in actions)
    timeline = "".join(_row(k, t) for k, t in TIMELINE_KEYS)
    return (
        "<h3>Coding</h3><table>" + codes + "</table>"
        "<p>A state code's key starts a segment; press it again to end it. In an "
        "exclusive category, starting a code ends the open one. Enter ends all open "
        "codes, Esc discards them. H toggles hold mode (code while the key is held).</p>"
        "<h3>Player</h3><table>" + player + "</table>"
        "<h3>Commands</h3><table>" + commands + "</table>"
        "<h3>Timeline</h3><table>" + timeline + "</table>")


def show_keyboard_help(parent: QWidget, text: str) -> None:
    QMessageBox.information(parent, "Keyboard", text)


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent, "About annotator",
        f"<b>annotator</b> {__version__}<br>Code recorded therapy sessions, compare "
        "coders, export coded timelines.<br>MIT licence. No network access, ever.")
