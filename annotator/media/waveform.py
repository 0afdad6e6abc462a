"""The sound's waveform for the timeline: peak levels per time bin, and their cache.

The peaks are computed once per recording (decoding the sound takes seconds for a long
session; see ``annotator.ui.player.waveform``, which decodes with QtMultimedia on a worker
and feeds a :class:`PeakAccumulator`) and cached in a small file in the user's cache
folder, named by the recording's SHA-256: no file name or path, and nothing from which the
sound could be recovered (one 8-bit level per 20 ms). Writing goes through a temporary file
in the cache folder that is renamed into place.

Times are milliseconds on the playback timeline, like every time in the program.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

#: Time bins per second (one peak level per 20 ms).
BINS_PER_SECOND = 50
_MAGIC = b"ANNOTWF1"
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Waveform:
    """``peaks[i]``: the loudest sample in [i, i+1) / ``bins_per_second`` s, 0..255 (full
    scale); ``bins_per_second`` bins a second."""

    peaks: NDArray[np.uint8]
    bins_per_second: int = BINS_PER_SECOND

    @property
    def duration_ms(self) -> int:
        return int(self.peaks.shape[0]) * 1000 // self.bins_per_second

    def bin_at(self, ms: float) -> int:
        return int(ms * self.bins_per_second // 1000)

    def level(self, start_ms: float, end_ms: float) -> int:
        """The peak level (0..255) between two times."""
        lo = max(0, self.bin_at(start_ms))
        hi = min(self.peaks.shape[0], max(lo + 1, self.bin_at(end_ms)))
        return int(self.peaks[lo:hi].max()) if hi > lo else 0

    def columns(self, origin_ms: float, ms_per_px: float, width: int) -> NDArray[np.uint8]:
        """The peak level of each of ``width`` pixel columns from ``origin_ms`` on."""
        n = self.peaks.shape[0]
        if width <= 0 or n == 0:
            return np.zeros(max(width, 0), np.uint8)
        edges = (origin_ms + np.arange(width + 1) * ms_per_px) * self.bins_per_second / 1000
        lo = np.clip(np.floor(edges[:-1]).astype(np.int64), 0, n)
        hi = np.clip(np.maximum(np.floor(edges[1:]).astype(np.int64), lo + 1), 0, n)
        padded = np.append(self.peaks, np.uint8(0))  # index n is valid: level 0
        idx = np.empty(2 * width, np.int64)
        idx[0::2], idx[1::2] = lo, hi
        out: NDArray[np.uint8] = np.maximum.reduceat(padded, idx)[0::2]
        out[lo >= n] = 0
        return out

    def shifted(self, offset_ms: int) -> Waveform:
        """The waveform starting ``offset_ms`` later (silence before it)."""
        pad = max(0, int(offset_ms)) * self.bins_per_second // 1000
        if pad == 0:
            return self
        peaks = np.concatenate([np.zeros(pad, np.uint8), self.peaks])
        return Waveform(peaks, self.bins_per_second)

    def to_bytes(self) -> bytes:
        """The cache file's content (see ``from_bytes``)."""
        return _MAGIC + self.bins_per_second.to_bytes(4, "little") + self.peaks.tobytes()

    @staticmethod
    def from_bytes(data: bytes) -> Waveform | None:
        """A waveform from ``to_bytes`` output; None if ``data`` is not one."""
        if len(data) < 12 or data[:8] != _MAGIC:
            return None
        bins = int.from_bytes(data[8:12], "little")
        if not 1 <= bins <= 10_000:
            return None
        return Waveform(np.frombuffer(data[12:], dtype=np.uint8).copy(), bins)


class PeakAccumulator:
    """Collects decoded sound into peak levels per bin.

    ``add(start_us, samples, rate)``: ``samples`` is a float array of shape (frames,) or
    (frames, channels) in [-1, 1], starting at ``start_us`` microseconds.
    """

    def __init__(self, bins_per_second: int = BINS_PER_SECOND) -> None:
        self.bins_per_second = bins_per_second
        self._peaks = np.zeros(0, np.float32)
        self._length = 0

    def add(self, start_us: int, samples: NDArray[np.floating], rate: int) -> None:
        if rate <= 0 or samples.size == 0:
            return
        magnitude = np.abs(samples).astype(np.float32, copy=False)
        if magnitude.ndim == 2:  # the loudest channel (column by column: faster than axis=1)
            level = magnitude[:, 0].copy()
            for c in range(1, magnitude.shape[1]):
                np.maximum(level, magnitude[:, c], out=level)
        else:
            level = magnitude
        first = start_us * self.bins_per_second / 1_000_000
        bins = np.floor(first + np.arange(level.shape[0]) * (self.bins_per_second / rate))
        bins = bins.astype(np.int64)
        if bins[0] < 0:
            keep = bins >= 0
            bins, level = bins[keep], level[keep]
            if bins.size == 0:
                return
        need = int(bins[-1]) + 1
        if need > self._peaks.shape[0]:
            grown = np.zeros(max(need, self._peaks.shape[0] * 2), np.float32)
            grown[: self._peaks.shape[0]] = self._peaks
            self._peaks = grown
        self._length = max(self._length, need)
        starts = np.flatnonzero(np.r_[True, bins[1:] != bins[:-1]])
        maxima = np.maximum.reduceat(level, starts)
        where = bins[starts]
        self._peaks[where] = np.maximum(self._peaks[where], maxima)

    def result(self) -> Waveform:
        n = self._length
        peaks = np.clip(np.rint(self._peaks[:n] * 255.0), 0, 255).astype(np.uint8)
        return Waveform(peaks, self.bins_per_second)


# --------------------------------------------------------------------------- cache


def cache_dir() -> Path:
    """The user's cache folder for annotator (``ANNOTATOR_CACHE_DIR`` overrides it)."""
    override = os.environ.get("ANNOTATOR_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "annotator" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "annotator"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "annotator"


def cache_path(sha256: str) -> Path:
    if not _SHA256.fullmatch(sha256):
        raise ValueError("a waveform is cached under the recording's SHA-256 (64 hex digits)")
    return cache_dir() / "waveforms" / f"{sha256}.peaks"


def load_cached(sha256: str) -> Waveform | None:
    """The cached waveform of the recording with this SHA-256, or None."""
    try:
        data = cache_path(sha256).read_bytes()
    except (OSError, ValueError):
        return None
    return Waveform.from_bytes(data)


def save_cached(sha256: str, waveform: Waveform) -> Path:
    """Write the waveform to the cache (atomically); returns the file."""
    target = cache_path(sha256)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = waveform.to_bytes()
    fd, tmp = tempfile.mkstemp(prefix=".peaks-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target
