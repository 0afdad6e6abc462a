"""Helpers for the end-to-end tests of the coding workstation (the main window).

Real studies (SQLite files), real generated videos, the real main window built by
``annotator.ui.app.start``; nothing is mocked. Settings always go to a file in the
test's temporary folder, never to the user's config.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from annotator.core.segments import SegmentView
from annotator.media.hashing import sha256_file
from annotator.media.probe import probe
from annotator.media.videogen import write_test_video
from annotator.store import MediaLink, Study
from annotator.store.engine import make_engine
from annotator.store.recordings import Recording
from annotator.ui.app import start
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings

WAIT_MS = 20_000
FRAME_MS = 40  # every test video here runs at 25 fps

_demo_dir: Path | None = None


def demo_source() -> Path:
    """The demo study (6-second recordings), built once per test process."""
    global _demo_dir
    if _demo_dir is None:
        from annotator.demo import build_demo

        folder = Path(tempfile.mkdtemp(prefix="annot-demo-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        build_demo(folder, seconds=6)
        _demo_dir = folder
    return _demo_dir


_videos: dict[int, Path] = {}


def test_video(frames: int) -> Path:
    """A numbered MPEG-4 test video (25 fps, 320x240), written once per test process."""
    if frames not in _videos:
        folder = Path(tempfile.mkdtemp(prefix="annot-video-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _videos[frames] = write_test_video(folder / f"v{frames}.mp4", frames=frames,
                                           fps=25.0, size=(320, 240), codec="mp4v")
    return _videos[frames]


def copy_demo(dest: Path) -> Path:
    """A private copy of the demo study in ``dest`` (its media shared by a symlink)."""
    src = demo_source()
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src / "demo.annot", dest / "demo.annot")
    (dest / "media").symlink_to(src / "media", target_is_directory=True)
    return dest / "demo.annot"


def media_link(study_path: Path, video: Path) -> MediaLink:
    info = probe(video)
    return MediaLink(
        path=str(video.relative_to(study_path.parent)), sha256=sha256_file(video),
        size=video.stat().st_size, duration_ms=info.duration_ms, fps=info.fps,
        frame_count=info.frame_count, width=info.width, height=info.height, codec=info.codec)


def small_study(folder: Path, codebook_text: str, *, frames: int = 250, video: bool = True,
                coders: Iterable[str] = ("AK",), duration_ms: int = 10_000) -> Path:
    """A study with one session C01:1 (a numbered test video of ``frames`` frames at 25
    fps, or no media and an explicit duration) and a primary assignment for each coder."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "study.annot"
    study = Study.create(path, codebook_text, "test.yaml")
    try:
        if video:
            (folder / "media").mkdir(exist_ok=True)
            media = folder / "media" / "c01s1.mp4"
            shutil.copy2(test_video(frames), media)
            study.add_session("C01", 1, media=media_link(path, media))
        else:
            study.add_session("C01", 1, duration_ms=duration_ms)
        session = study.session("C01", 1)
        for coder in coders:
            study.add_coder(coder)
            study.assign(session.id, coder, "primary")
    finally:
        study.close()
    return path


def open_window(qtbot: QtBot, study: Path, coder: str, session: str, settings_file: Path,
                *, size: tuple[int, int] = (1280, 720), wait_media: bool = True) -> MainWindow:
    """``start()`` the app on a study, coder and session; shown, active, media loaded."""
    window = start(str(study), coder, session, Settings(settings_file))
    # closing the window while a code records asks (issue 8); a test that ends with one
    # recording leaves it as it is, open in the study, without a question
    qtbot.addWidget(window, before_close_func=leave_recordings_open)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    if wait_media:
        qtbot.waitUntil(lambda: window.player.controller.is_loaded, timeout=WAIT_MS)
        # the first still is on screen, at the position the coder left the session at
        # (frame 0 the first time)
        qtbot.waitUntil(lambda: window.keeper.pending_seek is None
                        and not window.player.grab().isNull(), timeout=WAIT_MS)
    qtbot.wait(50)
    return window


def leave_recordings_open(window: QWidget) -> None:
    """Forget the open recordings in the window (they stay open in the study, as after a
    crash), so closing it at the end of a test does not ask."""
    ctl = getattr(window, "controller", None)
    if ctl is not None:
        ctl.state.open.clear()


