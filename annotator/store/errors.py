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


class ConnectionLostError(StudyUnreachableError):
    """The server connection broke during a write; nothing of it was kept (see ``write``)."""

    def __init__(self, where: str, *, committing: bool, saved: bool | None) -> None:
        self.committing = committing
        self.saved = saved
        when = "while saving" if committing else "during the change"
        outcome = (
            "The change was not saved (the server discards unfinished transactions); nothing "
            "was half-written." if saved is False else
            "The server could not be asked whether the change was saved: it was saved whole or "
            "not at all. Reopen the study to see which."
        )
        super().__init__(f"The connection to the database {where} was lost {when}. {outcome} "
                         "Check the server or the network, then try again.")
