"""A study archive: a zip with a consistent copy of the database, its codebooks and a manifest.

``study.annot`` is an SQLite study (a file study is copied with SQLite's backup API; a
PostgreSQL study is copied table by table from one repeatable-read snapshot into a new
SQLite study), self-contained (no WAL file). ``codebooks/`` holds every codebook version's
YAML exactly as stored. ``manifest.json`` gives the app version, the schema revision, row
counts and the SHA-256 of every file in the archive. Recordings are never included.
"""

from __future__ import annotations

import errno
import hashlib
import json
import re
import sqlite3
import sys
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator import __version__
from annotator.exchange.atomic import atomic_path, scratch_dir
from annotator.store.errors import StudyCorruptError, explain_database_error
from annotator.store.scratch import explain_os_error
from annotator.store.sqlite_copy import copy_sqlite

if TYPE_CHECKING:
    from annotator.store.reader import StudyReader
    from annotator.store.study import Study

Progress = Callable[[float, str], None]
DB_NAME = "study.annot"
_BATCH = 5000
COUNTS = {
    "cases": "SELECT count(*) FROM cases",
    "sessions": "SELECT count(*) FROM sessions",
    "coders": "SELECT count(*) FROM coders",
    "assignments": "SELECT count(*) FROM assignments",
    "segments": "SELECT count(*) FROM segments WHERE NOT deleted",
    "deleted_segments": "SELECT count(*) FROM segments WHERE deleted",
    "edit_log": "SELECT count(*) FROM edit_log",
    "codebook_versions": "SELECT count(*) FROM codebook_versions",
}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _copy_server(study: Study, dest: Path, progress: Progress | None) -> None:
    from sqlalchemy import insert, select

    from annotator.store import migrate
    from annotator.store.engine import make_engine
    from annotator.store.models import Base

    engine = make_engine(dest)
    try:
        migrate.upgrade(engine)
        tables = Base.metadata.sorted_tables
        with study.read() as src_conn, engine.begin() as dst:
            src = src_conn if study.is_sqlite else src_conn.execution_options(
                isolation_level="REPEATABLE READ")
            for i, table in enumerate(tables):
                if progress is not None:
                    progress(0.1 + 0.6 * i / len(tables), f"copying {table.name}")
                result = src.execute(select(table)).mappings()
                while batch := result.fetchmany(_BATCH):
                    dst.execute(insert(table), [dict(r) for r in batch])
    finally:
        engine.dispose()


def _self_contained(path: Path, where: str) -> tuple[dict[str, int], str | None]:
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        counts = {k: int(conn.execute(q).fetchone()[0]) for k, q in COUNTS.items()}
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    if check != "ok":
        detail = " ".join(str(check).split())
        detail = detail if len(detail) <= 200 else detail[:200] + "…"
        raise StudyCorruptError(
            f"{where} is damaged: its copy failed SQLite's integrity check ({detail}). Run "
            "`annotator check` on it, and restore it from a backup. No archive was written.")
    return counts, None if row is None else str(row[0])


def _disk_full(exc: Exception) -> bool:
    """Whether copying failed because the disk is full (sqlite3's own error, or SQLAlchemy's
    around the driver's when a server study is copied)."""
    sa_exc = sys.modules.get("sqlalchemy.exc")
    kinds: tuple[type[Exception], ...] = (sqlite3.OperationalError,) if sa_exc is None else (
        sqlite3.OperationalError, sa_exc.OperationalError)
    return isinstance(exc, kinds) and "full" in str(exc).lower()


def _codebook_files(study: StudyReader) -> dict[str, bytes]:
    with study.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, name, version_label, yaml_text, sha256 FROM codebook_versions "
            "ORDER BY id").all()
    files: dict[str, bytes] = {}
    for _id, name, version, text, sha in rows:
        slug = re.sub(r"[^A-Za-z0-9._-]+", "-", f"{name}-{version}").strip("-") or "codebook"
        files[f"codebooks/{slug}-{sha[:12]}.yaml"] = str(text).encode("utf-8")
    return files


def write_archive(study: StudyReader, out: Path,
                  progress: Progress | None = None) -> dict[str, Any]:
    """Write the archive zip atomically; returns its manifest."""
    out = Path(out)
    with scratch_dir(out) as tmpdir:  # beside the archive: the study copy never goes to $TMPDIR
        db = Path(tmpdir) / DB_NAME
        if progress is not None:
            progress(0.0, "copying the database")
        try:
            if study.is_sqlite and study.path is not None:
                copy_sqlite(study.path, db)
            else:
                from annotator.store.study import Study

                assert isinstance(study, Study)  # a server study is never read on sqlite3
                _copy_server(study, db, progress)
            counts, revision = _self_contained(db, study.where)
        except Exception as exc:
            if _disk_full(exc):
                raise explain_os_error(OSError(errno.ENOSPC, "disk full"), out) from exc
            if study.is_sqlite and isinstance(exc, sqlite3.DatabaseError):  # a damaged file
                raise explain_database_error(study.where, str(exc), sqlite=True) from exc
            raise
        if progress is not None:
            progress(0.8, "writing the archive")
        files = {DB_NAME: db.read_bytes(), **_codebook_files(study)}
        with study.read() as conn:
            info = conn.exec_driver_sql("SELECT name, created_at FROM study_info").all()
        if len(info) != 1:
            raise StudyCorruptError(f"{study.where} has {len(info)} rows in study_info, where "
                                    "a study has exactly one; run `annotator check` on it.")
        name, created = info[0]
        manifest: dict[str, Any] = {
            "format": "annotator-archive",
            "format_version": 1,
            "app_version": __version__,
            "archived_at": datetime.now(UTC).isoformat(),
            "study": {"name": str(name), "created_at": str(created),
                      "schema_revision": revision,
                      "source": "sqlite" if study.is_sqlite else "postgresql"},
            "counts": counts,
            "media": "not included: the study links recordings, it never holds them",
            "files": {n: {"sha256": _sha256(b), "bytes": len(b)} for n, b in files.items()},
        }
        with atomic_path(out) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for n, b in files.items():
                zf.writestr(n, b)
            zf.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
    if progress is not None:
        progress(1.0, "done")
    return manifest
