"""A new study file built from the schema snapshot (``annotator init`` without Alembic) is
the study the migrations build, and the snapshot is the migrations' current schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.codebook_files import load_codebook
from annotator.store import schema_snapshot, sqlite_schema
from annotator.store.create_file import create_study_file, snapshot_statements
from annotator.store.integrity import EXPECTED_OBJECTS
from annotator.store.revisions import head_revision
from annotator.store.study import Study


def _describe(path: Path) -> dict[str, object]:
    conn = sqlite3.connect(str(path))
    try:
        return {
            "master": conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                   "ORDER BY rowid").fetchall(),
            "pragmas": [conn.execute(f"PRAGMA {p}").fetchall() for p in
                        ("journal_mode", "page_size", "user_version", "application_id",
                         "auto_vacuum", "encoding")],
            "revision": conn.execute("SELECT version_num FROM alembic_version").fetchall(),
            "codebooks": conn.execute("SELECT id, name, version_label, yaml_text, sha256 "
                                      "FROM codebook_versions").fetchall(),
            "info": conn.execute("SELECT id, magic, name, app_version, current_codebook_id "
                                 "FROM study_info").fetchall(),
            "stamps": [len(r[0]) for r in conn.execute(
                "SELECT created_at FROM study_info UNION ALL "
                "SELECT created_at FROM codebook_versions")],
            "rows": {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone() for t in
                     ("cases", "sessions", "coders", "assignments", "segments", "edit_log")},
        }
    finally:
        conn.close()


def test_the_snapshot_is_the_migrations_schema() -> None:
    revision, statements = schema_snapshot.migrated_schema()
    assert revision == head_revision() == sqlite_schema.REVISION, (
        "a new migration: run python -m annotator.store.schema_snapshot")
    assert list(sqlite_schema.STATEMENTS) == statements, (
        "the migrations changed: run python -m annotator.store.schema_snapshot")
    assert schema_snapshot.main(["--check"]) == 0
    assert snapshot_statements() == sqlite_schema.STATEMENTS


def test_a_study_from_the_snapshot_is_the_migrated_study(tmp_path: Path) -> None:
    codebook, text = load_codebook("helper-maneuvers")
    create_study_file(tmp_path / "snapshot.annot", codebook, text, "Pilot")
    create_study_file(tmp_path / "migrated.annot", codebook, text, "Pilot", use_snapshot=False)
    made = _describe(tmp_path / "snapshot.annot")
    assert made == _describe(tmp_path / "migrated.annot")
    assert made["revision"] == [(head_revision(),)]
    assert made["stamps"] == [26, 26]  # YYYY-MM-DD HH:MM:SS.ffffff, as SQLAlchemy writes
    kinds = {(t, n) for t, n, _tb, _sql in made["master"]  # type: ignore[attr-defined]
             if t in ("trigger", "view")}
    assert kinds == set(EXPECTED_OBJECTS)
    # and Study reads and writes it as any study
    with Study.open(tmp_path / "snapshot.annot") as study:
        assert study.codebook.name == codebook.name
        s = study.add_session("C01", 1, duration_ms=1000)
        a = study.assign(s.id, "AK")
        study.add_segment(a.id, "responsive", 0, 500)
        assert study.integrity_checked is False
        study.check_integrity()
        assert study.current_codebook_id == 1
    assert not list(tmp_path.glob(".*building*"))


def test_a_stale_snapshot_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # what a new migration does to the snapshot until it is regenerated
    monkeypatch.setattr(sqlite_schema, "REVISION", "0000-older")
    monkeypatch.setattr(sqlite_schema, "STATEMENTS", ("CREATE TABLE wrong (x)",))
    assert snapshot_statements() is None
    codebook, text = load_codebook("helper-maneuvers")
    create_study_file(tmp_path / "s.annot", codebook, text, "")
    made = _describe(tmp_path / "s.annot")
    assert made["revision"] == [(head_revision(),)]
    assert "wrong" not in str(made["master"])
