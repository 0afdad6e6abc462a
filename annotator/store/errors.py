"""Typed study errors. Each message says what went wrong, where, and what to do."""

from __future__ import annotations

from pathlib import Path


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


def explain_database_error(where: str, msg: str, *, sqlite: bool, data_error: bool = False
                           ) -> StudyError:
    """The study error a database error message means, with what to do about it."""
    low = msg.lower()
    if "locked" in low or "busy" in low:
        return StudyLockedError(
            f"{where} is locked by another program that is writing to it. Close the "
            "other annotator window or process and try again."
        )
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return StudyCorruptError(
            f"{where} is damaged ({msg}). Restore it from a backup in "
            f"'.{Path(where).name}.backups' beside it, or from your own copies."
        )
    if "readonly" in low or "read-only" in low or "unable to open" in low:
        return StudyReadOnlyError(
            f"{where} cannot be written ({msg}). Move the study to a folder you can "
            "write to, or fix its permissions."
        )
    if "row-level security" in low or "permission denied" in low:
        return StudyError(
            f"{where}: your database role may not do this "
            f"({msg.strip().splitlines()[0]}); nothing was changed. On a lab server each "
            "coder reads and changes only their own codings; ask the lead for anything "
            "else."
        )
    if "disk is full" in low or "disk full" in low:
        return StudyError(
            f"The disk holding {where} is full ({msg.strip().splitlines()[0]}); "
            "nothing was half-written. Free some space and try again."
        )
    if data_error or "out of range" in low or "too long" in low:
        return StudyError(
            f"{where}: a value does not fit the database "
            f"({msg.strip().splitlines()[0]}); nothing was changed. Numbers and ids must "
            "stay within the limits annotator checks (see `annotator --help`)."
        )
    if not sqlite:
        return StudyUnreachableError(
            f"Cannot use the database {where}: {msg.strip().splitlines()[0]}. Check "
            "that the server is running, the URL, the user name and the password."
        )
    return StudyError(f"{where}: database error: {msg}")
