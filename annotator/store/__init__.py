"""Persistence: a study is one SQLite file or PostgreSQL database (docs/design.md §3).

``Study`` is loaded on first use, so importing the errors (as every command does) does not
import SQLAlchemy.
"""

from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    if name == "Study":
        from annotator.store.study import Study

        return Study
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
