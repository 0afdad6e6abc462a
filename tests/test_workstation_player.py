"""Frame stepping through the main window: the Right/Left keys, wherever the focus is,
show exactly the frame the UI names (the number drawn in each frame is read back from
the screen)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.media.videogen import read_frame_number
from annotator.ui.main_window import MainWindow
from annotator.ui.player.still import qimage_to_bgr
from tests.gui_helpers import WAIT_MS, focus, key, open_window, seek, small_study, stored
from tests.studyutil import EXCLUSIVE_CODEBOOK

pytestmark = pytest.mark.gui


def label_frame(w: MainWindow) -> int:
    text = w.player.transport.frame_label.text()
    m = re.fullmatch(r"frame\s+(\d+) / (\d+)", text)
    assert m is not None, text
    return int(m.group(1))


def shown_number(w: MainWindow) -> int:
    r = w.player.video_rect()
    assert not r.isEmpty()
    image = qimage_to_bgr(w.player.grab().toImage())
    return read_frame_number(image, rect=(r.x(), r.y(), r.width(), r.height()))


def step_key(qtbot: QtBot, w: MainWindow, k: Qt.Key) -> None:
    target = QApplication.focusWidget() or w
    with qtbot.waitSignal(w.player.controller.frameShown, timeout=WAIT_MS):
        key(qtbot, target, k)


def test_right_and_left_keys_step_frame_exactly(qtbot: QtBot, tmp_path: Path) -> None:
    study = small_study(tmp_path / "study", EXCLUSIVE_CODEBOOK, frames=250)
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s.ini")
    pc = w.player.controller
    assert pc.info is not None and pc.info.codec.upper() in ("FMP4", "MP4V", "MPEG4")
    assert not w.media_label.isVisible()
    seek(qtbot, w, pc.frame_time(60))
    assert shown_number(w) == label_frame(w) == pc.frame_index == 60
    expected = 60
    targets = {"timeline": w.timeline.canvas, "table": w.table.view,
               "browser": w.browser.view}
    for where, widget in targets.items():
        if where == "browser":  # at 1280 px the study list is a tab beside the segments
            w.browser_dock.raise_()
        focus(qtbot, widget)
        for _ in range(6):
            step_key(qtbot, w, Qt.Key.Key_Right)
            expected += 1
            assert shown_number(w) == label_frame(w) == pc.frame_index == expected, where
            assert pc.position_ms == pc.frame_time(expected)
        for _ in range(4):
            step_key(qtbot, w, Qt.Key.Key_Left)
            expected -= 1
            assert shown_number(w) == label_frame(w) == pc.frame_index == expected, where
    # the timeline's playhead follows, and a code made now starts on that frame
    assert w.timeline.playhead() == pc.position_ms
    key(qtbot, w, Qt.Key.Key_4)
    (seg,) = stored(study, "AK", "C01", 1)
    assert seg.start_ms == pc.frame_time(expected)
