"""Consensus codings (store): created from one coder's coding, settled disagreement by
disagreement, on SQLite and PostgreSQL; the compared codings never change."""

from __future__ import annotations

import threading
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from annotator.core.codebook_yaml import parse_codebook
from annotator.core.reliability import timeline_diff
from annotator.core.segments import CodedSession, Span
from annotator.store import EditError, Study
from annotator.store.consensus import (
    _Piece,
    accept_version,
    create_consensus,
    find_consensus,
    replace_range,
)
from annotator.store.edits import NewSegment
from annotator.store.models import EditLog, Segment
from tests.studyutil import EXCLUSIVE_CODEBOOK, make_study

CODEBOOK = parse_codebook(EXCLUSIVE_CODEBOOK, "test.yaml")
A_SEGS = [("therapist", 0, 4000), ("child", 4000, 7000), ("praise", 1000, 5000),
          ("praise", 6000, 9000), ("question", 2000, 2000), ("question", 8000, 8000)]
B_SEGS = [("therapist", 0, 3000), ("child", 3000, 8000), ("praise", 2000, 9500),
          ("question", 2500, 2500)]


@pytest.fixture
def study(study_target: str) -> Any:
    s = make_study(study_target)
    yield s
    s.close()


def _setup(study: Study) -> tuple[int, int, int]:
    sess = study.add_session("C01", 1, duration_ms=10_000)
    a = study.assign(sess.id, "A", "primary").id
    b = study.assign(sess.id, "B", "reliability").id
    study.add_segments([NewSegment(a, c, s, e, note=f"A {c}") for c, s, e in A_SEGS]
                       + [NewSegment(b, c, s, e) for c, s, e in B_SEGS])
    return sess.id, a, b


def spans(study: Study, aid: int) -> list[tuple[str, int, int]]:
    return sorted((v.code, v.start_ms, v.end_ms) for v in study.segments(aid))


def raw(study: Study, aid: int) -> tuple[list[Any], list[Any]]:
    """Every stored column of an assignment's segments (deleted too) and edit-log rows."""
    with study.read() as conn:
        segs = [tuple(r) for r in conn.execute(
            select(Segment.__table__).where(Segment.assignment_id == aid)
            .order_by(Segment.id)).all()]
        log = [tuple(r) for r in conn.execute(
            select(EditLog.__table__).where(EditLog.assignment_id == aid)
            .order_by(EditLog.id)).all()]
    return segs, log


def coded(study: Study, **aids: int) -> CodedSession:
    return CodedSession("C01", 1, 10_000, {
        k: [Span(v.code, v.start_ms, v.end_ms) for v in study.segments(aid)]
        for k, aid in aids.items()})


def test_create_consensus_copies_one_coding(study: Study) -> None:
    sid, a, b = _setup(study)
    assert find_consensus(study, sid) is None
    info = create_consensus(study, sid, "LEAD", a, by="LEAD")
    assert (info.purpose, info.coder, info.session_id) == ("consensus", "LEAD", sid)
    assert info.codebook_id == study.assignment(a).codebook_id
    assert find_consensus(study, sid) == info
    copy, orig = study.segments(info.id), study.segments(a)
    assert spans(study, info.id) == spans(study, a)
    assert {v.note for v in copy} == {v.note for v in orig}
    assert not {v.id for v in copy} & {v.id for v in orig}  # new UUIDs
    assert not study.can_undo(info.id)  # the starting copy is not an undo step
    with pytest.raises(EditError, match="already has a consensus coding"):
        create_consensus(study, sid, "OTHER", b)
    other = study.add_session("C01", 2, duration_ms=5_000)
    with pytest.raises(EditError, match="another session"):
        create_consensus(study, other.id, "LEAD", a)
    with pytest.raises(EditError, match="not from a consensus"):
        create_consensus(study, sid, "LEAD", info.id)


