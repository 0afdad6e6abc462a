"""SHA-256 of video files, streamed, and finding a moved video by its hash.

Both functions read large files, so they report progress and can be cancelled; callers run
them off the GUI thread.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from annotator.media.errors import Cancelled, MediaMissingError

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]

# File name endings that count as videos when searching a folder.
VIDEO_EXTENSIONS: frozenset[str] = frozenset(
    {".mp4", ".m4v", ".mov", ".avi", ".mkv", ".webm", ".mpg", ".mpeg", ".mts", ".m2ts",
     ".ts", ".wmv", ".flv", ".3gp", ".ogv", ".dv", ".mxf"}
)


class HashCancelled(Cancelled):
    """Hashing was cancelled by the caller."""


def _hash_stream(
    path: Path,
    update: Callable[[bytes], object],
    on_bytes: Callable[[int], None],
    cancelled: CancelledFn | None,
    chunk: int,
) -> None:
    with path.open("rb") as fh:
        while True:
            if cancelled is not None and cancelled():
                raise HashCancelled(f"hashing '{path.name}' was cancelled")
            block = fh.read(chunk)
            if not block:
                return
            update(block)
            on_bytes(len(block))


def _byte_counter(progress: ProgressFn | None, total: int) -> Callable[[int], None]:
    """A callback adding up bytes read and reporting ``progress(done, total)``; reports 0
    at once."""
    done = 0

    def on_bytes(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, max(total, done))

    if progress is not None:
        progress(0, total)
    return on_bytes


def sha256_file(
    path: str | os.PathLike[str],
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    chunk: int = 1 << 20,
) -> str:
    """Hex SHA-256 of the file, read in ``chunk``-byte blocks.

    ``progress(done_bytes, total_bytes)`` is called after every block (and once at 0);
    ``cancelled()`` is checked before every block and raises HashCancelled when true.
    Raises MediaMissingError if the file does not exist.
    """
    p = Path(path)
    try:
        total = p.stat().st_size
    except OSError as exc:
        raise MediaMissingError.for_path(p) from exc
    on_bytes = _byte_counter(progress, total)
    digest = hashlib.sha256()
    _hash_stream(p, digest.update, on_bytes, cancelled, chunk)
    return digest.hexdigest()


def _candidates(
    folder: Path, size_hint: int | None, extensions: Iterable[str] | None
) -> list[tuple[Path, int]]:
    exts = None if extensions is None else {e.lower() for e in extensions}
    found: list[tuple[Path, int]] = []
    for root, dirs, files in os.walk(folder):  # does not follow symlinked folders
        dirs.sort()
        for name in sorted(files):
            p = Path(root) / name
            if exts is not None and p.suffix.lower() not in exts:
                continue
            try:
                if not p.is_file():
                    continue
                size = p.stat().st_size
            except OSError:
                continue
            if size_hint is not None and size != size_hint:
                continue
            found.append((p, size))
    return found


def find_by_hash(
    folder: str | os.PathLike[str],
    sha256: str,
    size_hint: int | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    extensions: Iterable[str] | None = VIDEO_EXTENSIONS,
    chunk: int = 1 << 20,
) -> Path | None:
    """First file under ``folder`` (recursive, sorted) whose SHA-256 is ``sha256``.

    Only files with a video ending (``extensions``; None = any file) are hashed, and only
    those of exactly ``size_hint`` bytes when it is given, which makes the search fast.
    ``progress(done_bytes, total_bytes)`` counts over all candidates; ``cancelled()``
    raises HashCancelled. Returns None if nothing matches.
    """
    root = Path(folder)
    if not root.is_dir():
        raise MediaMissingError(
            f"Folder not found: '{root.name}'. Check the path of the folder to search.", root
        )
    want = sha256.lower()
    candidates = _candidates(root, size_hint, extensions)
    total = sum(size for _, size in candidates)
    on_bytes = _byte_counter(progress, total)
    for path, _ in candidates:
        digest = hashlib.sha256()
        try:
            _hash_stream(path, digest.update, on_bytes, cancelled, chunk)
        except OSError:
            continue  # unreadable file: not the one we look for
        if digest.hexdigest() == want:
            return path
    return None
