"""Frame-exact decoding: ``FrameSource``.

``FrameSource`` knows every frame's presentation time from the stream (see
``annotator.media.index``) and returns the i-th frame in presentation order, exactly, also
for H.264 with B-frames and long GOPs where OpenCV's own frame positioning can be off.

How frames are found:

* Every decoded frame is identified by its time stamp (``CAP_PROP_POS_MSEC``) looked up in
  the index; frame numbers are never computed from the frame rate.
* Moving forward by a few frames keeps decoding from the current position.
* Other requests seek: OpenCV's FFmpeg backend seeks to the key frame before
  ``target - 16`` and decodes forward from there (``_OPENCV_SEEK_LEAD``); the position is
  chosen with the key-frame table so that the frames decoded anyway can be kept. If the
  decoder lands after the wanted frame, the seek is repeated further back.
* Backward steps are served from an LRU cache (``cache_bytes``). When a backward step misses
  the cache, the whole run from the key frame (as much as fits) is decoded once and cached,
  so the following backward steps are cache hits. ``max_size`` stores and returns frames
  scaled down to fit a display size, so that more of a run fits in the cache.
* A frame the decoder cannot produce (a damaged packet) is replaced by the last decodable
  frame before it: what a player shows at that time. Unlike ``probe``, FrameSource does
  not reject a truncated file; it shows the frames that are there.
* Open GOPs: frames shown before a key frame but decoded after it may be broken when
  decoding starts at that key frame. They are never returned from such a start, because
  OpenCV decodes at least 16 frames past the key frame it seeks to before returning one.

Threading: a FrameSource is single-threaded. Use each instance from one thread only (the
GUI uses one worker); make one instance per thread if needed.

Returned frames are read-only BGR arrays shared with the cache: copy before modifying.
"""

from __future__ import annotations

import os
from types import TracebackType
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from annotator.media.cache import Frame, FrameCache
from annotator.media.capture import check_file, fourcc_text, open_capture
from annotator.media.errors import MediaError, MediaUnreadableError
from annotator.media.index import (
    CancelledFn,
    ProgressFn,
    StreamIndex,
    build_index,
    scan_decoded,
)
from annotator.media.interlace import check_stills_supported
from annotator.media.probe import MediaInfo, describe

# OpenCV's FFmpeg seek to frame t starts decoding at the key frame before t - 16.
_OPENCV_SEEK_LEAD = 16
# A request at most this many frames before the previous one is a backward step.
_BACKSTEP_WINDOW = 16
# A backward-step miss caches at least this many frames before the wanted one.
_MIN_BACKFILL = 32
# A random-access miss caches up to this many frames before the wanted one.
_RANDOM_TAIL = 8


def _rounded_strictly_increasing(pts: NDArray[np.float64]) -> NDArray[np.int64]:
    ms = np.rint(pts).astype(np.int64)
    steps = np.arange(ms.shape[0], dtype=np.int64)
    return np.maximum.accumulate(ms - steps) + steps


