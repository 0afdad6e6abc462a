"""``annotator import`` and ``annotator export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from annotator.cli.common import open_reader, open_study
from annotator.cli.errors import UsageError
from annotator.cli.output import safe
from annotator.core.filenames import file_part, is_plain
from annotator.exchange import exporters

if TYPE_CHECKING:
    from annotator.store.reader import StudyReader
    from annotator.store.study import Study

SUFFIX_FORMATS = {".csv": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".sav": "sav", ".eaf": "eaf"}


def cmd_import(ns: argparse.Namespace) -> int:
    path = Path(ns.file)
    if not path.is_file():
        raise UsageError(f"There is no file {path}.")
    fmt = ns.format or guess_import_format(path)
    from annotator.exchange.timeline_csv import read_timeline
    from annotator.store.lab_security import require_acting_as
    from annotator.store.timeline_import import import_timeline

    study = open_study(ns.study)
    try:
        if fmt == "csv":
            rows = read_timeline(path)
            for coder in sorted({r.coder for r in rows}):
                require_acting_as(study, coder, "import codings")
            result = import_timeline(study, rows, source=path.name,
                                     create_sessions=ns.create_sessions)
        else:
            from annotator.exchange import importers

            require_acting_as(study, ns.coder, "import codings")
            result = importers.import_other(study, path, fmt, ns)
        print(f"Imported {result.segments} segment(s) from {safe(path.name)}.")
        for line in getattr(result, "summary", []):
            print(f"  {line}")
        if result.new_coders:
            print(f"New coder(s) created: {safe(', '.join(result.new_coders))}.")
        if result.new_sessions:
            print(f"New session(s) created: {safe(', '.join(result.new_sessions))}.")
        ignored = getattr(result, "ignored_tiers", None)
        if ignored:
            print(f"Tiers not imported (not named CODER:CATEGORY; use --map): "
                  f"{safe(', '.join(ignored))}.")
    finally:
        study.close()
    return 0


def _report_file_names(study: StudyReader, coder: str | None, case: str | None,
                       sessions: frozenset[int] | None = None) -> None:
    """Say how case ids that are not plain file names were named in the ELAN files."""
    cases = sorted({a.case for a in study.assignments(coder=coder)
                    if (case is None or a.case == case)
                    and (sessions is None or a.session_id in sessions)})
    for c in cases:
        if not is_plain(c):
            print(f"  case {safe(repr(c))} is written as {file_part(c)!r} in file names",
                  file=sys.stderr)


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
    # CSV, XLSX and SAV need only reading: a study file is then read without SQLAlchemy
    light = fmt in exporters.READER_FORMATS
    study: StudyReader = open_reader(ns.study) if light else open_study(ns.study)
    try:
        langs = study.codebook.languages
        lang = ns.lang or ("en" if "en" in langs or not langs else langs[0])
        if ns.lang is not None and ns.lang not in langs:
            raise UsageError(f"--lang {ns.lang}: the codebook's languages are "
                             f"{', '.join(langs)}.")
        options = exporters.ExportOptions(coder=ns.coder, case=ns.case,
                                          sessions=tuple(ns.session),
                                          resolution_ms=ns.resolution_ms, raw=ns.raw,
                                          excel=ns.excel, lang=lang)
        if not study.is_sqlite:  # only a server has roles
            from annotator.store.lab_security import require_acting_as

            require_acting_as(cast("Study", study), ns.coder, "export codings")
        if ns.coder is not None and not study.has_coder(ns.coder):
            raise UsageError(f"There is no coder {ns.coder!r} in this study.")
        if ns.case is not None and ns.case not in study.cases():
            raise UsageError(f"There is no case {ns.case!r} in this study.")
        try:
            only = exporters.session_ids(study, options)
        except exporters.ExportFilterError as exc:
            raise UsageError(f"--session: {exc}") from None
        if fmt == "csv":
            n = exporters.export_csv(study, sys.stdout if out == "-" else Path(out), options)
        elif out == "-":
            n = exporters.export_text(cast("Study", study), fmt, sys.stdout, options)
        elif light:
            n = exporters.export_reader_file(study, fmt, Path(out), options)
        else:
            n = exporters.export_file(cast("Study", study), fmt, Path(out), options)
        if out != "-":
            print(f"Wrote {n} row(s) to {safe(out)} ({fmt}).", file=sys.stderr)
            if fmt == "eaf":
                _report_file_names(study, ns.coder, ns.case, only)
    finally:
        study.close()
    return 0
