"""MPEG-TS (camcorder .mts/.m2ts): every frame can be revisited, the first key-frame group too.

OpenCV's seek to a frame of the first key-frame group of an MPEG-TS file lands nowhere
("frame 11 cannot be decoded" before the fix); FrameSource reopens the file instead.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from annotator.media.frames import FrameSource
from annotator.media.probe import probe
from tests.media_factory import ffmpeg_convert, make_video, read_frame_number


@pytest.fixture(scope="module")
def ts_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("mpegts")
    src = make_video(folder, "h264", frames=120)  # one 250-frame GOP: all of it is the first
    return {
        "one_gop": ffmpeg_convert(src, folder / "one-gop.mts", "-c", "copy", "-f", "mpegts"),
        "gop25": ffmpeg_convert(src, folder / "gop25.m2ts", "-c:v", "libx264", "-g", "25",
                                "-bf", "2", "-sc_threshold", "0", "-f", "mpegts"),
    }


@pytest.mark.parametrize("name", ["one_gop", "gop25"])
def test_first_gop_frames_can_be_revisited(ts_files: dict[str, Path], name: str) -> None:
    path = ts_files[name]
    assert probe(path).frame_count == 120
    with FrameSource(path, cache_bytes=0) as src:  # no cache: every request decodes
        assert src.frame_count == 120
        for i in (60, 11, 5, 0, 24, 11, 119, 1):
            assert read_frame_number(src.frame(i)) == i, f"{name}: frame({i})"


def test_any_order_in_mpegts_is_exact(ts_files: dict[str, Path]) -> None:
    order = list(range(120))
    random.Random(7).shuffle(order)
    with FrameSource(ts_files["gop25"], cache_bytes=8 * 320 * 240 * 3) as src:
        for i in order[:60] + list(range(40, -1, -1)):
            assert read_frame_number(src.frame(i)) == i
