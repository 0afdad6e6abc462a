"""Event linking (Holle & Rein 2015: 60% of the longer segment; point codes within tolerance)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_reliability_support import codebook, find

from annotator.core.reliability import cohen_kappa, compute_reliability
from annotator.core.reliability.events import Events, _greedy, event_confusion, link
from annotator.core.segments import CodedSession, Span

CB = codebook(("imp", False, ["r", "c"]), ("ex", True, ["x", "y", ("p", "point"),
                                                         ("q", "point")]))


def events(*segs: tuple[int, int, int], point: bool = False) -> Events:
    return Events(np.array([s[0] for s in segs], dtype=np.int64),
                  np.array([s[1] for s in segs], dtype=np.int64),
                  np.array([s[2] for s in segs], dtype=np.int64),
                  np.array([point or s[1] == s[2] for s in segs], dtype=bool))


def linked(a: Events, b: Events, tol: int = 1000) -> list[tuple[int, int]]:
    ia, ib = link(a, b, tol)
    return list(zip(ia.tolist(), ib.tolist(), strict=True))


@pytest.mark.parametrize(("b", "expected"), [
    ((0, 400, 1400), True),    # overlap 600 = 60% of 1000
    ((0, 401, 1401), False),   # overlap 599
    ((0, 0, 600), True),       # shorter B: 600 of the longer (A, 1000)
    ((0, 0, 599), False),
    ((0, -200, 1500), False),  # B longer (1700): 1000 < 0.6 * 1700
    ((0, -100, 1500), True),   # 1000 >= 0.6 * 1600
])
def test_sixty_percent_of_longer_segment(b: tuple[int, int, int], expected: bool) -> None:
    a = events((0, 0, 1000))
    bb = events((b[0], max(b[1], 0), b[2]))
    if b[1] < 0:  # shift both to keep times non-negative
        a = events((0, -b[1], 1000 - b[1]))
        bb = events((0, 0, b[2] - b[1]))
    assert bool(linked(a, bb)) is expected


@pytest.mark.parametrize(("tb", "tol", "expected"), [
    (6000, 1000, True), (6001, 1000, False), (4000, 1000, True), (5000, 0, True),
    (5001, 0, False),
])
def test_point_codes_link_within_tolerance(tb: int, tol: int, expected: bool) -> None:
    a = events((0, 5000, 5000), point=True)
    b = events((0, tb, tb), point=True)
    assert bool(linked(a, b, tol)) is expected


def test_state_never_links_with_point() -> None:
    a = events((0, 1000, 1000), point=True)
    b = events((0, 0, 2000))
    assert linked(a, b) == []


def test_links_are_one_to_one_and_prefer_same_code() -> None:
    # A codes r and c over the same stretch (non-exclusive); B only c
    a = events((0, 0, 1000), (1, 0, 1000))
    b = events((1, 0, 1000))
    assert linked(a, b) == [(1, 0)]
    conf = event_confusion(a, b, 2, 1000)
    assert conf.tolist() == [[0, 0, 1], [0, 1, 0], [0, 0, 0]]


def test_points_link_to_nearest_first() -> None:
    a = events((0, 1000, 1000), (0, 1900, 1900), point=True)
    b = events((0, 1800, 1800), point=True)
    assert linked(a, b) == [(1, 0)]


seg = st.tuples(st.integers(0, 1), st.integers(0, 5000), st.integers(1, 3000))


@settings(max_examples=50, deadline=None)
@given(st.lists(seg, max_size=12), st.lists(seg, max_size=12), st.integers(0, 800))
def test_linking_is_valid_one_to_one_and_maximal(
    sa: list[tuple[int, int, int]], sb: list[tuple[int, int, int]], tol: int
) -> None:
    def build(raw: list[tuple[int, int, int]]) -> Events:
        # odd lengths become points, to mix kinds
        return events(*[(c, s, s if n % 5 == 0 else s + n) for c, s, n in raw])
    a, b = build(sa), build(sb)

    def linkable(i: int, j: int) -> bool:
        if a.point[i] != b.point[j]:
            return False
        if a.point[i]:
            return abs(int(a.start[i]) - int(b.start[j])) <= tol
        ov = min(a.end[i], b.end[j]) - max(a.start[i], b.start[j])
        longer = max(a.end[i] - a.start[i], b.end[j] - b.start[j])
        return bool(ov > 0 and ov >= 0.6 * longer)

    pairs = linked(a, b, tol)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(linkable(i, j) for i, j in pairs)
    free_a = set(range(len(a))) - {i for i, _ in pairs}
    free_b = set(range(len(b))) - {j for _, j in pairs}
    assert not any(linkable(i, j) for i in free_a for j in free_b)
    conf = event_confusion(a, b, 2, tol)
    assert conf[:2].sum() == len(a) and conf[:, :2].sum() == len(b) and conf[2, 2] == 0


def test_report_event_agreement_counts_and_kappas() -> None:
    a = [Span("x", 0, 1000), Span("y", 2000, 3000), Span("x", 5000, 6000), Span("p", 8000, 8000),
         Span("r", 0, 1000)]
    b = [Span("x", 100, 1000), Span("x", 2000, 3000), Span("y", 9000, 9500),
         Span("p", 8900, 8900), Span("r", 500, 1000)]
    rep = compute_reliability(CB, [CodedSession("C", 1, 10000, {"A": a, "B": b})], ["A", "B"],
                              bootstrap=0)
    ex = find(rep, "ex")["events"]
    # links: x-x (900/1000), y-x (different code), p-p (900 ms apart)
    assert ex["matched"] == 2 and ex["linked_different_code"] == 1
    assert ex["unmatched_A"] == 1 and ex["unmatched_B"] == 1
    conf = np.array(ex["confusion"]["matrix"])
    assert ex["confusion"]["labels"] == ["x", "y", "p", "q", "∅"]
    assert conf.tolist() == [[1, 0, 0, 0, 1], [1, 0, 0, 0, 0], [0, 0, 1, 0, 0],
                             [0, 0, 0, 0, 0], [0, 1, 0, 0, 0]]
    assert ex["kappa_with_unmatched"] == pytest.approx(cohen_kappa(conf).value)
    assert ex["kappa_matched_only"] == pytest.approx(cohen_kappa(conf[:4, :4]).value)
    x = find(rep, "ex", "x")["event_agreement"]
    assert (x["matched"], x["unmatched_A"], x["unmatched_B"]) == (1, 1, 0)
    assert x["linked_to_other_code_B"] == 1
    collapsed = [[1, 1], [1, 2]]  # x vs. not-x over the same 5 events
    assert x["kappa_with_unmatched"] == pytest.approx(cohen_kappa(collapsed).value)
    p = find(rep, "ex", "p")
    assert p["kappa"] is None and "point code" in p["kappa_reason"]
    assert p["event_agreement"]["matched"] == 1
    assert p["events"] == {"A": 1, "B": 1}
    # with no tolerance the points no longer link
    rep0 = compute_reliability(CB, [CodedSession("C", 1, 10000, {"A": a, "B": b})], ["A", "B"],
                               bootstrap=0, tolerance_ms=0)
    assert find(rep0, "ex", "p")["event_agreement"]["matched"] == 0
    # r: B's [500, 1000) is 50% of A's [0, 1000): no link
    r = find(rep, "imp", "r")["event_agreement"]
    assert (r["matched"], r["unmatched_A"], r["unmatched_B"]) == (0, 1, 1)


def test_single_code_category_event_kappa_is_null_with_reason() -> None:
    cb = codebook(("solo", False, ["s"]))
    sess = [CodedSession("C", 1, 5000, {"A": [Span("s", 0, 1000)], "B": [Span("s", 0, 900)]})]
    rep = compute_reliability(cb, sess, ["A", "B"], bootstrap=0)
    ev = find(rep, "solo", "s")["event_agreement"]
    assert ev["matched"] == 1
    assert ev["kappa_with_unmatched"] is None and ev["kappa_with_unmatched_reason"]
    assert ev["kappa_matched_only"] is None and ev["kappa_matched_only_reason"]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=40, unique=True))
def test_greedy_rounds_equal_a_sequential_walk(cands: list[tuple[int, int]]) -> None:
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    walk = []
    for i, j in cands:  # best first
        if i not in taken_a and j not in taken_b:
            taken_a.add(i)
            taken_b.add(j)
            walk.append((i, j))
    ia = np.array([c[0] for c in cands], dtype=np.int64)
    ib = np.array([c[1] for c in cands], dtype=np.int64)
    ga, gb = _greedy(ia, ib, 7, 7)
    assert sorted(zip(ga.tolist(), gb.tolist(), strict=True)) == sorted(walk)
