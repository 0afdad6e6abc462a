"""The reliability engine on numpy columns (``SpanColumns``, what ``annotator reliability``
reads from the store: no object per segment) gives the very report the span lists give
(issue 13 point 4): on a generated study with two and three coders, exact and sliced, with
point codes, exclusive categories, zero-length and overlong segments; and end to end, the
store's read against a report built from ``Study.segments`` (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from test_reliability_support import mixed_codebook

from annotator.core.reliability import ReliabilityInputError, compute_reliability, timeline_diff
from annotator.core.segments import CodedSession, Span
from annotator.core.span_columns import SpanColumns
from annotator.exchange.reliability_data import read_codings, select_codings
from tests.studyutil import EXCLUSIVE_CODEBOOK, make_study

DURATION = 90_000


def _coding(rng: np.random.Generator, shift: int) -> list[Span]:
    spans: list[Span] = []
    t = int(rng.integers(0, 3000))
    while t < DURATION - 4000:  # the exclusive category: one code after another
        length = int(rng.integers(300, 4000))
        spans.append(Span(str(rng.choice(["x", "y"])), t + shift, t + shift + length))
        t += length + int(rng.integers(0, 2000))
    for _ in range(int(rng.integers(5, 25))):  # free codes, overlapping, some past the end
        s = int(rng.integers(0, DURATION))
        spans.append(Span(str(rng.choice(["r", "c"])), s, s + int(rng.integers(0, 9000))))
    for _ in range(int(rng.integers(0, 12))):
        p = int(rng.integers(0, DURATION + 1))
        spans.append(Span("p", p, p))
    rng.shuffle(spans)  # type: ignore[arg-type]
    return spans


def _study(coders: list[str], seed: int) -> list[CodedSession]:
    rng = np.random.default_rng(seed)
    return [CodedSession(f"C{n // 3 + 1:02d}", n % 3 + 1, DURATION,
                         {c: _coding(rng, k * 150) for k, c in enumerate(coders)})
            for n in range(9)]


def _as_columns(sessions: list[CodedSession]) -> list[CodedSession]:
    return [CodedSession(s.case, s.session, s.duration_ms,
                         {c: SpanColumns.of(v) for c, v in s.codings.items()})
            for s in sessions]


@pytest.mark.parametrize("coders", [["A", "B"], ["A", "B", "C"]])
@pytest.mark.parametrize("resolution", [None, 250])
def test_columns_give_the_report_the_span_lists_give(coders: list[str],
                                                     resolution: int | None) -> None:
    spans = _study(coders, seed=len(coders) * 10 + (resolution or 0))
    columns = _as_columns(spans)
    assert all(isinstance(v, SpanColumns) for s in columns for v in s.codings.values())
    assert [list(v) for s in columns for v in s.codings.values()] == [
        v for s in spans for v in s.codings.values()]
    kw = {"resolution_ms": resolution, "bootstrap": 200, "seed": 3}
    want = compute_reliability(mixed_codebook(), spans, coders, **kw)  # type: ignore[arg-type]
    got = compute_reliability(mixed_codebook(), columns, coders, **kw)  # type: ignore[arg-type]
    assert json.dumps(got, sort_keys=True) == json.dumps(want, sort_keys=True)
    assert got["warnings"]  # the study has overlong segments: the checks ran on both paths
    assert timeline_diff(columns[0], "A", "B", mixed_codebook()) == timeline_diff(
        spans[0], "A", "B", mixed_codebook())


def test_bad_columns_are_refused_as_bad_spans_are() -> None:
    cb = mixed_codebook()
    for bad, match in (([Span("nope", 0, 10)], "'nope' is not in the codebook"),
                       ([Span("r", 50, 10)], r"segment r \[50, 10\) ms"),
                       ([Span("p", 5, 9)], "point code 'p' has a duration"),
                       ([Span("x", 0, 900), Span("y", 500, 1000)], "exclusive category")):
        for coding in (bad, SpanColumns.of(bad)):
            with pytest.raises(ReliabilityInputError, match=match):
                compute_reliability(cb, [CodedSession("C01", 1, 60_000, {
                    "A": coding, "B": [Span("r", 0, 10)]})], ["A", "B"], bootstrap=0)


def test_columns_behave_as_a_sequence_of_spans() -> None:
    spans = [Span("r", 5, 9), Span("p", 3, 3), Span("r", 0, 2)]
    cols = SpanColumns.of(spans)
    assert len(cols) == 3 and cols[1] == Span("p", 3, 3) and cols[-1] == Span("r", 0, 2)
    assert list(cols[1:]) == spans[1:] and cols == spans and cols != spans[:2]
    assert Span("p", 3, 3) in cols and len(SpanColumns.of([])) == 0


def test_the_store_read_gives_the_report_of_the_per_coding_read(study_target: str) -> None:
    rng = np.random.default_rng(11)
    with make_study(study_target, EXCLUSIVE_CODEBOOK) as study:
        for n in (1, 2, 3):
            s = study.add_session("C01", n, duration_ms=DURATION)
            for coder in ("AK", "BL"):
                a = study.assign(s.id, coder, "primary" if coder == "AK" else "reliability")
                t = 0
                while t < DURATION - 5000:
                    length = int(rng.integers(200, 3000))
                    study.add_segment(a.id, str(rng.choice(["therapist", "child"])), t,
                                      t + length)
                    t += length + int(rng.integers(0, 1500))
                for _ in range(15):
                    p = int(rng.integers(0, DURATION - 5000))
                    study.add_segment(a.id, "praise", p, p + int(rng.integers(1, 5000)))
                    study.add_segment(a.id, "question", p, p)
                study.delete_segment(study.segments(a.id)[2].id)
        sel = select_codings(study, ["AK", "BL"])
        codebook, read = read_codings(study, sel)
        by_segments = [CodedSession(cs.case, cs.session, cs.duration_ms, {
            lbl: [v.span() for v in study.segments(sel.assignments[s.id][lbl].id)]
            for lbl in sel.labels}) for s, cs in zip(sel.sessions, read, strict=True)]
    assert all(isinstance(v, SpanColumns) for s in read for v in s.codings.values())
    assert [dict(s.codings) for s in read] == [s.codings for s in by_segments]
    got = compute_reliability(codebook, read, sel.labels, bootstrap=100)
    want = compute_reliability(codebook, by_segments, sel.labels, bootstrap=100)
    assert json.dumps(got, sort_keys=True) == json.dumps(want, sort_keys=True)
    assert got["categories"][0]["kappa"] is not None

