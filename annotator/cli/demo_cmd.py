"""``annotator demo DIR``: build the demo study and open it."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.progress import Progress


def cmd_demo(ns: argparse.Namespace) -> int:
    from annotator.demo import PRIMARY, build_demo

    progress = Progress("demo")
    path = build_demo(Path(ns.dir), progress.update)
    progress.done(str(path))
    print(f"The demo study is at {path}")
    if ns.no_gui:
        print(f"Open it with: annotator gui {path}")
        return 0
    from annotator.cli.gui_cmd import cmd_gui

    return cmd_gui(argparse.Namespace(study=str(path), coder=PRIMARY[0], session=None))
