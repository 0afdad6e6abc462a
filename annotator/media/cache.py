"""A least-recently-used cache of decoded frames, bounded by bytes."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
from numpy.typing import NDArray

Frame = NDArray[np.uint8]


class FrameCache:
    """Maps frame index -> decoded image; evicts least recently used frames past ``max_bytes``.

    Stored arrays are made read-only, so callers can share them without copying.
    Not thread-safe (used by one FrameSource from one thread).
    """

    def __init__(self, max_bytes: int) -> None:
        if max_bytes < 0:
            raise ValueError("max_bytes must be >= 0")
        self.max_bytes = max_bytes
        self._frames: OrderedDict[int, Frame] = OrderedDict()
        self._nbytes = 0

    @property
    def nbytes(self) -> int:
        """Bytes held by the cached frames."""
        return self._nbytes

    def __len__(self) -> int:
        return len(self._frames)

    def __contains__(self, index: object) -> bool:
        return index in self._frames

    def capacity(self, frame_nbytes: int) -> int:
        """How many frames of ``frame_nbytes`` bytes fit."""
        return self.max_bytes // max(1, frame_nbytes)

    def get(self, index: int) -> Frame | None:
        """The frame, marked most recently used; None if not cached."""
        frame = self._frames.get(index)
        if frame is not None:
            self._frames.move_to_end(index)
        return frame

    def put(self, index: int, frame: Frame) -> Frame:
        """Store ``frame`` (read-only) and return it; too-large frames are returned unstored."""
        frame.flags.writeable = False
        old = self._frames.pop(index, None)
        if old is not None:
            self._nbytes -= old.nbytes
        if frame.nbytes > self.max_bytes:
            return frame
        self._frames[index] = frame
        self._nbytes += frame.nbytes
        while self._nbytes > self.max_bytes:
            _, evicted = self._frames.popitem(last=False)
            self._nbytes -= evicted.nbytes
        return frame

    def clear(self) -> None:
        self._frames.clear()
        self._nbytes = 0
