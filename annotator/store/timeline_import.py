"""All-or-nothing import of timeline rows into a study (DESIGN §5)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, insert, select

from annotator.core.timeline_rows import RowProblem, RowsRejected, TimelineRow, check_rows
from annotator.store.models import Assignment, Case, Coder, EditLog, Segment, Session

if TYPE_CHECKING:
    from annotator.store.study import Study


@dataclass
class ImportResult:
    segments: int = 0
    new_coders: list[str] = field(default_factory=list)
    new_sessions: list[str] = field(default_factory=list)


def import_timeline(
    study: Study, rows: Sequence[TimelineRow], *, source: str, create_sessions: bool = False,
    by: str | None = None,
) -> ImportResult:
    """Check every row, then write all of them in one transaction, or nothing.

    Raises :class:`RowsRejected` listing every bad row.
    """
    codebook = study.codebook
    problems = check_rows(rows, codebook)
    bad_lines = {p.line for p in problems}
    result = ImportResult()
    with study.write() as conn:
        sessions = _session_table(conn)
        known_coders = set(conn.execute(select(Coder.id)).scalars())
        for row in rows:
            if row.line in bad_lines:
                continue
            key = (row.case, row.session)
            if key not in sessions:
                if not create_sessions:
                    col = "case" if all(c != row.case for c, _ in sessions) else "session"
                    problems.append(RowProblem(
                        row.line, col,
                        f"unknown session {row.case}:{row.session} (add it first with "
                        "`annotator session add`, or pass --create-sessions)",
                    ))
                    bad_lines.add(row.line)
                continue
            duration = sessions[key][1]
            if duration is not None and row.end_ms > duration:
                problems.append(RowProblem(
                    row.line, "end_s",
                    f"ends at {row.end_ms / 1000:.3f} s, beyond the session's duration "
                    f"({duration / 1000:.3f} s)",
                ))
                bad_lines.add(row.line)
        good = [r for r in rows if r.line not in bad_lines]
        problems.extend(_existing_overlaps(conn, study, good, sessions))
        if problems:
            problems.sort(key=lambda p: p.line)
            # Leaving the block with an exception rolls the transaction back.
            raise RowsRejected(source, problems)
        _write_rows(conn, study, good, sessions, known_coders, result, by)
    return result


def _session_table(conn: Connection) -> dict[tuple[str, int], tuple[int, int | None]]:
    rows = conn.execute(
        select(Case.label, Session.number, Session.id, Session.media_duration_ms,
               Session.explicit_duration_ms).join(Case, Case.id == Session.case_id)
    ).all()
    return {(r[0], r[1]): (r[2], r[3] if r[3] is not None else r[4]) for r in rows}


def _existing_overlaps(
    conn: Connection, study: Study, rows: Sequence[TimelineRow],
    sessions: dict[tuple[str, int], tuple[int, int | None]],
) -> list[RowProblem]:
    codebook = study.codebook
    problems: list[RowProblem] = []
    by_assignment: dict[tuple[int, str, str], list[TimelineRow]] = defaultdict(list)
    for r in rows:
        if (r.case, r.session) in sessions and codebook.category(r.category).exclusive:
            by_assignment[(sessions[(r.case, r.session)][0], r.coder, r.purpose)].append(r)
    for (session_id, coder, purpose), group in by_assignment.items():
        aid = conn.execute(select(Assignment.id).where(
            Assignment.session_id == session_id, Assignment.coder_id == coder,
            Assignment.purpose == purpose)).scalar_one_or_none()
        if aid is None:
            continue
        existing = conn.execute(select(Segment.code_id, Segment.start_ms, Segment.end_ms).where(
            Segment.assignment_id == aid, Segment.deleted.is_(False),
            Segment.end_ms.is_not(None))).all()
        for r in group:
            cat = codebook.category(r.category)
            ids = {c.id for c in cat.codes}
            for code, s, e in existing:
                if code in ids and e is not None and s < r.end_ms and r.start_ms < e and e > s:
                    problems.append(RowProblem(
                        r.line, "start_s",
                        f"overlaps the stored segment {code!r} {s / 1000:.3f}–{e / 1000:.3f} s "
                        f"inside the exclusive category {cat.id!r}",
                    ))
                    break
    return problems


def _write_rows(
    conn: Connection, study: Study, rows: Sequence[TimelineRow],
    sessions: dict[tuple[str, int], tuple[int, int | None]], known_coders: set[str],
    result: ImportResult, by: str | None,
) -> None:
    now = datetime.now(UTC)
    assignments: dict[tuple[int, str, str], int] = {}
    seg_rows: list[dict[str, Any]] = []
    log_rows: list[dict[str, Any]] = []
    batch = str(uuid.uuid4())
    for r in rows:
        if (r.case, r.session) not in sessions:
            sid = study._insert_session(conn, r.case, r.session, None, None, None)
            sessions[(r.case, r.session)] = (sid, None)
            result.new_sessions.append(f"{r.case}:{r.session}")
        if r.coder not in known_coders:
            conn.execute(insert(Coder).values(id=r.coder, name=r.coder))
            known_coders.add(r.coder)
            result.new_coders.append(r.coder)
        session_id = sessions[(r.case, r.session)][0]
        akey = (session_id, r.coder, r.purpose)
        if akey not in assignments:
            aid = study._assignment_id(conn, session_id, r.coder, r.purpose)
            if aid is None:
                aid = study._insert_assignment(conn, session_id, r.coder, r.purpose, by)
            study._begin_edit(conn, aid, "assigned")
            assignments[akey] = aid
        seg_id = str(uuid.uuid4())
        state = {"code_id": r.code, "start_ms": r.start_ms, "end_ms": r.end_ms,
                 "note": r.note, "modifiers": {}, "deleted": False}
        seg_rows.append(dict(id=seg_id, assignment_id=assignments[akey], created_at=now,
                             updated_at=now, **state))
        log_rows.append(dict(at=now, coder_id=by, action="import", entity="segment",
                             entity_id=seg_id, assignment_id=assignments[akey], before=None,
                             after=state, state="done", batch=batch))
    if seg_rows:
        conn.execute(insert(Segment), seg_rows)
        conn.execute(insert(EditLog), log_rows)
    result.segments = len(seg_rows)
