"""The study schema: SQLAlchemy Core tables (docs/design.md §3).

Changing this module needs a new Alembic revision in ``store/migrations/versions``.

Each table is one object whose attributes are its typed columns (``Segment.id``,
``Segment.start_ms``...) and which SQLAlchemy takes wherever it takes a table
(``insert(Segment)``, ``select(EditLog)``, ``Segment.__table__``). These are plain Core
tables, not ORM mappings: the store only ever runs Core statements, and leaving
``sqlalchemy.orm`` out keeps every command's start-up short. Nullability and defaults are
stated explicitly, as the schema of revision 0001 has them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData()
LIVE = text("end_ms IS NOT NULL")  # a finished segment (not an open recording)


class Base:
    """What migrations and archives walk: the tables' metadata."""

    metadata: ClassVar[MetaData] = metadata


class _Table:
    """A table as an object: its columns are attributes (set in ``__init__``, in table
    order); ``_done`` builds the table from them."""

    __tablename__: ClassVar[str]
    __table__: Table

    def _done(self, *extra: Any) -> None:
        columns = [v for v in vars(self).values() if isinstance(v, Column)]
        self.__table__ = Table(self.__tablename__, metadata, *columns, *extra)

    def __clause_element__(self) -> Any:  # what SQLAlchemy takes as the table
        return self.__table__


def _col(name: str, type_: Any, *args: Any, nullable: bool = False, **kw: Any) -> Column[Any]:
    return Column(name, type_, *args, nullable=nullable, **kw)


class _StudyInfo(_Table):
    """One row: what this database is."""

    __tablename__ = "study_info"

    def __init__(self) -> None:
        self.id: Column[int] = Column("id", Integer, primary_key=True)
        self.magic: Column[str] = _col("magic", String(32))
        self.name: Column[str] = _col("name", String(200), default="")
        self.created_at: Column[datetime] = _col("created_at", DateTime(timezone=True))
        self.app_version: Column[str] = _col("app_version", String(40))
        self.current_codebook_id: Column[int | None] = _col(
            "current_codebook_id", Integer, ForeignKey("codebook_versions.id"), nullable=True)
        self._done()


StudyInfo = _StudyInfo()


class _CodebookVersion(_Table):
    __tablename__ = "codebook_versions"

    def __init__(self) -> None:
        self.id: Column[int] = Column("id", Integer, primary_key=True)
        self.name: Column[str] = _col("name", String(200))
        self.version_label: Column[str] = _col("version_label", String(60))
        self.yaml_text: Column[str] = _col("yaml_text", Text)
        self.sha256: Column[str] = _col("sha256", String(64), unique=True)
        self.created_at: Column[datetime] = _col("created_at", DateTime(timezone=True))
        self._done()


CodebookVersion = _CodebookVersion()


class _Case(_Table):
    __tablename__ = "cases"

    def __init__(self) -> None:
        self.id: Column[int] = Column("id", Integer, primary_key=True)
        self.label: Column[str] = _col("label", String(60), unique=True)
        self.notes: Column[str] = _col("notes", Text, default="")
        self._done()


Case = _Case()


class _Session(_Table):
    __tablename__ = "sessions"

    def __init__(self) -> None:
        self.id: Column[int] = Column("id", Integer, primary_key=True)
        self.case_id: Column[int] = _col(
            "case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"))
        self.number: Column[int] = _col("number", Integer)
        self.date: Column[str | None] = _col("date", String(10), nullable=True)
        self.media_path: Column[str | None] = _col("media_path", Text, nullable=True)
        self.media_sha256: Column[str | None] = _col("media_sha256", String(64), nullable=True)
        self.media_size: Column[int | None] = _col(
            "media_size", BigInteger, nullable=True)  # bytes (0003: bigint on PostgreSQL)
        self.media_duration_ms: Column[int | None] = _col(
            "media_duration_ms", Integer, nullable=True)
        self.fps: Column[float | None] = _col("fps", Float, nullable=True)
        self.frame_count: Column[int | None] = _col("frame_count", Integer, nullable=True)
        self.width: Column[int | None] = _col("width", Integer, nullable=True)
        self.height: Column[int | None] = _col("height", Integer, nullable=True)
        self.codec: Column[str | None] = _col("codec", String(20), nullable=True)
        self.explicit_duration_ms: Column[int | None] = _col(
            "explicit_duration_ms", Integer, nullable=True)
        self._done(UniqueConstraint("case_id", "number", name="uq_session_case_number"))


Session = _Session()


class _Coder(_Table):
    __tablename__ = "coders"

    def __init__(self) -> None:
        self.id: Column[str] = Column("id", String(20), primary_key=True)
        self.name: Column[str] = _col("name", String(200), default="")
        self._done()


