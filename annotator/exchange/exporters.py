"""Export dispatch: every format writes atomically and carries ids, never paths."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO, cast

from annotator.core.codebook import Codebook
from annotator.exchange.atomic import atomic_text
from annotator.exchange.timeline_csv import write_timeline
from annotator.store.queries import segment_rows
from annotator.store.study import Study


@dataclass(frozen=True)
class ExportOptions:
    coder: str | None = None
    case: str | None = None
    resolution_ms: int = 1000


def codebooks_of(study: Study) -> dict[int, Codebook]:
    ids = {a.codebook_id for a in study.assignments()}
    ids.add(study.current_codebook_id)
    return {i: study.codebook_by_id(i) for i in ids}


def _csv(study: Study, out: TextIO, opts: ExportOptions) -> int:
    rows = segment_rows(study, coder=opts.coder, case=opts.case)
    return write_timeline(out, rows, codebooks_of(study))


def _lazy(spec: str) -> Callable[[Study, Any, ExportOptions], int]:
    """An exporter imported on first use (keeps pympi, openpyxl, pyreadstat off startup)."""
    module, _, name = spec.partition(":")

    def run(study: Study, target: Any, opts: ExportOptions) -> int:
        fn = getattr(importlib.import_module(f"annotator.exchange.{module}"), name)
        return int(fn(study, target, opts))

    return run


TEXT_FORMATS: dict[str, Callable[[Study, TextIO, ExportOptions], int]] = {
    "csv": _csv, "sliced": _lazy("sliced:export_sliced"),
}
FILE_FORMATS: dict[str, Callable[[Study, Path, ExportOptions], int]] = {
    "xlsx": _lazy("xlsx:export_xlsx"), "sav": _lazy("sav:export_sav"),
    "eaf": _lazy("eaf:export_eaf"),
}


def export_text(study: Study, fmt: str, out: TextIO, opts: ExportOptions) -> int:
    try:
        fn = TEXT_FORMATS[fmt]
    except KeyError:
        raise ValueError(f"{fmt} cannot be written to standard output") from None
    return fn(study, out, opts)


def export_file(study: Study, fmt: str, path: Path, opts: ExportOptions) -> int:
    if fmt in FILE_FORMATS:
        return FILE_FORMATS[fmt](study, path, opts)
    if fmt in TEXT_FORMATS:
        with atomic_text(path) as fh:
            return TEXT_FORMATS[fmt](study, cast(TextIO, fh), opts)
    raise ValueError(f"unknown export format {fmt!r}")
