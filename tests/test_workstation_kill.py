"""``kill -9`` loses nothing the UI showed as saved (docs/design.md §7).

The real app runs as its own process on an X server (Xvfb) and is driven with real X key
events (xdotool, through the XTEST extension). A test-only hook in the main window
(``$ANNOTATOR_TEST_DUMP``) writes the segments the window shows, every 100 ms. The test
kills the app with SIGKILL in the middle of a burst of key presses, then reopens the
study: every segment the window had shown is stored, with the same times, and the app
opens the study again (its instance lock is stale) with the open code resumed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from annotator.store import Study
from tests.gui_helpers import open_window, recorded, small_study, stored
from tests.studyutil import EXCLUSIVE_CODEBOOK

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.gui,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
                       reason="needs Xvfb and xdotool (Debian packages xvfb, xdotool)"),
]


@pytest.fixture
def display() -> Iterator[str]:
    """A private X server on a display number it picks itself (-displayfd)."""
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    number = proc.stdout.readline().strip()
    assert number.isdigit(), "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()


def wait_for(what: str, check: Callable[[], Any], timeout: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def read_dump(path: Path) -> dict[str, Any] | None:
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def test_kill_9_loses_nothing_the_window_showed(
    qtbot: QtBot, tmp_path: Path, display: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    study = small_study(tmp_path / "study", EXCLUSIVE_CODEBOOK, frames=250)
    dump = tmp_path / "shown.json"
    env = dict(os.environ)
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", ANNOTATOR_TEST_DUMP=str(dump),
               ANNOTATOR_SETTINGS=str(tmp_path / "app-settings.ini"),
               PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""))
    xenv = {**os.environ, "DISPLAY": display}

    def xdotool(*args: str) -> str:
        return subprocess.run(["xdotool", *args], env=xenv, check=True, capture_output=True,
                              text=True, timeout=30).stdout

    with (tmp_path / "app.log").open("w") as log:
        app = subprocess.Popen(
            [sys.executable, "-m", "annotator.cli", "gui", str(study), "--coder", "AK",
             "--session", "C01:1"], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    burst: subprocess.Popen[bytes] | None = None
    try:
        window = xdotool("search", "--sync", "--onlyvisible", "--name",
                         "study.annot").split()[0]
        xdotool("windowfocus", "--sync", window)
        wait_for("the session and its video", lambda: (d := read_dump(dump)) is not None
                 and d["session"] == "C01:1" and d["media_loaded"])
        xdotool("key", "space")  # play
        time.sleep(0.8)
        for k, pause in (("1", 0.4), ("4", 0.3), ("1", 0.2), ("3", 0.3)):
            xdotool("key", k)
            time.sleep(pause)
        first = wait_for("three segments shown", lambda: (d := read_dump(dump)) is not None
                         and len(d["segments"]) == 3 and d)
        assert first["open"] == ["praise"]
        # a burst of key presses, killed in the middle
        burst = subprocess.Popen(["xdotool", "type", "--delay", "50", "14" * 40], env=xenv)
        wait_for("the burst to show", lambda: (d := read_dump(dump)) is not None
                 and len(d["segments"]) >= 6)
        app.send_signal(signal.SIGKILL)
        still_typing = burst.poll() is None
        app.wait(timeout=10)
        shown = read_dump(dump)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)
        if burst is not None:
            burst.kill()
            burst.wait(timeout=10)
    assert app.returncode == -signal.SIGKILL
    assert still_typing, "the app was killed after the burst, not in the middle of it"
    assert shown is not None and len(shown["segments"]) > 3, "the burst showed nothing"

    with Study.open(study) as s:  # integrity check and schema check pass
        assert s.is_sqlite
    saved = {seg.id: seg for seg in stored(study, "AK", "C01", 1)}
    recording = {r.id: r for r in recorded(study, "AK", "C01", 1)}
    for seg in shown["segments"]:
        if seg["open"]:  # shown as recording: stored as a recording (or ended meanwhile)
            assert seg["id"] in recording or seg["id"] in saved, f"shown but lost: {seg}"
            db_start = (recording[seg["id"]].start_ms if seg["id"] in recording
                        else saved[seg["id"]].start_ms)
            assert db_start == seg["start_ms"]
            continue
        assert seg["id"] in saved, f"shown but lost: {seg}"
        db = saved[seg["id"]]
        assert (db.code, db.start_ms, db.end_ms) == (seg["code"], seg["start_ms"],
                                                     seg["end_ms"])

    # the app opens the study again (the dead process's lock is stale) and resumes the
    # codes that were being recorded
    monkeypatch.setenv("ANNOTATOR_SETTINGS", str(tmp_path / "env-settings.ini"))
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "again.ini")
    assert w.controller is not None
    still_open = {r.code for r in recorded(study, "AK", "C01", 1)}
    assert "praise" in still_open
    assert set(w.controller.state.open) == still_open
    assert {s.id for s in w.table.model.segments()} == \
        set(saved) | {r.id for r in recorded(study, "AK", "C01", 1)}


def test_kill_9_while_recording_then_reopen_and_quit_gives_one_positive_segment(
    qtbot: QtBot, tmp_path: Path, display: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 8: after ``kill -9`` while a code records, reopening shows it recording from
    its own start with the playhead where that coder was; quitting asks, and "end"
    stores one segment from the start to the playhead (never zero-length, never
    backwards, never exported while open)."""
    from annotator.ui.session_keeper import POSITION_SAVE_MS
    from tests.gui_helpers import answer

    study = small_study(tmp_path / "study", EXCLUSIVE_CODEBOOK, frames=250)
    dump = tmp_path / "shown.json"
    env = dict(os.environ)
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", ANNOTATOR_TEST_DUMP=str(dump),
               ANNOTATOR_SETTINGS=str(tmp_path / "app-settings.ini"),
               PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""))
    xenv = {**os.environ, "DISPLAY": display}

    def xdotool(*args: str) -> str:
        return subprocess.run(["xdotool", *args], env=xenv, check=True, capture_output=True,
                              text=True, timeout=30).stdout

    with (tmp_path / "app.log").open("w") as log:
        app = subprocess.Popen(
            [sys.executable, "-m", "annotator.cli", "gui", str(study), "--coder", "AK",
             "--session", "C01:1"], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    try:
        window = xdotool("search", "--sync", "--onlyvisible", "--name",
                         "study.annot").split()[0]
        xdotool("windowfocus", "--sync", window)
        wait_for("the session and its video", lambda: (d := read_dump(dump)) is not None
                 and d["session"] == "C01:1" and d["media_loaded"])
        xdotool("key", "space")  # play
        time.sleep(0.8)
        xdotool("key", "3")  # praise starts recording
        wait_for("praise recording", lambda: (d := read_dump(dump)) is not None
                 and d["open"] == ["praise"])
        time.sleep(POSITION_SAVE_MS / 1000 + 0.8)  # the playhead is saved meanwhile
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)
    assert app.returncode == -signal.SIGKILL

    [rec] = recorded(study, "AK", "C01", 1)
    assert rec.code == "praise" and rec.start_ms > 0
    assert stored(study, "AK", "C01", 1) == []  # not a (zero-length) segment
    with Study.open(study) as s:
        a = s.find_assignment(s.session("C01", 1).id, "AK")
        assert a is not None
        saved_at = s.last_position(a.id)
    assert saved_at is not None and saved_at > rec.start_ms

    monkeypatch.setenv("ANNOTATOR_SETTINGS", str(tmp_path / "env-settings.ini"))
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "again.ini")
    assert w.controller is not None and w.controller.state.open == {"praise": rec.start_ms}
    assert w.player.controller.position_ms == saved_at
    asked = answer("leaveWhileRecording", "endRecordings")
    w.close()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=30_000)
    assert asked
    [seg] = stored(study, "AK", "C01", 1)
    assert seg.id == rec.id and (seg.start_ms, seg.end_ms) == (rec.start_ms, saved_at)
    assert seg.end_ms > seg.start_ms
    assert recorded(study, "AK", "C01", 1) == []
