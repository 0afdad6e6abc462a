"""Every analysis number on a hand-computed toy study (tests/analysis_data.py explains it)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from annotator.core.analysis.results import Results
from annotator.core.analysis.tstat import t975
from annotator.exchange.analysis.meta import ReportMeta
from annotator.exchange.analysis.reader import CONSENSUS_FIRST, Selection
from annotator.exchange.analysis.run import analyse
from annotator.store import Study
from tests.analysis_data import toy_study


def _run(tmp_path: Path, sel: Selection | None = None, *, name: str = "toy",
         **kw: object) -> tuple[Results, ReportMeta]:
    path = toy_study(tmp_path / f"{name}.annot")
    study = Study.open(path)
    try:
        return analyse(study, str(path), sel or Selection(), **kw)  # type: ignore[arg-type]
    finally:
        study.close()


def _row(frame, **where):  # type: ignore[no-untyped-def]
    sub = frame
    for k, v in where.items():
        sub = sub[sub[k] == v]
    assert len(sub) == 1, (where, sub)
    return sub.iloc[0]


def _near(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or abs(a - b) < 1e-9


def test_budget_per_session(tmp_path: Path) -> None:
    res, meta = _run(tmp_path)
    b = res.frame("budget")
    assert list(b.columns[:16]) == [
        "case", "session", "coder", "coding", "category", "code", "code_label", "count",
        "total_s", "percent_of_session", "rate_per_10min", "mean_bout_s", "sd_bout_s",
        "median_bout_s", "min_bout_s", "max_bout_s"]
    assert len(b) == 4 * 4  # every session x code, used or not
    t = _row(b, case="C01", session=1, code="therapist")
    assert (t["coder"], t["coding"], t["count"], t["total_s"]) == ("AK", "primary", 2, 20.0)
    assert _near(t["percent_of_session"], 100 / 3) and t["rate_per_10min"] == 20.0
    assert (t["mean_bout_s"], t["sd_bout_s"], t["median_bout_s"]) == (10.0, 0.0, 10.0)
    assert (t["min_bout_s"], t["max_bout_s"], t["latency_s"]) == (10.0, 10.0, 0.0)
    # The second child segment runs to the session end (60 s).
    c = _row(b, case="C01", session=1, code="child")
    assert (c["count"], c["total_s"], c["latency_s"], c["max_bout_s"]) == (2, 20.0, 10.0, 10.0)
    # Praise overlaps itself: [5, 25) and [15, 18) cover 20 s, two bouts of 20 and 3 s.
    p = _row(b, case="C01", session=1, code="praise")
    assert (p["count"], p["total_s"], p["mean_bout_s"], p["median_bout_s"]) == (2, 20.0, 11.5,
                                                                               11.5)
    assert _near(p["sd_bout_s"], math.sqrt(2 * 8.5**2)) and p["latency_s"] == 5.0
    assert (p["min_bout_s"], p["max_bout_s"]) == (3.0, 20.0)
    # Point code: count, rate and latency only.
    q = _row(b, case="C01", session=1, code="question")
    assert (q["count"], q["rate_per_10min"], q["latency_s"]) == (2, 20.0, 12.0)
    for col in ("total_s", "percent_of_session", "mean_bout_s", "sd_bout_s", "median_bout_s",
                "min_bout_s", "max_bout_s"):
        assert math.isnan(q[col]), col
    # C01:2 has no media and no explicit duration: the latest segment end of any coder
    # (BL's praise to 45 s) is its duration, and the report says so.
    c2 = _row(b, case="C01", session=2, code="child")
    assert c2["duration_s"] == 45.0 and c2["total_s"] == 30.0 and c2["sd_bout_s"] != 0
    assert _near(c2["percent_of_session"], 200 / 3) and _near(c2["rate_per_10min"], 40 / 3)
    assert meta.inferred_durations == ["C01:2"]
    assert any("latest segment end" in text and "C01:2" in text
               for _w, text in meta.lines(res))
    # An unused code: count 0, empty bout statistics and latency.
    u = _row(b, case="C01", session=2, code="therapist")
    assert (u["count"], u["total_s"], u["percent_of_session"]) == (0, 0.0, 0.0)
    assert math.isnan(u["mean_bout_s"]) and math.isnan(u["latency_s"])
    # C02:1 has a coding without segments, C02:2 none at all: both appear with zeros.
    z = _row(b, case="C02", session=1, code="praise")
    assert (z["coder"], z["count"], z["total_s"], z["percent_of_session"]) == ("BL", 0, 0, 0)
    n = _row(b, case="C02", session=2, code="praise")
    assert (n["coder"], n["coding"], n["count"], n["duration_s"]) == ("", "none", 0, 90.0)
    assert meta.uncoded == ["C02:2"]


def test_categories_and_uncoded_time(tmp_path: Path) -> None:
    res, _ = _run(tmp_path)
    c = res.frame("categories")
    talk = _row(c, case="C01", session=1, category="talk")
    assert (talk["coded_s"], talk["uncoded_s"]) == (40.0, 20.0)
    assert _near(talk["percent_coded"], 200 / 3) and _near(talk["percent_uncoded"], 100 / 3)
    acts = _row(c, case="C01", session=1, category="acts")  # points cover no time
    assert (acts["coded_s"], acts["uncoded_s"]) == (20.0, 40.0)
    every = _row(c, case="C01", session=1, category="(all codes)")  # [0, 30) and [50, 60)
    assert (every["coded_s"], every["uncoded_s"]) == (40.0, 20.0)
    zero = _row(c, case="C02", session=1, category="(all codes)")
    assert (zero["coded_s"], zero["percent_uncoded"]) == (0.0, 100.0)


def test_pooled_budgets(tmp_path: Path) -> None:
    res, _ = _run(tmp_path, by="case")
    b = res.frame("budget")
    assert "C02" in set(b["case"]) and len(b) == 2 * 4
    child = _row(b, case="C01", code="child")
    # 20 s + 30 s over 60 s + 45 s; three bouts 10, 10, 30; latencies 10 and 0.
    assert (child["count"], child["total_s"], child["duration_s"]) == (3, 50.0, 105.0)
    assert _near(child["percent_of_session"], 100 * 50 / 105)
    assert _near(child["rate_per_10min"], 3 / (105 / 600))
    assert _near(child["mean_bout_s"], 50 / 3) and child["median_bout_s"] == 10.0
    assert child["latency_s"] == 5.0 and child["sessions"] == 2
    # The session without a coding is not pooled in.
    c02 = _row(b, case="C02", code="child")
    assert (c02["duration_s"], c02["sessions"], c02["coder"]) == (120.0, 1, "BL")
    res_all, _ = _run(tmp_path, name="all", by="all")
    every = _row(res_all.frame("categories"), category="(all codes)")
    assert (every["coded_s"], every["duration_s"]) == (70.0, 225.0)
    by_coder, _ = _run(tmp_path, name="coder", by="coder")
    assert sorted(set(by_coder.frame("budget")["coder"])) == ["AK", "BL"]


def test_cooccurrence(tmp_path: Path) -> None:
    res, _ = _run(tmp_path)
    co = res.frame("cooccurrence")
    assert set(co["code"]) == {"therapist", "child", "praise"}  # no point code
    tp = _row(co, code="therapist", with_code="praise")
    assert (tp["overlap_s"], tp["code_s"], tp["percent_of_code"], tp["percent_of_with"]) == (
        10.0, 20.0, 50.0, 50.0)
    cp = _row(co, code="child", with_code="praise")
    assert (cp["overlap_s"], cp["code_s"], cp["percent_of_code"]) == (10.0, 50.0, 20.0)
    assert _row(co, code="therapist", with_code="child")["overlap_s"] == 0.0
    pc = _row(co, code="praise", with_code="child")
    assert (pc["overlap_s"], pc["percent_of_code"], pc["percent_of_with"]) == (10.0, 50.0, 20.0)


def test_sequences_within_category(tmp_path: Path) -> None:
    res, _ = _run(tmp_path, min_expected=0.0)
    s = res.frame("sequences")
    talk = s[s["scope"] == "talk"]
    # therapist@0, child@10, therapist@20, child@50 -> T>C, C>T, T>C (C01:2 has one event).
    tc = _row(talk, given="therapist", target="child")
    assert (tc["count"], tc["given_total"], tc["target_total"], tc["transitions"]) == (2, 2, 2, 3)
    assert tc["probability"] == 1.0 and _near(tc["expected"], 4 / 3)
    z = (2 - 4 / 3) / math.sqrt(4 / 3 * (1 - 2 / 3) * (1 - 2 / 3))
    assert _near(tc["adjusted_residual"], z) and tc["yules_q"] == 1.0
    tt = _row(talk, given="therapist", target="therapist")
    assert tt["count"] == 0 and tt["yules_q"] == -1.0 and _near(tt["adjusted_residual"], -z)
    ct = _row(talk, given="child", target="therapist")
    assert (ct["count"], ct["probability"]) == (1, 1.0)
    acts = s[s["scope"] == "acts"]  # praise@5, question@12, praise@15, question@40
    assert _row(acts, given="praise", target="question")["count"] == 2
    assert _row(acts, given="question", target="praise")["count"] == 1


def test_sequences_minimum_count_rule_and_all_codes(tmp_path: Path) -> None:
    res, _ = _run(tmp_path, sequence_scope="all")
    s = res.frame("sequences")
    assert set(s["scope"]) == {"all"}
    # T@0 P@5 C@10 Q@12 P@15 T@20 Q@40 C@50: 7 transitions.
    assert int(s["count"].sum()) == 7
    assert _row(s, given="praise", target="child")["count"] == 1
    assert _row(s, given="question", target="praise")["count"] == 1
    # Expected counts are all below 5: no z, no Q, and the reason is given.
    assert s["adjusted_residual"].isna().all() and s["yules_q"].isna().all()
    assert all("< 5" in n or "no transitions" in n for n in s["note"])
    assert any("Minimum-count rule" in n for n in res.notes["sequences"])


def test_trends(tmp_path: Path) -> None:
    res, _ = _run(tmp_path)
    per_case = res.frame("trends_by_case")
    assert sorted(set(zip(per_case["case"], per_case["session"], strict=True))) == [
        ("C01", 1), ("C01", 2), ("C02", 1)]  # C02:2 has no coding: left out
    t = res.frame("trends")
    row = _row(t, session=1, code="therapist", metric="percent_of_session")
    sd = math.sqrt(2 * (100 / 6) ** 2)  # values 33.33 and 0
    assert row["cases"] == 2 and _near(row["mean"], 100 / 6) and _near(row["sd"], sd)
    assert _near(row["ci_low"], 100 / 6 - t975(1) * sd / math.sqrt(2))
    assert _near(row["ci_high"], 100 / 6 + t975(1) * sd / math.sqrt(2))
    one = _row(t, session=2, code="child", metric="rate_per_10min")
    assert one["cases"] == 1 and _near(one["mean"], 40 / 3) and math.isnan(one["ci_low"])
    # Point codes have a rate trend but no % of time trend.
    assert t[(t["code"] == "question") & (t["metric"] == "percent_of_session")].empty
    assert not t[(t["code"] == "question") & (t["metric"] == "rate_per_10min")].empty


def test_wide_table(tmp_path: Path) -> None:
    res, _ = _run(tmp_path)
    w = res.frame("wide")
    assert len(w) == 4  # one row per session (one coding each here)
    r = _row(w, case="C01", session=1)
    assert (r["therapist_n"], r["therapist_s"], r["praise_mean_bout_s"]) == (2, 20.0, 11.5)
    assert r["question_n"] == 2 and "question_s" not in w.columns
    assert _near(r["talk_coded_pct"], 200 / 3) and _near(r["uncoded_pct"], 100 / 3)
    assert _row(w, case="C01", session=2)["duration_source"] == "latest segment end"


def test_which_coding_counts(tmp_path: Path) -> None:
    res, meta = _run(tmp_path, Selection(coding=CONSENSUS_FIRST))
    b = res.frame("budget")
    t = _row(b, case="C01", session=1, code="therapist")
    assert (t["coder"], t["coding"], t["total_s"], t["percent_of_session"]) == (
        "AK2", "consensus", 60.0, 100.0)
    assert _row(b, case="C01", session=2, code="child")["coding"] == "primary"
    assert "consensus" in meta.counted
    res, meta = _run(tmp_path, Selection(coding="BL"), name="bl")
    b = res.frame("budget")
    p = _row(b, case="C01", session=2, code="praise")  # BL's reliability coding
    assert (p["coder"], p["coding"], p["total_s"], p["percent_of_session"]) == (
        "BL", "reliability", 45.0, 100.0)
    assert _row(b, case="C01", session=1, code="praise")["coding"] == "none"
    assert "BL" in meta.counted


def test_filters(tmp_path: Path) -> None:
    res, meta = _run(tmp_path, Selection(cases=("C01",), sessions=("2",)))
    assert {(u.case, u.session) for u in res.data.units} == {("C01", 2)}
    assert "cases C01" in meta.filters and "sessions 2" in meta.filters


def test_t_quantile_matches_scipy() -> None:
    from scipy import stats

    for df in [*range(1, 40), 50, 80, 120, 1000]:
        assert abs(t975(df) - float(stats.t.ppf(0.975, df))) < 1e-5, df


@pytest.mark.parametrize(("sel", "needle"), [
    (Selection(coding="ZZ"), "Coders in this study: AK, AK2, BL"),
    (Selection(cases=("C99",)), "Cases in this study: C01, C02"),
    (Selection(sessions=("C01:9",)), "C01:1, C01:2, C02:1, C02:2"),
    (Selection(sessions=("7",)), "session number (1, 2)"),
    (Selection(coding="AK2", cases=("C02",)), "Nothing to analyse"),
])
def test_bad_selection(tmp_path: Path, sel: Selection, needle: str) -> None:
    from annotator.core.analysis.errors import AnalysisInputError

    with pytest.raises(AnalysisInputError) as info:
        _run(tmp_path, sel)
    assert needle in str(info.value)


@pytest.mark.postgres
def test_postgres_gives_the_same_tables(tmp_path: Path, pg_url: str) -> None:
    toy_study(pg_url)
    study = Study.open(pg_url)
    try:
        pg, meta = analyse(study, pg_url, Selection(coding=CONSENSUS_FIRST))
    finally:
        study.close()
    lite, _ = _run(tmp_path, Selection(coding=CONSENSUS_FIRST))
    for name in ("budget", "categories", "wide", "cooccurrence", "sequences", "trends"):
        assert pg.frame(name).equals(lite.frame(name)), name
    password = pg_url.split("://", 1)[1].split("@", 1)[0].split(":", 1)[1]
    assert f":{password}@" not in meta.study and ":***@" in meta.study  # no password shown


def test_open_recordings_unknown_codes_and_segments_past_the_end(tmp_path: Path) -> None:
    from annotator.store.edits import NewSegment
    from tests.studyutil import make_study

    path = tmp_path / "odd.annot"
    study = make_study(str(path))
    study.add_sessions([("C01", 1, None, 10_000, None)])
    a = study.assign(study.session("C01", 1).id, "AK")
    study.add_segments([
        NewSegment(a.id, "therapist", 0, 4000),
        NewSegment(a.id, "therapist", 5000, 5000, modifiers={"open": True}),  # recording
        NewSegment(a.id, "gone", 1000, 2000),  # a code in no codebook version
        NewSegment(a.id, "child", 8000, 15_000),  # runs past the 10 s session
        NewSegment(a.id, "child", 12_000, 13_000),  # starts after it
    ], validate=False)
    study.close()
    study = Study.open(path)
    try:
        res, meta = analyse(study, str(path), Selection())
    finally:
        study.close()
    b = res.frame("budget")
    t = _row(b, code="therapist")
    assert (t["count"], t["total_s"], t["latency_s"]) == (1, 4.0, 0.0)
    c = _row(b, code="child")
    assert (c["count"], c["total_s"], c["max_bout_s"]) == (1, 2.0, 2.0)
    text = " ".join(meta.notes)
    assert "1 code(s) still being recorded" in text and "gone (1)" in text
    assert "1 segment(s) starting after" in text and "1 running past" in text
