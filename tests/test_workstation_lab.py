"""A lab server: the app on PostgreSQL sees another coder's submitted work after F5."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.store import Study
from annotator.ui.app import start
from annotator.ui.settings import Settings
from annotator.ui.study_browser import CHIPS_ROLE
from tests.gui_helpers import WAIT_MS, key
from tests.lab_util import made_lab
from tests.studyutil import make_study

pytestmark = pytest.mark.postgres


def _chips(w: object, session_id: int) -> list[str]:
    browser = w.browser  # type: ignore[attr-defined]
    index = browser.model.session_index(session_id)
    return [text for text, _status in (index.data(CHIPS_ROLE) or [])]


def test_other_coders_submitted_work_appears_after_refresh(qtbot: QtBot, pg_url: str,
                                                            tmp_path: Path) -> None:
    lab = make_study(pg_url)
    s = lab.add_session("C01", 1, duration_ms=60_000)
    lab.assign(s.id, "AK")
    lab.close()

    w = start(pg_url, "AK", "C01:1", Settings(tmp_path / "s.ini"))
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=WAIT_MS)
    assert w.session is not None and w.controller is not None
    assert not any(c.startswith("BL") for c in _chips(w, s.id))

    other = Study.open(pg_url)  # a second coder, elsewhere, on the same server
    a = other.assign(s.id, "BL", "reliability")
    other.add_segment(a.id, "praise", 1000, 2000, by="BL")
    other.set_status(a.id, "submitted", by="BL")
    other.close()

    key(qtbot, w, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: any(c.startswith("BL") for c in _chips(w, s.id)), timeout=WAIT_MS)
    assert any("submitted" in c for c in _chips(w, s.id) if c.startswith("BL"))
    w.editing.toggle_others(True)  # AK codes primary: showing others needs no confirmation
    lanes = [lane.id for lane in w.timeline.lanes()]
    assert any(lid.startswith("BL") for lid in lanes)


def test_a_coders_role_cannot_switch_to_another_coder_in_the_window(
    qtbot: QtBot, pg_url: str, tmp_path: Path,
) -> None:
    """Connected with BL's role, the window refuses to switch to coding as AK (the database
    would refuse every edit), says why and what to do, and keeps BL."""
    with made_lab(pg_url) as lab:
        w = start(lab.bl, "BL", None, Settings(tmp_path / "s.ini"))
        qtbot.addWidget(w)
        try:
            errors: list[tuple[str, str]] = []
            w.messages.error.connect(lambda t, m: errors.append((t, m)))
            assert w.study is not None and w.coder == "BL"
            w.set_coder("AK")
            assert w.coder == "BL"
            assert errors and errors[-1][0] == "Cannot code as AK"
            assert "cannot code as coder AK" in errors[-1][1]
            assert "switch to coder BL (Coding ▸ Switch coder…)" in errors[-1][1]
            assert len(errors) == 1
        finally:
            w.close_study()  # before the roles go
