"""The main window's parts in a real window: one segment model with its selection
shown by both the timeline and the table, and actions enabled by the table's
conditions as the workspace changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.ui.window_actions import ACTIONS
from tests.gui_helpers import (
    WAIT_MS,
    key,
    lane_point,
    open_window,
    seek,
    small_study,
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