def test_accepting_every_disagreement_gives_the_chosen_version(study: Study) -> None:
    sid, a, b = _setup(study)
    before_a, before_b = raw(study, a), raw(study, b)
    cons = create_consensus(study, sid, "LEAD", a).id
    runs = timeline_diff(coded(study, A=a, B=b), "A", "B", CODEBOOK)
    todo = [r for r in runs if r.status != "agree"]
    assert {r.status for r in todo} == {"disagree", "only_a", "only_b"}
    for r in todo:
        exclusive = CODEBOOK.category(r.category).exclusive
        accept_version(study, cons, b, r.start_ms, r.end_ms, by="LEAD",
                       category_id=r.category if exclusive else None,
                       code_id=None if exclusive else r.code)
    after = timeline_diff(coded(study, C=cons, B=b), "C", "B", CODEBOOK)
    assert [r for r in after if r.status != "agree"] == []
    # state segments are B's exactly (one event stays one segment); the linked question
    # points agreed already, so the consensus keeps A's
    assert [s for s in spans(study, cons) if s[0] != "question"] == \
        [s for s in spans(study, b) if s[0] != "question"]
    assert [s for s in spans(study, cons) if s[0] == "question"] == [("question", 2000, 2000)]
    assert raw(study, a) == before_a and raw(study, b) == before_b


def test_accept_splits_trims_and_is_one_undo_step(study: Study) -> None:
    sid, a, b = _setup(study)
    before_a, before_b = raw(study, a), raw(study, b)
    cons = create_consensus(study, sid, "LEAD", b).id
    start = spans(study, cons)
    # B's praise [2000, 9500) vs A's [1000, 5000) + [6000, 9000): take A's for [5000, 6000)
    res = accept_version(study, cons, a, 5000, 6000, code_id="praise", by="LEAD")
    assert len(res.updated) == 1 and len(res.created) == 1 and not res.deleted
    praise = [s for s in spans(study, cons) if s[0] == "praise"]
    assert praise == [("praise", 2000, 5000), ("praise", 6000, 9500)]
    note = {v.start_ms: v.note for v in study.segments(cons) if v.code == "praise"}
    assert note[6000] == note[2000] == ""  # the split-off part keeps B's note, not A's
    # and back to B's version: the two parts join again into one segment
    res = accept_version(study, cons, b, 5000, 6000, code_id="praise", by="LEAD")
    assert res.deleted and res.updated and not res.created
    assert spans(study, cons) == start
    study.undo(cons, by="LEAD")
    assert [s for s in spans(study, cons) if s[0] == "praise"] == praise
    study.undo(cons, by="LEAD")
    assert spans(study, cons) == start
    study.redo(cons, by="LEAD")
    assert [s for s in spans(study, cons) if s[0] == "praise"] == praise
    actions = [e["action"] for e in study.log_entries(cons)]
    assert actions.count("accept_version") == 2 and "consensus_copy" in actions
    assert raw(study, a) == before_a and raw(study, b) == before_b


def test_exclusive_category_is_settled_whole(study: Study) -> None:
    sid, a, b = _setup(study)
    cons = create_consensus(study, sid, "LEAD", a).id
    start = spans(study, cons)
    # B's child starts at 3000, where A still codes therapist: taking only the code would
    # overlap A's therapist inside the exclusive category
    with pytest.raises(EditError, match="exclusive category 'talk'"):
        accept_version(study, cons, b, 3000, 4000, code_id="child")
    assert spans(study, cons) == start  # rolled back
    accept_version(study, cons, b, 3000, 4000, category_id="talk")
    talk = [s for s in spans(study, cons) if s[0] in ("therapist", "child")]
    assert talk == [("child", 3000, 7000), ("therapist", 0, 3000)]


