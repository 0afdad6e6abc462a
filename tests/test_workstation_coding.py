"""The coding workstation end to end: keyboard coding while a demo session plays.

The real main window from ``annotator.ui.app.start`` on a copy of the demo study, real
key events, and a second connection to the study file to check what was stored.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.store import Study
from tests.gui_helpers import (
    FRAME_MS,
    WAIT_MS,
    copy_demo,
    focus,
    key,
    log_actions,
    open_window,
    stored,
    table_ids,
    timeline_segments,
)

pytestmark = pytest.mark.gui

SESSION = ("C09", 1)  # left in progress for AK by the demo builder


@pytest.mark.parametrize("where", ["browser", "timeline", "table"])
def test_codes_pressed_while_playing_are_stored_at_the_playhead(
    qtbot: QtBot, tmp_path: Path, where: str
) -> None:
    study = copy_demo(tmp_path / "demo")
    before = {s.id for s in stored(study, "AK", *SESSION)}
    w = open_window(qtbot, study, "AK", f"{SESSION[0]}:{SESSION[1]}", tmp_path / "s.ini")
    target = {"browser": w.browser.view, "timeline": w.timeline.canvas,
              "table": w.table.view}[where]
    w.browser_dock.raise_()  # at 1280 px the study list is a tab beside the segments
    focus(qtbot, target)
    pc = w.player.controller
    with qtbot.waitSignal(pc.playingChanged, timeout=WAIT_MS):
        key(qtbot, target, Qt.Key.Key_Space)
    qtbot.wait(2000)
    focused = QApplication.focusWidget()
    assert focused is target
    opened = pc.position_ms
    key(qtbot, focused, Qt.Key.Key_1)
    key(qtbot, focused, Qt.Key.Key_6)
    assert w.controller is not None and set(w.controller.state.open) == {
        "responsive", "reason_for_therapy"}
    qtbot.wait(1000)
    closed = pc.position_ms
    key(qtbot, focused, Qt.Key.Key_1)
    key(qtbot, focused, Qt.Key.Key_6)
    assert pc.playing
    with qtbot.waitSignal(pc.playingChanged, timeout=WAIT_MS):
        key(qtbot, focused, Qt.Key.Key_Space)
    assert closed - opened >= 500
    new = [s for s in stored(study, "AK", *SESSION) if s.id not in before]
    assert sorted(s.code for s in new) == ["reason_for_therapy", "responsive"]
    for s in new:
        assert abs(s.start_ms - opened) <= FRAME_MS, (s, opened)
        assert abs(s.end_ms - closed) <= FRAME_MS, (s, closed)
        assert not s.modifiers.get("open")
    shown = timeline_segments(w)
    for s in new:
        assert shown[s.id][1] == s
        assert s.id in table_ids(w)


def test_typing_a_code_key_into_the_table_filter_types_text(qtbot: QtBot,
                                                            tmp_path: Path) -> None:
    study = copy_demo(tmp_path / "demo")
    before = stored(study, "AK", *SESSION)
    w = open_window(qtbot, study, "AK", f"{SESSION[0]}:{SESSION[1]}", tmp_path / "s.ini")
    focus(qtbot, w.table.filter_edit)
    key(qtbot, w.table.filter_edit, Qt.Key.Key_1)
    qtbot.keyClicks(w.table.filter_edit, "6 ")
    assert w.table.filter_edit.text() == "16 "
    assert w.controller is not None and not w.controller.state.open
    assert stored(study, "AK", *SESSION) == before
    key(qtbot, w.table.filter_edit, Qt.Key.Key_Escape)  # Esc clears the filter ...
    assert w.table.filter_edit.text() == ""
    focus(qtbot, w.table.view)
    key(qtbot, w.table.view, Qt.Key.Key_1)  # ... and outside it the key codes again
    assert set(w.controller.state.open) == {"responsive"}


def test_blind_coding_hides_the_other_coder_until_unblinded(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    study = copy_demo(tmp_path / "demo")
    with Study.open(study) as s:
        rel = s.assignments(coder="BL", purpose="reliability")[-1]
    case, number = rel.case, rel.number
    bl = {s.id: s for s in stored(study, "BL", case, number)}
    ak = {s.id: s for s in stored(study, "AK", case, number, "primary")}
    assert bl and ak
    w = open_window(qtbot, study, "BL", f"{case}:{number}", tmp_path / "s.ini")
    assert w.controller is not None and w.controller.assignment.id == rel.id
    shown = timeline_segments(w)
    assert set(shown) == set(bl) and table_ids(w) == set(bl)
    assert "blind" in w.session_label.text()
    assert all(lane.editable for lane in w.timeline.lanes())

    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent: object, title: str, text: str, *args: object) -> object:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    show_others = w.actions_by_name["show_others"]
    show_others.trigger()  # Coding ▸ Show other coders: declined
    assert len(asked) == 1 and "blind" in asked[0]
    assert not show_others.isChecked()
    assert set(timeline_segments(w)) == set(bl)
    assert not [e for e in log_actions(study, "BL", case, number) if e["action"] == "unblind"]

    answer[0] = QMessageBox.StandardButton.Yes
    show_others.trigger()
    assert len(asked) == 2 and show_others.isChecked()
    shown = timeline_segments(w)
    assert set(shown) == set(bl) | set(ak)
    lane_ids = [lane.id for lane in w.timeline.lanes()]
    for sid in ak:
        lane = w.timeline.model.lane(shown[sid][0])
        assert not lane.editable and "AK" in lane.title and "read only" in lane.title
        assert shown[sid][1] == ak[sid]
        # right under BL's own lane of the same code
        assert lane_ids[lane_ids.index(lane.id) - 1] == ak[sid].code
    for sid in bl:
        assert w.timeline.model.lane(shown[sid][0]).editable
    assert table_ids(w) == set(bl)  # the table lists the coder's own segments only
    assert "blind" not in w.session_label.text()
    unblind = [e for e in log_actions(study, "BL", case, number) if e["action"] == "unblind"]
    assert len(unblind) == 1 and unblind[0]["coder_id"] == "BL"

    show_others.trigger()  # hiding them again asks nothing
    assert len(asked) == 2 and set(timeline_segments(w)) == set(bl)
