"""Excel workbook: one sheet per coder with the timeline rows of the CSV, and a codebook sheet.

The coder sheets have exactly the columns of the timeline CSV (docs/design.md §5); times in seconds
are numbers (shown with three decimals), session numbers are integers, everything else is
text. Sheet names are the coder ids (Excel forbids ``[]:*?/\\`` and more than 31 characters;
such characters become ``_``).

No cell is ever a formula: every text cell is written as a string cell (type ``s``), so a
note ``=HYPERLINK(...)`` stays text even with ``raw``. Without ``raw``, text cells that start
with a formula character also get the leading ``'`` of the CSV (:mod:`annotator.exchange.cells`),
so the same text reads the same in both. Control characters that XML cannot hold (U+0000 to
U+001F other than TAB, LF and CR) become U+FFFD in the workbook; the CSV keeps them.
"""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import ALL_TEMP_FILES, WorksheetWriter

from annotator.core.timeline_rows import EXPORT_COLUMNS
from annotator.exchange.atomic import atomic_path, scratch_dir
from annotator.exchange.cells import neutralise
from annotator.exchange.timeline_csv import safe_record, timeline_records
from annotator.exchange.xlsx_cells import text_cell
from annotator.store.records import SegmentRow

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook
    from annotator.exchange.exporters import ExportOptions
    from annotator.store.reader import StudyReader

CODEBOOK_COLUMNS = (
    "codebook", "codebook_version", "category", "category_label", "exclusive", "code",
    "code_label", "kind", "key", "color", "definition",
)
_SECONDS = {"start_s", "end_s", "duration_s"}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_name(wanted: str, used: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub("_", wanted).strip("'")[:31] or "sheet"
    name, n = base, 2
    while name.lower() in used:
        tail = f" ({n})"
        name, n = base[: 31 - len(tail)] + tail, n + 1
    used.add(name.lower())
    return name


def _typed(column: str, value: str) -> Any:
    if value == "":
        return None
    if column in _SECONDS:
        return float(value)
    if column == "session":
        return int(value)
    return value


def _cell(ws: WriteOnlyWorksheet, column: str, value: Any) -> Any:
    if column in _SECONDS:
        return _seconds_cell(ws, value)
    if isinstance(value, str):
        return text_cell(ws, value)
    return value


def _seconds_cell(ws: WriteOnlyWorksheet, value: Any) -> Any:
    if value is None:
        return None
    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = "0.000"
    return cell


def codebook_rows(codebooks: dict[int, Codebook], lang: str = "en") -> list[list[Any]]:
    rows: list[list[Any]] = []
    for cb_id in sorted(codebooks):
        cb = codebooks[cb_id]
        for cat in cb.categories:
            for code in cat.codes:
                rows.append([
                    cb.name, cb.version, cat.id, cat.label_in(lang), cat.exclusive, code.id,
                    code.label_in(lang), code.kind, code.key or "", code.color,
                    code.definition.get(lang) or next(iter(code.definition.values()), ""),
                ])
    return rows


def export_xlsx(study: StudyReader, path: Path, opts: ExportOptions) -> int:
    """Write the workbook atomically; returns the number of segment rows."""
    from annotator.exchange.exporters import codebooks_of, session_ids

    codebooks = codebooks_of(study)
    by_coder: dict[str, list[SegmentRow]] = defaultdict(list)
    for row in study.segment_rows(coder=opts.coder, case=opts.case,
                                  session_ids=session_ids(study, opts)):
        by_coder[row[2]].append(row)
    wb = Workbook(write_only=True)
    used: set[str] = set()
    total = 0
    coders = [opts.coder] if opts.coder is not None else sorted(by_coder)
    with scratch_dir(Path(path)) as scratch, _closing_sheets(wb):
        for coder in coders:
            ws = _sheet(wb, sheet_name(coder, used), scratch)
            ws.append(list(EXPORT_COLUMNS))
            for rec in timeline_records(by_coder.get(coder, []), codebooks, opts.lang):
                if not opts.raw:
                    rec = safe_record(rec)
                values = [_typed(c, v) for c, v in zip(EXPORT_COLUMNS, rec, strict=True)]
                ws.append([_cell(ws, c, v) for c, v in zip(EXPORT_COLUMNS, values, strict=True)])
                total += 1
        ws = _sheet(wb, sheet_name("codebook", used), scratch)
        ws.append(list(CODEBOOK_COLUMNS))
        for r in codebook_rows(codebooks, opts.lang):
            ws.append([text_cell(ws, v if opts.raw else neutralise(v)) if isinstance(v, str)
                       else v for v in r])
        with atomic_path(Path(path)) as tmp:
            wb.save(tmp)
    return total


@contextlib.contextmanager
def _closing_sheets(wb: Workbook) -> Iterator[None]:
    """On a failure, close the sheets' row writers now (a full disk makes them fail again
    while closing, which would otherwise be printed when they are garbage-collected)."""
    try:
        yield
    except BaseException:
        for ws in wb.worksheets:
            writer = getattr(ws, "_writer", None)
            if writer is not None:
                with contextlib.suppress(Exception):
                    writer.xf.close()
        raise


def _sheet(wb: Workbook, title: str, scratch: Path) -> WriteOnlyWorksheet:
    """A write-only sheet whose rows are buffered in ``scratch`` (beside the target), not in
    openpyxl's own temporary file in $TMPDIR, which a crash would leave behind."""
    ws = wb.create_sheet(title)
    out = str(scratch / f"sheet{len(wb.worksheets)}.xml")
    writer = WorksheetWriter(ws, out=out)
    ALL_TEMP_FILES.append(out)  # openpyxl's own cleanup removes it from this list
    writer.write_top()
    ws._writer = writer
    assert isinstance(ws, WriteOnlyWorksheet)
    return ws
