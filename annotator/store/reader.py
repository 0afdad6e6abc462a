"""What the read-only commands ask of a study: :class:`StudyReader`.

Both :class:`~annotator.store.study.Study` (SQLAlchemy: SQLite files and PostgreSQL) and
:class:`~annotator.store.lite.LiteStudy` (the standard library's ``sqlite3``, for a current
SQLite study file: no SQLAlchemy to import, so a command starts in a fraction of the time)
answer it, with the same values for the same study (``tests/test_lite_reader.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook
    from annotator.store.records import (
        AssignmentInfo,
        CoderInfo,
        OpenRecordingInfo,
        SegmentRow,
        SessionInfo,
    )


class StudyReader(Protocol):
    """The read side of a study (see the module docstring)."""

    where: str
    path: Path | None
    integrity_checked: bool

    @property
    def is_sqlite(self) -> bool: ...

    @property
    def current_codebook_id(self) -> int: ...

    @property
    def codebook(self) -> Codebook: ...

    def codebook_by_id(self, codebook_id: int) -> Codebook: ...

    def read(self) -> AbstractContextManager[Any]:
        """A read transaction; its connection answers ``exec_driver_sql(sql)``."""
        ...

    def cases(self) -> list[str]: ...

    def sessions(self, case: str | None = None) -> list[SessionInfo]: ...

    def coders(self) -> list[CoderInfo]: ...

    def has_coder(self, coder_id: str) -> bool: ...

    def assignments(self, *, session_id: int | None = None, coder: str | None = None,
                    purpose: str | None = None) -> list[AssignmentInfo]: ...

    def open_recordings(self) -> list[OpenRecordingInfo]: ...

    def segment_rows(self, *, coder: str | None = None, case: str | None = None,
                     session_ids: Collection[int] | None = None) -> list[SegmentRow]: ...

    def check_integrity(self, progress: Callable[[float], None] | None = None,
                        cancelled: Callable[[], bool] | None = None) -> None: ...

    def close(self) -> None: ...


def driver_cursor(conn: Any) -> Any:
    """The DB-API cursor of a read transaction's connection (``with study.read() as conn``),
    for a statement whose rows go straight into numpy: :class:`LiteConnection`'s own
    ``sqlite3`` cursor, or the driver's cursor under SQLAlchemy's connection."""
    from annotator.store.lite import LiteConnection

    if isinstance(conn, LiteConnection):
        return conn.driver_cursor()
    return conn.connection.driver_connection.cursor()


def sql_text(text: str) -> str:
    """``text`` as an SQL string literal (both SQLite and PostgreSQL, whose
    ``standard_conforming_strings`` is on: a quote is doubled, nothing else escaped), for a
    statement run on a driver cursor without parameters."""
    if "\x00" in text:
        raise ValueError("an SQL text cannot hold a NUL character")
    return "'" + text.replace("'", "''") + "'"


# What a live segment is (``annotator.store.queries.live_segments_query``: not deleted, not
# an open recording), with its assignment ``a``, session ``s`` and case ``c``, as plain SQL
# for SQLite and PostgreSQL; callers add ``AND ...`` filters.
LIVE_SEGMENTS_FROM = (
    "FROM segments g JOIN assignments a ON a.id = g.assignment_id "
    "JOIN sessions s ON s.id = a.session_id JOIN cases c ON c.id = s.case_id "
    "WHERE g.deleted = false AND g.end_ms IS NOT NULL"
)
