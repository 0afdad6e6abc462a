"""Engines for SQLite files and PostgreSQL URLs, with the durability settings of
docs/design.md §7."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from annotator.core.secrets import mask_text
from annotator.store.errors import StudyError

SQLITE_BUSY_TIMEOUT_MS = 2000


def is_url(target: str | Path) -> bool:
    return isinstance(target, str) and "://" in target


SUPPORTED = ("sqlite", "postgresql")


def _is_secret(key: str) -> bool:
    return "password" in key.lower()


def parse_target(target: str) -> URL:
    """A database URL annotator can use, or :class:`StudyError` saying why not."""
    try:
        url = make_url(target)
    except Exception:  # ArgumentError, ValueError: not a URL at all
        raise StudyError(
            f"{mask_text(target)} is not a database URL; use a study file, or "
            "postgresql+psycopg://USER@HOST/DATABASE for a lab server."
        ) from None
    if url.get_backend_name() not in SUPPORTED:
        raise StudyError(
            f"{describe_target(target)}: annotator works with SQLite study files and "
            "PostgreSQL servers (postgresql+psycopg://...), not "
            f"{url.get_backend_name()!r}."
        )
    return url


def without_secrets(target: str) -> str:
    """A URL without its password (in the user part or the query), e.g. to remember it;
    a file path as it is."""
    if not is_url(target):
        return target
    try:
        url = make_url(target)
    except Exception:
        return mask_text(target)
    query = {k: v for k, v in url.query.items() if not _is_secret(k)}
    bare = URL.create(url.drivername, username=url.username, host=url.host, port=url.port,
                      database=url.database, query=query)
    return bare.render_as_string(hide_password=False)


def describe_target(target: str | Path) -> str:
    """A printable name of a study, with any password shown as ``***``."""
    if not is_url(target):
        return str(target)
    try:
        url = make_url(str(target))
    except Exception:
        return mask_text(str(target))
    mark = "MASKEDSECRET"
    query = {k: (mark if _is_secret(k) else v) for k, v in url.query.items()}
    return url.set(query=query).render_as_string(hide_password=True).replace(mark, "***")


def identity_key(target: str | Path) -> str:
    """What names one study regardless of the credentials used to reach it (for lock
    files): a file's resolved path, or a URL's driver, user, host, port, database and
    non-secret options. Never depends on a password."""
    if not is_url(target):
        return str(Path(target).resolve())
    return without_secrets(str(target))


def sqlite_url(path: Path) -> URL:
    return URL.create("sqlite+pysqlite", database=str(path))


def _on_sqlite_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event decide how a transaction starts.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    mode = cur.execute("PRAGMA journal_mode=WAL").fetchone()
    if mode is not None and str(mode[0]).lower() != "wal":
        # e.g. a read-only location: WAL cannot be set up; reads still work.
        pass
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def make_engine(target: str | Path) -> Engine:
    """An engine for an SQLite study file or a SQLAlchemy URL (PostgreSQL)."""
    if is_url(target):
        url = parse_target(str(target))
        if url.get_backend_name() == "sqlite":
            return _sqlite_engine(url)
        return create_engine(
            url,
            pool_pre_ping=True,
            pool_size=2,
            max_overflow=4,
            connect_args={"connect_timeout": 5} if url.get_backend_name() == "postgresql" else {},
        )
    return _sqlite_engine(sqlite_url(Path(os.fspath(target))))


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_sqlite_connect)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the lock up front, so two writers never deadlock on upgrade.
        if conn.info.get("write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine
