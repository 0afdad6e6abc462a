"""Co-occurrence: the seconds each pair of (state) codes is on at the same time, pooled over
the units, and that as a share of each code's own time.

``share[i, j]`` is the part of code *i*'s time during which code *j* is on too (rows add up
to more than 100 % when several codes overlap *i*). Point codes cover no time and are left
out.
"""

from __future__ import annotations

import numpy as np

from annotator.core.analysis.cover import Coverage, coverage
from annotator.core.analysis.data import AnalysisData
from annotator.core.analysis.table import Table, text_column

COOCCURRENCE_COLUMNS = ("code", "code_label", "with_code", "with_label", "overlap_s",
                        "code_s", "percent_of_code", "with_s", "percent_of_with")
COOCCURRENCE_NOTES = (
    "overlap_s: seconds during which both codes are on, pooled over the sessions.",
    "percent_of_code: overlap_s as a share of the first code's time; percent_of_with: of the "
    "second code's time. Point codes are left out (they last no time).",
)


def cooccurrence(data: AnalysisData, cover: Coverage | None = None) -> Table:
    """One row per ordered pair of different state codes (codebook order)."""
    cov = cover if cover is not None else coverage(data)
    state = [i for i, c in enumerate(data.codes) if not c.is_point]
    pairs = [(i, j) for i in state for j in state if i != j]
    first = np.array([i for i, _ in pairs], dtype=np.int64)
    second = np.array([j for _, j in pairs], dtype=np.int64)
    own = np.diag(cov.overlap)
    both = cov.overlap[first, second]
    with np.errstate(invalid="ignore", divide="ignore"):
        of_code = np.where(own[first] > 0, 100.0 * both / own[first], np.nan)
        of_with = np.where(own[second] > 0, 100.0 * both / own[second], np.nan)
    codes = data.codes
    return Table(COOCCURRENCE_COLUMNS, {
        "code": text_column([codes[i].id for i in first]),
        "code_label": text_column([codes[i].label for i in first]),
        "with_code": text_column([codes[j].id for j in second]),
        "with_label": text_column([codes[j].label for j in second]),
        "overlap_s": both / 1000.0, "code_s": own[first] / 1000.0,
        "percent_of_code": of_code, "with_s": own[second] / 1000.0,
        "percent_of_with": of_with,
    })


def overlap_matrix(data: AnalysisData, cover: Coverage | None = None,
                   ) -> tuple[list[int], np.ndarray, np.ndarray]:  # type: ignore[type-arg]
    """The state codes' indices, their overlap in seconds (diagonal: own time) and the share
    matrix in percent (row code's time; NaN for a code with no time)."""
    cov = cover if cover is not None else coverage(data)
    state = [i for i, c in enumerate(data.codes) if not c.is_point]
    sec = cov.overlap[np.ix_(state, state)] / 1000.0
    own = np.diag(sec).copy()
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(own[:, None] > 0, 100.0 * sec / own[:, None], np.nan)
    return state, sec, share
