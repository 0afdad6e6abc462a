"""A report ready to hand in: the codebook's labels (--lang), no truncation, no -0.00, the
summary first, the Methods paragraph in English and Norwegian, the CSV's settings, and an A4
PDF with nothing cut off (read back with pdftotext)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from annotator.core.codebook_yaml import parse_codebook
from annotator.core.reliability import ReliabilityInputError, compute_reliability
from annotator.core.segments import CodedSession, Span
from annotator.exchange import reliability_report as rr
from annotator.exchange.pdf import write_pdf
from annotator.exchange.report.common import ci_text, fixed, num
from annotator.store import Study
from annotator.store.edits import NewSegment
from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
CB_TEXT = (ROOT / "codebook" / "helper-maneuvers.yaml").read_text("utf-8")
CB = parse_codebook(CB_TEXT)
STATE_CODES = [c.id for c in CB.codes if c.kind == "state"]


def sessions(n: int = 6, seed: int = 4) -> list[CodedSession]:
    rng = np.random.default_rng(seed)
    out = []
    for k in range(n):
        a: list[Span] = []
        b: list[Span] = []
        for _ in range(12):
            code = str(rng.choice(STATE_CODES))
            s = int(rng.integers(0, 100_000))
            e = s + int(rng.integers(2000, 15_000))
            a.append(Span(code, s, e))
            if rng.random() < 0.8:
                b.append(Span(code, max(0, s + int(rng.integers(-900, 900))), e))
        out.append(CodedSession(f"C0{k % 3 + 1}", k // 3 + 1, 120_000, {"A": a, "B": b}))
    return out


@pytest.fixture(scope="module")
def report_nb() -> dict[str, Any]:
    return compute_reliability(CB, sessions(), ["A", "B"], bootstrap=100, lang="nb")


@pytest.fixture(scope="module")
def report_en() -> dict[str, Any]:
    return compute_reliability(CB, sessions(), ["A", "B"], bootstrap=100)


def _labels(lang: str) -> list[str]:
    return [c.label_in(lang) for c in CB.codes] + [c.label_in(lang) for c in CB.categories]


def test_labels_in_the_chosen_language_everywhere(report_nb: dict[str, Any],
                                                  report_en: dict[str, Any]) -> None:
    assert report_en["language"] == "en"  # the codebook's first language
    assert report_nb["language"] == "nb"
    cat = report_nb["categories"][0]
    assert cat["label"] == "Implisitte hjelpemanøvrer"
    assert cat["codes"][0]["label"] == "Være responsiv"
    table = rr.to_table(report_nb)
    html = rr.to_html(report_nb)
    csv = rr.to_csv(report_nb)
    flat = " ".join(table.split())
    for name in _labels("nb"):
        assert name in flat, name  # wrapped lines joined: nothing truncated
        assert name.replace("'", "&#x27;") in html, name
        assert name in csv, name
    assert "…" not in table
    assert max(len(ln) for ln in table.splitlines()) <= 100
    frame = pd.read_csv(io.StringIO(csv))
    codes = frame[frame.level == "code"]
    assert set(codes.code_label) == {c.label_in("nb") for c in CB.codes}


def test_long_label_wraps_in_the_table_and_short_ones_stay_on_one_line(
        report_en: dict[str, Any]) -> None:
    table = rr.to_table(report_en)
    lines = table.splitlines()
    long = "Confirming the child's behaviour, thoughts and feelings"
    rows = [ln for ln in lines if ln.split()[1:2] == ["the"] and "confirming" in ln.split()]
    assert rows and all(long not in ln for ln in rows)  # too long beside the numbers: wraps
    assert all(ln.lstrip().startswith("Confirming the") for ln in rows)
    assert long in " ".join(table.split())
    care = [ln for ln in lines if "care" in ln.split()[1:6] and ln.lstrip().startswith("Show")]
    assert care  # the label starts on the row's own line


def test_unknown_language_is_an_input_error() -> None:
    with pytest.raises(ReliabilityInputError, match=r"no labels in 'de'.*en, nb"):
        compute_reliability(CB, sessions(2), ["A", "B"], bootstrap=0, lang="de")


def test_no_interval_or_value_shows_minus_zero() -> None:
    assert fixed(-0.001) == "0.00" and fixed(-0.004, 2) == "0.00" and fixed(-0.006) == "-0.01"
    assert ci_text([-0.0004, 0.76]) == "[0.00, 0.76]" and num(-0.0) == "0.00"
    rep = compute_reliability(CB, sessions(), ["A", "B"], bootstrap=100)
    rep["categories"][0]["kappa_ci"] = [-0.0001, 0.76]
    rep["categories"][0]["codes"][0]["alpha"] = -0.0049
    for text in (rr.to_table(rep), rr.to_html(rep)):
        assert not re.search(r"-0\.00(?!\d)", text)
        assert "[0.00, 0.76]" in text


def test_each_report_opens_with_what_to_report(report_en: dict[str, Any]) -> None:
    table = rr.to_table(report_en)
    assert table.index("What to report") < table.index("Category ")
    for words in ("per category", "de Vries", "Bakeman, Quera & Gnisci", "ICC(2,1)"):
        assert words in " ".join(table.split()[:400]), words
    html = rr.to_html(report_en)
    assert html.index("What to report") < html.index("<h2>Coders")
    assert [d["heading"] for d in report_en["summary"]][:3] == [
        "1. Time-based agreement (the main result)", "2. Event-based agreement",
        "3. Session totals"]  # in the JSON too
    assert rr.to_csv(report_en).splitlines()[1].split(",")[1] == "summary"
    assert "@page{size:A4" in html and "@media print" in html  # prints as the PDF does
    assert "this tool's addition to Holle & Rein" in report_en["definitions"]["events"]
    assert "Brennan & Prediger" in report_en["definitions"]["code_kappa"]
    implicit = report_en["categories"][0]
    assert f"{implicit['label']} {implicit['kappa']:.2f}" in table


def test_methods_paragraph_in_english_and_norwegian_in_every_format(
        report_en: dict[str, Any]) -> None:
    m = report_en["methods"]
    n_codes = len(STATE_CODES)
    kappas = [c["kappa"] for cat in report_en["categories"] for c in cat["codes"]
              if c["kappa"] is not None]
    assert m["en"].startswith("Two coders (A and B) independently coded all 6 sessions")
    assert f"for the {'ten' if n_codes == 10 else n_codes} codes ranged from" in m["en"]
    lo = f"{min(kappas):.2f}".replace("0.", ".")
    assert f"ranged from {lo} to" in m["en"]
    assert "de Vries et al., 2008" in m["en"] and "Holle & Rein, 2015" in m["en"]
    assert "References:" in m["en"] and "Field Methods, 20(3)" in m["en"]
    assert m["nb"].startswith("To kodere (A og B) kodet uavhengig av hverandre alle 6 sesjonene")
    assert f"fra {lo.replace('.', ',')} til" in m["nb"]
    assert "Implisitte hjelpemanøvrer" in m["nb"]  # Norwegian labels in the Norwegian text
    assert "Implicit helper maneuvers" in m["en"]
    assert "Referanser:" in m["nb"]
    for text in (rr.to_json(report_en), rr.to_table(report_en), rr.to_html(report_en),
                 rr.to_csv(report_en)):
        flat = " ".join(text.replace("\\n", " ").split())
        assert "Two coders (A and B)" in flat and "To kodere (A og B)" in flat


def test_methods_paragraph_says_when_there_are_too_few_sessions() -> None:
    rep = compute_reliability(CB, sessions(3), ["A", "B"], bootstrap=100,
                              excluded=[{"case": "C09", "session": 1, "reason": "not coded by B"}])
    en = rep["methods"]["en"]
    assert "coded 3 of the 4 sessions (75%" in en
    assert "ICC was not computed because fewer than 5 sessions" in en
    assert "Confidence intervals were not computed" in en
    assert "95% CI" not in en


class _Headers(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.headers: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside = tag == "th"

    def handle_endtag(self, tag: str) -> None:
        self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside and data.strip():
            self.headers.add(" ".join(data.split()))


@pytest.mark.filterwarnings("ignore:HarfBuzz-Subset:DeprecationWarning")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_is_a4_with_every_column_and_nothing_past_the_page_edge(
        report_en: dict[str, Any], tmp_path: Path) -> None:
    html = rr.to_html(report_en)
    parser = _Headers()
    parser.feed(html)
    assert {"kappa", "95% CI", "AC1", "alpha", "alpha 95% CI", "ICC seconds",
            "ICC counts 95% CI", "PABAK (Brennan–Prediger)"} <= parser.headers
    pdf = tmp_path / "report.pdf"
    write_pdf(html, pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    for header in parser.headers:
        assert header in flat, header
    assert "What to report" in flat and "Methods paragraph" in flat
    # every word lies on the page: nothing is cut off at the right edge
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    xmax = [float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox)]
    assert xmax and max(xmax) <= 595.3 - 20  # inside the right margin (12 mm = 34 pt)


def _cli_study(path: Path) -> None:
    with Study.create(str(path), CB_TEXT, "helper-maneuvers.yaml") as study:
        for cs in sessions(2):
            s = study.add_session(cs.case, cs.session, duration_ms=cs.duration_ms)
            items = []
            for coder, purpose in (("A", "primary"), ("B", "reliability")):
                aid = study.assign(s.id, coder, purpose).id
                items += [NewSegment(aid, sp.code, sp.start_ms, sp.end_ms)
                          for sp in cs.codings[coder]]
            study.add_segments(items)


def test_cli_pdf_and_lang(tmp_path: Path) -> None:
    path = tmp_path / "study.annot"
    _cli_study(path)
    pdf = tmp_path / "out.pdf"
    proc = run_cli("reliability", str(path), "--coders", "A", "B", "--format", "pdf",
                   "--lang", "nb", "--bootstrap", "0", "-o", str(pdf))
    assert proc.returncode == 0, proc.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Implisitte hjelpemanøvrer" in " ".join(text.split())
    proc = run_cli("reliability", str(path), "--coders", "A", "B", "--format", "pdf")
    assert proc.returncode == 2 and "-o FILE" in proc.stderr and "Traceback" not in proc.stderr
