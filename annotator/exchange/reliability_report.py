"""Formatters for the reliability report of ``annotator.core.reliability.compute_reliability``.

- :func:`to_json`: the report dict as JSON (UTF-8 text, no NaN);
- :func:`to_table`: aligned plain text for a 100-column terminal, bands next to values;
- :func:`to_csv`: one row per category and per code (columns documented in
  :mod:`annotator.exchange.report.table_csv`);
- :func:`to_html`: a self-contained page (inline CSS and SVG; no scripts, no external URLs)
  with tables, bands, confusion heatmaps, optional per-session timeline diffs and definitions.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # each format's module is imported when that format is written
    from .report.common import Diffs, Report

__all__ = ["to_csv", "to_html", "to_json", "to_table"]


def to_html(report: Report, diffs: Diffs | None = None) -> str:
    """The HTML page; ``diffs`` maps (case, session) or "case:session" to runs."""
    from .report.html import to_html as html

    return html(report, diffs)


def to_table(report: Report) -> str:
    """Aligned plain text."""
    from .report.text import to_table as table

    return table(report)


def to_csv(report: Report, *, raw: bool = False) -> str:
    """The CSV report; text cells a spreadsheet would read as formulas get a leading ``'``
    unless ``raw``."""
    from .report.table_csv import to_csv as table_csv

    return table_csv(report, raw=raw)


def to_json(report: Report) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
