"""``annotator gui`` (and ``annotator`` with no command): the desktop app."""

from __future__ import annotations

import argparse
import os
import sys

from annotator.cli.errors import UsageError


def has_display() -> bool:
    """Whether Qt can show a window: an X or Wayland display, a platform chosen
    explicitly (e.g. ``QT_QPA_PLATFORM=offscreen``), or not Linux at all."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def cmd_gui(ns: argparse.Namespace) -> int:
    # On a lab server the database role must be the coder's own (or the lead's).
    if ns.study and "://" in ns.study and ns.coder:
        from annotator.cli.common import open_study
        from annotator.store.lab_security import require_acting_as

        study = open_study(ns.study)
        try:
            require_acting_as(study, ns.coder, "code")
        finally:
            study.close()
    if not has_display():
        raise UsageError(
            "No display to open the app on (neither DISPLAY nor WAYLAND_DISPLAY is set). "
            "Run it from a desktop session, or on a virtual screen: xvfb-run -a annotator "
            "gui STUDY. The command-line tools (annotator --help) work without a display.")
    from annotator.ui.app import run_app

    return run_app(study=ns.study, coder=ns.coder, session=ns.session)
