"""Checks before a study file is opened, with the stdlib only (no SQLAlchemy): that it
exists, is an SQLite database with a study in it, is not from a newer annotator, and sits
in a folder annotator can write to. Shared by :class:`~annotator.store.study.Study` and the
light read path (:mod:`annotator.store.lite`)."""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from pathlib import Path

from annotator.store.errors import (
    NotAStudyError,
    StudyCorruptError,
    StudyLockedError,
    StudyNotFoundError,
    StudyReadOnlyError,
    StudyTooNewError,
    explain_database_error,
)
from annotator.store.revisions import known_revisions

MAGIC = "annotator-study"
SQLITE_HEADER = b"SQLite format 3\x00"


# Files this process has open as studies. Closing *any* descriptor of a file drops every
# POSIX lock the process holds on it, SQLite's included; so the header of a study this
# process already has open is never read with open() (SQLite's own connections share
# their descriptors and are safe).
_open_files: dict[str, int] = {}
_open_files_lock = threading.Lock()


def register_open(path: Path) -> None:
    with _open_files_lock:
        key = str(path)
        _open_files[key] = _open_files.get(key, 0) + 1


def unregister_open(path: Path) -> None:
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


def precheck_file(path: Path) -> str | None:
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
    require_writable_dir(path.parent, path)
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
        explained = explain_database_error(str(path), str(exc), sqlite=True)
        if isinstance(explained, StudyLockedError):  # in use by another program, not damaged
            raise explained from exc
        raise StudyCorruptError(
            f"{path} is damaged ({exc}). Restore it from a backup in '.{path.name}.backups' "
            "beside it, or from your own copies; it was not changed."
        ) from exc
    if "study_info" not in tables:
        raise NotAStudyError(
            f"{path} is a database but not an annotator study (no study_info table). Create a "
            "study with `annotator init`; the file was not changed."
        )
    if rev is not None and rev not in known_revisions():
        raise StudyTooNewError(
            f"{path} was written by a newer version of annotator (schema {rev!r}). Install the "
            "newer annotator to open it; the study was not changed."
        )
    return rev


def require_writable_dir(folder: Path, path: Path) -> None:
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
