"""XLSX string cells that are never formulas (shared by the timeline workbook and the
analysis workbook; it imports nothing of the store, so a summary to XLSX loads no
SQLAlchemy)."""

from __future__ import annotations

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet


def text_cell(ws: WriteOnlyWorksheet, value: str) -> WriteOnlyCell:
    """A string cell, never a formula, whatever the text starts with; characters XML cannot
    hold become U+FFFD."""
    cell = WriteOnlyCell(ws, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
    cell.data_type = "s"
    return cell
