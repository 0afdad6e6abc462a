"""FrameSource: frame times from the stream and frame-exact decoding."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.media.errors import (
    Cancelled,
    MediaEmptyError,
    MediaError,
    MediaMissingError,
    MediaUnreadableError,
)
from annotator.media.frames import FrameSource
from annotator.media.videogen import ffmpeg_path
from tests.media_factory import CODEC_FILES, make_video, read_frame_number, write_test_video

FRAMES = 400
FRAME_BYTES = 320 * 240 * 3
# A variable frame rate: 40 ms frames, a 3 s pause after frame 50, then 40/53/66 ms jitter.
# Frame numbers computed from times and the frame rate go wrong after the pause, so
# OpenCV's own seeking (which does that) returns wrong frames in this file.
VFR_TIMES = [0]
for _k in range(1, 200):
    VFR_TIMES.append(VFR_TIMES[-1] + 40 + (3000 if _k == 51 else 0) + (_k % 3) * 13 * (_k > 120))


@pytest.fixture(scope="module")
def videos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("frames")
    out = {c: make_video(folder, c, frames=FRAMES) for c in ("mp4v", "mjpg")}
    if ffmpeg_path() is not None:
        out["h264"] = make_video(folder, "h264", frames=FRAMES)  # gop 250, 3 B-frames
        out["vfr"] = write_test_video(folder / "vfr.mkv", frames=len(VFR_TIMES), codec="h264",
                                      gop=60, bframes=3, frame_times_ms=VFR_TIMES)
    return out


def _video(videos: dict[str, Path], name: str) -> Path:
    if name not in videos:
        pytest.skip("the ffmpeg program is not installed (needed to write H.264)")
    return videos[name]


def _check(src: FrameSource, i: int) -> None:
    assert read_frame_number(src.frame(i)) == i, f"frame({i}) shows another frame"


@pytest.mark.parametrize("codec", list(CODEC_FILES))
@pytest.mark.parametrize("cache_bytes", [256 * 2**20, 12 * FRAME_BYTES, 0])
def test_exact_steps_and_random_access(
    videos: dict[str, Path], codec: str, cache_bytes: int
) -> None:
    with FrameSource(_video(videos, codec), cache_bytes) as src:
        assert src.frame_count == FRAMES
        pts = src.pts_ms
        assert np.all(np.diff(pts) > 0)
        for i in range(FRAMES):
            assert src.frame_index_at(int(pts[i])) == i
            if i:
                assert src.frame_index_at(int(pts[i]) - 1) == i - 1
        i = 100
        _check(src, i)
        for _ in range(10):
            i += 1
            _check(src, i)
        for _ in range(25):
            i -= 1
            _check(src, i)
        rnd = random.Random(f"{codec}-{cache_bytes}")
        for j in [rnd.randrange(FRAMES) for _ in range(30)] + [FRAMES - 1, 0, FRAMES - 1]:
            _check(src, j)


@pytest.mark.parametrize("codec", list(CODEC_FILES))
def test_constant_rate_times_come_from_the_stream(videos: dict[str, Path], codec: str) -> None:
    with FrameSource(_video(videos, codec)) as src:
        assert src.pts_ms.dtype == np.int64
        assert list(src.pts_ms) == [40 * k for k in range(FRAMES)]
        assert src.info.frame_count == FRAMES and src.info.duration_ms == FRAMES * 40
        assert (src.info.width, src.info.height) == (320, 240)


def test_stepping_uses_stream_times_not_frame_rate(videos: dict[str, Path]) -> None:
    with FrameSource(_video(videos, "vfr")) as src:
        assert list(src.pts_ms) == VFR_TIMES
        t = 0
        seen = [t]
        while (nxt := src.next_frame_time(t)) != t:
            t = nxt
            seen.append(t)
        assert seen == VFR_TIMES
        back = [t]
        while (prev := src.prev_frame_time(t)) != t:
            t = prev
            back.append(t)
        assert back == VFR_TIMES[::-1]
        # Across the pause, one step is 3 s: 1000/fps arithmetic would land inside it.
        assert src.next_frame_time(VFR_TIMES[50]) == VFR_TIMES[51] == VFR_TIMES[50] + 3040
        assert src.frame_index_at(VFR_TIMES[51] - 1) == 50
        for i in [51, 50, 49, 52, 199, 190, 189, 0, 150, 121, 120, 119, 60, 59, 51]:
            _check(src, i)
            assert read_frame_number(src.frame_at(src.frame_time(i) + 1)) == i


def test_times_between_and_outside_frames(videos: dict[str, Path]) -> None:
    with FrameSource(_video(videos, "mjpg")) as src:
        assert src.frame_index_at(-500) == 0
        assert src.frame_index_at(0) == 0
        assert src.frame_index_at(39) == 0
        assert src.frame_index_at(40) == 1
        assert src.frame_index_at(10**9) == FRAMES - 1
        assert src.next_frame_time(55) == 80
        assert src.prev_frame_time(55) == 0
        assert src.prev_frame_time(0) == 0
        assert src.next_frame_time(src.frame_time(FRAMES - 1)) == src.frame_time(FRAMES - 1)
        with pytest.raises(IndexError):
            src.frame_time(FRAMES)
        with pytest.raises(IndexError):
            src.frame(-1)


@pytest.mark.parametrize("codec", ["mp4v", "h264"])
def test_decode_index_matches_packet_index(videos: dict[str, Path], codec: str) -> None:
    path = _video(videos, codec)
    with FrameSource(path) as fast, FrameSource(path, index_method="decode") as slow:
        assert fast.index_method == "packets" and slow.index_method == "decode"
        assert np.array_equal(fast.pts_ms, slow.pts_ms)
        for i in (300, 299, 17, 250, 249, 0):
            _check(slow, i)


@pytest.mark.parametrize("codec", list(CODEC_FILES))
def test_whole_file_backwards_with_small_cache(videos: dict[str, Path], codec: str) -> None:
    # Crosses every key frame backwards, including the first frames after each key frame.
    with FrameSource(_video(videos, codec), cache_bytes=40 * FRAME_BYTES) as src:
        for i in range(FRAMES - 1, -1, -1):
            _check(src, i)
            assert src.cache_nbytes <= 40 * FRAME_BYTES


def test_backward_step_fills_cache_with_the_run(videos: dict[str, Path]) -> None:
    with FrameSource(_video(videos, "h264")) as src:
        _check(src, 200)  # a random access keeps a few frames before the one asked for
        assert [k for k in range(FRAMES) if src.is_cached(k)] == [0, *range(193, 201)]
        for i in range(199, 191, -1):
            _check(src, i)
        # The first back-step that missed decoded from the key frame (0) once and kept
        # the whole run.
        assert all(src.is_cached(k) for k in range(0, 201))
    with FrameSource(_video(videos, "h264"), cache_bytes=10 * FRAME_BYTES) as src:
        for i in range(200, 191, -1):
            _check(src, i)
        assert [k for k in range(FRAMES) if src.is_cached(k)] == list(range(183, 193))
        assert src.cache_nbytes == 10 * FRAME_BYTES


def test_max_size_scales_frames_and_cache(videos: dict[str, Path]) -> None:
    with FrameSource(_video(videos, "mp4v"), max_size=(160, 160)) as src:
        assert src.frame_size == (160, 120)
        img = src.frame(123)
        assert img.shape == (120, 160, 3) and img.dtype == np.uint8
        assert read_frame_number(img) == 123
        assert src.info.width == 320  # info describes the video, not the stills


def test_frames_are_read_only(videos: dict[str, Path]) -> None:
    with FrameSource(_video(videos, "mjpg")) as src:
        img = src.frame(5)
        with pytest.raises(ValueError):
            img[0, 0, 0] = 1
        assert src.frame(5) is img  # served from the cache


def test_close_and_context_manager(videos: dict[str, Path]) -> None:
    src = FrameSource(_video(videos, "mp4v"))
    with src:
        _check(src, 3)
    with pytest.raises(MediaError, match="closed"):
        src.frame(4)
    src.close()  # closing twice is harmless
    assert src.frame_time(4) == 160  # times stay available


def test_open_reports_progress_and_can_be_cancelled(videos: dict[str, Path]) -> None:
    calls: list[tuple[int, int]] = []
    with FrameSource(_video(videos, "mjpg"), progress=lambda d, t: calls.append((d, t))):
        pass
    assert calls[-1] == (FRAMES, FRAMES)
    with pytest.raises(Cancelled):
        FrameSource(_video(videos, "mjpg"), cancelled=lambda: True)


def test_typed_errors(tmp_path: Path) -> None:
    with pytest.raises(MediaMissingError):
        FrameSource(tmp_path / "missing.mp4")
    (tmp_path / "empty.avi").touch()
    with pytest.raises(MediaEmptyError):
        FrameSource(tmp_path / "empty.avi")
    (tmp_path / "text.mp4").write_text("not a video\n" * 100, encoding="utf-8")
    with pytest.raises(MediaUnreadableError):
        FrameSource(tmp_path / "text.mp4")


@pytest.fixture(scope="module")
def short_gop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("gop")
    if ffmpeg_path() is None:
        return make_video(folder, "mp4v", frames=120)
    return write_test_video(folder / "gop.mp4", frames=120, codec="h264", gop=30, bframes=3)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    requests=st.lists(st.integers(min_value=0, max_value=119), min_size=1, max_size=25),
    cache_frames=st.sampled_from([0, 3, 20, 200]),
)
def test_any_request_order_is_exact(
    short_gop: Path, requests: list[int], cache_frames: int
) -> None:
    with FrameSource(short_gop, cache_frames * FRAME_BYTES) as src:
        for i in requests:
            _check(src, i)
            for k in (i - 1, i + 1):  # and the neighbours, as stepping would ask
                if 0 <= k < 120:
                    _check(src, k)
