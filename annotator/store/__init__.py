"""Persistence: a study is one SQLite file or PostgreSQL database (DESIGN §3)."""

from annotator.store.errors import (
    ConnectionLostError,
    EditError,
    NotAStudyError,
    NotFoundError,
    StudyCorruptError,
    StudyError,
    StudyLockedError,
    StudyNotFoundError,
    StudyReadOnlyError,
    StudyTooNewError,
    StudyUnreachableError,
)
from annotator.store.records import AssignmentInfo, CoderInfo, MediaLink, SessionInfo
from annotator.store.study import Study

__all__ = [
    "AssignmentInfo",
    "CoderInfo",
    "ConnectionLostError",
    "EditError",
    "MediaLink",
    "NotAStudyError",
    "NotFoundError",
    "SessionInfo",
    "Study",
    "StudyCorruptError",
    "StudyError",
    "StudyLockedError",
    "StudyNotFoundError",
    "StudyReadOnlyError",
    "StudyTooNewError",
    "StudyUnreachableError",
]
