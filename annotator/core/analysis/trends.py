"""Trends over session number: each code's rate and % of time per case and session number,
and per session number the mean over cases with a 95 % confidence interval
(mean ± t(0.975, n − 1) · SD / √n, n the cases with that session).

A case's value for a session number is the mean over the codings that count for it (one,
unless several coders' codings count). Sessions without a coding that counts, or without a
known duration, are left out.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

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


def trend_cases(budget: pd.DataFrame) -> pd.DataFrame:
    """From a per-session budget (:func:`time_budget` with ``by="session"``): one row per
    case x session number x code."""
    usable = budget[(budget["coding"] != "none") & budget["duration_s"].notna()]
    keys = ["case", "session", "category", "code", "code_label"]
    out = (usable.groupby(keys, sort=False, dropna=False)[list(METRICS)]
           .mean().reset_index())
    return out[list(TREND_CASE_COLUMNS)]


def trends(budget: pd.DataFrame) -> pd.DataFrame:
    """Per session number, code and metric: cases, mean, SD and the 95 % CI over cases."""
    per_case = trend_cases(budget)
    rows = []
    order = {c: i for i, c in enumerate(dict.fromkeys(per_case["code"]))}
    for (session, code), grp in per_case.groupby(["session", "code"], sort=False):
        first = grp.iloc[0]
        for metric in METRICS:
            vals = grp[metric].dropna().to_numpy(dtype=float)
            n = int(vals.size)
            if n == 0:
                continue
            mean = float(vals.mean()) if n else math.nan
            sd = float(vals.std(ddof=1)) if n > 1 else math.nan
            half = t975(n - 1) * sd / math.sqrt(n) if n > 1 else math.nan
            rows.append({"session": int(session), "category": first["category"], "code": code,
                         "code_label": first["code_label"], "metric": metric, "cases": n,
                         "mean": mean, "sd": sd, "ci_low": mean - half, "ci_high": mean + half,
                         "_o": order[code]})
    frame = pd.DataFrame(rows, columns=[*TREND_COLUMNS, "_o"])
    frame = frame.sort_values(["metric", "_o", "session"], kind="stable").drop(columns="_o")
    return frame.reset_index(drop=True)


def case_session_matrix(per_case: pd.DataFrame, code: str, metric: str,
                        ) -> tuple[list[str], list[int], np.ndarray]:  # type: ignore[type-arg]
    """Cases x session numbers of one code's metric (NaN where a session is missing)."""
    sub = per_case[per_case["code"] == code]
    cases = sorted(per_case["case"].unique())
    sessions = sorted(int(s) for s in per_case["session"].unique())
    mat = np.full((len(cases), len(sessions)), np.nan)
    ci = {c: i for i, c in enumerate(cases)}
    si = {s: i for i, s in enumerate(sessions)}
    for c, s, v in zip(sub["case"], sub["session"], sub[metric], strict=True):
        mat[ci[c], si[int(s)]] = v
    return cases, sessions, mat
