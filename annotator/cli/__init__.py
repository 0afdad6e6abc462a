"""The ``annotator`` command. With no subcommand it opens the desktop app."""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from annotator.cli.parser import build_parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    ns = parser.parse_args(args)
    spec = getattr(ns, "handler", None)
    if spec is None:
        spec = "gui_cmd:cmd_gui"
        ns.study = None
        ns.coder = None
        ns.session = None
    from annotator.cli.errors import run_guarded

    module, _, func = spec.partition(":")
    handler = getattr(importlib.import_module(f"annotator.cli.{module}"), func)
    return run_guarded(handler, ns)


def run() -> NoReturn:
    """The ``annotator`` program (``python -m annotator.cli`` and the installed script):
    :func:`main`, then the process exits.

    A command that loaded SQLAlchemy leaves some 200,000 objects that Python's shutdown
    walks in several full garbage collections, 50-100 ms after the work is done (issue 13
    point 6). Once the command has finished (its study closed, its files written and closed,
    output flushed) those objects are moved out of the collector's sight (``gc.freeze``);
    shutdown still runs every exit handler and frees what it frees. Not after the desktop
    app: Qt's objects are left to the shutdown order PySide expects."""
    rc = main()
    sys.stdout.flush()
    sys.stderr.flush()
    if "PySide6" not in sys.modules:
        gc.freeze()
    sys.exit(rc)


if __name__ == "__main__":  # pragma: no cover
    run()
