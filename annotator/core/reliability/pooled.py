"""Measures pooled over a non-exclusive category's codes, after de Vries et al. (2008).

For codes k = 1..C with observed agreement p_o,k and chance agreement p_e,k, the pooled
chance-corrected agreement is (mean p_o - mean p_e) / (1 - mean p_e). It is *not* the kappa of
the summed 2x2 tables. The means run over the category's codes that at least one of the
compared coders used (in the tables given: the analysed sessions, or one bootstrap resample).
A code nobody used has p_o = p_e = 1 and would pull both means towards 1; leaving it out makes
adding an unused code to the codebook change no pooled measure.

Kernels take stacks with a code axis before the table axes and return NaN where undefined.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from .kappa import expected_agreement_array, observed_agreement_array, single_value_mask

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]

NO_CODE_USED = "no code of the category was used by any of the compared coders"


def used_in_tables(t: FloatArray) -> BoolArray:
    """(..., C, 2, 2) code-vs-not tables -> (..., C): some unit has the code for some coder."""
    used: BoolArray = (t[..., 0, 0] + t[..., 0, 1] + t[..., 1, 0]) > 0
    return used


def mean_over_used(x: FloatArray, used: BoolArray) -> FloatArray:
    """Mean of ``x`` over the last axis where ``used``; NaN where nothing is used."""
    n = used.sum(axis=-1)
    total = np.where(used, x, 0.0).sum(axis=-1)
    out: FloatArray = np.where(n > 0, total / np.where(n > 0, n, 1), np.nan)
    return out


def pooled_chance_corrected(
    po: FloatArray, pe: FloatArray, used: BoolArray, single: BoolArray
) -> FloatArray:
    """(mean p_o - mean p_e) / (1 - mean p_e) over the used codes (last axis).

    ``single`` marks codes with p_e = 1 (one value throughout); the pooled value is undefined
    when every used code has p_e = 1 (then mean p_e = 1), or when no code is used.
    """
    mpo = mean_over_used(po, used)
    mpe = mean_over_used(pe, used)
    undefined = np.isnan(mpo) | np.all(single | ~used, axis=-1)
    out: FloatArray = np.where(undefined, np.nan, (mpo - mpe) / np.where(undefined, 1.0, 1.0 - mpe))
    return out


def ac1_chance_array(t: FloatArray) -> FloatArray:
    """Gwet's (2008) chance agreement of K x K tables: sum_k pi_k (1 - pi_k) / (K - 1), with
    pi_k the mean of the two coders' shares of value k."""
    k = t.shape[-1]
    n = t.sum(axis=(-2, -1))
    safe = np.where(n > 0, n, 1.0)[..., None]
    pi = (t.sum(axis=-1) + t.sum(axis=-2)) / (2.0 * safe)
    pe: FloatArray = np.sum(pi * (1.0 - pi), axis=-1) / (k - 1.0)
    return np.where(n > 0, pe, np.nan)


def ac1_array(t: FloatArray) -> FloatArray:
    """Gwet's AC1 of each K x K table in the stack (NaN where there are no observations)."""
    po = observed_agreement_array(t)
    pe = ac1_chance_array(t)
    out: FloatArray = (po - pe) / (1.0 - pe)  # pe <= 1/K < 1
    return out


def pooled_kappa_array(t: FloatArray) -> FloatArray:
    """de Vries et al.'s pooled Cohen's kappa of (..., C, 2, 2) stacks."""
    used = used_in_tables(t)
    return pooled_chance_corrected(observed_agreement_array(t), expected_agreement_array(t),
                                   used, single_value_mask(t))


def pooled_ac1_array(t: FloatArray) -> FloatArray:
    """Gwet's AC1 pooled the same way: (mean p_o - mean p_e,AC1) / (1 - mean p_e,AC1)."""
    used = used_in_tables(t)
    return pooled_chance_corrected(observed_agreement_array(t), ac1_chance_array(t), used,
                                   np.zeros(used.shape, dtype=bool))


def pooled_observed_array(t: FloatArray) -> FloatArray:
    """Mean p_o over the used codes."""
    return mean_over_used(observed_agreement_array(t), used_in_tables(t))


def pooled_pabak_array(t: FloatArray) -> FloatArray:
    """Mean of the used codes' PABAK, 2 * mean p_o - 1."""
    out: FloatArray = 2.0 * pooled_observed_array(t) - 1.0
    return out


def stacked_coincidence(o: FloatArray) -> FloatArray:
    """(..., C, 2, 2) present/absent coincidence matrices -> (..., 2, 2) summed over the codes
    in use (some pairable value is 'present'); the units of the stacked alpha are
    (slice, code) pairs."""
    used = (o[..., 0, :].sum(axis=-1) > 0)[..., None, None]
    out: FloatArray = np.where(used, o, 0.0).sum(axis=-3)
    return out


def stacked_alpha_reason(o: FloatArray, reason_of: Callable[[FloatArray], str]) -> str:
    """Why the stacked alpha of (C, 2, 2) coincidences is undefined."""
    if not bool(np.any(o[..., 0, :].sum(axis=-1) > 0)):
        return NO_CODE_USED
    return reason_of(stacked_coincidence(o))
