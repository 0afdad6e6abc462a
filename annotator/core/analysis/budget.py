"""Time budgets: per group (session, case, coder or all) and code, how often, how long, how
much of the session, how early; and per category the share of time with any of its codes.

Definitions (they are printed in the reports, :data:`BUDGET_NOTES`):

- ``count``: segments of the code (a point code's events).
- ``total_s``: time the code covers; overlapping segments of the same code count once.
- ``percent_of_session``: ``total_s`` over the session duration, 0–100; per case, coder or
  the whole selection, pooled: summed times over summed durations.
- ``rate_per_10min``: ``count`` per 10 minutes of session (pooled likewise).
- bout statistics over the segments' durations; ``sd_bout_s`` is the sample SD (n − 1),
  empty for fewer than two bouts.
- ``latency_s``: the first onset in the session; pooled, the mean over the sessions in
  which the code occurs.
- Point codes get ``count``, ``rate_per_10min`` and ``latency_s`` only; a code that was not
  used gets count 0 and empty bout statistics and latency.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from annotator.core.analysis.cover import Coverage, coverage
from annotator.core.analysis.data import AnalysisData
from annotator.core.analysis.grouping import groups

BUDGET_COLUMNS = (
    "category", "code", "code_label", "count", "total_s", "percent_of_session",
    "rate_per_10min", "mean_bout_s", "sd_bout_s", "median_bout_s", "min_bout_s",
    "max_bout_s", "latency_s",
)
BOUT_COLUMNS = ("mean_bout_s", "sd_bout_s", "median_bout_s", "min_bout_s", "max_bout_s")
CATEGORY_COLUMNS = ("category", "category_label", "coded_s", "percent_coded", "uncoded_s",
                    "percent_uncoded")
ALL_CODES = "(all codes)"

BUDGET_NOTES = (
    "count: segments of the code (a point code's events).",
    "total_s: time the code covers; overlapping segments of the same code count once.",
    "percent_of_session: total_s over the session duration (0–100); pooled over sessions, "
    "summed times over summed durations.",
    "rate_per_10min: count per 10 minutes of session (pooled likewise).",
    "Bout statistics are over segment durations; sd_bout_s is the sample SD (n − 1), empty "
    "for fewer than two bouts.",
    "latency_s: first onset in the session; pooled over sessions, the mean over the sessions "
    "in which the code occurs.",
    "Point codes have count, rate and latency only; an unused code has count 0 and empty bout "
    "statistics.",
)


def _sum_by(values: np.ndarray, g: np.ndarray, n: int) -> np.ndarray:  # type: ignore[type-arg]
    """Sums of ``values`` (one row per unit) per group; units in group -1 are left out."""
    out = np.zeros((n, *values.shape[1:]))
    keep = g >= 0
    np.add.at(out, g[keep], values[keep])
    return out


def time_budget(data: AnalysisData, by: str = "session",
                cover: Coverage | None = None) -> pd.DataFrame:
    """One row per group x code (codes in codebook order), :data:`BUDGET_COLUMNS` after the
    group's key columns, then ``duration_s`` (and ``sessions`` when pooled)."""
    cov = cover if cover is not None else coverage(data)
    g_unit, keys = groups(data, by)
    n_g, n_k = len(keys), data.n_codes
    dur = data.durations_ms()
    known = ~np.isnan(dur)
    dur_g = _sum_by(np.where(known, dur, 0.0), g_unit, n_g)
    any_known = _sum_by(known.astype(float), g_unit, n_g) > 0
    dur_g = np.where(any_known, dur_g, np.nan)
    covered = _sum_by(cov.code, g_unit, n_g)  # n_g x n_k, ms
    seg_g = g_unit[data.seg_unit] if data.seg_unit.size else np.zeros(0, np.int64)
    in_group = seg_g >= 0
    cell = (seg_g * n_k + data.seg_code)[in_group]
    counts = np.bincount(cell, minlength=n_g * n_k).reshape(n_g, n_k).astype(float)
    # Bout statistics per group x code (seconds).
    bouts = pd.DataFrame({"cell": cell,
                          "d": (data.seg_end - data.seg_start)[in_group] / 1000.0})
    stats = bouts.groupby("cell")["d"].agg(["mean", "std", "median", "min", "max"])
    full = stats.reindex(np.arange(n_g * n_k))
    # Latency: first onset per unit x code, then the mean over units per group.
    flat = np.full(data.n_units * n_k, np.inf)
    if data.seg_unit.size:
        np.minimum.at(flat, data.seg_unit * n_k + data.seg_code, data.seg_start.astype(float))
    first = flat.reshape(data.n_units, n_k)
    used = np.isfinite(first)
    lat_sum = _sum_by(np.where(used, first, 0.0), g_unit, n_g)
    lat_n = _sum_by(used.astype(float), g_unit, n_g)
    with np.errstate(invalid="ignore", divide="ignore"):
        latency = np.where(lat_n > 0, lat_sum / np.maximum(lat_n, 1) / 1000.0, np.nan)
        pct = 100.0 * covered / dur_g[:, None]
        rate = counts / (dur_g[:, None] / 600_000.0)
    point = data.point_mask()
    g_rep = np.repeat(np.arange(n_g), n_k)
    k_rep = np.tile(np.arange(n_k), n_g)
    frame = keys.iloc[g_rep].reset_index(drop=True)
    frame["category"] = [data.codes[k].category for k in k_rep]
    frame["code"] = [data.codes[k].id for k in k_rep]
    frame["code_label"] = [data.codes[k].label for k in k_rep]
    frame["count"] = counts.ravel().astype(np.int64)
    frame["total_s"] = np.where(point[k_rep], np.nan, covered.ravel() / 1000.0)
    frame["percent_of_session"] = np.where(point[k_rep], np.nan, pct.ravel())
    frame["rate_per_10min"] = rate.ravel()
    names = {"mean": "mean_bout_s", "std": "sd_bout_s", "median": "median_bout_s",
             "min": "min_bout_s", "max": "max_bout_s"}
    for src, dst in names.items():
        frame[dst] = np.where(point[k_rep], np.nan, full[src].to_numpy(dtype=float))
    frame["latency_s"] = latency.ravel()
    frame["duration_s"] = dur_g[g_rep] / 1000.0
    if "sessions" in frame.columns:
        frame["sessions"] = frame.pop("sessions")
    return frame


