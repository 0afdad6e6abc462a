"""Benchmark: bulk import of a scaled timeline, against a plain driver insert of the same rows.

For each scale (default 1, 4, 16; see bench/scaled.py: 16x is 696,600 segments) it writes the
timeline CSV in a temporary folder, then, each in a fresh process (so peak RSS is its own):

* ``annotator import STUDY timeline.csv``: the whole command (parse, check, write, commit);
* the store's import alone (``import_timeline`` on parsed rows);
* the baseline: plain ``sqlite3`` ``executemany`` of the same segment rows and the same
  edit-log rows into the same tables of an identical empty study, one transaction, WAL and
  ``synchronous=FULL`` as the study uses (ids, timestamps and JSON made beforehand, not
  timed).

It prints times, the ratio to the baseline (target <= 3x), peak RSS (target < 500 MB), the
file size and the share of the edit log in it (target <= 20%). With ``--pg URL`` it does the
same on PostgreSQL (the import uses COPY; the baseline is psycopg ``executemany``).

    python bench/import.py [--scales 1 4 16] [--pg postgresql+psycopg://...]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import scaled  # noqa: E402


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _new_study(target: str) -> None:
    from annotator.store import Study

    study = Study.create(target, scaled.codebook_text(), "bench")
    study.add_sessions([(c, n, None, scaled.DURATION_MS, None)
                        for c in scaled.CASES for n in range(1, scaled.SESSIONS + 1)])
    study.close()


PG_DB = "annotator_bench_import"


def _fresh_pg(server_url: str, *, drop_only: bool = False) -> str:
    """A new empty database on the server (dropped first if left over); its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    eng = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with eng.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {PG_DB}"))
        if not drop_only:
            conn.execute(text(f"CREATE DATABASE {PG_DB}"))
    eng.dispose()
    return make_url(server_url).set(database=PG_DB).render_as_string(hide_password=False)


def child_store(target: str, scale: int) -> dict[str, Any]:
    """import_timeline on rows parsed beforehand."""
    from annotator.store import Study
    from annotator.store.timeline_import import import_timeline

    rows = list(scaled.timeline_rows(scale))
    study = Study.open(target)
    t0, c0 = time.perf_counter(), time.process_time()
    result = import_timeline(study, rows, source="timeline.csv")
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    study.close()
    return {"seconds": dt, "cpu": cpu, "segments": result.segments, "rss_mb": _rss_mb()}


