"""Nothing is cut off at 1280x720, and the side panels grow at 1920x1080: measured on
the real window with the demo study (the helper-maneuver codebook's long labels), and
saved as pictures to look at (``$ANNOTATOR_SHOTS``, else the test's folder)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from annotator.ui.main_window import MainWindow
from annotator.ui.segment_table import CODE_CELL_EXTRA, Column
from annotator.ui.timeline.lane_labels import fits, text_width
from tests.gui_helpers import WAIT_MS, copy_demo, key, open_window, seek

pytestmark = pytest.mark.gui
SIZES = [(1280, 720), (1920, 1080)]


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("ANNOTATOR_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save(widget: QWidget, path: Path) -> None:
    assert widget.grab().toImage().save(str(path))


def window(qtbot: QtBot, tmp_path: Path, size: tuple[int, int]) -> MainWindow:
    study = copy_demo(tmp_path / "demo")
    w = open_window(qtbot, study, "AK", "C09:1", tmp_path / "s.ini", size=size)
    qtbot.wait(300)  # the default dock sizes are applied after the first show
    for k, (start, end) in ((Qt.Key.Key_5, (500, 2500)), (Qt.Key.Key_7, (3000, 4400)),
                            (Qt.Key.Key_0, (1200, 5200))):
        seek(qtbot, w, start)
        key(qtbot, w, k)
        seek(qtbot, w, end)
        key(qtbot, w, k)
    qtbot.wait(100)
    return w


def check_lane_labels(w: MainWindow) -> None:
    canvas = w.timeline.canvas
    lanes = w.timeline.lanes()
    assert len(lanes) == 10
    for lane in lanes:
        room = text_width(canvas.label_width, bool(lane.key))
        assert fits(canvas.font(), lane.title, room), lane.title
    # two-line labels get lanes tall enough for two lines
    assert canvas.row_layout.lane_height >= 2 * QFontMetrics(canvas.font()).height() - 2


def check_table(w: MainWindow) -> None:
    table = w.table
    view = table.view
    header = view.horizontalHeader()
    fm = view.fontMetrics()
    shown = [c for c in Column if not view.isColumnHidden(c)]
    assert {Column.CODE, Column.START, Column.END} <= set(shown)
    right = max(header.sectionViewportPosition(c) + header.sectionSize(c) for c in shown)
    assert right <= view.viewport().width(), "a column is cut off at the right"
    rows = table.proxy.rowCount()
    assert rows >= 6
    for r in range(rows):
        for col in (Column.START, Column.END):
            text = str(table.proxy.index(r, col).data())
            assert fm.horizontalAdvance(text) + 8 <= header.sectionSize(col), text
        label = str(table.proxy.index(r, Column.CODE).data())
        width = header.sectionSize(Column.CODE) - CODE_CELL_EXTRA
        lines = table.label_lines(label, width)
        assert lines * fm.lineSpacing() <= view.rowHeight(r) - 4, label
        elided = fm.elidedText(label, Qt.TextElideMode.ElideRight, width * lines)
        assert elided == label


def check_codes_panel(w: MainWindow) -> None:
    panel = w.codes
    cb = panel.codebook()
    assert cb is not None
    area = panel.scroll_area
    for code in cb.codes:
        row = panel.code_row(code.id)
        area.ensureWidgetVisible(row)  # every code can be scrolled to
        top = row.mapTo(area.viewport(), row.rect().topLeft()).y()
        assert top >= 0 and top + row.height() <= area.viewport().height() + 1, code.id
        # its label is wrapped in full into the row
        assert row.height() >= row.heightForWidth(row.width()), code.id
    area.verticalScrollBar().setValue(0)


def check_study_list(w: MainWindow) -> None:
    w.browser_dock.raise_()
    view = w.browser.view
    view.expandAll()
    delegate = view.itemDelegate()
    model = view.model()
    checked = 0
    for r in range(model.rowCount()):
        case = model.index(r, 0)
        assert delegate.cut_off(case) == [], case.data()  # type: ignore[attr-defined]
        for c in range(model.rowCount(case)):
            session = model.index(c, 0, case)
            assert delegate.cut_off(session) == [], session.data()  # type: ignore[attr-defined]
            checked += 1
    assert checked == 45
    assert isinstance(QModelIndex(), QModelIndex)


@pytest.mark.parametrize("size", SIZES, ids=["1280x720", "1920x1080"])
def test_nothing_is_cut_off(qtbot: QtBot, tmp_path: Path, shots: Path,
                            size: tuple[int, int]) -> None:
    w = window(qtbot, tmp_path, size)
    name = f"{size[0]}x{size[1]}"
    check_lane_labels(w)
    check_table(w)
    check_codes_panel(w)
    save(w, shots / f"layout-session-{name}.png")
    check_study_list(w)
    qtbot.wait(50)
    save(w, shots / f"layout-study-list-{name}.png")


def test_side_panels_grow_with_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    small = window(qtbot, tmp_path / "a", (1280, 720))
    widths_small = (small.codes_dock.width(), small.browser_dock.width(),
                    small.timeline.canvas.label_width)
    # at 1280 px the study list shares the right column with the segments, so that the
    # segment list and the codes get the width the player's controls leave
    assert small.layout_state.tabbed()
    assert small.codes_dock.width() >= 500
    small.close()
    big = window(qtbot, tmp_path / "b", (1920, 1080))
    assert not big.layout_state.tabbed()
    assert big.browser_dock.isVisible() and big.table_dock.isVisible()
    assert big.browser_dock.width() >= 0.18 * 1920
    assert big.codes_dock.width() >= 0.27 * 1920
    assert big.timeline.canvas.label_width >= widths_small[2]
    assert big.table.view.rowHeight(0) > 0
    qtbot.waitUntil(lambda: big.player.controller.is_loaded, timeout=WAIT_MS)


def test_the_study_tab_comes_forward_when_no_session_is_open(
        qtbot: QtBot, tmp_path: Path) -> None:
    w = window(qtbot, tmp_path, (1280, 720))

    def shown(widget: QWidget) -> bool:  # a dock behind another tab is "visible" to Qt
        return not widget.visibleRegion().isEmpty()

    assert not shown(w.browser) and shown(w.table)
    w.close_session()
    qtbot.waitUntil(lambda: shown(w.browser) and not shown(w.table), timeout=WAIT_MS)
    w.open_session_key("C09:2")
    qtbot.waitUntil(lambda: shown(w.table) and not shown(w.browser), timeout=WAIT_MS)


@pytest.mark.parametrize("size", SIZES, ids=["1280x720", "1920x1080"])
def test_new_panes_and_dialogs_read_well(qtbot: QtBot, tmp_path: Path, shots: Path,
                                         size: tuple[int, int]) -> None:
    from tests.test_workstation_export import open_export
    from tests.test_workstation_navigation import go_to_dialog

    w = window(qtbot, tmp_path, size)
    name = f"{size[0]}x{size[1]}"
    w.actions_by_name["definition"].trigger()
    qtbot.waitUntil(lambda: not w.definition.visibleRegion().isEmpty(), timeout=WAIT_MS)
    w.definition.show_code("difficult_experiences")
    text = w.definition.text()
    assert "difficult experiences" in text and "Examples" in text
    # the pane's text wraps to its width: no horizontal scrolling needed to read it
    assert not w.definition.browser.horizontalScrollBar().isVisible()
    save(w, shots / f"definition-pane-{name}.png")
    dlg = open_export(qtbot, w)
    for widget in (dlg.type_box, dlg.target_edit, dlg.case_box, dlg.coder_box):
        assert widget.width() >= widget.minimumSizeHint().width()
    save(dlg, shots / f"export-dialog-{name}.png")
    dlg.reject()
    go = go_to_dialog(qtbot, w)
    go.edit.setText("99:00")
    qtbot.wait(50)
    assert go.error.height() >= go.error.heightForWidth(go.error.width())
    save(go, shots / f"go-to-time-{name}.png")
    go.reject()


def test_a_session_without_its_recording_says_so_in_the_picture(
        qtbot: QtBot, tmp_path: Path) -> None:
    from tests.gui_helpers import small_study
    from tests.studyutil import EXCLUSIVE_CODEBOOK

    study = small_study(tmp_path / "study", EXCLUSIVE_CODEBOOK, frames=100)
    (study.parent / "media" / "c01s1.mp4").unlink()
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s.ini", wait_media=False)
    assert "recording of C01:1 is missing" in w.player.view.message()
    assert "Double-click" not in w.player.view.message()
