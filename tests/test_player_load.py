"""Loading: failures give a clear message and leave the player usable; unload; reload."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.media.videogen import read_frame_number, write_test_video
from annotator.ui.player import PlayerWidget
from annotator.ui.player.still import qimage_to_bgr
from annotator.ui.player.widget import NO_VIDEO

pytestmark = pytest.mark.gui

WAIT_MS = 10_000


@pytest.fixture
def player(qtbot: QtBot) -> PlayerWidget:
    widget = PlayerWidget()
    qtbot.addWidget(widget, before_close_func=lambda w: w.controller.close())
    widget.resize(480, 360)
    widget.show()
    return widget


@pytest.fixture(scope="module")
def good_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_test_video(tmp_path_factory.mktemp("load") / "good.avi", frames=30,
                            codec="mjpg")


def fail_load(qtbot: QtBot, widget: PlayerWidget, path: Path) -> str:
    with qtbot.waitSignal(widget.controller.loadFailed, timeout=WAIT_MS) as blocker:
        widget.load(str(path))
    message = blocker.args[0]
    assert isinstance(message, str)
    return message


def assert_usable(qtbot: QtBot, widget: PlayerWidget, video: Path) -> None:
    c = widget.controller
    with qtbot.waitSignal(c.loaded, timeout=WAIT_MS) as blocker:
        widget.load(str(video))
    assert blocker.args[0].frame_count == 30
    with qtbot.waitSignal(c.frameShown, timeout=WAIT_MS):
        c.step(7)
    r = widget.video_rect()
    grabbed = qimage_to_bgr(widget.grab().toImage())
    assert read_frame_number(grabbed, rect=(r.x(), r.y(), r.width(), r.height())) == 7
    assert all(a.isEnabled() for a in widget.actions())


def _idle(widget: PlayerWidget) -> None:
    c = widget.controller
    assert not c.is_loaded and c.info is None
    assert c.position_ms == 0 and c.frame_count == 0 and not c.playing
    assert not any(a.isEnabled() for a in widget.actions())
    assert not widget.transport.slider.isEnabled()
    # commands on an empty player do nothing and raise nothing
    c.play()
    c.step(1)
    c.seek(500)
    c.shuttle_forward()
    c.shuttle_reverse()
    assert c.position_ms == 0 and not c.playing and not c.reversing


def test_missing_file(qtbot: QtBot, player: PlayerWidget, tmp_path: Path,
                      good_video: Path) -> None:
    message = fail_load(qtbot, player, tmp_path / "nowhere" / "session1.mp4")
    assert "not found" in message and "session1.mp4" in message
    assert player.view.message() == message  # shown where the picture would be
    _idle(player)
    assert player.view.video_rect().isEmpty()
    assert_usable(qtbot, player, good_video)


def test_text_file_named_mp4(qtbot: QtBot, player: PlayerWidget, tmp_path: Path,
                             good_video: Path) -> None:
    fake = tmp_path / "notes.mp4"
    fake.write_text("This is not a video, just some notes.\n" * 20, encoding="utf-8")
    message = fail_load(qtbot, player, fake)
    assert "notes.mp4" in message
    assert "cannot" in message.lower()
    _idle(player)
    assert_usable(qtbot, player, good_video)


def test_empty_file(qtbot: QtBot, player: PlayerWidget, tmp_path: Path) -> None:
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    message = fail_load(qtbot, player, empty)
    assert "empty.mp4" in message
    _idle(player)


def test_failure_after_a_good_load_replaces_it(
    qtbot: QtBot, player: PlayerWidget, tmp_path: Path, good_video: Path
) -> None:
    c = player.controller
    with qtbot.waitSignal(c.frameShown, timeout=WAIT_MS):
        player.load(str(good_video))
    with qtbot.waitSignals([c.unloaded, c.loadFailed], timeout=WAIT_MS):
        player.load(str(tmp_path / "missing.avi"))
    _idle(player)
    assert player.transport.frame_label.text() == "frame 0 / 0"


def test_unload_and_a_newer_load_wins(
    qtbot: QtBot, player: PlayerWidget, tmp_path: Path, good_video: Path
) -> None:
    c = player.controller
    other = write_test_video(tmp_path / "other.mp4", frames=60, codec="mp4v")
    results: list[object] = []
    c.loaded.connect(results.append)
    c.loadFailed.connect(results.append)
    player.load(str(good_video))
    player.load(str(other))  # supersedes the first before it finished
    qtbot.waitUntil(lambda: len(results) >= 1, timeout=WAIT_MS)
    qtbot.wait(200)
    assert len(results) == 1
    assert c.frame_count == 60
    with qtbot.waitSignal(c.unloaded):
        c.unload()
    _idle(player)
    assert player.view.current_image() is None
    assert player.view.message() == NO_VIDEO
    assert player.view.grab().toImage().pixelColor(5, 5).name() == "#000000"