Coder = _Coder()


class _Assignment(_Table):
    __tablename__ = "assignments"

    def __init__(self) -> None:
        self.id: Column[int] = Column("id", Integer, primary_key=True)
        self.session_id: Column[int] = _col(
            "session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"))
        self.coder_id: Column[str] = _col("coder_id", String(20), ForeignKey("coders.id"))
        self.purpose: Column[str] = _col("purpose", String(20))  # primary | reliability | consensus
        self.status: Column[str] = _col("status", String(20))  # assigned | in_progress | submitted
        self.codebook_id: Column[int] = _col(
            "codebook_id", Integer, ForeignKey("codebook_versions.id"))
        self.created_at: Column[datetime] = _col("created_at", DateTime(timezone=True))
        self.updated_at: Column[datetime] = _col("updated_at", DateTime(timezone=True))
        # where the coder left the playhead (not an edit: no log row, no updated_at); 0002
        self.last_position_ms: Column[int | None] = _col(
            "last_position_ms", Integer, nullable=True)
        self._done(UniqueConstraint("session_id", "coder_id", "purpose", name="uq_assignment"))


Assignment = _Assignment()


class _Segment(_Table):
    __tablename__ = "segments"

    def __init__(self) -> None:
        self.id: Column[str] = Column("id", String(36), primary_key=True)  # UUID
        self.assignment_id: Column[int] = _col(
            "assignment_id", Integer, ForeignKey("assignments.id", ondelete="CASCADE"))
        self.code_id: Column[str] = _col("code_id", String(60))
        self.start_ms: Column[int] = _col("start_ms", Integer)
        # NULL while the segment is being recorded (an open recording: a start, no end yet;
        # 0002). An open recording is not a segment for exports, reliability or merge.
        self.end_ms: Column[int | None] = _col("end_ms", Integer, nullable=True)
        self.note: Column[str] = _col("note", Text, default="")
        self.modifiers: Column[dict[str, Any]] = _col("modifiers", JSON, default=dict)
        self.created_at: Column[datetime] = _col("created_at", DateTime(timezone=True))
        self.updated_at: Column[datetime] = _col("updated_at", DateTime(timezone=True))
        self.deleted: Column[bool] = _col("deleted", Boolean, default=False)
        # 0004: a coding's segments (not open recordings) in start and end order, read from
        # the index alone (the session load and reliability's read); on SQLite it also holds
        # note and modifiers. Its PostgreSQL predicate is added by postgresql_options():
        # naming a dialect's option loads that dialect, 25 ms of every SQLite command's start.
        self.live_span = Index("ix_segments_assignment_span", "assignment_id", "start_ms",
                               "end_ms", "deleted", "code_id", "id", sqlite_where=LIVE)
        self._done(self.live_span, Index("ix_segments_assignment_end", "assignment_id", "end_ms"))


Segment = _Segment()


def postgresql_options() -> None:
    """Give the tables their PostgreSQL-only options: the predicate of migration 0004's
    partial index. Alembic's environment calls this before it compares the metadata; the
    store does not need it to run (the migrations build the schema)."""
    Segment.live_span.dialect_options["postgresql"]["where"] = LIVE


class _EditLog(_Table):
    """Every change, one row: the audit trail and the undo/redo history.

    ``state`` is ``done`` (undoable), ``undone`` (redoable), ``dropped`` (undone, then
    superseded by a new edit) or ``audit`` (a record only, e.g. an undo, unblinding).
    """

    __tablename__ = "edit_log"

    def __init__(self) -> None:
        self.id: Column[int] = Column("id", Integer, primary_key=True, autoincrement=True)
        self.at: Column[datetime] = _col("at", DateTime(timezone=True))
        self.coder_id: Column[str | None] = _col("coder_id", String(20), nullable=True)
        self.action: Column[str] = _col("action", String(30))
        self.entity: Column[str] = _col("entity", String(30))
        self.entity_id: Column[str] = _col("entity_id", String(64))
        self.assignment_id: Column[int | None] = _col("assignment_id", Integer, nullable=True)
        self.before: Column[dict[str, Any] | None] = _col("before", JSON, nullable=True)
        self.after: Column[dict[str, Any] | None] = _col("after", JSON, nullable=True)
        self.state: Column[str] = _col("state", String(10), default="audit")
        self.batch: Column[str | None] = _col("batch", String(36), nullable=True)
        self._done(Index("ix_edit_log_assignment", "assignment_id", "id"),
                   Index("ix_edit_log_assignment_state", "assignment_id", "state"),
                   Index("ix_edit_log_entity", "entity_id", "id"))


EditLog = _EditLog()
