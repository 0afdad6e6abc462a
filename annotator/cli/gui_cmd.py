"""``annotator gui`` (and ``annotator`` with no command): the desktop app."""

from __future__ import annotations

import argparse


def cmd_gui(ns: argparse.Namespace) -> int:
    from annotator.ui.app import run_app

    return run_app(study=ns.study, coder=ns.coder, session=ns.session)
