"""Schema version check, backups and Alembic migrations on open (docs/design.md §7)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from annotator.store.errors import StudyTooNewError
from annotator.store.revisions import (
    MIGRATIONS_DIR,
    head_revision,
    known_revisions,
    revision_graph,
)
from annotator.store.sqlite_copy import copy_sqlite

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic (and the template engine it loads) is imported only to migrate: opening a
# current study reads the revision ids straight from the migration scripts.
_revision_graph = revision_graph
BACKUP_KEEP = 5


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


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
