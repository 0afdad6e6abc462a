"""Plain values the store hands out (never live ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from annotator.core.timefmt import format_short

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook

Purpose = Literal["primary", "reliability", "consensus"]
Status = Literal["assigned", "in_progress", "submitted"]
PURPOSES: tuple[str, ...] = ("primary", "reliability", "consensus")
STATUSES: tuple[str, ...] = ("assigned", "in_progress", "submitted")

SegmentRow = tuple[str, int, str, str, int, str, int, int, str, str | None]
"""case, session number, coder, purpose, codebook id, code, start_ms, end_ms, note,
modifiers (the stored JSON text, or None; decoded only where a row has some)."""


@dataclass(frozen=True, slots=True)
class MediaLink:
    """A recording linked to a session; ``path`` is relative to the study file."""

    path: str
    sha256: str
    size: int
    duration_ms: int
    fps: float
    frame_count: int
    width: int
    height: int
    codec: str


@dataclass(frozen=True, slots=True)
class SessionInfo:
    id: int
    case: str
    number: int
    date: str | None
    media: MediaLink | None
    explicit_duration_ms: int | None
    latest_segment_end_ms: int | None = None

    @property
    def key(self) -> str:
        return f"{self.case}:{self.number}"

    @property
    def duration_ms(self) -> int | None:
        """Media duration, else the explicit one, else the latest segment end
        (docs/design.md §3)."""
        if self.media is not None:
            return self.media.duration_ms
        if self.explicit_duration_ms is not None:
            return self.explicit_duration_ms
        return self.latest_segment_end_ms


@dataclass(frozen=True, slots=True)
class CoderInfo:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class AssignmentInfo:
    id: int
    session_id: int
    case: str
    number: int
    coder: str
    purpose: str
    status: str
    codebook_id: int


@dataclass(frozen=True, slots=True)
class LogEntry:
    id: int
    at: str
    coder: str | None
    action: str
    entity: str
    entity_id: str
    assignment_id: int | None
    state: str


@dataclass(frozen=True, slots=True)
class OpenRecordingInfo:
    """An open recording with where it belongs (for ``annotator check`` and submitting)."""

    id: str
    case: str
    session: int
    coder: str
    purpose: str
    code: str
    code_label: str
    start_ms: int

    def describe(self) -> str:
        tag = "" if self.purpose == "primary" else f", {self.purpose}"
        return (f"{self.case} session {self.session} ({self.coder}{tag}): "
                f"'{self.code_label}' recording since {format_short(self.start_ms)}")


def code_label(codebook: Codebook, code: str) -> str:
    """A code's English label (its id if the codebook does not have it)."""
    return codebook.code(code).label_in("en") if codebook.has_code(code) else code


def session_info(row: Any, latest_end: int | None) -> SessionInfo:
    """A session from a row of (id, case label, number, date, media path, sha256, size,
    duration, fps, frame count, width, height, codec, explicit duration)."""
    media = None
    if row[4] is not None:
        media = MediaLink(
            path=row[4], sha256=row[5] or "", size=row[6] or 0, duration_ms=row[7] or 0,
            fps=float(row[8] or 0.0), frame_count=row[9] or 0, width=row[10] or 0,
            height=row[11] or 0, codec=row[12] or "",
        )
    return SessionInfo(
        id=row[0], case=row[1], number=row[2], date=row[3], media=media,
        explicit_duration_ms=row[13], latest_segment_end_ms=latest_end,
    )
