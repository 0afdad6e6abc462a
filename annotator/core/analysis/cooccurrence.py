"""Co-occurrence: the seconds each pair of (state) codes is on at the same time, pooled over
the units, and that as a share of each code's own time.

``share[i, j]`` is the part of code *i*'s time during which code *j* is on too (rows add up
to more than 100 % when several codes overlap *i*). Point codes cover no time and are left
out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from annotator.core.analysis.cover import Coverage, coverage
from annotator.core.analysis.data import AnalysisData

COOCCURRENCE_COLUMNS = ("code", "code_label", "with_code", "with_label", "overlap_s",
                        "code_s", "percent_of_code", "with_s", "percent_of_with")
COOCCURRENCE_NOTES = (
    "overlap_s: seconds during which both codes are on, pooled over the sessions.",
    "percent_of_code: overlap_s as a share of the first code's time; percent_of_with: of the "
    "second code's time. Point codes are left out (they last no time).",
)


def cooccurrence(data: AnalysisData, cover: Coverage | None = None) -> pd.DataFrame:
    """One row per ordered pair of different state codes (codebook order)."""
    cov = cover if cover is not None else coverage(data)
    state = [i for i, c in enumerate(data.codes) if not c.is_point]
    own = np.diag(cov.overlap)
    rows = []
    for i in state:
        for j in state:
            if i == j:
                continue
            o = cov.overlap[i, j] / 1000.0
            rows.append({
                "code": data.codes[i].id, "code_label": data.codes[i].label,
                "with_code": data.codes[j].id, "with_label": data.codes[j].label,
                "overlap_s": o, "code_s": own[i] / 1000.0,
                "percent_of_code": 100.0 * cov.overlap[i, j] / own[i] if own[i] > 0 else np.nan,
                "with_s": own[j] / 1000.0,
                "percent_of_with": 100.0 * cov.overlap[i, j] / own[j] if own[j] > 0 else np.nan,
            })
    return pd.DataFrame(rows, columns=list(COOCCURRENCE_COLUMNS))


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
