"""Segment edits: each one a committed transaction with edit-log rows; undo and redo.

Undo history is the edit log itself (docs/design.md §3), so it survives a restart. Edits that
belong together (a split, say) share a ``batch`` and are undone together.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Text, bindparam, cast, func, insert, select, update

from annotator.core import limits
from annotator.core.edit_steps import StepRow
from annotator.core.segments import SegmentView
from annotator.store import bulk_log
from annotator.store.errors import EditError, NotFoundError
from annotator.store.gc_pause import gc_paused
from annotator.store.models import Assignment, EditLog, Segment, Session

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook

_UNDOABLE = ("segment", bulk_log.BULK_ENTITY)
_SEG_FIELDS = ("code_id", "start_ms", "end_ms", "note", "modifiers", "deleted")

# Statements built once: executing a prebuilt statement with parameters skips
# SQLAlchemy's per-call construction and keeps a coding key press well under a few ms.
_INSERT_SEGMENT = insert(Segment)
_INSERT_LOG = insert(EditLog)
# FOR UPDATE OF assignments (PostgreSQL; SQLite writers hold the database lock anyway):
# an edit locks its assignment row before it validates, so concurrent edits of one coding
# run one after the other and cannot both pass the exclusive-overlap check.
_LOAD_COLUMNS = (Segment.id, Segment.code_id, Segment.start_ms, Segment.end_ms, Segment.note,
                 cast(Segment.modifiers, Text))
# open recordings (end_ms NULL) are not segments: they load through ``recordings``
_LOAD_ALL = (select(*_LOAD_COLUMNS).where(Segment.assignment_id == bindparam("aid"),
                                          Segment.end_ms.is_not(None))
             .order_by(Segment.start_ms, Segment.end_ms))
_LOAD_LIVE = _LOAD_ALL.where(Segment.deleted.is_(False))
_LOAD_SQLITE_ALL = ("SELECT id, code_id, start_ms, end_ms, note, CAST(modifiers AS TEXT) "
                    "FROM segments WHERE assignment_id = ? AND end_ms IS NOT NULL{} "
                    "ORDER BY start_ms, end_ms")
_LOAD_SQLITE_LIVE = _LOAD_SQLITE_ALL.format(" AND deleted = 0")
_LOAD_SQLITE_ALL = _LOAD_SQLITE_ALL.format("")
_NO_MODIFIERS = (None, "", "{}", "null")
_FACTS = (
    select(Assignment.codebook_id, Session.media_duration_ms, Session.explicit_duration_ms,
           Assignment.status, Assignment.coder_id)
    .join(Session, Session.id == Assignment.session_id)
    .where(Assignment.id == bindparam("aid"))
    .with_for_update(of=Assignment)
)
_DROP_REDO = (
    update(EditLog)
    .where(EditLog.assignment_id == bindparam("aid"), EditLog.state == "undone")
    .values(state="dropped")
)
_TOUCH = update(Assignment).where(Assignment.id == bindparam("aid")).values(
    updated_at=bindparam("t"))
_START = update(Assignment).where(Assignment.id == bindparam("aid")).values(
    updated_at=bindparam("t"), status="in_progress")
_WRITE_STATE = update(Segment).where(Segment.id == bindparam("sid")).values(
    code_id=bindparam("code_id"), start_ms=bindparam("start_ms"), end_ms=bindparam("end_ms"),
    note=bindparam("note"), modifiers=bindparam("modifiers"), deleted=bindparam("deleted"),
    updated_at=bindparam("t"),
)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class NewSegment:
    """A segment to add in bulk (import, merge, consensus)."""

    assignment_id: int
    code: str
    start_ms: int
    end_ms: int
    note: str = ""
    modifiers: dict[str, Any] | None = None
    id: str | None = None


def _json(value: Any) -> dict[str, Any] | None:
    if isinstance(value, str):
        value = json.loads(value)
    return dict(value) if isinstance(value, dict) else None


# SegmentView is a frozen dataclass: its __init__ sets each field through
# object.__setattr__, which is most of the cost of loading a big session. _views fills the
# slots directly (the same values, checked by tests/test_segment_arrays.py).
_SET_VIEW = tuple(SegmentView.__dict__[f].__set__ for f in (
    "id", "coder", "code", "start_ms", "end_ms", "note", "modifiers"))


def _views(rows: Sequence[Any], coder: str) -> list[SegmentView]:
    """(id, code, start, end, note, modifiers text) rows as views of ``coder``'s segments."""
    new = object.__new__
    s_id, s_coder, s_code, s_start, s_end, s_note, s_mods = _SET_VIEW
    out: list[SegmentView] = []
    append = out.append
    for sid, code, start, end, note, mods in rows:
        v = new(SegmentView)
        s_id(v, sid)
        s_coder(v, coder)
        s_code(v, code)
        s_start(v, start)
        s_end(v, end)
        s_note(v, note or "")
        s_mods(v, {} if mods in _NO_MODIFIERS else dict(json.loads(mods)))
        append(v)
    return out


