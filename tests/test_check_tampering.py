"""``annotator check`` finds damage and tampering, and says what to do about each."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from annotator.store import Study
from annotator.store.integrity import audit
from tests.conftest import run_cli
from tests.studyutil import make_study


def _coded(target: str) -> None:
    study = make_study(target)
    s = study.add_session("C01", 1, duration_ms=60_000)
    a = study.assign(s.id, "AK")
    study.add_segment(a.id, "praise", 0, 1000, by="AK")
    study.close()


def test_a_clean_study_passes(tmp_path: Path) -> None:
    path = tmp_path / "s.annot"
    _coded(str(path))
    proc = run_cli("check", str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no foreign-key violations, no foreign triggers or views" in proc.stdout


def test_tampering_is_found_and_explained(tmp_path: Path) -> None:
    path = tmp_path / "s.annot"
    _coded(str(path))
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("UPDATE segments SET assignment_id = 999")
        conn.execute("CREATE TRIGGER wipe_log AFTER INSERT ON segments "
                     "BEGIN DELETE FROM edit_log; END")
        conn.execute("CREATE VIEW peek AS SELECT note FROM segments")
        conn.execute("UPDATE codebook_versions SET yaml_text = 'name: [unclosed'")
    conn.close()
    proc = run_cli("check", str(path))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = proc.stdout
    assert "4 sign(s) of damage or tampering" in out
    assert "1 row(s) of segments point to assignments rows that do not exist" in out
    assert "the trigger 'wipe_log' on segments is not part of annotator's schema" in out
    assert 'DROP TRIGGER "wipe_log"' in out
    assert "the view 'peek'" in out
    assert "does not parse" in out
    assert out.count("What to do:") == 4
    assert "Traceback" not in proc.stderr


def test_a_changed_codebook_text_is_found(tmp_path: Path) -> None:
    path = tmp_path / "s.annot"
    _coded(str(path))
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE codebook_versions SET yaml_text = replace(yaml_text, "
                     "'Who talks', 'Who speaks')")
    conn.close()
    with Study.open(path) as study:
        found = audit(study)
    assert len(found) == 1 and "no longer matches its SHA-256" in found[0].problem


@pytest.mark.postgres
def test_tampering_on_a_server_is_found(pg_url: str) -> None:
    _coded(pg_url)
    study = Study.open(pg_url)
    assert audit(study) == []
    with study.write() as conn:
        conn.execute(text("CREATE FUNCTION wipe() RETURNS trigger AS $$ BEGIN "
                          "DELETE FROM edit_log; RETURN NEW; END $$ LANGUAGE plpgsql"))
        conn.execute(text("CREATE TRIGGER wipe_log AFTER INSERT ON segments "
                          "FOR EACH ROW EXECUTE FUNCTION wipe()"))
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text("UPDATE segments SET assignment_id = 999"))
        conn.execute(text("UPDATE codebook_versions SET yaml_text = ':'"))
    found = [str(f) for f in audit(study)]
    study.close()
    assert any("trigger 'wipe_log' on segments" in f for f in found), found
    assert any("segments point to assignments rows that do not exist" in f for f in found)
    assert any("does not parse" in f for f in found), found


def test_expected_objects_are_what_a_migrated_study_has() -> None:
    """``check`` knows annotator's own triggers and views without running Alembic: the
    constant must be exactly what the migrations create."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    from annotator.store import migrate
    from annotator.store.integrity import EXPECTED_OBJECTS

    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        migrate.upgrade(engine)
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')").all()
    finally:
        engine.dispose()
    assert frozenset((str(t), str(n)) for t, n in rows) == EXPECTED_OBJECTS
