"""Pooled kappa of a non-exclusive category exactly as de Vries et al. (2008) define it, the
same construction for Fleiss' kappa and AC1, and invariance under unused codes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss_kappa
from test_reliability_support import codebook, exclusive_spans, find, free_spans

from annotator.core.codebook_yaml import parse_codebook
from annotator.core.reliability import compute_reliability
from annotator.core.segments import CodedSession, Span

ROOT = Path(__file__).resolve().parents[1]


def _pair_po_pe(t: np.ndarray) -> tuple[float, float]:
    n = t.sum()
    po = (t[0, 0] + t[1, 1]) / n
    pa, pb = t[0].sum() / n, t[:, 0].sum() / n
    return po, pa * pb + (1 - pa) * (1 - pb)


def test_issue_example_reverse_codes_give_minus_one_not_summed_table_value() -> None:
    # A codes responsive 0-50 s and confirming 50-100 s, B the reverse (shipped codebook)
    cb = parse_codebook((ROOT / "codebook" / "helper-maneuvers.yaml").read_text("utf-8"))
    a = [Span("responsive", 0, 50_000), Span("confirming", 50_000, 100_000)]
    b = [Span("confirming", 0, 50_000), Span("responsive", 50_000, 100_000)]
    rep = compute_reliability(cb, [CodedSession("C01", 1, 100_000, {"A": a, "B": b})],
                              ["A", "B"], bootstrap=0)
    assert find(rep, "implicit", "responsive")["kappa"] == pytest.approx(-1.0)
    assert find(rep, "implicit", "confirming")["kappa"] == pytest.approx(-1.0)
    cat = find(rep, "implicit")
    assert cat["kappa"] == pytest.approx(-1.0)  # the summed 2x2 tables would give -0.25
    assert cat["pooled_codes"] == ["responsive", "confirming"]
    assert cat["percent_agreement"] == pytest.approx(0.0)
    assert cat["pabak"] == pytest.approx(-1.0)
    # AC1 pooled the same way: p_o 0, p_e = 2 * .5 * .5 = .5 for both codes
    assert cat["ac1"] == pytest.approx(-1.0)


def test_pooled_kappa_is_de_vries_formula_over_the_codes_tables() -> None:
    cb = codebook(("imp", False, ["r", "c", "j"]))
    sessions = [CodedSession("C01", 1, 60_000, {
        "A": [Span("r", 0, 20_000), Span("c", 10_000, 40_000), Span("j", 50_000, 55_000)],
        "B": [Span("r", 5000, 25_000), Span("c", 30_000, 45_000)]})]
    rep = compute_reliability(cb, sessions, ["A", "B"], bootstrap=0)
    po, pe = zip(*(_pair_po_pe(np.array(c["table"])) for c in find(rep, "imp")["codes"]),
                 strict=True)
    expected = (np.mean(po) - np.mean(pe)) / (1 - np.mean(pe))
    assert find(rep, "imp")["kappa"] == pytest.approx(expected, abs=1e-12)
    summed = np.sum([np.array(c["table"]) for c in find(rep, "imp")["codes"]], axis=0)
    spo, spe = _pair_po_pe(summed)
    assert abs((spo - spe) / (1 - spe) - expected) > 0.01  # not the summed-table kappa


def _naive_fleiss_parts(spans: dict[str, list[Span]], code: str, seconds: int
                        ) -> tuple[float, float]:
    """P-bar and P_e of one code over whole seconds (spans lie on whole seconds)."""
    m = len(spans)
    rows = []
    for t in range(seconds):
        n1 = sum(any(s.code == code and s.start_ms <= t * 1000 < s.end_ms for s in sp)
                 for sp in spans.values())
        rows.append([n1, m - n1])
    counts = np.array(rows, dtype=float)
    p_bar = float(np.mean(np.sum(counts * (counts - 1), axis=1) / (m * (m - 1))))
    p = counts.sum(axis=0) / counts.sum()
    pe = float(np.sum(p * p))
    k = (p_bar - pe) / (1 - pe)
    assert k == pytest.approx(sm_fleiss_kappa(counts), abs=1e-9)
    return p_bar, pe


def test_pooled_fleiss_kappa_uses_the_same_construction() -> None:
    cb = codebook(("imp", False, ["r", "c", "unused"]))
    codings = {
        "A": [Span("r", 0, 20_000), Span("c", 10_000, 30_000)],
        "B": [Span("r", 3000, 20_000), Span("c", 25_000, 40_000)],
        "C": [Span("r", 0, 12_000), Span("c", 10_000, 31_000)],
    }
    rep = compute_reliability(cb, [CodedSession("C01", 1, 40_000, codings)], list(codings),
                              bootstrap=0)
    parts = [_naive_fleiss_parts(codings, c, 40) for c in ("r", "c")]  # 'unused' left out
    mp = np.mean([p for p, _ in parts])
    me = np.mean([e for _, e in parts])
    cat = find(rep, "imp")
    assert cat["kappa"] == pytest.approx((mp - me) / (1 - me), abs=1e-12)
    assert cat["percent_agreement"] == pytest.approx(mp, abs=1e-12)
    assert cat["pooled_codes"] == ["r", "c"]
    # Light's kappa: the mean of the three pairs' pooled Cohen's kappas
    pair_kappas = [find(p, "imp")["kappa"] for p in rep["pairs"]]
    assert cat["light_kappa"] == pytest.approx(np.mean(pair_kappas), abs=1e-12)


# -- adding a code nobody used changes no category measure ----------------------------------

K_DEPENDENT = {"pabak", "pabak_note", "ac1", "ac1_note", "ac1_ci"}  # exclusive: depend on K


def _category_measures(rep: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for section in [rep, *rep.get("pairs", [])]:
        for cat in section["categories"]:
            d = {k: v for k, v in cat.items()
                 if k not in ("codes", "confusion", "events", "pooled_codes")
                 and not (cat["exclusive"] and k in K_DEPENDENT)}
            ev = cat.get("events")
            if isinstance(ev, dict):
                d["event_kappas"] = (ev.get("kappa_with_unmatched"),
                                     ev.get("kappa_matched_only"))
            out.append(d)
    return out


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return bool(abs(a - b) <= 1e-9)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    return bool(a == b)


def _spans_strategy(n_coders: int) -> st.SearchStrategy[list[list[list[Span]]]]:
    one = st.tuples(free_spans(["r", "c"], 20_000, 5), exclusive_spans(["x", "y"], 20_000, 4)
                    ).map(lambda t: t[0] + t[1])
    return st.lists(st.lists(one, min_size=n_coders, max_size=n_coders), min_size=5,
                    max_size=6)


@pytest.mark.parametrize("n_coders", [2, 3])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_an_unused_code_changes_no_category_measure(n_coders: int, data: st.DataObject) -> None:
    raw = data.draw(_spans_strategy(n_coders))
    names = ["A", "B", "C"][:n_coders]
    sessions = [CodedSession("C01", n + 1, 20_000, dict(zip(names, codings, strict=True)))
                for n, codings in enumerate(raw)]
    if any(not any(s.codings[c] for s in sessions) for c in names):
        return  # a coder without segments is an input error
    small = codebook(("imp", False, ["r", "c"]), ("ex", True, ["x", "y"]))
    big = codebook(("imp", False, ["r", "c", "u1", "u2"]), ("ex", True, ["x", "y", "u3"]))
    one = compute_reliability(small, sessions, names, bootstrap=60, seed=3)
    two = compute_reliability(big, sessions, names, bootstrap=60, seed=3)
    for a, b in zip(_category_measures(one), _category_measures(two), strict=True):
        assert _close(a, b), (a, b)


def test_k_dependent_measures_say_so_beside_them() -> None:
    cb = codebook(("imp", False, ["r", "c"]), ("ex", True, ["x", "y"]))
    sessions = [CodedSession("C01", 1, 10_000, {"A": [Span("r", 0, 5000), Span("x", 0, 3000)],
                                                 "B": [Span("r", 0, 4000), Span("y", 0, 3000)]})]
    rep = compute_reliability(cb, sessions, ["A", "B"], bootstrap=0)
    ex = find(rep, "ex")
    assert "number of values K (here 3" in ex["pabak_note"]
    assert "number of values K" in ex["ac1_note"]
    assert "stacked over the 1 code(s) in use" in find(rep, "imp")["alpha_note"]  # c unused
    assert "pabak_note" not in find(rep, "imp")  # pooled PABAK: mean of the codes' 2x2 PABAK
