"""A current SQLite study read with the standard library's ``sqlite3``: the light read path.

Importing SQLAlchemy alone takes longer than a whole read-only command may
(issue 13 point 6), so ``annotator session list``, ``check`` and ``export`` (CSV) read a study
file through :class:`LiteStudy` instead of :class:`~annotator.store.study.Study`. It answers
:class:`~annotator.store.reader.StudyReader` with the same values (its SQL is what Study's
queries compile to on SQLite; ``tests/test_lite_reader.py`` compares the two on the same
studies) and never writes: the connection is read-only (``mode=ro``).

:func:`open_lite` opens only a study that needs nothing but reading: a file whose schema is
at the newest revision. For anything else (a server URL, a study to migrate) it returns
None and the caller opens a :class:`~annotator.store.study.Study`, which migrates.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.store.errors import (
    NotAStudyError,
    NotFoundError,
    StudyCorruptError,
    StudyError,
    explain_database_error,
)
from annotator.store.precheck import MAGIC, precheck_file, register_open, unregister_open
from annotator.store.reader import LIVE_SEGMENTS_FROM
from annotator.store.records import (
    AssignmentInfo,
    CoderInfo,
    OpenRecordingInfo,
    SessionInfo,
    code_label,
    session_info,
)
from annotator.store.revisions import head_revision

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook
    from annotator.store.records import SegmentRow

BUSY_TIMEOUT_S = 2.0

_SESSIONS = (
    "SELECT s.id, c.label, s.number, s.date, s.media_path, s.media_sha256, s.media_size, "
    "s.media_duration_ms, s.fps, s.frame_count, s.width, s.height, s.codec, "
    "s.explicit_duration_ms FROM sessions s JOIN cases c ON c.id = s.case_id"
)
_ASSIGNMENTS = (
    "SELECT a.id, a.session_id, c.label, s.number, a.coder_id, a.purpose, a.status, "
    "a.codebook_id FROM assignments a JOIN sessions s ON s.id = a.session_id "
    "JOIN cases c ON c.id = s.case_id"
)
# annotator.store.queries.live_segments_query, as SQLite runs it
_LIVE_SEGMENTS = (
    "SELECT c.label, s.number, a.coder_id, a.purpose, a.codebook_id, g.code_id, g.start_ms, "
    "g.end_ms, g.note, CAST(g.modifiers AS TEXT) " + LIVE_SEGMENTS_FROM
)
_LIVE_ORDER = (
    " ORDER BY c.label, s.number, a.coder_id, a.purpose, g.start_ms, g.end_ms, g.code_id, "
    "g.note, g.id"
)
_OPEN_RECORDINGS = (
    "SELECT g.id, c.label, s.number, a.coder_id, a.purpose, g.code_id, g.start_ms, "
    "a.codebook_id FROM segments g JOIN assignments a ON a.id = g.assignment_id "
    "JOIN sessions s ON s.id = a.session_id JOIN cases c ON c.id = s.case_id "
    "WHERE g.deleted IS 0 AND g.end_ms IS NULL "
    "ORDER BY c.label, s.number, a.coder_id, g.start_ms"
)


class LiteResult:
    """Rows of a statement, with the few SQLAlchemy result methods the store uses."""

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self._rows = rows

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self._rows)

    def all(self) -> list[tuple[Any, ...]]:
        return list(self._rows)

    def first(self) -> tuple[Any, ...] | None:
        return self._rows[0] if self._rows else None

    def scalar_one(self) -> Any:
        if len(self._rows) != 1:
            raise StudyError(f"expected one row, got {len(self._rows)}")
        return self._rows[0][0]


class LiteConnection:
    """A read transaction's connection: plain SQL in, :class:`LiteResult` out."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def exec_driver_sql(self, statement: str, parameters: Any = ()) -> LiteResult:
        return LiteResult(self._conn.execute(statement, parameters).fetchall())

    def driver_cursor(self) -> sqlite3.Cursor:
        """A plain ``sqlite3`` cursor in this transaction (see :func:`reader.driver_cursor`)."""
        return self._conn.cursor()


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S,
                           isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def open_lite(target: str | Path) -> LiteStudy | None:
    """A :class:`LiteStudy` of a current study file; None for a URL or a study to migrate
    (open a :class:`~annotator.store.study.Study` then). Raises the errors ``Study.open``
    raises for a missing, foreign, damaged or too new file."""
    if isinstance(target, str) and "://" in target:
        return None
    path = Path(target)
    if precheck_file(path) != head_revision():
        return None
    study = LiteStudy(path)
    try:
        study.check_info()
    except BaseException:
        study.close()
        raise
    return study


