"""Exact-duration and sliced tables checked against sklearn, statsmodels and krippendorff.

Random segment sets come from hypothesis; the reference labels come from naive Python loops
over elementary intervals or slices (tests/test_reliability_support.py).
"""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss_kappa
from test_reliability_support import (
    EMPTY,
    codebook,
    elementary,
    exclusive_label,
    exclusive_spans,
    find,
    free_spans,
    has_code,
    midpoint,
    slices,
)

from annotator.core.reliability import compute_reliability
from annotator.core.segments import CodedSession, Span

T = 3000
NONEX = ["r", "c", "j"]
EXCL = ["x", "y"]
CB = codebook(("imp", False, NONEX), ("ex", True, EXCL))


def coder_spans() -> st.SearchStrategy[list[Span]]:
    return st.tuples(free_spans(NONEX, T), exclusive_spans(EXCL, T)).map(lambda p: p[0] + p[1])


def sessions_of(data: list[tuple[list[Span], ...]], names: list[str]) -> list[CodedSession]:
    return [CodedSession("C", n, T, dict(zip(names, spans, strict=True)))
            for n, spans in enumerate(data)]


def nonempty(sessions: list[CodedSession], names: list[str]) -> bool:
    return all(any(s.codings[c] for s in sessions) for c in names)


def close(ours: float | None, ref: float) -> None:
    if np.isnan(ref):
        assert ours is None
    else:
        assert ours is not None
        assert ours == pytest.approx(ref, abs=1e-9)


def de_vries(po: list[float], pe: list[float]) -> float:
    """(mean p_o - mean p_e) / (1 - mean p_e) over the codes given (the codes in use)."""
    if not po or all(e == 1.0 for e in pe):
        return np.nan
    mpo, mpe = float(np.mean(po)), float(np.mean(pe))
    return (mpo - mpe) / (1 - mpe)


def labelled_units(sessions: list[CodedSession], names: list[str], resolution: int | None):
    """(unit weight, sampling instant, session) for every unit, naive."""
    out = []
    for s in sessions:
        if resolution is None:
            units = elementary(T, *s.codings.values())
            out += [(b - a, a, s) for a, b in units]
        else:
            out += [(1, midpoint(a, b), s) for a, b in slices(T, resolution)]
    return out


two_coder_study = st.lists(st.tuples(coder_spans(), coder_spans()), min_size=1, max_size=3)


@settings(max_examples=50, deadline=None)
@given(two_coder_study, st.sampled_from([None, 100, 250, 700]))
def test_two_coder_kappas_match_sklearn(data: list, resolution: int | None) -> None:
    names = ["A", "B"]
    sessions = sessions_of(data, names)
    if not nonempty(sessions, names):
        return
    rep = compute_reliability(CB, sessions, names, resolution_ms=resolution, bootstrap=0)
    units = labelled_units(sessions, names, resolution)
    w = np.array([u[0] for u in units], dtype=float)
    po, pe = [], []
    for cid in NONEX:
        la = [has_code(s.codings["A"], cid, t) for _, t, s in units]
        lb = [has_code(s.codings["B"], cid, t) for _, t, s in units]
        if any(la) or any(lb):  # a code in use
            a, b = np.array(la), np.array(lb)
            pa, pb = float(w[a].sum() / w.sum()), float(w[b].sum() / w.sum())
            po.append(float(w[a == b].sum() / w.sum()))
            pe.append(pa * pb + (1 - pa) * (1 - pb))
        ref = cohen_kappa_score(la, lb, sample_weight=w) if len(set(la + lb)) > 1 else np.nan
        close(find(rep, "imp", cid)["kappa"], ref)
        agree = float(np.sum(w[np.array(la) == np.array(lb)]) / w.sum())
        assert find(rep, "imp", cid)["percent_agreement"] == pytest.approx(agree, abs=1e-12)
    close(find(rep, "imp")["kappa"], de_vries(po, pe))  # de Vries et al. pooled kappa
    la = [exclusive_label(s.codings["A"], EXCL, t) for _, t, s in units]
    lb = [exclusive_label(s.codings["B"], EXCL, t) for _, t, s in units]
    ref = cohen_kappa_score(la, lb, sample_weight=w) if len(set(la + lb)) > 1 else np.nan
    ex = find(rep, "ex")
    close(ex["kappa"], ref)
    scale = 1000.0 if resolution is None else 1.0
    labels = ex["confusion"]["labels"]
    assert labels == [*EXCL, EMPTY]
    conf = np.zeros((3, 3))
    for x, y, ww in zip(la, lb, w, strict=True):
        conf[labels.index(x), labels.index(y)] += ww / scale
    assert np.allclose(ex["confusion"]["matrix"], conf, atol=1e-9)


