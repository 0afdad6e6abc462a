"""The main window's parts in a real window: one segment model with its selection
shown by both the timeline and the table (and the only in-memory copy of the segments:
the controller writes into it), and actions enabled by the table's conditions as the
workspace changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.segments import SegmentView
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.ui.window_actions import ACTIONS
from tests.gui_helpers import (
    WAIT_MS,
    key,
    lane_point,
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
def win(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    study = small_study(tmp_path / "study", EXCLUSIVE_CODEBOOK, frames=250)
    return open_window(qtbot, study, "AK", "C01:1", tmp_path / "settings.ini")


def code_span(qtbot: QtBot, w: MainWindow, k: Qt.Key, start: int, end: int) -> None:
    seek(qtbot, w, start)
    key(qtbot, w, k)
    seek(qtbot, w, end)
    key(qtbot, w, k)


def test_one_model_feeds_timeline_and_table_and_holds_the_selection(
        qtbot: QtBot, win: MainWindow) -> None:
    model = win.workspace.segments
    code_span(qtbot, win, Qt.Key.Key_1, 400, 1200)
    code_span(qtbot, win, Qt.Key.Key_3, 2000, 3000)
    ids = {s.id for s in model}
    assert len(ids) == 2
    assert set(timeline_segments(win)) == ids == table_ids(win)
    first = next(s for s in model if s.code == "therapist")
    second = next(s for s in model if s.code == "praise")

    # a click on a segment in the timeline selects it in the model and in the table
    qtbot.mouseClick(win.timeline.canvas, Qt.MouseButton.LeftButton,
                     pos=lane_point(win, "therapist", 800))
    assert model.selection() == [first.id]
    assert win.table.selected_ids() == [first.id]

    # a selection made in the table goes to the model and the timeline
    view = win.table.view
    row = win.table.proxy.mapFromSource(win.table.model.index(
        win.table.model.row_of(second.id) or 0, 0))
    view.selectRow(row.row())
    assert model.selection() == [second.id]
    assert win.timeline.selection() == [second.id]

    # a delete through the model's commands leaves all three agreeing
    win.actions_by_name["delete"].trigger()
    qtbot.waitUntil(lambda: len(model) == 1, timeout=WAIT_MS)
    assert set(timeline_segments(win)) == {first.id} == table_ids(win)
    assert model.selection() == [] == win.timeline.selection() == win.table.selected_ids()


def holds_segments(value: object) -> bool:
    """Whether ``value`` is a segment or a container (dict, list, set, tuple) with one."""
    if isinstance(value, SegmentView):
        return True
    if isinstance(value, dict):
        return any(map(holds_segments, value.values()))
    if isinstance(value, list | tuple | set | frozenset):
        return any(map(holds_segments, value))
    return False


def assert_one_copy(win: MainWindow, study: Path) -> None:
    """The model holds what the study holds; the timeline and the table show the model's
    own objects (the timeline's drawing of a code being recorded aside: it grows to the
    playhead); the controller holds no segment of its own."""
    model = win.workspace.segments
    ctl = win.controller
    assert ctl is not None and ctl.model is model
    rows = {s.id: s for s in stored(study, "AK", "C01", 1)}
    recs = {r.id: r for r in recorded(study, "AK", "C01", 1)}
    assert {s.id: s for s in model.finished()} == rows  # equal field by field
    assert {s.id: (s.code, s.start_ms) for s in model.recordings()} == {
        r.id: (r.code, r.start_ms) for r in recs.values()}
    assert model.open_codes() == set(ctl.state.open) == {r.code for r in recs.values()}
    shown = timeline_segments(win)
    assert set(shown) == {s.id for s in model} == table_ids(win)
    for sid, (lane, seg) in shown.items():
        assert lane == seg.code
        if sid in recs:
            assert seg.start_ms == model[sid].start_ms
        else:
            assert seg is model[sid]
    for seg in win.table.model.segments():
        assert seg is model[seg.id]
    assert not [name for name, v in vars(ctl).items() if holds_segments(v)]


def test_the_model_is_the_one_copy_of_the_segments(
        qtbot: QtBot, win: MainWindow, tmp_path: Path) -> None:
    study = tmp_path / "study" / "study.annot"
    model = win.workspace.segments
    ctl = win.controller
    assert ctl is not None
    assert_one_copy(win, study)

    # keyboard coding: an open recording, then an exclusive code that closes it
    seek(qtbot, win, 400)
    key(qtbot, win, Qt.Key.Key_1)
    assert model.open_codes() == {"therapist"}
    assert_one_copy(win, study)
    seek(qtbot, win, 1200)
    key(qtbot, win, Qt.Key.Key_2)
    assert model.open_codes() == {"child"}
    assert_one_copy(win, study)
    seek(qtbot, win, 2000)
    key(qtbot, win, Qt.Key.Key_2)
    code_span(qtbot, win, Qt.Key.Key_3, 2400, 3400)
    assert model.open_codes() == set()
    assert [(s.code, s.start_ms, s.end_ms) for s in model.by_start()] == [
        ("therapist", 400, 1200), ("child", 1200, 2000), ("praise", 2400, 3400)]
    assert_one_copy(win, study)

    # an edge dragged on the timeline
    praise = next(s for s in model if s.code == "praise")
    canvas = win.timeline.canvas
    edge = lane_point(win, "praise", praise.end_ms)
    qtbot.mouseMove(canvas, edge)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=edge)
    qtbot.mouseMove(canvas, lane_point(win, "praise", 4_000))
    qtbot.mouseMove(canvas, lane_point(win, "praise", 4_600))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=lane_point(win, "praise", 4_600))
    assert model[praise.id].end_ms > 4_000
    assert_one_copy(win, study)

    # a change through the controller is in the model, the timeline and the table at once
    assert ctl.change(praise.id, note="leans in")
    seg = model[praise.id]
    assert seg.note == "leans in"
    assert timeline_segments(win)[praise.id][1] is seg is win.table.model.segment(praise.id)
    assert_one_copy(win, study)
    child = next(s for s in model if s.code == "child")
    ctl.split(child.id, 1600)
    assert len(model) == 4
    assert_one_copy(win, study)

    # undo reloads the coding from the study: the views follow the model
    win.actions_by_name["undo"].trigger()
    assert len(model) == 3 and model[child.id].end_ms == 2000
    assert_one_copy(win, study)
    win.actions_by_name["undo"].trigger()
    assert model[praise.id].note == ""
    assert_one_copy(win, study)
    win.actions_by_name["redo"].trigger()
    assert model[praise.id].note == "leans in"
    assert_one_copy(win, study)

    # a recording deleted from the selection: the model, the coding state and the views
    seek(qtbot, win, 5000)
    key(qtbot, win, Qt.Key.Key_3)
    (rec_id,) = model.recording_ids().values()
    model.set_selection([rec_id])
    assert win.table.selected_ids() == [rec_id] == win.timeline.selection()
    win.actions_by_name["delete"].trigger()
    qtbot.waitUntil(lambda: rec_id not in model, timeout=WAIT_MS)
    assert not ctl.state.open and not model.open_codes()
    assert_one_copy(win, study)


def test_actions_follow_their_conditions(qtbot: QtBot, win: MainWindow,
                                         tmp_path: Path) -> None:
    acts = win.actions_by_name
    assert set(acts) == {s.name for s in ACTIONS}
    assert all(acts[n].isEnabled() for n in ("split", "note", "submit", "go_to_time"))
    assert not acts["reopen"].isEnabled()
    assert not acts["undo"].isEnabled()
    code_span(qtbot, win, Qt.Key.Key_3, 400, 1200)
    assert acts["undo"].isEnabled()
    ctl = win.controller
    assert ctl is not None
    assert ctl.submit(confirm=lambda _n: True)
    qtbot.waitUntil(lambda: acts["reopen"].isEnabled(), timeout=WAIT_MS)
    assert not any(acts[n].isEnabled() for n in ("split", "note", "submit", "undo"))
    win.close_study()
    assert not any(acts[n].isEnabled() for n in ("export", "compare", "go_to_time",
                                                  "reopen"))
    assert acts["open_study"].isEnabled() and acts["keys_help"].isEnabled()


def test_the_window_starts_without_a_study(qtbot: QtBot, tmp_path: Path) -> None:
    w = MainWindow(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(w)
    assert w.workspace.study is None and w.study is None
    assert not w.actions_by_name["export"].isEnabled()
