"""Typed errors for media problems.

Every message says what went wrong, which file (by name only: messages are shown to the
user, they never go into exports) and what the user can do about it.
"""

from __future__ import annotations

from pathlib import Path


class MediaError(Exception):
    """A video file cannot be used. ``path`` is the file concerned."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.path: Path | None = Path(path) if path is not None else None


class MediaMissingError(MediaError):
    """The file does not exist (or is not a regular file)."""

    @classmethod
    def for_path(cls, path: Path) -> MediaMissingError:
        return cls(
            f"Video file not found: '{path.name}' (in {path.parent}). "
            "Check the path, or relink the session to the moved recording.",
            path,
        )


class MediaEmptyError(MediaError):
    """The file exists but holds zero bytes (or no frames)."""

    @classmethod
    def for_path(cls, path: Path, detail: str = "the file is empty (0 bytes)") -> MediaEmptyError:
        return cls(
            f"Video file '{path.name}' cannot be used: {detail}. "
            "The copy or the recording was probably interrupted; copy the recording again.",
            path,
        )


class MediaUnreadableError(MediaError):
    """The file exists but is not a video that OpenCV/FFmpeg can decode."""

    @classmethod
    def for_path(
        cls, path: Path, detail: str = "it is not a readable video"
    ) -> MediaUnreadableError:
        return cls(
            f"Video file '{path.name}' cannot be read: {detail}. "
            "The file may be damaged, truncated or in an unsupported format; "
            "re-export the recording as MP4/H.264 and link that file.",
            path,
        )


class MediaToolMissingError(MediaError):
    """An external tool needed to *write* a video (ffmpeg) is not installed."""


class Cancelled(Exception):
    """A long media operation (hashing, indexing) was cancelled by the caller."""
