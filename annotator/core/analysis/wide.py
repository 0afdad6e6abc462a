"""The wide table: one row per session (and coder), for SPSS and Excel.

Columns: ``case session coder coding duration_s duration_source``, then per code
``<code>_n``, ``<code>_s``, ``<code>_pct``, ``<code>_rate``, ``<code>_mean_bout_s``,
``<code>_latency_s`` (a point code has ``_n``, ``_rate`` and ``_latency_s`` only), then per
category ``<category>_coded_pct`` and ``uncoded_pct`` (no code of any category).
"""

from __future__ import annotations

import pandas as pd

from annotator.core.analysis.budget import ALL_CODES
from annotator.core.analysis.data import AnalysisData

KEYS = ("case", "session", "coder", "coding")
STATE_PARTS = (("n", "count"), ("s", "total_s"), ("pct", "percent_of_session"),
               ("rate", "rate_per_10min"), ("mean_bout_s", "mean_bout_s"),
               ("latency_s", "latency_s"))
POINT_PARTS = (("n", "count"), ("rate", "rate_per_10min"), ("latency_s", "latency_s"))
PART_LABELS = {"n": "count", "s": "seconds", "pct": "% of session", "rate": "per 10 min",
               "mean_bout_s": "mean bout (s)", "latency_s": "first onset (s)"}


def wide_columns(data: AnalysisData) -> list[tuple[str, str]]:
    """``(column, label)`` of the value columns, in order."""
    cols: list[tuple[str, str]] = []
    for c in data.codes:
        for part, _src in (POINT_PARTS if c.is_point else STATE_PARTS):
            cols.append((f"{c.id}_{part}", f"{c.label}: {PART_LABELS[part]}"))
    for cat in data.categories:
        cols.append((f"{cat.id}_coded_pct", f"{cat.label}: % of session with any code"))
    cols.append(("uncoded_pct", "% of session with no code"))
    return cols


def wide_table(data: AnalysisData, budget: pd.DataFrame,
               categories: pd.DataFrame) -> pd.DataFrame:
    """From the per-session budget and category tables (``by="session"``)."""
    n_k = data.n_codes
    n_c = len(data.categories) + 1
    out = pd.DataFrame({
        "case": [u.case for u in data.units], "session": [u.session for u in data.units],
        "coder": [u.coder for u in data.units], "coding": [u.purpose for u in data.units],
        "duration_s": [None if u.duration_ms is None else u.duration_ms / 1000.0
                       for u in data.units],
        "duration_source": [u.duration_source for u in data.units],
    })
    cols: dict[str, object] = {}
    for k, c in enumerate(data.codes):
        sub = budget.iloc[k::n_k]
        for part, src in (POINT_PARTS if c.is_point else STATE_PARTS):
            cols[f"{c.id}_{part}"] = sub[src].to_numpy()
    for ci, cat in enumerate(data.categories):
        cols[f"{cat.id}_coded_pct"] = categories.iloc[ci::n_c]["percent_coded"].to_numpy()
    all_rows = categories.iloc[n_c - 1::n_c]
    assert (all_rows["category"] == ALL_CODES).all()
    cols["uncoded_pct"] = all_rows["percent_uncoded"].to_numpy()
    return pd.concat([out, pd.DataFrame(cols)], axis=1)
