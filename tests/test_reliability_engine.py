"""compute_reliability: report shape, input errors, bootstrap, ICC, three coders, callbacks."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from statsmodels.stats.inter_rater import cohens_kappa as sm_cohens_kappa
from test_reliability_support import codebook, find, helper_codebook, mixed_codebook

from annotator.core.reliability import (
    ReliabilityCancelled,
    ReliabilityInputError,
    compute_reliability,
    icc_2_1,
    kappa_band,
)
from annotator.core.segments import CodedSession, Span

HELPER_CODES = ["responsive", "confirming", "joins_play", "reason", "care"]


def random_study(n_sessions: int, coders: list[str], seed: int = 7,
                 duration: int = 120_000) -> list[CodedSession]:
    """Coders share a 'true' coding and each perturbs it, so agreement is moderate."""
    rng = np.random.default_rng(seed)
    out = []
    for n in range(n_sessions):
        truth = []
        for _ in range(int(rng.integers(8, 20))):
            s = int(rng.integers(0, duration - 2000))
            truth.append(Span(str(rng.choice(HELPER_CODES)), s,
                              min(duration, s + int(rng.integers(500, 15000)))))
        codings = {}
        for c in coders:
            spans = []
            for sp in truth:
                if rng.random() < 0.15:
                    continue
                j = int(rng.integers(-800, 800))
                spans.append(Span(sp.code, max(0, sp.start_ms + j), sp.end_ms))
            for _ in range(int(rng.integers(0, 3))):
                s = int(rng.integers(0, duration - 1000))
                spans.append(Span(str(rng.choice(HELPER_CODES)), s, s + 1000))
            codings[c] = spans
        out.append(CodedSession(f"C{n // 5 + 1:02d}", n % 5 + 1, duration, codings))
    return out


def test_report_has_design_shape_and_is_strict_json() -> None:
    rep = compute_reliability(helper_codebook(), random_study(6, ["A", "B"]), ["A", "B"],
                              bootstrap=200)
    text = json.dumps(rep, allow_nan=False)  # no NaN or inf anywhere
    assert json.loads(text) == rep
    assert rep["coders"] == ["A", "B"] and rep["resolution_ms"] is None
    assert rep["tolerance_ms"] == 1000
    assert rep["sessions"][0] == {"case": "C01", "session": 1, "duration_s": 120.0}
    cat = rep["categories"][0]
    assert {"id", "exclusive", "kappa", "percent_agreement", "alpha", "codes"} <= set(cat)
    code = cat["codes"][0]
    assert {"id", "kappa", "pabak", "percent_agreement", "kappa_max", "seconds", "events",
            "prevalence_index", "bias_index", "kappa_ci", "event_agreement",
            "icc_seconds", "icc_counts"} <= set(code)
    assert set(code["seconds"]) == {"A", "B"} and set(code["events"]) == {"A", "B"}
    assert set(code["event_agreement"]) >= {"matched", "unmatched_A", "unmatched_B",
                                            "kappa_with_unmatched", "kappa_matched_only"}
    assert code["kappa_band"] == kappa_band(code["kappa"])
    assert "alpha_band" in cat and "icc_seconds_band" in code
    lo, hi = code["kappa_ci"]
    assert lo <= hi
    defs = rep["definitions"]
    for key in ("empty_value", "units", "events", "bootstrap", "point_codes", "bands", "alpha"):
        assert defs[key]
    assert "60%" in defs["events"] and "Holle & Rein" in defs["events"]
    assert "de Vries" in defs["category_kappa"]


def test_per_code_measures_match_statsmodels_on_the_reported_table() -> None:
    rep = compute_reliability(helper_codebook(), random_study(3, ["A", "B"]), ["A", "B"],
                              bootstrap=0)
    for cid in ("responsive", "confirming"):
        d = find(rep, "implicit", cid)
        t = np.array(d["table"])
        assert d["kappa"] == pytest.approx(sm_cohens_kappa(t, return_results=False), abs=1e-9)
        n = t.sum()
        assert d["percent_agreement"] == pytest.approx(np.trace(t) / n)
        assert d["pabak"] == pytest.approx(2 * np.trace(t) / n - 1)
        assert d["prevalence_index"] == pytest.approx(abs(t[0, 0] - t[1, 1]) / n)
        assert d["bias_index"] == pytest.approx(abs(t[0, 1] - t[1, 0]) / n)
        assert d["seconds"]["A"] == pytest.approx(t[0].sum(), abs=1e-6)
        assert d["seconds"]["B"] == pytest.approx(t[:, 0].sum(), abs=1e-6)
        assert n == pytest.approx(sum(s["duration_s"] for s in rep["sessions"]))


def test_unused_code_is_null_with_reason_never_one_zero_or_nan() -> None:
    sessions = [CodedSession("C01", 1, 10_000, {"A": [Span("responsive", 0, 5000)],
                                                 "B": [Span("responsive", 0, 4000)]})]
    rep = compute_reliability(helper_codebook(), sessions, ["A", "B"], bootstrap=0)
    care = find(rep, "manifest", "care")
    assert care["kappa"] is None and "expected agreement is 1" in care["kappa_reason"]
    assert care["kappa_band"] is None and care["kappa_ci"] is None
    assert care["kappa_max"] is None and care["kappa_max_reason"]
    assert care["alpha"] is None and care["alpha_reason"]
    assert care["percent_agreement"] == 1.0  # defined: both agree the code is absent
    manifest = find(rep, "manifest")
    assert manifest["kappa"] is None and manifest["kappa_reason"]
    for name in ("kappa", "alpha", "percent_agreement", "ac1", "pabak"):  # nobody used any
        assert manifest[name] is None
        assert "no code of the category was used" in manifest[f"{name}_reason"], name
    assert manifest["pooled_codes"] == []


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"coders": ["A"]}, "at least two coders"),
    ({"coders": ["A", "A"]}, "listed twice"),
    ({"coders": ["A", "Z"]}, "no session was coded by all"),
    ({"coders": ["A", "E"]}, "no segments at all"),
    ({"resolution_ms": 0}, "resolution_ms"),
    ({"tolerance_ms": -1}, "tolerance_ms"),
])
def test_input_errors(kwargs: dict[str, Any], message: str) -> None:
    sessions = random_study(2, ["A", "B"])
    for s in sessions:
        s.codings["E"] = []
    args: dict[str, Any] = {"coders": ["A", "B"], **kwargs}
    with pytest.raises(ReliabilityInputError, match=message):
        compute_reliability(helper_codebook(), sessions, args.pop("coders"), bootstrap=0,
                            **args)


@pytest.mark.parametrize("duration", [0, -5, None])
def test_bad_session_duration_is_an_input_error(duration: int | None) -> None:
    sessions = random_study(2, ["A", "B"])
    bad = CodedSession("C09", 3, duration, sessions[0].codings)  # type: ignore[arg-type]
    with pytest.raises(ReliabilityInputError, match=r"C09/3.*duration"):
        compute_reliability(helper_codebook(), [*sessions, bad], ["A", "B"], bootstrap=0)


def test_unknown_code_and_exclusive_overlap_are_input_errors() -> None:
    cb = mixed_codebook()
    bad = [CodedSession("C01", 1, 5000, {"A": [Span("nope", 0, 10)], "B": [Span("r", 0, 9)]})]
    with pytest.raises(ReliabilityInputError, match="'nope' is not in the codebook"):
        compute_reliability(cb, bad, ["A", "B"], bootstrap=0)
    clash = [CodedSession("C01", 1, 5000, {"A": [Span("x", 0, 1000), Span("y", 900, 2000)],
                                            "B": [Span("x", 0, 9)]})]
    with pytest.raises(ReliabilityInputError, match="exclusive category 'ex'"):
        compute_reliability(cb, clash, ["A", "B"], bootstrap=0)
    with pytest.raises(ReliabilityInputError, match="point code 'p' has a duration"):
        compute_reliability(cb, [CodedSession("C01", 1, 5000, {
            "A": [Span("p", 0, 10)], "B": [Span("r", 0, 9)]})], ["A", "B"], bootstrap=0)


def test_sessions_not_coded_by_all_are_excluded_and_listed() -> None:
    sessions = random_study(3, ["A", "B"])
    del sessions[1].codings["B"]
    rep = compute_reliability(helper_codebook(), sessions, ["A", "B"], bootstrap=0)
    assert len(rep["sessions"]) == 2
    assert rep["excluded_sessions"] == [{"case": "C01", "session": 2,
                                         "reason": "not coded by B"}]


def test_segments_past_the_end_are_cut_with_a_warning() -> None:
    sessions = [CodedSession("C01", 1, 2000, {"A": [Span("care", 1000, 9000)],
                                               "B": [Span("care", 1000, 2000)]})]
    rep = compute_reliability(helper_codebook(), sessions, ["A", "B"], bootstrap=0)
    assert find(rep, "manifest", "care")["kappa"] == pytest.approx(1.0)
    assert any("cut" in w for w in rep["warnings"])


def test_bootstrap_is_reproducible_and_seeded() -> None:
    sessions = random_study(8, ["A", "B"])
    one = compute_reliability(helper_codebook(), sessions, ["A", "B"], bootstrap=300, seed=5)
    two = compute_reliability(helper_codebook(), sessions, ["A", "B"], bootstrap=300, seed=5)
    other = compute_reliability(helper_codebook(), sessions, ["A", "B"], bootstrap=300, seed=6)
    ci = [find(r, "implicit", "responsive")["kappa_ci"] for r in (one, two, other)]
    assert ci[0] == ci[1] and ci[0] != ci[2]
    assert one == two
    cat_ci = find(one, "implicit")["kappa_ci"]
    assert cat_ci[0] < find(one, "implicit")["kappa"] < cat_ci[1]


def test_bootstrap_resamples_sessions_not_slices() -> None:
    # two sessions: perfect agreement in one, none in the other; a session bootstrap must see
    # resamples made only of the bad session (kappa < 0) and only of the good one (kappa 1)
    # five sessions: perfect agreement in three, none in two; a session bootstrap sees
    # resamples made only of good sessions (kappa 1) and wide spread below; a slice bootstrap
    # would give a narrow interval around the pooled value
    good = [CodedSession("C01", n, 10_000, {"A": [Span("care", 0, 5000)],
                                             "B": [Span("care", 0, 5000)]}) for n in (1, 2, 3)]
    bad = [CodedSession("C01", n, 10_000, {"A": [Span("care", 0, 5000)],
                                            "B": [Span("care", 5000, 10_000)]}) for n in (4, 5)]
    rep = compute_reliability(helper_codebook(), good + bad, ["A", "B"], bootstrap=400)
    d = find(rep, "manifest", "care")
    lo, hi = d["kappa_ci"]
    assert d["kappa"] == pytest.approx(0.2)  # p_o 0.6, p_e 0.5
    assert hi == pytest.approx(1.0) and lo < -0.5


def test_bootstrap_unavailable_gives_null_with_reason() -> None:
    for n in (1, 4):
        rep = compute_reliability(helper_codebook(), random_study(n, ["A", "B"]), ["A", "B"],
                                  bootstrap=100)
        for d in (find(rep, "implicit", "responsive"), find(rep, "implicit")):
            for name in ("kappa", "alpha", "ac1"):
                assert d[f"{name}_ci"] is None
                assert f"at least 5 sessions (have {n})" in d[f"{name}_ci_reason"]
    rep5 = compute_reliability(helper_codebook(), random_study(5, ["A", "B"]), ["A", "B"],
                               bootstrap=100)
    assert find(rep5, "implicit", "responsive")["kappa_ci"] is not None
    rep0 = compute_reliability(helper_codebook(), random_study(3, ["A", "B"]), ["A", "B"],
                               bootstrap=0)
    assert "disabled" in find(rep0, "implicit")["kappa_ci_reason"]


def test_icc_null_below_five_sessions_and_computed_from_five() -> None:
    rep4 = compute_reliability(helper_codebook(), random_study(4, ["A", "B"]), ["A", "B"],
                               bootstrap=0)
    d = find(rep4, "implicit", "responsive")
    assert d["icc_seconds"] is None and "at least 5" in d["icc_seconds_reason"]
    assert d["icc_counts"] is None and d["icc_counts_band"] is None
    sessions = random_study(5, ["A", "B"])
    rep5 = compute_reliability(helper_codebook(), sessions, ["A", "B"], bootstrap=0)
    d5 = find(rep5, "implicit", "responsive")
    secs = np.array([[sum(s.end_ms - s.start_ms for s in _merged(sess.codings[c], "responsive"))
                      / 1000 for c in ("A", "B")] for sess in sessions])
    counts = np.array([[sum(sp.code == "responsive" for sp in sess.codings[c])
                        for c in ("A", "B")] for sess in sessions])
    assert d5["icc_seconds"] == pytest.approx(icc_2_1(secs).value)
    assert d5["icc_counts"] == pytest.approx(icc_2_1(counts).value)
    assert d5["icc_seconds_band"] in {"poor", "moderate", "good", "excellent"}


def _merged(spans: list[Span], code: str) -> list[Span]:
    out: list[Span] = []
    for sp in sorted((s for s in spans if s.code == code), key=lambda s: s.start_ms):
        if out and sp.start_ms <= out[-1].end_ms:
            out[-1] = Span(code, out[-1].start_ms, max(out[-1].end_ms, sp.end_ms))
        else:
            out.append(sp)
    return out


def test_three_coders_report_fleiss_alpha_and_every_pair() -> None:
    coders = ["A", "B", "C"]
    sessions = random_study(5, coders)
    rep = compute_reliability(helper_codebook(), sessions, coders, bootstrap=100)
    json.dumps(rep, allow_nan=False)
    assert rep["kappa_type"] == "fleiss"
    assert "Fleiss" in rep["definitions"]["multi_coder"]
    assert [p["coders"] for p in rep["pairs"]] == [["A", "B"], ["A", "C"], ["B", "C"]]
    resp = find(rep, "implicit", "responsive")
    assert set(resp["seconds"]) == set(coders)
    assert resp["kappa"] is not None and resp["alpha"] is not None
    assert resp["kappa_max"] is None and "pairs" in resp["kappa_max_reason"]
    pair_ab = compute_reliability(helper_codebook(), sessions, ["A", "B"], bootstrap=100)
    for cat_p, cat_2 in zip(rep["pairs"][0]["categories"], pair_ab["categories"], strict=True):
        assert cat_p["kappa"] == pytest.approx(cat_2["kappa"])
        assert [c["kappa"] for c in cat_p["codes"]] == pytest.approx(
            [c["kappa"] for c in cat_2["codes"]])


def test_point_codes_are_left_out_of_duration_tables() -> None:
    cb = mixed_codebook()
    sessions = [CodedSession("C01", 1, 10_000, {
        "A": [Span("x", 0, 4000), Span("p", 5000, 5000), Span("r", 0, 100)],
        "B": [Span("x", 0, 4000), Span("p", 5300, 5300), Span("r", 0, 100)]})]
    rep = compute_reliability(cb, sessions, ["A", "B"], bootstrap=0)
    ex = find(rep, "ex")
    assert ex["confusion"]["labels"] == ["x", "y", "∅"]
    assert np.array(ex["confusion"]["matrix"]).sum() == pytest.approx(10.0)
    assert ex["kappa"] == pytest.approx(1.0)
    p = find(rep, "ex", "p")
    assert p["kappa"] is None and p["kappa_reason"].startswith("point code")
    assert p["icc_seconds"] is None
    assert "event agreement only" in rep["definitions"]["point_codes"]


def test_progress_and_cancel_callbacks() -> None:
    seen: list[float] = []
    compute_reliability(helper_codebook(), random_study(4, ["A", "B"]), ["A", "B"],
                        bootstrap=10, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 4
    calls = iter([False, True])
    with pytest.raises(ReliabilityCancelled):
        compute_reliability(helper_codebook(), random_study(4, ["A", "B"]), ["A", "B"],
                            bootstrap=10, cancelled=lambda: next(calls))


def test_resolution_and_alpha_resolution_are_reported() -> None:
    rep = compute_reliability(helper_codebook(), random_study(2, ["A", "B"]), ["A", "B"],
                              resolution_ms=250, bootstrap=0)
    assert rep["resolution_ms"] == 250 and rep["alpha_resolution_ms"] == 250
    assert find(rep, "manifest", "care")["table_unit"] == "slices"
    assert "250 ms" in rep["definitions"]["units"]
    rep2 = compute_reliability(helper_codebook(), random_study(2, ["A", "B"]), ["A", "B"],
                               bootstrap=0)
    assert rep2["alpha_resolution_ms"] == 1000 and "1000 ms" in rep2["definitions"]["alpha"]


def test_category_of_point_codes_only_has_events_but_no_duration_measures() -> None:
    cb = codebook(("marks", False, [("bell", "point"), ("knock", "point")]),
                  ("imp", False, ["r"]))
    sessions = [CodedSession("C01", 1, 10_000, {
        "A": [Span("bell", 1000, 1000), Span("knock", 5000, 5000), Span("r", 0, 100)],
        "B": [Span("bell", 1200, 1200), Span("bell", 5100, 5100), Span("r", 0, 100)]})]
    rep = compute_reliability(cb, sessions, ["A", "B"], bootstrap=0)
    marks = find(rep, "marks")
    assert marks["kappa"] is None and "only point codes" in marks["kappa_reason"]
    assert marks["alpha"] is None and marks["alpha_reason"]
    assert marks["events"]["matched"] == 1 and marks["events"]["linked_different_code"] == 1
    assert find(rep, "marks", "knock")["event_agreement"]["linked_to_other_code_A"] == 1
    json.dumps(rep, allow_nan=False)
