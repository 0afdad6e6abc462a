"""Opening and creating studies: SQLite files or PostgreSQL URLs (docs/design.md §3, §7).

:class:`Study` is the one entry point of the store. Catalog queries (cases, sessions,
coders, assignments) live in :mod:`annotator.store.catalog`; segment edits, the edit log
and undo/redo in :mod:`annotator.store.edits`.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, insert, inspect, select, text, update
from sqlalchemy.exc import DataError, DBAPIError, OperationalError

from annotator import __version__
from annotator.core.codebook import Codebook
from annotator.core.codebook_yaml import codebook_hash, parse_codebook
from annotator.store import migrate, scratch
from annotator.store.catalog import CatalogMixin
from annotator.store.engine import describe_target, is_url, make_engine
from annotator.store.errors import (
    ConnectionLostError,
    NotAStudyError,
    StudyCorruptError,
    StudyError,
    StudyLockedError,
    StudyNotFoundError,
    StudyReadOnlyError,
    StudyTooNewError,
    StudyUnreachableError,
)
from annotator.store.models import CodebookVersion, StudyInfo
from annotator.store.recordings import RecordingsMixin

MAGIC = "annotator-study"
T = TypeVar("T")
SQLITE_HEADER = b"SQLite format 3\x00"


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
            _register_open(self.path)
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
        """Build the new study under a scratch name beside ``path`` and rename it into
        place, so a crash never leaves a half-made study under the real name (the next
        ``init`` removes the scratch file)."""
        if path.exists():
            raise StudyError(
                f"{path} already exists. Choose a new file name, or open the existing study."
            )
        _require_writable_dir(path.parent if str(path.parent) else Path("."), path)
        scratch.clean_stale(path)
        tmp = scratch.scratch_path(path, ".building")
        try:
            engine = make_engine(tmp)
            building = cls(engine, tmp)
            try:
                building._set_up(engine, codebook, codebook_text, name)
                with engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                building.close()
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            try:
                os.link(tmp, path)  # never replaces a study made meanwhile under that name
            except FileExistsError:
                raise StudyError(f"{path} appeared while the study was being made; it was "
                                 "not replaced.") from None
            except OSError:
                if path.exists():
                    raise
                os.replace(tmp, path)  # a file system without hard links
        except OSError as exc:
            raise scratch.explain_os_error(exc, path) from exc
        finally:
            scratch.remove_scratch(tmp)
        return cls(make_engine(path), path)

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
            _precheck_file(Path(target))
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

    def close(self) -> None:
        self.engine.dispose()
        if self._registered and self.path is not None:
            self._registered = False
            _unregister_open(self.path)

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
        low = msg.lower()
        if "locked" in low or "busy" in low:
            return StudyLockedError(
                f"{self.where} is locked by another program that is writing to it. Close the "
                "other annotator window or process and try again."
            )
        if "not a database" in low or "malformed" in low or "corrupt" in low:
            return StudyCorruptError(
                f"{self.where} is damaged ({msg}). Restore it from a backup in "
                f"'.{Path(self.where).name}.backups' beside it, or from your own copies."
            )
        if "readonly" in low or "read-only" in low or "unable to open" in low:
            return StudyReadOnlyError(
                f"{self.where} cannot be written ({msg}). Move the study to a folder you can "
                "write to, or fix its permissions."
            )
        if "row-level security" in low or "permission denied" in low:
            return StudyError(
                f"{self.where}: your database role may not do this "
                f"({msg.strip().splitlines()[0]}); nothing was changed. On a lab server each "
                "coder reads and changes only their own codings; ask the lead for anything "
                "else."
            )
        if "disk is full" in low or "disk full" in low:
            return StudyError(
                f"The disk holding {self.where} is full ({msg.strip().splitlines()[0]}); "
                "nothing was half-written. Free some space and try again."
            )
        if isinstance(exc, DataError) or "out of range" in low or "too long" in low:
            return StudyError(
                f"{self.where}: a value does not fit the database "
                f"({msg.strip().splitlines()[0]}); nothing was changed. Numbers and ids must "
                "stay within the limits annotator checks (see `annotator --help`)."
            )
        if not self.is_sqlite:
            return StudyUnreachableError(
                f"Cannot use the database {self.where}: {msg.strip().splitlines()[0]}. Check "
                "that the server is running, the URL, the user name and the password."
            )
        return StudyError(f"{self.where}: database error: {msg}")

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

    # ---------------------------------------------------------------- codebooks
    def _insert_codebook(self, conn: Connection, codebook: Codebook, text_: str) -> int:
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
        codebook = parse_codebook(codebook_text, source)
        with self.write() as conn:
            cid = self._insert_codebook(conn, codebook, codebook_text)
            conn.execute(update(StudyInfo).values(current_codebook_id=cid))
        return cid


# Files this process has open as studies. Closing *any* descriptor of a file drops every
# POSIX lock the process holds on it, SQLite's included; so the header of a study this
# process already has open is never read with open() (SQLite's own connections share
# their descriptors and are safe).
_open_files: dict[str, int] = {}
_open_files_lock = threading.Lock()


def _register_open(path: Path) -> None:
    with _open_files_lock:
        key = str(path)
        _open_files[key] = _open_files.get(key, 0) + 1


def _unregister_open(path: Path) -> None:
    with _open_files_lock:
        key = str(path)
        left = _open_files.get(key, 0) - 1
        if left > 0:
            _open_files[key] = left
        else:
            _open_files.pop(key, None)


def _open_in_this_process(path: Path) -> bool:
    with _open_files_lock:
        return str(path.resolve()) in _open_files


def _read_header(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(len(SQLITE_HEADER))


def _precheck_file(path: Path) -> None:
    if not path.exists():
        raise StudyNotFoundError(
            f"There is no study at {path}. Check the path, or create one with "
            f"`annotator init {path}`."
        )
    if path.is_dir():
        raise NotAStudyError(f"{path} is a folder, not a study file.")
    size = path.stat().st_size
    if size == 0:
        raise NotAStudyError(
            f"{path} is an empty file, not a study. Create a study with `annotator init`."
        )
    if not _open_in_this_process(path) and _read_header(path) != SQLITE_HEADER:
        raise NotAStudyError(
            f"{path} is not an annotator study (it is not an SQLite database). Check that you "
            "picked the .annot file."
        )
    _require_writable_dir(path.parent, path)
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in probe.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
            rev = None
            if "alembic_version" in tables:
                row = probe.execute("SELECT version_num FROM alembic_version").fetchone()
                rev = row[0] if row else None
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise StudyCorruptError(
            f"{path} is damaged ({exc}). Restore it from a backup in '.{path.name}.backups' "
            "beside it, or from your own copies; it was not changed."
        ) from exc
    if "study_info" not in tables:
        raise NotAStudyError(
            f"{path} is a database but not an annotator study (no study_info table). Create a "
            "study with `annotator init`; the file was not changed."
        )
    if rev is not None and rev not in migrate.known_revisions():
        raise StudyTooNewError(
            f"{path} was written by a newer version of annotator (schema {rev!r}). Install the "
            "newer annotator to open it; the study was not changed."
        )


def _require_writable_dir(folder: Path, path: Path) -> None:
    folder = folder if str(folder) else Path(".")
    if not folder.exists():
        raise StudyNotFoundError(f"The folder {folder} does not exist (for {path}).")
    problem = not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK))
    if not problem:
        try:
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".annot-probe-"):
                pass
        except OSError:
            problem = True
    if problem:
        raise StudyReadOnlyError(
            f"{path} is in a read-only location: annotator saves every edit at once and needs "
            "to write there (and its journal beside it). Copy the study to a writable folder, "
            "or fix the permissions."
        )


