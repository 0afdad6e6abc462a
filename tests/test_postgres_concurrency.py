"""Many coders writing to one PostgreSQL study at the same time (real processes, real server).

Each edit is its own transaction (``Study.add_segment``). Half of the processes share one
assignment, so their edits contend for the same row lock; the others each have their own.
"""

from __future__ import annotations

import multiprocessing as mp
import time
import traceback
import uuid
from typing import Any

import pytest

from annotator.store import EditError, Study
from tests.studyutil import make_study

pytestmark = pytest.mark.postgres

PROCESSES = 8
EDITS = 1000


def _writer(url: str, aid: int, k: int, n: int, barrier: Any, results: Any,
            by: str | None = None) -> None:
    errors: list[str] = []
    try:
        study = Study.open(url)
        study.segments(aid)  # connect before the race starts
        barrier.wait(timeout=120)
        for i in range(n):
            start = (k * n + i) * 10
            try:
                study.add_segment(aid, "praise", start, start + 5, by=by or f"P{k}")
            except Exception as exc:  # every failure is a test failure, reported below
                errors.append(f"{type(exc).__name__}: {exc}")
        study.close()
    except Exception:
        errors.append(traceback.format_exc())
    results.put((k, errors))


def _exclusive_writer(url: str, aid: int, k: int, windows: int, barrier: Any,
                      results: Any) -> None:
    done, errors = 0, []
    study = Study.open(url)
    study.segments(aid)
    barrier.wait(timeout=120)
    for w in range(windows):
        try:
            study.add_segment(aid, "therapist", w * 1000, w * 1000 + 1000)
            done += 1
        except EditError:
            pass  # another process coded this window first: refused, as it must be
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
    study.close()
    results.put((done, errors))


@pytest.mark.parametrize("secured", [False, True], ids=["plain", "row-level-security"])
def test_eight_processes_commit_a_thousand_segments_each(pg_url: str, secured: bool) -> None:
    """With ``secured``, each process logs in with its coder's own role (annotator lab
    add-coder), so every edit also passes the server's row-level security policies."""
    study = make_study(pg_url)
    s = study.add_session("C01", 1, duration_ms=PROCESSES * EDITS * 10 + 1000)
    shared = study.assign(s.id, "SHARED").id
    own = [study.assign(s.id, f"P{k}").id for k in range(PROCESSES // 2)]
    aids = [shared] * (PROCESSES - len(own)) + own
    coders = ["SHARED"] * (PROCESSES - len(own)) + [f"P{k}" for k in range(len(own))]
    urls, signers, roles = [pg_url] * PROCESSES, [None] * PROCESSES, []
    if secured:
        from annotator.store.lab_security import add_coder_role
        from tests.lab_util import role_url

        tag = uuid.uuid4().hex[:8]
        made = {c: add_coder_role(study, c, role=f"coder_{c.lower()}_{tag}", password=tag)
                for c in sorted(set(coders))}
        roles = [m.role for m in made.values()]
        urls = [role_url(pg_url, made[c].role, tag) for c in coders]
        signers = list(coders)
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(PROCESSES), ctx.Queue()
    procs = [ctx.Process(target=_writer,
                         args=(urls[k], aids[k], k, EDITS, barrier, results, signers[k]))
             for k in range(PROCESSES)]
    t0 = time.perf_counter()
    for p in procs:
        p.start()
    outcome = dict(results.get(timeout=600) for _ in procs)
    for p in procs:
        p.join(timeout=60)
    elapsed = time.perf_counter() - t0
    assert all(p.exitcode == 0 for p in procs)
    assert {k: v for k, v in outcome.items() if v} == {}, "no deadlock, no error"
    with study.read() as conn:
        total, distinct = conn.exec_driver_sql(
            "SELECT count(*), count(DISTINCT id) FROM segments").one()
        logged = conn.exec_driver_sql(
            "SELECT count(*) FROM edit_log WHERE action = 'create'").scalar_one()
        per_assignment = dict(conn.exec_driver_sql(
            "SELECT assignment_id, count(*) FROM segments GROUP BY assignment_id").all())
    assert total == distinct == logged == PROCESSES * EDITS
    assert per_assignment[shared] == (PROCESSES - len(own)) * EDITS
    assert all(per_assignment[a] == EDITS for a in own)
    print(f"{PROCESSES} x {EDITS} single-edit transactions in {elapsed:.1f} s"
          f"{' (row-level security)' if secured else ''}")
    study.close()
    if roles:
        from tests.lab_util import drop_roles

        drop_roles(pg_url, roles)


def test_concurrent_edits_of_one_coding_keep_exclusive_categories(pg_url: str) -> None:
    """Each edit locks its assignment before validating, so two processes cannot both pass
    the overlap check for the same window of an exclusive category."""
    study = make_study(pg_url)
    s = study.add_session("C01", 1, duration_ms=1_000_000)
    aid = study.assign(s.id, "AK").id
    n, windows = 4, 120
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(n), ctx.Queue()
    procs = [ctx.Process(target=_exclusive_writer,
                         args=(pg_url, aid, k, windows, barrier, results)) for k in range(n)]
    for p in procs:
        p.start()
    outcome = [results.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert [e for _, e in outcome if e] == []
    assert sum(done for done, _ in outcome) == windows
    spans = sorted((v.start_ms, v.end_ms) for v in study.segments(aid))
    assert spans == [(w * 1000, w * 1000 + 1000) for w in range(windows)]
    study.close()
