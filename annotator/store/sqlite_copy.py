"""A consistent copy of an SQLite database (standard library only, so the light commands
can use it without loading SQLAlchemy)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


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
