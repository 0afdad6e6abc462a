"""The workstation keeps faith with a coder who is recording (issue 8 points 2-5).

Real windows (``annotator.ui.app.start``), real study files, real key events; dialogs
are answered by clicking their real buttons from the event loop.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from annotator.core.timefmt import format_short as fs
from annotator.store import Study
from annotator.ui.main_window import MainWindow
from tests.gui_helpers import (
    WAIT_MS,
    answer,
    key,
    open_window,
    recorded,
    seek,
    small_study,
    stored,
    timeline_segments,
)
from tests.studyutil import EXCLUSIVE_CODEBOOK

pytestmark = pytest.mark.gui

SHOTS = Path(__file__).resolve().parents[1] / "build" / "shots"


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """Two sessions without media (the timeline is the clock), one coder."""
    path = small_study(tmp_path / "lab", EXCLUSIVE_CODEBOOK, video=False, duration_ms=60_000)
    with Study.open(path) as s:
        s2 = s.add_session("C01", 2, duration_ms=60_000)
        s.assign(s2.id, "AK", "primary")
    return path


def _window(qtbot: QtBot, study: Path, tmp_path: Path, session: str = "C01:1",
            size: tuple[int, int] = (1280, 720)) -> MainWindow:
    return open_window(qtbot, study, "AK", session, tmp_path / "settings.ini",
                       size=size, wait_media=False)


def _shot(name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS / name


# ---------------------------------------------------------------------- leaving asks
def test_quit_while_recording_asks_and_end_stores_a_segment_at_the_playhead(
    qtbot: QtBot, study: Path, tmp_path: Path
) -> None:
    w = _window(qtbot, study, tmp_path)
    t1 = seek(qtbot, w, 12_000)
    key(qtbot, w, Qt.Key.Key_3)  # praise starts
    t2 = seek(qtbot, w, 15_800)
    asked = answer("leaveWhileRecording", "endRecordings", shots=_shot("leave-recording.png"))
    key(qtbot, w, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Q
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=WAIT_MS)
    assert asked and f"'Praise' since {fs(t1)}" in asked[0]
    assert f"Before you quit: end it at the playhead ({fs(t2)})" in asked[0]
    [seg] = stored(study, "AK", "C01", 1)
    assert (seg.code, seg.start_ms, seg.end_ms) == ("praise", t1, t2)
    assert recorded(study, "AK", "C01", 1) == []


def test_cancel_stays_and_discard_throws_the_recording_away(
    qtbot: QtBot, study: Path, tmp_path: Path
) -> None:
    w = _window(qtbot, study, tmp_path)
    seek(qtbot, w, 2000)
    key(qtbot, w, Qt.Key.Key_1)  # therapist starts
    seek(qtbot, w, 3000)
    # switching session: cancel -> still here, still recording
    asked = answer("leaveWhileRecording", ":escape")
    assert not w.open_session_key("C01:2")
    assert asked
    assert w.session is not None and w.session.number == 1
    assert w.controller is not None and set(w.controller.state.open) == {"therapist"}
    # closing the window: cancel -> the window stays open
    answer("leaveWhileRecording", ":escape")
    w.close()
    assert w.isVisible()
    # switching session: discard -> nothing stored, the other session opens
    answer("leaveWhileRecording", "discardRecordings")
    assert w.open_session_key("C01:2")
    assert w.session is not None and w.session.number == 2
    assert stored(study, "AK", "C01", 1) == [] and recorded(study, "AK", "C01", 1) == []


def test_a_new_session_starts_at_1x(qtbot: QtBot, study: Path, tmp_path: Path) -> None:
    w = _window(qtbot, study, tmp_path)
    pc = w.player.controller
    pc.set_rate(2.0)
    assert w.open_session_key("C01:2")
    assert pc.rate == 1.0
    one = [a for a in w.findChildren(QAction) if a.isCheckable() and a.text() == "1×"]
    assert one and one[0].isChecked()


def test_check_study_lists_open_recordings(qtbot: QtBot, study: Path, tmp_path: Path) -> None:
    with Study.open(study) as s:
        a = s.find_assignment(s.session("C01", 2).id, "AK")
        assert a is not None
        s.start_recording(a.id, "child", 42_000, by="AK")
    w = _window(qtbot, study, tmp_path)
    shown = answer("", ":escape", shots=_shot("check-open-recordings.png"))
    w.actions_by_name["check_study"].trigger()
    assert shown and "C01 session 2 (AK): 'Child' recording since 00:42.0" in shown[0]


def test_switching_coder_while_recording_asks(qtbot: QtBot, study: Path,
                                              tmp_path: Path) -> None:
    w = _window(qtbot, study, tmp_path)
    t1 = seek(qtbot, w, 4000)
    key(qtbot, w, Qt.Key.Key_3)
    t2 = seek(qtbot, w, 5000)
    asked = answer("leaveWhileRecording", "endRecordings")
    w.set_coder("BL")
    assert asked and "switch coder" in asked[0]
    assert w.coder == "BL" and w.controller is None  # AK's coding is not BL's
    [seg] = stored(study, "AK", "C01", 1)
    assert (seg.start_ms, seg.end_ms) == (t1, t2)


# ---------------------------------------------------------------------- reopening
def test_reopening_shows_each_recording_from_its_start_at_the_saved_position(
    qtbot: QtBot, study: Path, tmp_path: Path
) -> None:
    # as the study is left after a crash: two codes recording, the playhead saved
    with Study.open(study) as s:
        a = s.find_assignment(s.session("C01", 1).id, "AK")
        assert a is not None
        s.start_recording(a.id, "praise", 30_000, by="AK")
        s.start_recording(a.id, "child", 31_500, by="AK")
        s.set_last_position(a.id, 33_000)
    w = _window(qtbot, study, tmp_path)
    ctl = w.controller
    assert ctl is not None
    assert ctl.state.open == {"praise": 30_000, "child": 31_500}
    assert w.current_ms() == 33_000
    shown = {s.code: (s.start_ms, s.end_ms) for _lane, s in timeline_segments(w).values()}
    assert shown == {"praise": (30_000, 33_000), "child": (31_500, 33_000)}
    assert w.codes.open_codes() == {"praise", "child"}
    # a click at 22.5 s and the key: refused, never a backwards segment
    back = seek(qtbot, w, 22_500)
    refused = answer("", ":escape", shots=_shot("end-before-start-refused.png"))
    key(qtbot, w, Qt.Key.Key_3)
    assert refused and "'Praise' has been recording since 00:30.0" in refused[0]
    assert f"cannot end at {fs(back)}, before its start" in refused[0]
    assert stored(study, "AK", "C01", 1) == []
    assert set(ctl.state.open) == {"praise", "child"}
    shown = {s.code: (s.start_ms, s.end_ms) for _lane, s in timeline_segments(w).values()}
    assert shown["praise"] == (30_000, 30_000)  # not drawn backwards either
    t = seek(qtbot, w, 34_000)
    key(qtbot, w, Qt.Key.Key_3)
    [seg] = stored(study, "AK", "C01", 1)
    assert (seg.code, seg.start_ms, seg.end_ms) == ("praise", 30_000, t)


def test_the_playhead_is_kept_per_coding_and_a_new_session_starts_at_1x(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = small_study(tmp_path / "lab", EXCLUSIVE_CODEBOOK, frames=250)
    settings = tmp_path / "settings.ini"
    w = open_window(qtbot, path, "AK", "C01:1", settings)
    pc = w.player.controller
    assert pc.rate == 1.0
    pc.set_rate(2.0)
    at = seek(qtbot, w, 6000)
    w.close()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=WAIT_MS)
    w2 = open_window(qtbot, path, "AK", "C01:1", settings)
    qtbot.waitUntil(lambda: w2.player.controller.position_ms == at, timeout=WAIT_MS)
    assert w2.player.controller.rate == 1.0  # not carried across a restart
    qtbot.waitUntil(lambda: w2.timeline.playhead() == at, timeout=WAIT_MS)


# ---------------------------------------------------------------------- undo, submit, hold
def test_one_undo_takes_a_keyboard_coded_segment_and_the_menu_names_it(
    qtbot: QtBot, study: Path, tmp_path: Path
) -> None:
    w = _window(qtbot, study, tmp_path)
    t1 = seek(qtbot, w, 12_300)
    key(qtbot, w, Qt.Key.Key_3)
    tp = seek(qtbot, w, 13_000)
    key(qtbot, w, Qt.Key.Key_4)  # a point code meanwhile
    t2 = seek(qtbot, w, 15_800)
    key(qtbot, w, Qt.Key.Key_3)
    praise = f"'Praise' {fs(t1)}–{fs(t2)}"
    undo = w.actions_by_name["undo"]
    edit_menu = next(m for m in undo.associatedObjects() if hasattr(m, "aboutToShow"))
    edit_menu.aboutToShow.emit()
    assert undo.text() == f"&Undo add {praise}"
    key(qtbot, w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s.code for s in stored(study, "AK", "C01", 1)] == ["question"]
    assert recorded(study, "AK", "C01", 1) == []  # not left recording
    assert f"Undone: add {praise}." in w.statusBar().currentMessage()
    edit_menu.aboutToShow.emit()
    assert undo.text() == f"&Undo add 'Question' at {fs(tp)}"
    assert w.actions_by_name["redo"].text() == f"&Redo add {praise}"


def test_submit_asks_with_the_count_and_refuses_while_recording(
    qtbot: QtBot, study: Path, tmp_path: Path
) -> None:
    w = _window(qtbot, study, tmp_path)
    for start in (1000, 3000):
        seek(qtbot, w, start)
        key(qtbot, w, Qt.Key.Key_3)
        seek(qtbot, w, start + 1000)
        key(qtbot, w, Qt.Key.Key_3)
    t = seek(qtbot, w, 7000)
    key(qtbot, w, Qt.Key.Key_1)  # therapist is recording
    refusal = answer("", ":escape", shots=_shot("submit-refused.png"))
    key(qtbot, w, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert refusal and f"'Therapist' since {fs(t)}" in refusal[0]
    ctl = w.controller
    assert ctl is not None and ctl.assignment.status == "in_progress"
    _activate(qtbot, w)  # the window is active again once the message box is gone
    key(qtbot, w, Qt.Key.Key_Escape)  # discard it
    assert not ctl.state.open
    # the question says how many segments; Cancel leaves it as it was
    asked = answer("submitConfirm", ":return")  # Return: the default button, Cancel
    key(qtbot, w, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked and "C01 session 1, with 2 segments?" in asked[0]
    assert ctl.assignment.status == "in_progress"
    _activate(qtbot, w)
    asked = answer("submitConfirm", "submitButton", shots=_shot("submit-confirm.png"))
    key(qtbot, w, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked and ctl.assignment.status == "submitted"


def _activate(qtbot: QtBot, w: MainWindow) -> None:
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=WAIT_MS)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_hold_mode_shows_in_the_status_bar_and_the_codes_panel(
    qtbot: QtBot, study: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    w = _window(qtbot, study, tmp_path, size=size)
    label = w.keeper.hold_label
    assert not label.isVisible() and not w.codes.hold_banner.isVisible()
    key(qtbot, w, Qt.Key.Key_H)
    qtbot.waitUntil(label.isVisible, timeout=WAIT_MS)
    assert w.codes.hold_banner.isVisible()
    assert label.text() == "HOLD"
    w.grab().save(str(_shot(f"hold-mode-{size[0]}x{size[1]}.png")))
    key(qtbot, w, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=WAIT_MS)
    assert not w.codes.hold_banner.isVisible()
