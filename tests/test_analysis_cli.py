"""``annotator summary``: every format, --figures, which coding counts, and bad input."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from tests.analysis_data import toy_study
from tests.conftest import run_cli


@pytest.fixture
def toy(tmp_path: Path) -> Path:
    return toy_study(tmp_path / "toy.annot")


def test_csv_to_stdout_and_file(toy: Path, tmp_path: Path) -> None:
    proc = run_cli("summary", str(toy), "-o", "-", check=True)
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(rows) == 16
    r = next(r for r in rows if (r["case"], r["session"], r["code"]) == ("C01", "1", "praise"))
    assert (r["count"], r["total_s"], r["sd_bout_s"], r["latency_s"]) == ("2", "20", "12.0208",
                                                                          "5")
    q = next(r for r in rows if (r["case"], r["session"], r["code"]) == ("C01", "1", "question"))
    assert (q["total_s"], q["mean_bout_s"], q["rate_per_10min"]) == ("", "", "20")
    out = tmp_path / "co.csv"
    proc = run_cli("summary", str(toy), "-o", str(out), "--what", "cooccurrence", check=True)
    assert "counted the primary coding" in proc.stderr
    co = pd.read_csv(out)
    assert co.loc[(co["code"] == "therapist") & (co["with_code"] == "praise"),
                  "overlap_s"].item() == 10


def test_xlsx_has_every_table_and_a_wide_sheet(toy: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.xlsx"
    run_cli("summary", str(toy), "-o", str(out), "--consensus-first", check=True)
    sheets = pd.read_excel(out, sheet_name=None)
    assert list(sheets) == ["about", "time budget", "categories", "wide", "co-occurrence",
                            "sequences", "trends", "trends by case"]
    wide = sheets["wide"]
    assert len(wide) == 4 and wide.loc[0, "therapist_s"] == 60  # the consensus coding
    about = sheets["about"].astype(str).to_string()
    assert "consensus coding where it has one" in about and "C01:2" in about


def test_sav_writes_budget_and_wide_datasets(toy: Path, tmp_path: Path) -> None:
    import pyreadstat

    out = tmp_path / "s.sav"
    run_cli("summary", str(toy), "-o", str(out), check=True)
    tidy, _ = pyreadstat.read_sav(str(out))
    wide, meta = pyreadstat.read_sav(str(tmp_path / "s_wide.sav"))
    assert len(tidy) == 16 and len(wide) == 4
    assert wide.loc[0, "praise_mean_bout_s"] == 11.5
    assert meta.column_names_to_labels["praise_pct"] == "Praise: % of session"


def test_html_pdf_and_figures(toy: Path, tmp_path: Path) -> None:
    html = tmp_path / "r.html"
    figs = tmp_path / "figs"
    run_cli("summary", str(toy), "-o", str(html), "--figures", str(figs), check=True)
    text = html.read_text(encoding="utf-8")
    for needle in ("Time budget", "Co-occurrence", "Sequences (lag 1)", "Trends over sessions",
                   "the primary coding of each session", "latest segment end",
                   "Minimum-count rule", "<svg", "#59a14f"):
        assert needle in text, needle
    assert "<script" not in text and str(tmp_path) not in text
    names = sorted(p.name for p in figs.iterdir())
    assert names == ["budget.png", "case-session.png", "cooccurrence.png",
                     "sequences-acts.png", "sequences-talk.png", "trends-percent.png",
                     "trends-rate.png"]
    from PIL import Image

    with Image.open(figs / "budget.png") as im:
        assert round(im.info["dpi"][0]) == 300
    pdf = tmp_path / "r.pdf"
    run_cli("summary", str(toy), "-o", str(pdf), check=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"/Image" not in data  # figures are vectors


def test_report_is_in_the_codebook_language(tmp_path: Path, helper_codebook_text: str) -> None:
    from annotator.store import Study
    from annotator.store.edits import NewSegment

    path = tmp_path / "hm.annot"
    study = Study.create(path, helper_codebook_text)
    study.add_sessions([("C01", 1, None, 60_000, None)])
    a = study.assign(study.session("C01", 1).id, "AK")
    study.add_segments([NewSegment(a.id, "responsive", 0, 5000)])
    study.close()
    proc = run_cli("summary", str(path), "-o", "-", "--lang", "nb", check=True)
    assert "Være responsiv" in proc.stdout
    bad = run_cli("summary", str(path), "-o", "-", "--lang", "de")
    assert bad.returncode == 2 and "languages: en, nb" in bad.stderr


@pytest.mark.parametrize(("args", "needle"), [
    (["--coder", "ZZ"], "Coders in this study: AK, AK2, BL"),
    (["--cases", "C07"], "Cases in this study: C01, C02"),
    (["--sessions", "C01:8"], "C01:1, C01:2, C02:1, C02:2"),
    (["--cases", "C02", "--sessions", "C01:1"], "No session matches"),
    (["--coder", "AK2", "--cases", "C02"], "Nothing to analyse"),
    (["--format", "xlsx"], "cannot go to stdout"),
    (["--what", "wide", "--format", "html"], "--what chooses"),
    (["--min-expected", "-1"], "--min-expected must be a number of 0 or more, got -1"),
    (["--min-expected", "nan"], "--min-expected must be a number of 0 or more, got nan"),
    (["--min-expected", "1e400"], "--min-expected must be a number of 0 or more, got inf"),
])
def test_bad_input_exits_2_and_writes_nothing(toy: Path, args: list[str], needle: str) -> None:
    proc = run_cli("summary", str(toy), "-o", "-", *args)
    assert proc.returncode == 2, proc.stderr
    assert needle in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_bad_output_paths(toy: Path, tmp_path: Path) -> None:
    proc = run_cli("summary", str(toy), "-o", str(tmp_path / "nope" / "x.csv"))
    assert proc.returncode == 2 and "does not exist" in proc.stderr
    target = tmp_path / "keep.csv"
    proc = run_cli("summary", str(toy), "-o", str(target), "--coder", "ZZ")
    assert proc.returncode == 2 and not target.exists()


def test_xlsx_is_a_real_workbook(toy: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.xlsx"
    run_cli("summary", str(toy), "-o", str(out), check=True)
    with zipfile.ZipFile(out) as z:
        assert "xl/workbook.xml" in z.namelist()


def test_csv_keeps_negative_numbers_and_guards_formulas(tmp_path: Path) -> None:
    from annotator.store.edits import NewSegment
    from tests.studyutil import make_study

    path = tmp_path / "f.annot"
    study = make_study(str(path))
    study.add_sessions([("=C01", 1, None, 60_000, None)])
    a = study.assign(study.session("=C01", 1).id, "AK")
    study.add_segments([NewSegment(a.id, c, s, s + 1000) for c, s in
                        (("therapist", 0), ("child", 2000), ("therapist", 4000),
                         ("child", 6000))])
    study.close()
    proc = run_cli("summary", str(path), "-o", "-", "--what", "sequences", "--min-expected",
                   "0", check=True)
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    tt = next(r for r in rows if (r["given"], r["target"]) == ("therapist", "therapist"))
    assert tt["yules_q"] == "-1" and tt["adjusted_residual"].startswith("-")
    budget = run_cli("summary", str(path), "-o", "-", check=True).stdout
    assert budget.splitlines()[1].startswith("'=C01,1,AK")
