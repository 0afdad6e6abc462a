"""Bad study files give a clear, typed error and are never changed."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from annotator.store import (
    NotAStudyError,
    Study,
    StudyCorruptError,
    StudyLockedError,
    StudyNotFoundError,
    StudyReadOnlyError,
    StudyTooNewError,
    StudyUnreachableError,
)
from tests.conftest import run_cli
from tests.studyutil import make_study


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_missing_study(tmp_path: Path) -> None:
    with pytest.raises(StudyNotFoundError, match="no study at"):
        Study.open(tmp_path / "nope.annot")


@pytest.mark.parametrize("content", [b"", b"hello, this is a text file\n", os.urandom(5000)])
def test_not_a_study(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.annot"
    path.write_bytes(content)
    with pytest.raises(NotAStudyError):
        Study.open(path)
    assert path.read_bytes() == content
    proc = run_cli("check", str(path))
    assert proc.returncode == 2
    assert "not" in proc.stderr and "Traceback" not in proc.stderr


def test_other_sqlite_database_is_not_a_study(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(NotAStudyError, match="not an annotator study"):
        Study.open(path)
    assert digest(path) == before


def test_corrupted_study(tmp_path: Path) -> None:
    path = tmp_path / "s.annot"
    study = make_study(str(path))
    s = study.add_session("C01", 1, duration_ms=60_000)
    a = study.assign(s.id, "AB")
    for i in range(200):
        study.add_segment(a.id, "praise", i * 100, i * 100 + 50, note="x" * 200)
    study.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for off in range(page * 2, len(data) - 16, page):  # smash the b-tree page headers
        data[off:off + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(StudyCorruptError, match="backup"):
        Study.open(path)
    assert digest(path) == before
    proc = run_cli("check", str(path))
    assert (proc.returncode == 2 and "damaged" in proc.stderr) or "integrity" in proc.stderr


def test_study_from_a_newer_version(tmp_path: Path) -> None:
    path = tmp_path / "s.annot"
    make_study(str(path)).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(StudyTooNewError, match="newer version"):
        Study.open(path)
    assert digest(path) == before


LOCKER = textwrap.dedent("""
    import sqlite3, sys, time
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    con.execute("INSERT INTO coders (id, name) VALUES ('ZZ', 'locker')")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    con.execute("ROLLBACK")
""")


def test_locked_by_another_writer(tmp_path: Path) -> None:
    path = tmp_path / "s.annot"
    study = make_study(str(path))
    s = study.add_session("C01", 1, duration_ms=60_000)
    a = study.assign(s.id, "AB")
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(path), "8"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
        t0 = time.monotonic()
        with pytest.raises(StudyLockedError, match="locked by another program"):
            study.add_segment(a.id, "praise", 0, 1000)
        waited = time.monotonic() - t0
        assert 1.0 < waited < 7.0  # waited briefly, then gave up with a clear error
        assert study.segments(a.id) == []  # reading still works, nothing half-written
    finally:
        locker.kill()
        locker.communicate()
    study.add_segment(a.id, "praise", 0, 1000)  # free again
    study.close()


EXCLUSIVE_LOCKER = textwrap.dedent("""
    import sqlite3, sys, time
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute("PRAGMA locking_mode=EXCLUSIVE")  # even readers of a WAL file must wait
    con.execute("BEGIN EXCLUSIVE")
    con.execute("UPDATE coders SET name = name")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
""")


def test_commands_on_a_study_held_exclusively_say_it_is_locked_not_damaged(
    tmp_path: Path,
) -> None:
    path = tmp_path / "s.annot"
    study = make_study(str(path))
    s = study.add_session("C01", 1, duration_ms=60_000)
    study.add_segment(study.assign(s.id, "AK").id, "praise", 0, 1000)
    study.add_segment(study.assign(s.id, "BL").id, "praise", 0, 1000)
    study.close()
    before = path.read_bytes()
    locker = subprocess.Popen([sys.executable, "-c", EXCLUSIVE_LOCKER, str(path), "60"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
        for args in (["session", "list", str(path)],
                     ["reliability", str(path), "--coders", "AK", "BL", "--format", "json"],
                     ["summary", str(path), "-o", "-"]):
            proc = run_cli(*args)
            assert proc.returncode == 2, (args, proc.stderr)
            assert "is locked by another program" in proc.stderr, (args, proc.stderr)
            assert "damaged" not in proc.stderr and "Traceback" not in proc.stderr
    finally:
        locker.kill()
        locker.communicate()
    assert path.read_bytes() == before


def _as_nobody() -> list[str]:
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0:
        return []
    if setpriv is None:
        pytest.skip("setpriv (util-linux) is needed to drop root for a read-only test")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_read_only_location() -> None:
    # Not under pytest's own temporary root: another pytest run on the machine resets that
    # root to 0700, and the other user could then not reach the study at all.
    tmp_path = Path(tempfile.mkdtemp(prefix="annot-ro-", dir="/tmp"))
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "s.annot"
    make_study(str(path)).close()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    os.chmod(path, 0o444)
    os.chmod(folder, 0o555)
    os.chmod(tmp_path, 0o755)
    before = digest(path)
    try:
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]),
                   HOME=str(tmp_path))
        prefix = _as_nobody()
        proc = subprocess.run(
            [*prefix, sys.executable, "-m", "annotator.cli", "session", "add", str(path),
             "--case", "C01", "--number", "1", "--duration", "60"],
            capture_output=True, text=True, env=env, cwd=str(tmp_path), timeout=120,
        )
        assert proc.returncode == 2, proc.stderr
        assert "read-only" in proc.stderr and "Traceback" not in proc.stderr
        assert digest(path) == before
        if not prefix:  # not root: the in-process API gives the same typed error
            with pytest.raises(StudyReadOnlyError):
                Study.open(path)
    finally:
        os.chmod(folder, 0o755)
        os.chmod(path, 0o644)
        shutil.rmtree(tmp_path, ignore_errors=True)


def test_init_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "s.annot"
    path.write_text("keep me")
    proc = run_cli("init", str(path))
    assert proc.returncode == 2 and "already exists" in proc.stderr
    assert path.read_text() == "keep me"


def test_unreachable_database_url() -> None:
    with pytest.raises(StudyUnreachableError, match="server is running"):
        Study.open("postgresql+psycopg://nobody:wrong@127.0.0.1:1/none")
    proc = run_cli("session", "list", "postgresql+psycopg://nobody:wrong@127.0.0.1:1/none")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "wrong" not in proc.stderr  # the password is never printed
