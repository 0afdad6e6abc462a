"""Consensus codings: after comparing two coders, the lead builds one agreed coding.

A consensus coding is its own assignment (purpose ``consensus``), one per session. It starts
as a copy of one coder's segments (new UUIDs, same notes and modifiers); then, one
disagreement at a time, :func:`accept_version` makes a time range of it equal to the chosen
coder's version. Anything else is edited with the ordinary segment edits.

The compared codings are only ever read: both functions refuse to write to an assignment that
is not a consensus coding, so the originals and their edit logs stay exactly as they were.

Edit log: the starting copy is written as audit rows (``action="consensus_copy"``), so undo
never empties the consensus; each :func:`accept_version` is one batch of ordinary segment
rows (undone and redone as one step with :meth:`Study.undo`) plus an audit row
``accept_version`` that says whose version was taken for which range.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from annotator.core.codebook import Codebook
from annotator.core.segments import first_overlap
from annotator.store.errors import EditError, NotFoundError
from annotator.store.models import Assignment, EditLog, Segment, Session
from annotator.store.records import AssignmentInfo
from annotator.store.study import Study

CONSENSUS = "consensus"
COPY_ACTION = "consensus_copy"
ACCEPT_ACTION = "accept_version"


@dataclass(frozen=True, slots=True)
class AcceptResult:
    """What :func:`accept_version` changed in the consensus coding (segment ids)."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


@dataclass(frozen=True, slots=True)
class _Piece:
    """A consensus segment as planned: ``id`` None for a new one."""

    id: str | None
    code: str
    start: int
    end: int
    note: str
    modifiers: dict[str, Any]


def find_consensus(study: Study, session_id: int) -> AssignmentInfo | None:
    """The session's consensus coding, if it has one."""
    found = study.assignments(session_id=session_id, purpose=CONSENSUS)
    return found[0] if found else None


