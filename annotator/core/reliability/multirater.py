"""Report sections for three or more coders: Fleiss' kappa, Gwet's AC1, Light's kappa and
alpha over all coders.

A non-exclusive category's Fleiss' kappa and AC1 are pooled over its codes in use exactly as
in the two-coder case (de Vries et al. 2008): (mean P-bar - mean P_e) / (1 - mean P_e).
Light's (1971) kappa is the mean of every pair's Cohen's kappa (for a non-exclusive category:
of every pair's pooled kappa).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import numpy as np
from numpy.typing import NDArray

from .alpha import alpha_from_coincidence_array, alpha_reason
from .bands import alpha_band, kappa_band
from .bootstrap import SessionBootstrap
from .fields import (
    PAIRWISE_ONLY,
    POINT_CODE,
    FloatArray,
    Report,
    category_tables,
    k_dependent_note,
    per_coder,
    put,
    put_ci,
    put_icc,
    put_null,
    put_only_points,
    stacked_alpha_note,
)
from .fleiss import fleiss_from_stats, fleiss_parts, multi_ac1_from_stats
from .kappa import EXPECTED_AGREEMENT_ONE, NO_OBSERVATIONS, kappa_array
from .measure import Measure
from .pooled import (
    NO_CODE_USED,
    mean_over_used,
    pooled_chance_corrected,
    pooled_kappa_array,
    stacked_alpha_reason,
)
from .pooled import stacked_coincidence as _stack
from .study import StudyStats

BoolArray = NDArray[np.bool_]
LIGHT_UNDEFINED = "some pair's kappa is undefined, so their mean (Light's kappa) is undefined"


def _split(x: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
    return x[..., 0], x[..., 1:-1], x[..., -1]


def _fleiss(packed: FloatArray, m: int) -> tuple[FloatArray, FloatArray]:
    return fleiss_from_stats(*_split(packed), m)


def _pooled_parts(x: FloatArray, m: int) -> tuple[FloatArray, FloatArray, FloatArray,
                                                   BoolArray, BoolArray]:
    p_bar, pe, pe_ac1, single = fleiss_parts(*_split(x), m)
    used = x[..., 1] > 0  # some coder gave the code (present) somewhere
    return p_bar, pe, pe_ac1, single, used


def pooled_fleiss_array(x: FloatArray, m: int) -> FloatArray:
    """(..., C, K + 2) Fleiss statistics -> pooled Fleiss' kappa over the codes in use."""
    p_bar, pe, _, single, used = _pooled_parts(x, m)
    return pooled_chance_corrected(p_bar, pe, used, single)


def pooled_multi_ac1_array(x: FloatArray, m: int) -> FloatArray:
    p_bar, _, pe_ac1, _, used = _pooled_parts(x, m)
    return pooled_chance_corrected(p_bar, pe_ac1, used, np.zeros(used.shape, dtype=bool))


def _fleiss_kappa(x: FloatArray, m: int) -> FloatArray:
    return _fleiss(x, m)[0]


def _multi_ac1(x: FloatArray, m: int) -> FloatArray:
    return multi_ac1_from_stats(*_split(x), m)


def _stacked_alpha(x: FloatArray) -> FloatArray:
    return alpha_from_coincidence_array(_stack(x))


def _put_fleiss(d: Report, per: FloatArray, m: int, boot: SessionBootstrap,
                pooled: bool) -> None:
    """``per``: (sessions, K + 2) statistics, or (sessions, C, 4) for a pooled category."""
    stats = per.sum(axis=0)
    if pooled:
        used = stats[..., 1] > 0
        reason = NO_CODE_USED if not used.any() else EXPECTED_AGREEMENT_ONE
        kernel = partial(pooled_fleiss_array, m=m)
        ac1_kernel = partial(pooled_multi_ac1_array, m=m)
        p_bar = float(mean_over_used(fleiss_parts(*_split(stats), m)[0], used))
        size = 2
    else:
        reason = NO_OBSERVATIONS if stats[0] <= 0 else EXPECTED_AGREEMENT_ONE
        kernel = partial(_fleiss_kappa, m=m)
        ac1_kernel = partial(_multi_ac1, m=m)
        p_bar = float(_fleiss(stats, m)[1])
        size = per.shape[-1] - 2
    k = Measure.of(float(kernel(stats)), reason)
    put(d, "kappa", k, kappa_band)
    put_ci(d, "kappa", k, boot, per, kernel)
    put(d, "percent_agreement", Measure.of(p_bar, NO_CODE_USED if pooled else NO_OBSERVATIONS))
    pab = (size * p_bar - 1.0) / (size - 1.0)
    put(d, "pabak", Measure.of(pab, NO_OBSERVATIONS))
    ac1 = Measure.of(float(ac1_kernel(stats)), NO_CODE_USED if pooled else NO_OBSERVATIONS)
    put(d, "ac1", ac1)
    put_ci(d, "ac1", ac1, boot, per, ac1_kernel)


