"""CSV, XLSX and SAV files of the analysis tables.

- CSV: one table (``--what``, default the time budget), UTF-8 with a header.
- XLSX: an ``about`` sheet (which coding counts, filters, notes, definitions) and one sheet
  per table, the wide one among them.
- SAV: the chosen table; by default the time budget in ``OUT`` and the wide dataset (one row
  per session) beside it in ``OUT_wide.sav``, with variable labels.

Labels can come from a stranger's file (a codebook built from an ELAN file), so CSV and XLSX
text cells that a spreadsheet would run as a formula get one leading ``'`` unless ``raw``
(:func:`annotator.exchange.cells.neutralise`, as in the timeline export); numbers stay
numbers, and an XLSX text cell is always a string cell, never a formula.
"""

from __future__ import annotations

import io
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.analysis.results import TABLES, Results
from annotator.core.analysis.table import Table
from annotator.core.analysis.wide import wide_columns
from annotator.exchange.analysis.cells import cell_text
from annotator.exchange.analysis.meta import ReportMeta
from annotator.exchange.atomic import atomic_path
from annotator.exchange.cells import CsvWriter, neutralise

if TYPE_CHECKING:
    import pandas as pd

SHEET_TITLES = {"budget": "time budget", "categories": "categories", "wide": "wide",
                "cooccurrence": "co-occurrence", "sequences": "sequences", "trends": "trends",
                "trends_by_case": "trends by case"}

COLUMN_LABELS: dict[str, str] = {
    "case": "Case", "session": "Session number", "coder": "Coder", "coding": "Coding purpose",
    "sessions": "Sessions pooled", "category": "Category id", "code": "Code id",
    "code_label": "Code", "category_label": "Category", "count": "Count",
    "total_s": "Total seconds", "percent_of_session": "% of session",
    "rate_per_10min": "Rate per 10 min", "mean_bout_s": "Mean bout (s)",
    "sd_bout_s": "SD bout (s)", "median_bout_s": "Median bout (s)",
    "min_bout_s": "Shortest bout (s)", "max_bout_s": "Longest bout (s)",
    "latency_s": "First onset (s)", "duration_s": "Session duration (s)",
    "duration_source": "Duration from", "coded_s": "Seconds with any code",
    "percent_coded": "% with any code", "uncoded_s": "Seconds without",
    "percent_uncoded": "% without",
}


def table_rows(table: Table) -> list[list[str]]:
    """The table as text cells (:func:`cell_text`), header first."""
    rows = [list(table.columns)]
    for rec in table.rows():
        rows.append([cell_text(v) for v in rec])
    return rows


def _text(value: str, raw: bool) -> str:
    return value if raw else neutralise(value)


def csv_text(table: Table, *, raw: bool = False) -> str:
    """The table as CSV; unless ``raw``, text cells that a spreadsheet would run as formulas
    get a leading ``'`` (numbers, negative ones included, are written as they are)."""
    buf = io.StringIO()
    w = CsvWriter(buf)
    w.row([_text(str(c), raw) for c in table.columns])
    for rec in table.rows():
        w.row([_text(v, raw) if isinstance(v, str) else cell_text(v) for v in rec])
    return buf.getvalue()


def _xlsx_value(v: Any) -> Any:
    """A table value (Python's, from :meth:`Table.rows`) as a cell value: NaN is empty."""
    return None if isinstance(v, float) and math.isnan(v) else v


def write_xlsx(results: Results, meta: ReportMeta, path: Path, *, raw: bool = False) -> None:
    """Every text cell a string cell (never a formula), neutralised unless ``raw``."""
    from openpyxl import Workbook

    from annotator.exchange.xlsx_cells import text_cell

    wb = Workbook(write_only=True)

    def cell(ws: Any, v: Any) -> Any:
        return text_cell(ws, _text(v, raw)) if isinstance(v, str) else v

    ws = wb.create_sheet("about")
    for what, text in meta.lines(results):
        ws.append([cell(ws, what), cell(ws, text)])
    ws.append([])
    for section, notes in results.notes.items():
        for n in notes:
            ws.append([cell(ws, section), cell(ws, n)])
    for name in TABLES:
        table = results.table(name)
        ws = wb.create_sheet(SHEET_TITLES[name])
        ws.append([cell(ws, str(c)) for c in table.columns])
        for rec in table.rows():
            ws.append([cell(ws, _xlsx_value(v)) for v in rec])
    with atomic_path(Path(path)) as tmp:
        wb.save(tmp)


_BAD_VAR = re.compile(r"[^A-Za-z0-9_]")


def spss_name(name: str, used: set[str]) -> str:
    """A valid, unique SPSS variable name (letter first, at most 64 characters)."""
    base = _BAD_VAR.sub("_", name)
    if not base or not base[0].isalpha():
        base = "v_" + base
    base = base[:64]
    out, n = base, 2
    while out.lower() in used:
        tail = f"_{n}"
        out, n = base[: 64 - len(tail)] + tail, n + 1
    used.add(out.lower())
    return out


def _sav_frame(frame: pd.DataFrame, labels: dict[str, str],
               ) -> tuple[pd.DataFrame, dict[str, str | None]]:
    used: set[str] = set()
    rename = {c: spss_name(c, used) for c in frame.columns}
    out = frame.rename(columns=rename).copy()
    for c in out.columns:
        if out[c].dtype == object:
            out[c] = out[c].map(lambda v: "" if v is None else str(v))
        elif out[c].dtype.kind in "iub":
            out[c] = out[c].astype("float64")
    col_labels: dict[str, str | None] = {
        rename[c]: labels.get(c, COLUMN_LABELS.get(c, c))[:250] for c in frame.columns}
    return out, col_labels


def _write_sav(frame: pd.DataFrame, labels: dict[str, str], path: Path) -> None:
    import pyreadstat

    out, col_labels = _sav_frame(frame, labels)
    with atomic_path(path) as tmp:
        pyreadstat.write_sav(out, str(tmp), column_labels=col_labels)


def wide_sav_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}_wide.sav")


def write_sav(results: Results, path: Path, what: str | None) -> list[Path]:
    """Write ``what`` (or the budget and the wide dataset); returns the files written."""
    wide_labels = dict(wide_columns(results.data))
    if what is not None:
        labels = wide_labels if what == "wide" else {}
        _write_sav(results.frame(what), labels, path)
        return [path]
    _write_sav(results.frame("budget"), {}, path)
    other = wide_sav_path(path)
    _write_sav(results.frame("wide"), wide_labels, other)
    return [path, other]
