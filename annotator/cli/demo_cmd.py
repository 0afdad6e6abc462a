"""``annotator demo DIR``: build the demo study and open it."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.progress import Progress


def cmd_demo(ns: argparse.Namespace) -> int:
    from annotator.demo import OPEN_SESSION, PRIMARY, build_demo

    progress = Progress("demo")
    if not 2 <= ns.seconds <= 600:
        from annotator.cli.errors import UsageError

        raise UsageError("--seconds must be between 2 and 600.")
    path = build_demo(Path(ns.dir), progress.update, seconds=ns.seconds)
    progress.done(str(path))
    print(f"The demo study is at {path}")
    if ns.no_gui:
        print(f"Open it with: annotator gui {path}")
        return 0
    from annotator.cli.gui_cmd import cmd_gui

    return cmd_gui(argparse.Namespace(study=str(path), coder=PRIMARY[0], session=OPEN_SESSION))