def _assignment_row(conn: Connection, assignment_id: int) -> Any:
    row = conn.execute(
        select(Assignment.id, Assignment.session_id, Assignment.coder_id, Assignment.purpose,
               Assignment.codebook_id).where(Assignment.id == assignment_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"There is no assignment with id {assignment_id}.")
    return row


def _live_rows(conn: Connection, assignment_id: int, codes: Iterable[str] | None = None) -> Any:
    q = select(Segment.id, Segment.code_id, Segment.start_ms, Segment.end_ms, Segment.note,
               Segment.modifiers).where(Segment.assignment_id == assignment_id,
                                        Segment.deleted.is_(False),
                                        Segment.end_ms.is_not(None))
    if codes is not None:
        q = q.where(Segment.code_id.in_(list(codes)))
    return conn.execute(q.order_by(Segment.start_ms, Segment.end_ms, Segment.id)).all()


def create_consensus(
    study: Study, session_id: int, coder: str, start_from_assignment_id: int,
    by: str | None = None,
) -> AssignmentInfo:
    """Create the session's consensus coding for ``coder``, starting as a copy of the
    segments of assignment ``start_from_assignment_id`` (one transaction).

    Raises :class:`EditError` if the session already has a consensus coding, or the starting
    coding belongs to another session or is itself a consensus coding.
    """
    coder = coder.strip()
    if not coder or len(coder) > 20 or any(c.isspace() for c in coder):
        raise EditError(f"A consensus coder is a coder id (short initials), got {coder!r}.")
    with study.write() as conn:
        # lock the session row (PostgreSQL), so two leads cannot both create one
        found = conn.execute(
            select(Session.id).where(Session.id == session_id).with_for_update()
        ).scalar_one_or_none()
        if found is None:
            raise NotFoundError(f"There is no session with id {session_id}.")
        src = _assignment_row(conn, start_from_assignment_id)
        if int(src.session_id) != session_id:
            raise EditError(f"Assignment {start_from_assignment_id} belongs to another session; "
                            "start the consensus from a coding of this session.")
        if src.purpose == CONSENSUS:
            raise EditError("Start the consensus from a coder's coding, not from a consensus.")
        existing = conn.execute(
            select(Assignment.id, Assignment.coder_id).where(
                Assignment.session_id == session_id, Assignment.purpose == CONSENSUS)
        ).first()
        if existing is not None:
            raise EditError(f"This session already has a consensus coding (by {existing[1]}); "
                            "continue that one.")
        study._ensure_coder(conn, coder)
        aid = study._insert_assignment(conn, session_id, coder, CONSENSUS, by,
                                       codebook_id=int(src.codebook_id))
        rows = _live_rows(conn, start_from_assignment_id)
        t = datetime.now(UTC)
        seg_rows: list[dict[str, Any]] = []
        log_rows: list[dict[str, Any]] = []
        for r in rows:
            sid = str(uuid.uuid4())
            state = {"code_id": r.code_id, "start_ms": r.start_ms, "end_ms": r.end_ms,
                     "note": r.note or "", "modifiers": dict(r.modifiers or {}),
                     "deleted": False}
            seg_rows.append(dict(id=sid, assignment_id=aid, created_at=t, updated_at=t,
                                 **state))
            log_rows.append(dict(at=t, coder_id=by, action=COPY_ACTION, entity="segment",
                                 entity_id=sid, assignment_id=aid, before=None, after=state,
                                 state="audit", batch=None))
        if seg_rows:
            conn.execute(insert(Segment), seg_rows)
            conn.execute(insert(EditLog), log_rows)
        conn.execute(insert(EditLog).values(
            at=t, coder_id=by, action=CONSENSUS, entity="assignment", entity_id=str(aid),
            assignment_id=aid, before=None,
            after={"from_assignment": start_from_assignment_id, "from_coder": src.coder_id,
                   "segments": len(seg_rows)},
            state="audit",
        ))
    return study.assignment(aid)


def accept_version(
    study: Study, consensus_assignment_id: int, source_assignment_id: int, start_ms: int,
    end_ms: int, *, category_id: str | None = None,
    code_id: str | Sequence[str] | None = None, by: str | None = None,
) -> AcceptResult:
    """Make the consensus equal to the source coding in ``[start_ms, end_ms)`` for one code
    (``code_id``) or all codes of a category (``category_id``); give exactly one. ``code_id``
    may also list several codes (linked points of two codes disagree on both).

    Consensus segments in the range are trimmed, split or deleted, and the source's segments
    are copied in, clipped to the range; a copied piece that continues a consensus segment of
    the same code at a range edge is joined to it, so one event stays one segment. Point codes
    count as in the range when ``start_ms <= t <= end_ms`` (a disagreement on points may be
    the zero-length range of one point). One transaction and one undo step.
    """
    if (category_id is None) == (code_id is None):
        raise EditError("Say which disagreement to settle: give a category or a code.")
    if start_ms < 0 or end_ms < start_ms:
        raise EditError(f"Not a time range: {start_ms}–{end_ms} ms.")
    with study.write() as conn:
        cb_id, duration, status = study._assignment_facts(conn, consensus_assignment_id)
        cons = _assignment_row(conn, consensus_assignment_id)
        src = _assignment_row(conn, source_assignment_id)
        if cons.purpose != CONSENSUS:
            raise EditError(f"Assignment {consensus_assignment_id} is {cons.coder_id}'s "
                            f"{cons.purpose} coding, not a consensus; it is never changed here.")
        if int(src.session_id) != int(cons.session_id) or src.id == cons.id:
            raise EditError("The accepted version must be another coding of the same session.")
        if status == "submitted":
            raise EditError("This consensus has been submitted. Reopen it to edit it.")
        if duration is not None and end_ms > duration:
            raise EditError(f"The range ends at {end_ms} ms, beyond the session's duration "
                            f"({duration} ms).")
        codebook = study.codebook_by_id(cb_id)
        codes = _codes(codebook, category_id, code_id)
        points = {c for c in codes if codebook.code(c).kind == "point"}
        before = [_piece(r) for r in _live_rows(conn, consensus_assignment_id, codes)]
        source = [_piece(r) for r in _live_rows(conn, source_assignment_id, codes)]
        after = replace_range(before, source, start_ms, end_ms, points)
        result = _write_plan(study, conn, consensus_assignment_id, status, before, after, by)
        if not result.changed:
            return result
        _check_exclusive(conn, codebook, consensus_assignment_id, codes)
        conn.execute(insert(EditLog).values(
            at=datetime.now(UTC), coder_id=by, action=ACCEPT_ACTION, entity="assignment",
            entity_id=str(consensus_assignment_id), assignment_id=consensus_assignment_id,
            before=None,
            after={"source_assignment": source_assignment_id, "source_coder": src.coder_id,
                   "start_ms": start_ms, "end_ms": end_ms, "category": category_id,
                   "codes": None if code_id is None else codes,
                   "created": result.created, "updated": result.updated,
                   "deleted": result.deleted},
            state="audit",
        ))
    return result


def _codes(
    codebook: Codebook, category_id: str | None, code_id: str | Sequence[str] | None,
) -> list[str]:
    if code_id is not None:
        codes = [code_id] if isinstance(code_id, str) else list(dict.fromkeys(code_id))
        for c in codes:
            if not codebook.has_code(c):
                raise EditError(f"Unknown code {c!r} in the codebook {codebook.name!r} "
                                f"{codebook.version}.")
        if not codes:
            raise EditError("Say which disagreement to settle: give a category or a code.")
        return codes
    try:
        category = codebook.category(str(category_id))
    except KeyError:
        raise EditError(f"Unknown category {category_id!r} in the codebook {codebook.name!r} "
                        f"{codebook.version}.") from None
    return [c.id for c in category.codes]


def _piece(row: Any) -> _Piece:
    return _Piece(str(row.id), str(row.code_id), int(row.start_ms), int(row.end_ms),
                  str(row.note or ""), dict(row.modifiers or {}))


def replace_range(
    consensus: Sequence[_Piece], source: Sequence[_Piece], start: int, end: int,
    points: set[str],
) -> list[_Piece]:
    """The consensus pieces after taking the source's version of ``[start, end)`` (pure).

    Every input piece is of a code being settled; ``points`` are the point codes among them.
    Pieces with ``id=None`` are new segments.
    """
    def is_point(p: _Piece) -> bool:
        return p.code in points or p.start == p.end

    # (piece, made by this change, cut by it): cut pieces are joined back first
    out: list[tuple[_Piece, bool, bool]] = []
    for p in consensus:
        if is_point(p):
            if not start <= p.start <= end:
                out.append((p, False, False))
        elif p.end <= start or p.start >= end or start == end:
            out.append((p, False, False))
        else:
            left = replace(p, end=start) if p.start < start else None
            right = replace(p, start=end) if p.end > end else None
            if left is not None:
                out.append((left, False, True))
            if right is not None:
                out.append((right if left is None else replace(right, id=None), False, True))
    for p in source:
        if is_point(p):
            if start <= p.start <= end:
                out.append((replace(p, id=None), True, False))
        elif min(p.end, end) > max(p.start, start):
            out.append((replace(p, id=None, start=max(p.start, start), end=min(p.end, end)),
                        True, False))
    for t in (start, end) if start < end else ():
        out = _join_at(out, t, is_point)
    return _reuse(consensus, [p for p, _, _ in out])


def _join_at(
    pieces: list[tuple[_Piece, bool, bool]], t: int, is_point: Callable[[_Piece], bool],
) -> list[tuple[_Piece, bool, bool]]:
    """Join state pieces of one code that meet at ``t`` when one of them is new, so a copied
    piece continues the consensus segment it touches instead of starting a second event."""
    while True:
        pairs = [
            (not ca, not cb, i, j)
            for i, (a, fa, ca) in enumerate(pieces) if not is_point(a) and a.end == t
            for j, (b, fb, cb) in enumerate(pieces) if j != i and not is_point(b)
            and b.start == t and b.code == a.code and (fa or fb)
        ]
        if not pairs:
            return pieces
        *_, i, j = min(pairs)
        (a, _, cut_a), (b, _, cut_b) = pieces[i], pieces[j]
        keep = a if a.id is not None or b.id is None else b
        joined = replace(keep, start=a.start, end=b.end)
        pieces = [x for k, x in enumerate(pieces) if k not in (i, j)]
        pieces.append((joined, True, cut_a or cut_b))


def _reuse(consensus: Sequence[_Piece], pieces: list[_Piece]) -> list[_Piece]:
    """A new piece identical in code and time to a consensus segment that would be deleted is
    that segment, unchanged (so settling a range twice changes nothing the second time)."""
    used = {p.id for p in pieces if p.id is not None}
    spare: dict[tuple[str, int, int], list[_Piece]] = {}
    for p in consensus:
        if p.id not in used:
            spare.setdefault((p.code, p.start, p.end), []).append(p)
    out = []
    for p in pieces:
        twins = spare.get((p.code, p.start, p.end)) if p.id is None else None
        out.append(twins.pop(0) if twins else p)
    return out


def _state(p: _Piece, deleted: bool = False) -> dict[str, Any]:
    return {"code_id": p.code, "start_ms": p.start, "end_ms": p.end, "note": p.note,
            "modifiers": dict(p.modifiers), "deleted": deleted}


def _write_plan(
    study: Study, conn: Connection, aid: int, status: str, before: Sequence[_Piece],
    after: Sequence[_Piece], by: str | None,
) -> AcceptResult:
    old = {p.id: p for p in before if p.id is not None}
    new = {p.id: p for p in after if p.id is not None}
    created = [p for p in after if p.id is None]
    updated = [p for sid, p in new.items() if old[sid] != p]
    deleted = [p for sid, p in old.items() if sid not in new]
    result = AcceptResult(
        created=[str(uuid.uuid4()) for _ in created],
        updated=[str(p.id) for p in updated],
        deleted=[str(p.id) for p in deleted],
    )
    if not result.changed:
        return result
    batch = study._begin_edit(conn, aid, status)
    for p in deleted:
        study._apply(conn, str(p.id), "delete", _state(p), _state(p, True), aid, by, batch)
    for p in updated:
        study._apply(conn, str(p.id), "update", _state(old[str(p.id)]), _state(p), aid, by,
                     batch)
    for sid, p in zip(result.created, created, strict=True):
        study._insert(conn, aid, sid, p.code, p.start, p.end, p.note, dict(p.modifiers), by,
                      batch)
    return result


def _check_exclusive(conn: Connection, codebook: Codebook, aid: int, codes: Sequence[str]) -> None:
    for cat_id in dict.fromkeys(codebook.category_of(c).id for c in codes):
        cat = codebook.category(cat_id)
        if not cat.exclusive:
            continue
        rows = _live_rows(conn, aid, [c.id for c in cat.codes])
        spans = [(int(r.start_ms), int(r.end_ms)) for r in rows]
        clash = first_overlap(spans)
        if clash is not None:
            a, b = rows[clash[0]], rows[clash[1]]
            raise EditError(
                f"Taking this version would overlap {a.code_id!r} ({a.start_ms}–{a.end_ms} ms) "
                f"and {b.code_id!r} ({b.start_ms}–{b.end_ms} ms) in the exclusive category "
                f"{cat.id!r}; settle the whole category ({cat.id!r}) instead of one code.")
