"""Krippendorff's alpha for nominal data, from reliability data or coincidence matrices.

The coincidence matrix o (values x values) is additive over units and sessions, so the engine
keeps one per session and the bootstrap resamples those. For nominal data
alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c * n_k (Krippendorff 2011).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .measure import Measure

FloatArray = NDArray[np.float64]

TOO_FEW_PAIRABLE = "fewer than two pairable values (no unit was coded by two or more coders)"
NO_VARIATION = (
    "all pairable values are the same value, so expected disagreement is 0 "
    "and alpha is undefined"
)


def coincidence_from_counts(counts: FloatArray) -> FloatArray:
    """Coincidence matrix of a units x values count matrix (units with < 2 values drop out)."""
    c = np.asarray(counts, dtype=np.float64)
    m_u = c.sum(axis=1)
    keep = m_u >= 2
    c = c[keep]
    scale = 1.0 / (m_u[keep] - 1.0)
    o: FloatArray = (c * scale[:, None]).T @ c - np.diag(scale @ c)
    return o


def alpha_from_coincidence_array(o: FloatArray) -> FloatArray:
    """Nominal alpha of each coincidence matrix in a stack (..., V, V); NaN where undefined."""
    n_c = o.sum(axis=-1)
    n = n_c.sum(axis=-1)
    observed = n - np.trace(o, axis1=-2, axis2=-1)
    expected = n * n - np.sum(n_c * n_c, axis=-1)
    single = np.any(n_c == n[..., None], axis=-1)
    undefined = (n < 2) | single | (expected <= 0)
    ratio = (n - 1.0) * observed / np.where(undefined, 1.0, expected)
    return np.where(undefined, np.nan, 1.0 - ratio)


def alpha_reason(o: FloatArray) -> str:
    return TOO_FEW_PAIRABLE if float(np.sum(o)) < 2 else NO_VARIATION


def krippendorff_alpha_nominal(reliability_data: ArrayLike) -> Measure:
    """Nominal alpha of a coders x units matrix; NaN marks a missing value.

    Values may be any numbers; they are treated as unordered labels.
    """
    data = np.asarray(reliability_data, dtype=np.float64)
    if data.ndim != 2:
        raise ValueError("reliability data must be a coders x units matrix")
    present = ~np.isnan(data)
    values = np.unique(data[present])
    counts = np.zeros((data.shape[1], values.size))
    coder_idx, unit_idx = np.nonzero(present)
    value_idx = np.searchsorted(values, data[coder_idx, unit_idx])
    np.add.at(counts, (unit_idx, value_idx), 1.0)
    o = coincidence_from_counts(counts)
    if o.size == 0:
        return Measure(None, TOO_FEW_PAIRABLE)
    return Measure.of(float(alpha_from_coincidence_array(o)), alpha_reason(o))
