"""Schema version check, backups and Alembic migrations on open (docs/design.md §7)."""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from annotator.store.errors import StudyTooNewError

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic (and the template engine it loads) is imported only to migrate: opening a
# current study reads the revision ids straight from the migration scripts.
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.M)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BACKUP_KEEP = 5


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@cache
def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration scripts."""
    graph: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        body = script.read_text(encoding="utf-8")
        rev, down = _REVISION.search(body), _DOWN.search(body)
        if rev is not None and down is not None:
            graph[rev.group(1)] = down.group(1)
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    heads = set(graph) - {d for d in graph.values() if d is not None}
    if len(heads) != 1:
        raise RuntimeError(f"the migration scripts must have one head, found {sorted(heads)}")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revision_graph())


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def check_version(conn: Connection, where: str) -> bool:
    """Whether the study needs migrating; raise if it was made by a newer annotator."""
    rev = current_revision(conn)
    if rev is not None and rev not in known_revisions():
        raise StudyTooNewError(
            f"{where} was written by a newer version of annotator (schema {rev!r}; this "
            f"version knows up to {head_revision()!r}). Install the newer annotator to open it; "
            "the study was not changed."
        )
    return rev != head_revision()


def upgrade(engine: Engine) -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def copy_sqlite(src_path: Path, dest: Path) -> None:
    """A consistent copy of an SQLite database through SQLite's backup API."""
    src = sqlite3.connect(str(src_path))
    try:
        dst = sqlite3.connect(str(dest))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def sqlite_backup(path: Path, reason: str) -> Path:
    """A consistent copy through SQLite's backup API, beside the study; rotates old ones."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    folder = path.parent / f".{path.name}.backups"
    folder.mkdir(exist_ok=True)
    dest = folder / f"{path.stem}-{reason}-{stamp}{path.suffix or '.annot'}"
    from annotator.store import scratch

    scratch.clean_stale(dest)  # what a backup killed half-way left behind
    tmp = scratch.scratch_path(dest)
    try:
        copy_sqlite(path, tmp)
        os.replace(tmp, dest)
    finally:
        scratch.remove_scratch(tmp)
    backups = sorted(backup_files(path, reason))
    for old in backups[:-BACKUP_KEEP]:
        old.unlink(missing_ok=True)
    return dest


def backup_files(path: Path, reason: str) -> list[Path]:
    """The finished backups of a study made for ``reason`` (never a half-written one)."""
    folder = path.parent / f".{path.name}.backups"
    suffix = path.suffix or ".annot"
    return [p for p in folder.glob(f"{path.stem}-{reason}-*{suffix}") if p.is_file()]
