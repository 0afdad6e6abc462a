"""All-or-nothing import of timeline rows into a study (docs/design.md §5), in bulk.

Every row is checked first (every bad row is reported, nothing is written); then all rows go
in one transaction straight through the database driver (SQLite ``executemany``, PostgreSQL
``COPY``), with one edit-log row per coding that names the imported id range
(:mod:`annotator.store.bulk_log`): the import is one undo step and every segment traces to it.
"""

from __future__ import annotations

import json
import uuid
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, insert, select

from annotator.core.timeline_rows import RowProblem, RowsRejected, TimelineRow, check_rows
from annotator.store import bulk_log
from annotator.store.models import Assignment, Case, Coder, EditLog, Segment, Session
from annotator.store.sync_rows import SEGMENT_FIELDS, time_for

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
            key = (row.case, row.session)
            found = sessions.get(key)
            if found is not None and (found[1] is None or row.end_ms <= found[1]):
                continue  # the common case: a known session, inside its duration
            if row.line in bad_lines:
                continue
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
        good = [r for r in rows if r.line not in bad_lines] if bad_lines else list(rows)
        problems.extend(_existing_overlaps(conn, study, good, sessions))
        if problems:
            problems.sort(key=lambda p: p.line)
            # Leaving the block with an exception rolls the transaction back.
            raise RowsRejected(source, problems)
        _write_rows(conn, study, good, sessions, known_coders, result, by, source)
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
    """Rows that overlap a stored segment inside an exclusive category (sorted search:
    O((rows + stored) log stored) per coding)."""
    codebook = study.codebook
    problems: list[RowProblem] = []
    by_assignment: dict[tuple[int, str, str], list[TimelineRow]] = defaultdict(list)
    is_exclusive = {cat.id: cat.exclusive for cat in codebook.categories}
    for r in rows:
        if is_exclusive.get(r.category) and (r.case, r.session) in sessions:
            by_assignment[(sessions[(r.case, r.session)][0], r.coder, r.purpose)].append(r)
    for (session_id, coder, purpose), group in by_assignment.items():
        aid = conn.execute(select(Assignment.id).where(
            Assignment.session_id == session_id, Assignment.coder_id == coder,
            Assignment.purpose == purpose)).scalar_one_or_none()
        if aid is None:
            continue
        existing = conn.execute(select(Segment.code_id, Segment.start_ms, Segment.end_ms).where(
            Segment.assignment_id == aid, Segment.deleted.is_(False),
            Segment.end_ms > Segment.start_ms).order_by(Segment.start_ms)).all()
        if not existing:
            continue
        per_cat: dict[str, tuple[list[int], list[int], list[tuple[str, int, int]]]] = {}
        for code, s, end in existing:
            if end is None or not codebook.has_code(code):  # no open recordings (the SQL)
                continue
            e = int(end)
            cat_id = codebook.category_of(code).id
            starts, reach, holder = per_cat.setdefault(cat_id, ([], [], []))
            if not reach or e > reach[-1]:
                reach.append(e)
                holder.append((code, s, e))
            else:
                reach.append(reach[-1])
                holder.append(holder[-1])
            starts.append(s)
        for r in group:
            found = per_cat.get(r.category)
            if found is None or r.end_ms <= r.start_ms:
                continue
            starts, reach, holder = found
            k = bisect_left(starts, r.end_ms)  # stored segments starting before r ends
            if k and reach[k - 1] > r.start_ms:
                code, s, e = holder[k - 1]
                problems.append(RowProblem(
                    r.line, "start_s",
                    f"overlaps the stored segment {code!r} {s / 1000:.3f}–{e / 1000:.3f} s "
                    f"inside the exclusive category {r.category!r}",
                ))
    return problems


def _write_rows(
    conn: Connection, study: Study, rows: Sequence[TimelineRow],
    sessions: dict[tuple[str, int], tuple[int, int | None]], known_coders: set[str],
    result: ImportResult, by: str | None, source: str,
) -> None:
    now = datetime.now(UTC)
    assignments: dict[tuple[int, str, str], int] = {}
    groups: dict[int, list[TimelineRow]] = defaultdict(list)
    for r in rows:
        if (r.case, r.session) not in sessions:
            sid = study._insert_session(conn, r.case, r.session, None, None, None)
            sessions[(r.case, r.session)] = (sid, None)
            result.new_sessions.append(f"{r.case}:{r.session}")
        if r.coder not in known_coders:
            conn.execute(insert(Coder).values(id=r.coder, name=r.coder))
            known_coders.add(r.coder)
            result.new_coders.append(r.coder)
        akey = (sessions[(r.case, r.session)][0], r.coder, r.purpose)
        aid = assignments.get(akey)
        if aid is None:
            aid = study._assignment_id(conn, *akey)
            if aid is None:
                aid = study._insert_assignment(conn, *akey, by)
            study._begin_edit(conn, aid, "assigned")
            assignments[akey] = aid
        groups[aid].append(r)
    if not groups:
        return
    prefix = bulk_log.new_prefix()
    batch = str(uuid.uuid4())
    stamp = time_for(conn, now)
    log_rows: list[dict[str, Any]] = []
    counter = 0
    for aid, group in groups.items():
        first = counter
        counter += len(group)
        log_rows.append(bulk_log.log_row(
            now, by, aid, batch, bulk_log.segment_id(prefix, first),
            bulk_log.segment_id(prefix, counter - 1), len(group), source))

    def segment_tuples() -> Iterator[tuple[Any, ...]]:
        n = 0
        for aid, group in groups.items():
            for r in group:
                mods = json.dumps(r.modifiers, ensure_ascii=False) if r.modifiers else "{}"
                yield (f"{prefix}{n:012x}", aid, r.code, r.start_ms, r.end_ms, r.note, mods,
                       stamp, stamp, False)
                n += 1

    _copy_segments(conn, segment_tuples())
    conn.execute(insert(EditLog), log_rows)
    result.segments = counter


def _copy_segments(conn: Connection, rows: Iterator[tuple[Any, ...]]) -> None:
    """Segment rows (in ``SEGMENT_FIELDS`` order, modifiers as JSON text) straight through
    the driver, inside ``conn``'s transaction."""
    columns = ", ".join(SEGMENT_FIELDS)
    if conn.dialect.name == "sqlite":
        marks = ", ".join("?" for _ in SEGMENT_FIELDS)
        cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cur.executemany(f"INSERT INTO segments ({columns}) VALUES ({marks})", rows)
        finally:
            cur.close()
        return
    if conn.dialect.driver == "psycopg":
        raw = conn.connection.driver_connection
        sql = f"COPY segments ({columns}) FROM STDIN"
        with raw.cursor() as cur, cur.copy(sql) as copy:  # type: ignore[union-attr]
            for row in rows:
                copy.write_row(row)
        return
    conn.execute(insert(Segment), [dict(zip(SEGMENT_FIELDS, r, strict=True)) for r in rows])