def answer(box_name: str, button_name: str, *, shots: Path | None = None,
           timeout_ms: int = WAIT_MS) -> list[str]:
    """Answer the next modal question whose objectName is ``box_name`` (``""``: any
    message box) by clicking its button named ``button_name``, or with ``":escape"`` its
    escape (Cancel) button, or with ``":return"`` a press of Return (its default button).
    Runs from the event loop: call it before the action that asks. Returns a list that
    gets the box's text once it was answered; with ``shots`` the box is grabbed to that
    PNG first."""
    seen: list[str] = []
    deadline = [timeout_ms // 20]

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box_name in ("", box.objectName()):
            if shots is not None:
                box.grab().save(str(shots))
            seen.append(box.text() + "\n" + box.informativeText())
            if button_name == ":return":
                QTest.keyClick(box, Qt.Key.Key_Return)
                return
            if button_name == ":escape":
                button = box.escapeButton() or box.defaultButton() or (
                    box.buttons()[0] if box.buttons() else None)
            else:
                button = box.findChild(QAbstractButton, button_name)
            assert button is not None, f"{box_name} has no button {button_name}"
            button.click()
            return
        deadline[0] -= 1
        if deadline[0] > 0:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def key(qtbot: QtBot, widget: QWidget, k: Qt.Key | str,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A real key click (press and release) delivered to ``widget``."""
    qtbot.keyClick(widget, k, modifier)


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=WAIT_MS)


def second_connection(study: Path) -> Study:
    """The study through a second engine of its own, opened without ``Study.open``'s file
    checks: those read the file with Python's ``open()``, and closing that descriptor
    drops every POSIX lock this process holds on the file (the window's own SQLite
    locks among them), which lets another process delete the window's WAL file."""
    return Study(make_engine(study), study)


def stored(study: Path, coder: str, case: str, number: int,
           purpose: str | None = None) -> list[SegmentView]:
    """What the study file holds for a coder's coding of a session (a second connection)."""
    with second_connection(study) as s:
        sess = s.session(case, number)
        a = s.find_assignment(sess.id, coder, purpose)
        assert a is not None, f"no assignment of {coder} on {case}:{number}"
        return sorted(s.segments(a.id), key=lambda x: (x.start_ms, x.code))


def recorded(study: Path, coder: str, case: str, number: int) -> list[Recording]:
    """The codes the study holds as being recorded in a coder's coding (no end yet)."""
    with second_connection(study) as s:
        sess = s.session(case, number)
        a = s.find_assignment(sess.id, coder)
        assert a is not None, f"no assignment of {coder} on {case}:{number}"
        return s.recordings(a.id)


def log_actions(study: Path, coder: str, case: str, number: int) -> list[dict[str, Any]]:
    with second_connection(study) as s:
        sess = s.session(case, number)
        a = s.find_assignment(sess.id, coder)
        assert a is not None
        return [dict(r) for r in s.log_entries(a.id)]


def timeline_segments(window: MainWindow) -> dict[str, tuple[str, SegmentView]]:
    """Every segment the timeline shows: id -> (lane id, segment)."""
    model = window.timeline.model
    out = {s.id: (lane.id, s) for lane in model.lanes for s in model.index(lane.id).segments}
    assert len(out) == len(model), "a segment sits on a lane that is not shown"
    return out


def table_ids(window: MainWindow) -> set[str]:
    return {s.id for s in window.table.model.segments()}


def lane_point(window: MainWindow, lane_id: str, ms: float) -> QPoint:
    tl = window.timeline
    return QPoint(round(tl.x_for_time(ms)), tl.lane_rect(lane_id).center().y())


def seek(qtbot: QtBot, window: MainWindow, ms: int) -> int:
    """Seek the paused player and wait until that frame is on screen; returns the position."""
    pc = window.player.controller
    if not pc.is_loaded:  # no video: click the timeline's ruler
        canvas = window.timeline.canvas
        y = canvas.ruler_rect().center().y()
        # zoomed in around the time, so that a pixel is a few ms whatever the layout
        lo, hi = window.timeline.view_range()
        if hi - lo > 2000 or not lo <= ms <= hi:
            window.timeline.set_view_range(max(0, ms - 1000), ms + 1000)
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton,
                         pos=QPoint(round(window.timeline.x_for_time(ms)), y))
        return window.current_ms()
    with qtbot.waitSignal(pc.frameShown, timeout=WAIT_MS):
        pc.seek(ms)
    return pc.position_ms


def open_computed_compare(qtbot: Any, w: Any, size: tuple[int, int]) -> Any:
    """Study ▸ Compare coders (Ctrl+K) from the window ``w``, at ``size``, with its default
    comparison computed; the CompareWindow."""
    from annotator.ui.compare.window import CompareWindow

    key(qtbot, w, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(c.isVisible() for c in w.findChildren(CompareWindow)),
                    timeout=WAIT_MS)
    compare = next(c for c in w.findChildren(CompareWindow) if c.isVisible())
    compare.resize(*size)
    qtbot.waitExposed(compare)
    qtbot.waitUntil(lambda: bool(compare.setup.session_keys()), timeout=WAIT_MS)
    with qtbot.waitSignal(compare.computed, timeout=60_000):
        compare.compute()
    qtbot.wait(300)
    return compare
