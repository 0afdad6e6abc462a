"""``annotator summary``: time budgets, co-occurrence, sequences and trends of a study.

Unknown coders, cases, sessions or languages, a selection that leaves nothing, and unusable
output paths end with a one-line message and exit status 2 (nothing is written).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

WHAT = ("budget", "categories", "wide", "cooccurrence", "sequences", "trends",
        "trends_by_case")
_SUFFIX = {".csv": "csv", ".xlsx": "xlsx", ".sav": "sav", ".html": "html", ".htm": "html",
           ".pdf": "pdf"}


def add_parsers(sub: Any, study_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser(
        "summary", help="time budgets, co-occurrence, sequences and trends over sessions",
        description="Analyse the codings that count: per session (or case, coder) and code "
        "the count, time, %% of session, rate, bout statistics and latency; co-occurrence "
        "of codes; lag-1 sequences with Yule's Q and adjusted residuals; trends over session "
        "numbers with 95%% CIs over cases. CSV and SAV hold one table (--what); XLSX has "
        "them all as sheets; HTML and PDF are the full report with figures.")
    study_arg(p)
    g = p.add_mutually_exclusive_group()
    g.add_argument("--coder", metavar="ID",
                   help="count this coder's coding (primary, else reliability) instead of "
                        "each session's primary coding")
    g.add_argument("--consensus-first", action="store_true",
                   help="count a session's consensus coding where it has one, else primary")
    p.add_argument("--cases", nargs="+", default=[], metavar="ID", help="only these cases")
    p.add_argument("--sessions", nargs="+", default=[], metavar="CASE:N|N",
                   help="only these sessions (CASE:N) or session numbers (N)")
    p.add_argument("--by", choices=["session", "case", "coder", "all"], default="session",
                   help="rows of the time budget: per session and coder (default), per "
                        "case or coder (sessions pooled), or all pooled")
    p.add_argument("--format", choices=["csv", "xlsx", "sav", "html", "pdf"], default=None,
                   help="output format (default: from the file suffix, else csv)")
    p.add_argument("-o", "--output", required=True, metavar="OUT|-",
                   help="the file to write; - for stdout (csv and html)")
    p.add_argument("--what", choices=WHAT, default=None,
                   help="(csv, sav) the table to write (default: budget; sav also writes "
                        "the wide dataset to OUT_wide.sav)")
    p.add_argument("--sequences", choices=["category", "all"], default="category",
                   help="lag-1 transitions within each category (default) or across all "
                        "codes")
    p.add_argument("--min-expected", type=float, default=5.0, metavar="N",
                   help="report adjusted residuals and Yule's Q only where the expected "
                        "count is at least N (default 5)")
    p.add_argument("--figures", metavar="DIR", help="also write every figure as a 300-dpi "
                   "PNG into DIR")
    p.add_argument("--no-figures", action="store_true",
                   help="(html, pdf) leave the figures out of the report")
    p.add_argument("--lang", metavar="LANG",
                   help="label language (default: the codebook's first language)")
    p.add_argument("--raw", action="store_true",
                   help="(csv, xlsx) write text cells as they are: no ' before =, +, -, @")
    p.set_defaults(handler="analysis_cmds:cmd_summary")


def _format(ns: argparse.Namespace) -> str:
    from annotator.cli.errors import UsageError

    fmt = ns.format
    if fmt is None:
        fmt = "csv" if ns.output == "-" else _SUFFIX.get(Path(ns.output).suffix.lower(), "csv")
    if ns.output == "-" and fmt not in ("csv", "html"):
        raise UsageError(f"--format {fmt} cannot go to stdout; give a file name with -o.")
    if ns.what is not None and fmt not in ("csv", "sav"):
        raise UsageError(f"--what chooses the table of a csv or sav file; {fmt} holds every "
                         "table already.")
    if not math.isfinite(ns.min_expected) or ns.min_expected < 0:
        raise UsageError(f"--min-expected must be a number of 0 or more, got "
                         f"{ns.min_expected:g}.")
    return str(fmt)


def _check_path(option: str, value: str, *, folder_ok: bool = False) -> Path:
    from annotator.cli.errors import UsageError

    path = Path(value)
    if folder_ok:
        if path.exists() and not path.is_dir():
            raise UsageError(f"{option} {value}: is a file; give a folder.")
        parent = path.parent if str(path.parent) else Path(".")
        if not path.exists() and not parent.is_dir():
            raise UsageError(f"{option} {value}: the folder {parent} does not exist.")
        return path
    if path.is_dir():
        raise UsageError(f"{option} {value}: is a folder; give a file name.")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"{option} {value}: the folder {parent} does not exist.")
    return path


def cmd_summary(ns: argparse.Namespace) -> int:
    from annotator.cli.common import open_reader
    from annotator.cli.errors import UsageError
    from annotator.cli.progress import Progress
    from annotator.core.analysis.errors import AnalysisInputError
    from annotator.exchange.analysis.reader import CONSENSUS_FIRST, PRIMARY, Selection
    from annotator.exchange.analysis.run import analyse, render_html, write, write_figures

    fmt = _format(ns)
    out = None if ns.output == "-" else _check_path("-o", ns.output)
    fig_dir = None if ns.figures is None else _check_path("--figures", ns.figures,
                                                          folder_ok=True)
    coding = ns.coder or (CONSENSUS_FIRST if ns.consensus_first else PRIMARY)
    sel = Selection(coding=coding, cases=tuple(ns.cases), sessions=tuple(ns.sessions),
                    lang=ns.lang)
    progress = Progress("summary", enabled=out is not None)
    study = open_reader(ns.study)  # a current study file: sqlite3, no SQLAlchemy to load
    try:
        if ns.lang is not None and ns.lang not in study.codebook.languages:
            raise UsageError(f"--lang {ns.lang}: the codebook has no such language "
                             f"(languages: {', '.join(study.codebook.languages)}).")
        try:
            res, meta = analyse(study, ns.study, sel, by=ns.by, sequence_scope=ns.sequences,
                                min_expected=ns.min_expected,
                                progress=lambda f, t: progress.update(0.8 * f, t))
        except AnalysisInputError as exc:
            raise UsageError(str(exc)) from exc
    finally:
        study.close()
    written: list[Path] = []
    try:
        if out is None:
            from annotator.exchange.analysis.tables_out import csv_text

            text = (csv_text(res.table(ns.what or "budget"), raw=ns.raw) if fmt == "csv"
                    else render_html(res, meta, with_figures=not ns.no_figures))
            sys.stdout.write(text)
        else:
            written = write(res, meta, fmt, out, what=ns.what, with_figures=not ns.no_figures,
                            raw=ns.raw)
        if fig_dir is not None:
            written += write_figures(res, fig_dir)
    except OSError as exc:
        raise UsageError(f"cannot write the output ({exc.strerror or exc}).") from exc
    if out is not None or fig_dir is not None:
        progress.enabled = True
        progress.done("wrote " + ", ".join(str(p) for p in written))
        print(f"summary: counted {meta.counted}.", file=sys.stderr)
    return 0
