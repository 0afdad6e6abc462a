"""New measures against independent references (irrCAC fixture, pingouin, scikit-learn) to
1e-9, and a hand-computed toy example for each."""

from __future__ import annotations

import json
import math
import warnings
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pingouin
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import f as scipy_f
from sklearn.metrics import cohen_kappa_score
from test_reliability_support import codebook, find

from annotator.core.reliability import compute_reliability, icc_2_1
from annotator.core.reliability.fdist import f_ppf
from annotator.core.reliability.fleiss import fleiss_from_stats, fleiss_stats, multi_ac1_from_stats
from annotator.core.reliability.icc import icc_2_1_ci
from annotator.core.reliability.kappa import gwet_ac1, negative_agreement, positive_agreement
from annotator.core.segments import CodedSession, Span

FIXTURE = json.loads((Path(__file__).parent / "data" / "irrcac_ac1.json").read_text("utf-8"))
DATASETS = {d["name"]: d for d in FIXTURE["datasets"]}


def _counts(d: dict[str, Any]) -> np.ndarray:
    cats = d["categories"]
    counts = np.zeros((len(d["ratings"]), len(cats)))
    for u, row in enumerate(d["ratings"]):
        for v in row:
            counts[u, cats.index(v)] += 1
    return counts


# -- Gwet's AC1 vs irrCAC 0.4.4 (committed fixture) ----------------------------------------

@pytest.mark.parametrize("name", sorted(DATASETS))
def test_ac1_matches_irrcac(name: str) -> None:
    d = DATASETS[name]
    counts = _counts(d)
    m = len(d["ratings"][0])
    w, s1, s2 = fleiss_stats(counts, np.ones(counts.shape[0]))
    assert float(multi_ac1_from_stats(np.array(w), s1, np.array(s2), m)) == pytest.approx(
        d["ac1"], abs=1e-9)
    kappa, _ = fleiss_from_stats(np.array(w), s1, np.array(s2), m)
    assert float(kappa) == pytest.approx(d["fleiss_kappa"], abs=1e-9)
    if m == 2:
        cats = d["categories"]
        table = np.zeros((len(cats), len(cats)))
        for a, b in d["ratings"]:
            table[cats.index(a), cats.index(b)] += 1
        assert gwet_ac1(table).value == pytest.approx(d["ac1"], abs=1e-9)


def test_engine_ac1_of_a_code_matches_irrcac() -> None:
    # the binary data set as one-second units of one code: 1 = coded
    d = DATASETS["binary_2_raters_skewed"]
    spans: dict[str, list[Span]] = {"A": [], "B": []}
    for t, row in enumerate(d["ratings"]):
        for coder, v in zip(("A", "B"), row, strict=True):
            if v == 1:
                spans[coder].append(Span("x", t * 1000, (t + 1) * 1000))
    n = len(d["ratings"])
    rep = compute_reliability(codebook(("c", False, ["x"])),
                              [CodedSession("C01", 1, n * 1000, spans)], ["A", "B"], bootstrap=0)
    assert find(rep, "c", "x")["ac1"] == pytest.approx(d["ac1"], abs=1e-9)
    assert find(rep, "c")["ac1"] == pytest.approx(d["ac1"], abs=1e-9)  # one code pooled


def test_engine_multi_rater_ac1_matches_irrcac() -> None:
    d = DATASETS["binary_4_raters"]
    names = ["A", "B", "C", "D"]
    spans: dict[str, list[Span]] = {c: [] for c in names}
    for t, row in enumerate(d["ratings"]):
        for coder, v in zip(names, row, strict=True):
            if v == 1:
                spans[coder].append(Span("x", t * 1000, (t + 1) * 1000))
    n = len(d["ratings"])
    rep = compute_reliability(codebook(("c", False, ["x"])),
                              [CodedSession("C01", 1, n * 1000, spans)], names, bootstrap=0)
    assert find(rep, "c", "x")["ac1"] == pytest.approx(d["ac1"], abs=1e-9)
    assert find(rep, "c", "x")["kappa"] == pytest.approx(d["fleiss_kappa"], abs=1e-9)


# -- toy examples, by hand ------------------------------------------------------------------

def test_ac1_and_specific_agreement_toy() -> None:
    t = [[20, 5], [10, 15]]  # p_o = .7; pi = (25 + 30) / 100 = .55; p_e = 2 * .55 * .45
    pe = 2 * 0.55 * 0.45
    assert gwet_ac1(t).value == pytest.approx((0.7 - pe) / (1 - pe), abs=1e-12)
    assert positive_agreement(t).value == pytest.approx(40 / 55, abs=1e-12)  # 2a/(2a+b+c)
    assert negative_agreement(t).value == pytest.approx(30 / 45, abs=1e-12)  # 2d/(2d+b+c)
    assert positive_agreement([[0, 0], [0, 9]]).value is None
    assert negative_agreement([[9, 0], [0, 0]]).value is None


def test_multi_rater_ac1_toy() -> None:
    # units (a, a, a) and (a, a, b): P-bar = (1 + 1/3) / 2 = 2/3; pi_a = 5/6;
    # p_e = 2 * 5/6 * 1/6 / (2 - 1) = 5/18; AC1 = (2/3 - 5/18) / (1 - 5/18) = 7/13
    counts = np.array([[3.0, 0.0], [2.0, 1.0]])
    w, s1, s2 = fleiss_stats(counts, np.ones(2))
    assert float(multi_ac1_from_stats(np.array(w), s1, np.array(s2), 3)) == pytest.approx(
        7 / 13, abs=1e-12)


