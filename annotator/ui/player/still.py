"""Exact still frames from OpenCV, decoded off the GUI thread.

:class:`StillLoader` asks a ``FrameSource`` for frame *k* on a single-thread pool
(the ``FrameSource`` is single-threaded per instance, so every call to it goes
through that one pool), converts the BGR array to a ``QImage`` there, and posts it
back. Requests are coalesced: while one decode runs, only the most recent request
is remembered, so scrubbing never queues up a backlog. A small LRU cache of
converted images (32 MB by default; the ``FrameSource`` keeps its own, larger cache
of decoded frames) makes stepping back and forth over the same frames instant.

Signals of :class:`StillLoader`:

- ``imageReady(int index, QImage image)``: the still of frame ``index`` is ready
  (it may be an older request than the latest one; compare ``index``).
- ``failed(int index, str message)``: decoding frame ``index`` failed.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QImage
from shiboken6 import isValid

from annotator.ui.i18n import translate
from annotator.ui.workers import TaskContext, run_task


def bgr_to_qimage(bgr: npt.NDArray[Any]) -> QImage:
    """An owning ``QImage`` (RGB32, fast to paint) from an OpenCV BGR(A)/gray array."""
    arr = np.ascontiguousarray(bgr)
    if arr.ndim == 2:
        h, w = arr.shape
        img = QImage(arr.data, w, h, arr.strides[0], QImage.Format.Format_Grayscale8)
    elif arr.shape[2] == 4:
        h, w = arr.shape[:2]
        img = QImage(arr.data, w, h, arr.strides[0], QImage.Format.Format_ARGB32)
    else:
        h, w = arr.shape[:2]
        img = QImage(arr.data, w, h, arr.strides[0], QImage.Format.Format_BGR888)
    # convertToFormat copies, so the result no longer refers to the numpy buffer.
    return img.convertToFormat(QImage.Format.Format_RGB32)


class StillLoader(QObject):
    imageReady = Signal(int, QImage)
    failed = Signal(int, str)

    def __init__(self, pool: QThreadPool, cache_bytes: int = 32 * 2**20,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._cache: OrderedDict[int, QImage] = OrderedDict()
        self._cache_bytes = cache_bytes
        self._nbytes = 0
        self._source: Any = None
        self._generation = 0
        self._inflight: int | None = None
        self._wanted: int | None = None

    def set_source(self, source: Any) -> None:
        """Use ``source`` (a ``FrameSource`` or None) from now on; forget older work."""
        self._source = source
        self._generation += 1
        self._cache.clear()
        self._nbytes = 0
        self._inflight = None
        self._wanted = None

    def cached(self, index: int) -> QImage | None:
        img = self._cache.get(index)
        if img is not None:
            self._cache.move_to_end(index)
        return img

    @property
    def busy(self) -> bool:
        return self._inflight is not None

    def request(self, index: int) -> None:
        """Ask for frame ``index``; ``imageReady`` follows (at once if it is cached)."""
        if self._source is None:
            return
        img = self.cached(index)
        if img is not None:
            self._wanted = None
            self.imageReady.emit(index, img)
            return
        self._wanted = index
        if self._inflight is None:
            self._start(index)

    def cancel(self) -> None:
        """Drop the pending request (a decode already running still finishes)."""
        self._wanted = None

    def _start(self, index: int) -> None:
        source = self._source
        generation = self._generation
        self._inflight = index
        self._wanted = None

        def decode(ctx: TaskContext) -> QImage:
            return bgr_to_qimage(source.frame(index))

        run_task(
            decode,
            on_result=lambda img: self._on_decoded(generation, index, img),
            on_error=lambda exc: self._on_error(generation, index, exc),
            pool=self._pool,
        )

    def _on_decoded(self, generation: int, index: int, img: QImage) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._inflight = None
        old = self._cache.pop(index, None)
        if old is not None:
            self._nbytes -= old.sizeInBytes()
        self._cache[index] = img
        self._nbytes += img.sizeInBytes()
        while self._nbytes > self._cache_bytes and len(self._cache) > 1:
            _, dropped = self._cache.popitem(last=False)
            self._nbytes -= dropped.sizeInBytes()
        self.imageReady.emit(index, img)
        self._next()

    def _on_error(self, generation: int, index: int, exc: BaseException) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._inflight = None
        self.failed.emit(index, translate(
            "StillLoader", "Could not decode frame {index}: {error}"
        ).format(index=index, error=exc))
        self._next()

    def _next(self) -> None:
        wanted = self._wanted
        if wanted is not None and self._inflight is None:
            img = self.cached(wanted)
            if img is not None:
                self._wanted = None
                self.imageReady.emit(wanted, img)
            else:
                self._start(wanted)


def qimage_to_bgr(image: QImage) -> npt.NDArray[Any]:
    """A BGR ``uint8`` array (OpenCV's layout) copied from any ``QImage``."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, bpl = rgb.width(), rgb.height(), rgb.bytesPerLine()
    buf = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=bpl * h).reshape(h, bpl)
    return np.ascontiguousarray(buf[:, : w * 3].reshape(h, w, 3)[:, :, ::-1])
