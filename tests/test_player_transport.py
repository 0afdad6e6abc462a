"""Transport: speed, J/K/L shuttle, jumps and their clamping, keyboard shortcuts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from annotator.media.videogen import read_frame_number, write_test_video
from annotator.ui.player import PLAYER_KEYS, PlayerWidget
from annotator.ui.player.still import qimage_to_bgr

pytestmark = pytest.mark.gui

WAIT_MS = 10_000


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("transport") / "v.mp4"
    return write_test_video(path, frames=150, codec="mp4v")  # 6 s at 25 fps


def _close_player(widget: QWidget) -> None:
    for player in [widget, *widget.findChildren(PlayerWidget)]:
        if isinstance(player, PlayerWidget):
            player.controller.close()


@pytest.fixture
def player(qtbot: QtBot, video: Path) -> PlayerWidget:
    widget = PlayerWidget()
    qtbot.addWidget(widget, before_close_func=_close_player)
    widget.resize(640, 440)
    widget.show()
    with qtbot.waitSignal(widget.controller.frameShown, timeout=WAIT_MS):
        widget.load(str(video))
    return widget


def shown_number(widget: PlayerWidget) -> int:
    r = widget.video_rect()
    image = qimage_to_bgr(widget.grab().toImage())
    return read_frame_number(image, rect=(r.x(), r.y(), r.width(), r.height()))


def test_speed_box_and_set_rate(qtbot: QtBot, player: PlayerWidget) -> None:
    c, box = player.controller, player.transport.speed_box
    rates = [box.itemData(i) for i in range(box.count())]
    assert rates[0] == 0.25 and rates[-1] == 2.0 and 1.0 in rates
    with qtbot.waitSignal(c.rateChanged) as blocker:
        box.setCurrentIndex(0)
        box.activated.emit(0)
    assert blocker.args == [0.25]
    assert c.rate == 0.25
    c.set_rate(5.0)  # clamped
    assert c.rate == 2.0 and box.currentData() == 2.0
    c.set_rate(0.8)  # a restored setting that is not in the list gets an entry
    assert box.currentData() == 0.8 and box.currentText() == "0.8×"
    c.set_rate(0.1)
    assert c.rate == 0.25
    availability = c._player.pitchCompensationAvailability()
    if availability != QMediaPlayer.PitchCompensationAvailability.Unavailable:
        assert c.pitch_compensation  # slowed-down speech keeps its pitch


def _measure_speed(qtbot: QtBot, widget: PlayerWidget) -> float:
    c = widget.controller
    qtbot.waitUntil(lambda: c.position_ms > 200, timeout=WAIT_MS)  # running smoothly
    p0, t0 = c.position_ms, time.monotonic()
    qtbot.wait(1000)
    p1, t1 = c.position_ms, time.monotonic()
    return (p1 - p0) / 1000 / (t1 - t0)


def test_playback_rate_changes_the_pace(qtbot: QtBot, player: PlayerWidget) -> None:
    c = player.controller
    c.set_rate(2.0)
    c.play()
    fast = _measure_speed(qtbot, player)
    c.pause()
    c.seek(0)
    c.set_rate(0.5)
    c.play()
    slow = _measure_speed(qtbot, player)
    c.pause()
    assert 1.3 < fast < 2.7
    assert 0.25 < slow < 0.8


def test_jkl_shuttle(qtbot: QtBot, player: PlayerWidget) -> None:
    c, a = player.controller, player.player_actions
    c.set_rate(0.5)
    with qtbot.waitSignal(c.playingChanged):
        a.shuttle_forward.trigger()  # L: play at 1x
    assert c.playing and c.rate == 1.0
    a.shuttle_forward.trigger()
    assert c.rate == 1.5
    a.shuttle_forward.trigger()
    assert c.rate == 2.0
    a.shuttle_forward.trigger()
    assert c.rate == 2.0
    with qtbot.waitSignal(c.frameShown, timeout=WAIT_MS):
        a.shuttle_stop.trigger()  # K
    assert not c.playing
    assert shown_number(player) == c.frame_index

    # J: reverse shuttle, one frame back at a time, shown exactly, until K
    c.go_to_frame(60)
    qtbot.waitUntil(lambda: shown_number(player) == 60, timeout=WAIT_MS)
    shown: list[int] = []
    c.frameShown.connect(lambda index, _ms: shown.append(index))
    with qtbot.waitSignal(c.reversingChanged):
        a.shuttle_reverse.trigger()
    assert c.reversing and not c.playing
    qtbot.waitUntil(lambda: len(shown) >= 4, timeout=WAIT_MS)
    a.shuttle_stop.trigger()
    assert not c.reversing
    stopped_at = c.frame_index
    qtbot.wait(300)
    assert c.frame_index == stopped_at
    assert shown[:4] == [59, 58, 57, 56]
    qtbot.waitUntil(lambda: shown_number(player) == stopped_at, timeout=WAIT_MS)

    # J twice goes faster; it stops by itself at the first frame
    c.go_to_frame(6)
    a.shuttle_reverse.trigger()
    a.shuttle_reverse.trigger()
    qtbot.waitUntil(lambda: not c.reversing, timeout=WAIT_MS)
    assert c.frame_index == 0 and c.position_ms == 0
    qtbot.waitUntil(lambda: shown_number(player) == 0, timeout=WAIT_MS)

    # L during the reverse shuttle plays forward
    c.go_to_frame(50)
    a.shuttle_reverse.trigger()
    a.shuttle_forward.trigger()
    assert c.playing and not c.reversing
    a.play_pause.trigger()  # Space pauses
    assert not c.playing


def test_jumps_clamp_at_start_and_end(qtbot: QtBot, player: PlayerWidget) -> None:
    c, a = player.controller, player.player_actions
    assert c.duration_ms == 6000
    c.seek(700)
    a.back_1s.trigger()
    assert c.position_ms == 0
    a.forward_5s.trigger()
    assert c.position_ms == 5000
    a.forward_1s.trigger()
    assert c.position_ms == 6000 and c.frame_index == 149
    a.forward_5s.trigger()
    assert c.position_ms == 6000
    a.step_forward.trigger()
    assert c.frame_index == 149 and c.position_ms == c.frame_time(149)
    a.back_5s.trigger()
    assert c.position_ms == c.frame_time(149) - 5000
    a.back_5s.trigger()
    assert c.position_ms == 0
    a.step_back.trigger()
    assert c.position_ms == 0 and c.frame_index == 0
    a.go_end.trigger()
    assert c.position_ms == c.duration_ms
    with qtbot.waitSignal(c.frameShown, timeout=WAIT_MS):
        a.go_start.trigger()
    assert c.position_ms == 0
    c.seek(-50)
    assert c.position_ms == 0
    c.seek(10**9)
    assert c.position_ms == 6000


def test_keyboard_shortcuts_work_window_wide(qtbot: QtBot, video: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window, before_close_func=_close_player)
    layout = QVBoxLayout(window)
    player = PlayerWidget(window)
    c = player.controller
    with qtbot.waitSignal(c.frameShown, timeout=WAIT_MS):
        player.load(str(video))
    other = QWidget(window)  # e.g. the timeline, which has focus
    other.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    editor = QLineEdit(window)  # e.g. a note field
    layout.addWidget(player)
    layout.addWidget(other)
    layout.addWidget(editor)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus, timeout=WAIT_MS)

    with qtbot.waitSignal(c.frameShown, timeout=WAIT_MS):
        qtbot.keyClick(other, Qt.Key.Key_Right)
    assert c.frame_index == 1
    qtbot.keyClick(other, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert c.position_ms == c.frame_time(1) + 1000
    qtbot.keyClick(other, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert c.position_ms == 0
    qtbot.keyClick(other, Qt.Key.Key_End)
    assert c.position_ms == c.duration_ms
    qtbot.keyClick(other, Qt.Key.Key_Home)
    assert c.position_ms == 0
    with qtbot.waitSignal(c.playingChanged):
        qtbot.keyClick(other, Qt.Key.Key_Space)
    assert c.playing
    with qtbot.waitSignal(c.playingChanged):
        qtbot.keyClick(other, Qt.Key.Key_K)
    assert not c.playing

    # a text field keeps its editing keys
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=WAIT_MS)
    c.seek(2000)
    qtbot.keyClicks(editor, "hi jkl")
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    assert editor.text() == "hi jkl"
    assert c.position_ms == 2000 and not c.playing and not c.reversing
    assert editor.cursorPosition() == 5
    window.close()


def test_actions_have_tooltips_and_names_for_menus(player: PlayerWidget) -> None:
    actions = player.actions()
    assert actions == player.player_actions.all()
    keys = {a.shortcut().toString() for a in actions}
    assert keys == set(PLAYER_KEYS)
    for action in actions:
        shortcut = action.shortcut().toString()
        assert action.toolTip().endswith(f"({shortcut})"), action.toolTip()
        assert action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
        assert action.isEnabled()
    step = player.player_actions.step_back
    assert "Previous frame" in step.toolTip() and not step.icon().isNull()


def test_position_changes_are_throttled_while_playing(
    qtbot: QtBot, player: PlayerWidget
) -> None:
    c = player.controller
    positions: list[int] = []
    c.positionChanged.connect(positions.append)
    c.set_rate(2.0)
    c.play()
    qtbot.wait(1000)
    c.pause()
    assert 5 <= len(positions) <= 40  # ~30 Hz at most
    assert positions == sorted(positions)
