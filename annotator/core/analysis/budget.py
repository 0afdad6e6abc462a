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
import numpy.typing as npt

from annotator.core.analysis.cover import Coverage, coverage
from annotator.core.analysis.data import AnalysisData, IntArray
from annotator.core.analysis.grouping import groups
from annotator.core.analysis.table import Column, Table, text_column

FloatArray = npt.NDArray[np.float64]

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


def _group_durations(data: AnalysisData, g_unit: IntArray, n_g: int) -> FloatArray:
    """Each group's summed session duration in ms; NaN for a group with no known one."""
    dur = data.durations_ms()
    known = ~np.isnan(dur)
    dur_g = _sum_by(np.where(known, dur, 0.0), g_unit, n_g)
    any_known = _sum_by(known.astype(float), g_unit, n_g) > 0
    return np.where(any_known, dur_g, np.nan)


def _bout_stats(cell: IntArray, length_ms: IntArray, n_cells: int) -> dict[str, FloatArray]:
    """Per cell (group x code): mean, sample SD, median, shortest and longest segment, in
    seconds; NaN for a cell without segments (SD: with fewer than two)."""
    stats: dict[str, FloatArray] = {k: np.full(n_cells, np.nan)
                                    for k in ("mean", "std", "median", "min", "max")}
    if cell.size == 0:
        return stats
    # Sort by cell, then length: as one integer key where it fits in 63 bits (any lengths,
    # negative ones from a damaged study too), else by lexsort.
    low = int(length_ms.min())
    span = int(length_ms.max()) - low + 1
    if n_cells * span < 2**62:
        c, ms = np.divmod(np.sort(cell * span + (length_ms - low)), span)
        ms += low
    else:
        order = np.lexsort((length_ms, cell))
        c, ms = cell[order], length_ms[order]
    sec = ms / 1000.0
    starts = np.flatnonzero(np.r_[True, c[1:] != c[:-1]])
    n = np.diff(np.r_[starts, c.size])
    ids = c[starts]
    mean = np.add.reduceat(ms, starts) / (1000.0 * n)  # exact integer sums, rounded once
    dev = sec - np.repeat(mean, n)
    squares = np.add.reduceat(dev * dev, starts)
    stats["mean"][ids] = mean
    stats["std"][ids] = np.where(n > 1, np.sqrt(squares / np.maximum(n - 1, 1)), np.nan)
    stats["median"][ids] = (sec[starts + (n - 1) // 2] + sec[starts + n // 2]) / 2.0
    stats["min"][ids] = sec[starts]
    stats["max"][ids] = sec[starts + n - 1]
    return stats


def _with_keys(keys: Table, g_rep: IntArray, cols: dict[str, Column]) -> Table:
    """The group's key columns (one row per ``g_rep``), then ``cols``; a pooled table's
    ``sessions`` goes last."""
    out = {c: keys[c][g_rep] for c in keys.columns if c != "sessions"}
    out.update(cols)
    if "sessions" in keys.columns:
        out["sessions"] = keys["sessions"][g_rep]
    return Table.of(out)


def time_budget(data: AnalysisData, by: str = "session",
                cover: Coverage | None = None) -> Table:
    """One row per group x code (codes in codebook order), :data:`BUDGET_COLUMNS` after the
    group's key columns, then ``duration_s`` (and ``sessions`` when pooled)."""
    cov = cover if cover is not None else coverage(data)
    g_unit, keys = groups(data, by)
    n_g, n_k = len(keys), data.n_codes
    dur_g = _group_durations(data, g_unit, n_g)
    covered = _sum_by(cov.code, g_unit, n_g)  # n_g x n_k, ms
    seg_g = g_unit[data.seg_unit] if data.seg_unit.size else np.zeros(0, np.int64)
    in_group = seg_g >= 0
    cell = (seg_g * n_k + data.seg_code)[in_group]
    counts = np.bincount(cell, minlength=n_g * n_k).reshape(n_g, n_k).astype(float)
    stats = _bout_stats(cell, (data.seg_end - data.seg_start)[in_group], n_g * n_k)
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
    is_point = point[k_rep]
    cols: dict[str, Column] = {
        "category": text_column([data.codes[k].category for k in k_rep]),
        "code": text_column([data.codes[k].id for k in k_rep]),
        "code_label": text_column([data.codes[k].label for k in k_rep]),
        "count": counts.ravel().astype(np.int64),
        "total_s": np.where(is_point, np.nan, covered.ravel() / 1000.0),
        "percent_of_session": np.where(is_point, np.nan, pct.ravel()),
        "rate_per_10min": rate.ravel(),
    }
    names = {"mean": "mean_bout_s", "std": "sd_bout_s", "median": "median_bout_s",
             "min": "min_bout_s", "max": "max_bout_s"}
    for src, dst in names.items():
        cols[dst] = np.where(is_point, np.nan, stats[src])
    cols["latency_s"] = latency.ravel()
    cols["duration_s"] = dur_g[g_rep] / 1000.0
    return _with_keys(keys, g_rep, cols)


def category_coverage(data: AnalysisData, by: str = "session",
                      cover: Coverage | None = None) -> Table:
    """Per group and category, the time with any of its codes and the time without; a last
    row per group, ``(all codes)``, for any code of any category."""
    cov = cover if cover is not None else coverage(data)
    g_unit, keys = groups(data, by)
    n_g = len(keys)
    dur_g = _group_durations(data, g_unit, n_g)
    cats = [(c.id, c.label) for c in data.categories] + [(ALL_CODES, ALL_CODES)]
    coded = np.column_stack([_sum_by(cov.category, g_unit, n_g),
                             _sum_by(cov.any, g_unit, n_g)]) if n_g else np.zeros((0, len(cats)))
    n_c = len(cats)
    g_rep = np.repeat(np.arange(n_g), n_c)
    c_rep = np.tile(np.arange(n_c), n_g)
    coded_ms = coded.ravel()
    d = dur_g[g_rep]
    with np.errstate(invalid="ignore", divide="ignore"):
        cols: dict[str, Column] = {
            "category": text_column([cats[c][0] for c in c_rep]),
            "category_label": text_column([cats[c][1] for c in c_rep]),
            "coded_s": coded_ms / 1000.0,
            "percent_coded": 100.0 * coded_ms / d,
            "uncoded_s": (d - coded_ms) / 1000.0,
            "percent_uncoded": 100.0 * (d - coded_ms) / d,
            "duration_s": d / 1000.0,
        }
    return _with_keys(keys, g_rep, cols)
