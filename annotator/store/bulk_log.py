"""The edit-log record of a bulk import: one row per imported coding, not one per segment.

A bulk import gives the segments of one import ids that share a random prefix and count up
(``{prefix}{counter:012x}``, still UUID-shaped, version 4), and the segments of one coding
(assignment) a contiguous run of them. Its edit-log row per coding (``entity="segments"``)
names that run: ``after = {"first": id, "last": id, "count": n, "source": name}``. So

* every imported segment traces to its import (:func:`import_of`): the row whose run holds
  its id, in the segment's coding;
* undoing the import undoes it as one step (``EditsMixin.undo``), redo restores it, both
  through one range update on the primary key;
* the log of a bulk import is a few hundred bytes per coding, whatever its size.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from annotator.store.models import EditLog, Segment

BULK_ENTITY = "segments"
_COUNTER_DIGITS = 12  # the last group of a UUID


def new_prefix() -> str:
    """The shared start of one import's segment ids: 24 characters of a random UUID4."""
    return str(uuid.uuid4())[:24]


def segment_id(prefix: str, counter: int) -> str:
    return f"{prefix}{counter:0{_COUNTER_DIGITS}x}"


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """What the edit log says about one coding's part of a bulk import."""

    log_id: int
    at: datetime
    by: str | None
    assignment_id: int
    first: str
    last: str
    count: int
    source: str
    state: str


def log_row(
    at: datetime, by: str | None, aid: int, batch: str, first: str, last: str, count: int,
    source: str, action: str = "import",
) -> dict[str, Any]:
    return dict(
        at=at, coder_id=by, action=action, entity=BULK_ENTITY, entity_id=first[:24],
        assignment_id=aid, before=None,
        after={"first": first, "last": last, "count": count, "source": source},
        state="done", batch=batch,
    )


def set_deleted(conn: Connection, aid: int, after: dict[str, Any], deleted: bool,
                t: datetime) -> list[str]:
    """Undo (deleted=True) or redo a bulk row's segments; returns their ids."""
    where = (Segment.assignment_id == aid, Segment.id >= after["first"],
             Segment.id <= after["last"])
    conn.execute(update(Segment).where(*where).values(deleted=deleted, updated_at=t))
    return [str(r) for r in conn.execute(select(Segment.id).where(*where)).scalars()]


def import_of(conn: Connection, seg_id: str, aid: int) -> ImportRecord | None:
    """The bulk-import row that created ``seg_id`` (in coding ``aid``), if any."""
    rows = conn.execute(
        select(EditLog.id, EditLog.at, EditLog.coder_id, EditLog.after, EditLog.state)
        .where(EditLog.entity == BULK_ENTITY, EditLog.entity_id == seg_id[:24],
               EditLog.assignment_id == aid)
    ).all()
    for log_id, at, by, after, state in rows:
        after = after or {}
        if after.get("first", "") <= seg_id <= after.get("last", ""):
            return ImportRecord(int(log_id), at, by, aid, after["first"], after["last"],
                                int(after.get("count", 0)), str(after.get("source", "")),
                                str(state))
    return None
