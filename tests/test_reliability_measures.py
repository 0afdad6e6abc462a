"""Reliability measures on plain tables: published worked examples and reference packages."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import cohens_kappa as sm_cohens_kappa
from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss_kappa

from annotator.core.reliability import (
    alpha_band,
    bias_index,
    cohen_kappa,
    fleiss_kappa,
    icc_2_1,
    icc_band,
    kappa_band,
    kappa_max,
    krippendorff_alpha_nominal,
    pabak,
    percent_agreement,
    prevalence_index,
)
from annotator.core.reliability.alpha import coincidence_from_counts
from annotator.core.reliability.kappa import kappa_array

NAN = np.nan

# -- published worked examples ------------------------------------------------------------


def test_cohen_kappa_textbook_example() -> None:
    assert cohen_kappa([[20, 5], [10, 15]]).value == pytest.approx(0.40, abs=1e-12)


def test_fleiss_kappa_wikipedia_example() -> None:
    counts = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0],
              [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2],
              [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    value = fleiss_kappa(counts).value
    assert value is not None
    assert round(value, 4) == 0.2099


def test_krippendorff_2011_nominal_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", 4 coders x 12 units
    data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
            [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN]]
    value = krippendorff_alpha_nominal(data).value
    assert value is not None
    assert round(value, 3) == 0.743


def test_shrout_fleiss_1979_icc_2_1() -> None:
    table = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
    value = icc_2_1(table).value
    assert value is not None
    assert round(value, 2) == 0.29


def test_kappa_companions_on_textbook_table() -> None:
    t = [[20, 5], [10, 15]]
    assert percent_agreement(t).value == pytest.approx(0.7)
    assert pabak(t).value == pytest.approx(0.4)  # 2 * 0.7 - 1
    # margins: A (25, 25), B (30, 20): p_max = 45/50, p_e = 0.5
    assert kappa_max(t).value == pytest.approx(0.8)
    assert prevalence_index(t).value == pytest.approx(0.1)  # |20 - 15| / 50
    assert bias_index(t).value == pytest.approx(0.1)  # |5 - 10| / 50


# -- against reference packages ----------------------------------------------------------

label_pairs = st.integers(2, 5).flatmap(
    lambda k: st.lists(st.tuples(st.integers(0, k - 1), st.integers(0, k - 1),
                                 st.integers(1, 500)), min_size=2, max_size=40)
)


@settings(max_examples=50, deadline=None)
@given(label_pairs)
def test_cohen_kappa_matches_sklearn_and_statsmodels(rows: list[tuple[int, int, int]]) -> None:
    a = np.array([r[0] for r in rows])
    b = np.array([r[1] for r in rows])
    w = np.array([r[2] for r in rows], dtype=float)
    k = int(max(a.max(), b.max())) + 1
    table = np.zeros((k, k))
    np.add.at(table, (a, b), w)
    ours = cohen_kappa(table)
    if ours.value is None:
        assert ours.reason
        assert len(set(a.tolist()) | set(b.tolist())) == 1
        return
    assert ours.value == pytest.approx(cohen_kappa_score(a, b, sample_weight=w), abs=1e-9)
    assert ours.value == pytest.approx(sm_cohens_kappa(table, return_results=False), abs=1e-9)


@settings(max_examples=50, deadline=None)
@given(st.integers(2, 6), st.integers(2, 4),
       st.lists(st.lists(st.integers(0, 3), min_size=6, max_size=6), min_size=2, max_size=30))
def test_fleiss_kappa_matches_statsmodels(m: int, k: int, raw: list[list[int]]) -> None:
    # each unit: m raters spread over k values
    counts = np.zeros((len(raw), k))
    for u, row in enumerate(raw):
        for r in range(m):
            counts[u, row[r % len(row)] % k] += 1
    ours = fleiss_kappa(counts)
    if ours.value is None:
        assert np.count_nonzero(counts.sum(axis=0)) == 1
        return
    assert ours.value == pytest.approx(sm_fleiss_kappa(counts, method="fleiss"), abs=1e-9)


@settings(max_examples=50, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(2, 5), st.integers(2, 25)),
              elements=st.sampled_from([1.0, 2.0, 3.0, 7.0, NAN])))
def test_krippendorff_alpha_matches_package(data: np.ndarray) -> None:
    ours = krippendorff_alpha_nominal(data)
    pairable = (np.sum(~np.isnan(data), axis=0) >= 2)
    values = np.unique(data[:, pairable][~np.isnan(data[:, pairable])])
    if ours.value is None:
        assert ours.reason
        assert values.size <= 1
        return
    ref = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert ours.value == pytest.approx(ref, abs=1e-9)


# -- undefined cases ------------------------------------------------------------------------


def test_kappa_undefined_when_one_value_throughout() -> None:
    m = cohen_kappa([[0, 0], [0, 120]])  # neither coder used the code
    assert m.value is None and "expected agreement is 1" in (m.reason or "")
    assert kappa_max([[0, 0], [0, 120]]).value is None
    assert cohen_kappa([[0, 0], [0, 0]]).value is None
    assert percent_agreement([[0, 0], [0, 0]]).value is None


def test_kappa_stack_kernel_gives_nan_only_internally() -> None:
    out = kappa_array(np.array([[[20, 5], [10, 15]], [[0, 0], [0, 9]], [[0, 0], [0, 0]]]))
    assert out[0] == pytest.approx(0.4)
    assert np.isnan(out[1]) and np.isnan(out[2])


def test_alpha_fleiss_icc_undefined_cases() -> None:
    assert krippendorff_alpha_nominal([[1, 1, 1], [1, 1, 1]]).value is None
    assert krippendorff_alpha_nominal([[1, NAN], [NAN, 2]]).value is None
    assert fleiss_kappa([[3, 0], [3, 0]]).value is None
    icc = icc_2_1([[4, 4], [4, 4], [4, 4]])
    assert icc.value is None and icc.reason
    assert icc_2_1([[1, 2]]).value is None


def test_icc_properties() -> None:
    rng = np.random.default_rng(3)
    truth = rng.normal(50, 10, size=12)
    same = np.column_stack([truth, truth, truth])
    assert icc_2_1(same).value == pytest.approx(1.0)
    noisy = same + rng.normal(0, 2, size=same.shape)
    shifted = noisy + np.array([0.0, 0.0, 15.0])  # one rater systematically higher
    v_noisy, v_shift = icc_2_1(noisy).value, icc_2_1(shifted).value
    assert v_noisy is not None and v_shift is not None
    assert v_shift < v_noisy < 1.0  # absolute agreement penalises rater bias


def test_coincidence_matrix_of_two_coders_is_symmetrised_table() -> None:
    counts = np.array([[2, 0], [1, 1], [0, 2], [1, 1]], dtype=float)
    o = coincidence_from_counts(counts)
    assert o.tolist() == [[2.0, 2.0], [2.0, 2.0]]


# -- bands -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "band"), [(-0.1, "poor"), (0.0, "slight"), (0.2, "slight"),
                                             (0.21, "fair"), (0.5, "moderate"),
                                             (0.75, "substantial"), (0.81, "almost perfect"),
                                             (None, None)])
def test_kappa_bands(value: float | None, band: str | None) -> None:
    assert kappa_band(value) == band


def test_alpha_and_icc_bands() -> None:
    assert [alpha_band(v) for v in (0.5, 0.667, 0.79, 0.8)] == [
        "unreliable", "tentative", "tentative", "reliable"]
    assert [icc_band(v) for v in (0.3, 0.5, 0.8, 0.95)] == ["poor", "moderate", "good",
                                                             "excellent"]
