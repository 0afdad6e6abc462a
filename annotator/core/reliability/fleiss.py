"""Fleiss' (1971) kappa for several coders, also weighted by unit duration.

For units u with n_uj coders assigning value j (every unit rated by the same number m of
coders) and unit weights w_u (1 for counted units, milliseconds for exact durations), the
statistics W = sum w_u, S1_j = sum w_u n_uj and S2 = sum w_u sum_j n_uj^2 are additive over
sessions, so the bootstrap can resample them per session.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .kappa import EXPECTED_AGREEMENT_ONE, NO_OBSERVATIONS
from .measure import Measure

FloatArray = NDArray[np.float64]


def fleiss_stats(counts: FloatArray, weights: FloatArray) -> tuple[float, FloatArray, float]:
    """(W, S1, S2) of a units x values count matrix."""
    w = np.asarray(weights, dtype=np.float64)
    c = np.asarray(counts, dtype=np.float64)
    return float(w.sum()), w @ c, float(w @ np.sum(c * c, axis=1))


def fleiss_parts(
    w: FloatArray, s1: FloatArray, s2: FloatArray, m: int
) -> tuple[FloatArray, FloatArray, FloatArray, NDArray[np.bool_]]:
    """Mean pairwise agreement P-bar, Fleiss' chance agreement sum_j p_j^2, Gwet's multi-rater
    chance agreement sum_j p_j (1 - p_j) / (K - 1), and where one value was used throughout.

    ``w`` and ``s2`` have shape (...), ``s1`` has shape (..., K). NaN where W = 0.
    """
    w = np.asarray(w, dtype=np.float64)
    k = s1.shape[-1]
    safe = np.where(w > 0, w, 1.0)
    p_bar = np.where(w > 0, (s2 / safe - m) / (m * (m - 1)), np.nan)
    p_j = s1 / (safe[..., None] * m)
    pe = np.where(w > 0, np.sum(p_j * p_j, axis=-1), np.nan)
    pe_ac1 = np.where(w > 0, np.sum(p_j * (1.0 - p_j), axis=-1) / (k - 1.0), np.nan)
    single = np.any(s1 == (w * m)[..., None], axis=-1) & (w > 0)
    return p_bar, pe, pe_ac1, single


def fleiss_from_stats(
    w: FloatArray, s1: FloatArray, s2: FloatArray, m: int
) -> tuple[FloatArray, FloatArray]:
    """Fleiss' kappa and mean pairwise agreement P-bar from stacked statistics (NaN if undefined).

    ``w`` and ``s2`` have shape (...), ``s1`` has shape (..., K).
    """
    p_bar, pe, _, single = fleiss_parts(w, s1, s2, m)
    undefined = np.isnan(p_bar) | single
    kappa = np.where(undefined, np.nan, (p_bar - pe) / np.where(undefined, 1.0, 1.0 - pe))
    return kappa, p_bar


def multi_ac1_from_stats(w: FloatArray, s1: FloatArray, s2: FloatArray, m: int) -> FloatArray:
    """Gwet's (2008) AC1 for m raters who all rated every unit (NaN where W = 0)."""
    p_bar, _, pe, _ = fleiss_parts(w, s1, s2, m)
    out: FloatArray = (p_bar - pe) / (1.0 - pe)
    return out


def fleiss_kappa(counts: ArrayLike, weights: ArrayLike | None = None) -> Measure:
    """Fleiss' kappa of a units x values matrix of rater counts (each row sums to m >= 2)."""
    c = np.asarray(counts, dtype=np.float64)
    if c.ndim != 2 or c.shape[0] == 0:
        raise ValueError("counts must be a non-empty units x values matrix")
    m_u = c.sum(axis=1)
    m = round(float(m_u[0]))
    if m < 2 or not np.all(m_u == m_u[0]):
        raise ValueError("every unit must be rated by the same number (>= 2) of raters")
    w = np.ones(c.shape[0]) if weights is None else np.asarray(weights, dtype=np.float64)
    big_w, s1, s2 = fleiss_stats(c, w)
    kappa, _ = fleiss_from_stats(np.array(big_w), s1, np.array(s2), m)
    return Measure.of(float(kappa), NO_OBSERVATIONS if big_w <= 0 else EXPECTED_AGREEMENT_ONE)
