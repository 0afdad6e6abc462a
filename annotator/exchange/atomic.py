"""Atomic file writes: a scratch file beside the target, then ``os.replace`` (docs/design.md §7).

The scratch file is named after the writing process (``annotator.store.scratch``), so what
a crashed writer left behind is removed by the next write of the same target. A write that
fails (disk full, read-only folder, permission denied, the target is a folder) raises
:class:`OutputError` with a clear message and leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from annotator.store.scratch import (
    OutputError,
    as_output_error,
    check_target,
    clean_stale,
    explain_os_error,
    remove_scratch,
    scratch_dir,
    scratch_path,
)

__all__ = ["OutputError", "atomic_path", "atomic_text", "scratch_dir"]


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or what a plainly created file would get
    (mkstemp makes private 0600 files, which would surprise whoever shares an export)."""
    try:
        return os.stat(target).st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a scratch path to write; it replaces ``target`` only if the block succeeds."""
    target = Path(target)
    check_target(target)
    clean_stale(target)
    tmp = scratch_path(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except OSError as exc:
        raise explain_os_error(exc, target) from exc
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException as exc:
        remove_scratch(tmp)
        clear = as_output_error(exc, target)
        if clear is None or clear is exc:
            raise
        raise clear from exc


@contextlib.contextmanager
def atomic_text(target: Path, *, newline: str | None = "") -> Iterator[IO[str]]:
    with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8", newline=newline) as fh:
        yield fh
