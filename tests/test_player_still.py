"""Still decoding: image conversion, request coalescing, the small image cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from annotator.media.frames import FrameSource
from annotator.media.videogen import read_frame_number, write_test_video
from annotator.ui.player.still import StillLoader, bgr_to_qimage, qimage_to_bgr

pytestmark = pytest.mark.gui


def test_bgr_round_trip_keeps_channels_and_odd_widths() -> None:
    rng = np.random.default_rng(7)
    bgr = rng.integers(0, 256, size=(5, 7, 3), dtype=np.uint8)  # odd width: padded rows
    image = bgr_to_qimage(bgr)
    assert (image.width(), image.height()) == (7, 5)
    assert image.format() == QImage.Format.Format_RGB32
    b, g, r = (int(v) for v in bgr[2, 3])
    assert image.pixelColor(3, 2).getRgb()[:3] == (r, g, b)
    assert np.array_equal(qimage_to_bgr(image), bgr)
    gray = rng.integers(0, 256, size=(4, 6), dtype=np.uint8)
    assert np.array_equal(qimage_to_bgr(bgr_to_qimage(gray))[:, :, 0], gray)


@pytest.fixture
def loader(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[StillLoader, QThreadPool]]:
    video = write_test_video(tmp_path / "s.avi", frames=60, codec="mjpg")
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    still = StillLoader(pool, cache_bytes=4 * 320 * 240 * 4)  # room for four images
    source = FrameSource(video)
    still.set_source(source)
    yield still, pool
    pool.waitForDone(5000)
    source.close()


def test_requests_coalesce_to_the_latest(qtbot: QtBot, loader: tuple[StillLoader, QThreadPool]
                                         ) -> None:
    still, _pool = loader
    got: list[tuple[int, int]] = []
    still.imageReady.connect(lambda i, img: got.append((i, read_frame_number(qimage_to_bgr(img)))))
    for index in range(10, 30):  # scrubbing: twenty requests while the first decodes
        still.request(index)
    qtbot.waitUntil(lambda: bool(got) and got[-1][0] == 29 and not still.busy, timeout=10_000)
    assert got[0] == (10, 10) and got[-1] == (29, 29)
    assert len(got) <= 3  # the ones in between were skipped, not queued
    assert all(i == n for i, n in got)  # each image is the frame it claims to be


def test_cache_answers_at_once_and_is_bounded(
    qtbot: QtBot, loader: tuple[StillLoader, QThreadPool]
) -> None:
    still, _pool = loader
    for index in (1, 2, 3, 4, 5):
        with qtbot.waitSignal(still.imageReady, timeout=10_000):
            still.request(index)
    assert still.cached(1) is None  # evicted: four images fit
    assert still.cached(5) is not None
    seen: list[int] = []
    still.imageReady.connect(lambda i, _img: seen.append(i))
    still.request(3)  # cached: delivered synchronously, no worker round trip
    assert seen == [3] and not still.busy
