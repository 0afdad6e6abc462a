"""One timebase: when the video starts after the sound, stills and playback still agree.

A camcorder file whose picture starts 0.52 s after its sound (ffmpeg ``-itsoffset``):
QtMultimedia plays on the container's timeline (frame 0 at 0.52 s), OpenCV counts frame
times from the first video frame (frame 0 at 0). The player puts the stills on the playback
timeline, so the frame shown at t is the same in both, and pausing never jumps (before:
13 frames).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from annotator.ui.player import PlayerWidget
from annotator.ui.player.still import qimage_to_bgr
from tests.media_factory import ffmpeg_convert, make_video, read_frame_number

pytestmark = pytest.mark.gui

WAIT_MS = 10_000
DELAY_S = 0.52


def _late_video(folder: Path, suffix: str) -> Path:
    src = make_video(folder, "h264", frames=100, gop=25, bframes=2)
    tone = "sine=frequency=440:sample_rate=48000:duration=4.6"
    out = folder / f"late-video{suffix}"
    extra = ["-f", "mpegts"] if suffix == ".mts" else []
    return ffmpeg_convert(src, out, "-f", "lavfi", "-i", tone, "-map", "0:v", "-map", "1:a",
                          "-c:v", "copy", "-c:a", "aac", *extra, before=("-itsoffset", "0.52"))


def _video_offset_ms(path: Path) -> int:
    """The video stream's start minus the container's start, by ffprobe (test-only tool)."""
    exe = shutil.which("ffprobe")
    if exe is None:
        pytest.skip("ffprobe is not installed")
    out = subprocess.run(
        [exe, "-v", "error", "-select_streams", "v:0", "-show_entries",
         "stream=start_time:format=start_time", "-of", "json", str(path)],
        capture_output=True, text=True, check=True,
    ).stdout
    data = json.loads(out)
    return round(1000 * (float(data["streams"][0]["start_time"])
                         - float(data["format"]["start_time"])))


@pytest.fixture(params=[".mp4", ".mts"])
def late(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _late_video(tmp_path_factory.mktemp("timebase"), str(request.param))


@pytest.fixture
def player(qtbot: QtBot) -> PlayerWidget:
    widget = PlayerWidget()
    qtbot.addWidget(widget, before_close_func=lambda w: w.controller.close())
    widget.resize(640, 440)
    widget.show()
    return widget


def _load(qtbot: QtBot, widget: PlayerWidget, path: Path) -> Any:
    with qtbot.waitSignal(widget.controller.loaded, timeout=WAIT_MS) as blocker:
        widget.load(str(path))
    return blocker.args[0]


def _shown(widget: PlayerWidget) -> int:
    r = widget.video_rect()
    image = qimage_to_bgr(widget.grab().toImage())
    return read_frame_number(image, rect=(r.x(), r.y(), r.width(), r.height()))


def _label(widget: PlayerWidget) -> int:
    m = re.fullmatch(r"frame\s+(\d+) / (\d+)", widget.transport.frame_label.text())
    assert m is not None
    return int(m.group(1))


def test_frame_times_are_on_the_playback_timeline(
    qtbot: QtBot, player: PlayerWidget, late: Path
) -> None:
    expected = _video_offset_ms(late)
    assert abs(expected - DELAY_S * 1000) <= 25  # the file really starts its video late
    _load(qtbot, player, late)
    c = player.controller
    assert abs(c.video_offset_ms - expected) <= 1
    assert c.frame_time(0) == c.video_offset_ms
    assert c.duration_ms >= 4500  # the sound lasts 4.6 s
    # Every frame QtMultimedia plays is, at its start time, the frame the stills name.
    played: list[tuple[int, int]] = []

    def on_frame(frame: Any) -> None:
        if frame.isValid() and frame.startTime() >= 0:
            played.append((frame.startTime() // 1000, read_frame_number(
                qimage_to_bgr(frame.toImage()))))

    c.videoFrameChanged.connect(on_frame)
    c.play()
    qtbot.waitUntil(lambda: len(played) >= 10, timeout=WAIT_MS)
    c.pause()
    times = c.frame_times
    assert times is not None
    assert all(times.index_at(t) == n for t, n in played), played
    # Stills at frame times: the frame the player names is on screen.
    for k in (0, 13, 40, 99):
        with qtbot.waitSignal(c.frameShown, timeout=WAIT_MS):
            c.seek(c.frame_time(k))
        assert _shown(player) == _label(player) == c.frame_index == k
    # Before the first video frame only the sound plays: frame 0 is the picture.
    with qtbot.waitSignal(c.frameShown, timeout=WAIT_MS):
        c.seek(c.video_offset_ms - 200)
    assert c.frame_index == 0 and _shown(player) == 0


def test_pausing_does_not_jump(qtbot: QtBot, player: PlayerWidget, late: Path) -> None:
    _load(qtbot, player, late)
    c = player.controller
    for _ in range(2):
        with qtbot.waitSignal(c.playingChanged, timeout=WAIT_MS):
            c.play()
        qtbot.wait(700)
        playing = _shown(player)
        with qtbot.waitSignals([c.playingChanged, c.frameShown], timeout=WAIT_MS):
            c.pause()
        still = _shown(player)
        # The still is the frame that was on screen (one more at most: it may have advanced
        # between the grab and the pause), never a jump.
        assert 0 <= still - playing <= 1, (playing, still)
        assert still == _label(player) == c.frame_index
