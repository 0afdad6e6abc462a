"""Benchmark: ``annotator reliability`` as a whole process at 1x, 4x and 16x (issue 13 point 4).

For each scale it builds the study of bench/scaled.py (45 sessions x 50 min x 2 coders x 10
codes; 16x: 696,600 segments) in a temporary folder and times, in this one run and
alternating so that a busy machine hurts all alike (median of ``--repeat`` runs each):

* the command: ``annotator reliability STUDY --coders AK BL --format json -o r.json``
  (1,000 bootstrap resamples), as a process;
* the baseline, the path it replaced: the same steps in a process, but the study opened
  through SQLAlchemy (``Study``, not ``store.lite``) and every coding handed to the engine
  as a list of ``Span`` objects (``SegmentArrays.spans``) instead of its numpy columns; its
  report must be the same bytes;
* the floor: a process that only imports what the command needs (numpy, the light reader,
  the engine) and does nothing.

Then, at the largest scale, where the command's time goes, in one process: imports, open,
select, read, engine, write.

Python writes no bytecode cache when PYTHONDONTWRITEBYTECODE is set, and then every process
compiles every module again (0.2-0.3 s); this script unsets it for its processes, as an
installed annotator has its cache.

    python bench/reliability_process.py [--scales 1 4 16] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import scaled  # noqa: E402

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = str(ROOT)

OBJECT_PATH = """
import sys
from annotator.cli.common import open_study
from annotator.core.reliability import compute_reliability
from annotator.exchange import reliability_report as rr
from annotator.exchange import reliability_data as rd
from annotator.store import segment_arrays as sa

study = open_study(sys.argv[1])
real = sa.read_segment_arrays
class Arrays:  # the engine's input as before: a list of Span objects per coding
    def __init__(self, arrays): self.arrays = arrays
    def columns(self, aid): return self.arrays.spans(aid)
sa.read_segment_arrays = lambda *a, **k: Arrays(real(*a, **k))  # read_codings imports it here
sel = rd.select_codings(study, ["AK", "BL"])
codebook, sessions = rd.read_codings(study, sel)
study.close()
assert all(isinstance(v, list) for s in sessions for v in s.codings.values())
report = compute_reliability(codebook, sessions, sel.labels, excluded=sel.excluded)
open(sys.argv[2], "w", encoding="utf-8").write(rr.to_json(report))
"""

FLOOR = ("import numpy, annotator.cli.common, annotator.core.reliability, "
         "annotator.exchange.reliability_data, annotator.store.lite")

SPLIT = """
import json, sys, time
t0 = time.perf_counter()
from annotator.cli.common import open_reader
from annotator.core.reliability import compute_reliability
from annotator.exchange import reliability_report as rr
from annotator.exchange.reliability_data import read_codings, select_codings
t1 = time.perf_counter(); study = open_reader(sys.argv[1])
t2 = time.perf_counter(); sel = select_codings(study, ["AK", "BL"])
t3 = time.perf_counter(); codebook, sessions = read_codings(study, sel); study.close()
t4 = time.perf_counter()
report = compute_reliability(codebook, sessions, sel.labels, excluded=sel.excluded)
t5 = time.perf_counter(); open(sys.argv[2], "w", encoding="utf-8").write(rr.to_json(report))
t6 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "open": t2 - t1, "select": t3 - t2, "read": t4 - t3,
                  "engine": t5 - t4, "write": t6 - t5}))
"""


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _run(argv: list[str]) -> tuple[float, float]:
    t0, c0 = time.perf_counter(), _cpu()
    subprocess.run(argv, check=True, env=ENV, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0, _cpu() - c0


def measure(folder: Path, scale: int, repeat: int) -> dict[str, list[tuple[float, float]]]:
    study = folder / f"study-{scale}.annot"
    n = scaled.build_study(study, scale)
    out_cmd, out_obj = folder / "cmd.json", folder / "obj.json"
    runs: dict[str, list[tuple[float, float]]] = {"command": [], "object path": [],
                                                  "floor": []}
    py = sys.executable
    for _ in range(repeat):
        runs["command"].append(_run([py, "-m", "annotator.cli", "reliability", str(study),
                                     "--coders", "AK", "BL", "--format", "json", "-o",
                                     str(out_cmd)]))
        runs["object path"].append(_run([py, "-c", OBJECT_PATH, str(study), str(out_obj)]))
        runs["floor"].append(_run([py, "-c", FLOOR]))
    same = out_cmd.read_bytes() == out_obj.read_bytes()
    print(f"{scale}x: {n:,} segments; the two reports are {'the same' if same else 'DIFFERENT'}",
          flush=True)
    if not same:
        raise SystemExit("the object path's report differs")
    return runs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--repeat", type=int, default=5)
    ns = ap.parse_args()
    load = os.getloadavg()[0]
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-relproc-", dir="/tmp") as d:
        for scale in ns.scales:
            results[scale] = measure(Path(d), scale, ns.repeat)
        split = [json.loads(subprocess.run(
            [sys.executable, "-c", SPLIT, str(Path(d) / f"study-{ns.scales[-1]}.annot"),
             str(Path(d) / "s.json")], check=True, env=ENV, capture_output=True,
            text=True).stdout) for _ in range(3)]
    print(f"\nmedian of {ns.repeat} (min–max), wall and CPU seconds; load average "
          f"{load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end (2 cores)")
    print("| what | " + " | ".join(f"{s}x" for s in ns.scales) + " |")
    print("|---|" + "---|" * len(ns.scales))
    for what in ("command", "object path", "floor"):
        cells = []
        for s in ns.scales:
            walls = [w for w, _ in results[s][what]]
            cpus = [c for _, c in results[s][what]]
            cells.append(f"{statistics.median(walls):.2f} s ({min(walls):.2f}–{max(walls):.2f}; "
                         f"CPU {statistics.median(cpus):.2f} s)")
        print(f"| {what} | " + " | ".join(cells) + " |")
    parts = {k: statistics.median(p[k] for p in split) for k in split[0]}
    print(f"{ns.scales[-1]}x in one process (median of 3): "
          + ", ".join(f"{k} {v:.2f} s" for k, v in parts.items())
          + f"; total {sum(parts.values()):.2f} s")


if __name__ == "__main__":
    main()
