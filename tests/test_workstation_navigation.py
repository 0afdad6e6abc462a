"""Moving around a session in the real window: go to time (Ctrl+G), next/previous
segment, keyboard zoom, a timeline that follows the playing video, note markers, and
the definition pane; each new shortcut is in the Keyboard dialog and in its tooltip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator.ui.keyboard_help import keyboard_help_html
from annotator.ui.main_window import MainWindow
from annotator.ui.timeline.labels import segment_tooltip
from annotator.ui.window_actions import ACTIONS
from annotator.ui.window_navigation import GoToTimeDialog
from tests.gui_helpers import (
    FRAME_MS,
    WAIT_MS,
    key,
    lane_point,
    open_window,
    seek,
    small_study,
)
from tests.studyutil import EXCLUSIVE_CODEBOOK

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def win(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    study = small_study(tmp_path / "study", EXCLUSIVE_CODEBOOK, frames=250)
    return open_window(qtbot, study, "AK", "C01:1", tmp_path / "settings.ini")


def code_span(qtbot: QtBot, w: MainWindow, k: Qt.Key, start: int, end: int) -> None:
    seek(qtbot, w, start)
    key(qtbot, w, k)
    seek(qtbot, w, end)
    key(qtbot, w, k)


def go_to_dialog(qtbot: QtBot, w: MainWindow) -> GoToTimeDialog:
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=WAIT_MS)
    key(qtbot, w, Qt.Key.Key_G, CTRL)
    qtbot.waitUntil(lambda: w.navigation.dialog is not None, timeout=WAIT_MS)
    dlg = w.navigation.dialog
    assert dlg is not None
    qtbot.waitExposed(dlg)
    return dlg


def test_go_to_time_accepts_three_forms_and_says_what_is_wrong(
        qtbot: QtBot, win: MainWindow) -> None:
    pc = win.player.controller
    for text, want in (("0:05.5", 5_500), ("0:00:03", 3_000), ("7.2", 7_200)):
        dlg = go_to_dialog(qtbot, win)
        dlg.edit.selectAll()
        qtbot.keyClicks(dlg.edit, text)
        assert dlg.error.text() == ""
        with qtbot.waitSignal(pc.frameShown, timeout=WAIT_MS):
            key(qtbot, dlg.edit, Qt.Key.Key_Return)
        assert pc.position_ms == want
        qtbot.waitUntil(lambda: win.navigation.dialog is None, timeout=WAIT_MS)
    dlg = go_to_dialog(qtbot, win)
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    for text, says in (("abc", "is not a time"), ("12:34.5", "after the end of the session"),
                       ("0:75", "below 60"), ("", "Type a time")):
        dlg.edit.setText(text)
        assert says in dlg.error.text() and dlg.error.isVisible()
        assert not ok.isEnabled()
        key(qtbot, dlg.edit, Qt.Key.Key_Return)  # refused: the dialog stays
        assert dlg.isVisible()
    key(qtbot, dlg.edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=WAIT_MS)
    assert pc.position_ms == 7_200


def test_next_and_previous_segment_of_any_code_and_of_the_selected_code(
        qtbot: QtBot, win: MainWindow) -> None:
    code_span(qtbot, win, Qt.Key.Key_1, 1_000, 2_000)
    code_span(qtbot, win, Qt.Key.Key_3, 3_000, 4_000)
    code_span(qtbot, win, Qt.Key.Key_1, 5_000, 6_000)
    model = win.workspace.segments
    by_start = {s.start_ms: s for s in model}
    pc = win.player.controller
    seek(qtbot, win, 0)

    def press(k: Qt.Key, mod: Qt.KeyboardModifier, want: int) -> None:
        with qtbot.waitSignal(pc.frameShown, timeout=WAIT_MS):
            key(qtbot, win, k, mod)
        assert pc.position_ms == want
        assert model.selection() == [by_start[want].id] == win.table.selected_ids()

    press(Qt.Key.Key_PageDown, CTRL, 1_000)
    press(Qt.Key.Key_PageDown, CTRL, 3_000)
    press(Qt.Key.Key_PageDown, CTRL, 5_000)
    press(Qt.Key.Key_PageUp, CTRL, 3_000)
    # of the selected code: from "praise" at 3 s there is no other praise segment
    key(qtbot, win, Qt.Key.Key_PageDown, CTRL | SHIFT)
    assert pc.position_ms == 3_000
    assert "No segment of praise after the playhead" in win.statusBar().currentMessage()
    press(Qt.Key.Key_PageUp, CTRL, 1_000)  # therapist selected now
    press(Qt.Key.Key_PageDown, CTRL | SHIFT, 5_000)  # skips praise at 3 s
    press(Qt.Key.Key_PageUp, CTRL | SHIFT, 1_000)


def test_keyboard_zoom_in_out_and_fit(qtbot: QtBot, win: MainWindow) -> None:
    tl = win.timeline
    seek(qtbot, win, 4_000)
    t0, t1 = tl.view_range()
    assert (t0, t1) == (0, 10_000)
    key(qtbot, win, Qt.Key.Key_Equal, CTRL)
    a0, a1 = tl.view_range()
    assert a1 - a0 == pytest.approx((t1 - t0) / 1.5, abs=2)
    assert a0 <= 4_000 <= a1
    key(qtbot, win, Qt.Key.Key_Equal, CTRL)
    key(qtbot, win, Qt.Key.Key_Minus, CTRL)
    b0, b1 = tl.view_range()
    assert b1 - b0 == pytest.approx(a1 - a0, abs=2)
    key(qtbot, win, Qt.Key.Key_0, CTRL)
    assert tl.view_range() == (0, 10_000)


def test_the_timeline_follows_the_playhead_while_playing_and_can_stop(
        qtbot: QtBot, win: MainWindow) -> None:
    tl = win.timeline
    pc = win.player.controller
    tl.set_view_range(0, 1_000)
    key(qtbot, win, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: pc.position_ms > 2_500, timeout=WAIT_MS)
    key(qtbot, win, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not pc.playing, timeout=WAIT_MS)
    v0, v1 = tl.view_range()
    assert v0 > 1_000 and v0 <= pc.position_ms <= v1 and v1 - v0 == 1_000
    # View ▸ Follow the playhead off: the view stays where it is
    key(qtbot, win, Qt.Key.Key_F, CTRL | SHIFT)
    assert not win.actions_by_name["follow"].isChecked()
    seek(qtbot, win, 9_000)
    assert tl.view_range() == (v0, v1)
    key(qtbot, win, Qt.Key.Key_F, CTRL | SHIFT)
    assert tl.view_range()[0] <= 9_000 <= tl.view_range()[1]


def test_segments_with_a_note_carry_a_marker(qtbot: QtBot, win: MainWindow) -> None:
    code_span(qtbot, win, Qt.Key.Key_1, 1_000, 3_000)
    code_span(qtbot, win, Qt.Key.Key_3, 5_000, 7_000)
    model = win.workspace.segments
    noted = next(s for s in model if s.code == "therapist")
    plain = next(s for s in model if s.code == "praise")
    ctl = win.controller
    assert ctl is not None and ctl.change(noted.id, note="child hides behind the sofa")
    canvas = win.timeline.canvas
    assert canvas.note_marker_rect(plain.id) is None
    box = canvas.note_marker_rect(noted.id)
    assert box is not None
    image = canvas.grab().toImage()
    dpr = image.devicePixelRatio()

    def dark(x: float, y: float) -> bool:
        return image.pixelColor(round(x * dpr), round(y * dpr)).lightness() < 70

    inside = box.topLeft() + (box.bottomRight() - box.topLeft()) * 0.25
    assert dark(inside.x() + 1, inside.y() + 1), "no marker drawn on the noted segment"
    other = canvas.segment_rect(plain.id)
    assert not dark(other.left() + 2, other.top() + 2), "a marker on a segment without note"
    # the segment's tooltip tells the note
    assert "child hides behind the sofa" in segment_tooltip(
        canvas.model.lane("therapist"), canvas.model.segment(noted.id))


def test_definition_pane_shows_hovered_or_selected_code_in_the_language(
        qtbot: QtBot, tmp_path: Path, helper_codebook_text: str) -> None:
    study = small_study(tmp_path / "study", helper_codebook_text, frames=250)
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "settings.ini")
    assert not w.definition_dock.isVisible()
    key(qtbot, w, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(w.definition_dock.isVisible, timeout=WAIT_MS)
    assert w.actions_by_name["definition"].isChecked()
    assert "Hover over a code" in w.definition.text()
    row = w.codes.code_row("care")
    centre = QPointF(row.rect().center())
    QApplication.sendEvent(row, QEnterEvent(centre, row.mapTo(w, centre),
                                            row.mapToGlobal(centre)))
    qtbot.waitUntil(lambda: "Showing care for the child" in w.definition.text(),
                    timeout=WAIT_MS)
    code_span(qtbot, w, Qt.Key.Key_1, 1_000, 2_000)  # "responsive"
    qtbot.mouseClick(w.timeline.canvas, Qt.MouseButton.LeftButton,
                     pos=lane_point(w, "responsive", 1_500))
    text = w.definition.text()
    assert "Being responsive" in text and "follows the child's lead" in text
    assert "Examples" in text and "tiger" in text
    w.workspace.set_language("nb")
    assert "Være responsiv" in w.definition.text()
    assert "følger barnets initiativ" in w.definition.text()
    # it stays open while coding goes on
    code_span(qtbot, w, Qt.Key.Key_3, 3_000, 3_000 + 10 * FRAME_MS)
    assert w.definition_dock.isVisible()
    key(qtbot, w, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: not w.definition_dock.isVisible(), timeout=WAIT_MS)
    assert not w.actions_by_name["definition"].isChecked()


def test_every_new_shortcut_is_in_the_keyboard_dialog_and_its_tooltip(
        win: MainWindow) -> None:
    html = keyboard_help_html(win.controller.codebook if win.controller else None, "en",
                              win.player.player_actions.all(), win.actions_by_name)
    for name in ("go_to_time", "next_segment", "previous_segment", "next_of_code",
                 "previous_of_code", "zoom_in", "zoom_out", "zoom_all", "follow",
                 "definition"):
        spec = next(s for s in ACTIONS if s.name == name)
        a = win.actions_by_name[name]
        shown = a.shortcut().toString()
        assert shown and shown in a.toolTip(), name
        assert shown.replace("&", "&amp;") in html, name
        assert (spec.tip or spec.plain_text) in html.replace("&#x27;", "'"), name
    assert QApplication.instance() is not None
