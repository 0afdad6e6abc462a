"""Temporary files and folders beside the file they become (never in ``$TMPDIR``).

Everything the tool writes is built under a scratch name next to its target and renamed
into place, so study data never lands in a shared temporary folder, and a crash (even
``kill -9``) leaves at most a scratch file beside the target. Scratch names say which process
made them (``.NAME.~annot-HOST-PID-TOKEN...``): the next write to the same target removes
the ones whose process is gone (``clean_stale``); a live writer's are never touched.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

MARK = "~annot"
_HOST = hashlib.blake2b(socket.gethostname().encode(), digest_size=4).hexdigest()
_PATTERN = re.compile(rf"\.{re.escape(MARK)}-([0-9a-f]{{8}})-(\d+)-([0-9a-f]{{8}})")


class OutputError(OSError):
    """A file that could not be written: disk full, read-only, a folder, no permission."""

    def __str__(self) -> str:
        return str(self.strerror)


def folder_of(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def scratch_path(target: Path, suffix: str = ".tmp") -> Path:
    """A new scratch name beside ``target`` (nothing is created)."""
    token = secrets.token_hex(4)
    return folder_of(target) / f".{target.name}.{MARK}-{_HOST}-{os.getpid()}-{token}{suffix}"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return True
    return True


def stale_scratch(target: Path) -> list[Path]:
    """Scratch files and folders in ``target``'s folder left by processes of this host that
    are gone (whatever file they were for)."""
    found = []
    try:
        entries = list(os.scandir(folder_of(target)))
    except OSError:
        return []
    for entry in entries:
        m = _PATTERN.search(entry.name) if entry.name.startswith(".") else None
        if m and m.group(1) == _HOST and not _alive(int(m.group(2))):
            found.append(Path(entry.path))
    return found


def clean_stale(target: Path) -> list[Path]:
    """Remove what crashed earlier writes of ``target`` left behind; returns what went."""
    removed = []
    for path in stale_scratch(Path(target)):
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
    return removed


def explain_os_error(exc: OSError, target: Path) -> OutputError:
    """A user-facing message for a failed write of ``target``."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        why = "the disk is full (or your quota is used up); free some space and try again"
    elif code == errno.EROFS:
        why = "it is on a read-only file system; choose another folder"
    elif code in (errno.EACCES, errno.EPERM):
        why = "permission denied; choose a folder you can write to, or fix its permissions"
    elif code == errno.EISDIR:
        why = "it is a folder; give a file name"
    elif code == errno.ENOENT:
        why = "its folder does not exist"
    else:
        why = exc.strerror or str(exc)
    return OutputError(code or 0, f"Cannot write {target}: {why}. Nothing was written.")


def check_target(target: Path) -> None:
    """Refuse a target that cannot become a file before anything is written."""
    folder = folder_of(target)
    if target.is_dir():
        raise OutputError(errno.EISDIR, f"Cannot write {target}: it is a folder; give a file "
                                        "name. Nothing was written.")
    if not folder.is_dir():
        raise OutputError(errno.ENOENT, f"Cannot write {target}: the folder {folder} does not "
                                        "exist. Nothing was written.")


def disk_nearly_full(folder: Path, margin: int = 256 * 1024) -> bool:
    """Whether ``folder``'s file system has less than ``margin`` bytes free: libraries that
    write files themselves (lxml, ReadStat) report a full disk only vaguely."""
    try:
        st = os.statvfs(folder)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < margin


def as_output_error(exc: BaseException, target: Path) -> OutputError | None:
    """``exc`` (raised while writing ``target``) as a clear :class:`OutputError`, if it is
    a file-system failure; None for anything else."""
    if isinstance(exc, OutputError):
        return exc
    if isinstance(exc, OSError):
        return explain_os_error(exc, target)
    if isinstance(exc, Exception) and disk_nearly_full(folder_of(target)):
        return explain_os_error(OSError(errno.ENOSPC, str(exc)), target)
    return None


def remove_scratch(path: Path) -> None:
    for p in (path, *(Path(f"{path}{s}") for s in ("-wal", "-shm", "-journal"))):
        with contextlib.suppress(OSError):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink()


@contextlib.contextmanager
def scratch_dir(target: Path) -> Iterator[Path]:
    """A private folder beside ``target`` for intermediate files; removed afterwards."""
    target = Path(target)
    check_target(target)
    clean_stale(target)
    path = scratch_path(target, ".d")
    try:
        path.mkdir(mode=0o700)
    except OSError as exc:
        raise explain_os_error(exc, target) from exc
    try:
        yield path
    except Exception as exc:
        shutil.rmtree(path, ignore_errors=True)
        clear = as_output_error(exc, target)
        if clear is None or clear is exc:
            raise
        raise clear from exc
    finally:
        shutil.rmtree(path, ignore_errors=True)