class LiteStudy:
    """A current SQLite study file, read-only, on ``sqlite3`` (see the module docstring)."""

    is_sqlite = True

    def __init__(self, path: Path) -> None:
        self.target: str | Path = path
        self.where = str(path)
        self.path: Path | None = path.resolve()
        self.integrity_checked = False
        self._codebook_cache: dict[int, Codebook] = {}
        register_open(self.path)
        self._registered = True
        self._conn: sqlite3.Connection | None = None
        try:
            self._conn = _connect(self.path)
        except sqlite3.Error as exc:
            self.close()
            raise self._explain(exc) from exc

    # ---------------------------------------------------------------- lifecycle
    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._registered and self.path is not None:
            self._registered = False
            unregister_open(self.path)

    def __enter__(self) -> LiteStudy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _explain(self, exc: sqlite3.Error) -> StudyError:
        return explain_database_error(self.where, str(exc), sqlite=True,
                                      data_error=isinstance(exc, sqlite3.DataError))

    @contextmanager
    def read(self) -> Iterator[LiteConnection]:
        """One read transaction (a consistent snapshot of the study)."""
        if self._conn is None:
            raise StudyError(f"{self.where} is closed.")
        conn = self._conn
        try:
            conn.execute("BEGIN")
            try:
                yield LiteConnection(conn)
            finally:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
        except StudyError:
            raise
        except sqlite3.Error as exc:
            raise self._explain(exc) from exc

    def _rows(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        with self.read() as conn:
            return conn.exec_driver_sql(sql, params).all()

    def check_info(self) -> None:
        """What ``Study.open`` checks of the study_info table."""
        infos = self._rows("SELECT magic FROM study_info")
        if len(infos) > 1:
            raise StudyCorruptError(
                f"{self.where} has {len(infos)} rows in study_info, where a study has exactly "
                "one: it was damaged or tampered with. Restore it from a backup, or delete the "
                "extra rows (keep id 1). Nothing was changed."
            )
        if not infos or infos[0][0] != MAGIC:
            raise NotAStudyError(f"{self.where} is not an annotator study.")

    def check_integrity(
        self, progress: Callable[[float], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """The full integrity check, as :meth:`Study.check_integrity`."""
        from annotator.store.quick_check import check_sqlite_file

        assert self.path is not None
        check_sqlite_file(self.path, self.where, progress=progress, cancelled=cancelled)
        self.integrity_checked = True

    # ---------------------------------------------------------------- codebooks
    @property
    def current_codebook_id(self) -> int:
        rows = self._rows("SELECT current_codebook_id FROM study_info")
        if len(rows) != 1:
            raise StudyCorruptError(f"{self.where} has {len(rows)} rows in study_info.")
        if rows[0][0] is None:
            raise StudyError(f"{self.where} has no codebook; it was not set up completely.")
        return int(rows[0][0])

    @property
    def codebook(self) -> Codebook:
        return self.codebook_by_id(self.current_codebook_id)

    def codebook_by_id(self, codebook_id: int) -> Codebook:
        if codebook_id not in self._codebook_cache:
            from annotator.core.codebook_yaml import parse_codebook

            rows = self._rows("SELECT yaml_text, name FROM codebook_versions WHERE id = ?",
                              (codebook_id,))
            if len(rows) != 1:
                raise StudyCorruptError(f"{self.where} has no codebook version {codebook_id}.")
            self._codebook_cache[codebook_id] = parse_codebook(str(rows[0][0]),
                                                               f"{rows[0][1]} (stored)")
        return self._codebook_cache[codebook_id]

    # ---------------------------------------------------------------- catalog
    def cases(self) -> list[str]:
        return [str(r[0]) for r in self._rows("SELECT label FROM cases ORDER BY label")]

    def sessions(self, case: str | None = None) -> list[SessionInfo]:
        where, params = ("", ()) if case is None else (" WHERE c.label = ?", (case,))
        with self.read() as conn:
            rows = conn.exec_driver_sql(
                _SESSIONS + where + " ORDER BY c.label, s.number", params).all()
            # as CatalogMixin.sessions: the latest segment end only where nothing else
            # gives a session its duration
            undated = [r[0] for r in rows if r[4] is None and r[13] is None]
            ends: dict[int, int] = {}
            if undated:
                marks = ", ".join("?" for _ in undated)
                ends = {int(k): int(v) for k, v in conn.exec_driver_sql(
                    "SELECT a.session_id, max(g.end_ms) FROM assignments a "
                    "JOIN segments g ON g.assignment_id = a.id "
                    f"WHERE g.deleted IS 0 AND a.session_id IN ({marks}) "
                    "GROUP BY a.session_id", undated) if v is not None}
        return [session_info(r, ends.get(r[0])) for r in rows]

    def session(self, case: str, number: int) -> SessionInfo:
        for s in self.sessions(case):
            if s.number == number:
                return s
        raise NotFoundError(f"There is no session {case}:{number} in this study.")

    def coders(self) -> list[CoderInfo]:
        return [CoderInfo(str(r[0]), str(r[1]))
                for r in self._rows("SELECT id, name FROM coders ORDER BY id")]

    def has_coder(self, coder_id: str) -> bool:
        return any(c.id == coder_id for c in self.coders())

    def assignments(
        self, *, session_id: int | None = None, coder: str | None = None,
        purpose: str | None = None,
    ) -> list[AssignmentInfo]:
        clauses, params = _filters((("a.session_id", session_id), ("a.coder_id", coder),
                                    ("a.purpose", purpose)))
        rows = self._rows(_ASSIGNMENTS + clauses + " ORDER BY c.label, s.number, a.id", params)
        return [AssignmentInfo(*r) for r in rows]

    # ---------------------------------------------------------------- segments
    def open_recordings(self) -> list[OpenRecordingInfo]:
        return [OpenRecordingInfo(str(r[0]), str(r[1]), int(r[2]), str(r[3]), str(r[4]),
                                  str(r[5]), code_label(self.codebook_by_id(int(r[7])),
                                                        str(r[5])), int(r[6]))
                for r in self._rows(_OPEN_RECORDINGS)]

    def segment_rows(self, *, coder: str | None = None, case: str | None = None,
                     session_ids: Collection[int] | None = None) -> list[SegmentRow]:
        clauses, params = _filters((("a.coder_id", coder), ("c.label", case)), "AND")
        if session_ids is not None:
            ids = sorted(int(i) for i in session_ids)
            clauses += " AND a.session_id IN (" + ", ".join("?" for _ in ids) + ")" \
                if ids else " AND 0"
            params += ids
        return self._rows(_LIVE_SEGMENTS + clauses + _LIVE_ORDER, params)  # type: ignore[return-value]


def _filters(pairs: tuple[tuple[str, Any], ...], first: str = "WHERE") -> tuple[str, list[Any]]:
    """`` WHERE col = ? AND ...`` for the pairs whose value is not None, and the values."""
    cols = [(col, value) for col, value in pairs if value is not None]
    if not cols:
        return "", []
    return (f" {first} " + " AND ".join(f"{col} = ?" for col, _ in cols),
            [value for _, value in cols])
