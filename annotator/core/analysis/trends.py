"""Trends over session number: each code's rate and % of time per case and session number,
and per session number the mean over cases with a 95 % confidence interval
(mean ± t(0.975, n − 1) · SD / √n, n the cases with that session).

A case's value for a session number is the mean over the codings that count for it (one,
unless several coders' codings count). Sessions without a coding that counts, or without a
known duration, are left out.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from annotator.core.analysis.table import Column, Table, float_column, int_column, text_column
from annotator.core.analysis.tstat import t975

METRICS = ("percent_of_session", "rate_per_10min")
TREND_CASE_COLUMNS = ("case", "session", "category", "code", "code_label",
                      "percent_of_session", "rate_per_10min")
TREND_COLUMNS = ("session", "category", "code", "code_label", "metric", "cases", "mean", "sd",
                 "ci_low", "ci_high")
TREND_NOTES = (
    "Per case and session number, the mean over the codings that count (usually one).",
    "Mean over cases with a 95% CI: mean ± t(0.975, n − 1) × SD / √n, n = cases with that "
    "session; no interval for a single case.",
    "Sessions without a coding that counts, or without a known duration, are left out.",
)


def trend_cases(budget: Table) -> Table:
    """From a per-session budget (:func:`time_budget` with ``by="session"``): one row per
    case x session number x code, in the budget's order."""
    usable = np.flatnonzero((budget["coding"] != "none") & ~np.isnan(budget["duration_s"]))
    keys = ("case", "session", "category", "code", "code_label")
    key_cols = [budget[k].tolist() for k in keys]
    index: dict[tuple[Any, ...], int] = {}
    group = np.array([index.setdefault(tuple(col[r] for col in key_cols), len(index))
                      for r in usable.tolist()], dtype=np.int64)
    rows = list(index)
    out: dict[str, Column] = {
        "case": text_column([k[0] for k in rows]),
        "session": int_column([int(k[1]) for k in rows]),
        "category": text_column([k[2] for k in rows]),
        "code": text_column([k[3] for k in rows]),
        "code_label": text_column([k[4] for k in rows]),
    }
    for metric in METRICS:
        values = budget[metric][usable]
        known = ~np.isnan(values)
        total = np.bincount(group[known], weights=values[known], minlength=len(rows))
        n = np.bincount(group[known], minlength=len(rows))
        with np.errstate(invalid="ignore", divide="ignore"):
            out[metric] = np.where(n > 0, total / np.maximum(n, 1), np.nan)
    return Table(TREND_CASE_COLUMNS, out)


def trends(budget: Table, per_case: Table | None = None) -> Table:
    """Per session number, code and metric: cases, mean, SD and the 95 % CI over cases
    (``per_case``: :func:`trend_cases` of ``budget``, when already computed)."""
    if per_case is None:
        per_case = trend_cases(budget)
    codes = per_case["code"].tolist()
    order = {c: i for i, c in enumerate(dict.fromkeys(codes))}
    sessions = per_case["session"].tolist()
    groups: dict[tuple[int, str], list[int]] = {}
    for r, key in enumerate(zip(sessions, codes, strict=True)):
        groups.setdefault(key, []).append(r)
    rows = []
    for (session, code), members in groups.items():
        first = members[0]
        for metric in METRICS:
            column = per_case[metric][members]
            vals = column[~np.isnan(column)]
            n = int(vals.size)
            if n == 0:
                continue
            mean = float(vals.mean())
            sd = float(vals.std(ddof=1)) if n > 1 else math.nan
            half = t975(n - 1) * sd / math.sqrt(n) if n > 1 else math.nan
            rows.append((metric, order[code], int(session), per_case["category"][first], code,
                         per_case["code_label"][first], n, mean, sd, mean - half, mean + half))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    return Table(TREND_COLUMNS, {
        "session": int_column([r[2] for r in rows]),
        "category": text_column([r[3] for r in rows]),
        "code": text_column([r[4] for r in rows]),
        "code_label": text_column([r[5] for r in rows]),
        "metric": text_column([r[0] for r in rows]),
        "cases": int_column([r[6] for r in rows]),
        "mean": float_column([r[7] for r in rows]),
        "sd": float_column([r[8] for r in rows]),
        "ci_low": float_column([r[9] for r in rows]),
        "ci_high": float_column([r[10] for r in rows]),
    })


def case_session_matrix(per_case: Table, code: str, metric: str,
                        ) -> tuple[list[str], list[int], np.ndarray]:  # type: ignore[type-arg]
    """Cases x session numbers of one code's metric (NaN where a session is missing)."""
    pick = per_case["code"] == code
    cases = sorted(set(per_case["case"].tolist()))
    sessions = sorted({int(s) for s in per_case["session"].tolist()})
    mat = np.full((len(cases), len(sessions)), np.nan)
    ci = {c: i for i, c in enumerate(cases)}
    si = {s: i for i, s in enumerate(sessions)}
    for c, s, v in zip(per_case["case"][pick].tolist(), per_case["session"][pick].tolist(),
                       per_case[metric][pick].tolist(), strict=True):
        mat[ci[c], si[int(s)]] = v
    return cases, sessions, mat
