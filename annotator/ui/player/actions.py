"""The player's keyboard commands as ``QAction``s.

Keys (all window-wide shortcuts; a focused text field keeps its own editing keys):

==================  =============================================================
Space               play / pause
J                   reverse shuttle: steps back one frame at a time (~8 fps);
                    press again for ~12.5 then ~25 fps. Stops with K or Space.
K                   pause (stops playback and the reverse shuttle)
L                   play forward at 1x; again while playing: 1.5x, then 2x
Left / Right        one frame back / forward (frame-exact, pauses)
Ctrl+Left / Right   1 second back / forward
Shift+Left / Right  5 seconds back / forward
Home / End          go to the start / the end
==================  =============================================================

The digits and other coding keys belong to the coding panel, not to the player;
``PLAYER_KEYS`` lists what the player takes so a codebook can be checked against it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle

from annotator.ui.i18n import translate
from annotator.ui.player.controller import PlayerController

#: Every key the player uses, as ``QKeySequence`` portable text.
PLAYER_KEYS: tuple[str, ...] = (
    "Space", "J", "K", "L", "Left", "Right", "Ctrl+Left", "Ctrl+Right",
    "Shift+Left", "Shift+Right", "Home", "End",
)


def _icon(pixmap: QStyle.StandardPixmap) -> QIcon:
    style = QApplication.style()
    return style.standardIcon(pixmap) if style is not None else QIcon()


class PlayerActions(QObject):
    """Named ``QAction``s bound to a :class:`PlayerController`. No signals of its own.

    Attributes: ``play_pause``, ``shuttle_reverse``, ``shuttle_stop``,
    ``shuttle_forward``, ``step_back``, ``step_forward``, ``back_1s``, ``forward_1s``,
    ``back_5s``, ``forward_5s``, ``go_start``, ``go_end``. :meth:`all` lists them in
    menu order. Every action is disabled while no video is loaded.
    """

    def __init__(self, controller: PlayerController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        c = controller
        sp = QStyle.StandardPixmap
        mk = self._make
        self.play_pause = mk(translate("PlayerActions", "Play"), "Space", c.toggle,
                             sp.SP_MediaPlay)
        self.shuttle_reverse = mk(
            translate("PlayerActions", "Shuttle backwards (frame by frame)"), "J",
            c.shuttle_reverse, sp.SP_MediaSeekBackward)
        self.shuttle_stop = mk(translate("PlayerActions", "Pause shuttle"), "K", c.pause,
                               sp.SP_MediaStop)
        self.shuttle_forward = mk(
            translate("PlayerActions", "Shuttle forwards (1x, 1.5x, 2x)"), "L",
            c.shuttle_forward, sp.SP_MediaSeekForward)
        self.step_back = mk(translate("PlayerActions", "Previous frame"), "Left",
                            lambda: c.step(-1), sp.SP_MediaSkipBackward)
        self.step_forward = mk(translate("PlayerActions", "Next frame"), "Right",
                               lambda: c.step(1), sp.SP_MediaSkipForward)
        self.back_1s = mk(translate("PlayerActions", "Back 1 second"), "Ctrl+Left",
                          lambda: c.jump(-1000))
        self.forward_1s = mk(translate("PlayerActions", "Forward 1 second"), "Ctrl+Right",
                             lambda: c.jump(1000))
        self.back_5s = mk(translate("PlayerActions", "Back 5 seconds"), "Shift+Left",
                          lambda: c.jump(-5000))
        self.forward_5s = mk(translate("PlayerActions", "Forward 5 seconds"), "Shift+Right",
                             lambda: c.jump(5000))
        self.go_start = mk(translate("PlayerActions", "Go to start"), "Home", lambda: c.seek(0))
        self.go_end = mk(translate("PlayerActions", "Go to end"), "End",
                         lambda: c.seek(c.duration_ms))
        controller.playingChanged.connect(self._on_playing_changed)
        controller.reversingChanged.connect(self._on_playing_changed)
        controller.loaded.connect(lambda _info: self._set_enabled(True))
        controller.unloaded.connect(lambda: self._set_enabled(False))
        controller.loadFailed.connect(lambda _msg: self._set_enabled(False))
        self._set_enabled(controller.is_loaded)

    def all(self) -> list[QAction]:
        return [
            self.play_pause, self.shuttle_reverse, self.shuttle_stop, self.shuttle_forward,
            self.step_back, self.step_forward, self.back_1s, self.forward_1s,
            self.back_5s, self.forward_5s, self.go_start, self.go_end,
        ]

    def _make(
        self,
        text: str,
        key: str,
        slot: Callable[[], None],
        pixmap: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        action = QAction(text, self)
        shortcut = QKeySequence(key)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setAutoRepeat(key not in ("Space", "J", "K", "L", "Home", "End"))
        action.setToolTip(_tooltip(text, shortcut))
        if pixmap is not None:
            action.setIcon(_icon(pixmap))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _set_enabled(self, enabled: bool) -> None:
        for action in self.all():
            action.setEnabled(enabled)

    def _on_playing_changed(self, _value: bool = False) -> None:
        active = self._controller.playing or self._controller.reversing
        sp = QStyle.StandardPixmap
        self.play_pause.setText(translate("PlayerActions", "Pause") if active
                                 else translate("PlayerActions", "Play"))
        self.play_pause.setIcon(_icon(sp.SP_MediaPause if active else sp.SP_MediaPlay))
        self.play_pause.setToolTip(_tooltip(self.play_pause.text(), self.play_pause.shortcut()))


def _tooltip(text: str, shortcut: QKeySequence) -> str:
    return f"{text} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})"
