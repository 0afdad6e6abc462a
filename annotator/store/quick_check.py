"""The full integrity check of a study (docs/design.md §7), with progress and cancellation.

Opening a study does not run it (a 350 MB study takes about 0.4 s per check): it runs in
``annotator check``, before every migration and, in the desktop app, on a worker thread
after the study opened. SQLite's ``PRAGMA quick_check`` reads every page of the file; its
progress is estimated from the virtual-machine steps SQLite reports per page (measured on
studies of 8 MB to 350 MB), so the fraction is an estimate that ends at exactly 1.0.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from annotator.store.errors import StudyCorruptError, StudyError

FractionDone = Callable[[float], None]
IsCancelled = Callable[[], bool]

# SQLite calls the progress handler every _STEP virtual-machine instructions; a quick_check
# runs roughly _OPS_PER_PAGE of them per database page.
_STEP = 20_000
_OPS_PER_PAGE = 650.0


class IntegrityCheckCancelled(StudyError):
    """The check was stopped before it finished (nothing was changed)."""


def check_sqlite_file(
    path: Path, where: str, *, progress: FractionDone | None = None,
    cancelled: IsCancelled | None = None,
) -> None:
    """Run ``PRAGMA quick_check`` over the whole file; raise :class:`StudyCorruptError`.

    Read-only: the file is opened with ``mode=ro`` and nothing is written.
    """
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StudyCorruptError(_damaged(where, path, str(exc))) from exc
    stopped = False
    try:
        pages = int(con.execute("PRAGMA page_count").fetchone()[0]) or 1
        expected = max(1.0, pages * _OPS_PER_PAGE / _STEP)
        calls = 0
        shown = -1

        def on_step() -> int:
            nonlocal calls, stopped, shown
            calls += 1
            step = int(min(0.99, calls / expected) * 200)  # report every half per cent
            if progress is not None and step != shown:
                shown = step
                progress(step / 200)
            if cancelled is not None and cancelled():
                stopped = True
                return 1  # SQLite interrupts the statement
            return 0

        con.set_progress_handler(on_step, _STEP)
        rows = [str(r[0]) for r in con.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.OperationalError as exc:
        if stopped:
            raise IntegrityCheckCancelled(f"The integrity check of {where} was stopped.") from exc
        raise StudyCorruptError(_damaged(where, path, str(exc))) from exc
    except sqlite3.DatabaseError as exc:
        raise StudyCorruptError(_damaged(where, path, str(exc))) from exc
    finally:
        con.close()
    if rows != ["ok"]:
        raise StudyCorruptError(
            f"{where} failed its integrity check ({'; '.join(rows[:3])}). Restore it from a "
            f"backup in '.{path.name}.backups' beside it; it was not changed."
        )
    if progress is not None:
        progress(1.0)


def _damaged(where: str, path: Path, msg: str) -> str:
    return (f"{where} is damaged ({msg}). Restore it from a backup in '.{path.name}.backups' "
            "beside it, or from your own copies; it was not changed.")