def test_points_and_refusals(study: Study) -> None:
    sid, a, b = _setup(study)
    cons = create_consensus(study, sid, "LEAD", a).id
    # A's point at 8 s has no partner in B's coding: the zero-length run [8000, 8000]
    res = accept_version(study, cons, b, 8000, 8000, code_id="question")
    assert len(res.deleted) == 1
    assert [s for s in spans(study, cons) if s[0] == "question"] == [("question", 2000, 2000)]
    # taking B's version of [2000, 2500] swaps the linked points
    accept_version(study, cons, b, 2000, 2500, code_id="question")
    assert [s for s in spans(study, cons) if s[0] == "question"] == [("question", 2500, 2500)]
    same = accept_version(study, cons, b, 2000, 2500, code_id="question")
    assert not same.changed
    with pytest.raises(EditError, match="not a consensus"):
        accept_version(study, a, b, 0, 1000, code_id="praise")
    with pytest.raises(EditError, match="give a category or a code"):
        accept_version(study, cons, b, 0, 1000)
    with pytest.raises(EditError, match="Unknown code"):
        accept_version(study, cons, b, 0, 1000, code_id="nope")
    with pytest.raises(EditError, match="beyond the session"):
        accept_version(study, cons, b, 0, 20_000, code_id="praise")
    # several codes at once (linked points of two codes disagree on both)
    accept_version(study, cons, b, 0, 10_000, code_id=["praise", "question"])
    assert [s for s in spans(study, cons) if s[0] in ("praise", "question")] == \
        [s for s in spans(study, b) if s[0] in ("praise", "question")]
    study.set_status(cons, "submitted")
    with pytest.raises(EditError, match="submitted"):
        accept_version(study, cons, b, 0, 1000, code_id="praise")


def test_one_consensus_per_session_when_two_leads_race(study: Study, study_target: str) -> None:
    sid, a, _b = _setup(study)
    results: list[str] = []
    gate = threading.Barrier(2)

    def create(coder: str) -> None:
        with Study.open(study_target) as mine:
            gate.wait()
            try:
                results.append(create_consensus(mine, sid, coder, a).coder)
            except EditError as exc:
                results.append("refused" if "already has a consensus" in str(exc) else str(exc))

    threads = [threading.Thread(target=create, args=(c,)) for c in ("L1", "L2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(results) in (["L1", "refused"], ["L2", "refused"])
    assert len(study.assignments(session_id=sid, purpose="consensus")) == 1


# ---------------------------------------------------------------- the pure range algebra
def _cover(pieces: list[_Piece], t: int) -> bool:
    return any(p.start <= t < p.end for p in pieces)


def _pieces(xs: list[tuple[int, int]], prefix: str = "id") -> list[_Piece]:
    return [_Piece(f"{prefix}{i}", "x", s, s + d, f"n{i}", {}) for i, (s, d) in enumerate(xs)]


# any segments (one coder may overlap their own segments of a code)
pieces = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 15)), max_size=6).map(_pieces)


def _tile(xs: list[tuple[int, int]]) -> list[_Piece]:
    t, out = 0, []
    for gap, d in xs:
        out.append((t + gap, d))
        t += gap + d
    return _pieces(out)


# a realistic coding: segments of one code do not overlap (they may touch)
tiling = st.lists(st.tuples(st.integers(0, 8), st.integers(1, 10)), max_size=5).map(_tile)


@settings(max_examples=80, deadline=None)
@given(pieces, pieces, st.integers(0, 50), st.integers(0, 20))
def test_replace_range_takes_the_source_inside_and_keeps_the_rest(
    cons: list[_Piece], src: list[_Piece], start: int, length: int,
) -> None:
    end = start + length
    out = replace_range(cons, src, start, end, set())
    for t in range(0, 60):
        expected = _cover(src, t) if start <= t < end else _cover(cons, t)
        assert _cover(out, t) == expected, t
    ids = [p.id for p in out if p.id is not None]
    assert len(ids) == len(set(ids))
    assert {p.id for p in out} - {None} <= {p.id for p in cons}
    assert all(p.end > p.start for p in out)


@settings(max_examples=80, deadline=None)
@given(tiling, tiling, st.integers(0, 50), st.integers(0, 20))
def test_replace_range_twice_changes_nothing(
    cons: list[_Piece], src: list[_Piece], start: int, length: int,
) -> None:
    end = start + length
    out = replace_range(cons, src, start, end, set())
    stored = [p if p.id else _Piece(f"new{i}", p.code, p.start, p.end, p.note, p.modifiers)
              for i, p in enumerate(out)]
    again = replace_range(stored, src, start, end, set())
    assert {(p.id, p.start, p.end) for p in again} == {(p.id, p.start, p.end) for p in stored}
    # a settled range is one segment per source event: no two pieces of the code overlap
    ordered = sorted((p.start, p.end) for p in out)
    assert all(a[1] <= b[0] for a, b in pairwise(ordered))
