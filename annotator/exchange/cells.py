"""Spreadsheet-safe text cells and a CSV writer that quotes every line break.

Formula injection (OWASP "CSV Injection"): a spreadsheet treats a cell that starts with
``=``, ``+``, ``-`` or ``@`` as a formula, and TAB or CR at the start can hide one. Export
writes such *text* cells with one leading ``'`` (:func:`neutralise`); numbers (times, session
numbers) are never touched. ``--raw`` turns this off.

Round trip. Import strips exactly the one quote that export added (:func:`restore`), so a
note comes back exactly as it was typed. To keep that exact for notes that themselves begin
with quotes before a trigger character (``'=x``), export adds its one quote to any text that
is *quotes, then a trigger character*, and import removes one quote from any such text:
``restore(neutralise(t)) == t`` for every text ``t``. A text whose first non-quote character
is not a trigger (``'hello``) is written and read as it is. A hand-written file that holds
``'=x`` therefore imports as ``=x``.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import TextIO

TRIGGERS = frozenset("=+-@\t\r")
"""First characters that make a spreadsheet read a cell as a formula (after any quotes)."""
QUOTE = "'"
FIRST_CHARS = frozenset(TRIGGERS | {QUOTE})
"""A text starting with none of these is never changed by :func:`neutralise`."""


def _needs_quote(text: str) -> bool:
    body = text.lstrip(QUOTE)
    return bool(body) and body[0] in TRIGGERS


def neutralise(text: str) -> str:
    """``text`` with one leading ``'`` if a spreadsheet could read it as a formula."""
    return QUOTE + text if text[:1] in FIRST_CHARS and _needs_quote(text) else text


def restore(text: str) -> str:
    """Undo :func:`neutralise`: drop one leading ``'`` before quotes-then-a-trigger."""
    return text[1:] if text.startswith(QUOTE) and _needs_quote(text) else text


class CsvWriter:
    """RFC 4180 rows with ``\\n`` line ends, written by the csv module; a row holding a CR
    anywhere is written with every field quoted, because the csv module with a ``\\n`` line
    end leaves a field with a bare CR unquoted (and pandas and R then split the record)."""

    def __init__(self, out: TextIO) -> None:
        self._plain = csv.writer(out, lineterminator="\n")
        self._quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def row(self, values: Sequence[str]) -> None:
        (self._quoted if "\r" in "".join(values) else self._plain).writerow(values)
