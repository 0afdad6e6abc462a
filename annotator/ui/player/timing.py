"""Frame times of one video, looked up on the GUI thread.

The player keeps its own copy of the stream's presentation times (taken from
``FrameSource.pts_ms`` on the worker that opened the file) so that the GUI thread
can map times to frames without touching the single-threaded ``FrameSource``.

Rules (docs/design.md §3): the frame shown at time t is the last frame whose presentation
time is <= t; stepping moves to the next or previous frame's presentation time.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from annotator.ui.i18n import translate


class FrameTimes:
    """Presentation times (ms, ascending) of every frame, and lookups on them."""

    def __init__(self, pts_ms: npt.ArrayLike, duration_ms: int) -> None:
        pts = np.array(pts_ms, dtype=np.int64).reshape(-1)
        if pts.size == 0:
            raise ValueError(translate("FrameTimes", "a video needs at least one frame"))
        if np.any(np.diff(pts) < 0):
            raise ValueError(
                translate("FrameTimes", "frame presentation times are not ascending"))
        self._pts = pts
        self._pts.setflags(write=False)
        self.duration_ms = max(int(duration_ms), int(pts[-1]))

    @property
    def count(self) -> int:
        return int(self._pts.size)

    @property
    def pts_ms(self) -> npt.NDArray[np.int64]:
        return self._pts

    def time(self, index: int) -> int:
        """Presentation time of frame ``index`` (clamped to the valid range)."""
        return int(self._pts[self.clamp_index(index)])

    def clamp_index(self, index: int) -> int:
        return min(max(int(index), 0), self.count - 1)

    def clamp_ms(self, ms: int) -> int:
        return min(max(int(ms), 0), self.duration_ms)

    def index_at(self, ms: int) -> int:
        """The frame shown at ``ms``: the last frame whose time is <= ms (0 before the first)."""
        i = int(np.searchsorted(self._pts, int(ms), side="right")) - 1
        return max(i, 0)

    def snap(self, ms: int) -> int:
        """Presentation time of the frame nearest to ``ms`` (ties go to the earlier frame)."""
        i = int(np.searchsorted(self._pts, int(ms), side="left"))
        if i <= 0:
            return int(self._pts[0])
        if i >= self.count:
            return int(self._pts[-1])
        before, after = int(self._pts[i - 1]), int(self._pts[i])
        return before if ms - before <= after - ms else after

    def step_time(self, ms: int, direction: int) -> int:
        """Time of the frame ``direction`` frames away from the frame shown at ``ms``.

        ``direction`` is usually +1 or -1; the result is clamped to the first and
        last frame. Starting from the middle of a frame, -1 goes to the frame before
        the one shown (so the picture always changes), not to the start of the
        shown frame.
        """
        return self.time(self.index_at(ms) + int(direction))
