"""Cohen's kappa and its companions (PABAK, kappa_max, prevalence and bias indices).

Tables are square agreement tables: rows are coder A's values, columns coder B's, cells the
amount of agreement units (seconds, slices or events). The ``*_array`` kernels work on stacks of
tables (``(..., K, K)``) so the bootstrap can evaluate a thousand resamples at once; they return
NaN where the measure is undefined, and :func:`cohen_kappa` turns that into a :class:`Measure`
with a reason. NaN never leaves this package.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .measure import Measure

FloatArray = NDArray[np.float64]

NO_OBSERVATIONS = "no observations in the table"
EXPECTED_AGREEMENT_ONE = (
    "expected agreement is 1: both coders used one and the same value throughout "
    "(e.g. neither coder used this code), so chance-corrected agreement is undefined"
)


def as_tables(table: ArrayLike) -> FloatArray:
    t = np.asarray(table, dtype=np.float64)
    if t.ndim < 2 or t.shape[-1] != t.shape[-2]:
        raise ValueError(f"agreement table must be square, got shape {t.shape}")
    if np.any(t < 0) or not np.all(np.isfinite(t)):
        raise ValueError("agreement table must hold finite non-negative amounts")
    return t


def _margins(t: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
    n = t.sum(axis=(-2, -1))
    return n, t.sum(axis=-1), t.sum(axis=-2)


def single_value_mask(t: FloatArray) -> NDArray[np.bool_]:
    """True where both coders put everything into one and the same value (p_e = 1).

    Tested structurally on the margins, which are exact sums of integer amounts, so no float
    tolerance is involved.
    """
    n, rows, cols = _margins(t)
    mask: NDArray[np.bool_] = np.any(
        (rows == n[..., None]) & (cols == n[..., None]), axis=-1
    ) & (n > 0)
    return mask


def observed_agreement_array(t: FloatArray) -> FloatArray:
    n = t.sum(axis=(-2, -1))
    trace = np.trace(t, axis1=-2, axis2=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(n > 0, trace / np.where(n > 0, n, 1.0), np.nan)


def expected_agreement_array(t: FloatArray) -> FloatArray:
    n, rows, cols = _margins(t)
    safe = np.where(n > 0, n, 1.0)
    pe = np.sum((rows / safe[..., None]) * (cols / safe[..., None]), axis=-1)
    return np.where(n > 0, pe, np.nan)


def kappa_array(t: FloatArray) -> FloatArray:
    """Cohen's kappa of each table in the stack (NaN where undefined)."""
    po = observed_agreement_array(t)
    pe = expected_agreement_array(t)
    undefined = single_value_mask(t) | np.isnan(po)
    denom = np.where(undefined, 1.0, 1.0 - pe)
    return np.where(undefined, np.nan, (po - pe) / denom)


def kappa_max_array(t: FloatArray) -> FloatArray:
    """The largest kappa the table's margins allow (Cohen 1960)."""
    n, rows, cols = _margins(t)
    safe = np.where(n > 0, n, 1.0)
    pmax = np.sum(np.minimum(rows, cols), axis=-1) / safe
    pe = expected_agreement_array(t)
    undefined = single_value_mask(t) | (n <= 0)
    denom = np.where(undefined, 1.0, 1.0 - pe)
    return np.where(undefined, np.nan, (pmax - pe) / denom)


def pabak_array(t: FloatArray) -> FloatArray:
    """Prevalence- and bias-adjusted kappa, (K*p_o - 1) / (K - 1); 2*p_o - 1 for 2x2 tables."""
    k = t.shape[-1]
    po = observed_agreement_array(t)
    out: FloatArray = (k * po - 1.0) / (k - 1.0)
    return out


def _reason(t: FloatArray) -> str:
    if t.sum() <= 0:
        return NO_OBSERVATIONS
    return EXPECTED_AGREEMENT_ONE


def cohen_kappa(table: ArrayLike) -> Measure:
    """Cohen's (1960) kappa of one K x K agreement table."""
    t = as_tables(table)
    if t.ndim != 2:
        raise ValueError("cohen_kappa takes one table; use kappa_array for stacks")
    return Measure.of(float(kappa_array(t)), _reason(t))


def kappa_max(table: ArrayLike) -> Measure:
    t = as_tables(table)
    return Measure.of(float(kappa_max_array(t)), _reason(t))


def pabak(table: ArrayLike) -> Measure:
    t = as_tables(table)
    return Measure.of(float(pabak_array(t)), NO_OBSERVATIONS)


def percent_agreement(table: ArrayLike) -> Measure:
    """Observed proportion of agreement p_o (a proportion in [0, 1], not a percentage)."""
    t = as_tables(table)
    return Measure.of(float(observed_agreement_array(t)), NO_OBSERVATIONS)


def prevalence_index(table: ArrayLike) -> Measure:
    """|a - d| / n for a 2x2 table [[a, b], [c, d]] (Byrt, Bishop & Carlin 1993)."""
    t = _two_by_two(table)
    n = t.sum()
    if n <= 0:
        return Measure(None, NO_OBSERVATIONS)
    return Measure(float(abs(t[0, 0] - t[1, 1]) / n))


def bias_index(table: ArrayLike) -> Measure:
    """|b - c| / n for a 2x2 table [[a, b], [c, d]] (Byrt, Bishop & Carlin 1993)."""
    t = _two_by_two(table)
    n = t.sum()
    if n <= 0:
        return Measure(None, NO_OBSERVATIONS)
    return Measure(float(abs(t[0, 1] - t[1, 0]) / n))


def _two_by_two(table: ArrayLike) -> FloatArray:
    t = as_tables(table)
    if t.shape != (2, 2):
        raise ValueError(f"a 2x2 table is needed, got shape {t.shape}")
    return t


def positive_agreement(table: ArrayLike) -> Measure:
    """Positive specific agreement 2a / (2a + b + c) of a 2x2 table (Cicchetti & Feinstein
    1990): how often the coders agree that the code is present, given that either codes it."""
    t = _two_by_two(table)
    den = 2 * t[0, 0] + t[0, 1] + t[1, 0]
    if den <= 0:
        return Measure(None, "neither coder used the code, so positive agreement is undefined")
    return Measure(float(2 * t[0, 0] / den))


def negative_agreement(table: ArrayLike) -> Measure:
    """Negative specific agreement 2d / (2d + b + c) of a 2x2 table (Cicchetti & Feinstein
    1990)."""
    t = _two_by_two(table)
    den = 2 * t[1, 1] + t[0, 1] + t[1, 0]
    if den <= 0:
        return Measure(None, "both coders used the code throughout, so negative agreement is "
                             "undefined")
    return Measure(float(2 * t[1, 1] / den))


def gwet_ac1(table: ArrayLike) -> Measure:
    """Gwet's (2008) AC1 of one K x K agreement table."""
    from .pooled import ac1_array

    t = as_tables(table)
    return Measure.of(float(ac1_array(t)), NO_OBSERVATIONS)
