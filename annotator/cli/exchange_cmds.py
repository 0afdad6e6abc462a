"""``annotator import`` and ``annotator export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.cli.common import open_study
from annotator.cli.errors import UsageError
from annotator.exchange import exporters
from annotator.exchange.timeline_csv import read_timeline
from annotator.store.timeline_import import import_timeline

SUFFIX_FORMATS = {".csv": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".sav": "sav", ".eaf": "eaf"}


def cmd_import(ns: argparse.Namespace) -> int:
    path = Path(ns.file)
    if not path.is_file():
        raise UsageError(f"There is no file {path}.")
    fmt = ns.format or guess_import_format(path)
    study = open_study(ns.study)
    try:
        if fmt == "csv":
            rows = read_timeline(path)
            result = import_timeline(study, rows, source=path.name,
                                     create_sessions=ns.create_sessions)
        else:
            from annotator.exchange import importers

            result = importers.import_other(study, path, fmt, ns)
        print(f"Imported {result.segments} segment(s) from {path.name}.")
        for line in getattr(result, "summary", []):
            print(f"  {line}")
        if result.new_coders:
            print(f"New coder(s) created: {', '.join(result.new_coders)}.")
        if result.new_sessions:
            print(f"New session(s) created: {', '.join(result.new_sessions)}.")
        ignored = getattr(result, "ignored_tiers", None)
        if ignored:
            print(f"Tiers not imported (not named CODER:CATEGORY; use --map): "
                  f"{', '.join(ignored)}.")
    finally:
        study.close()
    return 0


def guess_import_format(path: Path) -> str:
    """eaf by suffix; BORIS projects (.boris, JSON) and workbooks (.xlsx) are BORIS; BORIS
    tabular exports by their header (Behavior + Status/type or Start (s))."""
    suffix = path.suffix.lower()
    if suffix == ".eaf":
        return "eaf"
    if suffix in (".boris", ".xlsx", ".json"):
        return "boris"
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as fh:
            head = fh.read(8192).lower()
    except OSError:
        return "csv"
    if "behavior" in head and ("status" in head or "behavior type" in head
                               or "start (s)" in head):
        return "boris"
    return "csv"


def cmd_export(ns: argparse.Namespace) -> int:
    out = ns.output
    fmt = ns.format
    if fmt is None:
        fmt = "csv" if out == "-" else SUFFIX_FORMATS.get(Path(out).suffix.lower(), "csv")
    if out == "-" and fmt in ("xlsx", "sav"):
        raise UsageError(f"{fmt} is a binary format: give a file with -o, not '-'.")
    if out != "-" and not Path(out).parent.exists():
        raise UsageError(f"The folder {Path(out).parent} does not exist.")
    study = open_study(ns.study)
    try:
        langs = study.codebook.languages
        lang = ns.lang or ("en" if "en" in langs or not langs else langs[0])
        if ns.lang is not None and ns.lang not in langs:
            raise UsageError(f"--lang {ns.lang}: the codebook's languages are "
                             f"{', '.join(langs)}.")
        options = exporters.ExportOptions(coder=ns.coder, case=ns.case,
                                          resolution_ms=ns.resolution_ms, raw=ns.raw,
                                          excel=ns.excel, lang=lang)
        if ns.coder is not None and not study.has_coder(ns.coder):
            raise UsageError(f"There is no coder {ns.coder!r} in this study.")
        if ns.case is not None and ns.case not in study.cases():
            raise UsageError(f"There is no case {ns.case!r} in this study.")
        if out == "-":
            n = exporters.export_text(study, fmt, sys.stdout, options)
        else:
            n = exporters.export_file(study, fmt, Path(out), options)
            print(f"Wrote {n} row(s) to {out} ({fmt}).", file=sys.stderr)
    finally:
        study.close()
    return 0
