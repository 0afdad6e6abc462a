"""The ``annotator`` command. With no subcommand it opens the desktop app."""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from annotator.cli.parser import build_parser

_DEFAULT_GC = gc.get_threshold()
# A command's start creates tens of thousands of objects (SQLAlchemy's modules above all:
# 43,000 tracked by the collector once the store is loaded); with Python's default
# threshold the collector runs about 110 times on the way, ~10% of a writing command's
# time. The desktop app keeps the default (a coder's key presses).
_COMMAND_GC = (10_000, 10, 10)
_APP_MODULES = ("gui_cmd", "demo_cmd")


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
    if module in _APP_MODULES:
        gc.set_threshold(*_DEFAULT_GC)
    handler = getattr(importlib.import_module(f"annotator.cli.{module}"), func)
    return run_guarded(handler, ns)


def run() -> NoReturn:
    """The ``annotator`` program (``python -m annotator.cli`` and the installed script):
    :func:`main`, then the process exits.

    A command that loaded SQLAlchemy leaves tens of thousands of objects that Python's
    shutdown walks in several full garbage collections, 50-100 ms after the work is done (issue 13
    point 6). Once the command has finished (its study closed, its files written and closed,
    output flushed) those objects are moved out of the collector's sight (``gc.freeze``);
    shutdown still runs every exit handler and frees what it frees. Not after the desktop
    app: Qt's objects are left to the shutdown order PySide expects. Until the desktop app
    starts, the collector runs less often (``_COMMAND_GC``)."""
    gc.set_threshold(*_COMMAND_GC)
    rc = main()
    sys.stdout.flush()
    sys.stderr.flush()
    if "PySide6" not in sys.modules:
        gc.freeze()
    sys.exit(rc)


if __name__ == "__main__":  # pragma: no cover
    run()
