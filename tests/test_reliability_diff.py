"""timeline_diff runs for the GUI diff lane, and disagreement navigation."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from test_reliability_support import exclusive_spans, free_spans, mixed_codebook

from annotator.core.reliability import (
    DiffRun,
    disagreements,
    next_disagreement,
    previous_disagreement,
    timeline_diff,
)
from annotator.core.segments import CodedSession, Span, union_length

CB = mixed_codebook()  # imp: r, c (non-exclusive); ex: x, y, p (point) exclusive


def test_hand_made_diff() -> None:
    a = [Span("r", 0, 1000), Span("x", 0, 2000), Span("y", 3000, 4000), Span("p", 5000, 5000)]
    b = [Span("r", 500, 1500), Span("x", 0, 1000), Span("y", 1000, 2000), Span("p", 5500, 5500),
         Span("p", 9000, 9000)]
    runs = timeline_diff(CodedSession("C01", 1, 10_000, {"A": a, "B": b}), "A", "B", CB)
    assert runs == [
        DiffRun(0, 500, "imp", "r", "only_a", "r", None),
        DiffRun(0, 1000, "ex", "x", "agree", "x", "x"),
        DiffRun(500, 1000, "imp", "r", "agree", "r", "r"),
        DiffRun(1000, 1500, "imp", "r", "only_b", None, "r"),
        DiffRun(1000, 2000, "ex", None, "disagree", "x", "y"),
        DiffRun(3000, 4000, "ex", "y", "only_a", "y", None),
        DiffRun(5000, 5500, "ex", "p", "agree", "p", "p"),
        DiffRun(9000, 9000, "ex", "p", "only_b", None, "p"),
    ]
    times = disagreements(runs)
    assert times == [0, 1000, 3000, 9000]
    assert next_disagreement(times, 0) == 1000
    assert next_disagreement(times, 500) == 1000
    assert next_disagreement(times, 9000) is None
    assert previous_disagreement(times, 1000) == 0
    assert previous_disagreement(times, 0) is None
    # swapping the coders swaps only_a and only_b
    swapped = timeline_diff(CodedSession("C01", 1, 10_000, {"A": a, "B": b}), "B", "A", CB)
    assert [r.status for r in swapped][:4] == ["only_b", "agree", "agree", "only_a"]


def test_diff_of_a_coder_with_nothing_is_all_only_a() -> None:
    sess = CodedSession("C01", 1, 5000, {"A": [Span("c", 100, 900)], "B": []})
    assert timeline_diff(sess, "A", "B", CB) == [DiffRun(100, 900, "imp", "c", "only_a", "c",
                                                         None)]


def coder() -> st.SearchStrategy[list[Span]]:
    return st.tuples(free_spans(["r", "c"], 4000), exclusive_spans(["x", "y"], 4000)).map(
        lambda p: p[0] + p[1])


def _covered(spans: list[Span], codes: set[str]) -> int:
    return union_length((s.start_ms, s.end_ms) for s in spans if s.code in codes)


@settings(max_examples=50, deadline=None)
@given(coder(), coder())
def test_runs_partition_each_coders_time(a: list[Span], b: list[Span]) -> None:
    runs = timeline_diff(CodedSession("C01", 1, 4000, {"A": a, "B": b}), "A", "B", CB)
    for code in ("r", "c"):
        mine = [r for r in runs if r.category == "imp" and r.code == code]
        assert sum(r.end_ms - r.start_ms for r in mine if r.status != "only_b") == _covered(
            a, {code})
        assert sum(r.end_ms - r.start_ms for r in mine if r.status != "only_a") == _covered(
            b, {code})
        spans = sorted((r.start_ms, r.end_ms) for r in mine)
        assert all(e1 <= s2 for (_, e1), (s2, _) in itertools.pairwise(spans))
    ex = [r for r in runs if r.category == "ex"]
    assert sum(r.end_ms - r.start_ms for r in ex if r.status != "only_b") == _covered(
        a, {"x", "y"})
    for r in ex:
        if r.status == "disagree":
            assert r.code is None and r.code_a != r.code_b and None not in (r.code_a, r.code_b)
    starts = [(r.start_ms, r.end_ms) for r in runs]
    assert starts == sorted(starts)
    assert disagreements(runs) == sorted({r.start_ms for r in runs if r.status != "agree"})
