"""The ``annotator`` command. With no subcommand it opens the desktop app."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
