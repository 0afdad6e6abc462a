"""The coding workstation when things go wrong: a second instance, a locked or vanished
study file, missing or broken media. Each gives a clear message and the app keeps going.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.ui.app import start
from annotator.ui.settings import Settings
from tests.gui_helpers import (
    WAIT_MS,
    key,
    open_window,
    seek,
    small_study,
    stored,
    timeline_segments,
)
from tests.studyutil import EXCLUSIVE_CODEBOOK

pytestmark = pytest.mark.gui


@pytest.fixture
def study(tmp_path: Path) -> Path:
    return small_study(tmp_path / "study", EXCLUSIVE_CODEBOOK, frames=250)


class Boxes:
    """Message boxes that pop up, read and closed (as a user clicking OK would)."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._close_any)
        self._timer.start()

    def _close_any(self) -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible():
                self.seen.append((w.windowTitle(), w.text()))
                w.accept()

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def boxes() -> Iterator[Boxes]:
    b = Boxes()
    yield b
    b.stop()


def _holder(code: str) -> subprocess.Popen[str]:
    """Another process running ``code`` until its stdin closes; waits for 'ready'."""
    proc = subprocess.Popen(
        [sys.executable, "-c", code + "\nprint('ready', flush=True)\nsys.stdin.readline()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        cwd=str(Path(__file__).resolve().parents[1]))
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


def _release(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.close()
    proc.wait(timeout=30)
    proc.stdout.close()


def test_a_second_window_on_the_same_study_is_refused(
    qtbot: QtBot, study: Path, tmp_path: Path, boxes: Boxes
) -> None:
    first = open_window(qtbot, study, "AK", "C01:1", tmp_path / "one.ini")
    second = start(str(study), "AK", "C01:1", Settings(tmp_path / "two.ini"))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: bool(boxes.seen), timeout=WAIT_MS)
    title, text = boxes.seen[0]
    assert title == "Study already open"
    assert "already open in another annotator window" in text
    assert second.study is None and second.controller is None
    assert first.study is not None  # the first window is unaffected and still codes
    seek(qtbot, first, 1000)
    key(qtbot, first, Qt.Key.Key_4)
    assert [s.code for s in stored(study, "AK", "C01", 1)] == ["question"]


def test_a_study_locked_by_another_process_is_refused_with_its_pid(
    qtbot: QtBot, study: Path, tmp_path: Path, boxes: Boxes
) -> None:
    holder = _holder(
        "import sys\nfrom annotator.ui.instance_lock import StudyLock\n"
        f"lock = StudyLock({str(study)!r})\nlock.acquire()")
    try:
        w = start(str(study), "AK", "C01:1", Settings(tmp_path / "s.ini"))
        qtbot.addWidget(w)
        w.show()
        qtbot.waitUntil(lambda: bool(boxes.seen), timeout=WAIT_MS)
        assert w.study is None
        assert f"process {holder.pid}" in boxes.seen[0][1]
    finally:
        _release(holder)
    # once the other process has gone, the study opens
    w2 = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s2.ini")
    assert w2.study is not None


def test_an_edit_while_another_process_locks_the_database_reports_and_recovers(
    qtbot: QtBot, study: Path, tmp_path: Path, boxes: Boxes
) -> None:
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s.ini")
    holder = _holder(
        "import sqlite3, sys\n"
        f"db = sqlite3.connect({str(study)!r}, isolation_level=None)\n"
        "db.execute('BEGIN EXCLUSIVE')")
    try:
        seek(qtbot, w, 1000)
        key(qtbot, w, Qt.Key.Key_3)  # the write waits for the lock, then gives up
        qtbot.waitUntil(lambda: bool(boxes.seen), timeout=WAIT_MS)
        title, text = boxes.seen[0]
        assert title == "Not saved"
        assert "locked by another program" in text
        assert w.controller is not None and not w.controller.state.open
        assert timeline_segments(w) == {}
    finally:
        _release(holder)
    assert stored(study, "AK", "C01", 1) == []
    key(qtbot, w, Qt.Key.Key_3)  # the app kept running: the next edit is saved
    assert set(w.controller.state.open) == {"praise"}
    # ending the code while the database is locked: refused, and it stays open
    holder = _holder(
        "import sqlite3, sys\n"
        f"db = sqlite3.connect({str(study)!r}, isolation_level=None)\n"
        "db.execute('BEGIN EXCLUSIVE')")
    try:
        seek(qtbot, w, 2000)
        key(qtbot, w, Qt.Key.Key_3)
        qtbot.waitUntil(lambda: len(boxes.seen) == 2, timeout=WAIT_MS)
        assert "locked" in boxes.seen[1][1]
        assert set(w.controller.state.open) == {"praise"}
        assert w.codes.open_codes() == {"praise"}
    finally:
        _release(holder)
    t = seek(qtbot, w, 3000)
    key(qtbot, w, Qt.Key.Key_3)
    (seg,) = stored(study, "AK", "C01", 1)
    assert (seg.code, seg.start_ms, seg.end_ms) == ("praise", 1000, t)
    assert not seg.modifiers.get("open") and not w.controller.state.open


def test_a_study_file_deleted_while_open_refuses_edits_clearly(
    qtbot: QtBot, study: Path, tmp_path: Path, boxes: Boxes
) -> None:
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s.ini")
    seek(qtbot, w, 1000)
    key(qtbot, w, Qt.Key.Key_4)
    assert len(stored(study, "AK", "C01", 1)) == 1
    moved = study.with_name("moved.annot")
    study.rename(moved)  # SQLite keeps writing to the open file: the edit must not vanish
    seek(qtbot, w, 2000)
    key(qtbot, w, Qt.Key.Key_4)
    qtbot.waitUntil(lambda: bool(boxes.seen), timeout=WAIT_MS)
    title, text = boxes.seen[0]
    assert title == "Not saved"
    assert "moved or deleted" in text and str(study) in text
    assert len(timeline_segments(w)) == 1  # the refused point is not shown as done
    assert w.isVisible()


def test_missing_media_opens_the_session_and_codes_on_the_timeline_clock(
    qtbot: QtBot, study: Path, tmp_path: Path
) -> None:
    (study.parent / "media" / "c01s1.mp4").unlink()
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s.ini", wait_media=False)
    assert w.controller is not None and not w.player.controller.is_loaded
    message = w.statusBar().currentMessage()
    assert "missing" in message and "Relink" in message
    assert w.media_label.isVisible() and "recording missing" in w.media_label.text()
    assert w.timeline.duration() == 10_000  # the linked recording's duration
    t1 = seek(qtbot, w, 2000)
    key(qtbot, w, Qt.Key.Key_3)
    t2 = seek(qtbot, w, 5000)
    # the code being recorded grows with the playhead on the timeline
    growing = next(s for _lane, s in timeline_segments(w).values() if s.code == "praise")
    assert (growing.start_ms, growing.end_ms) == (t1, t2)
    key(qtbot, w, Qt.Key.Key_3)
    ms_per_px = 10_000 / w.timeline.lane_rect("praise").width()
    assert abs(t1 - 2000) <= ms_per_px + 1 and abs(t2 - 5000) <= ms_per_px + 1
    (seg,) = stored(study, "AK", "C01", 1)
    assert (seg.start_ms, seg.end_ms) == (t1, t2)
    assert timeline_segments(w)[seg.id][1] == seg


def test_a_text_file_named_mp4_gives_a_clear_message(
    qtbot: QtBot, study: Path, tmp_path: Path
) -> None:
    (study.parent / "media" / "c01s1.mp4").write_text("not a video at all\n" * 50)
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s.ini", wait_media=False)
    qtbot.waitUntil(lambda: "c01s1.mp4" in w.statusBar().currentMessage(), timeout=WAIT_MS)
    message = w.statusBar().currentMessage()
    assert not w.player.controller.is_loaded
    assert "cannot be read" in message and "not recognise it as a video" in message, message
    assert w.media_label.isVisible() and "unreadable" in w.media_label.text()
    assert w.media_label.toolTip().startswith(message.removeprefix("⚠ "))
    t = seek(qtbot, w, 3000)
    key(qtbot, w, Qt.Key.Key_4)
    assert [(s.code, s.start_ms) for s in stored(study, "AK", "C01", 1)] == [("question", t)]


def _count_in_other_process(study: Path) -> int:
    """Live segments as another process sees them (a reader that then closes, as a CLI
    export run beside the app would)."""
    out = subprocess.run(
        [sys.executable, "-c",
         f"import sqlite3\ndb = sqlite3.connect({str(study)!r})\n"
         "print(db.execute('SELECT count(*) FROM segments WHERE NOT deleted').fetchone()[0])\n"
         "db.close()"],
        capture_output=True, text=True, check=True, timeout=60)
    return int(out.stdout)


def test_edits_stay_durable_after_the_study_is_opened_again_in_process(
    qtbot: QtBot, study: Path, tmp_path: Path
) -> None:
    """Opening the study again in this process (compare, export) must not drop the app's
    SQLite locks: closing any descriptor of the file would, so the store never reads the
    header of a study the process has open."""
    from annotator.store import Study

    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s.ini")
    seek(qtbot, w, 1000)
    key(qtbot, w, Qt.Key.Key_4)
    with Study.open(study):  # what the export / merge / compare code does, in-process
        pass
    assert _count_in_other_process(study) == 1
    seek(qtbot, w, 2000)
    key(qtbot, w, Qt.Key.Key_4)
    assert len(timeline_segments(w)) == 2  # shown as saved ...
    assert _count_in_other_process(study) == 2  # ... so it must be in the study file


def test_edits_after_an_export_from_the_window_stay_durable(
    qtbot: QtBot, study: Path, tmp_path: Path
) -> None:
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s.ini")
    seek(qtbot, w, 1000)
    key(qtbot, w, Qt.Key.Key_4)
    out = tmp_path / "timeline.csv"
    key(qtbot, w, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # File ▸ Export
    qtbot.waitUntil(lambda: w.study_actions.export is not None, timeout=WAIT_MS)
    dlg = w.study_actions.export
    assert dlg is not None
    dlg.target_edit.setText(str(out))
    dlg.accept()
    qtbot.waitUntil(lambda: "Exported" in w.statusBar().currentMessage(), timeout=WAIT_MS)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and "question" in lines[1]
    assert _count_in_other_process(study) == 1  # another process reads and closes ...
    seek(qtbot, w, 2000)
    key(qtbot, w, Qt.Key.Key_4)
    assert _count_in_other_process(study) == 2  # ... and still sees the window's edits
