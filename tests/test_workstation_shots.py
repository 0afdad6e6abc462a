"""Screenshots of the workstation's main screens, with checks of what a researcher would
notice first: nothing cut off in the segment list, the video and timeline in view.

The pictures go to ``$ANNOTATOR_SHOTS`` when it is set (to look at them), else to the
test's temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from annotator.store import Study
from annotator.ui.app import start
from annotator.ui.main_window import MainWindow
from annotator.ui.segment_table import Column
from annotator.ui.settings import Settings
from annotator.ui.start_page import StartPage
from tests.gui_helpers import WAIT_MS, copy_demo, focus, key, open_window, seek

pytestmark = pytest.mark.gui


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("ANNOTATOR_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save(widget: QWidget, path: Path) -> None:
    image = widget.grab().toImage()
    assert image.width() == widget.width() and image.height() == widget.height()
    assert image.save(str(path))


def assert_table_columns_visible(w: MainWindow) -> None:
    """Code, start and end are readable in the docked segment list without scrolling."""
    view = w.table.view
    header = view.horizontalHeader()
    right = header.sectionViewportPosition(Column.END) + header.sectionSize(Column.END)
    assert right <= view.viewport().width(), "the End column is cut off"
    fm = view.fontMetrics()
    assert header.sectionSize(Column.END) >= fm.horizontalAdvance("00:00:00.000") + 8


def test_start_page(qtbot: QtBot, tmp_path: Path, shots: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    for name in ("lab/first-sessions.annot", "lab/reliability-2026.annot"):
        settings.add_recent(str(tmp_path / name))
    w = start(None, None, None, settings)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: any(
        isinstance(d, QDialog) and d.isVisible() for d in QApplication.topLevelWidgets()),
        timeout=WAIT_MS)
    dlg = next(d for d in QApplication.topLevelWidgets()
               if isinstance(d, QDialog) and d.isVisible())
    page = dlg.findChild(StartPage)
    assert page is not None and page.recent.count() == 2
    first = page.recent.item(0)
    assert first.text().startswith("reliability-2026.annot")  # the name first, then folder
    assert first.data(Qt.ItemDataRole.UserRole) == str(tmp_path / "lab/reliability-2026.annot")
    qtbot.waitExposed(dlg)
    # long paths elide inside the list instead of needing a horizontal scroll bar
    assert page.recent.visualItemRect(first).right() <= page.recent.viewport().width()
    assert not page.recent.horizontalScrollBar().isVisible()
    qtbot.wait(200)  # the default dock sizes are applied after the first show
    save(w, shots / "01-main-empty-1280x720.png")
    save(dlg, shots / "02-start-page.png")
    dlg.reject()


def test_main_window_with_a_session(qtbot: QtBot, tmp_path: Path, shots: Path) -> None:
    study = copy_demo(tmp_path / "demo")
    w = open_window(qtbot, study, "AK", "C09:1", tmp_path / "s.ini")
    qtbot.wait(200)  # the default dock sizes are applied after the first show
    seek(qtbot, w, 2520)
    key(qtbot, w, Qt.Key.Key_2)  # a code being recorded
    seek(qtbot, w, 3200)
    assert w.table.model.rowCount() >= 3
    assert_table_columns_visible(w)
    save(w, shots / "03-main-session-1280x720.png")

    # the segment table, editing an end time in place
    view = w.table.view
    focus(qtbot, view)
    view.setCurrentIndex(w.table.proxy.index(2, Column.END))
    key(qtbot, view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "00:00:05.2")
    assert view.viewport().rect().contains(editor.geometry())
    save(w, shots / "04-table-editing-1280x720.png")
    key(qtbot, editor, Qt.Key.Key_Escape)


def test_main_window_at_1920x1080(qtbot: QtBot, tmp_path: Path, shots: Path) -> None:
    study = copy_demo(tmp_path / "demo")
    w = open_window(qtbot, study, "AK", "C09:1", tmp_path / "s.ini", size=(1920, 1080))
    qtbot.wait(200)
    seek(qtbot, w, 4000)
    assert_table_columns_visible(w)
    save(w, shots / "05-main-session-1920x1080.png")


def test_unblinded_view(qtbot: QtBot, tmp_path: Path, shots: Path,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    study = copy_demo(tmp_path / "demo")
    with Study.open(study) as s:
        rel = s.assignments(coder="BL", purpose="reliability")[-1]
    w = open_window(qtbot, study, "BL", f"{rel.case}:{rel.number}", tmp_path / "s.ini")
    qtbot.wait(200)
    save(w, shots / "06-blind-1280x720.png")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    w.actions_by_name["show_others"].trigger()
    seek(qtbot, w, 1500)
    lanes = w.timeline.lanes()
    assert any(not lane.editable for lane in lanes)
    save(w, shots / "07-unblinded-1280x720.png")


def test_compare_window_from_the_main_window(qtbot: QtBot, tmp_path: Path,
                                             shots: Path) -> None:
    from annotator.ui.compare.window import CompareWindow

    study = copy_demo(tmp_path / "demo")
    w = open_window(qtbot, study, "AK", "C09:1", tmp_path / "s.ini")
    key(qtbot, w, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # Study ▸ Compare
    qtbot.waitUntil(lambda: any(c.isVisible() for c in w.findChildren(CompareWindow)),
                    timeout=WAIT_MS)
    compare = next(c for c in w.findChildren(CompareWindow) if c.isVisible())
    qtbot.waitExposed(compare)
    compare.activateWindow()
    qtbot.waitUntil(compare.isActiveWindow, timeout=WAIT_MS)
    qtbot.wait(300)
    save(compare, shots / "08-compare-from-main-1280x720.png")
    # keys typed into the comparison window do not code in the main window
    assert w.controller is not None
    before = len(w.workspace.segments)
    key(qtbot, compare, Qt.Key.Key_1)
    assert len(w.workspace.segments) == before and not w.controller.state.open
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=WAIT_MS)
    key(qtbot, w, Qt.Key.Key_1)
    assert set(w.controller.state.open) == {"responsive"}
    compare.close()


def test_missing_recording(qtbot: QtBot, tmp_path: Path, shots: Path) -> None:
    from tests.gui_helpers import small_study
    from tests.studyutil import EXCLUSIVE_CODEBOOK

    study = small_study(tmp_path / "study", EXCLUSIVE_CODEBOOK, frames=100)
    (study.parent / "media" / "c01s1.mp4").unlink()
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s.ini", wait_media=False)
    qtbot.wait(200)
    seek(qtbot, w, 1500)
    key(qtbot, w, Qt.Key.Key_3)
    seek(qtbot, w, 2500)
    qtbot.wait(100)  # the status bar lays out its changed labels
    status = w.statusBar()
    assert w.session_label.width() >= w.session_label.sizeHint().width()
    assert w.media_label.isVisible()
    # the warning is readable in full in the status bar at 1280 px
    assert w.media_label.geometry().left() >= 0
    assert w.media_label.width() >= w.media_label.sizeHint().width()
    assert status.width() == w.width()
    save(w, shots / "09-missing-recording-1280x720.png")
