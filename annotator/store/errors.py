"""Typed study errors. Each message says what went wrong, where, and what to do."""

from __future__ import annotations


class StudyError(Exception):
    """Base class of everything the store reports to a user."""


class StudyNotFoundError(StudyError):
    pass


class NotAStudyError(StudyError):
    pass


class StudyCorruptError(StudyError):
    pass


class StudyLockedError(StudyError):
    pass


class StudyTooNewError(StudyError):
    pass


class StudyReadOnlyError(StudyError):
    pass


class StudyUnreachableError(StudyError):
    pass


class EditError(StudyError):
    """An edit that would break a rule (unknown code, end < start, submitted assignment...)."""


class NotFoundError(StudyError):
    """A case, session, coder, assignment or segment that does not exist."""
