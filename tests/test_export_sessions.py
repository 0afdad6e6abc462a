"""The sessions filter of ``annotator export`` (``--session CASE:N``, repeatable) and of
:class:`ExportOptions`: every writer keeps only the sessions named, and a session the
study does not have is refused with its name and what to do, writing nothing."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pyreadstat
import pytest

from annotator.exchange.exporters import (
    ExportFilterError,
    ExportOptions,
    export_file,
    export_text,
)
from annotator.store import Study
from tests.conftest import run_cli
from tests.studyutil import make_study

TIMELINE = (
    "case,session,coder,category,code,start_s,end_s,note\n"
    "C01,1,AB,implicit,responsive,0.5,1.5,one\n"
    "C01,1,CD,implicit,responsive,0.6,1.6,\n"
    "C01,2,AB,manifest,care,10,20,two\n"
    "C01,2,CD,manifest,care,11,19,\n"
    "C02,1,AB,implicit,responsive,2,4,three\n"
)


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """C01:1, C01:2 and C02:1, each coded by AB and CD (C02:1 by AB only)."""
    folder = tmp_path_factory.mktemp("study")
    path = folder / "s.annot"
    run_cli("init", str(path), check=True)
    for case, number in (("C01", "1"), ("C01", "2"), ("C02", "1")):
        run_cli("session", "add", str(path), "--case", case, "--number", number,
                "--duration", "30", check=True)
    timeline = folder / "t.csv"
    timeline.write_text(TIMELINE, encoding="utf-8")
    run_cli("import", str(path), str(timeline), check=True)
    return path


def csv_sessions(text: str) -> list[tuple[str, str, str]]:
    return [(r["case"], r["session"], r["coder"]) for r in csv.DictReader(io.StringIO(text))]


def test_cli_csv_keeps_only_the_sessions_named(study: Path) -> None:
    out = run_cli("export", str(study), "-o", "-", "--session", "C01:2", check=True).stdout
    assert csv_sessions(out) == [("C01", "2", "AB"), ("C01", "2", "CD")]
    both = run_cli("export", str(study), "-o", "-", "--session", "C01:2", "--session", "C02:1",
                   check=True).stdout
    assert csv_sessions(both) == [("C01", "2", "AB"), ("C01", "2", "CD"), ("C02", "1", "AB")]
    with_coder = run_cli("export", str(study), "-o", "-", "--session", "C01:1", "--coder",
                         "CD", "--case", "C01", check=True).stdout
    assert csv_sessions(with_coder) == [("C01", "1", "CD")]
    everything = run_cli("export", str(study), "-o", "-", check=True).stdout
    assert len(csv_sessions(everything)) == 5


def test_cli_eaf_writes_only_that_sessions_file(study: Path, tmp_path: Path) -> None:
    folder = tmp_path / "elan"
    folder.mkdir()
    proc = run_cli("export", str(study), "-o", str(folder), "--format", "eaf",
                   "--session", "C01:2", check=True)
    assert sorted(p.name for p in folder.iterdir()) == ["C01_2.eaf"]
    assert "Wrote 2 row(s)" in proc.stderr
    root = ElementTree.parse(folder / "C01_2.eaf").getroot()  # two codes and a note
    assert sorted(v.text or "" for v in root.iter("ANNOTATION_VALUE")) == ["care", "care", "two"]
    # without the filter every session gets its file
    run_cli("export", str(study), "-o", str(folder), "--format", "eaf", check=True)
    assert sorted(p.name for p in folder.iterdir()) == ["C01_1.eaf", "C01_2.eaf", "C02_1.eaf"]


@pytest.mark.parametrize("args, named", [
    (["--session", "C09:1"], "'C09:1'"),
    (["--session", "C01:1", "--session", "C01"], "'C01'"),
    (["--session", "C02:1", "--case", "C01"], "C02:1 are not in case 'C01'"),
])
def test_cli_unknown_session_exits_2_and_writes_nothing(
        study: Path, tmp_path: Path, args: list[str], named: str) -> None:
    for fmt, target in (("csv", tmp_path / "out.csv"), ("eaf", tmp_path / "elan")):
        if fmt == "eaf":
            target.mkdir()
        proc = run_cli("export", str(study), "-o", str(target), "--format", fmt, *args)
        assert proc.returncode == 2, proc.stderr
        assert named in proc.stderr and "--session" in proc.stderr
        assert "Traceback" not in proc.stderr
        if "--case" not in args:
            assert "annotator session list" in proc.stderr
        assert not target.is_file() and (not target.is_dir() or not any(target.iterdir()))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elan"]


def test_help_names_the_session_option() -> None:
    text = run_cli("export", "--help", check=True).stdout
    assert "--session CASE:N" in text and "repeatable" in text


def test_every_writer_honours_the_sessions(study: Path, tmp_path: Path) -> None:
    opts = ExportOptions(sessions=("C01:02",))  # the number as written, 02 is 2
    with Study.open(study) as s:
        buf = io.StringIO()
        assert export_text(s, "csv", buf, opts) == 2
        assert {(c, n) for c, n, _ in csv_sessions(buf.getvalue())} == {("C01", "2")}
        sliced = io.StringIO()
        rows = export_text(s, "sliced", sliced, ExportOptions(sessions=("C01:2",),
                                                              resolution_ms=1000))
        assert rows == 2 * 30  # two coders, 30 one-second slices
        assert {(c, n) for c, n, _ in csv_sessions(sliced.getvalue())} == {("C01", "2")}
        assert export_file(s, "xlsx", tmp_path / "a.xlsx", opts) == 2
        book = openpyxl.load_workbook(tmp_path / "a.xlsx", read_only=True)
        for coder in ("AB", "CD"):
            cells = list(book[coder].iter_rows(values_only=True))
            header = list(cells[0])
            assert {(r[header.index("case")], r[header.index("session")])
                    for r in cells[1:]} == {("C01", 2)}
        book.close()
        assert export_file(s, "sav", tmp_path / "a.sav", opts) == 2
        frame, _meta = pyreadstat.read_sav(str(tmp_path / "a.sav"))
        assert set(zip(frame["case"], frame["session"], strict=True)) == {("C01", 2.0)}
        assert export_file(s, "eaf", tmp_path / "one.eaf", opts) == 2
        assert (tmp_path / "one.eaf").is_file()
        with pytest.raises(ExportFilterError, match="'C07:3'"):
            export_text(s, "sliced", io.StringIO(), ExportOptions(sessions=("C07:3",)))
        for fmt in ("xlsx", "sav", "eaf", "csv"):
            with pytest.raises(ExportFilterError, match="annotator session list"):
                export_file(s, fmt, tmp_path / f"no.{fmt}", ExportOptions(sessions=("x",)))
    assert not any(p.name.startswith("no.") for p in tmp_path.iterdir())


def test_the_filter_on_both_backends(study_target: str) -> None:
    """The session ids go into the query (SQLite and PostgreSQL alike)."""
    if "://" not in study_target:
        Path(study_target).parent.mkdir(parents=True, exist_ok=True)
    s = make_study(study_target)
    try:
        for case, number in (("C01", 1), ("C01", 2), ("C02", 1)):
            a = s.assign(s.add_session(case, number, duration_ms=4000).id, "AK")
            s.add_segment(a.id, "therapist", 0, 1000 * number)
        buf = io.StringIO()
        opts = ExportOptions(sessions=("C02:1", "C01:2"))
        assert export_text(s, "csv", buf, opts) == 2
        assert csv_sessions(buf.getvalue()) == [("C01", "2", "AK"), ("C02", "1", "AK")]
        sliced = io.StringIO()
        assert export_text(s, "sliced", sliced, opts) == 2 * 4
        with pytest.raises(ExportFilterError, match="'C03:1'"):
            export_text(s, "csv", io.StringIO(), ExportOptions(sessions=("C01:1", "C03:1")))
    finally:
        s.close()
