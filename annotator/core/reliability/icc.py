"""ICC(2,1): two-way random effects, absolute agreement, single rater (Shrout & Fleiss 1979).

Equivalent to McGraw & Wong's (1996) ICC(A,1).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from .measure import Measure


def icc_2_1(matrix: ArrayLike) -> Measure:
    """ICC(2,1) of an n_subjects x k_raters matrix with no missing values."""
    x = np.asarray(matrix, dtype=np.float64)
    if x.ndim != 2:
        raise ValueError("ICC needs an n_subjects x k_raters matrix")
    n, k = x.shape
    if n < 2 or k < 2:
        return Measure(None, f"needs at least 2 subjects and 2 raters (have {n} x {k})")
    if not np.all(np.isfinite(x)):
        raise ValueError("ICC matrix must not contain missing or infinite values")
    if np.ptp(x) == 0:
        return Measure(None, "all values are equal, so there is no variance to partition")
    grand = x.mean()
    ss_rows = k * float(np.sum((x.mean(axis=1) - grand) ** 2))
    ss_cols = n * float(np.sum((x.mean(axis=0) - grand) ** 2))
    ss_total = float(np.sum((x - grand) ** 2))
    ss_err = ss_total - ss_rows - ss_cols
    ms_rows = ss_rows / (n - 1)
    ms_cols = ss_cols / (k - 1)
    ms_err = ss_err / ((n - 1) * (k - 1))
    denom = ms_rows + (k - 1) * ms_err + k * (ms_cols - ms_err) / n
    if denom <= 0:
        return Measure(None, "the ICC denominator is zero (no between-subject variance)")
    return Measure(float((ms_rows - ms_err) / denom))
