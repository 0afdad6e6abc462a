"""Reliability report formatters: JSON, terminal table, CSV and self-contained HTML."""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from typing import Any

import pandas as pd
import pytest
from test_reliability_engine import random_study
from test_reliability_support import codebook, find, helper_codebook

from annotator.core.reliability import compute_reliability, timeline_diff
from annotator.core.segments import CodedSession, Span
from annotator.exchange import reliability_report as rr
from annotator.exchange.report import table_csv

CB = codebook(("implicit", False, ["responsive", "confirming", "joins_play", "reason", "care"]),
              ("phase", True, ["play", "talk", ("bell", "point")]))


def study() -> list[CodedSession]:
    sessions = random_study(5, ["A", "B"], duration=60_000)
    for s in sessions:
        s.codings["A"] += [Span("play", 0, 20_000), Span("talk", 20_000, 50_000),
                           Span("bell", 30_000, 30_000)]
        s.codings["B"] += [Span("play", 0, 25_000), Span("talk", 30_000, 55_000),
                           Span("bell", 30_400, 30_400)]
    return sessions


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return compute_reliability(CB, study(), ["A", "B"], bootstrap=100)


@pytest.fixture(scope="module")
def report3() -> dict[str, Any]:
    return compute_reliability(helper_codebook(), random_study(5, ["A", "B", "C"]),
                               ["A", "B", "C"], bootstrap=50)


def test_json_round_trips(report: dict[str, Any]) -> None:
    text = rr.to_json(report)
    assert json.loads(text) == report

    def no_constants(name: str) -> None:
        raise AssertionError(f"{name} in JSON")

    json.loads(text, parse_constant=no_constants)
    assert "∅" in text  # UTF-8, not escaped


def test_table_fits_100_columns_and_shows_values_and_bands(report: dict[str, Any],
                                                          report3: dict[str, Any]) -> None:
    for rep in (report, report3):
        text = rr.to_table(rep)
        assert max(len(line) for line in text.splitlines()) <= 100
        for cat in rep["categories"]:
            assert f"Category {cat['label']} ({cat['id']}" in text
            for code in cat["codes"]:
                assert code["id"] in text
        assert "Definitions" in text and "Holle & Rein" in text
    text = rr.to_table(report)
    resp = find(report, "implicit", "responsive")
    line = next(ln for ln in text.splitlines() if ln.split()[1:2] == ["responsive"]
                and f"{resp['kappa']:.2f}" in ln)
    assert line.split()[0] == "Responsive"  # the label first, then the id
    assert resp["kappa_band"] in line and resp["alpha_band"] in line
    assert "point code" in text  # the reason why bell has no kappa
    assert "confusion (s)" in text
    text3 = rr.to_table(report3)
    assert "Fleiss' kappa" in text3 and "Pair A and C" in text3


