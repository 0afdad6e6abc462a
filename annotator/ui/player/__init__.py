"""Video player: frame-exact stills when paused, QMediaPlayer playback with sound.

Public API: :class:`PlayerWidget` (display + transport bar), :class:`PlayerController`
(position, playback, loading), :class:`PlayerActions` (keyboard QActions) and
``PLAYER_KEYS`` (the keys the player takes).
"""

from annotator.ui.player.compat import keep_bools_alive

keep_bools_alive()  # before any signal is emitted; see compat.py

from annotator.ui.player.actions import PLAYER_KEYS, PlayerActions  # noqa: E402
from annotator.ui.player.controller import PlayerController  # noqa: E402
from annotator.ui.player.widget import PlayerWidget  # noqa: E402

__all__ = ["PLAYER_KEYS", "PlayerActions", "PlayerController", "PlayerWidget"]
