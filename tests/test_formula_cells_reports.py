"""The reliability CSV and the analysis exports (``annotator summary`` CSV and XLSX) neutralise
text cells a spreadsheet would run as a formula, as the timeline export does (issue 10
point 4): a codebook from a stranger's file may hold labels that start with =, +, -, @.
Numbers stay numbers; ``--raw`` writes the text as it is; XLSX never holds a formula."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from annotator.store.edits import NewSegment
from tests.conftest import run_cli
from tests.studyutil import make_study

HOSTILE_CODEBOOK = """\
name: From a stranger
version: "1"
language: [en]
categories:
  - id: talk
    label: {en: "@SUM(A1:A9)"}
    exclusive: true
    codes:
      - {id: therapist, label: {en: '=HYPERLINK("http://evil.example","x")'}, key: "1",
         color: "#4e79a7", kind: state}
      - {id: child, label: {en: "+1+2"}, key: "2", color: "#f28e2b", kind: state}
      - {id: other, label: {en: "-2+3"}, key: "3", color: "#59a14f", kind: state}
"""
LABELS = {"talk": "@SUM(A1:A9)", "therapist": '=HYPERLINK("http://evil.example","x")',
          "child": "+1+2", "other": "-2+3"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "h.annot"
    with make_study(str(path), HOSTILE_CODEBOOK) as study:
        s = study.add_session("C01", 1, duration_ms=10_000)
        spans = {"A": [("therapist", 0, 4000), ("child", 4000, 7000), ("other", 7000, 10_000)],
                 "B": [("therapist", 0, 3000), ("child", 3000, 8000), ("other", 8000, 10_000)]}
        items = []
        for coder, purpose in (("A", "primary"), ("B", "reliability")):
            aid = study.assign(s.id, coder, purpose).id
            items += [NewSegment(aid, c, a, b) for c, a, b in spans[coder]]
        study.add_segments(items)
    return path


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _reliability(study: Path, *extra: str) -> list[dict[str, str]]:
    proc = run_cli("reliability", str(study), "--coders", "A", "B", "--format", "csv",
                   "--bootstrap", "0", *extra, check=True)
    return _rows(proc.stdout)


def test_reliability_csv_neutralises_labels_and_keeps_numbers(hostile: Path) -> None:
    rows = _reliability(hostile)
    codes = {r["code"]: r for r in rows if r["level"] == "code"}
    for code in ("therapist", "child", "other"):
        assert codes[code]["code_label"] == "'" + LABELS[code]
        assert codes[code]["category_label"] == "'" + LABELS["talk"]
    cat = next(r for r in rows if r["level"] == "category" and r["analysis"] == "all")
    assert cat["category_label"] == "'" + LABELS["talk"]
    # numbers are untouched: kappa is a plain float, seconds are numbers
    assert float(cat["kappa"]) == pytest.approx(float(cat["kappa"]))
    assert not cat["kappa"].startswith("'")
    assert float(codes["therapist"]["seconds_A"]) == 4.0
    every_cell = [v for r in rows for v in r.values() if v]
    assert not any(v[0] in "=+@\t\r" for v in every_cell)
    assert all(v[0] != "-" or _is_number(v) for v in every_cell)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_reliability_csv_raw_writes_labels_as_they_are(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    run_cli("reliability", str(hostile), "--coders", "A", "B", "--format", "csv",
            "--bootstrap", "0", "--raw", "-o", str(out), check=True)
    codes = {r["code"]: r for r in _rows(out.read_text(encoding="utf-8"))
             if r["level"] == "code"}
    assert {c: codes[c]["code_label"] for c in ("therapist", "child", "other")} == {
        c: LABELS[c] for c in ("therapist", "child", "other")}


def test_summary_csv_neutralises_labels_unless_raw(hostile: Path, tmp_path: Path) -> None:
    stdout = run_cli("summary", str(hostile), "-o", "-", check=True).stdout
    to_file = tmp_path / "s.csv"
    run_cli("summary", str(hostile), "-o", str(to_file), check=True)
    assert to_file.read_text(encoding="utf-8") == stdout
    rows = _rows(stdout)
    assert rows, "the budget has rows"
    for r in rows:
        assert r["code_label"] == "'" + LABELS[r["code"]]
    ther = next(r for r in rows if r["code"] == "therapist")
    assert (ther["count"], ther["total_s"]) == ("1", "4")
    raw = _rows(run_cli("summary", str(hostile), "-o", "-", "--raw", check=True).stdout)
    assert {r["code"]: r["code_label"] for r in raw} == {
        c: LABELS[c] for c in ("therapist", "child", "other")}
    cats = _rows(run_cli("summary", str(hostile), "-o", "-", "--what", "categories",
                         check=True).stdout)
    talk = next(r for r in cats if r["category"] == "talk")
    assert (talk["category_label"], talk["coded_s"]) == ("'" + LABELS["talk"], "10")


def _formulas(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [n for n in z.namelist() if n.startswith("xl/worksheets/")
                and b"<f>" in z.read(n)]


@pytest.mark.parametrize("raw", [False, True])
def test_summary_xlsx_text_cells_are_strings_never_formulas(hostile: Path, tmp_path: Path,
                                                            raw: bool) -> None:
    out = tmp_path / "s.xlsx"
    run_cli("summary", str(hostile), "-o", str(out), *(["--raw"] if raw else []), check=True)
    assert _formulas(out) == []
    wb = load_workbook(out)
    ws = wb["time budget"]
    header = [c.value for c in ws[1]]
    seen = 0
    for row in ws.iter_rows(min_row=2):
        cells = dict(zip(header, row, strict=True))
        code = cells["code"].value
        assert cells["code_label"].data_type == "s"
        prefix = "" if raw else "'"
        assert cells["code_label"].value == prefix + LABELS[code]
        assert isinstance(cells["count"].value, int)
        seen += 1
    assert seen == 3
    cats = wb["categories"]
    labels = [r[5].value for r in cats.iter_rows(min_row=2) if r[4].value == "talk"]
    assert labels == [("" if raw else "'") + LABELS["talk"]]
    # every sheet: no text cell starts with a formula character unless raw
    if not raw:
        for sheet in wb.worksheets:
            for row in sheet.iter_rows():
                for c in row:
                    if isinstance(c.value, str) and c.value:
                        assert c.value[0] not in "=+-@\t\r", (sheet.title, c.value)