def test_csv_has_one_row_per_category_and_code_with_documented_columns(
        report: dict[str, Any], report3: dict[str, Any]) -> None:
    full = pd.read_csv(io.StringIO(rr.to_csv(report)))
    frame = full[full.level.isin(["category", "code"])]
    n_codes = sum(len(c["codes"]) for c in report["categories"])
    assert len(frame) == len(report["categories"]) + n_codes
    assert set(full.level[:4]) == {"summary"}  # the report opens with what to report
    notes = full[~full.level.isin(["category", "code"])]
    assert set(notes.level) >= {"setting", "methods", "summary", "definition"}
    settings = dict(zip(notes[notes.level == "setting"].key, notes[notes.level == "setting"].text,
                        strict=True))
    assert "∅ is a value" in settings["empty_value"]
    assert settings["resolution"] == "exact durations"
    assert settings["tolerance"].startswith("1000 ms")
    assert "Landis & Koch" in settings["bands"] and "Koo & Li" in settings["bands"]
    methods = dict(zip(notes[notes.level == "methods"].key, notes[notes.level == "methods"].text,
                       strict=True))
    assert methods["en"].startswith("Two coders") and methods["nb"].startswith("To kodere")
    row = frame[frame.level == "category"].iloc[0]
    assert row["category_label"] == "Implicit" and "responsive" in row["pooled_codes"]
    doc = table_csv.__doc__ or ""
    for col in frame.columns:
        generic = re.sub(r"^(seconds|events)_(A|B|C)$", r"\1_<coder>", col)
        assert f"``{generic}``" in doc, col
    row = frame[(frame.level == "code") & (frame.code == "responsive")].iloc[0]
    resp = find(report, "implicit", "responsive")
    assert row["kappa"] == pytest.approx(resp["kappa"])
    assert row["kappa_ci_low"] == pytest.approx(resp["kappa_ci"][0])
    assert row["seconds_A"] == pytest.approx(resp["seconds"]["A"])
    bell = frame[frame.code == "bell"].iloc[0]
    assert pd.isna(bell["kappa"]) and "point code" in bell["kappa_reason"]
    frame3 = pd.read_csv(io.StringIO(rr.to_csv(report3)))
    frame3 = frame3[frame3.level.isin(["category", "code"])]
    assert list(dict.fromkeys(frame3["analysis"])) == ["all", "A|B", "A|C", "B|C"]
    assert set(frame3[frame3.analysis == "all"]["kappa_type"]) == {"fleiss"}
    assert set(frame3[frame3.analysis == "A|C"]["kappa_type"]) == {"cohen"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_with_tables_heatmap_and_diffs(report: dict[str, Any]) -> None:
    sessions = study()
    diffs = {f"{s.case}:{s.session}": timeline_diff(s, "A", "B", CB) for s in sessions[:2]}
    page = rr.to_html(report, diffs)
    assert "http://" not in page and "https://" not in page
    parsed = _Collector()
    parsed.feed(page)
    assert "script" not in parsed.tags and "link" not in parsed.tags
    assert not [a for a in parsed.attrs if a[0] in ("src", "href")]
    assert parsed.tags.count("table") >= 2 * len(report["categories"])
    assert parsed.tags.count("svg") == 1 + 2  # one exclusive category heatmap, two sessions
    text = " ".join(parsed.text)
    assert "Timeline differences" in text and "C01 session 1" in text
    assert "almost perfect" in text or "substantial" in text or "moderate" in text
    assert "Definitions" in text and "60%" in text
    phase = find(report, "phase")
    assert f"{phase['confusion']['matrix'][0][0]:.1f}" in text


def test_html_without_diffs_and_with_hostile_ids() -> None:
    cb = codebook(("c<at>", False, ["x&y", "<b>"]))
    sessions = [CodedSession("C<1>", 1, 10_000, {"A": [Span("x&y", 0, 5000)],
                                                  "B": [Span("x&y", 0, 4000)]})]
    rep = compute_reliability(cb, sessions, ["A", "B"], bootstrap=0)
    page = rr.to_html(rep)
    assert "<b>" not in page.replace("<body>", "") and "&lt;b&gt;" in page
    assert "Timeline differences" not in page
    assert "x&amp;y" in page


def test_timeline_figure_compacts_many_runs_into_paths() -> None:
    from annotator.core.reliability import DiffRun
    from annotator.exchange.report.svg import MAX_TOOLTIPS, timeline

    runs = [DiffRun(k * 100, k * 100 + 60, "implicit", "care",
                    "agree" if k % 3 else "only_a", "care", None if k % 3 == 0 else "care")
            for k in range(MAX_TOOLTIPS + 10)]
    svg = timeline(runs, (MAX_TOOLTIPS + 10) * 100, {"implicit": False},
                   [("implicit", "care")], ["A", "B"])
    assert "<rect" in svg and svg.count("<path") == 2 and "<title>" not in svg
    few = timeline(runs[:5], 1000, {"implicit": False}, [("implicit", "care")], ["A", "B"])
    assert few.count("<title>") == 5



def _pandas_csv(report: dict[str, Any], raw: bool) -> str:
    """The reference: the same rows written by pandas (as this CSV was written before it was
    made pandas-free, so that `reliability --format csv` starts without loading pandas)."""
    from annotator.exchange.cells import neutralise

    def safe(v: Any) -> Any:
        return neutralise(v) if isinstance(v, str) else v

    frame = pd.DataFrame(table_csv.report_rows(report))
    if not raw:
        frame = frame.rename(columns=safe)
        for col in frame.columns:
            if not pd.api.types.is_numeric_dtype(frame[col]):
                frame[col] = frame[col].map(safe)
    return str(frame.to_csv(index=False, lineterminator="\n"))


def _hostile_report(label: str) -> dict[str, Any]:
    from test_reliability_support import code

    from annotator.core.codebook import Category, Codebook

    cb = Codebook("test", "1", ("en",), (
        Category("implicit", {"en": label}, False,
                 (code("responsive", "implicit"), code("confirming", "implicit"))),
        Category("phase", {"en": "-1+2"}, True,
                 (code("play", "phase"), code("bell", "phase", "point")))))
    sessions = [CodedSession("C01", n, 30_000, {
        "A": [Span("responsive", 0, 9_000), Span("play", 0, 20_000), Span("bell", 5_000, 5_000)],
        "B": [Span("responsive", 1_000, 9_000), Span("play", 0, 25_000)]}) for n in (1, 2, 3)]
    return compute_reliability(cb, sessions, ["A", "B"], bootstrap=20)


@pytest.mark.parametrize("raw", [False, True])
def test_csv_is_written_as_pandas_writes_the_same_rows(report: dict[str, Any],
                                                       report3: dict[str, Any],
                                                       raw: bool) -> None:
    """In-process reports (numpy floats among their values) of two and three coders, and a
    codebook whose labels start with formula characters."""
    hostile = _hostile_report('=HYPERLINK("x")')
    for rep in (report, report3, hostile):
        assert table_csv.to_csv(rep, raw=raw) == _pandas_csv(rep, raw)
    text = table_csv.to_csv(hostile, raw=raw)
    assert ("'=HYPERLINK" in text) != raw and ("'-1+2" in text) != raw


def test_a_label_with_a_carriage_return_stays_one_csv_field() -> None:
    """pandas left a field with a bare CR unquoted (R and pandas then split the record);
    the CSV writer quotes every field of such a row."""
    text = table_csv.to_csv(_hostile_report("Im\rplicit"))
    frame = pd.read_csv(io.StringIO(text), keep_default_na=False)
    labels = frame[frame.level == "category"]["category_label"].tolist()
    assert "Im\rplicit" in labels and "-1+2" not in labels and "'-1+2" in labels
