"""ICC(2,1): two-way random effects, absolute agreement, single rater (Shrout & Fleiss 1979).

Equivalent to McGraw & Wong's (1996) ICC(A,1); its confidence interval is McGraw & Wong's F
method (their Table 7, case 2A, with Satterthwaite's approximate degrees of freedom).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from .fdist import f_ppf
from .measure import Measure


@dataclass(frozen=True, slots=True)
class _MeanSquares:
    n: int
    k: int
    rows: float  # between subjects (MSR)
    cols: float  # between raters (MSC)
    err: float  # residual (MSE)


def _mean_squares(matrix: ArrayLike) -> _MeanSquares | Measure:
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
    return _MeanSquares(n, k, ss_rows / (n - 1), ss_cols / (k - 1),
                        ss_err / ((n - 1) * (k - 1)))


def _icc(ms: _MeanSquares) -> Measure:
    n, k = ms.n, ms.k
    denom = ms.rows + (k - 1) * ms.err + k * (ms.cols - ms.err) / n
    if denom <= 0:
        return Measure(None, "the ICC denominator is zero (no between-subject variance)")
    return Measure(float((ms.rows - ms.err) / denom))


def icc_2_1(matrix: ArrayLike) -> Measure:
    """ICC(2,1) of an n_subjects x k_raters matrix with no missing values."""
    ms = _mean_squares(matrix)
    return ms if isinstance(ms, Measure) else _icc(ms)


def icc_2_1_ci(matrix: ArrayLike, level: float = 0.95) -> tuple[list[float] | None, str | None]:
    """McGraw & Wong's (1996) F-method interval for ICC(A,1), or (None, reason)."""
    ms = _mean_squares(matrix)
    if isinstance(ms, Measure):
        return None, ms.reason
    icc = _icc(ms).value
    if icc is None:
        return None, "ICC is undefined"
    if ms.err <= 0 or icc >= 1.0:
        return None, "no residual variance (the raters agree exactly), so the F interval is " \
                     "undefined"
    n, k = ms.n, ms.k
    a = k * icc / (n * (1.0 - icc))
    b = 1.0 + k * icc * (n - 1) / (n * (1.0 - icc))
    num = (a * ms.cols + b * ms.err) ** 2
    den = (a * ms.cols) ** 2 / (k - 1) + (b * ms.err) ** 2 / ((n - 1) * (k - 1))
    if den <= 0 or not np.isfinite(num / den) or num / den <= 0:
        return None, "Satterthwaite's degrees of freedom are undefined for these data"
    v = num / den
    q = 1.0 - (1.0 - level) / 2.0
    f_upper = f_ppf(q, n - 1, v)
    f_lower = f_ppf(q, v, n - 1)
    c = k * ms.cols + (k * n - k - n) * ms.err
    lo = n * (ms.rows - f_upper * ms.err) / (f_upper * c + n * ms.rows)
    hi = n * (f_lower * ms.rows - ms.err) / (c + n * f_lower * ms.rows)
    return [float(lo), float(hi)], None
