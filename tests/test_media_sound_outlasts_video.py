"""A video whose sound runs on after its last frame: QtMultimedia plays it to the end of the
sound (showing the last frame), so the stored media duration is the sound's end, not the
picture's. A sound that ends first, or no sound, leaves the picture's end."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.media.frames import FrameSource
from annotator.media.probe import probe
from annotator.media.stream_starts import sound_end_ms
from annotator.store import Study
from tests.conftest import run_cli
from tests.media_factory import ffmpeg_path
from tests.studyutil import make_study


def _av(folder: Path, name: str, video_s: float, sound_s: float | None) -> Path:
    exe = ffmpeg_path()
    if exe is None:
        pytest.skip("the ffmpeg program is not installed (needed to write sound)")
    out = folder / name
    args = [str(exe), "-loglevel", "error", "-y", "-f", "lavfi",
            "-i", f"testsrc=size=160x120:rate=25:duration={video_s}"]
    if sound_s is not None:
        args += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={sound_s}", "-c:a", "aac"]
    subprocess.run([*args, "-c:v", "mpeg4", str(out)], check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("av")
    return {"longer_sound": _av(d, "longer.mp4", 4, 4.6),
            "shorter_sound": _av(d, "shorter.mp4", 4, 2),
            "silent": _av(d, "silent.mp4", 4, None)}


def test_duration_runs_to_the_end_of_a_longer_sound(files: dict[str, Path]) -> None:
    info = probe(files["longer_sound"])
    assert info.frame_count == 100 and info.fps == 25.0
    assert 4580 <= info.duration_ms <= 4620, info
    assert info.warning == ""
    assert sound_end_ms(files["longer_sound"]) == info.duration_ms
    src = FrameSource(files["longer_sound"])
    try:
        assert src.info.duration_ms == info.duration_ms  # the player's source agrees
        assert src.info.frame_count == 100
    finally:
        src.close()


def test_a_shorter_sound_or_none_keeps_the_pictures_end(files: dict[str, Path]) -> None:
    assert probe(files["shorter_sound"]).duration_ms == 4000
    assert 1980 <= sound_end_ms(files["shorter_sound"]) <= 2030
    assert probe(files["silent"]).duration_ms == 4000
    assert sound_end_ms(files["silent"]) == 0


def test_session_add_stores_the_playable_duration(files: dict[str, Path],
                                                  tmp_path: Path) -> None:
    path = tmp_path / "s.annot"
    make_study(str(path)).close()
    run_cli("session", "add", str(path), "--case", "C01", "--number", "1", "--media",
            str(files["longer_sound"]), check=True)
    with Study.open(path) as study:
        media = study.session("C01", 1).media
        assert media is not None and 4580 <= media.duration_ms <= 4620
        assert media.frame_count == 100


@pytest.mark.gui
def test_qtmultimedia_plays_to_the_stored_duration(files: dict[str, Path], qtbot: QtBot) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QMediaPlayer

    for name in ("longer_sound", "shorter_sound"):
        player = QMediaPlayer()
        try:
            player.setSource(QUrl.fromLocalFile(str(files[name])))
            qtbot.waitUntil(lambda p=player: p.duration() > 0, timeout=10_000)
            assert abs(player.duration() - probe(files[name]).duration_ms) <= 50, name
        finally:
            player.setSource(QUrl())
            player.deleteLater()
