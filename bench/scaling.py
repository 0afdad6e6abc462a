"""Benchmark: how the heavy operations grow with the size of a study (issue 13 point 8).

For each scale (default 1, 4 and 16; bench/scaled.py: 45 sessions x 50 min x 2 coders x 10
codes, 43,200 segments at 1x, 696,600 at 16x, about 15,500 per session) it builds the study
in a temporary folder under /tmp and measures, all in this one run:

* import: ``annotator import STUDY timeline.csv`` as a process, and the baseline, a plain
  sqlite3 ``executemany`` of the same rows into the same tables (see bench/import.py);
* export: ``annotator export STUDY -o timeline.csv`` as a process;
* reliability: ``annotator reliability STUDY --coders AK BL --format json -o r.json`` as a
  process (1,000 bootstrap resamples);
* merge: BL's checkout of their 45 reliability codings, coded (bulk import), merged; then 10%
  of BL's segments changed in the checkout and merged again (the re-merge), with the
  shipped codebook and with one whose manifest category is exclusive;
* open: ``Study.open`` + ``close`` in a fresh process (best of 5), and ``annotator session
  list`` as a process; ``annotator check`` (the full integrity check) as a process;
* session load: both codings of one session (``Study.segments``) in a fresh process
  (median of 5).

It prints a table of wall and CPU times (the CPU time of the process, or of the measured
part of this one: less sensitive to a busy machine than wall time), with the growth
exponent between scales computed on CPU time (log(t2/t1) / log(n2/n1): 1.0 is linear),
and the machine load at the start and the end.

    python bench/scaling.py [--scales 1 4 16]
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import math
import os
import resource
import statistics
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

bench_import = importlib.import_module("import")
# an installed annotator has its bytecode cache: without one every process compiles again
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = str(ROOT)


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _process(*args: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one command as a process."""
    t0, c0 = time.perf_counter(), _children_cpu()
    subprocess.run([sys.executable, "-m", "annotator.cli", *args], check=True, env=ENV,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0, _children_cpu() - c0


def _child(code: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", code], check=True, env=ENV,
                         capture_output=True, text=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


OPEN = """
import json, sys, time
from annotator.store import Study
times, cpu = [], []
for _ in range(5):
    t0, c0 = time.perf_counter(), time.process_time(); s = Study.open({path!r})
    s.close(); times.append(time.perf_counter() - t0); cpu.append(time.process_time() - c0)
print(json.dumps({{"best": min(times), "cpu": min(cpu)}}))
"""

LOAD = """
import json, statistics, time
from annotator.store import Study
s = Study.open({path!r})
sess = s.session("C03", 2)
aids = [a.id for a in s.assignments() if a.session_id == sess.id]
times, cpu, n = [], [], 0
for _ in range(5):
    t0, c0 = time.perf_counter(), time.process_time(); n = sum(len(s.segments(a)) for a in aids)
    times.append(time.perf_counter() - t0); cpu.append(time.process_time() - c0)
s.close()
print(json.dumps({{"median": statistics.median(times), "cpu": statistics.median(cpu),
                  "segments": n}}))
"""


def _merge_case(folder: Path, scale: int, exclusive: bool) -> tuple[tuple[float, float], ...]:
    """(wall, CPU) of the first merge and of the re-merge after 10% changes, in this
    process."""
    import random
    from datetime import UTC, datetime

    from sqlalchemy import bindparam, update

    from annotator.store import Study
    from annotator.store.checkout import checkout
    from annotator.store.merge import merge
    from annotator.store.models import Segment
    from annotator.store.timeline_import import import_timeline

    tag = "x" if exclusive else "n"
    main_path, co_path = folder / f"m{tag}{scale}.annot", folder / f"c{tag}{scale}.annot"
    rows = list(scaled.timeline_rows(scale, exclusive=exclusive))
    main = Study.create(main_path, scaled.codebook_text(exclusive), "bench")
    main.add_sessions([(c, n, None, scaled.DURATION_MS, None)
                       for c in scaled.CASES for n in range(1, scaled.SESSIONS + 1)])
    import_timeline(main, [r for r in rows if r.coder == "AK"], source="AK.csv")
    for s in main.sessions():
        main.assign(s.id, "BL", "reliability")
    checkout(main, "BL", co_path)
    other = Study.open(co_path)
    import_timeline(other, [r for r in rows if r.coder == "BL"], source="BL.csv", by="BL")
    other.close()
    del rows
    t0, c0 = time.perf_counter(), time.process_time()
    merge(main, co_path)
    first = time.perf_counter() - t0, time.process_time() - c0
    other = Study.open(co_path)
    with other.read() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM segments")]
    picked = random.Random(5).sample(ids, len(ids) // 10)
    with other.write() as conn:
        conn.execute(update(Segment).where(Segment.id == bindparam("sid")).values(
            note="revised", updated_at=datetime.now(UTC)), [{"sid": i} for i in picked])
    other.close()
    t0, c0 = time.perf_counter(), time.process_time()
    report = merge(main, co_path)
    again = time.perf_counter() - t0, time.process_time() - c0
    assert report.changed == len(picked), report.summary()
    main.close()
    for p in folder.glob(f"[mc]{tag}{scale}.annot*"):
        p.unlink()
    return first, again


def measure(folder: Path, scale: int) -> dict[str, Any]:
    """Figures of one scale: (wall, CPU) seconds, and a few plain numbers."""
    fig: dict[str, Any] = {}
    csv_path = folder / f"timeline-{scale}.csv"
    n = scaled.write_csv(csv_path, scaled.timeline_rows(scale))
    fig["segments"] = n
    study = str(folder / f"study-{scale}.annot")
    base = str(folder / f"base-{scale}.annot")
    bench_import._new_study(study)
    bench_import._new_study(base)
    bench_import._assign_all(base)
    c0 = _children_cpu()
    cli = bench_import._run_cli(study, csv_path)
    fig["import"] = (cli["process_s"], _children_cpu() - c0)
    fig["import RSS MB"] = cli["rss_mb"]
    base_fig = bench_import._run_child("baseline", base, scale)
    fig["import baseline"] = (base_fig["seconds"], base_fig["cpu"])
    fig["file MB"] = Path(study).stat().st_size / 1e6
    for p in folder.glob(f"base-{scale}.annot*"):
        p.unlink()
    csv_path.unlink()
    fig["export"] = _process("export", study, "-o", str(folder / "out.csv"))
    fig["reliability"] = _process("reliability", study, "--coders", "AK", "BL", "--format",
                                  "json", "-o", str(folder / "r.json"))
    opened = _child(OPEN.format(path=study))
    fig["open"] = (opened["best"], opened["cpu"])
    fig["session list"] = _process("session", "list", study)
    fig["check"] = _process("check", study)
    load = _child(LOAD.format(path=study))
    fig["session load"] = (load["median"], load["cpu"])
    fig["session segments"] = load["segments"]
    for p in folder.glob(f"study-{scale}.annot*"):
        p.unlink()
    fig["merge"], fig["re-merge"] = _merge_case(folder, scale, exclusive=False)
    fig["merge excl."], fig["re-merge excl."] = _merge_case(folder, scale, exclusive=True)
    return fig


ROWS = ["import", "import baseline", "export", "reliability", "merge", "re-merge",
        "merge excl.", "re-merge excl.", "open", "session list", "check", "session load"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 4, 16])
    ns = ap.parse_args()
    load_before = os.getloadavg()
    figs: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-scaling-", dir="/tmp") as d:
        for scale in ns.scales:
            figs[scale] = measure(Path(d), scale)
            print(f"{scale}x done: {json.dumps(figs[scale])}", flush=True)
    load_after = os.getloadavg()
    scales = ns.scales
    head = "| operation | " + " | ".join(f"{s}x" for s in scales) + " | " + " | ".join(
        f"exponent {a}x→{b}x" for a, b in itertools.pairwise(scales)) + " |"
    print()
    print(head)
    print("|" + "---|" * (1 + len(scales) + len(scales) - 1))
    def show(v: float) -> str:
        return f"{v * 1000:.0f} ms" if v < 1 else f"{v:.2f} s"

    counts = " | ".join(f"{figs[s]['segments']:,}" for s in scales)
    print(f"| segments | {counts} |" + " — |" * (len(scales) - 1))
    for row in ROWS:
        vals = [figs[s][row] for s in scales]
        cells = [f"{show(w)} (CPU {show(c)})" for w, c in vals]
        exps = []
        for (a, (_wa, ca)), (b, (_wb, cb)) in itertools.pairwise(zip(scales, vals, strict=True)):
            na, nb = figs[a]["segments"], figs[b]["segments"]
            exps.append(f"{math.log(cb / ca) / math.log(nb / na):.2f}" if ca > 0 else "—")
        print(f"| {row} | " + " | ".join(cells) + " | " + " | ".join(exps) + " |")
    for s in scales:
        f = figs[s]
        print(f"{s}x: import {f['import'][0] / f['import baseline'][0]:.2f}x the baseline "
              f"(wall), peak RSS "
              f"{f['import RSS MB']:.0f} MB, file {f['file MB']:.0f} MB; session load of "
              f"{int(f['session segments']):,} segments")
    print(f"load average at the start {load_before[0]:.2f}, at the end {load_after[0]:.2f} "
          f"(2 cores); median of the two: {statistics.median([load_before[0], load_after[0]])}")


if __name__ == "__main__":
    main()
