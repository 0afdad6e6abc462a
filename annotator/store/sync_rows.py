"""Rows and digests shared by checkout and merge (``annotator.store.checkout``,
``annotator.store.merge``).

A segment's content is compared through a short digest (``SegmentState``, ``segment_digest``,
``row_digest``): the checkout records the digests it hands out as the baseline, the merge
compares against them. Rows are copied between studies with their JSON columns and (SQLite)
timestamps kept as stored text (``raw_text``, ``json_param``, ``time_for``, ``bulk_insert``),
decoded only when needed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Connection, Text, bindparam, cast, insert, select

from annotator.store.models import EditLog, Segment, StudyInfo

if TYPE_CHECKING:
    from annotator.store.study import Study

Progress = Callable[[float, str], None]
CHECKOUT_ACTION = "checkout"
MERGE_ACTION = "merge"


@dataclass(frozen=True, slots=True)
class SegmentState:
    code: str
    start_ms: int
    end_ms: int
    note: str
    modifiers: dict[str, Any]
    deleted: bool

    def digest(self) -> str:
        return segment_digest(self.code, self.start_ms, self.end_ms, self.note,
                              self.modifiers, self.deleted)

    def describe(self) -> str:
        if self.deleted:
            return "deleted"
        times = (f"{self.start_ms / 1000:.3f} s" if self.start_ms == self.end_ms
                 else f"{self.start_ms / 1000:.3f}–{self.end_ms / 1000:.3f} s")
        note = f" note {self.note!r}" if self.note else ""
        return f"{self.code} {times}{note}"


def report_progress(progress: Progress | None, fraction: float, text: str) -> None:
    if progress is not None:
        progress(fraction, text)


def utc_now() -> datetime:
    return datetime.now(UTC)


def study_identity(conn: Connection) -> dict[str, str]:
    row = conn.execute(select(StudyInfo.name, StudyInfo.created_at)).one()
    return {"name": str(row[0]), "created_at": _iso(row[1])}


def _iso(value: datetime) -> str:
    if value.tzinfo is None:  # SQLite hands back naive UTC
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


@contextmanager
def snapshot(study: Study) -> Iterator[Connection]:
    """A read connection that sees one consistent state of the study."""
    with study.read() as conn:
        if not study.is_sqlite:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        yield conn


def segment_digest(
    code: str, start: int, end: int, note: str, modifiers: Any, deleted: bool
) -> str:
    """A short digest of a segment's content (what a merge compares)."""
    if isinstance(modifiers, str):
        modifiers = json_value(modifiers)
    mods = json.dumps(modifiers, sort_keys=True) if modifiers else "{}"
    text = f"{code}\x1f{start}\x1f{end}\x1f{note}\x1f{mods}\x1f{1 if deleted else 0}"
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def row_digest(row: Any) -> str:
    return segment_digest(row.code_id, row.start_ms, row.end_ms, row.note or "",
                          row.modifiers, bool(row.deleted))


def json_value(raw: Any) -> Any:
    """A JSON column read as text (see ``raw_text``), decoded; ``{}`` and null cost nothing."""
    if raw is None or raw in ("{}", "null", ""):
        return None if raw in (None, "null") else {}
    return json.loads(raw) if isinstance(raw, str) else raw


def segment_state(row: Any) -> SegmentState:
    mods = row.modifiers
    mods = json_value(mods) if isinstance(mods, str) else mods
    return SegmentState(str(row.code_id), int(row.start_ms), int(row.end_ms), row.note or "",
                        dict(mods or {}), bool(row.deleted))


def raw_text(column: Any) -> Any:
    """Select a JSON column as its stored text: copied as is, decoded only when needed."""
    return cast(column, Text).label(column.key)


def json_param(name: str, conn: Connection) -> Any:
    """A bound JSON value given as text (PostgreSQL needs the cast, SQLite stores text)."""
    param = bindparam(name, type_=Text)
    return param if conn.dialect.name == "sqlite" else cast(param, JSON)


def segment_columns(raw_times: bool) -> tuple[Any, ...]:
    t = raw_text if raw_times else (lambda c: c)
    return (Segment.id, Segment.assignment_id, Segment.code_id, Segment.start_ms,
            Segment.end_ms, Segment.note, raw_text(Segment.modifiers), t(Segment.created_at),
            t(Segment.updated_at), Segment.deleted)


def log_columns(raw_times: bool) -> tuple[Any, ...]:
    t = raw_text if raw_times else (lambda c: c)
    return (EditLog.id, t(EditLog.at), EditLog.coder_id, EditLog.action, EditLog.entity,
            EditLog.entity_id, EditLog.assignment_id, raw_text(EditLog.before),
            raw_text(EditLog.after), EditLog.batch)


SEGMENT_FIELDS = ("id", "assignment_id", "code_id", "start_ms", "end_ms", "note", "modifiers",
                  "created_at", "updated_at", "deleted")
LOG_FIELDS = ("at", "coder_id", "action", "entity", "entity_id", "assignment_id", "before",
              "after", "state", "batch")


def time_for(conn: Connection, value: Any) -> Any:
    """A timestamp for ``conn``: SQLite's stored text, or a datetime for other servers."""
    if conn.dialect.name == "sqlite":
        if isinstance(value, datetime):
            v = value.astimezone(UTC) if value.tzinfo else value
            return (f"{v.year:04d}-{v.month:02d}-{v.day:02d} {v.hour:02d}:{v.minute:02d}:"
                    f"{v.second:02d}.{v.microsecond:06d}")
        return value
    return as_datetime(value)


def as_datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def bulk_insert(conn: Connection, table: Any, columns: Sequence[str],
                rows: Sequence[tuple[Any, ...]], json_columns: Sequence[str]) -> None:
    """Insert many rows given as tuples. JSON values are text, timestamps as ``time_for``
    gives them; SQLite takes them straight through its driver (the fast path of a merge)."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        marks = ", ".join("?" for _ in columns)
        conn.exec_driver_sql(
            f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", list(rows))
        return
    stmt = insert(table).values({c: json_param(c, conn) for c in json_columns})
    conn.execute(stmt, [dict(zip(columns, r, strict=True)) for r in rows])
