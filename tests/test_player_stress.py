"""Load/play/close cycles must not deadlock (QtMultimedia renderer threads vs the GIL).

Runs in a subprocess with a time limit, so a deadlock fails the test instead of
hanging the suite. Before the player routed its QMediaPlayer calls through queued
invocations (see ``controller._call``), about one cycle in a dozen hung here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.media.videogen import write_test_video

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import sys
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([])
from annotator.ui.player import PlayerWidget

def spin(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()

for cycle in range(int(sys.argv[2])):
    w = PlayerWidget()
    w.resize(640, 400)
    w.show()
    c = w.controller
    loop = QEventLoop()
    c.frameShown.connect(lambda *a: loop.quit())
    c.loadFailed.connect(lambda m: sys.exit("load failed: " + m))
    c.load(sys.argv[1])
    loop.exec()
    c.play()
    spin(250 + 37 * cycle % 200)
    if cycle % 2:
        c.pause()
        c.seek(1000)
        c.play()
        spin(100)
    c.close()
    w.deleteLater()
    spin(20)
print("cycles done")
"""


@pytest.mark.gui
@pytest.mark.slow
def test_play_and_close_cycles_do_not_deadlock(tmp_path: Path) -> None:
    video = write_test_video(tmp_path / "cycles.mp4", frames=100, size=(640, 360),
                             codec="h264", audio=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(video), "12"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "cycles done" in done.stdout
