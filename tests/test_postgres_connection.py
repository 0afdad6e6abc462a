"""A lab's PostgreSQL study: URLs everywhere, shared work, and a server that goes away.

The server is real (``ANNOTATOR_TEST_PG_URL``); connections are killed with
``pg_terminate_backend`` from an admin connection, between edits and in the middle of one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import event, insert, select

from annotator.store import Study, StudyUnreachableError
from annotator.store.models import Assignment, EditLog, Segment
from annotator.store.study import ConnectionLostError
from tests.conftest import PG_ADMIN_URL, run_cli
from tests.studyutil import make_study

pytestmark = pytest.mark.postgres


def kill_connections(url: str) -> int:
    """Terminate every server connection to the study's database; returns how many."""
    name = url.rsplit("/", 1)[1]
    admin = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()", (name,)).fetchall()
    return len(rows)


@pytest.fixture
def lab(pg_url: str) -> Iterator[tuple[Study, int]]:
    study = make_study(pg_url)
    s = study.add_session("C01", 1, duration_ms=600_000)
    a = study.assign(s.id, "AK")
    study.add_segment(a.id, "praise", 0, 1000, by="AK")
    yield study, a.id
    study.close()


def state(url: str, aid: int) -> tuple[list[Any], list[Any], Any]:
    """Segments, edit-log rows and the assignment row, read by a fresh connection."""
    fresh = Study.open(url)
    try:
        with fresh.read() as conn:
            segs = conn.execute(select(Segment.id, Segment.start_ms, Segment.end_ms)
                                .order_by(Segment.start_ms)).all()
            log = conn.execute(select(EditLog.id, EditLog.action, EditLog.entity_id)).all()
            asg = conn.execute(select(Assignment.status, Assignment.updated_at)
                               .where(Assignment.id == aid)).one()
    finally:
        fresh.close()
    return [tuple(r) for r in segs], [tuple(r) for r in log], tuple(asg)


def test_a_dropped_connection_between_edits_is_replaced(lab: tuple[Study, int],
                                                        pg_url: str) -> None:
    study, aid = lab
    assert kill_connections(pg_url) >= 1  # the pooled connection is dead now
    study.add_segment(aid, "praise", 2000, 3000, by="AK")
    segs, log, _ = state(pg_url, aid)
    assert [s[1:] for s in segs] == [(0, 1000), (2000, 3000)]
    assert [r[1] for r in log if r[1] == "create"] == ["create", "create"]


def _kill_on(study: Study, pg_url: str, *, statement: str | None = None,
             on_commit: bool = False) -> dict[str, int]:
    fired = {"n": 0}

    def maybe_kill() -> None:
        if fired["n"] == 0:
            fired["n"] = 1
            kill_connections(pg_url)

    if statement is not None:
        @event.listens_for(study.engine, "before_cursor_execute")
        def _before(conn: Any, cursor: Any, sql: str, *args: Any) -> None:
            if sql.startswith(statement):
                maybe_kill()
    if on_commit:
        @event.listens_for(study.engine, "commit")
        def _commit(conn: Any) -> None:
            maybe_kill()
    return fired


@pytest.mark.parametrize("where", ["INSERT INTO edit_log", "commit"])
def test_server_gone_mid_edit_is_reported_and_nothing_half_written(
    lab: tuple[Study, int], pg_url: str, where: str
) -> None:
    study, aid = lab
    before = state(pg_url, aid)
    fired = _kill_on(study, pg_url, statement=None if where == "commit" else where,
                     on_commit=where == "commit")
    with pytest.raises(ConnectionLostError) as info:
        study.add_segment(aid, "praise", 5000, 6000, by="AK")
    assert fired["n"] == 1
    assert info.value.saved is False
    assert "was not saved" in str(info.value) and "nothing was half-written" in str(info.value)
    assert isinstance(info.value, StudyUnreachableError)
    assert state(pg_url, aid) == before  # no segment, no log row, assignment untouched
    study.add_segment(aid, "praise", 5000, 6000, by="AK")  # the next edit just works
    segs, _, _ = state(pg_url, aid)
    assert [s[1:] for s in segs] == [(0, 1000), (5000, 6000)]


def test_run_write_reruns_a_lost_transaction_once(lab: tuple[Study, int], pg_url: str) -> None:
    study, aid = lab
    fired = _kill_on(study, pg_url, statement="INSERT INTO segments")
    attempts = []

    def body(conn: Any) -> str:
        attempts.append(1)
        sid = "11111111-2222-4333-8444-555555555555"
        conn.execute(insert(Segment).values(
            id=sid, assignment_id=aid, code_id="praise", start_ms=7000, end_ms=8000, note="",
            modifiers={}, created_at=study_now(), updated_at=study_now(), deleted=False))
        return sid

    sid = study.run_write(body)
    assert fired["n"] == 1 and len(attempts) == 2
    segs, _, _ = state(pg_url, aid)
    assert [s[0] for s in segs].count(sid) == 1


