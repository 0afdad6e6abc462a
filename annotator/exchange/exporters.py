"""Export dispatch: every format writes atomically and carries ids, never paths."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from annotator.core.codebook import Codebook
from annotator.exchange.atomic import atomic_text
from annotator.exchange.timeline_csv import write_timeline
from annotator.store.errors import StudyError

if TYPE_CHECKING:
    from annotator.store.reader import StudyReader
    from annotator.store.study import Study


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how.

    ``raw``: write text cells as stored; by default CSV and XLSX text cells that a
    spreadsheet would read as a formula get a leading ``'`` (:mod:`annotator.exchange.cells`).
    ``excel``: start a CSV with a UTF-8 byte order mark (Excel on Windows needs it for æøå).
    ``lang``: the codebook language of labels (CSV/XLSX label columns, SAV value labels,
    ELAN descriptions fall back to the first label a code has).
    ``sessions``: only these sessions, by their ``CASE:N`` keys (empty: every session);
    it narrows ``case`` and ``coder`` further (:func:`session_ids`).
    """

    coder: str | None = None
    case: str | None = None
    sessions: tuple[str, ...] = ()
    resolution_ms: int = 1000
    raw: bool = False
    excel: bool = False
    lang: str = "en"


@dataclass(frozen=True)
class ExportPreset:
    """One entry of an export dialog's format list: a label, the format, the file suffix
    and the options the choice implies (merge them into the dialog's own options with
    :meth:`options`)."""

    label: str
    fmt: str
    suffix: str
    excel: bool = False

    def options(self, base: ExportOptions | None = None) -> ExportOptions:
        return replace(base or ExportOptions(), excel=self.excel)


EXPORT_PRESETS: tuple[ExportPreset, ...] = (
    ExportPreset("Timeline CSV (UTF-8)", "csv", ".csv"),
    ExportPreset("CSV for Excel (UTF-8 with BOM)", "csv", ".csv", excel=True),
    ExportPreset("Excel workbook (.xlsx)", "xlsx", ".xlsx"),
    ExportPreset("SPSS data file (.sav)", "sav", ".sav"),
    ExportPreset("ELAN annotation file (.eaf)", "eaf", ".eaf"),
    ExportPreset("Time-sliced CSV", "sliced", ".csv"),
    ExportPreset("Time-sliced CSV for Excel (UTF-8 with BOM)", "sliced", ".csv", excel=True),
)
"""What a GUI export dialog offers, in order."""


class ExportFilterError(StudyError):
    """A filter names what the study does not have (nothing is written)."""


def session_ids(study: StudyReader, opts: ExportOptions) -> frozenset[int] | None:
    """The ids of the sessions ``opts.sessions`` names, or None for every session.

    Raises :class:`ExportFilterError`, naming the keys, when a key is no session of the
    study or (with ``opts.case``) of another case. Writers call it before writing."""
    if not opts.sessions:
        return None
    by_key = {s.key: s for s in study.sessions()}
    unknown = [k for k in opts.sessions if _normal_key(k) not in by_key]
    if unknown:
        # a name longer than any case id can be is cut short in the message
        names = ", ".join(repr(k if len(k) <= 80 else k[:80] + "…") for k in unknown[:5])
        raise ExportFilterError(
            f"There is no session {names} in this study. Name sessions CASE:N, e.g. "
            f"{next(iter(by_key), 'C01:1')}; `annotator session list` shows them.")
    chosen = [by_key[_normal_key(k)] for k in opts.sessions]
    if opts.case is not None:
        other = [s.key for s in chosen if s.case != opts.case]
        if other:
            raise ExportFilterError(
                f"The session(s) {', '.join(other)} are not in case {opts.case!r}; leave out "
                "the case or choose sessions of that case.")
    return frozenset(s.id for s in chosen)


def _normal_key(key: str) -> str:
    """``C01:01`` is the key ``C01:1``; anything else is left as it is."""
    case, colon, number = key.rpartition(":")
    if colon and number.strip().isdigit():
        return f"{case}:{int(number)}"
    return key


def codebooks_of(study: StudyReader) -> dict[int, Codebook]:
    ids = {a.codebook_id for a in study.assignments()}
    ids.add(study.current_codebook_id)
    return {i: study.codebook_by_id(i) for i in ids}


def _csv(study: StudyReader, out: TextIO, opts: ExportOptions) -> int:
    rows = study.segment_rows(coder=opts.coder, case=opts.case,
                              session_ids=session_ids(study, opts))
    return write_timeline(out, rows, codebooks_of(study), raw=opts.raw, excel=opts.excel,
                          lang=opts.lang)


def _lazy(spec: str) -> Callable[[Any, Any, ExportOptions], int]:
    """An exporter imported on first use (keeps pympi, openpyxl, pyreadstat off startup)."""
    module, _, name = spec.partition(":")

    def run(study: Any, target: Any, opts: ExportOptions) -> int:
        fn = getattr(importlib.import_module(f"annotator.exchange.{module}"), name)
        return int(fn(study, target, opts))

    return run


TEXT_FORMATS: dict[str, Callable[[Study, TextIO, ExportOptions], int]] = {
    "csv": _csv, "sliced": _lazy("sliced:export_sliced"),
}
READER_FILE_FORMATS: dict[str, Callable[[StudyReader, Path, ExportOptions], int]] = {
    "xlsx": _lazy("xlsx:export_xlsx"), "sav": _lazy("sav:export_sav"),
}
"""File formats that need only a :class:`~annotator.store.reader.StudyReader` (so the CLI
reads a study file for them without SQLAlchemy)."""
FILE_FORMATS: dict[str, Callable[[Study, Path, ExportOptions], int]] = {
    **READER_FILE_FORMATS, "eaf": _lazy("eaf:export_eaf"),
}
READER_FORMATS = frozenset({"csv", *READER_FILE_FORMATS})


def export_text(study: Study, fmt: str, out: TextIO, opts: ExportOptions) -> int:
    try:
        fn = TEXT_FORMATS[fmt]
    except KeyError:
        raise ValueError(f"{fmt} cannot be written to standard output") from None
    return fn(study, out, opts)


def export_csv(study: StudyReader, target: TextIO | Path, opts: ExportOptions) -> int:
    """The timeline CSV, to a text stream or atomically to a file; needs only a
    :class:`~annotator.store.reader.StudyReader`."""
    if isinstance(target, Path):
        with atomic_text(target) as fh:
            return _csv(study, cast(TextIO, fh), opts)
    return _csv(study, target, opts)


def export_reader_file(study: StudyReader, fmt: str, path: Path, opts: ExportOptions) -> int:
    """A file of one of :data:`READER_FILE_FORMATS` (CSV: :func:`export_csv`)."""
    return READER_FILE_FORMATS[fmt](study, path, opts)


def export_file(study: Study, fmt: str, path: Path, opts: ExportOptions) -> int:
    if fmt in FILE_FORMATS:
        return FILE_FORMATS[fmt](study, path, opts)
    if fmt in TEXT_FORMATS:
        with atomic_text(path) as fh:
            return TEXT_FORMATS[fmt](study, cast(TextIO, fh), opts)
    raise ValueError(f"unknown export format {fmt!r}")
