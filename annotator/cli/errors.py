"""Turn user-facing errors into a clear message and exit code 2, never a traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from annotator.core.codebook_yaml import CodebookError
from annotator.core.limits import LimitError
from annotator.core.secrets import mask_text
from annotator.core.timeline_rows import RowsRejected
from annotator.media.errors import MediaError
from annotator.store.errors import StudyError
from annotator.store.scratch import OutputError

EXIT_OK = 0
EXIT_USAGE = 2


class UsageError(Exception):
    """A command used wrongly (bad combination of options, missing file...)."""


USER_ERRORS: tuple[type[BaseException], ...] = (
    CodebookError, RowsRejected, MediaError, StudyError, UsageError, LimitError,
    OutputError,
)


def extra_user_errors() -> tuple[type[BaseException], ...]:
    """User errors of modules a command loaded (a module not loaded raised nothing: looking
    it up instead of importing it keeps the reliability engine and numpy out of an error)."""
    found: list[type[BaseException]] = []
    module = sys.modules.get("annotator.core.reliability.errors")
    error = getattr(module, "ReliabilityInputError", None)
    if isinstance(error, type) and issubclass(error, BaseException):
        found.append(error)
    return tuple(found)


def run_guarded(handler: Callable[[argparse.Namespace], int], ns: argparse.Namespace) -> int:
    from annotator.cli.output import safe

    try:
        from annotator.cli.validation import check_arguments

        check_arguments(ns)
        return handler(ns)
    except USER_ERRORS + extra_user_errors() as exc:
        message = mask_text(str(exc))
        print(f"annotator: error: {safe(message, keep_newlines=True)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("annotator: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
