"""Turn user-facing errors into a clear message and exit code 2, never a traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from annotator.core.limits import LimitError

EXIT_OK = 0
EXIT_USAGE = 2


class UsageError(Exception):
    """A command used wrongly (bad combination of options, missing file...)."""


#: (module, class) of the errors a user can cause. They are looked up among the modules a
#: command loaded instead of imported here: a module that was not loaded raised nothing, and
#: importing them all (YAML, the store, the reliability engine) would slow every command.
USER_ERROR_NAMES: tuple[tuple[str, str], ...] = (
    ("annotator.core.codebook_yaml", "CodebookError"),
    ("annotator.core.timeline_rows", "RowsRejected"),
    ("annotator.media.errors", "MediaError"),
    ("annotator.store.errors", "StudyError"),
    ("annotator.store.scratch", "OutputError"),
    ("annotator.core.reliability.errors", "ReliabilityInputError"),
)


def user_errors() -> tuple[type[BaseException], ...]:
    """The user errors of the modules loaded so far, with :class:`UsageError` and
    :class:`LimitError`."""
    found: list[type[BaseException]] = [UsageError, LimitError]
    for module_name, name in USER_ERROR_NAMES:
        error = getattr(sys.modules.get(module_name), name, None)
        if isinstance(error, type) and issubclass(error, BaseException):
            found.append(error)
    return tuple(found)


def run_guarded(handler: Callable[[argparse.Namespace], int], ns: argparse.Namespace) -> int:
    from annotator.cli.output import safe

    try:
        from annotator.cli.validation import check_arguments

        check_arguments(ns)
        return handler(ns)
    except user_errors() as exc:
        from annotator.core.secrets import mask_text

        message = mask_text(str(exc))
        print(f"annotator: error: {safe(message, keep_newlines=True)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("annotator: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
