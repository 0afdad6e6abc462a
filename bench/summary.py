"""Benchmark: ``annotator summary`` on big studies. Prints figures.

1. 45 sessions x 2,000 segments (50-minute sessions, helper-maneuver codebook, primary
   coder): read + compute + write the CSV (target < 1 s); the HTML report with every figure
   inline as SVG (target < 5 s).
2. 16 x the demo study: 720 sessions (144 cases x 5) x ~972 segments = ~700,000 segments:
   the CSV through the real command in a fresh process (target < 10 s, peak RSS < 500 MB).

    python bench/summary.py [--skip-big]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.codebook_files import load_codebook
from annotator.store import Study
from annotator.store.edits import NewSegment

ROOT = Path(__file__).resolve().parents[1]


def build(path: Path, cases: int, per_session: int, minutes: int = 50, seed: int = 7) -> None:
    _, text = load_codebook("helper-maneuvers")
    study = Study.create(path, text)
    duration = minutes * 60 * 1000
    study.add_sessions([(f"C{c:03d}", n, None, duration, None)
                        for c in range(1, cases + 1) for n in range(1, 6)])
    codebook = study.codebook
    codes = [c.id for c in codebook.codes]
    rng = random.Random(seed)
    items: list[NewSegment] = []
    for s in study.sessions():
        a = study.assign(s.id, "AK")
        for _ in range(per_session):
            st = rng.randrange(0, duration - 10_000)
            items.append(NewSegment(a.id, rng.choice(codes), st, st + rng.randrange(200, 9000)))
        if len(items) > 100_000:
            study.add_segments(items, validate=False)
            items = []
    if items:
        study.add_segments(items, validate=False)
    study.close()


def _timed(path: Path, fmt: str) -> tuple[float, float, float]:
    """Seconds to open the study, to read and compute, and to write ``fmt``."""
    from annotator.exchange.analysis.reader import Selection
    from annotator.exchange.analysis.run import analyse, write

    t0 = time.perf_counter()
    study = Study.open(path)
    t1 = time.perf_counter()
    res, meta = analyse(study, str(path), Selection())
    study.close()
    t2 = time.perf_counter()
    write(res, meta, fmt, path.with_suffix(f".{fmt}"))
    return t1 - t0, t2 - t1, time.perf_counter() - t2


def in_process(path: Path, label: str, runs: int = 3, big: bool = False) -> None:
    for fmt in ("csv",) if big else ("csv", "html"):
        best = min((_timed(path, fmt) for _ in range(runs)), key=sum)
        what = "CSV" if fmt == "csv" else "HTML with every figure (inline SVG)"
        target = "< 10 s" if big else "< 1 s" if fmt == "csv" else "< 5 s"
        print(f"{label}: {what}: best {sum(best):.2f} s = open {best[0]:.2f} + read and "
              f"compute {best[1]:.2f} + write {best[2]:.2f}   (target {target})")


def subprocess_run(path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = path.with_suffix(".csv")
    times = []
    for _ in range(2):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "annotator.cli", "summary", str(path), "-o",
                        str(out)], check=True, env=env, capture_output=True)
        times.append(time.perf_counter() - t0)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"16x demo (720 sessions, ~700,000 segments): `annotator summary -o x.csv` in a "
          f"fresh process best {min(times):.2f} s (worst {max(times):.2f}), peak RSS "
          f"{rss:.0f} MB   (targets < 10 s, < 500 MB)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-big", action="store_true")
    ap.add_argument("--big", type=Path, help="use (or build and keep) this big study")
    ns = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=Path.home()) as d:
        small = Path(d) / "small.annot"
        t0 = time.perf_counter()
        build(small, 9, 2000)
        print(f"built 45 x 2,000 in {time.perf_counter() - t0:.1f} s")
        in_process(small, "45 sessions x 2,000 segments")
        if not ns.skip_big:
            big = ns.big or Path(d) / "big.annot"
            if not big.exists():
                t0 = time.perf_counter()
                build(big, 144, 972)
                print(f"built 720 x 972 in {time.perf_counter() - t0:.1f} s")
            in_process(big, "720 sessions x 972 segments, in this process", runs=1, big=True)
            subprocess_run(big)


if __name__ == "__main__":
    main()