def category_coverage(data: AnalysisData, by: str = "session",
                      cover: Coverage | None = None) -> pd.DataFrame:
    """Per group and category, the time with any of its codes and the time without; a last
    row per group, ``(all codes)``, for any code of any category."""
    cov = cover if cover is not None else coverage(data)
    g_unit, keys = groups(data, by)
    n_g = len(keys)
    dur = data.durations_ms()
    known = ~np.isnan(dur)
    dur_g = _sum_by(np.where(known, dur, 0.0), g_unit, n_g)
    any_known = _sum_by(known.astype(float), g_unit, n_g) > 0
    dur_g = np.where(any_known, dur_g, np.nan)
    cats = [(c.id, c.label) for c in data.categories] + [(ALL_CODES, ALL_CODES)]
    coded = np.column_stack([_sum_by(cov.category, g_unit, n_g),
                             _sum_by(cov.any, g_unit, n_g)]) if n_g else np.zeros((0, len(cats)))
    n_c = len(cats)
    g_rep = np.repeat(np.arange(n_g), n_c)
    c_rep = np.tile(np.arange(n_c), n_g)
    frame = keys.iloc[g_rep].reset_index(drop=True)
    frame["category"] = [cats[c][0] for c in c_rep]
    frame["category_label"] = [cats[c][1] for c in c_rep]
    coded_ms = coded.ravel()
    d = dur_g[g_rep]
    frame["coded_s"] = coded_ms / 1000.0
    with np.errstate(invalid="ignore", divide="ignore"):
        frame["percent_coded"] = 100.0 * coded_ms / d
        frame["uncoded_s"] = (d - coded_ms) / 1000.0
        frame["percent_uncoded"] = 100.0 * (d - coded_ms) / d
    frame["duration_s"] = d / 1000.0
    if "sessions" in frame.columns:
        frame["sessions"] = frame.pop("sessions")
    return frame
