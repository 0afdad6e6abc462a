"""The coding workstation end to end: coding rules, undo across a restart, editing.

A small real study (a codebook with an exclusive category, a state code and a point
code) with a numbered 25 fps video; the real main window; real key and mouse events;
what is stored is read back through a second connection to the study file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from annotator.ui.main_window import MainWindow
from annotator.ui.segment_table import Column
from tests.gui_helpers import (
    WAIT_MS,
    answer,
    focus,
    key,
    lane_point,
    log_actions,
    open_window,
    recorded,
    seek,
    small_study,
    stored,
    table_ids,
    timeline_segments,
)
from tests.studyutil import EXCLUSIVE_CODEBOOK

pytestmark = pytest.mark.gui


@pytest.fixture
def study(tmp_path: Path) -> Path:
    return small_study(tmp_path / "study", EXCLUSIVE_CODEBOOK, frames=250)


@pytest.fixture
def win(qtbot: QtBot, study: Path, tmp_path: Path) -> MainWindow:
    return open_window(qtbot, study, "AK", "C01:1", tmp_path / "settings.ini")


def mine(study: Path) -> list:  # type: ignore[type-arg]
    return stored(study, "AK", "C01", 1)


def spans(study: Path) -> list[tuple[str, int, int | None, bool]]:
    """The coding as stored: segments, and recordings (no end yet, ``True``)."""
    done: list[tuple[str, int, int | None, bool]] = [
        (s.code, s.start_ms, s.end_ms, False) for s in mine(study)]
    rec = [(r.code, r.start_ms, None, True) for r in recorded(study, "AK", "C01", 1)]
    return sorted(done + rec, key=lambda t: (t[1], t[3]))


def code_span(qtbot: QtBot, w: MainWindow, k: Qt.Key, start: int, end: int) -> None:
    seek(qtbot, w, start)
    key(qtbot, w, k)
    seek(qtbot, w, end)
    key(qtbot, w, k)


def test_an_exclusive_code_closes_the_open_one(qtbot: QtBot, win: MainWindow,
                                               study: Path) -> None:
    t1 = seek(qtbot, win, 1000)
    key(qtbot, win, Qt.Key.Key_1)
    assert spans(study) == [("therapist", t1, None, True)]  # stored at once, still open
    assert win.codes.open_codes() == {"therapist"}  # the codes panel shows it recording
    t2 = seek(qtbot, win, 2000)
    key(qtbot, win, Qt.Key.Key_2)
    assert spans(study) == [("therapist", t1, t2, False), ("child", t2, None, True)]
    assert win.controller is not None and set(win.controller.state.open) == {"child"}
    t3 = seek(qtbot, win, 3000)
    key(qtbot, win, Qt.Key.Key_3)  # a non-exclusive code leaves "child" open
    assert set(win.controller.state.open) == {"child", "praise"}
    key(qtbot, win, Qt.Key.Key_2)
    key(qtbot, win, Qt.Key.Key_3)
    # "praise" opened and closed at the same time: a zero-length state segment is kept
    assert spans(study) == [("therapist", t1, t2, False), ("child", t2, t3, False),
                            ("praise", t3, t3, False)]
    assert win.codes.open_codes() == set()


def test_a_point_code_is_an_instant(qtbot: QtBot, win: MainWindow, study: Path) -> None:
    assert "assigned" in win.session_label.text()
    t = seek(qtbot, win, 1520)
    key(qtbot, win, Qt.Key.Key_4)
    # the first edit started the coding: the status bar and the browser say so
    assert "in progress" in win.session_label.text()
    assert spans(study) == [("question", t, t, False)]
    assert win.controller is not None and not win.controller.state.open
    (seg,) = mine(study)
    assert timeline_segments(win)[seg.id] == ("question", seg)


def test_hold_mode_codes_while_the_key_is_down(qtbot: QtBot, win: MainWindow,
                                               study: Path) -> None:
    hold = win.actions_by_name["hold_mode"]
    assert not hold.isChecked()
    key(qtbot, win, Qt.Key.Key_H)  # the menu shortcut
    assert hold.isChecked()
    t1 = seek(qtbot, win, 1000)
    qtbot.keyPress(win, Qt.Key.Key_3)
    assert spans(study) == [("praise", t1, None, True)]
    t2 = seek(qtbot, win, 2400)
    qtbot.keyRelease(win, Qt.Key.Key_3)
    assert spans(study) == [("praise", t1, t2, False)]
    key(qtbot, win, Qt.Key.Key_H)
    assert not hold.isChecked()
    seek(qtbot, win, 3000)
    qtbot.keyPress(win, Qt.Key.Key_3)
    qtbot.keyRelease(win, Qt.Key.Key_3)  # toggle mode again: the release ends nothing
    assert win.controller is not None and set(win.controller.state.open) == {"praise"}


def test_undo_and_redo_survive_a_restart(qtbot: QtBot, study: Path, tmp_path: Path) -> None:
    settings = tmp_path / "settings.ini"
    w = open_window(qtbot, study, "AK", "C01:1", settings)
    code_span(qtbot, w, Qt.Key.Key_3, 1000, 3000)
    (seg,) = mine(study)
    assert (seg.start_ms, seg.end_ms) == (1000, 3000)
    w.close()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=WAIT_MS)

    w2 = open_window(qtbot, study, "AK", "C01:1", settings)
    assert table_ids(w2) == {seg.id}
    assert w2.actions_by_name["undo"].isEnabled()
    key(qtbot, w2, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert mine(study) == []
    assert table_ids(w2) == set() and timeline_segments(w2) == {}
    assert w2.controller is not None and not w2.controller.state.open
    assert w2.actions_by_name["redo"].isEnabled()
    key(qtbot, w2, Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert mine(study) == [seg]
    assert timeline_segments(w2)[seg.id] == ("praise", seg)
    assert not w2.controller.state.open
    actions = [e["action"] for e in log_actions(study, "AK", "C01", 1)]
    assert "undo" in actions and "redo" in actions


def test_dragging_an_edge_snaps_it_to_a_frame(qtbot: QtBot, win: MainWindow,
                                              study: Path) -> None:
    code_span(qtbot, win, Qt.Key.Key_3, 1000, 3000)
    (seg,) = mine(study)
    canvas = win.timeline.canvas
    edge = lane_point(win, "praise", seg.end_ms)
    qtbot.mouseMove(canvas, edge)
    assert canvas.cursor().shape() == Qt.CursorShape.SizeHorCursor
    target = 5_517  # between frames 137 (5480 ms) and 138 (5520 ms)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=edge)
    qtbot.mouseMove(canvas, lane_point(win, "praise", 4_000))
    qtbot.mouseMove(canvas, lane_point(win, "praise", target))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=lane_point(win, "praise", target))
    (moved,) = mine(study)
    times = win.player.controller.frame_times
    assert times is not None
    frame_times = {int(t) for t in times.pts_ms}
    assert moved.start_ms == seg.start_ms
    assert moved.end_ms in frame_times
    span = win.timeline.view_range()
    ms_per_px = (span[1] - span[0]) / win.timeline.lane_rect("praise").width()
    assert abs(moved.end_ms - target) <= 20 + ms_per_px
    assert timeline_segments(win)[seg.id][1] == moved


def test_submit_refuses_edits_until_reopened(qtbot: QtBot, win: MainWindow,
                                             study: Path) -> None:
    code_span(qtbot, win, Qt.Key.Key_3, 1000, 2000)
    # submitting asks first, and says how many segments it locks
    asked = answer("submitConfirm", "submitButton")
    key(qtbot, win, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # submit
    assert asked and "C01 session 1, with 1 segment?" in asked[0]
    assert win.controller is not None and win.controller.assignment.status == "submitted"
    assert "submitted" in win.session_label.text()
    before = mine(study)
    seek(qtbot, win, 4000)
    key(qtbot, win, Qt.Key.Key_4)
    assert mine(study) == before
    assert "Reopen" in win.statusBar().currentMessage()
    assert not win.actions_by_name["split"].isEnabled()
    win.actions_by_name["reopen"].trigger()  # Coding ▸ Reopen session
    assert win.controller.assignment.status == "in_progress"
    key(qtbot, win, Qt.Key.Key_4)
    assert [s.code for s in mine(study)] == ["praise", "question"]
    actions = [e["action"] for e in log_actions(study, "AK", "C01", 1)]
    assert actions.index("submit") < actions.index("reopen")


def test_segment_table_edits_in_place(qtbot: QtBot, win: MainWindow, study: Path) -> None:
    code_span(qtbot, win, Qt.Key.Key_3, 1000, 2000)
    (seg,) = mine(study)
    view = win.table.view
    row = win.table.proxy.mapFromSource(win.table.model.index(win.table.model.row_of(seg.id), 0))
    focus(qtbot, view)
    view.setCurrentIndex(row.siblingAtColumn(Column.NOTE))
    key(qtbot, view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor is not view, editor
    qtbot.keyClicks(editor, "child 1 hides")  # digits type text while editing
    assert editor.text() == "child 1 hides"
    key(qtbot, editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view, timeout=WAIT_MS)
    assert [(s.note, s.end_ms) for s in mine(study)] == [("child 1 hides", 2000)]
    view.setCurrentIndex(row.siblingAtColumn(Column.END))
    key(qtbot, view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "00:00:04.000")
    key(qtbot, editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view, timeout=WAIT_MS)
    (edited,) = mine(study)
    assert (edited.start_ms, edited.end_ms, edited.note) == (1000, 4000, "child 1 hides")
    assert timeline_segments(win)[seg.id][1] == edited


def _answer_next_dialog(qtbot: QtBot, text: str) -> None:
    def fill() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, QInputDialog):
            QTimer.singleShot(20, fill)
            return
        dlg.setTextValue(text)
        dlg.accept()

    QTimer.singleShot(20, fill)


def test_split_at_the_playhead_and_write_a_note(qtbot: QtBot, win: MainWindow,
                                                study: Path) -> None:
    code_span(qtbot, win, Qt.Key.Key_3, 1000, 3000)
    t = seek(qtbot, win, 2000)
    key(qtbot, win, Qt.Key.Key_S)
    left, right = mine(study)
    assert (left.start_ms, left.end_ms, right.start_ms, right.end_ms) == (1000, t, t, 3000)
    assert len(timeline_segments(win)) == 2
    # select the right half in the timeline, then N writes its note
    qtbot.mouseClick(win.timeline.canvas, Qt.MouseButton.LeftButton,
                     pos=lane_point(win, "praise", 2600))
    assert win.timeline.selection() == [right.id]
    _answer_next_dialog(qtbot, "after the split")
    key(qtbot, win, Qt.Key.Key_N)
    assert [s.note for s in mine(study)] == ["", "after the split"]
    win.activateWindow()  # what the window manager does when the dialog has gone
    qtbot.waitUntil(win.isActiveWindow, timeout=WAIT_MS)
    # one undo takes back the note, the next the split
    key(qtbot, win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s.note for s in mine(study)] == ["", ""]
    key(qtbot, win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [(s.start_ms, s.end_ms) for s in mine(study)] == [(1000, 3000)]


def test_keys_code_with_focus_in_the_timeline_or_table(qtbot: QtBot, win: MainWindow,
                                                       study: Path) -> None:
    focus(qtbot, win.timeline.canvas)
    t1 = seek(qtbot, win, 1000)
    key(qtbot, win.timeline.canvas, Qt.Key.Key_4)
    focus(qtbot, win.table.view)
    t2 = seek(qtbot, win, 2000)
    key(qtbot, win.table.view, Qt.Key.Key_4)
    assert spans(study) == [("question", t1, t1, False), ("question", t2, t2, False)]
    focus(qtbot, win.table.filter_edit)
    key(qtbot, win.table.filter_edit, Qt.Key.Key_4)
    assert win.table.filter_edit.text() == "4"
    assert len(mine(study)) == 2


def test_a_dialog_over_the_window_keeps_its_keys(qtbot: QtBot, win: MainWindow,
                                                 study: Path) -> None:
    dlg = QInputDialog(win)
    dlg.setLabelText("Anything:")
    dlg.open()  # window-modal, like the start page
    qtbot.waitExposed(dlg)
    editor = dlg.findChild(QLineEdit)
    assert editor is not None
    key(qtbot, editor, Qt.Key.Key_4)
    assert dlg.textValue() == "4" and mine(study) == []
    focus(qtbot, dlg)
    key(qtbot, dlg, Qt.Key.Key_3)  # not into a text field, still not coding
    assert mine(study) == []
    dlg.reject()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=WAIT_MS)
    key(qtbot, win, Qt.Key.Key_4)
    assert [s.code for s in mine(study)] == ["question"]


def test_rotating_backup_while_open(qtbot: QtBot, tmp_path: Path) -> None:
    """The window takes rotating backups of the open study through SQLite's backup API."""
    import sqlite3

    from annotator.store.migrate import backup_files
    from tests.studyutil import make_study

    path = tmp_path / "s.annot"
    study = make_study(str(path))
    s = study.add_session("C01", 1, duration_ms=60_000)
    a = study.assign(s.id, "AK")
    study.add_segment(a.id, "praise", 0, 1000)
    study.close()
    w = open_window(qtbot, path, "AK", "C01:1", tmp_path / "s.ini", wait_media=False)
    assert w.workspace.backup_timer.isActive()
    w.workspace.backup_now()
    # only finished backups: the glob "s-rotating-*" also matched the half-written copy
    qtbot.waitUntil(lambda: bool(backup_files(path, "rotating")), timeout=10_000)
    copy = sqlite3.connect(backup_files(path, "rotating")[0])
    assert copy.execute("SELECT count(*) FROM segments").fetchone() == (1,)
    copy.close()


def test_empty_picture_says_what_to_do(qtbot: QtBot, tmp_path: Path) -> None:
    from annotator.ui.app import start
    from annotator.ui.main_window import NO_SESSION_HINT
    from annotator.ui.settings import Settings

    path = small_study(tmp_path / "lab", EXCLUSIVE_CODEBOOK, video=False)
    w = start(str(path), "AK", None, Settings(tmp_path / "s.ini"))
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    assert w.session is None
    assert w.player.view.message() == NO_SESSION_HINT
    # drawn in a light colour on the black picture area
    img = w.player.view.grab().toImage()
    light = sum(1 for x in range(0, img.width(), 2) for y in range(0, img.height(), 2)
                if img.pixelColor(x, y).lightness() > 150)
    assert light > 20
