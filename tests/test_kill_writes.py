"""kill -9 at random moments during export (CSV), XLSX export, archive, init and checkout,
30 times each: the output is whole or absent, the study is unchanged, and once the command has
run again nothing is left behind (no scratch file beside the output, nothing in $TMPDIR)."""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.store import Study
from tests.conftest import ROOT
from tests.studyutil import make_study

KILLS = 30


class Runner:
    """Forks real CLI runs from one warm process (tests/kill_runner.py)."""

    def __init__(self, tmpdir: Path) -> None:
        env = dict(os.environ, ANNOTATOR_ROOT=str(ROOT), TMPDIR=str(tmpdir))
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "kill_runner.py")], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, env=env)

    def run(self, args: list[str], kill_after: float | None = None) -> int | None:
        """The exit status, or None when the run was killed."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(args) + "\n")
        self.proc.stdin.flush()
        pid = int(self.proc.stdout.readline())
        if kill_after is not None:
            time.sleep(kill_after)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        status = int(self.proc.stdout.readline())
        if os.WIFSIGNALED(status):
            return None
        return os.WEXITSTATUS(status)

    def close(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=60)
        self.proc.stdout.close()


@pytest.fixture
def runner(tmp_path: Path) -> Iterator[tuple[Runner, Path]]:
    tmpdir = tmp_path / "TMPDIR"
    tmpdir.mkdir()
    r = Runner(tmpdir)
    try:
        yield r, tmpdir
    finally:
        r.close()


def _lab(folder: Path) -> Path:
    folder.mkdir()
    path = folder / "lab.annot"
    study = make_study(str(path))
    for n in (1, 2):
        s = study.add_session("C01", n, duration_ms=600_000)
        for coder in ("AK", "BL"):
            a = study.assign(s.id, coder)
            for i in range(40):
                study.add_segment(a.id, "praise", i * 10_000, i * 10_000 + 5000,
                                  note=f"note {i} of {coder}", by=coder)
    study.close()
    return path


def _content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in ("cases", "sessions", "coders", "assignments", "segments")}
    finally:
        conn.close()


def _leftovers(*folders: Path) -> list[str]:
    return sorted(p.name for f in folders for p in f.iterdir() if "~annot" in p.name
                  or p.name.startswith(("openpyxl", "tmp")))


def _kill_loop(runner: Runner, args: list[str], check: Callable[[], None],
               reset: Callable[[], None] = lambda: None) -> int:
    times = []
    for _ in range(3):
        start = time.monotonic()
        assert runner.run(args) == 0
        times.append(time.monotonic() - start)
        check()
        reset()
    took = min(times)
    rnd = random.Random(11)
    killed = 0
    for _ in range(KILLS):
        if runner.run(args, kill_after=rnd.uniform(0.0, took * 0.9)) is None:
            killed += 1
        check()
        reset()
    assert runner.run(args) == 0  # the next run cleans up after the killed ones
    check()
    return killed


@pytest.mark.parametrize("kind", ["csv", "xlsx", "archive", "checkout", "init"])
def test_kill_during_writes(kind: str, tmp_path: Path,
                            runner: tuple[Runner, Path]) -> None:
    run, tmpdir = runner
    lab = _lab(tmp_path / "lab")
    before = _content(lab)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    n_rows = 160

    if kind == "csv":
        out = out_dir / "t.csv"
        args = ["export", str(lab), "-o", str(out)]

        def check() -> None:
            if out.exists():
                assert len(out.read_text(encoding="utf-8").splitlines()) == n_rows + 1
    elif kind == "xlsx":
        out = out_dir / "t.xlsx"
        args = ["export", str(lab), "-o", str(out)]

        def check() -> None:
            if out.exists():
                from openpyxl import load_workbook

                wb = load_workbook(out, read_only=True)
                assert sum(sum(1 for _ in wb[c].iter_rows(min_row=2))
                           for c in ("AK", "BL")) == n_rows
                wb.close()
    elif kind == "archive":
        out = out_dir / "a.zip"
        args = ["archive", str(lab), "-o", str(out)]

        def check() -> None:
            if out.exists():
                with zipfile.ZipFile(out) as zf:
                    assert zf.testzip() is None and "manifest.json" in zf.namelist()
    elif kind == "checkout":
        out = out_dir / "B.annot"
        args = ["checkout", str(lab), "--coder", "BL", "-o", str(out)]

        def check() -> None:
            if out.exists():
                with Study.open(out) as other:
                    assert sum(len(other.segments(a.id)) for a in other.assignments()) == 80
    else:
        out = out_dir / "new.annot"
        args = ["init", str(out)]

        def check() -> None:
            if out.exists():
                with Study.open(out) as made:
                    assert made.codebook.name
            else:  # a killed init never blocks the next one
                assert run.run(args) == 0 and out.exists()

    def reset() -> None:
        if kind in ("checkout", "init"):
            for p in out_dir.iterdir():
                if p.name.startswith(out.name):
                    p.unlink()

    killed = _kill_loop(run, args, check, reset)
    assert killed >= KILLS // 3, f"only {killed} of {KILLS} runs were killed mid-way"
    assert _leftovers(out_dir, lab.parent) == []
    assert list(tmpdir.iterdir()) == []
    assert _content(lab) == before
    shutil.rmtree(out_dir)
