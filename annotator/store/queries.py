"""Read-only queries over a whole study (exports, reliability)."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Text, cast, select

from annotator.core.segments import SegmentView
from annotator.store.models import Assignment, Case, Segment, Session
from annotator.store.records import SegmentRow

__all__ = ["SegmentRow", "StoredSegment", "iter_segments", "live_segments_query", "segment_rows"]

if TYPE_CHECKING:
    from annotator.store.study import Study


@dataclass(frozen=True, slots=True)
class StoredSegment:
    """A segment with where it belongs: case, session number, coder and purpose."""

    case: str
    session: int
    session_id: int
    purpose: str
    codebook_id: int
    segment: SegmentView


def live_segments_query(*columns: Any, coder: str | None, case: str | None,
                        session_id: int | None = None,
                        purposes: tuple[str, ...] | None = None,
                        session_ids: Collection[int] | None = None) -> Any:
    """The query of ``columns`` for every live segment (not deleted, not being recorded)
    with the given filters, in export order: case, session, coder, purpose, start, end,
    code, note. ``session_ids`` (None: every session) keeps only those sessions. Callers
    may add ``where`` clauses or drop the order (``order_by(None)``)."""
    q: Any = (
        select(*columns)
        .join(Assignment, Assignment.id == Segment.assignment_id)
        .join(Session, Session.id == Assignment.session_id)
        .join(Case, Case.id == Session.case_id)
        .where(Segment.deleted.is_(False), Segment.end_ms.is_not(None))  # no recordings
    )
    if coder is not None:
        q = q.where(Assignment.coder_id == coder)
    if case is not None:
        q = q.where(Case.label == case)
    if session_id is not None:
        q = q.where(Session.id == session_id)
    if session_ids is not None:
        q = q.where(Session.id.in_(sorted(session_ids)))
    if purposes is not None:
        q = q.where(Assignment.purpose.in_(purposes))
    return q.order_by(Case.label, Session.number, Assignment.coder_id, Assignment.purpose,
                      Segment.start_ms, Segment.end_ms, Segment.code_id, Segment.note,
                      Segment.id)


def iter_segments(
    study: Study, *, coder: str | None = None, case: str | None = None,
    session_id: int | None = None, purposes: tuple[str, ...] | None = None,
    session_ids: Collection[int] | None = None,
) -> Iterator[StoredSegment]:
    """Every live segment, ordered by case, session, coder, purpose, start, end, code."""
    q = live_segments_query(
        Case.label, Session.number, Session.id, Assignment.coder_id, Assignment.purpose,
        Assignment.codebook_id, Segment.id, Segment.code_id, Segment.start_ms,
        Segment.end_ms, Segment.note, Segment.modifiers,
        coder=coder, case=case, session_id=session_id, purposes=purposes,
        session_ids=session_ids,
    )
    with study.read() as conn:
        rows = conn.execute(q).all()
    for r in rows:
        yield StoredSegment(
            case=r[0], session=r[1], session_id=r[2], purpose=r[4], codebook_id=r[5],
            segment=SegmentView(id=r[6], coder=r[3], code=r[7], start_ms=r[8], end_ms=r[9],
                                note=r[10] or "", modifiers=dict(r[11] or {})),
        )


def segment_rows(
    study: Study, *, coder: str | None = None, case: str | None = None,
    session_ids: Collection[int] | None = None,
) -> list[SegmentRow]:
    """Every live segment as a plain tuple, in export order (fast path for big exports);
    ``session_ids`` as for :func:`live_segments_query`."""
    q = live_segments_query(
        Case.label, Session.number, Assignment.coder_id, Assignment.purpose,
        Assignment.codebook_id, Segment.code_id, Segment.start_ms, Segment.end_ms,
        Segment.note, cast(Segment.modifiers, Text), coder=coder, case=case,
        session_ids=session_ids,
    )
    with study.read() as conn:
        return [tuple(r) for r in conn.execute(q).all()]
