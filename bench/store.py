"""Store benchmarks (issue: foundation). Prints figures; asserts nothing.

    python bench/store.py [--edits 100000]

1. Commit N segments one transaction each, as the GUI does: per-edit latency p50/p99.
2. A study of 45 sessions x 2 coders x 2,000 segments: load one session's segments.
3. Export that whole study to CSV.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.codebook_files import load_codebook
from annotator.exchange.exporters import ExportOptions, export_file, export_text
from annotator.store import Study
from annotator.store.edits import NewSegment


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def bench_edits(folder: Path, n: int) -> None:
    _, text = load_codebook("helper-maneuvers")
    study = Study.create(folder / "edits.annot", text)
    s = study.add_session("C01", 1, duration_ms=10 * 3600 * 1000)
    a = study.assign(s.id, "AB")
    codes = [c.id for c in study.codebook.codes]
    rng = random.Random(1)
    lat: list[float] = []
    t_all = time.perf_counter()
    for i in range(n):
        start = rng.randrange(0, 10 * 3600 * 1000 - 10_000)
        t0 = time.perf_counter()
        study.add_segment(a.id, codes[i % len(codes)], start, start + rng.randrange(100, 9000))
        lat.append((time.perf_counter() - t0) * 1000)
    total = time.perf_counter() - t_all
    print(f"edits: {n} single-transaction commits in {total:.1f} s "
          f"(WAL, synchronous=FULL, segment + edit-log row each)")
    print(f"  per-edit latency p50 {pct(lat, 50):.2f} ms, p95 {pct(lat, 95):.2f} ms, "
          f"p99 {pct(lat, 99):.2f} ms, max {max(lat):.1f} ms   (target p99 < 5 ms)")
    study.close()


def bench_big_study(folder: Path) -> None:
    _, text = load_codebook("helper-maneuvers")
    study = Study.create(folder / "big.annot", text)
    codes = [c.id for c in study.codebook.codes]
    rng = random.Random(2)
    t0 = time.perf_counter()
    study.add_sessions([(f"C{c:02d}", n, None, 50 * 60 * 1000, None)
                        for c in range(1, 10) for n in range(1, 6)])
    sessions = study.sessions()
    for s in sessions:
        items = []
        for coder in ("AK", "BL"):
            a = study.assign(s.id, coder)
            for _ in range(2000):
                st = rng.randrange(0, 50 * 60 * 1000 - 10_000)
                items.append(NewSegment(a.id, rng.choice(codes), st, st + rng.randrange(200, 9000)))
        study.add_segments(items, validate=False)
    print(f"big study: 45 sessions x 2 coders x 2,000 segments built in "
          f"{time.perf_counter() - t0:.1f} s")
    study.close()

    study = Study.open(folder / "big.annot")
    target = sessions[22]
    loads = []
    for _ in range(20):
        t0 = time.perf_counter()
        segs = [study.segments(a.id) for a in study.assignments(session_id=target.id)]
        loads.append((time.perf_counter() - t0) * 1000)
    print(f"  load one session's segments ({sum(map(len, segs))} rows, both coders): "
          f"median {statistics.median(loads):.1f} ms, max {max(loads):.1f} ms "
          f"(target < 50 ms)")
    for label, fn in (
        ("to a file", lambda: export_file(study, "csv", folder / "all.csv", ExportOptions())),
        ("to memory", lambda: export_text(study, "csv", io.StringIO(), ExportOptions())),
    ):
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            rows = fn()
            times.append(time.perf_counter() - t0)
        print(f"  export the whole study to CSV {label} ({rows} rows): "
              f"best {min(times):.2f} s, median {statistics.median(times):.2f} s "
              f"(target < 2 s)")
    study.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--edits", type=int, default=100_000)
    ns = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=Path.home()) as d:
        bench_edits(Path(d), ns.edits)
        bench_big_study(Path(d))


if __name__ == "__main__":
    main()
