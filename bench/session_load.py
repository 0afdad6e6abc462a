"""Benchmark: loading one session of a 16x study (issue 13 point 5; target < 50 ms).

Builds the study of bench/scaled.py at ``--scale`` (16: 696,600 segments, 15,480 in session
C03:2 for its two codings), or takes ``--study FILE`` made by ``bench/scaled.py``, and times
``Study.segments`` for both codings of C03:2, ``--loads`` times in a fresh process (median,
p95, max), and the raw SQLite fetch of the same rows alone. Then, as the baseline in the
same run, a copy of the study taken back to schema 0003 (before the covering index
``ix_segments_assignment_span``) is timed the same way, the two alternating round by round.

    python bench/session_load.py [--scale 16] [--loads 50] [--study FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import scaled  # noqa: E402

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = str(ROOT)

LOAD = """
import gc, json, sys, time
from annotator.store import Study
from annotator.store.edits import _LOAD_SQLITE_LIVE
s = Study.open(sys.argv[1])
sess = s.session("C03", 2)
aids = [a.id for a in s.assignments() if a.session_id == sess.id]
load, fetch, n = [], [], 0
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter(); views = [s.segments(a) for a in aids]
    load.append(time.perf_counter() - t0); n = sum(map(len, views)); del views
    with s.read() as conn:
        cur = conn.connection.driver_connection.cursor()
        t0 = time.perf_counter(); rows = [cur.execute(_LOAD_SQLITE_LIVE, (a,)).fetchall()
                                          for a in aids]
        fetch.append(time.perf_counter() - t0); cur.close(); del rows
    gc.collect()
s.close()
print(json.dumps({"load": load, "fetch": fetch, "segments": n}))
"""


def _to_0003(path: Path) -> None:
    from alembic import command

    from annotator.store.engine import make_engine
    from annotator.store.migrate import alembic_config

    engine = make_engine(path)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    engine.dispose()


def _stats(xs: list[float]) -> str:
    s = sorted(xs)
    p95 = s[min(len(s) - 1, round(0.95 * (len(s) - 1)))]
    return (f"median {s[len(s) // 2] * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
            f"max {s[-1] * 1000:.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=16)
    ap.add_argument("--loads", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--study", type=Path, help="a study of bench/scaled.py to copy")
    ns = ap.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-load-", dir="/tmp") as d:
        new, old = Path(d) / "new.annot", Path(d) / "old.annot"
        if ns.study:
            shutil.copyfile(ns.study, new)
            from annotator.store import Study

            Study.open(new).close()  # migrates it to the head if it is older
        else:
            scaled.build_study(new, ns.scale)
        shutil.copyfile(new, old)
        _to_0003(old)
        runs: dict[str, dict[str, list[float]]] = {
            "0004": {"load": [], "fetch": []}, "0003": {"load": [], "fetch": []}}
        segments = 0
        for _ in range(ns.rounds):  # alternate, so a busy spell hurts both
            for name, path in (("0004", new), ("0003", old)):
                out = subprocess.run([sys.executable, "-c", LOAD, str(path),
                                      str(ns.loads // ns.rounds or 1)], check=True, env=ENV,
                                     capture_output=True, text=True).stdout
                got = json.loads(out.strip().splitlines()[-1])
                runs[name]["load"] += got["load"]
                runs[name]["fetch"] += got["fetch"]
                segments = got["segments"]
        size = new.stat().st_size / 1e6
    print(f"session C03:2 at {ns.scale}x: {segments:,} segments (both codings), "
          f"{len(runs['0004']['load'])} loads each; load average {load:.2f} at the start, "
          f"{os.getloadavg()[0]:.2f} at the end (2 cores)")
    for name, what in (("0004", "schema 0004 (covering index)"),
                       ("0003", "baseline, schema 0003")):
        print(f"{what}: Study.segments {_stats(runs[name]['load'])}; raw SQLite fetch "
              f"{_stats(runs[name]['fetch'])}")
    print(f"the study file at schema 0004: {size:.0f} MB")


if __name__ == "__main__":
    main()
