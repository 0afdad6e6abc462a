"""The study store: durability settings, edits with edit log, undo/redo, validation."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from annotator.store import EditError, Study
from annotator.store.models import EditLog
from tests.studyutil import make_study

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_sqlite_is_wal_with_full_sync(tmp_path: Path) -> None:
    study = make_study(str(tmp_path / "s.annot"))
    with study.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    study.close()


def test_every_edit_is_committed_and_logged(study_target: str) -> None:
    study = make_study(study_target)
    s = study.add_session("C01", 1, duration_ms=60_000)
    a = study.assign(s.id, "AB")
    seg = study.add_segment(a.id, "praise", 1000, 2500, note="smiles", by="AB")
    assert UUID.match(seg.id)
    study.update_segment(seg.id, end_ms=3000, by="AB")
    study.delete_segment(seg.id, by="AB")
    # A second, independent connection sees everything at once (no save step).
    other = Study.open(study_target)
    assert other.segments(a.id) == []
    assert [v.end_ms for v in other.segments(a.id, include_deleted=True)] == [3000]
    with other.read() as conn:
        rows = conn.execute(
            select(EditLog.action, EditLog.entity_id, EditLog.before, EditLog.after)
            .where(EditLog.entity == "segment").order_by(EditLog.id)
        ).all()
    assert [r[0] for r in rows] == ["create", "update", "delete"]
    assert all(r[1] == seg.id for r in rows)
    assert rows[1][2]["end_ms"] == 2500 and rows[1][3]["end_ms"] == 3000
    assert other.assignment(a.id).status == "in_progress"
    other.close()
    study.close()


def test_undo_redo_survive_reopen(study_target: str) -> None:
    study = make_study(study_target)
    s = study.add_session("C01", 1, duration_ms=60_000)
    a = study.assign(s.id, "AB")
    seg = study.add_segment(a.id, "praise", 1000, 5000)
    right = study.split_segment(seg.id, 3000)
    study.close()

    study = Study.open(study_target)
    assert [(v.start_ms, v.end_ms) for v in study.segments(a.id)] == [(1000, 3000), (3000, 5000)]
    assert set(study.undo(a.id)) == {seg.id, right}  # the split is one step
    assert [(v.start_ms, v.end_ms) for v in study.segments(a.id)] == [(1000, 5000)]
    study.undo(a.id)
    assert study.segments(a.id) == []
    assert not study.can_undo(a.id)
    study.close()

    study = Study.open(study_target)
    assert study.can_redo(a.id)
    study.redo(a.id)
    assert [(v.start_ms, v.end_ms) for v in study.segments(a.id)] == [(1000, 5000)]
    # A new edit drops the redo tail.
    study.add_segment(a.id, "praise", 10_000, 11_000)
    assert not study.can_redo(a.id)
    study.close()


def test_edit_rules(study_target: str) -> None:
    study = make_study(study_target)
    s = study.add_session("C01", 1, duration_ms=60_000)
    a = study.assign(s.id, "AB")
    study.add_segment(a.id, "therapist", 0, 10_000)
    with pytest.raises(EditError, match=r"[Uu]nknown code"):
        study.add_segment(a.id, "nonsense", 0, 1000)
    with pytest.raises(EditError, match="end before"):
        study.add_segment(a.id, "praise", 5000, 4000)
    with pytest.raises(EditError, match="beyond the session"):
        study.add_segment(a.id, "praise", 50_000, 61_000)
    with pytest.raises(EditError, match="overlap 'therapist'"):
        study.add_segment(a.id, "child", 9000, 12_000)
    with pytest.raises(EditError, match="point code"):
        study.add_segment(a.id, "question", 1000, 2000)
    study.add_segment(a.id, "child", 10_000, 12_000)  # touching is fine: half-open
    study.add_segment(a.id, "question", 4000, 4000)
    study.set_status(a.id, "submitted", by="AB")
    with pytest.raises(EditError, match="submitted"):
        study.add_segment(a.id, "praise", 1000, 2000)
    study.set_status(a.id, "in_progress", by="AB")
    study.add_segment(a.id, "praise", 1000, 2000)
    actions = [e["action"] for e in study.log_entries(a.id)]
    assert "submit" in actions and "reopen" in actions
    assert len(study.segments(a.id)) == 4
    study.close()


def test_rotating_backup_is_a_consistent_copy(tmp_path: Path) -> None:
    study = make_study(str(tmp_path / "s.annot"))
    s = study.add_session("C01", 1, duration_ms=60_000)
    a = study.assign(s.id, "AB")
    study.add_segment(a.id, "praise", 0, 1000)
    dest = study.backup()
    assert dest is not None
    copy = sqlite3.connect(dest)
    assert copy.execute("SELECT count(*) FROM segments").fetchone() == (1,)
    copy.close()
    study.close()


def test_backup_rotation_never_counts_a_half_written_copy(tmp_path: Path) -> None:
    """Issue 8 point 10: the rotation's glob matched the temporary file of a backup being
    written (and removed or kept it as if it were a finished one)."""
    from annotator.store.migrate import BACKUP_KEEP, backup_files, sqlite_backup

    path = tmp_path / "s.annot"
    make_study(str(path)).close()
    folder = tmp_path / ".s.annot.backups"
    folder.mkdir()
    # another backup being written right now (it sorts after every finished one), and a
    # leftover of the old naming
    writing = folder / ".s-rotating-99991231T235959999999.annot.tmp"
    leftover = folder / "s-rotating-99991231T235959999999.annot.tmp"
    writing.write_bytes(b"SQLite format 3\x00 half")
    leftover.write_bytes(b"half")
    made = [sqlite_backup(path, "rotating") for _ in range(BACKUP_KEEP + 2)]
    finished = sorted(backup_files(path, "rotating"))
    assert finished == made[-BACKUP_KEEP:]
    assert writing.exists() and leftover.exists()  # neither counted nor removed
    for p in finished:
        db = sqlite3.connect(p)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        db.close()
    assert list(folder.glob(".*.tmp")) == [writing]  # ours were renamed into place


def _count_elsewhere(path: Path) -> int:
    import subprocess
    import sys

    code = (f"import sqlite3\ndb = sqlite3.connect({str(path)!r})\n"
            "print(db.execute('SELECT count(*) FROM segments').fetchone()[0])\ndb.close()")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    return int(out.stdout)


def test_opening_a_study_twice_in_one_process_keeps_its_locks(tmp_path: Path) -> None:
    """Closing any descriptor of a file drops the process's POSIX locks on it; a second
    Study.open in the same process must not, or another process deletes the live WAL."""
    path = tmp_path / "s.annot"
    study = make_study(str(path))
    s = study.add_session("C01", 1, duration_ms=60_000)
    a = study.assign(s.id, "AB")
    study.add_segment(a.id, "praise", 0, 1000)
    Study.open(path).close()
    assert _count_elsewhere(path) == 1
    study.add_segment(a.id, "praise", 2000, 3000)
    assert _count_elsewhere(path) == 2
    study.close()


def test_revision_ids_read_from_scripts_match_alembic() -> None:
    from alembic.script import ScriptDirectory

    from annotator.store import migrate

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.known_revisions() == {r.revision for r in script.walk_revisions()}
