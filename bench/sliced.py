"""Benchmark: the time-sliced CSV export at 100 ms for a whole demo-sized study. Prints figures.

The study has the demo's shape at full length: nine cases x five sessions of 50 minutes,
two coders on every session, about 2,000 segments per coder and session (90,000 in all),
helper-maneuver codebook (10 codes). At 100 ms that is 2.7 million slice rows.

Target: < 10 s.

    python bench/sliced.py [--resolution-ms 100] [--minutes 50]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.codebook_files import load_codebook
from annotator.exchange.exporters import ExportOptions, export_file
from annotator.store import Study
from annotator.store.edits import NewSegment


def build(path: Path, minutes: int) -> Study:
    _, text = load_codebook("helper-maneuvers")
    study = Study.create(path, text)
    duration = minutes * 60 * 1000
    study.add_sessions([(f"C{c:02d}", n, None, duration, None)
                        for c in range(1, 10) for n in range(1, 6)])
    codes = [c.id for c in study.codebook.codes]
    rng = random.Random(7)
    for s in study.sessions():
        items = []
        for coder in ("AK", "BL"):
            a = study.assign(s.id, coder)
            for _ in range(2000):
                st = rng.randrange(0, duration - 10_000)
                items.append(NewSegment(a.id, rng.choice(codes), st,
                                        st + rng.randrange(200, 9000)))
        study.add_segments(items, validate=False)
    return study


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--resolution-ms", type=int, default=100)
    ap.add_argument("--minutes", type=int, default=50)
    ns = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=Path.home()) as d:
        t0 = time.perf_counter()
        study = build(Path(d) / "big.annot", ns.minutes)
        print(f"study: 45 sessions x {ns.minutes} min x 2 coders x 2,000 segments built in "
              f"{time.perf_counter() - t0:.1f} s")
        times = []
        rows = 0
        out = Path(d) / "sliced.csv"
        for _ in range(3):
            t0 = time.perf_counter()
            rows = export_file(study, "sliced", out, ExportOptions(resolution_ms=ns.resolution_ms))
            times.append(time.perf_counter() - t0)
        size = out.stat().st_size / 1e6
        print(f"sliced CSV at {ns.resolution_ms} ms: {rows:,} rows, {size:.0f} MB: best "
              f"{min(times):.2f} s, worst {max(times):.2f} s   (target < 10 s)")
        study.close()


if __name__ == "__main__":
    main()
