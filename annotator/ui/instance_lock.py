"""One annotator window per study: a lock file beside the study (or per URL)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile


class StudyAlreadyOpen(Exception):
    pass


def lock_path(target: str) -> str:
    if "://" in target:
        digest = hashlib.sha256(target.encode()).hexdigest()[:16]
        return str(Path(QDir.tempPath()) / f"annotator-{digest}.lock")
    p = Path(target).resolve()
    return str(p.with_name(f".{p.name}.lock"))


class StudyLock:
    def __init__(self, target: str) -> None:
        self._lock = QLockFile(lock_path(target))
        self._lock.setStaleLockTime(0)  # a dead owner's lock is stale at once

    def acquire(self) -> None:
        if not self._lock.tryLock(200):
            ok, pid, host, _app = self._lock.getLockInfo()
            who = f" (process {pid} on {host})" if ok else ""
            raise StudyAlreadyOpen(
                f"This study is already open in another annotator window{who}. Switch to "
                "that window; two windows on one study could confuse who changed what."
            )

    def release(self) -> None:
        self._lock.unlock()