def study_now() -> Any:
    from annotator.store.study import now

    return now()


def test_a_committed_transaction_is_recognised(lab: tuple[Study, int]) -> None:
    study, _aid = lab
    with study.write() as conn:
        xid = int(conn.exec_driver_sql("SELECT txid_current()").scalar_one())
    assert study._xact_status(xid) == "committed"
    with pytest.raises(RuntimeError), study.write() as conn:
        xid = int(conn.exec_driver_sql("SELECT txid_current()").scalar_one())
        raise RuntimeError("roll back")
    assert study._xact_status(xid) == "aborted"


def test_two_coders_see_each_others_submitted_work(pg_url: str) -> None:
    first = make_study(pg_url)
    s = first.add_session("C01", 1, duration_ms=60_000)
    a = first.assign(s.id, "AK")
    second = Study.open(pg_url)
    b = second.assign(s.id, "BL", "reliability")
    first.add_segment(a.id, "praise", 0, 1000)
    second.add_segment(b.id, "child", 0, 2000)
    second.set_status(b.id, "submitted", by="BL")
    # A refresh is a new query: each instance sees the other's committed rows.
    assert [v.code for v in first.segments(b.id)] == ["child"]
    assert first.assignment(b.id).status == "submitted"
    assert [v.code for v in second.segments(a.id)] == ["praise"]
    first.close()
    second.close()


def test_every_command_takes_a_url(pg_url: str, tmp_path: Path) -> None:
    proc = run_cli("init", pg_url, "--codebook", "helper-maneuvers", check=True)
    assert "Created the study" in proc.stdout and "postgres:***@" in proc.stdout
    run_cli("session", "add", pg_url, "--case", "C01", "--number", "1", "--duration", "60",
            check=True)
    timeline = tmp_path / "t.csv"
    timeline.write_text("case,session,coder,category,code,start_s,end_s\n"
                        "C01,1,AK,implicit,responsive,1,2\nC01,1,BL,manifest,care,3,4\n",
                        encoding="utf-8")
    run_cli("import", pg_url, str(timeline), check=True)
    out = run_cli("export", pg_url, "-o", "-", check=True).stdout
    assert [r["code"] for r in csv.DictReader(io.StringIO(out))] == ["responsive", "care"]
    checkout = tmp_path / "BL.annot"
    run_cli("checkout", pg_url, "--coder", "BL", "-o", str(checkout), check=True)
    other = Study.open(checkout)
    (a,) = other.assignments()
    other.add_segment(a.id, "care", 10_000, 11_000, by="BL")
    other.close()
    proc = run_cli("merge", pg_url, str(checkout), check=True)
    assert "1 new, 0 changed" in proc.stdout
    assert "0 new, 0 changed" in run_cli("merge", pg_url, str(checkout), check=True).stdout
    run_cli("archive", pg_url, "-o", str(tmp_path / "a.zip"), check=True)
    listing = run_cli("session", "list", pg_url, check=True).stdout
    assert "AK" in listing and "BL" in listing
    again = run_cli("init", pg_url)
    assert again.returncode == 2 and "already holds a study" in again.stderr


@pytest.mark.parametrize("command", [
    ["session", "list", "{url}"], ["export", "{url}", "-o", "-"],
    ["checkout", "{url}", "--coder", "AK", "-o", "{tmp}/new.annot"],
    ["merge", "{url}", "{tmp}/x.annot"], ["archive", "{url}", "-o", "{tmp}/a.zip"],
    ["init", "{url}"],
])
def test_unreachable_or_unauthorised_servers(pg_url: str, tmp_path: Path,
                                             command: list[str]) -> None:
    (tmp_path / "x.annot").write_bytes(b"")
    base = PG_ADMIN_URL.rsplit("@", 1)[1].rsplit("/", 1)[0]
    for url, expect in (
        ("postgresql+psycopg://nobody:wrong@127.0.0.1:1/none", "Cannot use the database"),
        (f"postgresql+psycopg://postgres:wrong-password@{base}/{pg_url.rsplit('/', 1)[1]}",
         "password authentication failed"),
    ):
        args = [a.format(url=url, tmp=tmp_path) for a in command]
        proc = run_cli(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert expect in proc.stderr and "Traceback" not in proc.stderr
        assert "wrong-password" not in proc.stderr
