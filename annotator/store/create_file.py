"""Making a new study file without SQLAlchemy or Alembic (``annotator init``).

A new SQLite study gets its schema from :mod:`annotator.store.sqlite_schema`: the
``CREATE`` statements a freshly migrated study has in its ``sqlite_master``, generated
from the migrations by :mod:`annotator.store.schema_snapshot`, and is stamped with that
revision. The snapshot is used only while its revision is the migrations' head; when a new
migration makes it stale, the study is built by running the migrations (slower, the same
result), and ``tests/test_schema_snapshot.py`` fails until the snapshot is regenerated. The
same test proves a snapshot-built study identical to a migrated one.

Either way the study is built under a scratch name beside the target and linked into place,
so a crash never leaves a half-made study under the real name.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from annotator import __version__
from annotator.store import scratch
from annotator.store.errors import StudyError, explain_database_error
from annotator.store.precheck import MAGIC, require_writable_dir
from annotator.store.revisions import head_revision

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook

BUSY_TIMEOUT_MS = 2000


def snapshot_statements() -> tuple[str, ...] | None:
    """The snapshot's schema statements, or None when the migrations moved past it."""
    from annotator.store import sqlite_schema

    if head_revision() != sqlite_schema.REVISION:
        return None
    return sqlite_schema.STATEMENTS


def stamp(moment: datetime) -> str:
    """A time as SQLAlchemy stores a ``DateTime`` in SQLite (UTC, no zone)."""
    t = moment.astimezone(UTC)
    return (f"{t.year:04d}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}:"
            f"{t.second:02d}.{t.microsecond:06d}")


def create_study_file(path: Path, codebook: Codebook, codebook_text: str, name: str, *,
                      use_snapshot: bool = True) -> None:
    """Make the study file ``path`` (which must not exist) with its first codebook."""
    if path.exists():
        raise StudyError(
            f"{path} already exists. Choose a new file name, or open the existing study."
        )
    require_writable_dir(path.parent if str(path.parent) else Path("."), path)
    scratch.clean_stale(path)
    tmp = scratch.scratch_path(path, ".building")
    try:
        statements = snapshot_statements() if use_snapshot else None
        if statements is not None:
            _build(tmp, statements, codebook, codebook_text, name)
        else:
            from annotator.store.study import Study

            Study.build_with_alembic(tmp, codebook, codebook_text, name)
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
    except sqlite3.Error as exc:  # the stdlib path's own errors (disk full, read-only, ...)
        raise explain_database_error(str(path), str(exc), sqlite=True) from None
    finally:
        scratch.remove_scratch(tmp)


def _build(tmp: Path, statements: tuple[str, ...], codebook: Codebook, codebook_text: str,
           name: str) -> None:
    """The schema, its revision stamp, the codebook and study_info, in one transaction, with
    the connection settings of :func:`annotator.store.engine.make_engine`."""
    from annotator.core.codebook_yaml import codebook_hash
    from annotator.store.sqlite_schema import REVISION

    conn = sqlite3.connect(str(tmp), isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("BEGIN IMMEDIATE")
        for sql in statements:
            conn.execute(sql)
        conn.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (REVISION,))
        now = stamp(datetime.now(UTC))
        cur = conn.execute(
            "INSERT INTO codebook_versions (name, version_label, yaml_text, sha256, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (codebook.name, codebook.version, codebook_text, codebook_hash(codebook_text), now))
        conn.execute(
            "INSERT INTO study_info (id, magic, name, created_at, app_version, "
            "current_codebook_id) VALUES (1, ?, ?, ?, ?, ?)",
            (MAGIC, name or codebook.name, now, __version__, cur.lastrowid))
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
