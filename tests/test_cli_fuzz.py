"""Property test: arbitrary text and numbers on the command line and in imported files end in
exit status 0 or 2, never a traceback, and a refused command (2) leaves the study unchanged.

The commands run in-process through ``annotator.cli.main`` (the same argument parsing, checks
and error handling as the console script) with a strict UTF-8 standard output like a real
terminal's; ``test_the_real_command_agrees`` runs a few of the same inputs as subprocesses.
"""

from __future__ import annotations

import contextlib
import csv
import io
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli import main
from annotator.store import Study
from tests.conftest import run_cli
from tests.studyutil import make_study

FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
NASTY = ["", " ", "\x00", "\x1b[31m", "../../ESCAPED", "/etc/passwd", "\udc80", "\u202e",
         "é" * 300, "A" * 5000, "-1", "0", "1e300", "nan", "inf", "-inf", "2147483648",
         "99999999999999999999", "1" * 400, "\t\n", "C01", "AK", "1.5", "00:01:02.003"]
texts = st.one_of(st.sampled_from(NASTY),
                  st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40),
                  st.text(st.sampled_from("\udc80\udcff\x00\x07\x1b\r\n\t;,\"'"), max_size=6))
numbers = st.one_of(st.integers(min_value=-(2**70), max_value=2**70).map(str),
                    st.floats(allow_nan=True, allow_infinity=True).map(repr), texts)


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr)
                for n in names}
    finally:
        conn.close()


class _Kept(io.BytesIO):
    def close(self) -> None:  # the wrapper's close must not lose what was written
        pass


@contextlib.contextmanager
def terminal() -> Iterator[tuple[io.BytesIO, io.BytesIO]]:
    """A strict UTF-8 stdout and stderr, as on a real terminal."""
    out, err = _Kept(), _Kept()
    o = io.TextIOWrapper(out, encoding="utf-8", errors="strict", write_through=True)
    e = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True)
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = o, e
    try:
        yield out, err
    finally:
        sys.stdout, sys.stderr = old


def run(study: Path, *args: str) -> int:
    before = dump(study)
    with terminal() as (_out, err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse refusing an option
            code = int(exc.code or 0)
    stderr = err.getvalue().decode("utf-8", "replace")
    assert code in (0, 2), (args, code, stderr)
    assert "Traceback" not in stderr
    if code == 2:
        assert dump(study) == before, args
        assert stderr.strip(), args
    return code


@pytest.fixture
def lab(tmp_path: Path) -> Path:
    path = tmp_path / "lab.annot"
    study = make_study(str(path))
    s = study.add_session("C01", 1, duration_ms=60_000)
    for coder in ("AK", "BL"):
        a = study.assign(s.id, coder)
        study.add_segment(a.id, "therapist", 0, 10_000, note="n", by=coder)
        study.add_segment(a.id, "praise", 2000, 4000, by=coder)
    study.close()
    return path


@FUZZ
@given(case=texts, number=numbers, duration=numbers, date=st.one_of(st.none(), texts))
def test_session_add(lab: Path, case: str, number: str, duration: str, date: str | None) -> None:
    args = ["session", "add", str(lab), "--case", case, "--number", number,
            f"--duration={duration}"]
    run(lab, *args, *([] if date is None else [f"--date={date}"]))


@FUZZ
@given(fields=st.lists(st.lists(st.one_of(texts, numbers), min_size=0, max_size=10),
                       min_size=1, max_size=4),
       header=st.booleans(), raw=st.one_of(st.none(), texts))
def test_import(lab: Path, tmp_path: Path, fields: list[list[str]], header: bool,
                raw: str | None) -> None:
    src = tmp_path / "in.csv"
    buf = io.StringIO()
    writer = csv.writer(buf)
    if header:
        writer.writerow(["case", "session", "coder", "category", "code", "start_s", "end_s",
                         "note", "purpose"])
    writer.writerows(fields)
    text = buf.getvalue() + (raw or "")
    src.write_bytes(text.encode("utf-8", "surrogateescape"))
    run(lab, "import", str(lab), str(src))
    run(lab, "import", str(lab), str(src), "--create-sessions")
    run(lab, "import", str(lab), str(src), "--format", "boris", "--case", "C01",
        "--session", "1", "--coder", "AK")
    eaf = tmp_path / "in.eaf"
    eaf.write_bytes(("<?xml version='1.0'?><ANNOTATION_DOCUMENT><TIER TIER_ID=\"AK:talk\">"
                     + text.replace("<", "&lt;") + "</TIER></ANNOTATION_DOCUMENT>")
                    .encode("utf-8", "surrogateescape"))
    run(lab, "import", str(lab), str(eaf), "--case", "C01", "--session", "1")
    run(lab, "import", str(lab), str(src), "--format", "eaf", "--case", "C01", "--session",
        "1")


@FUZZ
@given(coder=st.one_of(st.none(), texts), case=st.one_of(st.none(), texts),
       fmt=st.sampled_from(["csv", "sliced", "xlsx", "sav", "eaf"]), resolution=numbers)
def test_export(lab: Path, tmp_path: Path, coder: str | None, case: str | None, fmt: str,
                resolution: str) -> None:
    args = ["export", str(lab), "-o", str(tmp_path / f"out.{fmt}"), "--format", fmt,
            f"--resolution-ms={resolution}"]
    args += [] if coder is None else [f"--coder={coder}"]
    args += [] if case is None else [f"--case={case}"]
    run(lab, *args)


@FUZZ
@given(coders=st.lists(st.one_of(st.sampled_from(["AK", "BL"]), texts), min_size=1,
                       max_size=3),
       resolution=st.one_of(st.none(), numbers), tolerance=numbers,
       sessions=st.one_of(st.none(), st.lists(texts, min_size=1, max_size=2)))
def test_reliability(lab: Path, coders: list[str], resolution: str | None, tolerance: str,
                     sessions: list[str] | None) -> None:
    args = ["reliability", str(lab), "--bootstrap", "0", "--format", "json",
            f"--tolerance-ms={tolerance}", "--coders", *coders]
    if resolution is not None:
        args.append(f"--resolution-ms={resolution}")
    if sessions is not None:
        args += ["--sessions", *sessions]
    run(lab, *args)


@pytest.mark.parametrize("args", [
    ("session", "add", "{lab}", "--case", "C\x1b[2J", "--number", "1", "--duration", "5"),
    ("session", "add", "{lab}", "--case", "C9", "--number", "2147483648", "--duration", "5"),
    ("session", "add", "{lab}", "--case", "C9", "--number", "1", "--duration", "nan"),
    ("session", "add", "{lab}", "--case", "X" * 5000, "--number", "1", "--duration", "5"),
    ("export", "{lab}", "-o", "{tmp}/s.csv", "--format", "sliced", "--resolution-ms", "0"),
    ("reliability", "{lab}", "--coders", "AK", "BL", "--resolution-ms", "999999"),
])
def test_the_real_command_agrees(lab: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    before = dump(lab)
    proc = run_cli(*(a.format(lab=lab, tmp=tmp_path) for a in args))
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("annotator: error: ")
    assert dump(lab) == before


def test_a_study_is_still_usable_after_fuzzing(lab: Path) -> None:
    with Study.open(lab) as study:
        assert [s.key for s in study.sessions()] == ["C01:1"]
