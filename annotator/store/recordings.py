"""Open recordings: a state code being recorded is stored with a start and no end.

A recording is stored the moment its key goes down (so ``kill -9`` loses nothing), as a
segment row whose ``end_ms`` is NULL. It is not a segment: the segment queries, exports,
reliability, checkout and merge skip it. Ending it writes the end into the same row, and
the edit-log row of the end joins the batch of the row that opened it, so one
keyboard-coded segment is one undo step. Discarding it soft-deletes the row and takes
its batch out of the undo history (there is nothing left to undo).

Also here: each coding's last playhead position, which is not an edit (no log row).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from annotator.core.segments import SegmentView
from annotator.core.timefmt import format_short
from annotator.store.edits import EditsMixin
from annotator.store.errors import EditError, NotFoundError
from annotator.store.models import Assignment, Case, EditLog, Segment, Session
from annotator.store.records import OpenRecordingInfo, code_label

__all__ = ["OpenRecordingInfo", "Recording", "RecordingsMixin"]


@dataclass(frozen=True, slots=True)
class Recording:
    """A state code being recorded: its segment id, code and start."""

    id: str
    assignment_id: int
    code: str
    start_ms: int


_OPEN = (
    select(Segment.id, Segment.assignment_id, Segment.code_id, Segment.start_ms)
    .where(Segment.deleted.is_(False), Segment.end_ms.is_(None))
)
# no ORDER BY: SQLite then looks the open rows up in ix_segments_assignment_end instead
# of walking the coding's segments in start order (sorted in Python; there are few)
_OPEN_OF = _OPEN.where(Segment.assignment_id == bindparam("aid"))
_OPEN_ROW = (
    select(Segment.assignment_id, Segment.code_id, Segment.start_ms, Segment.note,
           Segment.modifiers, Segment.end_ms, Segment.deleted)
    .where(Segment.id == bindparam("sid"))
)
# the batch of the edit that opened a recording (index ix_edit_log_entity)
_OPENED_IN = (
    select(EditLog.batch, EditLog.state)
    .where(EditLog.entity_id == bindparam("sid"), EditLog.entity == "segment",
           EditLog.action == "create")
    .order_by(EditLog.id.desc()).limit(1)
)
_SET_POSITION = update(Assignment).where(Assignment.id == bindparam("aid")).values(
    last_position_ms=bindparam("ms"))


_label = code_label


class RecordingsMixin(EditsMixin):
    """Open recordings and playhead positions: part of :class:`annotator.store.study.Study`."""

    # ------------------------------------------------------------------ reading
    def recordings(self, assignment_id: int) -> list[Recording]:
        """The codes being recorded in one coding, by start."""
        with self.read() as conn:
            rows = conn.execute(_OPEN_OF, {"aid": assignment_id}).all()
        return sorted((Recording(str(r[0]), int(r[1]), str(r[2]), int(r[3])) for r in rows),
                      key=lambda r: (r.start_ms, r.id))

    def open_recordings(self, assignment_id: int | None = None, *,
                        conn: Connection | None = None) -> list[OpenRecordingInfo]:
        """Every open recording of the study (or of one coding), in case/session order."""
        q = (
            select(Segment.id, Case.label, Session.number, Assignment.coder_id,
                   Assignment.purpose, Segment.code_id, Segment.start_ms,
                   Assignment.codebook_id)
            .join(Assignment, Assignment.id == Segment.assignment_id)
            .join(Session, Session.id == Assignment.session_id)
            .join(Case, Case.id == Session.case_id)
            .where(Segment.deleted.is_(False), Segment.end_ms.is_(None))
        )
        if assignment_id is not None:
            q = q.where(Segment.assignment_id == assignment_id)
        q = q.order_by(Case.label, Session.number, Assignment.coder_id, Segment.start_ms)
        if conn is not None:
            rows = conn.execute(q).all()
        else:
            with self.read() as c:
                rows = c.execute(q).all()
        return [OpenRecordingInfo(str(r[0]), str(r[1]), int(r[2]), str(r[3]), str(r[4]),
                                  str(r[5]), _label(self.codebook_by_id(int(r[7])), str(r[5])),
                                  int(r[6])) for r in rows]

    # ------------------------------------------------------------------ edits
    def start_recording(
        self, assignment_id: int, code: str, start_ms: int, *, by: str | None = None,
        recording_id: str | None = None,
    ) -> Recording:
        """Store a state code as being recorded from ``start_ms`` (its own edit batch)."""
        sid = recording_id or str(uuid.uuid4())
        with self.write() as conn:
            facts = self._assignment_facts(conn, assignment_id)
            self._validate(conn, assignment_id, code, start_ms, start_ms, facts=facts)
            codebook = self.codebook_by_id(facts[0])
            if codebook.code(code).kind == "point":
                raise EditError(f"{code!r} is a point code: it is an instant, not recorded.")
            if conn.execute(_OPEN_OF.where(Segment.code_id == code).limit(1),
                            {"aid": assignment_id}).first() is not None:
                raise EditError(f"'{_label(codebook, code)}' is already being recorded.")
            batch = self._begin_edit(conn, assignment_id, facts[2])
            self._insert(conn, assignment_id, sid, code, start_ms, None, "", {}, by, batch)
        return Recording(sid, assignment_id, code, start_ms)

    def end_recording(
        self, recording_id: str, end_ms: int, *, by: str | None = None
    ) -> SegmentView:
        """End a recording at ``end_ms``: it becomes a segment, in the batch that opened it.

        An end before the start is refused (the recording stays open): a segment never
        runs backwards.
        """
        with self.write() as conn:
            row = self._open_row(conn, recording_id)
            aid = int(row.assignment_id)
            facts = self._assignment_facts(conn, aid)
            codebook = self.codebook_by_id(facts[0])
            if end_ms < row.start_ms:
                raise EditError(
                    f"'{_label(codebook, row.code_id)}' has been recording since "
                    f"{format_short(row.start_ms)}, so it cannot end at "
                    f"{format_short(end_ms)}, before its start. Move the playhead past "
                    "the start and end it again, or discard it (Esc); nothing was changed."
                )
            self._validate(conn, aid, row.code_id, int(row.start_ms), end_ms,
                           ignore_id=recording_id, facts=facts)
            batch = self._begin_edit(conn, aid, facts[2])
            opened = conn.execute(_OPENED_IN, {"sid": recording_id}).first()
            if opened is not None and opened[0] is not None and opened[1] == "done":
                batch = str(opened[0])  # one keyboard-coded segment, one undo step
            before = self._row_state(row)
            self._apply(conn, recording_id, "update", before, {**before, "end_ms": end_ms},
                        aid, by, batch)
        return SegmentView(recording_id, self._coder_of[aid], str(row.code_id),
                           int(row.start_ms), end_ms, row.note or "", dict(row.modifiers or {}))

    def discard_recordings(self, recording_ids: list[str], *, by: str | None = None) -> None:
        """Throw recordings away (soft delete). Their batches leave the undo history: the
        edit-log rows stay as the audit trail."""
        if not recording_ids:
            return
        with self.write() as conn:
            for sid in recording_ids:
                row = self._open_row(conn, sid)
                aid = int(row.assignment_id)
                facts = self._assignment_facts(conn, aid)
                if facts[2] == "submitted":
                    raise EditError("This coding has been submitted. Reopen it to edit it.")
                opened = conn.execute(_OPENED_IN, {"sid": sid}).first()
                batch = self._begin_edit(conn, aid, facts[2])
                if opened is not None and opened[0] is not None:
                    batch = str(opened[0])
                before = self._row_state(row)
                self._apply(conn, sid, "delete", before, {**before, "deleted": True}, aid, by,
                            batch)
                conn.execute(update(EditLog).where(
                    EditLog.assignment_id == aid, EditLog.batch == batch,
                    EditLog.entity == "segment").values(state="audit"))

    # ------------------------------------------------------------------ position
    def set_last_position(self, assignment_id: int, position_ms: int) -> None:
        """Where the coder left the playhead in this coding (not an edit: no log row)."""
        with self.write() as conn:
            conn.execute(_SET_POSITION, {"aid": assignment_id, "ms": max(0, int(position_ms))})

    def last_position(self, assignment_id: int) -> int | None:
        with self.read() as conn:
            value = conn.execute(select(Assignment.last_position_ms)
                                 .where(Assignment.id == assignment_id)).scalar_one_or_none()
        return None if value is None else int(value)

    # ------------------------------------------------------------------ internals
    def _open_row(self, conn: Connection, recording_id: str) -> Any:
        row = conn.execute(_OPEN_ROW, {"sid": recording_id}).one_or_none()
        if row is None or row.deleted or row.end_ms is not None:
            raise NotFoundError(
                f"There is no open recording {recording_id} (it may have been ended or "
                "discarded meanwhile; refresh with F5)."
            )
        return row

    @staticmethod
    def _row_state(row: Any) -> dict[str, Any]:
        return {"code_id": row.code_id, "start_ms": row.start_ms, "end_ms": None,
                "note": row.note or "", "modifiers": dict(row.modifiers or {}),
                "deleted": False}