def test_light_kappa_toy_and_per_code_measures_in_the_engine() -> None:
    # ten 1-second units; three coders mark 'x' in these seconds
    marks = {"A": {0, 1, 2, 3}, "B": {0, 1, 2, 4}, "C": {0, 1, 5, 6}}
    spans = {c: [Span("x", t * 1000, (t + 1) * 1000) for t in sorted(s)]
             for c, s in marks.items()}
    rep = compute_reliability(codebook(("c", False, ["x"])),
                              [CodedSession("C01", 1, 10_000, spans)], list(marks), bootstrap=0)
    vec = {c: [int(t in s) for t in range(10)] for c, s in marks.items()}
    pair_kappas = [cohen_kappa_score(vec[a], vec[b]) for a, b in combinations(marks, 2)]
    # by hand: A-B [[3,1],[1,5]] kappa 7/12; A-C and B-C [[2,2],[2,4]] kappa 1/6
    assert pair_kappas == pytest.approx([7 / 12, 1 / 6, 1 / 6], abs=1e-12)
    x = find(rep, "c", "x")
    assert x["light_kappa"] == pytest.approx((7 / 12 + 1 / 6 + 1 / 6) / 3, abs=1e-12)
    pair = find(rep["pairs"][0], "c", "x")  # A and B
    assert pair["positive_agreement"] == pytest.approx(6 / 8, abs=1e-12)
    assert pair["negative_agreement"] == pytest.approx(10 / 12, abs=1e-12)
    assert x["positive_agreement"] is None and x["positive_agreement_reason"]


def test_f_quantile_closed_forms() -> None:
    # F(2, d2): P(X <= x) = 1 - (1 + 2x / d2)^(-d2 / 2), so x = d2/2 ((1 - p)^(-2/d2) - 1)
    for d2 in (2.0, 3.5, 40.0):
        for p in (0.5, 0.975):
            assert f_ppf(p, 2.0, d2) == pytest.approx(d2 / 2 * ((1 - p) ** (-2 / d2) - 1),
                                                      rel=1e-12)
    assert f_ppf(0.975, 2.0, 2.0) == pytest.approx(39.0, rel=1e-12)


# -- ICC(2,1) and its McGraw & Wong interval vs pingouin -------------------------------------

def _pingouin_icc2(x: np.ndarray) -> tuple[float, list[float]]:
    n, k = x.shape
    frame = pd.DataFrame([(i, j, x[i, j]) for i in range(n) for j in range(k)],
                         columns=["s", "r", "v"])
    old = pingouin.options.get("round.column.CI95")
    pingouin.options["round.column.CI95"] = None
    try:
        with warnings.catch_warnings():  # pingouin uses pandas APIs deprecated in pandas 3
            warnings.simplefilter("ignore")
            res = pingouin.intraclass_corr(frame, targets="s", raters="r", ratings="v")
    finally:
        pingouin.options["round.column.CI95"] = old
    row = res.set_index("Type").loc["ICC(A,1)"]
    return float(row["ICC"]), [float(v) for v in row["CI95"]]


def test_icc_ci_on_shrout_fleiss_data_matches_pingouin() -> None:
    x = np.array([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9],
                  [6, 2, 4, 7]], dtype=float)
    ref, ref_ci = _pingouin_icc2(x)
    assert icc_2_1(x).value == pytest.approx(ref, abs=1e-9)
    ci, reason = icc_2_1_ci(x)
    assert reason is None and ci == pytest.approx(ref_ci, abs=1e-9)
    assert ci == pytest.approx([0.019, 0.761], abs=5e-4)  # pingouin's printed [0.02, 0.76]


@settings(max_examples=40, deadline=None)
@given(st.integers(5, 20), st.integers(2, 4), st.integers(0, 10_000))
def test_icc_and_ci_match_pingouin(n: int, k: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    truth = rng.normal(60, 20, size=(n, 1))
    x = np.round(truth + rng.normal(0, 8, size=(n, k)) + rng.normal(0, 4, size=(1, k)), 1)
    ref, ref_ci = _pingouin_icc2(x)
    assert icc_2_1(x).value == pytest.approx(ref, abs=1e-9)
    ci, _ = icc_2_1_ci(x)
    assert ci is not None and ci == pytest.approx(ref_ci, abs=1e-9)


def test_f_quantile_matches_scipy() -> None:
    rng = np.random.default_rng(5)
    for _ in range(200):
        d1, d2 = float(rng.uniform(0.7, 200)), float(rng.uniform(0.7, 200))
        for p in (0.025, 0.5, 0.975):
            assert f_ppf(p, d1, d2) == pytest.approx(scipy_f.ppf(p, d1, d2), rel=1e-9)


def test_engine_reports_the_icc_interval_from_five_sessions() -> None:
    sessions = []
    for n in range(5):
        a = [Span("x", 0, 1000 * (n + 2))]
        b = [Span("x", 0, 1000 * (n + 2) + 300 * (n % 3))]
        sessions.append(CodedSession("C01", n + 1, 20_000, {"A": a, "B": b}))
    rep = compute_reliability(codebook(("c", False, ["x"])), sessions, ["A", "B"], bootstrap=0)
    x = find(rep, "c", "x")
    secs = np.array([[n + 2, n + 2 + 0.3 * (n % 3)] for n in range(5)])
    ref, ref_ci = _pingouin_icc2(secs)
    assert x["icc_seconds"] == pytest.approx(ref, abs=1e-9)
    assert x["icc_seconds_ci"] == pytest.approx(ref_ci, abs=1e-9)
    assert x["icc_counts"] is None and x["icc_counts_ci"] is None  # one segment each: equal
    assert math.isfinite(x["icc_seconds_ci"][0])
