"""A truncated recording whose first part decodes is accepted, with a warning that states
how much of it plays: in probe, in ``session add`` and in the workstation's status bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.core.timefmt import format_tc
from annotator.media.probe import probe
from annotator.store import Study
from tests.conftest import run_cli
from tests.gui_helpers import WAIT_MS, media_link, open_window
from tests.media_factory import write_test_video
from tests.studyutil import EXCLUSIVE_CODEBOOK


@pytest.fixture(scope="module")
def truncated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("truncated")
    full = write_test_video(folder / "full.avi", frames=250, codec="mjpg")
    data = full.read_bytes()
    cut = folder / "interrupted.avi"
    cut.write_bytes(data[: len(data) * 2 // 5])  # the copy stopped at 40 %
    full.unlink()
    return cut


def test_probe_describes_the_playable_part(truncated: Path) -> None:
    info = probe(truncated)
    assert 80 <= info.frame_count <= 110
    assert f"only the first {info.duration_ms / 1000:.1f} s" in info.warning
    assert "announces 10.0 s" in info.warning


def test_session_add_accepts_it_and_warns(tmp_path: Path, truncated: Path) -> None:
    study = tmp_path / "s.annot"
    run_cli("init", str(study), check=True)
    proc = run_cli("session", "add", str(study), "--case", "C01", "--number", "1",
                   "--media", str(truncated), check=True)
    info = probe(truncated)
    assert f"{info.duration_ms / 1000:.3f} s" in proc.stdout
    assert "Warning:" in proc.stderr and "interrupted.avi" in proc.stderr
    assert f"only the first {info.duration_ms / 1000:.1f} s" in proc.stderr
    assert "Traceback" not in proc.stderr
    s = Study.open(study)
    try:
        media = s.session("C01", 1).media
        assert media is not None and media.duration_ms == info.duration_ms
    finally:
        s.close()


@pytest.mark.gui
def test_workstation_plays_it_and_shows_the_warning(
    qtbot: QtBot, tmp_path: Path, truncated: Path
) -> None:
    folder = tmp_path / "lab"
    (folder / "media").mkdir(parents=True)
    media = folder / "media" / truncated.name
    media.write_bytes(truncated.read_bytes())
    path = folder / "study.annot"
    study = Study.create(path, EXCLUSIVE_CODEBOOK, "test.yaml")
    try:
        study.add_session("C01", 1, media=media_link(path, media))
        study.add_coder("AK")
        study.assign(study.session("C01", 1).id, "AK", "primary")
    finally:
        study.close()
    window = open_window(qtbot, path, "AK", "C01:1", tmp_path / "settings.ini")
    info = probe(media)
    label = window.media_label
    qtbot.waitUntil(label.isVisible, timeout=WAIT_MS)
    assert label.text() == f"⚠ recording truncated: plays to {format_tc(info.duration_ms)}"
    assert f"only the first {info.duration_ms / 1000:.1f} s" in label.toolTip()
    assert window.player.controller.frame_count == info.frame_count
    window.grab().save(str(tmp_path / "truncated.png"))