@settings(max_examples=30, deadline=None)
@given(two_coder_study, st.sampled_from([None, 200, 1000]))
def test_alpha_on_slices_matches_krippendorff(data: list, resolution: int | None) -> None:
    names = ["A", "B"]
    sessions = sessions_of(data, names)
    if not nonempty(sessions, names):
        return
    rep = compute_reliability(CB, sessions, names, resolution_ms=resolution,
                              alpha_resolution_ms=None if resolution else 300, bootstrap=0)
    res = resolution or 300
    inst = [(midpoint(a, b), s) for s in sessions for a, b in slices(T, res)]
    codes = {c: i for i, c in enumerate([*EXCL, EMPTY])}
    data_ex = np.array([[codes[exclusive_label(s.codings[c], EXCL, t)] for t, s in inst]
                        for c in names], dtype=float)
    used = [cid for cid in NONEX if any(has_code(s.codings[c], cid, t) for c in names
                                        for t, s in inst)]  # stacked over the codes in use
    data_nonex = np.array([[float(has_code(s.codings[c], cid, t)) for cid in used
                            for t, s in inst] for c in names]).reshape(len(names), -1)
    for cat, d in (("ex", data_ex), ("imp", data_nonex)):
        ref = (krippendorff.alpha(reliability_data=d, level_of_measurement="nominal")
               if np.unique(d).size > 1 else np.nan)
        close(find(rep, cat)["alpha"], ref)


three_coder_study = st.lists(st.tuples(coder_spans(), coder_spans(), coder_spans()),
                             min_size=1, max_size=2)


@settings(max_examples=30, deadline=None)
@given(three_coder_study, st.sampled_from([None, 250]))
def test_three_coders_fleiss_matches_statsmodels(data: list, resolution: int | None) -> None:
    names = ["A", "B", "C"]
    sessions = sessions_of(data, names)
    if not nonempty(sessions, names):
        return
    rep = compute_reliability(CB, sessions, names, resolution_ms=resolution, bootstrap=0,
                              alpha_resolution_ms=resolution or 200)
    assert rep["kappa_type"] == "fleiss"
    inst = [(midpoint(a, b), s) for s in sessions for a, b in slices(T, resolution or 200)]
    lab = {c: i for i, c in enumerate([*EXCL, EMPTY])}
    data_ex = np.array([[lab[exclusive_label(s.codings[c], EXCL, t)] for t, s in inst]
                        for c in names], dtype=float)
    ref = (krippendorff.alpha(reliability_data=data_ex, level_of_measurement="nominal")
           if np.unique(data_ex).size > 1 else np.nan)
    close(find(rep, "ex")["alpha"], ref)
    used = [cid for cid in NONEX if any(has_code(s.codings[c], cid, t) for c in names
                                        for t, s in inst)]
    data_nonex = np.array([[float(has_code(s.codings[c], cid, t)) for cid in used
                            for t, s in inst] for c in names]).reshape(len(names), -1)
    ref = (krippendorff.alpha(reliability_data=data_nonex, level_of_measurement="nominal")
           if data_nonex.size and np.unique(data_nonex).size > 1 else np.nan)
    close(find(rep, "imp")["alpha"], ref)
    units = labelled_units(sessions, names, resolution)
    reps = [u[0] for u in units]  # integer ms weights: repeat rows to weight them exactly
    p_bar, p_e = [], []
    for cid in NONEX:
        n1 = np.array([sum(has_code(s.codings[c], cid, t) for c in names) for _, t, s in units])
        counts = np.repeat(np.column_stack([n1, 3 - n1]), reps, axis=0)
        ref = (sm_fleiss_kappa(counts) if np.count_nonzero(counts.sum(axis=0)) > 1
               else np.nan)
        close(find(rep, "imp", cid)["kappa"], ref)
        if counts[:, 0].any():  # a code in use: its P-bar and P_e enter the means
            p_bar.append(float(np.mean(np.sum(counts * (counts - 1), axis=1) / 6)))
            share = counts.sum(axis=0) / counts.sum()
            p_e.append(float(np.sum(share * share)))
    close(find(rep, "imp")["kappa"], de_vries(p_bar, p_e))  # pooled the same way
    labels = [*EXCL, EMPTY]
    counts = np.zeros((len(units), 3))
    for u, (_, t, s) in enumerate(units):
        for c in names:
            counts[u, labels.index(exclusive_label(s.codings[c], EXCL, t))] += 1
    counts = np.repeat(counts, reps, axis=0)
    ref = sm_fleiss_kappa(counts) if np.count_nonzero(counts.sum(axis=0)) > 1 else np.nan
    close(find(rep, "ex")["kappa"], ref)
    pairs = {tuple(p["coders"]) for p in rep["pairs"]}
    assert pairs == {("A", "B"), ("A", "C"), ("B", "C")}


