"""Audio-only sessions in the workstation, and the waveform lane (audio and video).

A real study with a generated WAV (silence, a 440 Hz tone from 2 s to 4 s, silence), the
real main window, real key presses, QtMultimedia playing the sound and decoding it for the
waveform on a worker.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.media.waveform import cache_path, load_cached
from annotator.store import Study
from annotator.ui.main_window import MainWindow
from tests.gui_helpers import WAIT_MS, focus, key, media_link, open_window, stored
from tests.media_factory import make_video
from tests.studyutil import EXCLUSIVE_CODEBOOK
from tests.test_media_audio import LENGTH_MS, TONE_MS, write_tone_wav

pytestmark = pytest.mark.gui


def _study(folder: Path, recording: Path) -> Path:
    (folder / "media").mkdir(parents=True)
    media = folder / "media" / recording.name
    shutil.copy2(recording, media)
    path = folder / "study.annot"
    study = Study.create(path, EXCLUSIVE_CODEBOOK, "test.yaml")
    try:
        study.add_session("C01", 1, media=media_link(path, media))
        study.add_coder("AK")
        study.assign(study.session("C01", 1).id, "AK", "primary")
    finally:
        study.close()
    return path


def _levels_between(window: MainWindow, start_ms: int, end_ms: int) -> np.ndarray:
    lane = window.timeline.waveform
    levels = lane.column_levels()
    x0 = round(window.timeline.x_for_time(start_ms)) - lane.canvas.label_width
    x1 = round(window.timeline.x_for_time(end_ms)) - lane.canvas.label_width
    return levels[max(0, x0):max(0, x1)]


def _wait_waveform(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.timeline.waveform.waveform() is not None, timeout=WAIT_MS)
    assert window.timeline.waveform.isVisible()


def test_audio_only_session_plays_codes_and_shows_its_waveform(
    qtbot: QtBot, tmp_path: Path
) -> None:
    wav = write_tone_wav(tmp_path / "interview.wav", rate=44100, channels=2)
    study = _study(tmp_path / "lab", wav)
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s.ini")
    pc = w.player.controller
    assert pc.audio_only and abs(pc.duration_ms - LENGTH_MS) <= 50
    assert w.player.view.is_audio_only() and "Audio-only" in w.player.view.message()
    assert w.player.transport.frame_label.text() == "audio only"
    # The waveform lane: peaks where the tone is, nothing in the silence around it.
    _wait_waveform(qtbot, w)
    w.timeline.fit_all()
    assert _levels_between(w, 200, TONE_MS[0] - 100).max() == 0
    assert _levels_between(w, TONE_MS[0] + 100, TONE_MS[1] - 100).min() >= 100
    assert _levels_between(w, TONE_MS[1] + 100, LENGTH_MS - 100).max() == 0
    # It was cached under the recording's SHA-256 (no name or path in the cache).
    with Study.open(study) as s:
        media = s.session("C01", 1).media
        assert media is not None
        sha = media.sha256
    assert cache_path(sha).is_file() and load_cached(sha) is not None
    for size in ((1280, 720), (1920, 1080)):
        w.resize(*size)
        qtbot.wait(150)
        w.grab().save(str(tmp_path / f"audio-only-{size[0]}.png"))
    w.resize(1280, 720)
    # Play, code with a key press while the sound plays, stop.
    focus(qtbot, w.timeline.canvas)
    with qtbot.waitSignal(pc.playingChanged, timeout=WAIT_MS):
        key(qtbot, w.timeline.canvas, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: pc.position_ms >= 600, timeout=WAIT_MS)
    opened = pc.position_ms
    key(qtbot, w.timeline.canvas, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: pc.position_ms >= opened + 800, timeout=WAIT_MS)
    closed = pc.position_ms
    key(qtbot, w.timeline.canvas, Qt.Key.Key_1)
    with qtbot.waitSignal(pc.playingChanged, timeout=WAIT_MS):
        key(qtbot, w.timeline.canvas, Qt.Key.Key_Space)
    segs = stored(study, "AK", "C01", 1)
    assert [s.code for s in segs] == ["therapist"]
    assert abs(segs[0].start_ms - opened) <= 80 and abs(segs[0].end_ms - closed) <= 80
    # Steps move by at most 40 ms (there are no frames).
    at = pc.position_ms
    pc.step(1)
    assert pc.position_ms > at and pc.position_ms - at <= 40


def test_video_session_gets_the_waveform_of_its_sound(qtbot: QtBot, tmp_path: Path) -> None:
    video = make_video(tmp_path, "mp4v", frames=100, audio=True)  # a 440 Hz tone throughout
    study = _study(tmp_path / "lab", video)
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s.ini")
    assert not w.player.controller.audio_only
    _wait_waveform(qtbot, w)
    w.timeline.fit_all()
    assert _levels_between(w, 200, 3800).min() >= 20


def test_video_without_sound_has_no_waveform_lane(qtbot: QtBot, tmp_path: Path) -> None:
    video = make_video(tmp_path, "mp4v", frames=50)
    study = _study(tmp_path / "lab", video)
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s.ini")
    qtbot.wait(500)
    assert w.timeline.waveform.waveform() is None and not w.timeline.waveform.isVisible()
