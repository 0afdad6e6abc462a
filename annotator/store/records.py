"""Plain values the store hands out (never live ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Purpose = Literal["primary", "reliability", "consensus"]
Status = Literal["assigned", "in_progress", "submitted"]
PURPOSES: tuple[str, ...] = ("primary", "reliability", "consensus")
STATUSES: tuple[str, ...] = ("assigned", "in_progress", "submitted")


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