def _state(row: Any) -> dict[str, Any]:
    return {f: (dict(row[f]) if f == "modifiers" and row[f] else row[f]) for f in _SEG_FIELDS}


def _view(row: Any, coder: str) -> SegmentView:
    return SegmentView(
        id=row.id, coder=coder, code=row.code_id, start_ms=row.start_ms, end_ms=row.end_ms,
        note=row.note or "", modifiers=dict(row.modifiers or {}),
    )


class EditsMixin:
    """Segment edits: part of :class:`annotator.store.study.Study`."""

    if TYPE_CHECKING:
        def write(self) -> AbstractContextManager[Connection]: ...
        def read(self) -> AbstractContextManager[Connection]: ...
        def codebook_by_id(self, codebook_id: int) -> Codebook: ...
        _coder_of: dict[int, str]

    # ------------------------------------------------------------------ reading
    def segments(self, assignment_id: int, *, include_deleted: bool = False) -> list[SegmentView]:
        with self.read() as conn:
            coder = conn.execute(
                select(Assignment.coder_id).where(Assignment.id == assignment_id)
            ).scalar_one_or_none()
            if coder is None:
                raise NotFoundError(f"There is no assignment with id {assignment_id}.")
            q = _LOAD_ALL if include_deleted else _LOAD_LIVE
            who = str(coder)
            # Plain tuples, modifiers as text parsed only when present, and no garbage
            # collection while the rows and views are made (gc_pause says why): a session's
            # thousands of segments load in a few ms.
            with gc_paused():
                if conn.dialect.name == "sqlite":  # the driver's own tuples, no Row objects
                    sql = _LOAD_SQLITE_ALL if include_deleted else _LOAD_SQLITE_LIVE
                    cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
                    try:
                        rows = cur.execute(sql, (assignment_id,)).fetchall()
                    finally:
                        cur.close()
                else:
                    rows = list(conn.execute(q, {"aid": assignment_id}).all())
                return _views(rows, who)

    def segment(self, segment_id: str) -> SegmentView:
        with self.read() as conn:
            row = conn.execute(
                select(Segment.__table__, Assignment.coder_id)
                .join(Assignment, Assignment.id == Segment.assignment_id)
                .where(Segment.id == segment_id)
            ).one_or_none()
        if row is None:
            raise NotFoundError(f"There is no segment {segment_id}.")
        return _view(row, str(row.coder_id))

    def segment_assignment(self, segment_id: str) -> int:
        with self.read() as conn:
            aid = conn.execute(
                select(Segment.assignment_id).where(Segment.id == segment_id)
            ).scalar_one_or_none()
        if aid is None:
            raise NotFoundError(f"There is no segment {segment_id}.")
        return int(aid)

    # ------------------------------------------------------------------ validation
    def _assignment_facts(
        self, conn: Connection, assignment_id: int
    ) -> tuple[int, int | None, str]:
        row = conn.execute(_FACTS, {"aid": assignment_id}).one_or_none()
        if row is None:
            raise NotFoundError(f"There is no assignment with id {assignment_id}.")
        duration = row[1] if row[1] is not None else row[2]
        self._coder_of[assignment_id] = str(row[4])
        return int(row[0]), duration, str(row[3])

    def _validate(
        self, conn: Connection, assignment_id: int, code: str, start: int, end: int,
        *, ignore_id: str | None = None, facts: tuple[int, int | None, str] | None = None,
    ) -> None:
        cb_id, duration, status = facts or self._assignment_facts(conn, assignment_id)
        if status == "submitted":
            raise EditError(
                "This coding has been submitted. Reopen it (Session ▸ Reopen) to edit it; "
                "reopening is logged."
            )
        codebook = self.codebook_by_id(cb_id)
        if not codebook.has_code(code):
            raise EditError(f"Unknown code {code!r}: it is not in the codebook "
                            f"{codebook.name!r} {codebook.version}.")
        if start < 0:
            raise EditError(f"A segment cannot start before 0 (start {start} ms).")
        if max(start, end) > limits.MAX_TIME_MS:
            raise EditError(f"A segment cannot reach beyond {limits.MAX_TIME_MS // 1000} s "
                            f"({start}–{end} ms).")
        if end < start:
            raise EditError(f"A segment cannot end before it starts ({start}–{end} ms).")
        kind = codebook.code(code).kind
        if kind == "point" and end != start:
            raise EditError(f"{code!r} is a point code: its end must equal its start.")
        if duration is not None and end > duration:
            raise EditError(
                f"The segment ends at {end} ms, beyond the session's duration ({duration} ms)."
            )
        category = codebook.category_of(code)
        if category.exclusive and end > start:
            others = [c.id for c in category.codes]
            q = select(Segment.id, Segment.code_id, Segment.start_ms, Segment.end_ms).where(
                Segment.assignment_id == assignment_id, Segment.deleted.is_(False),
                Segment.code_id.in_(others), Segment.start_ms < end, Segment.end_ms > start,
            )
            for row in conn.execute(q):
                if row[0] != ignore_id and row[3] is not None and row[3] > row[2]:
                    raise EditError(
                        f"{code!r} would overlap {row[1]!r} ({row[2]}–{row[3]} ms) in the "
                        f"exclusive category {category.id!r}."
                    )

    # ------------------------------------------------------------------ edits
    def add_segment(
        self, assignment_id: int, code: str, start_ms: int, end_ms: int, *, note: str = "",
        modifiers: dict[str, Any] | None = None, by: str | None = None,
        segment_id: str | None = None,
    ) -> SegmentView:
        """Add one segment in its own committed transaction."""
        sid = segment_id or str(uuid.uuid4())
        _check_note(note)
        with self.write() as conn:
            facts = self._assignment_facts(conn, assignment_id)
            self._validate(conn, assignment_id, code, start_ms, end_ms, facts=facts)
            batch = self._begin_edit(conn, assignment_id, facts[2])
            self._insert(conn, assignment_id, sid, code, start_ms, end_ms, note,
                         modifiers or {}, by, batch)
        coder = self._coder_of[assignment_id]
        return SegmentView(sid, coder, code, start_ms, end_ms, note, dict(modifiers or {}))

    def update_segment(
        self, segment_id: str, *, by: str | None = None, **changes: Any
    ) -> SegmentView:
        """Change code, start_ms, end_ms, note or modifiers of a segment."""
        allowed = {"code", "start_ms", "end_ms", "note", "modifiers"}
        unknown = set(changes) - allowed
        if unknown:
            raise EditError(f"Cannot change {', '.join(sorted(unknown))} of a segment.")
        if "note" in changes:
            _check_note(str(changes["note"]))
        with self.write() as conn:
            row = self._segment_row(conn, segment_id, recording_ok=False)
            aid = int(row.assignment_id)
            facts = self._assignment_facts(conn, aid)
            new = _state(row)
            if "code" in changes:
                new["code_id"] = changes.pop("code")
            new.update(changes)
            self._validate(conn, aid, new["code_id"], int(new["start_ms"]), int(new["end_ms"]),
                           ignore_id=segment_id, facts=facts)
            batch = self._begin_edit(conn, aid, facts[2])
            self._apply(conn, segment_id, "update", _state(row), new, aid, by, batch)
        return self.segment(segment_id)

    def delete_segment(self, segment_id: str, *, by: str | None = None) -> None:
        self.delete_segments([segment_id], by=by)

    def delete_segments(self, segment_ids: Sequence[str], *, by: str | None = None) -> None:
        """Soft-delete segments (one undoable step)."""
        if not segment_ids:
            return
        with self.write() as conn:
            batch: str | None = None
            for sid in segment_ids:
                row = self._segment_row(conn, sid)
                aid = int(row.assignment_id)
                facts = self._assignment_facts(conn, aid)
                if facts[2] == "submitted":
                    raise EditError("This coding has been submitted. Reopen it to edit it.")
                if batch is None:
                    batch = self._begin_edit(conn, aid, facts[2])
                before = _state(row)
                self._apply(conn, sid, "delete", before, {**before, "deleted": True}, aid, by,
                            batch)

    def split_segment(self, segment_id: str, at_ms: int, *, by: str | None = None) -> str:
        """Split a state segment at ``at_ms``; returns the new (right-hand) segment's id."""
        new_id = str(uuid.uuid4())
        with self.write() as conn:
            row = self._segment_row(conn, segment_id, recording_ok=False)
            if not row.start_ms < at_ms < row.end_ms:
                raise EditError("The split point must lie inside the segment.")
            aid = int(row.assignment_id)
            facts = self._assignment_facts(conn, aid)
            if facts[2] == "submitted":
                raise EditError("This coding has been submitted. Reopen it to edit it.")
            batch = self._begin_edit(conn, aid, facts[2])
            before = _state(row)
            self._apply(conn, segment_id, "update", before, {**before, "end_ms": at_ms}, aid, by,
                        batch)
            self._insert(conn, aid, new_id, row.code_id, at_ms, row.end_ms, row.note or "",
                         dict(row.modifiers or {}), by, batch)
        return new_id

    def add_segments(
        self, items: Iterable[NewSegment], *, by: str | None = None, action: str = "import",
        validate: bool = True,
    ) -> int:
        """Add many segments in ONE transaction (all or nothing); returns how many."""
        count = 0
        with self.write() as conn:
            facts_cache: dict[int, tuple[int, int | None, str]] = {}
            batch = str(uuid.uuid4())
            seg_rows: list[dict[str, Any]] = []
            log_rows: list[dict[str, Any]] = []
            t = _now()
            for it in items:
                facts = facts_cache.get(it.assignment_id)
                if facts is None:
                    facts = self._assignment_facts(conn, it.assignment_id)
                    facts_cache[it.assignment_id] = facts
                    self._begin_edit(conn, it.assignment_id, facts[2])
                if validate:
                    self._validate(conn, it.assignment_id, it.code, it.start_ms, it.end_ms,
                                   facts=facts)
                sid = it.id or str(uuid.uuid4())
                mods = dict(it.modifiers or {})
                seg_rows.append(dict(
                    id=sid, assignment_id=it.assignment_id, code_id=it.code,
                    start_ms=it.start_ms, end_ms=it.end_ms, note=it.note, modifiers=mods,
                    created_at=t, updated_at=t, deleted=False,
                ))
                log_rows.append(dict(
                    at=t, coder_id=by, action=action, entity="segment", entity_id=sid,
                    assignment_id=it.assignment_id, before=None,
                    after={"code_id": it.code, "start_ms": it.start_ms, "end_ms": it.end_ms,
                           "note": it.note, "modifiers": mods, "deleted": False},
                    state="done", batch=batch,
                ))
                count += 1
            if seg_rows:
                conn.execute(insert(Segment), seg_rows)
                conn.execute(insert(EditLog), log_rows)
        return count

    # ------------------------------------------------------------------ undo / redo
    def can_undo(self, assignment_id: int) -> bool:
        with self.read() as conn:
            return self._last_batch(conn, assignment_id, "done", last=True) is not None

    def can_redo(self, assignment_id: int) -> bool:
        with self.read() as conn:
            return self._last_batch(conn, assignment_id, "undone", last=False) is not None

    def undo(self, assignment_id: int, *, by: str | None = None) -> list[str]:
        """Undo the latest edit step of an assignment; returns the segment ids it touched."""
        return self._undo_redo(assignment_id, by, undo=True)

    def redo(self, assignment_id: int, *, by: str | None = None) -> list[str]:
        return self._undo_redo(assignment_id, by, undo=False)

    def _last_batch(self, conn: Connection, aid: int, state: str, *, last: bool) -> str | None:
        """The next step to undo (the done batch with the latest row) or to redo (the
        undone batch whose latest row is earliest: steps are redone in the reverse order
        of their undoing, even when a recording's end joined an older batch)."""
        if last:
            row = conn.execute(
                select(EditLog.batch).where(
                    EditLog.assignment_id == aid, EditLog.state == state,
                    EditLog.entity.in_(_UNDOABLE),
                ).order_by(EditLog.id.desc()).limit(1)
            ).first()
        else:
            row = conn.execute(
                select(EditLog.batch).where(
                    EditLog.assignment_id == aid, EditLog.state == state,
                    EditLog.entity.in_(_UNDOABLE),
                ).group_by(EditLog.batch).order_by(func.max(EditLog.id).asc()).limit(1)
            ).first()
        return None if row is None else row[0]

    def next_step(self, assignment_id: int, *, undo: bool = True) -> list[StepRow]:
        """The rows of the step that undo (or redo) would take back (or bring back)."""
        with self.read() as conn:
            batch = self._last_batch(conn, assignment_id, "done" if undo else "undone",
                                     last=undo)
            if batch is None:
                return []
            rows = conn.execute(
                select(EditLog.entity_id, EditLog.action, EditLog.before, EditLog.after)
                .where(EditLog.assignment_id == assignment_id, EditLog.batch == batch,
                       EditLog.entity == "segment").order_by(EditLog.id)
            ).all()
        return [StepRow(str(r[0]), str(r[1]), _json(r[2]), _json(r[3])) for r in rows]

    def _undo_redo(self, aid: int, by: str | None, *, undo: bool) -> list[str]:
        with self.write() as conn:
            facts = self._assignment_facts(conn, aid)
            if facts[2] == "submitted":
                raise EditError("This coding has been submitted. Reopen it to edit it.")
            batch = self._last_batch(conn, aid, "done" if undo else "undone", last=undo)
            if batch is None:
                return []
            rows = conn.execute(
                select(EditLog.id, EditLog.entity_id, EditLog.before, EditLog.after,
                       EditLog.entity)
                .where(EditLog.assignment_id == aid, EditLog.batch == batch,
                       EditLog.entity.in_(_UNDOABLE))
                .order_by(EditLog.id.desc() if undo else EditLog.id.asc())
            ).all()
            touched: list[str] = []
            bulk: list[int] = []
            t = _now()
            for log_id, seg_id, before, after, entity in rows:
                if entity == bulk_log.BULK_ENTITY:  # a bulk import: one range update
                    touched.extend(bulk_log.set_deleted(conn, aid, after, undo, t))
                    bulk.append(int(log_id))
                    conn.execute(update(EditLog).where(EditLog.id == log_id)
                                 .values(state="undone" if undo else "done"))
                    continue
                target = before if undo else after
                if target is None:  # undoing a creation
                    target = {**(after or {}), "deleted": True}
                self._write_state(conn, seg_id, target, t)
                touched.append(seg_id)
                conn.execute(
                    update(EditLog).where(EditLog.id == log_id)
                    .values(state="undone" if undo else "done")
                )
            conn.execute(insert(EditLog).values(
                at=t, coder_id=by, action="undo" if undo else "redo", entity="batch",
                entity_id=batch or "", assignment_id=aid, before=None,
                after={"segments": touched} if not bulk else {"imports": bulk},
                state="audit",
            ))
        return touched

    # ------------------------------------------------------------------ internals
    def _segment_row(self, conn: Connection, segment_id: str, *,
                     recording_ok: bool = True) -> Any:
        row = conn.execute(
            select(Segment.__table__).where(Segment.id == segment_id)
        ).one_or_none()
        if row is None or row.deleted:
            raise NotFoundError(f"There is no segment {segment_id} (it may have been deleted).")
        if row.end_ms is None and not recording_ok:
            raise EditError(f"{row.code_id!r} is still being recorded: end it (Enter) or "
                            "discard it (Esc) before changing it.")
        return row._mapping

    def _begin_edit(self, conn: Connection, assignment_id: int, status: str) -> str:
        """Start an edit step: drop the redo tail, mark the assignment in progress."""
        conn.execute(_DROP_REDO, {"aid": assignment_id})
        conn.execute(_START if status == "assigned" else _TOUCH,
                     {"aid": assignment_id, "t": _now()})
        return str(uuid.uuid4())

    def _insert(
        self, conn: Connection, aid: int, sid: str, code: str, start: int, end: int | None,
        note: str,
        modifiers: dict[str, Any], by: str | None, batch: str,
    ) -> None:
        t = _now()
        conn.execute(_INSERT_SEGMENT, {
            "id": sid, "assignment_id": aid, "code_id": code, "start_ms": start,
            "end_ms": end, "note": note, "modifiers": modifiers, "created_at": t,
            "updated_at": t, "deleted": False,
        })
        conn.execute(_INSERT_LOG, {
            "at": t, "coder_id": by, "action": "create", "entity": "segment",
            "entity_id": sid, "assignment_id": aid, "before": None,
            "after": {"code_id": code, "start_ms": start, "end_ms": end, "note": note,
                      "modifiers": modifiers, "deleted": False},
            "state": "done", "batch": batch,
        })

    def _apply(
        self, conn: Connection, sid: str, action: str, before: dict[str, Any],
        after: dict[str, Any], aid: int, by: str | None, batch: str,
    ) -> None:
        t = _now()
        self._write_state(conn, sid, after, t)
        conn.execute(_INSERT_LOG, {
            "at": t, "coder_id": by, "action": action, "entity": "segment", "entity_id": sid,
            "assignment_id": aid, "before": before, "after": after, "state": "done",
            "batch": batch,
        })

    def _write_state(self, conn: Connection, sid: str, state: dict[str, Any], t: datetime) -> None:
        conn.execute(_WRITE_STATE, {
            "sid": sid, "code_id": state["code_id"], "start_ms": state["start_ms"],
            "end_ms": state["end_ms"], "note": state.get("note", ""),
            "modifiers": state.get("modifiers") or {},
            "deleted": bool(state.get("deleted", False)), "t": t,
        })


def _check_note(note: str) -> None:
    try:
        limits.check_note(note)
    except limits.LimitError as exc:
        raise EditError(str(exc)) from None
