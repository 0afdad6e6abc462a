"""Schema version check, backups and Alembic migrations on open (DESIGN §7)."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from annotator.store.errors import StudyTooNewError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BACKUP_KEEP = 5


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


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
    tmp = dest.with_suffix(dest.suffix + ".tmp")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(tmp))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(tmp, dest)
    backups = sorted(folder.glob(f"{path.stem}-{reason}-*"))
    for old in backups[:-BACKUP_KEEP]:
        old.unlink(missing_ok=True)
    return dest
