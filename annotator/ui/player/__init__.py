"""Video player: frame-exact stills when paused, QMediaPlayer playback with sound.

Public API: :class:`PlayerWidget` (display + transport bar), :class:`PlayerController`
(position, playback, loading), :class:`PlayerActions` (keyboard QActions) and
``PLAYER_KEYS`` (the keys the player takes).
"""

from annotator.ui.player.actions import PLAYER_KEYS, PlayerActions
from annotator.ui.player.controller import PlayerController
from annotator.ui.player.widget import PlayerWidget

__all__ = ["PLAYER_KEYS", "PlayerActions", "PlayerController", "PlayerWidget"]
