"""Opening is cheap; the full integrity check runs once where it belongs (issue 13 point 3):
in ``annotator check``, before a migration, and in the app on a worker after opening."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from annotator.store import Study, StudyCorruptError, quick_check
from annotator.store.engine import make_engine
from annotator.ui.app import start
from annotator.ui.settings import Settings
from tests.conftest import run_cli
from tests.gui_helpers import WAIT_MS
from tests.studyutil import make_study


def _study_with_segments(path: Path, n: int = 3000) -> Path:
    study = make_study(str(path))
    s = study.add_session("C01", 1, duration_ms=n * 100)
    a = study.assign(s.id, "AB")
    from annotator.store.edits import NewSegment

    study.add_segments([NewSegment(a.id, "praise", i * 100, i * 100 + 50, note="n" * 40)
                        for i in range(n)])
    study.close()
    return path


def _smash_a_page(path: Path, table: str = "segments") -> None:
    """Overwrite the header of one leaf page of ``table`` (nothing else)."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try:
            page = con.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
                               "ORDER BY pageno LIMIT 1 OFFSET 5", (table,)).fetchone()
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table")
        size = con.execute("PRAGMA page_size").fetchone()[0]
    finally:
        con.close()
    data = bytearray(path.read_bytes())
    off = (page[0] - 1) * size
    data[off:off + 12] = b"\x0d\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff"
    path.write_bytes(bytes(data))


@pytest.fixture
def count_checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every full check that runs (the real check runs; this only records it)."""
    calls: list[Path] = []
    real: Callable[..., None] = quick_check.check_sqlite_file

    def counted(path: Path, *args: Any, **kwargs: Any) -> None:
        calls.append(path)
        real(path, *args, **kwargs)

    monkeypatch.setattr(quick_check, "check_sqlite_file", counted)
    return calls


def test_open_does_not_read_every_page(tmp_path: Path, count_checks: list[Path]) -> None:
    path = _study_with_segments(tmp_path / "s.annot")
    with Study.open(path) as study:
        assert not study.integrity_checked
        assert study.sessions()[0].case == "C01"
    assert count_checks == []


def test_damage_deep_in_the_file_is_found_by_check_not_by_open(tmp_path: Path) -> None:
    path = _study_with_segments(tmp_path / "s.annot")
    _smash_a_page(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with Study.open(path) as study:  # cheap: the damaged page is not read
        assert [c.id for c in study.coders()] == ["AB"]
        with pytest.raises(StudyCorruptError, match="backup"):
            study.check_integrity()
    proc = run_cli("check", str(path))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "backup" in proc.stderr and "Traceback" not in proc.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_check_command_runs_the_check_once(tmp_path: Path, count_checks: list[Path]) -> None:
    path = _study_with_segments(tmp_path / "s.annot", 200)
    from annotator.cli import main

    assert main(["check", str(path)]) == 0
    assert count_checks == [path.resolve()]


def test_progress_rises_to_one_and_the_check_can_be_stopped(tmp_path: Path) -> None:
    path = _study_with_segments(tmp_path / "s.annot", 20_000)
    seen: list[float] = []
    quick_check.check_sqlite_file(path, str(path), progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 2
    with pytest.raises(quick_check.IntegrityCheckCancelled):
        quick_check.check_sqlite_file(path, str(path), cancelled=lambda: True)


def test_a_migration_runs_the_check_first_and_only_once(
    tmp_path: Path, count_checks: list[Path]
) -> None:
    from alembic import command

    from annotator.store import migrate

    head = migrate.head_revision()
    down = migrate._revision_graph()[head]
    if down is None:
        pytest.skip("only one schema revision: nothing to migrate from yet")
    path = _study_with_segments(tmp_path / "s.annot", 200)
    engine = make_engine(path)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, down)
    engine.dispose()
    with Study.open(path) as opened:
        assert opened.integrity_checked
    assert count_checks == [path.resolve()]


@pytest.mark.gui
def test_the_app_checks_on_a_worker_after_opening(
    qtbot: QtBot, tmp_path: Path, count_checks: list[Path]
) -> None:
    path = _study_with_segments(tmp_path / "s.annot")
    window = start(str(path), "AB", None, Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    assert window.study is not None
    qtbot.waitUntil(lambda: window.study is not None and window.study.integrity_checked,
                    timeout=WAIT_MS)
    assert count_checks == [path.resolve()]
    assert window.open_check.task is None


@pytest.mark.gui
def test_the_app_closes_a_study_whose_check_fails(qtbot: QtBot, tmp_path: Path) -> None:
    path = _study_with_segments(tmp_path / "s.annot")
    _smash_a_page(path, "edit_log")  # nothing the window reads on opening
    window = start(str(path), "AB", None, Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    errors: list[tuple[str, str]] = []
    window.messages.error.connect(lambda t, m: errors.append((t, m)))
    assert window.study is not None  # the open itself is cheap; the worker finds the damage
    qtbot.waitUntil(lambda: window.study is None, timeout=WAIT_MS)
    assert errors and errors[-1][0] == "The study is damaged" and "backup" in errors[-1][1]


@pytest.mark.gui
def test_a_damaged_segments_table_never_stays_open(qtbot: QtBot, tmp_path: Path) -> None:
    path = _study_with_segments(tmp_path / "s.annot")
    _smash_a_page(path, "segments")
    window = start(str(path), "AB", None, Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    # Either opening reads the damaged page at once, or the worker's check finds it.
    qtbot.waitUntil(lambda: window.study is None, timeout=WAIT_MS)
    assert any("damaged" in m for _t, m in window.status._pending_errors)
