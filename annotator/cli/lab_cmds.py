"""``annotator checkout``, ``annotator merge`` and ``annotator archive``: working in a lab."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from annotator.cli.common import open_reader, open_study
from annotator.cli.errors import UsageError
from annotator.cli.output import safe
from annotator.cli.progress import Progress

EXIT_CONFLICTS = 1


def describe_target(target: str) -> str:
    """:func:`annotator.store.engine.describe_target`, imported when used (SQLAlchemy)."""
    from annotator.store.engine import describe_target as describe

    return describe(target)


def _progress(label: str) -> tuple[Progress, Callable[[float, str], None]]:
    bar = Progress(label)
    return bar, lambda fraction, text: bar.update(min(fraction, 0.99), text)


def cmd_checkout(ns: argparse.Namespace) -> int:
    from annotator.store.checkout import checkout

    out = Path(ns.output)
    if out.exists():
        raise UsageError(f"{out} already exists. Merge it back first (annotator merge STUDY "
                         f"{out}), or give a new file name.")
    if not (out.parent if str(out.parent) else Path(".")).is_dir():
        raise UsageError(f"The folder {out.parent} does not exist.")
    study = open_study(ns.study)
    try:
        from annotator.store.lab_security import require_acting_as

        require_acting_as(study, ns.coder, "check out codings")
        bar, report = _progress("checkout")
        result = checkout(study, ns.coder, out, report)
        bar.done(f"{result.segments} segment(s)")
    finally:
        study.close()
    print(f"Wrote {out}: {result.coder}'s {result.assignments} coding(s) of {result.sessions} "
          f"session(s), {result.segments} segment(s); no other coder's work is in it.")
    print(f"Code in it with: annotator gui {out} --coder {result.coder}")
    print(f"Bring the work back with: annotator merge {safe(describe_target(ns.study))} "
          f"{safe(out)}")
    return 0


def cmd_merge(ns: argparse.Namespace) -> int:
    from annotator.store.merge import merge

    other = ns.other
    if "://" not in other and not Path(other).is_file():
        raise UsageError(f"There is no file {other}.")
    study = open_study(ns.study)
    try:
        bar, report = _progress("merge")
        result = merge(study, other, report)
        bar.done(result.summary())
    finally:
        study.close()
    shown = Path(other).name if "://" not in other else describe_target(other)
    print(f"Merged {safe(shown)} "
          f"(coder {result.coder}): {result.summary()}; {result.log_rows} edit-log row(s) "
          "appended.")
    conflicts = [str(c) for c in result.conflicts] + result.status_conflicts
    if conflicts:
        print(f"{len(conflicts)} conflict(s): this study's version was kept; the checkout's "
              "version is below. Resolve them in the app, then merge again.")
        for line in conflicts:
            print(f"  {safe(line)}")
        return EXIT_CONFLICTS
    return 0


def cmd_archive(ns: argparse.Namespace) -> int:
    from annotator.exchange.archive import write_archive

    out = Path(ns.output)
    if not (out.parent if str(out.parent) else Path(".")).is_dir():
        raise UsageError(f"The folder {out.parent} does not exist.")
    study = open_reader(ns.study)  # a current study file: sqlite3, no SQLAlchemy to load
    try:
        bar, report = _progress("archive")
        manifest = write_archive(study, out, report)
        bar.done()
    finally:
        study.close()
    counts = manifest["counts"]
    print(f"Wrote {out}: the study ({counts['sessions']} session(s), {counts['segments']} "
          f"segment(s), {counts['edit_log']} edit-log row(s)), "
          f"{counts['codebook_versions']} codebook version(s) and manifest.json; no media.")
    return 0


def cmd_lab_secure(ns: argparse.Namespace) -> int:
    from annotator.store.lab_security import secure

    study = open_study(ns.study)
    try:
        secure(study)
    finally:
        study.close()
    print(f"Row-level security is on in {safe(describe_target(ns.study))}: each coder's role "
          "sees and changes only their own codings; the lead's role sees everything.")
    return 0


def cmd_lab_add_coder(ns: argparse.Namespace) -> int:
    import sys

    from annotator.store.lab_security import add_coder_role

    password = None
    if ns.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
        if not password:
            raise UsageError("--password-stdin: no password on standard input.")
    study = open_study(ns.study)
    try:
        made = add_coder_role(study, ns.coder, role=ns.role, password=password)
    finally:
        study.close()
    verb = "Made the login role" if made.created else "The existing role"
    print(f"{verb} {made.role!r} codes as {safe(ns.coder)} in "
          f"{safe(describe_target(ns.study))}; it sees and changes only {safe(ns.coder)}'s "
          "codings.")
    if made.password is not None and password is None:
        print(f"Its password (shown once; give it to {safe(ns.coder)} for their ~/.pgpass): "
              f"{made.password}")
    return 0