@settings(max_examples=40, deadline=None)
@given(two_coder_study)
def test_kappa_symmetric_in_coders(data: list) -> None:
    sessions = sessions_of(data, ["A", "B"])
    if not nonempty(sessions, ["A", "B"]):
        return
    ab = compute_reliability(CB, sessions, ["A", "B"], bootstrap=0)
    ba = compute_reliability(CB, sessions, ["B", "A"], bootstrap=0)
    for cat_ab, cat_ba in zip(ab["categories"], ba["categories"], strict=True):
        for key in ("kappa", "alpha", "percent_agreement"):
            close(cat_ab[key], np.nan if cat_ba[key] is None else cat_ba[key])
        for c_ab, c_ba in zip(cat_ab["codes"], cat_ba["codes"], strict=True):
            for key in ("kappa", "pabak", "kappa_max", "prevalence_index", "bias_index",
                        "alpha"):
                close(c_ab[key], np.nan if c_ba[key] is None else c_ba[key])
            ea, eb = c_ab["event_agreement"], c_ba["event_agreement"]
            assert (ea["matched"], ea["unmatched_A"], ea["unmatched_B"]) == (
                eb["matched"], eb["unmatched_B"], eb["unmatched_A"])


@settings(max_examples=40, deadline=None)
@given(st.lists(coder_spans(), min_size=1, max_size=3), st.sampled_from([None, 300]))
def test_identical_codings_have_kappa_one_where_defined(data: list, res: int | None) -> None:
    sessions = [CodedSession("C", n, T, {"A": spans, "B": list(spans)})
                for n, spans in enumerate(data)]
    if not any(s.codings["A"] for s in sessions):
        return
    rep = compute_reliability(CB, sessions, ["A", "B"], resolution_ms=res, bootstrap=0)
    for cat in rep["categories"]:
        for d in [cat, *cat["codes"]]:
            if d["kappa"] is None:
                assert d["kappa_reason"]
            else:
                assert d["kappa"] == pytest.approx(1.0)
                assert d["percent_agreement"] == pytest.approx(1.0)
            if d["alpha"] is not None:
                assert d["alpha"] == pytest.approx(1.0)
        for c in cat["codes"]:
            ev = c["event_agreement"]
            assert ev["unmatched_A"] == ev["unmatched_B"] == 0


def test_exact_durations_are_not_rounded_to_slices() -> None:
    # A codes r on [0, 1001), B on [0, 1000): one ms of disagreement
    sessions = [CodedSession("C", 1, 2000, {"A": [Span("r", 0, 1001)],
                                             "B": [Span("r", 0, 1000)]})]
    rep = compute_reliability(CB, sessions, ["A", "B"], bootstrap=0)
    r = find(rep, "imp", "r")
    assert r["table"] == [[1.0, 0.001], [0.0, 0.999]]
    assert r["table_unit"] == "s"
    assert r["seconds"] == {"A": 1.001, "B": 1.0}
    # at 500 ms slices the midpoints (250, 750, 1250, 1750) cannot see the difference
    sliced = find(compute_reliability(CB, sessions, ["A", "B"], resolution_ms=500,
                                      bootstrap=0), "imp", "r")
    assert sliced["table"] == [[2.0, 0.0], [0.0, 2.0]] and sliced["table_unit"] == "slices"
    assert sliced["kappa"] == pytest.approx(1.0)


def test_last_partial_slice_uses_its_own_midpoint() -> None:
    # duration 2300 at 1000 ms: slices [0,1000) [1000,2000) [2000,2300), midpoints 500 1500 2150
    sessions = [CodedSession("C", 1, 2300, {"A": [Span("r", 2100, 2300)],
                                             "B": [Span("r", 2200, 2300)]})]
    rep = compute_reliability(CB, sessions, ["A", "B"], resolution_ms=1000, bootstrap=0)
    assert find(rep, "imp", "r")["table"] == [[0.0, 1.0], [0.0, 2.0]]
    assert "midpoint" in rep["definitions"]["units"]


def test_overlapping_segments_of_one_code_count_once_in_durations() -> None:
    sessions = [CodedSession("C", 1, 5000, {"A": [Span("r", 0, 2000), Span("r", 1000, 3000)],
                                             "B": [Span("r", 0, 3000)]})]
    r = find(compute_reliability(CB, sessions, ["A", "B"], bootstrap=0), "imp", "r")
    assert r["seconds"] == {"A": 3.0, "B": 3.0}
    assert r["events"] == {"A": 2, "B": 1}
    assert r["kappa"] == pytest.approx(1.0)
