"""Opening and creating studies: SQLite files or PostgreSQL URLs (docs/design.md §3, §7).

:class:`Study` is the one entry point of the store. Catalog queries (cases, sessions,
coders, assignments) live in :mod:`annotator.store.catalog`; segment edits, the edit log
and undo/redo in :mod:`annotator.store.edits`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Connection, Engine, insert, inspect, select, text, update
from sqlalchemy.exc import DataError, DBAPIError, OperationalError

from annotator import __version__
from annotator.core.codebook import Codebook
from annotator.store import migrate
from annotator.store.catalog import CatalogMixin
from annotator.store.engine import describe_target, is_url, make_engine
from annotator.store.errors import (
    ConnectionLostError,
    NotAStudyError,
    StudyCorruptError,
    StudyError,
    explain_database_error,
)
from annotator.store.models import CodebookVersion, StudyInfo
from annotator.store.precheck import (
    MAGIC,
    precheck_file,
    register_open,
    unregister_open,
)
from annotator.store.recordings import RecordingsMixin

if TYPE_CHECKING:
    from annotator.store.records import SegmentRow

T = TypeVar("T")


def now() -> datetime:
    return datetime.now(UTC)


class Study(CatalogMixin, RecordingsMixin):
    """One study database. Every write is its own committed transaction."""

    def __init__(self, engine: Engine, target: str | Path) -> None:
        self.engine = engine
        self.target = target
        self.path: Path | None = None if is_url(target) else Path(target).resolve()
        self._registered = False
        if self.path is not None:
            register_open(self.path)
            self._registered = True
        self.where = describe_target(target)
        self._codebook_cache: dict[int, Codebook] = {}
        self._coder_of: dict[int, str] = {}
        self.integrity_checked = False

    # ---------------------------------------------------------------- lifecycle
    @classmethod
    def create(
        cls, target: str | Path, codebook_text: str, codebook_source: str = "codebook",
        name: str = "",
    ) -> Study:
        """Make a new study with its first codebook version and run all migrations."""
        from annotator.core.codebook_yaml import parse_codebook

        codebook = parse_codebook(codebook_text, codebook_source)
        if not is_url(target):
            return cls._create_file(Path(target), codebook, codebook_text, name)
        engine = make_engine(target)
        study = cls(engine, target)
        try:
            study._set_up(engine, codebook, codebook_text, name)
        except BaseException:
            study.close()
            raise
        return study

    @classmethod
    def _create_file(cls, path: Path, codebook: Codebook, codebook_text: str,
                     name: str) -> Study:
        """Build the new study under a scratch name beside ``path`` and link it into place
        (:func:`annotator.store.create_file.create_study_file`: the schema snapshot while it
        is current, else the migrations)."""
        from annotator.store.create_file import create_study_file

        create_study_file(path, codebook, codebook_text, name)
        return cls(make_engine(path), path)

    @classmethod
    def build_with_alembic(cls, path: Path, codebook: Codebook, codebook_text: str,
                           name: str) -> None:
        """Make a study file at ``path`` by running every migration (what the schema snapshot
        stands in for, and what it is generated from)."""
        engine = make_engine(path)
        building = cls(engine, path)
        try:
            building._set_up(engine, codebook, codebook_text, name)
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            building.close()

    def _set_up(self, engine: Engine, codebook: Codebook, codebook_text: str,
                name: str) -> None:
        with self._translate_errors():
            with engine.connect() as conn:
                if inspect(conn).has_table("study_info"):
                    raise StudyError(
                        f"{self.where} already holds a study; open it instead of init."
                    )
            migrate.upgrade(engine)
            with self.write() as conn:
                cb_id = self._insert_codebook(conn, codebook, codebook_text)
                conn.execute(
                    insert(StudyInfo).values(
                        id=1, magic=MAGIC, name=name or codebook.name, created_at=now(),
                        app_version=__version__, current_codebook_id=cb_id,
                    )
                )

    @classmethod
    def open(cls, target: str | Path, *, migrate_ok: bool = True) -> Study:
        """Open a study: file and schema version checks, and migrations.

        Cheap: the full integrity check (:meth:`check_integrity`, which reads every page)
        does not run here, except right before a migration (then it runs once, followed by
        a backup). ``annotator check`` and the desktop app run it; :attr:`integrity_checked`
        says whether it already ran for this open.
        """
        if not is_url(target):
            precheck_file(Path(target))
        engine = make_engine(target)
        study = cls(engine, target)
        try:
            with study._translate_errors():
                with engine.connect() as conn:
                    if not inspect(conn).has_table("study_info"):
                        raise NotAStudyError(
                            f"{study.where} is a database but not an annotator study (no "
                            "study_info table). Create a study with `annotator init`."
                        )
                    needs = migrate.check_version(conn, study.where)
                    infos = conn.execute(select(StudyInfo.magic)).scalars().all()
                    if len(infos) > 1:
                        raise StudyCorruptError(
                            f"{study.where} has {len(infos)} rows in study_info, where a study "
                            "has exactly one: it was damaged or tampered with. Restore it from "
                            "a backup, or delete the extra rows (keep id 1). Nothing was "
                            "changed."
                        )
                    info = infos[0] if infos else None
                    if info != MAGIC:
                        raise NotAStudyError(f"{study.where} is not an annotator study.")
                if needs:
                    if not migrate_ok:
                        raise StudyError(f"{study.where} needs a schema upgrade.")
                    study.check_integrity()
                    if study.path is not None:
                        migrate.sqlite_backup(study.path, "premigration")
                    migrate.upgrade(engine)
        except BaseException:
            study.close()
            raise
        return study

    def checkpoint(self) -> None:
        """Fold the SQLite write-ahead log into the file where no reader needs it
        (``PRAGMA wal_checkpoint(PASSIVE)``, on a pooled connection of its own, so it may run
        on a worker); nothing on a server."""
        if not self.is_sqlite:
            return
        raw = self.engine.raw_connection()
        try:
            raw.driver_connection.execute(  # type: ignore[union-attr]
                "PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            raw.close()

    def close(self) -> None:
        self.engine.dispose()
        if self._registered and self.path is not None:
            self._registered = False
            unregister_open(self.path)

    def __enter__(self) -> Study:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def backup(self, reason: str = "rotating") -> Path | None:
        """A rotating backup beside an SQLite study (no-op for a server database)."""
        if self.path is None:
            return None
        return migrate.sqlite_backup(self.path, reason)

    # ---------------------------------------------------------------- transactions
    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One committed write transaction (SQLite: ``BEGIN IMMEDIATE``).

        PostgreSQL connection loss is never half-written: a pooled connection that died
        between edits is replaced before the transaction starts (pre-ping); a loss during
        the transaction raises :class:`ConnectionLostError` (the server rolled it back, so
        :meth:`run_write` may re-run it); a loss while committing is settled by asking the
        server whether the transaction committed (``txid_status``).
        """
        xid: int | None = None
        body_done = False
        with self._translate_errors(), self.engine.connect() as conn:
            conn.info["write"] = True
            try:
                with conn.begin():
                    if not self.is_sqlite:
                        xid = int(conn.exec_driver_sql("SELECT txid_current()").scalar_one())
                    yield conn
                    body_done = True
            except DBAPIError as exc:
                if not exc.connection_invalidated:
                    raise
                status: str | None = "aborted"
                if body_done:
                    status = self._xact_status(xid) if xid is not None else None
                if status == "committed":
                    return  # the commit reached the server; only its answer was lost
                raise ConnectionLostError(
                    self.where, committing=body_done, saved=None if status is None else False
                ) from exc
            finally:
                conn.info.pop("write", None)

    def run_write(self, body: Callable[[Connection], T], *, attempts: int = 3) -> T:
        """Run ``body`` in one write transaction, re-running the whole of it on a fresh
        connection when the server connection was lost and the server confirms nothing of
        the lost attempt was kept (so re-running never applies anything twice)."""
        for attempt in range(1, attempts + 1):
            try:
                with self.write() as conn:
                    return body(conn)
            except ConnectionLostError as exc:
                if exc.saved is not False or attempt == attempts:
                    raise
                time.sleep(0.1 * attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _xact_status(self, xid: int) -> str | None:
        """``committed``, ``aborted`` or None (unknown) for a PostgreSQL transaction id."""
        for _ in range(10):
            try:
                with self.engine.connect() as conn:
                    status = conn.exec_driver_sql(f"SELECT txid_status({int(xid)})").scalar()
            except DBAPIError:
                return None
            if status != "in progress":
                return None if status is None else str(status)
            time.sleep(0.05)  # the killed backend is still winding down
        return None

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self._translate_errors(), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _translate_errors(self) -> Iterator[None]:
        try:
            yield
        except StudyError:
            raise
        except OperationalError as exc:
            raise self._explain(exc) from exc
        except DBAPIError as exc:
            raise self._explain(exc) from exc

    def _explain(self, exc: DBAPIError) -> StudyError:
        msg = str(exc.orig) if exc.orig is not None else str(exc)
        return explain_database_error(self.where, msg, sqlite=self.is_sqlite,
                                      data_error=isinstance(exc, DataError))

    def check_integrity(
        self, progress: Callable[[float], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """The full integrity check (SQLite ``PRAGMA quick_check`` over every page; a server
        database answers a query). Raises :class:`StudyCorruptError`; ``progress`` gets an
        estimated fraction done; ``cancelled`` returning True stops it
        (:class:`~annotator.store.quick_check.IntegrityCheckCancelled`)."""
        if self.path is None:
            with self._translate_errors(), self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            if progress is not None:
                progress(1.0)
        else:
            from annotator.store.quick_check import check_sqlite_file

            check_sqlite_file(self.path, self.where, progress=progress, cancelled=cancelled)
        self.integrity_checked = True

    def segment_rows(self, *, coder: str | None = None, case: str | None = None,
                     session_ids: Collection[int] | None = None) -> list[SegmentRow]:
        """Every live segment as a plain tuple, in export order (:func:`queries.segment_rows`)."""
        from annotator.store.queries import segment_rows

        return segment_rows(self, coder=coder, case=case, session_ids=session_ids)

    # ---------------------------------------------------------------- codebooks
    def _insert_codebook(self, conn: Connection, codebook: Codebook, text_: str) -> int:
        from annotator.core.codebook_yaml import codebook_hash

        digest = codebook_hash(text_)
        existing = conn.execute(
            select(CodebookVersion.id).where(CodebookVersion.sha256 == digest)
        ).scalar_one_or_none()
        if existing is not None:
            return int(existing)
        result = conn.execute(
            insert(CodebookVersion).values(
                name=codebook.name, version_label=codebook.version, yaml_text=text_,
                sha256=digest, created_at=now(),
            )
        )
        pk = result.inserted_primary_key
        assert pk is not None
        return int(pk[0])

    @property
    def current_codebook_id(self) -> int:
        with self.read() as conn:
            cb = conn.execute(select(StudyInfo.current_codebook_id)).scalar_one()
        if cb is None:
            raise StudyError(f"{self.where} has no codebook; it was not set up completely.")
        return int(cb)

    @property
    def codebook(self) -> Codebook:
        return self.codebook_by_id(self.current_codebook_id)

    def codebook_by_id(self, codebook_id: int) -> Codebook:
        if codebook_id not in self._codebook_cache:
            from annotator.core.codebook_yaml import parse_codebook  # YAML: when first read

            text_, name = self.codebook_text(codebook_id)
            self._codebook_cache[codebook_id] = parse_codebook(text_, f"{name} (stored)")
        return self._codebook_cache[codebook_id]

    def codebook_text(self, codebook_id: int | None = None) -> tuple[str, str]:
        cid = self.current_codebook_id if codebook_id is None else codebook_id
        with self.read() as conn:
            row = conn.execute(
                select(CodebookVersion.yaml_text, CodebookVersion.name).where(
                    CodebookVersion.id == cid
                )
            ).one()
        return str(row[0]), str(row[1])

    def codebook_sha(self, codebook_id: int | None = None) -> str:
        cid = self.current_codebook_id if codebook_id is None else codebook_id
        with self.read() as conn:
            return str(
                conn.execute(
                    select(CodebookVersion.sha256).where(CodebookVersion.id == cid)
                ).scalar_one()
            )

    def set_codebook(self, codebook_text: str, source: str = "codebook") -> int:
        """Make a new codebook version current (old codings keep theirs)."""
        from annotator.core.codebook_yaml import parse_codebook

        codebook = parse_codebook(codebook_text, source)
        with self.write() as conn:
            cid = self._insert_codebook(conn, codebook, codebook_text)
            conn.execute(update(StudyInfo).values(current_codebook_id=cid))
        return cid
