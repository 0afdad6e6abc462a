"""Engines for SQLite files and PostgreSQL URLs, with the durability settings of DESIGN §7."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

SQLITE_BUSY_TIMEOUT_MS = 2000


def is_url(target: str | Path) -> bool:
    return isinstance(target, str) and "://" in target


def describe_target(target: str | Path) -> str:
    """A printable name of a study, without a password."""
    if is_url(target):
        return make_url(str(target)).render_as_string(hide_password=True)
    return str(target)


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
        url = make_url(str(target))
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
