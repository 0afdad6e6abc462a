"""The segment table: model checks, in-place edits, sorting, filtering, selection sync."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QVBoxLayout, QWidget

from annotator.core.codebook import Category, Code, Codebook
from annotator.core.codebook_files import load_codebook
from annotator.core.segments import SegmentView
from annotator.ui.segment_table import (
    SEGMENT_ID_ROLE,
    SORT_ROLE,
    Column,
    SegmentTable,
    SegmentTableModel,
)

pytestmark = pytest.mark.gui


def _codebook() -> Codebook:
    return Codebook("Test", "1", ("en", "nb"), (
        Category("cat1", {"en": "First", "nb": "Første"}, False, (
            Code("alpha", "cat1", {"en": "Alpha", "nb": "Alfa"}, "1", "#4e79a7"),
            Code("beta", "cat1", {"en": "Beta"}, "2", "#59a14f"),
        )),
        Category("cat2", {"en": "Second"}, True, (
            Code("care", "cat2", {"en": "Showing care"}, "3", "#e15759"),
            Code("tick", "cat2", {"en": "Tick"}, "4", "#888888", kind="point"),
        )),
    ))


SEGS = [
    SegmentView("s1", "AK", "alpha", 9_000, 18_000, "child looks up"),
    SegmentView("s2", "AK", "beta", 100_000, 102_500),
    SegmentView("s3", "BL", "care", 61_000, 71_000, "ambiguous"),
    SegmentView("s4", "AK", "tick", 30_000, 30_000),
    SegmentView("s5", "AK", "alpha", 5_000_000, 5_001_000),
]


@pytest.fixture
def table(qtbot: Any) -> SegmentTable:
    t = SegmentTable(codebook=_codebook())
    qtbot.addWidget(t)
    t.resize(800, 260)
    t.set_segments(SEGS)
    t.show()
    qtbot.waitExposed(t)
    return t


def cell(t: SegmentTable, sid: str, col: Column) -> QModelIndex:
    row = t.model.row_of(sid)
    assert row is not None
    return t.proxy.mapFromSource(t.model.index(row, col))


def center(t: SegmentTable, sid: str, col: Column) -> QPoint:
    return t.view.visualRect(cell(t, sid, col)).center()


def open_editor(qtbot: Any, t: SegmentTable, sid: str, col: Column) -> QWidget:
    t.view.setFocus()
    t.view.setCurrentIndex(cell(t, sid, col))
    qtbot.keyClick(t.view, Qt.Key.Key_F2)
    editor = t.view.indexWidget(cell(t, sid, col)) or QApplication.focusWidget()
    assert editor is not None and editor is not t.view
    return editor


def type_into(qtbot: Any, t: SegmentTable, sid: str, col: Column, text: str) -> None:
    editor = open_editor(qtbot, t, sid, col)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    with qtbot.assertNotEmitted(t.activated):  # Return ends the edit, nothing more
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is t.view)  # committed, closed


# ---------------------------------------------------------------- model
def test_model_and_proxy_pass_modeltester(qtmodeltester: Any, table: SegmentTable) -> None:
    qtmodeltester.check(table.model)
    qtmodeltester.check(table.proxy)
    # the testers stay connected and check every change below
    table.upsert(SegmentView("s6", "AK", "beta", 1_000, 2_000))
    table.upsert(SegmentView("s1", "AK", "care", 9_000, 19_000, "changed"))
    table.set_filter_text("alpha")
    table.remove(["s5", "nope"])
    table.set_filter_text("")
    table.view.sortByColumn(Column.DURATION, Qt.SortOrder.DescendingOrder)
    table.set_playhead(10_000)
    table.model.set_language("nb")
    table.set_segments(SEGS[:2])
    assert table.model.rowCount() == 2


def test_cells_show_labels_times_and_ids(table: SegmentTable) -> None:
    m = table.model
    r = m.row_of("s1")
    assert r is not None
    texts = [m.index(r, c).data() for c in Column]
    assert texts == ["Alpha", "First", "00:00:09.000", "00:00:18.000", "9.000 s",
                     "child looks up"]
    assert all(m.index(r, c).data(SEGMENT_ID_ROLE) == "s1" for c in Column)
    assert m.index(r, 0).data(Qt.ItemDataRole.UserRole) == "s1"
    assert not m.index(r, Column.CODE).data(Qt.ItemDataRole.DecorationRole).isNull()
    p = m.row_of("s4")
    assert p is not None
    assert m.index(p, Column.END).data() == ""
    assert m.index(p, Column.DURATION).data() == "point"
    assert m.index(p, Column.START).data(SORT_ROLE) == 30_000
    m.set_language("nb")
    assert m.index(r, Column.CODE).data() == "Alfa"
    assert m.index(r, Column.CATEGORY).data() == "Første"
    assert m.segment_at(r) == SEGS[0]


def test_unknown_code_is_shown_not_hidden(table: SegmentTable) -> None:
    table.upsert(SegmentView("x", "AK", "gone", 0, 10))
    r = table.model.row_of("x")
    assert r is not None
    assert table.model.index(r, Column.CODE).data() == "gone"
    assert table.model.index(r, Column.CATEGORY).data() == "not in codebook"
    assert "not in this codebook" in table.model.index(r, Column.CODE).data(
        Qt.ItemDataRole.ToolTipRole)


def test_upsert_replaces_in_place_and_remove(table: SegmentTable) -> None:
    m = table.model
    r = m.row_of("s3")
    m.upsert(SegmentView("s3", "BL", "care", 61_000, 75_000))
    assert m.row_of("s3") == r
    assert m.segment_at(r).end_ms == 75_000  # type: ignore[arg-type]
    m.remove(["s1", "s2", "s5"])
    assert [s.id for s in m.segments()] == ["s3", "s4"]
    assert m.row_of("s4") == 1 and m.row_of("s1") is None


# ---------------------------------------------------------------- editing
def test_valid_time_edit_requests_change_in_ms(qtbot: Any, table: SegmentTable) -> None:
    with qtbot.waitSignal(table.model.editRequested) as sig:
        type_into(qtbot, table, "s1", Column.START, "12.5")
    assert sig.args == ["s1", {"start_ms": 12_500}]
    with qtbot.waitSignal(table.editRequested) as sig:
        type_into(qtbot, table, "s1", Column.END, "00:01:02.250")
    assert sig.args == ["s1", {"end_ms": 62_250}]
    # the model itself did not change: the application applies the edit
    assert table.model.segment("s1") == SEGS[0]


def test_invalid_time_text_is_rejected(qtbot: Any, table: SegmentTable) -> None:
    with qtbot.assertNotEmitted(table.model.editRequested), \
            qtbot.waitSignal(table.model.editRejected) as sig:
        type_into(qtbot, table, "s1", Column.START, "12.5.3")
    assert "12.5.3" in sig.args[0] and "time" in sig.args[0]
    with qtbot.assertNotEmitted(table.model.editRequested), \
            qtbot.waitSignal(table.editRejected) as sig:
        type_into(qtbot, table, "s1", Column.END, "00:75:00")
    assert "< 60" in sig.args[0]


def test_end_before_start_is_rejected(qtbot: Any, table: SegmentTable) -> None:
    with qtbot.assertNotEmitted(table.model.editRequested), \
            qtbot.waitSignal(table.model.editRejected) as sig:
        type_into(qtbot, table, "s1", Column.END, "8")
    assert "before the start" in sig.args[0]
    with qtbot.assertNotEmitted(table.model.editRequested), \
            qtbot.waitSignal(table.model.editRejected) as sig:
        type_into(qtbot, table, "s1", Column.START, "18.001")
    assert "after the end" in sig.args[0]
    # end == start is allowed by the store and so here
    with qtbot.waitSignal(table.model.editRequested) as ok:
        type_into(qtbot, table, "s1", Column.END, "9")
    assert ok.args == ["s1", {"end_ms": 9_000}]


def test_point_code_end_not_editable_and_start_moves_both(
    qtbot: Any, table: SegmentTable
) -> None:
    m = table.model
    end = m.index(m.row_of("s4"), Column.END)  # type: ignore[arg-type]
    assert not m.flags(end) & Qt.ItemFlag.ItemIsEditable
    assert not m.setData(end, "40")
    with qtbot.waitSignal(m.editRequested) as sig:
        type_into(qtbot, table, "s4", Column.START, "31")
    assert sig.args == ["s4", {"start_ms": 31_000, "end_ms": 31_000}]


def test_note_edit_and_no_op_edit(qtbot: Any, table: SegmentTable) -> None:
    with qtbot.waitSignal(table.model.editRequested) as sig:
        type_into(qtbot, table, "s2", Column.NOTE, "therapist leans in")
    assert sig.args == ["s2", {"note": "therapist leans in"}]
    with qtbot.assertNotEmitted(table.model.editRequested), \
            qtbot.assertNotEmitted(table.model.editRejected):
        type_into(qtbot, table, "s1", Column.START, "9.000")


def test_code_combo_lists_codes_and_requests_change(qtbot: Any, table: SegmentTable) -> None:
    editor = open_editor(qtbot, table, "s1", Column.CODE)
    assert isinstance(editor, QComboBox)
    assert editor.currentData() == "alpha"
    texts = [editor.itemText(i) for i in range(editor.count())]
    assert texts[:3] == ["First", "Alpha  [1]", "Beta  [2]"]
    tick = editor.findData("tick")
    assert not editor.model().flags(editor.model().index(tick, 0)) & Qt.ItemFlag.ItemIsEnabled
    with qtbot.waitSignal(table.model.editRequested) as sig:
        qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert sig.args == ["s1", {"code": "beta"}]


def test_code_change_checks_kind_and_codebook(qtbot: Any, table: SegmentTable) -> None:
    m = table.model
    idx = m.index(m.row_of("s1"), Column.CODE)  # type: ignore[arg-type]
    with qtbot.waitSignal(m.editRejected) as sig:
        assert not m.setData(idx, "tick")
    assert "point code" in sig.args[0]
    with qtbot.waitSignal(m.editRejected) as sig:
        assert not m.setData(idx, "nonsense")
    assert "Unknown code" in sig.args[0]


def test_read_only_table_edits_and_deletes_nothing(qtbot: Any, table: SegmentTable) -> None:
    table.set_read_only(True)
    m = table.model
    assert not any(
        m.flags(m.index(r, c)) & Qt.ItemFlag.ItemIsEditable
        for r in range(m.rowCount()) for c in Column
    )
    table.set_selection(["s1"])
    table.view.setFocus()
    with qtbot.assertNotEmitted(table.deleteRequested):
        qtbot.keyClick(table.view, Qt.Key.Key_Delete)


# ---------------------------------------------------------------- sort and filter
def click_header(qtbot: Any, t: SegmentTable, col: Column) -> None:
    hh = t.view.horizontalHeader()
    x = hh.sectionViewportPosition(col) + hh.sectionSize(col) // 2
    qtbot.mouseClick(hh.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, hh.height() // 2))


def test_sorting_is_numeric(qtbot: Any, table: SegmentTable) -> None:
    assert table.visible_ids() == ["s1", "s4", "s3", "s2", "s5"]  # by start, initially
    click_header(qtbot, table, Column.START)
    assert table.visible_ids() == ["s5", "s2", "s3", "s4", "s1"]
    click_header(qtbot, table, Column.DURATION)
    # 0 (point) < 1.000 < 2.500 < 9.000 < 10.000: text order would put 10.000 first
    assert table.visible_ids() == ["s4", "s5", "s2", "s1", "s3"]


def test_filter_by_label_id_note_coder(qtbot: Any, table: SegmentTable) -> None:
    qtbot.keyClicks(table.filter_edit, "ALPHA")
    assert sorted(table.visible_ids()) == ["s1", "s5"]
    assert table.count_label.text() == "2 of 5 segments"
    table.set_filter_text("looks")
    assert table.visible_ids() == ["s1"]
    table.set_filter_text("bl")
    assert table.visible_ids() == ["s3"]
    table.set_filter_text("care ambig")  # every word must match
    assert table.visible_ids() == ["s3"]
    table.set_filter_text("care looks")
    assert table.visible_ids() == []
    table.set_filter_text("(")  # regex characters are plain text
    assert table.visible_ids() == []
    table.filter_edit.setFocus()
    qtbot.keyClick(table.filter_edit, Qt.Key.Key_Escape)
    assert table.filter_text() == "" and len(table.visible_ids()) == 5
    assert table.filter_edit.placeholderText() and table.filter_edit.isClearButtonEnabled()


# ---------------------------------------------------------------- selection
def test_user_selection_emits_ids(qtbot: Any, table: SegmentTable) -> None:
    vp = table.view.viewport()
    with qtbot.waitSignal(table.selectionChanged) as sig:
        qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=center(table, "s3", Column.CODE))
    assert sig.args == [["s3"]]
    with qtbot.waitSignal(table.selectionChanged) as sig:
        qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                         pos=center(table, "s1", Column.NOTE))
    assert sig.args == [["s1", "s3"]]  # table order
    assert table.selected_ids() == ["s1", "s3"]


def test_set_selection_is_silent_and_scrolls(qtbot: Any, table: SegmentTable) -> None:
    many = [SegmentView(f"m{i:03d}", "AK", "beta", i * 1000, i * 1000 + 500) for i in range(200)]
    table.set_segments(many)
    with qtbot.assertNotEmitted(table.selectionChanged):
        table.set_selection(["m150", "m170", "unknown"])
    assert table.selected_ids() == ["m150", "m170"]
    rows = sorted(i.row() for i in table.view.selectionModel().selectedRows())
    assert rows == [150, 170]
    rect = table.view.visualRect(cell(table, "m150", Column.CODE))
    assert table.view.viewport().rect().contains(rect.center())


def test_echoing_selection_back_makes_no_loop(qtbot: Any, table: SegmentTable) -> None:
    got: list[list[str]] = []

    def on_selection(ids: list[str]) -> None:  # like the window syncing the timeline
        got.append(ids)
        table.set_selection(ids)

    table.selectionChanged.connect(on_selection)
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=center(table, "s2", Column.START))
    assert got == [["s2"]]


def test_row_changes_and_filter_do_not_emit_selection(qtbot: Any, table: SegmentTable) -> None:
    table.set_selection(["s1", "s3"])
    with qtbot.assertNotEmitted(table.selectionChanged):
        table.set_filter_text("care")
        assert table.visible_ids() == ["s3"]
        table.set_filter_text("")
        table.model.upsert(SegmentView("s1", "AK", "alpha", 1_000, 18_000))
        table.model.remove(["s3"])
        table.set_segments(SEGS)
    # hidden rows came back selected; the removed id left the selection
    assert table.selected_ids() == ["s1"]
    assert [i.row() for i in table.view.selectionModel().selectedRows()] == [
        cell(table, "s1", Column.CODE).row()]


def test_double_click_and_enter_activate(qtbot: Any, table: SegmentTable) -> None:
    vp, pos = table.view.viewport(), center(table, "s3", Column.START)
    with qtbot.waitSignal(table.activated) as sig:  # press, release, double-click
        qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseDClick(vp, Qt.MouseButton.LeftButton, pos=pos)
    assert sig.args == ["s3"]
    table.view.setFocus()
    table.view.setCurrentIndex(cell(table, "s2", Column.CODE))
    with qtbot.waitSignal(table.activated) as sig:
        qtbot.keyClick(table.view, Qt.Key.Key_Return)
    assert sig.args == ["s2"]


def test_delete_key_requests_deletion(qtbot: Any, table: SegmentTable) -> None:
    table.set_selection(["s4", "s2"])
    table.view.setFocus()
    with qtbot.waitSignal(table.deleteRequested) as sig:
        qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert sorted(sig.args[0]) == ["s2", "s4"]
    table.set_selection([])
    with qtbot.assertNotEmitted(table.deleteRequested):
        qtbot.keyClick(table.view, Qt.Key.Key_Delete)


def test_table_leaves_coding_keys_to_the_window(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    t = SegmentTable(window, codebook=_codebook())
    QVBoxLayout(window).addWidget(t)
    t.set_segments(SEGS)
    fired: list[str] = []
    sc = QShortcut(QKeySequence("1"), window)
    sc.setContext(Qt.ShortcutContext.WindowShortcut)
    sc.activated.connect(lambda: fired.append("1"))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    t.view.setFocus()
    t.view.setCurrentIndex(cell(t, "s1", Column.CODE))
    qtbot.keyClick(t.view, Qt.Key.Key_1)
    assert fired == ["1"]


# ---------------------------------------------------------------- playhead
def test_playhead_bolds_rows_containing_it(qtbot: Any, table: SegmentTable) -> None:
    m = table.model
    table.upsert(SegmentView("s6", "AK", "beta", 60_000, 65_000))

    def bold_ids() -> set[str]:
        return {
            m.segment_at(r).id for r in range(m.rowCount())
            if isinstance(f := m.index(r, 0).data(Qt.ItemDataRole.FontRole), QFont) and f.bold()
        }

    table.set_playhead(62_000)
    assert bold_ids() == {"s3", "s6"}
    with qtbot.assertNotEmitted(m.dataChanged):  # same boundaries: nothing to do
        table.set_playhead(64_000)
    table.set_playhead(65_000)  # half-open: s6 has ended
    assert bold_ids() == {"s3"}
    table.set_playhead(30_000)  # a point code contains no time
    assert bold_ids() == set()
    table.set_playhead(10_000)
    table.upsert(SegmentView("s1", "AK", "alpha", 11_000, 18_000))  # moved away
    assert bold_ids() == set()
    table.set_playhead(None)
    assert m.playhead_rows() == frozenset()


def test_shipped_codebook_labels(qtbot: Any) -> None:
    cb = load_codebook("helper-maneuvers")[0]
    m = SegmentTableModel(cb)
    m.set_segments([SegmentView("x", "AK", "joins_play", 0, 1000)])
    assert m.index(0, Column.CATEGORY).data() == "Implicit helper maneuvers"
    m.set_language("nb")
    assert m.index(0, Column.CATEGORY).data() == "Implisitte hjelpemanøvrer"


def test_edit_applied_by_the_window_resorts_and_keeps_selection(
    qtbot: Any, table: SegmentTable
) -> None:
    from dataclasses import replace

    def apply(sid: str, changes: dict[str, Any]) -> None:  # the window, store accepting
        seg = table.model.segment(sid)
        assert seg is not None
        table.upsert(replace(seg, **changes))

    table.editRequested.connect(apply)
    table.set_selection(["s3"])
    with qtbot.assertNotEmitted(table.selectionChanged):
        type_into(qtbot, table, "s3", Column.START, "00:00:05.500")
    row = table.model.row_of("s3")
    assert row is not None
    assert table.model.index(row, Column.START).data() == "00:00:05.500"
    assert table.visible_ids() == ["s3", "s1", "s4", "s2", "s5"]  # re-sorted by start
    assert table.selected_ids() == ["s3"]
    assert [i.row() for i in table.view.selectionModel().selectedRows()] == [0]
    table.editRequested.disconnect(apply)

    def refuse(sid: str, _changes: dict[str, Any]) -> None:  # the store said no
        original = table.model.segment(sid)
        assert original is not None
        table.upsert(original)

    table.editRequested.connect(refuse)
    type_into(qtbot, table, "s1", Column.END, "200")
    assert table.model.segment("s1").end_ms == 18_000  # type: ignore[union-attr]


def test_a_code_being_recorded_shows_as_recording() -> None:
    from annotator.core.codebook_files import load_codebook
    from annotator.core.segments import SegmentView
    from annotator.ui.segment_table import Column, SegmentTableModel

    model = SegmentTableModel(load_codebook("helper-maneuvers")[0])
    model.set_segments([SegmentView("a", "AK", "responsive", 1000, 1000, "", {"open": True}),
                        SegmentView("b", "AK", "care", 2000, 3000)])
    assert model.index(0, Column.END).data() == "● recording"
    assert model.index(1, Column.END).data() == "00:00:03.000"
