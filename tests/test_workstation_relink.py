"""Relinking a moved recording by its SHA-256: a picked file, or a folder search."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.store import Study
from tests.gui_helpers import WAIT_MS, open_window, small_study
from tests.studyutil import EXCLUSIVE_CODEBOOK


def _moved_study(tmp_path: Path) -> tuple[Path, Path]:
    study = small_study(tmp_path / "lab", EXCLUSIVE_CODEBOOK, frames=50)
    elsewhere = tmp_path / "archive" / "deep"
    elsewhere.mkdir(parents=True)
    moved = elsewhere / "renamed.mp4"
    shutil.move(str(tmp_path / "lab" / "media" / "c01s1.mp4"), moved)
    return study, moved


def _stored_path(study: Path) -> str:
    s = Study.open(study)
    try:
        media = s.session("C01", 1).media
        assert media is not None
        return media.path
    finally:
        s.close()


def test_folder_search_finds_the_moved_recording(qtbot: QtBot, tmp_path: Path) -> None:
    study, _moved = _moved_study(tmp_path)
    (tmp_path / "archive" / "decoy.mp4").write_bytes(b"x" * 1000)  # same folder, other file
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s.ini", wait_media=False)
    assert not w.player.controller.is_loaded
    session_id = w.session.id if w.session else -1
    w.study_actions.relink_by_search(session_id, tmp_path / "archive")
    qtbot.waitUntil(lambda: w.player.controller.is_loaded, timeout=WAIT_MS)
    assert _stored_path(study) == "../archive/deep/renamed.mp4"  # relative to the study


def test_a_different_file_is_not_linked(qtbot: QtBot, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    study, moved = _moved_study(tmp_path)
    other = tmp_path / "other.mp4"
    data = bytearray(moved.read_bytes())
    data[-1] ^= 0xFF  # one byte differs: a different recording
    other.write_bytes(bytes(data))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, title, text, *a, **k: shown.append(f"{title}: {text}"))
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s.ini", wait_media=False)
    before = _stored_path(study)
    w.study_actions.relink_to_file(w.session.id if w.session else -1, other)
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    assert "SHA-256" in shown[0] and "not relinked" in shown[0]
    assert _stored_path(study) == before
    w.study_actions.relink_to_file(w.session.id if w.session else -1, moved)
    qtbot.waitUntil(lambda: w.player.controller.is_loaded, timeout=WAIT_MS)
    assert _stored_path(study) == "../archive/deep/renamed.mp4"