def _put_alpha(d: Report, o_per: FloatArray, boot: SessionBootstrap, stacked: bool) -> None:
    kernel: Callable[[FloatArray], FloatArray] = alpha_from_coincidence_array
    if stacked:
        kernel = _stacked_alpha
        d["alpha_note"] = stacked_alpha_note(
            int(np.sum(o_per.sum(axis=0)[..., 0, :].sum(axis=-1) > 0)))
    o = o_per.sum(axis=0)
    reason = stacked_alpha_reason(o, alpha_reason) if stacked else alpha_reason(o)
    a = Measure.of(float(kernel(o)), reason)
    put(d, "alpha", a, alpha_band)
    put_ci(d, "alpha", a, boot, o_per, kernel)


def _light_kernel(pooled: bool) -> Callable[[FloatArray], FloatArray]:
    """(..., P, L, L) pair tables (pooled: (..., C, P, 2, 2)) -> mean pairwise kappa."""
    def kernel(x: FloatArray) -> FloatArray:
        per_pair = pooled_kappa_array(np.swapaxes(x, -3, -4)) if pooled else kappa_array(x)
        out: FloatArray = per_pair.mean(axis=-1)  # NaN when any pair is undefined
        return out
    return kernel


def _put_light(d: Report, per: FloatArray, boot: SessionBootstrap, pooled: bool) -> None:
    kernel = _light_kernel(pooled)
    k = Measure.of(float(kernel(per.sum(axis=0))), LIGHT_UNDEFINED)
    put(d, "light_kappa", k, kappa_band)
    put_ci(d, "light_kappa", k, boot, per, kernel)


def multi_categories(st: StudyStats, boot: SessionBootstrap) -> list[Report]:
    """The categories list over all coders (kappa is Fleiss' kappa)."""
    m = len(st.coders)
    names = list(st.coders)
    cols = list(range(m))
    out: list[Report] = []
    for cat in st.meta.codebook.categories:
        d: Report = {"id": cat.id, "exclusive": cat.exclusive}
        svars = [k for k in (st.var_index("code", c.id) for c in cat.codes) if k is not None]
        cat_var = st.var_index("category", cat.id)
        got = category_tables(cat_var, svars, lambda k: st.fleiss[k])
        o_got = category_tables(cat_var, svars, lambda k: st.coincidence[k])
        l_got = category_tables(cat_var, svars, lambda k: st.pair_tab[k])
        if got is None or o_got is None or l_got is None:
            put_only_points(d)
            put_null(d, "light_kappa", "the category has only point codes", band=True)
        else:
            per, pooled = got
            if pooled:
                used = per.sum(axis=0)[..., 1] > 0
                d["pooled_codes"] = [st.variables[k].id for k, u in
                                     zip(svars, used.tolist(), strict=True) if u]
            _put_fleiss(d, per, m, boot, pooled)
            if not pooled:
                d["pabak_note"] = d["ac1_note"] = k_dependent_note(per.shape[-1] - 2)
            _put_alpha(d, o_got[0], boot, stacked=pooled)
            _put_light(d, l_got[0], boot, pooled)
        if cat.exclusive:
            put_null(d, "confusion", PAIRWISE_ONLY)
        put_null(d, "events", PAIRWISE_ONLY)
        codes = []
        for code in cat.codes:
            cidx = st.meta.index[code.id]
            cd: Report = {"id": code.id, "kind": code.kind}
            k = st.var_index("code", code.id)
            if k is None:
                for name in ("kappa", "alpha", "light_kappa"):
                    put_null(cd, name, POINT_CODE, band=True)
                    put_null(cd, f"{name}_ci", POINT_CODE)
                for name in ("percent_agreement", "pabak", "ac1"):
                    put_null(cd, name, POINT_CODE)
                put_null(cd, "ac1_ci", POINT_CODE)
            else:
                _put_fleiss(cd, st.fleiss[k], m, boot, pooled=False)
                _put_alpha(cd, st.coincidence[k], boot, stacked=False)
                _put_light(cd, st.pair_tab[k], boot, pooled=False)
            for name in ("kappa_max", "prevalence_index", "bias_index", "event_agreement",
                         "positive_agreement", "negative_agreement"):
                put_null(cd, name, PAIRWISE_ONLY)
            cd["seconds"] = per_coder(st.seconds[:, :, cidx].sum(axis=0), names, False)
            cd["events"] = per_coder(st.events[:, :, cidx].sum(axis=0), names, True)
            put_icc(cd, st, cols, cidx)
            codes.append(cd)
        d["codes"] = codes
        out.append(d)
    return out
