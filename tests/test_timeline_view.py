"""The timeline widget, driven with real mouse, wheel and key events (offscreen)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from annotator.core.segments import SegmentView
from annotator.ui.timeline import Lane, TimelineView

pytestmark = pytest.mark.gui

DURATION = 60_000
LANES = [
    Lane("a", "Alpha", "Implicit", "#4e79a7", key="1"),
    Lane("b", "Beta", "Implicit", "#59a14f", key="2"),
    Lane("p", "Pointy", "Manifest", "#e15759", kind="point", key="3"),
    Lane("d", "A vs B", "Comparison", "#888888", style="diff", editable=False),
]
SEGS = [
    ("a", SegmentView("s1", "A", "a", 10_000, 20_000, "first note")),
    ("a", SegmentView("s2", "A", "a", 30_000, 32_000)),
    ("b", SegmentView("s3", "A", "b", 5_000, 8_000)),
    ("p", SegmentView("pt", "A", "p", 25_000, 25_000)),
    ("d", SegmentView("d1", "", "a", 40_000, 50_000)),
]


def grid40(t: int) -> int:
    return round(t / 40) * 40


def step40(t: int, d: int) -> int:
    return (t // 40 + 1) * 40 if d > 0 else ((t - 1) // 40) * 40


@pytest.fixture
def view(qtbot: Any) -> TimelineView:
    v = TimelineView(snap=grid40, step_frame=step40)
    qtbot.addWidget(v)
    v.resize(1000, 360)
    v.set_lanes(LANES)
    v.set_segments(SEGS, status={"d1": "disagree"})
    v.set_duration(DURATION)
    v.show()
    qtbot.waitExposed(v)
    return v


def at(view: TimelineView, ms: float, lane: str) -> QPoint:
    return QPoint(round(view.x_for_time(ms)), view.lane_rect(lane).center().y())


def ms_per_px(view: TimelineView) -> float:
    start, end = view.view_range()
    return (end - start) / view.lane_rect("a").width()


def pixel(img: QImage, p: QPointF | QPoint) -> QColor:
    return img.pixelColor(round(p.x()), round(p.y()))


def close(c1: QColor, c2: QColor, tol: int = 12) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(c1.getRgb()[:3], c2.getRgb()[:3], strict=True))


def test_click_empty_lane_and_ruler_seek(qtbot: Any, view: TimelineView) -> None:
    c = view.canvas
    with qtbot.waitSignal(view.seekRequested) as sig:
        qtbot.mouseClick(c, Qt.MouseButton.LeftButton, pos=at(view, 40_000, "b"))
    assert abs(sig.args[0] - 40_000) <= ms_per_px(view)
    ruler_y = c.ruler_rect().center().y()
    with qtbot.waitSignal(view.seekRequested) as sig:
        qtbot.mouseClick(c, Qt.MouseButton.LeftButton,
                         pos=QPoint(round(view.x_for_time(12_345)), ruler_y))
    assert abs(sig.args[0] - 12_345) <= ms_per_px(view)


def test_dragging_on_empty_space_scrubs(qtbot: Any, view: TimelineView) -> None:
    c = view.canvas
    seen: list[int] = []
    view.seekRequested.connect(seen.append)
    qtbot.mousePress(c, Qt.MouseButton.LeftButton, pos=at(view, 35_000, "b"))
    qtbot.mouseMove(c, at(view, 45_000, "b"))
    qtbot.mouseRelease(c, Qt.MouseButton.LeftButton, pos=at(view, 45_000, "b"))
    assert len(seen) >= 2
    assert abs(seen[0] - 35_000) <= ms_per_px(view)
    assert abs(seen[-1] - 45_000) <= ms_per_px(view)


def test_click_selects_and_modifiers_extend(qtbot: Any, view: TimelineView) -> None:
    c = view.canvas
    with qtbot.waitSignal(view.selectionChanged) as sig:
        qtbot.mouseClick(c, Qt.MouseButton.LeftButton, pos=at(view, 15_000, "a"))
    assert sig.args == [["s1"]]
    with qtbot.waitSignal(view.selectionChanged) as sig:
        qtbot.mouseClick(c, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                         at(view, 6_500, "b"))
    assert sig.args == [["s1", "s3"]]
    with qtbot.waitSignal(view.selectionChanged) as sig:
        qtbot.mouseClick(c, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                         at(view, 15_000, "a"))
    assert sig.args == [["s3"]]
    with qtbot.waitSignal(view.selectionChanged) as sig:
        qtbot.mouseClick(c, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                         at(view, 25_000, "p"))
    assert sig.args == [["s3", "pt"]]
    with qtbot.waitSignal(view.selectionChanged) as sig:
        qtbot.mouseClick(c, Qt.MouseButton.LeftButton, pos=at(view, 55_000, "a"))
    assert sig.args == [[]]


def test_set_selection_does_not_loop(qtbot: Any, view: TimelineView) -> None:
    emitted: list[list[str]] = []

    def table_follows(ids: list[str]) -> None:  # what a synced segment table does
        emitted.append(ids)
        view.set_selection(ids)

    view.selectionChanged.connect(table_follows)
    with qtbot.assertNotEmitted(view.selectionChanged):
        view.set_selection(["s2", "s3"])
    assert view.selection() == ["s2", "s3"]
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=at(view, 15_000, "a"))
    assert emitted == [["s1"]]
    assert view.selection() == ["s1"]
    # segments replaced without s1: dropped silently
    with qtbot.assertNotEmitted(view.selectionChanged):
        view.set_segments([p for p in SEGS if p[1].id != "s1"])
    assert view.selection() == []


def test_drag_right_edge_resizes_snapped(qtbot: Any, view: TimelineView) -> None:
    c = view.canvas
    edge = at(view, 20_000, "a")
    qtbot.mouseMove(c, edge)
    assert c.cursor().shape() == Qt.CursorShape.SizeHorCursor
    qtbot.mouseMove(c, at(view, 15_000, "a"))
    assert c.cursor().shape() != Qt.CursorShape.SizeHorCursor
    drop = 23_333
    with qtbot.waitSignal(view.segmentResizeRequested) as sig:
        qtbot.mousePress(c, Qt.MouseButton.LeftButton, pos=edge)
        qtbot.mouseMove(c, at(view, 21_000, "a"))
        qtbot.mouseMove(c, at(view, drop, "a"))
        qtbot.mouseRelease(c, Qt.MouseButton.LeftButton, pos=at(view, drop, "a"))
    seg_id, start, end = sig.args
    assert (seg_id, start) == ("s1", 10_000)
    assert end % 40 == 0
    assert abs(end - drop) <= 20 + 2 * ms_per_px(view)
    assert view.selected_edge() == ("s1", "end")


def test_drag_body_moves_both_edges_by_same_snapped_delta(
    qtbot: Any, view: TimelineView
) -> None:
    c = view.canvas
    view.upsert_segment("a", SegmentView("s1", "A", "a", 10_013, 20_013))
    grab, drop = 15_000, 27_777
    with qtbot.waitSignal(view.segmentMoveRequested) as sig:
        qtbot.mousePress(c, Qt.MouseButton.LeftButton, pos=at(view, grab, "a"))
        qtbot.mouseMove(c, at(view, grab + 2_000, "a"))
        qtbot.mouseMove(c, at(view, drop, "a"))
        # live preview: the lane colour is painted where the segment will go
        preview_x = view.x_for_time(10_013 + drop - grab + 100)
        img = c.grab().toImage()
        assert close(pixel(img, QPoint(round(preview_x), at(view, 0, "a").y())),
                     QColor("#4e79a7"), 40)
        qtbot.mouseRelease(c, Qt.MouseButton.LeftButton, pos=at(view, drop, "a"))
    seg_id, start, end = sig.args
    assert seg_id == "s1"
    assert start % 40 == 0
    assert end - start == 10_000
    assert abs(start - (10_013 + drop - grab)) <= 20 + 2 * ms_per_px(view)


def test_small_mouse_jitter_is_not_a_move(qtbot: Any, view: TimelineView) -> None:
    c = view.canvas
    with qtbot.assertNotEmitted(view.segmentMoveRequested):
        qtbot.mousePress(c, Qt.MouseButton.LeftButton, pos=at(view, 15_000, "a"))
        qtbot.mouseMove(c, at(view, 15_000, "a") + QPoint(1, 0))
        qtbot.mouseRelease(c, Qt.MouseButton.LeftButton, pos=at(view, 15_000, "a"))


def test_an_edge_cannot_cross_the_other(qtbot: Any, view: TimelineView) -> None:
    c = view.canvas
    with qtbot.waitSignal(view.segmentResizeRequested) as sig:
        qtbot.mousePress(c, Qt.MouseButton.LeftButton, pos=at(view, 20_000, "a"))
        qtbot.mouseMove(c, at(view, 12_000, "a"))
        qtbot.mouseMove(c, at(view, 2_000, "a"))
        qtbot.mouseRelease(c, Qt.MouseButton.LeftButton, pos=at(view, 2_000, "a"))
    assert sig.args == ["s1", 10_000, 10_040]
    with qtbot.waitSignal(view.segmentResizeRequested) as sig:
        qtbot.mousePress(c, Qt.MouseButton.LeftButton, pos=at(view, 10_000, "a"))
        qtbot.mouseMove(c, at(view, 18_000, "a"))
        qtbot.mouseMove(c, at(view, 29_000, "a"))
        qtbot.mouseRelease(c, Qt.MouseButton.LeftButton, pos=at(view, 29_000, "a"))
    assert sig.args == ["s1", 19_960, 20_000]


def test_alt_arrows_nudge_the_selected_edge(qtbot: Any, view: TimelineView) -> None:
    c = view.canvas
    c.setFocus()
    with qtbot.assertNotEmitted(view.selectionChanged):
        view.select_edge("s1", "end")
    assert view.selection() == ["s1"] and view.selected_edge() == ("s1", "end")
    with qtbot.waitSignal(view.segmentResizeRequested) as sig:
        qtbot.keyClick(c, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert sig.args == ["s1", 10_000, 20_040]
    view.select_edge("s1", "start")
    with qtbot.waitSignal(view.segmentResizeRequested) as sig:
        qtbot.keyClick(c, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert sig.args == ["s1", 9_960, 20_000]
    with pytest.raises(ValueError):
        view.select_edge("s1", "middle")  # type: ignore[arg-type]
    # without Alt, arrows are left to the application
    with qtbot.assertNotEmitted(view.segmentResizeRequested):
        qtbot.keyClick(c, Qt.Key.Key_Right)


def test_delete_key_requests_deletion_of_editable_selection(
    qtbot: Any, view: TimelineView
) -> None:
    c = view.canvas
    c.setFocus()
    view.set_selection(["s1", "d1", "s3"])
    with qtbot.waitSignal(view.deleteRequested) as sig:
        qtbot.keyClick(c, Qt.Key.Key_Delete)
    assert sig.args == [["s1", "s3"]]
    view.set_selection(["d1"])
    with qtbot.assertNotEmitted(view.deleteRequested):
        qtbot.keyClick(c, Qt.Key.Key_Delete)


def test_diff_lane_is_not_editable(qtbot: Any, view: TimelineView) -> None:
    c = view.canvas
    with qtbot.assertNotEmitted(view.segmentMoveRequested):
        qtbot.mousePress(c, Qt.MouseButton.LeftButton, pos=at(view, 45_000, "d"))
        qtbot.mouseMove(c, at(view, 52_000, "d"))
        qtbot.mouseRelease(c, Qt.MouseButton.LeftButton, pos=at(view, 52_000, "d"))
    assert view.selection() == ["d1"]


def _wheel(widget: QObject, pos: QPoint, dy: int, mods: Qt.KeyboardModifier) -> None:
    ev = QWheelEvent(QPointF(pos), QPointF(pos), QPoint(0, 0), QPoint(0, dy),
                     Qt.MouseButton.NoButton, mods, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, ev)


def test_ctrl_wheel_zooms_around_the_mouse(qtbot: Any, view: TimelineView) -> None:
    view.set_view_range(10_000, 30_000)
    anchor = at(view, 25_000, "b")
    with qtbot.waitSignal(view.viewRangeChanged):
        _wheel(view.canvas, anchor, 120, Qt.KeyboardModifier.ControlModifier)
    start, end = view.view_range()
    assert end - start == pytest.approx(16_000, abs=2)
    assert view.time_for_x(anchor.x()) == pytest.approx(25_000, abs=ms_per_px(view) * 1.5)
    _wheel(view.canvas, anchor, -240, Qt.KeyboardModifier.ControlModifier)
    start, end = view.view_range()
    assert end - start > 20_000


def test_plain_wheel_scrolls_in_time(qtbot: Any, view: TimelineView) -> None:
    view.set_view_range(10_000, 30_000)
    _wheel(view.canvas, at(view, 20_000, "b"), -120, Qt.KeyboardModifier.NoModifier)
    assert view.view_range() == (12_000, 32_000)


def test_horizontal_scrollbar_scrolls(qtbot: Any, view: TimelineView) -> None:
    view.set_view_range(0, 10_000)
    bar = view._hbar
    assert bar.maximum() == DURATION - 10_000
    bar.setValue(20_000)
    assert view.view_range() == (20_000, 30_000)


def test_overview_drag_scrolls(qtbot: Any, view: TimelineView) -> None:
    view.set_view_range(0, 10_000)
    ov = view.overview
    y = ov.height() // 2
    grab = QPoint(round(ov.x_for_time(5_000)), y)
    drop = QPoint(round(ov.x_for_time(25_000)), y)
    qtbot.mousePress(ov, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(ov, drop)
    qtbot.mouseRelease(ov, Qt.MouseButton.LeftButton, pos=drop)
    start, end = view.view_range()
    per_px = DURATION / (ov.width() - ov.label_width)
    assert end - start == 10_000
    assert abs(start - 20_000) <= 2 * per_px
    # pressing outside the window centres it there
    qtbot.mouseClick(ov, Qt.MouseButton.LeftButton, pos=QPoint(round(ov.x_for_time(50_000)), y))
    start, end = view.view_range()
    assert abs((start + end) / 2 - 50_000) <= 2 * per_px


def test_playhead_is_followed_unless_user_scrolled_away(qtbot: Any, view: TimelineView) -> None:
    view.set_view_range(0, 10_000)
    view.set_playhead(5_000)
    assert view.view_range() == (0, 10_000)
    view.set_playhead(9_900)  # near the right edge: page forward
    start, end = view.view_range()
    assert start < 9_900 < end and start > 0
    view.set_view_range(40_000, 50_000)  # the user looks elsewhere
    assert not view.is_following()
    view.set_playhead(10_500)
    assert view.view_range() == (40_000, 50_000)
    view.set_playhead(41_000)  # playback reaches the viewed part: follow again
    assert view.is_following()
    view.set_playhead(49_900)
    assert view.view_range()[0] > 40_000


def test_playhead_moves_repaint_narrow_strips(qtbot: Any, view: TimelineView) -> None:
    view.set_view_range(0, 30_000)
    view.set_playhead(10_000)
    qtbot.wait(20)
    rects: list[QRect] = []

    class Spy(QObject):
        def eventFilter(self, obj: QObject, ev: QEvent) -> bool:
            if ev.type() == QEvent.Type.Paint:
                rects.extend(ev.region())  # type: ignore[attr-defined]
            return False

    spy = Spy()
    view.canvas.installEventFilter(spy)
    view.set_playhead(10_100)
    qtbot.waitUntil(lambda: bool(rects), timeout=2000)
    view.canvas.removeEventFilter(spy)
    lanes = [r for r in rects if r.right() >= view.canvas.label_width]
    assert lanes and all(r.width() <= 40 for r in lanes)
    total = sum(r.width() * r.height() for r in rects)
    assert total < 0.15 * view.canvas.width() * view.canvas.height()


def test_double_click_activates(qtbot: Any, view: TimelineView) -> None:
    with qtbot.waitSignal(view.segmentActivated) as sig:
        qtbot.mouseDClick(view.canvas, Qt.MouseButton.LeftButton, pos=at(view, 31_000, "a"))
    assert sig.args == ["s2"]


def test_context_menu_actions(qtbot: Any, view: TimelineView) -> None:
    c = view.canvas
    view.set_playhead(15_000)
    menu = c.context_menu("s1")
    actions = {a.text(): a for a in menu.actions()}
    assert set(actions) == {"Delete", "Split at playhead", "Edit note…"}
    with qtbot.waitSignal(view.splitRequested) as sig:
        actions["Split at playhead"].trigger()
    assert sig.args == ["s1"]
    with qtbot.waitSignal(view.noteRequested) as sig:
        actions["Edit note…"].trigger()
    assert sig.args == ["s1"]
    with qtbot.waitSignal(view.deleteRequested) as sig:
        actions["Delete"].trigger()
    assert sig.args == [["s1"]]
    assert not {a.text(): a for a in c.context_menu("s2").actions()}[
        "Split at playhead"].isEnabled()
    assert not {a.text(): a for a in c.context_menu("d1").actions()}["Delete"].isEnabled()


def test_tooltip_describes_segment(qtbot: Any, view: TimelineView) -> None:
    c = view.canvas
    pos = at(view, 15_000, "a")
    QApplication.sendEvent(c, QHelpEvent(QEvent.Type.ToolTip, pos, c.mapToGlobal(pos)))
    text = QToolTip.text()
    assert "Alpha" in text
    assert "00:00:10.000 – 00:00:20.000" in text
    assert "Duration 10.000 s" in text
    assert "first note" in text
    QToolTip.hideText()


def test_colours_selection_and_playhead_are_painted(qtbot: Any, view: TimelineView) -> None:
    view.set_view_range(0, 60_000)
    view.set_playhead(36_000)
    img = view.canvas.grab().toImage()
    assert close(pixel(img, view.segment_rect("s3").center()), QColor("#59a14f"))
    assert close(pixel(img, view.segment_rect("pt").center()), QColor("#e15759"), 30)
    assert close(pixel(img, view.segment_rect("d1").center()), QColor("#d1495b"))  # disagree
    assert close(pixel(img, at(view, 36_000, "b")), QColor("#d62728"), 30)
    r = view.segment_rect("s1")
    edge = QPoint(round(r.left()) - 1, round(r.center().y()))
    before = pixel(img, edge)
    view.set_selection(["s1"])
    img = view.canvas.grab().toImage()
    after = pixel(img, edge)
    assert after.lightness() < before.lightness() - 80  # a strong dark outline


def test_vertical_scroll_when_lanes_do_not_fit(qtbot: Any, view: TimelineView) -> None:
    many = [Lane(f"l{i}", f"Lane {i}", f"G{i // 5}", "#4e79a7") for i in range(20)]
    view.set_lanes(many)
    qtbot.waitUntil(lambda: view._vbar.isVisible(), timeout=2000)
    c = view.canvas
    assert c.content_height() > c.lanes_viewport_height()
    top = view.lane_rect("l19").top()
    _wheel(c, QPoint(10, 100), -120 * 20, Qt.KeyboardModifier.NoModifier)
    assert view.lane_rect("l19").top() < top
    assert view.lane_rect("l19").bottom() <= c.height()
    assert view._vbar.value() == c.scroll_y()


def test_demo_screenshot_script(tmp_path: Any, qtbot: Any) -> None:
    from annotator.ui.timeline import demo

    out = tmp_path / "timeline.png"
    assert demo.main(["demo", str(out), "1280x360"]) == 0
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1280, 360)
    colours = {img.pixelColor(x, y).name() for x in range(300, 1280, 7) for y in range(60, 340, 5)}
    codebook_colours = {c.color.lower() for c in demo.demo_codebook().codes}
    assert len(codebook_colours & colours) >= 8  # the code colours are painted
