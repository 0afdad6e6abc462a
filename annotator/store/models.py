"""The study schema: SQLAlchemy 2 typed ORM tables (DESIGN §3).

Changing this module needs a new Alembic revision in ``store/migrations/versions``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class StudyInfo(Base):
    """One row: what this database is."""

    __tablename__ = "study_info"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    magic: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    app_version: Mapped[str] = mapped_column(String(40))
    current_codebook_id: Mapped[int | None] = mapped_column(
        ForeignKey("codebook_versions.id"), nullable=True
    )


class CodebookVersion(Base):
    __tablename__ = "codebook_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    version_label: Mapped[str] = mapped_column(String(60))
    yaml_text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Case(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(60), unique=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class Session(Base):
    __tablename__ = "sessions"
    __table_args__ = (UniqueConstraint("case_id", "number", name="uq_session_case_number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    media_path: Mapped[str | None] = mapped_column(Text, nullable=True)
    media_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    media_size: Mapped[int | None] = mapped_column(Integer, nullable=True)
    media_duration_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    fps: Mapped[float | None] = mapped_column(Float, nullable=True)
    frame_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    width: Mapped[int | None] = mapped_column(Integer, nullable=True)
    height: Mapped[int | None] = mapped_column(Integer, nullable=True)
    codec: Mapped[str | None] = mapped_column(String(20), nullable=True)
    explicit_duration_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Coder(Base):
    __tablename__ = "coders"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")


class Assignment(Base):
    __tablename__ = "assignments"
    __table_args__ = (
        UniqueConstraint("session_id", "coder_id", "purpose", name="uq_assignment"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    coder_id: Mapped[str] = mapped_column(ForeignKey("coders.id"))
    purpose: Mapped[str] = mapped_column(String(20))  # primary | reliability | consensus
    status: Mapped[str] = mapped_column(String(20))  # assigned | in_progress | submitted
    codebook_id: Mapped[int] = mapped_column(ForeignKey("codebook_versions.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # where the coder left the playhead (not an edit: no log row, no updated_at)
    last_position_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Segment(Base):
    __tablename__ = "segments"
    __table_args__ = (
        Index("ix_segments_assignment", "assignment_id", "start_ms"),
        Index("ix_segments_assignment_end", "assignment_id", "end_ms"),  # open recordings
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    code_id: Mapped[str] = mapped_column(String(60))
    start_ms: Mapped[int] = mapped_column(Integer)
    # NULL while the segment is being recorded (an open recording: a start, no end yet).
    # An open recording is not a segment for exports, reliability, checkout or merge.
    end_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    modifiers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class EditLog(Base):
    """Every change, one row: the audit trail and the undo/redo history.

    ``state`` is ``done`` (undoable), ``undone`` (redoable), ``dropped`` (undone, then
    superseded by a new edit) or ``audit`` (a record only, e.g. an undo, unblinding).
    """

    __tablename__ = "edit_log"
    __table_args__ = (
        Index("ix_edit_log_assignment", "assignment_id", "id"),
        Index("ix_edit_log_assignment_state", "assignment_id", "state"),
        Index("ix_edit_log_entity", "entity_id", "id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    coder_id: Mapped[str | None] = mapped_column(String(20), nullable=True)
    action: Mapped[str] = mapped_column(String(30))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(64))
    assignment_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    state: Mapped[str] = mapped_column(String(10), default="audit")
    batch: Mapped[str | None] = mapped_column(String(36), nullable=True)
