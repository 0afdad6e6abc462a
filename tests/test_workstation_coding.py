"""The coding workstation end to end: keyboard coding while a demo session plays.

The real main window from ``annotator.ui.app.start`` on a copy of the demo study, real
key events, and a second connection to the study file to check what was stored.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui_helpers import (
    FRAME_MS,
    WAIT_MS,
    copy_demo,
    focus,
    key,
    open_window,
    stored,
    table_ids,
    timeline_segments,
)

pytestmark = pytest.mark.gui

SESSION = ("C09", 1)  # left in progress for AK by the demo builder


@pytest.fixture(autouse=True)
def _private_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ANNOTATOR_SETTINGS", str(tmp_path / "env-settings.ini"))


@pytest.mark.parametrize("where", ["browser", "timeline", "table"])
def test_codes_pressed_while_playing_are_stored_at_the_playhead(
    qtbot: QtBot, tmp_path: Path, where: str
) -> None:
    study = copy_demo(tmp_path / "demo")
    before = {s.id for s in stored(study, "AK", *SESSION)}
    w = open_window(qtbot, study, "AK", f"{SESSION[0]}:{SESSION[1]}", tmp_path / "s.ini")
    target = {"browser": w.browser.view, "timeline": w.timeline.canvas,
              "table": w.table.view}[where]
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
