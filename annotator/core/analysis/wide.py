"""The wide table: one row per session (and coder), for SPSS and Excel.

Columns: ``case session coder coding duration_s duration_source``, then per code
``<code>_n``, ``<code>_s``, ``<code>_pct``, ``<code>_rate``, ``<code>_mean_bout_s``,
``<code>_latency_s`` (a point code has ``_n``, ``_rate`` and ``_latency_s`` only), then per
category ``<category>_coded_pct`` and ``uncoded_pct`` (no code of any category).

Every column name is unique: a name that an earlier column already has (a code called
``duration`` gives ``duration_s``; a code ``a`` and a code ``a_mean_bout`` both give
``a_mean_bout_s``) gets ``_2``, ``_3`` ... after it, in the order above.
"""

from __future__ import annotations

import numpy as np

from annotator.core.analysis.budget import ALL_CODES
from annotator.core.analysis.data import AnalysisData
from annotator.core.analysis.table import Column, Table, float_column, int_column, text_column

KEYS = ("case", "session", "coder", "coding")
FIXED = (*KEYS, "duration_s", "duration_source")
STATE_PARTS = (("n", "count"), ("s", "total_s"), ("pct", "percent_of_session"),
               ("rate", "rate_per_10min"), ("mean_bout_s", "mean_bout_s"),
               ("latency_s", "latency_s"))
POINT_PARTS = (("n", "count"), ("rate", "rate_per_10min"), ("latency_s", "latency_s"))
PART_LABELS = {"n": "count", "s": "seconds", "pct": "% of session", "rate": "per 10 min",
               "mean_bout_s": "mean bout (s)", "latency_s": "first onset (s)"}


def _value_columns(data: AnalysisData) -> list[tuple[str, str, int, str]]:
    """``(column, label, code or category index, source)`` of the value columns, in order;
    the source is a budget column, or ``""`` for a category's (index ``len(categories)``:
    no code at all)."""
    out: list[tuple[str, str, int, str]] = []
    used = set(FIXED)

    def add(name: str, label: str, index: int, source: str) -> None:
        unique, n = name, 2
        while unique in used:
            unique, n = f"{name}_{n}", n + 1
        used.add(unique)
        out.append((unique, label, index, source))

    for k, c in enumerate(data.codes):
        for part, src in (POINT_PARTS if c.is_point else STATE_PARTS):
            add(f"{c.id}_{part}", f"{c.label}: {PART_LABELS[part]}", k, src)
    for ci, cat in enumerate(data.categories):
        add(f"{cat.id}_coded_pct", f"{cat.label}: % of session with any code", ci, "")
    add("uncoded_pct", "% of session with no code", len(data.categories), "")
    return out


def wide_columns(data: AnalysisData) -> list[tuple[str, str]]:
    """``(column, label)`` of the value columns, in order."""
    return [(name, label) for name, label, _i, _src in _value_columns(data)]


def wide_table(data: AnalysisData, budget: Table, categories: Table) -> Table:
    """From the per-session budget and category tables (``by="session"``)."""
    n_k = data.n_codes
    n_c = len(data.categories) + 1
    units = data.units
    cols: dict[str, Column] = {
        "case": text_column([u.case for u in units]),
        "session": int_column([u.session for u in units]),
        "coder": text_column([u.coder for u in units]),
        "coding": text_column([u.purpose for u in units]),
        "duration_s": float_column([None if u.duration_ms is None else u.duration_ms / 1000.0
                                    for u in units]),
        "duration_source": text_column([u.duration_source for u in units]),
    }
    assert tuple(cols) == FIXED
    assert bool(np.all(categories["category"][n_c - 1::n_c] == ALL_CODES))
    for name, _label, i, src in _value_columns(data):
        if src:
            cols[name] = budget[src][i::n_k]
        else:
            key = "percent_uncoded" if i == n_c - 1 else "percent_coded"
            cols[name] = categories[key][i::n_c]
    return Table.of(cols)