def child_baseline(target: str, scale: int) -> dict[str, Any]:
    """The same rows through the bare driver into the same tables, one transaction."""
    import uuid
    from datetime import UTC, datetime

    from annotator.store import Study

    study = Study.open(target)
    with study.read() as conn:
        aids = {(r[0], r[1], r[2], r[3]): int(r[4]) for r in conn.exec_driver_sql(
            "SELECT c.label, s.number, a.coder_id, a.purpose, a.id FROM assignments a "
            "JOIN sessions s ON s.id = a.session_id JOIN cases c ON c.id = s.case_id")}
        sessions = {(r[0], r[1]): int(r[2]) for r in conn.exec_driver_sql(
            "SELECT c.label, s.number, s.id FROM sessions s JOIN cases c ON c.id = s.case_id")}
    study.close()
    now = datetime.now(UTC)
    stamp = now.strftime("%Y-%m-%d %H:%M:%S.%f")
    seg_rows = []
    for r in scaled.timeline_rows(scale):
        aid = aids.get((r.case, r.session, r.coder, r.purpose))
        if aid is None:
            raise SystemExit("run the baseline on a study that has the assignments")
        seg_rows.append((str(uuid.uuid4()), aid, r.code, r.start_ms, r.end_ms, r.note, "{}",
                         stamp, stamp, False))
    first, last = seg_rows[0][0], seg_rows[-1][0]
    log_rows = [(stamp, None, "import", "segments", first[:24], aid, None,
                 json.dumps({"first": first, "last": last, "count": 0, "source": "x"}),
                 "done", str(uuid.uuid4())) for aid in sorted(set(aids.values()))]
    del sessions
    seg_sql = ("INSERT INTO segments (id, assignment_id, code_id, start_ms, end_ms, note, "
               "modifiers, created_at, updated_at, deleted) VALUES ")
    log_sql = ("INSERT INTO edit_log (at, coder_id, action, entity, entity_id, assignment_id, "
               "before, after, state, batch) VALUES ")
    if "://" in target:
        import psycopg

        dsn = target.replace("postgresql+psycopg://", "postgresql://")
        con = psycopg.connect(dsn)
        pg_rows = [(*r[:7], now, now, r[9]) for r in seg_rows]
        pg_log = [(now, *r[1:]) for r in log_rows]
        t0, c0 = time.perf_counter(), time.process_time()
        with con.cursor() as cur:
            cur.executemany(seg_sql + "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", pg_rows)
            cur.executemany(log_sql + "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", pg_log)
        con.commit()
        dt = time.perf_counter() - t0
        con.close()
    else:
        import sqlite3

        con = sqlite3.connect(target, isolation_level=None)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        con.execute("PRAGMA foreign_keys=ON")
        t0, c0 = time.perf_counter(), time.process_time()
        con.execute("BEGIN IMMEDIATE")
        con.executemany(seg_sql + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", seg_rows)
        con.executemany(log_sql + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", log_rows)
        con.execute("COMMIT")
        dt = time.perf_counter() - t0
        con.close()
    return {"seconds": dt, "cpu": time.process_time() - c0, "segments": len(seg_rows),
            "rss_mb": _rss_mb()}


def _assign_all(target: str) -> None:
    """The baseline study gets the assignments the import would create (not timed)."""
    from annotator.store import Study

    study = Study.open(target)
    for s in study.sessions():
        study.assign(s.id, "AK")
        study.assign(s.id, "BL", "reliability")
    study.close()


def _run_child(kind: str, target: str, scale: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--target", target, "--scales", str(scale)],
        check=False, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"the {kind} child at {scale}x failed ({out.returncode}):\n"
                         f"{out.stderr[-3000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _run_cli(target: str, csv_path: Path) -> dict[str, Any]:
    code = ("import resource, sys, time; t0 = time.perf_counter(); "
            "from annotator.cli import main; rc = main(sys.argv[1:]); "
            "import json; print(json.dumps({'seconds': time.perf_counter() - t0, "
            "'rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 'rc': rc}))")
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, "import", target, str(csv_path)],
                         check=True, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    res = dict(json.loads(out.stdout.strip().splitlines()[-1]))
    res["process_s"] = time.perf_counter() - t0
    return res


def _sizes(path: Path) -> tuple[float, float]:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        pages = con.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
        sizes = dict(pages)
        log = sum(v for k, v in sizes.items() if k.startswith(("edit_log", "ix_edit_log")))
        total = sum(sizes.values())
    except sqlite3.OperationalError:  # no dbstat: compare the log's bytes
        total = path.stat().st_size
        log = con.execute("SELECT SUM(LENGTH(after) + 200) FROM edit_log").fetchone()[0] or 0
    finally:
        con.close()
    return total / 1e6, log / max(total, 1)


def run_sqlite(folder: Path, scale: int) -> None:
    csv_path = folder / f"timeline-{scale}x.csv"
    n = scaled.write_csv(csv_path, scaled.timeline_rows(scale))
    cli_target, store_target, base_target = (str(folder / f"{k}-{scale}x.annot")
                                             for k in ("cli", "store", "base"))
    for t in (cli_target, store_target, base_target):
        _new_study(t)
    _assign_all(base_target)
    cli = _run_cli(cli_target, csv_path)
    store = _run_child("store", store_target, scale)
    base = _run_child("baseline", base_target, scale)
    size, log_share = _sizes(Path(cli_target))
    print(f"SQLite {scale:>2}x, {n:,} segments:")
    print(f"  annotator import (whole command) {cli['seconds']:7.2f} s "
          f"({cli['process_s']:.2f} s as a process), peak RSS {cli['rss_mb']:.0f} MB  "
          f"(target < 500 MB)")
    print(f"  store import alone               {store['seconds']:7.2f} s")
    print(f"  sqlite3 executemany baseline     {base['seconds']:7.2f} s")
    print(f"  ratio: command {cli['seconds'] / base['seconds']:.2f}x, store "
          f"{store['seconds'] / base['seconds']:.2f}x the baseline  (target <= 3x)")
    print(f"  file {size:.1f} MB, edit log {log_share:.2%} of it  (target <= 20%)")
    for p in folder.glob(f"*-{scale}x.annot*"):
        p.unlink()
    csv_path.unlink()


def run_pg(server_url: str, scale: int) -> None:
    url = _fresh_pg(server_url)
    _new_study(url)
    store = _run_child("store", url, scale)
    url = _fresh_pg(server_url)
    _new_study(url)
    _assign_all(url)
    base = _run_child("baseline", url, scale)
    _fresh_pg(server_url, drop_only=True)
    print(f"PostgreSQL {scale:>2}x, {store['segments']:,} segments: store import (COPY) "
          f"{store['seconds']:.2f} s, peak RSS {store['rss_mb']:.0f} MB; psycopg executemany "
          f"baseline {base['seconds']:.2f} s; ratio {store['seconds'] / base['seconds']:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--pg", metavar="URL", help="also measure on this PostgreSQL server (in "
                    f"a database {PG_DB} made for the run and dropped after)")
    ap.add_argument("--no-sqlite", action="store_true")
    ap.add_argument("--child", choices=["store", "baseline"], help=argparse.SUPPRESS)
    ap.add_argument("--target", help=argparse.SUPPRESS)
    ns = ap.parse_args()
    if ns.child:
        fn = child_store if ns.child == "store" else child_baseline
        print(json.dumps(fn(ns.target, ns.scales[0])))
        return
    with tempfile.TemporaryDirectory(prefix="bench-import-", dir="/tmp") as d:
        for scale in ns.scales:
            if not ns.no_sqlite:
                run_sqlite(Path(d), scale)
            if ns.pg:
                run_pg(ns.pg, scale)


if __name__ == "__main__":
    main()
