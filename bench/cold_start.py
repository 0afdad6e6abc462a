"""Benchmark: every CLI command on a tiny study, as a cold process (issue 13 point 6).

Makes a one-session study with four segments in a temporary folder, then runs each
command ``--repeat`` times (default 5) as a fresh ``python -m annotator.cli`` process and
prints the best wall time with the CPU time (user + system) of that run, and the median
wall time, next to a bare ``python -c pass`` and ``python -c "import sqlalchemy"`` for
scale. A command that fails stops the bench. Target: < 0.35 s each.
Not here: ``gui`` and ``demo`` (they open the app, build videos), ``session import`` (probes
real recordings), ``codebook from-eaf`` and ``lab`` (PostgreSQL only).

    python bench/cold_start.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _once(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU time (user + system) of one fresh process; it must succeed."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(argv, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          check=False)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(argv[2:])} failed ({proc.returncode}): {proc.stderr.decode()}")
    return wall, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)


def _line(name: str, runs: list[tuple[float, float]]) -> str:
    """Best wall time with its CPU time, and the median wall time."""
    wall, cpu = min(runs)
    median = sorted(w for w, _ in runs)[len(runs) // 2]
    return (f"  {name:32s} {wall * 1000:6.0f} ms   (CPU {cpu * 1000:4.0f} ms)   median "
            f"{median * 1000:4.0f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ns = ap.parse_args()
    py = [sys.executable]
    cli = [*py, "-m", "annotator.cli"]
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as d:
        folder = Path(d)
        study = str(folder / "tiny.annot")
        csv = folder / "codings.csv"
        csv.write_text("case,session,coder,category,code,start_s,end_s\n"
                       "C01,1,AK,implicit,responsive,1,2\nC01,1,BL,implicit,responsive,1.2,2.5\n"
                       "C01,1,AK,manifest,care,4,9\nC01,1,BL,manifest,care,4.5,9\n",
                       encoding="utf-8")
        subprocess.run([*cli, "init", study], env=ENV, check=True, capture_output=True)
        subprocess.run([*cli, "session", "add", study, "--case", "C01", "--number", "1",
                        "--duration", "600"], env=ENV, check=True, capture_output=True)
        subprocess.run([*cli, "import", study, str(csv)], env=ENV, check=True,
                       capture_output=True)
        counter = iter(range(2, 10_000))
        commands: list[tuple[str, list[str]]] = [
            ("python -c pass", [*py, "-c", "pass"]),
            ("python -c 'import sqlalchemy'", [*py, "-c", "import sqlalchemy"]),
            ("--version", [*cli, "--version"]),
            ("codebook list", [*cli, "codebook", "list"]),
            ("codebook show", [*cli, "codebook", "show", "helper-maneuvers"]),
            ("codebook validate", [*cli, "codebook", "validate",
                                   str(ROOT / "codebook" / "helper-maneuvers.yaml")]),
            ("session list", [*cli, "session", "list", study]),
            ("export -o out.csv", [*cli, "export", study, "-o", str(folder / "out.csv")]),
            ("export -o - (stdout)", [*cli, "export", study, "-o", "-"]),
            ("check", [*cli, "check", study]),
            ("reliability --format json", [*cli, "reliability", study, "--coders", "AK", "BL",
                                           "--format", "json", "--bootstrap", "100", "-o",
                                           str(folder / "r.json")]),
            ("plan-reliability", [*cli, "plan-reliability", study, "--coder", "CC",
                                  "--seed", "1"]),
            ("reliability --format csv", [*cli, "reliability", study, "--coders", "AK", "BL",
                                          "--format", "csv", "--bootstrap", "100", "-o",
                                          str(folder / "r.csv")]),
            ("summary -o s.csv", [*cli, "summary", study, "-o", str(folder / "s.csv")]),
            ("summary -o s.xlsx", [*cli, "summary", study, "-o", str(folder / "s.xlsx")]),
            ("export -o out.xlsx", [*cli, "export", study, "-o", str(folder / "out.xlsx")]),
            ("export -o out.sav (needs pandas)", [*cli, "export", study, "-o",
                                                   str(folder / "out.sav")]),
            ("archive -o a.zip", [*cli, "archive", study, "-o", str(folder / "a.zip")]),
        ]
        print(f"best of {ns.repeat} runs; load average {os.getloadavg()[0]:.2f} (2 cores)")
        for name, argv in commands:
            print(_line(name, [_once(argv) for _ in range(ns.repeat)]))
        # Commands that change the study: a new session number or file each time.
        subprocess.run([*cli, "checkout", study, "--coder", "BL", "-o",
                        str(folder / "bl.annot")], env=ENV, check=True, capture_output=True)
        for name in ("session add --duration", "import (1 row)", "init", "checkout", "merge"):
            walls = []
            for _ in range(ns.repeat):
                k = next(counter)
                if name == "session add --duration":
                    argv = [*cli, "session", "add", study, "--case", "C02", "--number", str(k),
                            "--duration", "300"]
                elif name == "import (1 row)":
                    one = folder / f"one{k}.csv"
                    one.write_text("case,session,coder,category,code,start_s,end_s\n"
                                   f"C01,1,AK,implicit,responsive,{k},{k + 0.5}\n",
                                   encoding="utf-8")
                    argv = [*cli, "import", study, str(one)]
                elif name == "init":
                    argv = [*cli, "init", str(folder / f"new{k}.annot")]
                elif name == "checkout":
                    argv = [*cli, "checkout", study, "--coder", "AK", "-o",
                            str(folder / f"co{k}.annot")]
                else:  # merging the same checkout again: nothing to change
                    argv = [*cli, "merge", study, str(folder / "bl.annot")]
                walls.append(_once(argv))
            print(_line(name, walls))
        print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
