"""One annotator window per study: a lock file beside the study (or per URL)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, QLockFile

from annotator.store.engine import identity_key
from annotator.ui.i18n import translate


class StudyAlreadyOpen(Exception):
    pass


def lock_path(target: str) -> str:
    if "://" in target:
        # Named after the database, never the credentials: a hash that included the
        # password would let anyone who sees the temp folder test guessed passwords.
        digest = hashlib.sha256(identity_key(target).encode()).hexdigest()[:16]
        return str(Path(QDir.tempPath()) / f"annotator-{digest}.lock")
    p = Path(target).resolve()
    return str(p.with_name(f".{p.name}.lock"))


class StudyLock:
    def __init__(self, target: str) -> None:
        self._lock = QLockFile(lock_path(target))
        self._lock.setStaleLockTime(0)  # a dead owner's lock is stale at once

    def acquire(self) -> None:
        if not self._lock.tryLock(200):
            who = _owner(self._lock.getLockInfo())
            raise StudyAlreadyOpen(translate(
                "StudyLock", "This study is already open in another annotator window{owner}. "
                "Switch to that window; two windows on one study could confuse who changed "
                "what.").format(owner=who))

    def release(self) -> None:
        self._lock.unlock()


def _owner(info: Any) -> str:
    """" (process PID on HOST)" from ``QLockFile.getLockInfo()`` (PySide6 gives
    ``(pid, host, app)``, or a leading success flag in some versions), else ""."""
    values = list(info) if isinstance(info, tuple | list) else []
    if values and isinstance(values[0], bool):
        if not values[0]:
            return ""
        values = values[1:]
    if len(values) >= 2 and values[0]:
        return translate("StudyLock", " (process {pid} on {host})").format(
            pid=values[0], host=values[1])
    return ""