def _fit_size(width: int, height: int, max_size: tuple[int, int] | None) -> tuple[int, int]:
    if max_size is None:
        return width, height
    scale = min(1.0, max_size[0] / width, max_size[1] / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


class FrameSource:
    """Frame-exact access to one video file. Single-threaded; see the module doc.

    ``pts_ms``: int64 presentation time of every frame (ms, strictly increasing).
    ``info``: MediaInfo whose frame count and duration come from the stream.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        cache_bytes: int = 256 * 2**20,
        *,
        max_size: tuple[int, int] | None = None,
        progress: ProgressFn | None = None,
        cancelled: CancelledFn | None = None,
        index_method: str = "auto",
    ) -> None:
        self.path = check_file(path)
        check_stills_supported(self.path)
        self._cap: cv2.VideoCapture | None = open_capture(self.path)
        try:
            fps = float(self._cap.get(cv2.CAP_PROP_FPS))
            codec = fourcc_text(self._cap.get(cv2.CAP_PROP_FOURCC))
            index = build_index(self.path, progress, cancelled, index_method)
            ok, first = self._cap.read()
            if not ok or first is None:
                raise MediaUnreadableError.for_path(self.path, "no frame can be decoded")
            first_ms = self._cap.get(cv2.CAP_PROP_POS_MSEC)
            index = self._align(index, first_ms, progress, cancelled)
            height, width = first.shape[:2]
            index, info = describe(self.path, index, fps, int(width), int(height), codec)
        except BaseException:
            self._cap.release()
            raise
        self._index = index
        self.info: MediaInfo = info
        self.pts_ms: NDArray[np.int64] = _rounded_strictly_increasing(index.pts)
        self.pts_ms.flags.writeable = False
        self._out_size = _fit_size(int(width), int(height), max_size)
        self._frame_nbytes = self._out_size[0] * self._out_size[1] * 3
        self._cache = FrameCache(cache_bytes)
        self._cache.put(0, self._fit(first))
        self._next: int | None = 1  # index the next decoded frame will have, if known
        self._last: int | None = 0  # the last index requested
        self._seek_t = 0  # the position of the last seek

    def _align(
        self,
        index: StreamIndex,
        first_ms: float,
        progress: ProgressFn | None,
        cancelled: CancelledFn | None,
    ) -> StreamIndex:
        """Make the index start at the first frame the decoder actually produces."""
        j = index.identify(first_ms)
        if j is None and index.method == "packets":
            # Packet times and decoded times disagree: index by decoding instead.
            index = scan_decoded(self.path, progress, cancelled)
            j = index.identify(first_ms)
        if j is None:
            raise MediaUnreadableError.for_path(
                self.path, "its decoded frame times do not match its time stamps"
            )
        return index.without_leading(j) if j > 0 else index

    # ------------------------------------------------------------------ time <-> frame

    @property
    def frame_count(self) -> int:
        return int(self.pts_ms.shape[0])

    @property
    def frame_size(self) -> tuple[int, int]:
        """(width, height) of the frames ``frame`` returns (after ``max_size``)."""
        return self._out_size

    @property
    def keyframes(self) -> NDArray[np.int64]:
        """Indices of the key frames decoding can start from (only 0 if unknown)."""
        return self._index.keyframes

    @property
    def index_method(self) -> str:
        """How the frame times were obtained: "packets" or "decode"."""
        return self._index.method

    @property
    def cache_nbytes(self) -> int:
        """Bytes held by cached frames."""
        return self._cache.nbytes

    def is_cached(self, index: int) -> bool:
        """Whether frame ``index`` is in the cache (``frame`` returns it without decoding)."""
        return index in self._cache

    def frame_index_at(self, ms: int) -> int:
        """Index of the frame shown at ``ms``: the last whose time is <= ms (clamped)."""
        i = int(np.searchsorted(self.pts_ms, ms, side="right")) - 1
        return min(max(i, 0), self.frame_count - 1)

    def frame_time(self, index: int) -> int:
        """Presentation time (ms) of frame ``index``."""
        return int(self.pts_ms[self._check_index(index)])

    def next_frame_time(self, ms: int) -> int:
        """Time of the frame after the one shown at ``ms`` (the last frame's at the end)."""
        return int(self.pts_ms[min(self.frame_index_at(ms) + 1, self.frame_count - 1)])

    def prev_frame_time(self, ms: int) -> int:
        """Time of the frame before the one shown at ``ms`` (the first frame's at the start)."""
        return int(self.pts_ms[max(self.frame_index_at(ms) - 1, 0)])

    def _check_index(self, index: int) -> int:
        i = int(index)
        if not 0 <= i < self.frame_count:
            raise IndexError(f"frame {index} out of range 0..{self.frame_count - 1}")
        return i

    # ------------------------------------------------------------------ decoding

    def frame_at(self, ms: int) -> Frame:
        """The frame shown at time ``ms``."""
        return self.frame(self.frame_index_at(ms))

    def frame(self, index: int) -> Frame:
        """The ``index``-th frame in presentation order (BGR, read-only, see module doc)."""
        i = self._check_index(index)
        if self._cap is None:
            raise MediaError(f"'{self.path.name}' is closed", self.path)
        hit = self._cache.get(i)
        if hit is None:
            hit = self._decode(i, self._fill_start(i))
        self._last = i
        return hit

    def _fill_start(self, i: int) -> int:
        """First frame index to keep in the cache while decoding towards ``i``."""
        keep = max(1, self._cache.capacity(self._frame_nbytes))
        last = self._last
        if last is not None and 0 < last - i <= _BACKSTEP_WINDOW:
            key = self._index.keyframe_at_or_before(i)
            return max(0, i - keep + 1, min(key, i - _MIN_BACKFILL + 1))
        return max(0, i - min(keep, _RANDOM_TAIL) + 1)

    def _landing(self, t: int) -> int:
        """Key frame where OpenCV starts decoding when positioned at frame ``t``."""
        if t < _OPENCV_SEEK_LEAD:
            return 0
        return self._index.keyframe_at_or_before(t - _OPENCV_SEEK_LEAD)

    def _seek_position(self, i: int, fill_from: int) -> int:
        """Frame position to seek to, to decode ``i`` keeping frames from ``fill_from``."""
        shortest = min(i, max(self._landing(i) + _OPENCV_SEEK_LEAD, fill_from))
        if self._landing(shortest) == 0:
            return fill_from
        cost_short = i - self._landing(shortest)
        cost_full = i - self._landing(fill_from)
        return fill_from if cost_full <= cost_short + (shortest - fill_from) else shortest

    def _decode(self, i: int, fill_from: int) -> Frame:
        nxt = self._next
        # Decoding on from the current position is cheaper unless a seek lands later.
        if nxt is None or nxt > i or nxt < self._landing(i):
            self._seek(self._seek_position(i, fill_from))
        return self._read_until(i, fill_from)

    def _seek(self, t: int) -> None:
        assert self._cap is not None
        if self._landing(t) == 0:
            self._rewind()
            return
        self._cap.set(cv2.CAP_PROP_POS_FRAMES, t)
        self._next = None
        self._seek_t = t

    def _rewind(self) -> None:
        """Decode from the first frame again by reopening the file instead of seeking.

        A seek that lands on the first key frame is a reopen: OpenCV's seek to the start
        is unreliable in some containers (in MPEG-TS it lands nowhere, so no frame of the
        first key-frame group could be revisited), and a reopened capture's first decoded
        frame is frame 0 by construction (``_align``).
        """
        assert self._cap is not None
        self._cap.release()
        self._cap = open_capture(self.path)
        self._next = 0
        self._seek_t = 0

    def _read_until(self, i: int, fill_from: int) -> Frame:
        """Decode forward to frame ``i``, caching decoded frames from ``fill_from`` on."""
        cap = self._cap
        assert cap is not None
        backoff = 2 * _OPENCV_SEEK_LEAD
        just_positioned = self._next is None or self._next == 0  # 0: just rewound
        previous: int | None = None
        while True:
            j = self._grab()
            if j is None or j > i:
                if j is not None:
                    self._next = j + 1
                if previous is not None:
                    # Frame i does not decode: show the last frame before it.
                    return self._substitute(previous)
                if just_positioned and self._seek_t == 0:
                    raise MediaUnreadableError.for_path(
                        self.path, f"frame {i} cannot be decoded"
                    )
                # The decoder started after frame i: position it further back.
                start = self._seek_t if just_positioned else self._seek_position(i, fill_from)
                self._seek(max(0, start - backoff))
                backoff *= 2
                just_positioned = True
                continue
            just_positioned = False
            previous = j
            self._next = j + 1
            if j >= fill_from or j == i:
                ok, img = cap.retrieve()
                if not ok or img is None:
                    raise MediaUnreadableError.for_path(self.path, f"frame {j} cannot be decoded")
                stored = self._cache.put(j, self._fit(img))
                if j == i:
                    return stored

    def _grab(self) -> int | None:
        """Decode the next frame; its index, or None at the end of the stream."""
        cap = self._cap
        assert cap is not None
        if not cap.grab():
            self._next = None
            return None
        j = self._index.identify(cap.get(cv2.CAP_PROP_POS_MSEC))
        if j is None:
            raise MediaUnreadableError.for_path(
                self.path, "a decoded frame has a time stamp that is not in the stream index"
            )
        return j

    def _substitute(self, previous: int) -> Frame:
        hit = self._cache.get(previous)
        if hit is not None:
            return hit
        self._seek(self._seek_position(previous, previous))
        return self._read_until(previous, previous)

    def _fit(self, img: NDArray[Any]) -> Frame:
        if (img.shape[1], img.shape[0]) == self._out_size:
            return np.asarray(img, dtype=np.uint8)
        # INTER_AREA is the better filter for strong reductions but slow for mild ones.
        strong = self._out_size[0] * 2 <= img.shape[1]
        interp = cv2.INTER_AREA if strong else cv2.INTER_LINEAR
        return np.asarray(cv2.resize(img, self._out_size, interpolation=interp), dtype=np.uint8)

    # ------------------------------------------------------------------ lifetime

    def close(self) -> None:
        """Release the decoder and the cache. Further ``frame`` calls raise MediaError."""
        if self._cap is not None:
            self._cap.release()
            self._cap = None
        self._cache.clear()

    def __enter__(self) -> FrameSource:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
