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
