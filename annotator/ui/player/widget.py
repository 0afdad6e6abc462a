"""The player widget: the video picture above its transport bar."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRect
from PySide6.QtWidgets import QVBoxLayout, QWidget

from annotator.ui.i18n import translate
from annotator.ui.player.actions import PlayerActions
from annotator.ui.player.controller import PlayerController
from annotator.ui.player.transport import TransportBar
from annotator.ui.player.view import VideoView

NO_VIDEO = str(QT_TRANSLATE_NOOP("PlayerWidget", "No video"))
AUDIO_ONLY = str(QT_TRANSLATE_NOOP(
    "PlayerWidget", "Audio-only recording: no picture. Play, pause and code as usual."))


class PlayerWidget(QWidget):
    """Video display + transport bar around a :class:`PlayerController`.

    Use ``widget.controller`` for everything about position and playback (its
    signals are documented there: ``positionChanged``, ``frameShown``,
    ``playingChanged``, ``rateChanged``, ``loaded``, ``loadFailed``, ...).
    ``widget.actions()`` returns the player's keyboard ``QAction``s (window-wide
    shortcuts, with tooltips naming the key) for the main window's menus;
    ``widget.player_actions`` has them by name. While paused the picture is the
    exact OpenCV still of the current frame; when a load fails the message is shown
    in the picture area and the widget can load another file.

    Settings the main window may persist: ``controller.rate`` / ``set_rate()``,
    ``controller.volume()`` / ``set_volume()``, ``controller.is_muted()`` /
    ``set_muted()``.

    No signals of its own.
    """

    def __init__(
        self, parent: QWidget | None = None, controller: PlayerController | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller if controller is not None else PlayerController(self)
        self.view = VideoView(self)
        self.player_actions = PlayerActions(self.controller, self)
        self.transport = TransportBar(self.controller, self.player_actions, self)
        self.addActions(self.player_actions.all())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.transport, 0)

        c = self.controller
        c.imageChanged.connect(self.view.set_image)
        c.videoFrameChanged.connect(self.view.set_frame)
        c.unloaded.connect(lambda: self.view.clear(translate("PlayerWidget", NO_VIDEO)))
        c.loadFailed.connect(self.view.clear)
        c.loaded.connect(self._on_loaded)
        self.view.clear(translate("PlayerWidget", NO_VIDEO))

    def _on_loaded(self, info: object) -> None:
        if getattr(info, "audio_only", False):
            self.view.show_audio_only(translate("PlayerWidget", AUDIO_ONLY))

    def video_rect(self) -> QRect:
        """Where the picture is, in this widget's coordinates (empty if none)."""
        r = self.view.video_rect()
        return r.translated(self.view.pos()) if not r.isEmpty() else r

    def load(self, path: str) -> None:
        """Shortcut for ``controller.load(path)``."""
        self.controller.load(path)
