"""Frame-exact display: what the paused player shows is the frame the UI names.

Real generated videos (every frame carries its number as a block code), a real
QMediaPlayer (offscreen, FFmpeg backend) and real OpenCV stills.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from annotator.media.videogen import read_frame_number, write_test_video
from annotator.ui.player import PlayerWidget
from annotator.ui.player.still import qimage_to_bgr

pytestmark = pytest.mark.gui

WAIT_MS = 10_000


@pytest.fixture
def player(qtbot: QtBot) -> PlayerWidget:
    widget = PlayerWidget()
    qtbot.addWidget(widget, before_close_func=lambda w: w.controller.close())
    widget.resize(640, 440)
    widget.show()
    return widget


def load(qtbot: QtBot, widget: PlayerWidget, path: Path) -> Any:
    with qtbot.waitSignal(widget.controller.loaded, timeout=WAIT_MS) as blocker:
        widget.load(str(path))
    return blocker.args[0]


def label_frame(widget: PlayerWidget) -> int:
    m = re.fullmatch(r"frame\s+(\d+) / (\d+)", widget.transport.frame_label.text())
    assert m is not None, widget.transport.frame_label.text()
    return int(m.group(1))


def shown_number(widget: PlayerWidget) -> int:
    r = widget.video_rect()
    assert not r.isEmpty()
    image = qimage_to_bgr(widget.grab().toImage())
    return read_frame_number(image, rect=(r.x(), r.y(), r.width(), r.height()))


def assert_exact(widget: PlayerWidget, expected: int | None = None) -> None:
    c = widget.controller
    on_screen = shown_number(widget)
    assert on_screen == label_frame(widget) == c.frame_index
    if expected is not None:
        assert on_screen == expected
    # the position is the stream's presentation time of that frame, or inside it
    assert c.frame_time(c.frame_index) <= c.position_ms


def step_and_wait(qtbot: QtBot, widget: PlayerWidget, n: int) -> None:
    with qtbot.waitSignal(widget.controller.frameShown, timeout=WAIT_MS) as blocker:
        widget.controller.step(n)
    assert blocker.args[0] == widget.controller.frame_index


CODECS = [
    pytest.param("mp4v", ".mp4", {}, id="mpeg4"),
    pytest.param("mjpg", ".avi", {}, id="mjpeg"),
    pytest.param("h264", ".mp4", {"gop": 250, "bframes": 3}, id="h264-bframes-gop250"),
]


@pytest.mark.parametrize(("codec", "suffix", "options"), CODECS)
def test_steps_forward_and_back_are_frame_exact(
    qtbot: QtBot, tmp_path: Path, player: PlayerWidget, codec: str, suffix: str,
    options: dict[str, int],
) -> None:
    path = write_test_video(tmp_path / f"steps{suffix}", frames=140, codec=codec, **options)
    load(qtbot, player, path)
    c = player.controller
    with qtbot.waitSignal(c.frameShown, timeout=WAIT_MS):
        c.seek(c.frame_time(100))
    assert_exact(player, 100)
    expected = 100
    for _ in range(10):
        step_and_wait(qtbot, player, +1)
        expected += 1
        assert_exact(player, expected)
        assert c.position_ms == int(c.frame_times.pts_ms[expected])  # the stream's pts
    for _ in range(25):
        step_and_wait(qtbot, player, -1)
        expected -= 1
        assert_exact(player, expected)
        assert c.position_ms == int(c.frame_times.pts_ms[expected])


def test_play_then_pause_advances_and_shows_the_exact_frame(
    qtbot: QtBot, tmp_path: Path, player: PlayerWidget
) -> None:
    path = write_test_video(tmp_path / "play.mp4", frames=125, codec="mp4v")
    load(qtbot, player, path)
    c = player.controller
    with qtbot.waitSignal(c.frameShown, timeout=WAIT_MS):
        c.seek(c.frame_time(10))
    start = c.position_ms
    with qtbot.waitSignal(c.playingChanged, timeout=WAIT_MS):
        c.play()
    assert c.playing
    qtbot.wait(1000)
    with qtbot.waitSignals([c.playingChanged, c.frameShown], timeout=WAIT_MS):
        c.pause()
    assert not c.playing
    advanced = c.position_ms - start
    assert 300 <= advanced <= 2500
    assert_exact(player)


def test_playback_shows_moving_frames_from_the_video_sink(
    qtbot: QtBot, tmp_path: Path, player: PlayerWidget
) -> None:
    path = write_test_video(tmp_path / "sink.mp4", frames=100, codec="mp4v")
    load(qtbot, player, path)
    c = player.controller
    seen: list[int] = []
    c.videoFrameChanged.connect(lambda frame: seen.append(frame.startTime()))
    c.play()
    qtbot.waitUntil(lambda: len(seen) >= 5, timeout=WAIT_MS)
    numbers = set()
    for _ in range(4):
        qtbot.wait(150)
        on_screen = shown_number(player)
        numbers.add(on_screen)
        # the label follows the picture (updated at ~15 Hz while playing)
        assert abs(label_frame(player) - on_screen) <= 3
    c.pause()
    assert len(numbers) >= 2  # the picture changes while playing
    assert seen == sorted(seen)


def test_screenshot_at_1280x720_is_letterboxed(
    qtbot: QtBot, tmp_path: Path, player: PlayerWidget
) -> None:
    path = write_test_video(tmp_path / "shot.mp4", frames=50, size=(320, 240), codec="mp4v")
    player.resize(1280, 720)
    load(qtbot, player, path)
    with qtbot.waitSignal(player.controller.frameShown, timeout=WAIT_MS):
        player.controller.seek(player.controller.frame_time(42))
    shot = player.grab()
    assert (shot.width(), shot.height()) == (1280, 720)
    shot.save(str(tmp_path / "player.png"))
    r = player.video_rect()
    assert abs(r.width() / r.height() - 320 / 240) < 0.01
    assert r.height() == player.view.height()  # taller than wide: bars left and right
    assert r.center().x() in range(638, 643)
    assert shown_number(player) == 42
    assert player.transport.time_label.text() == "00:00:01.680 / 00:00:02.000"
