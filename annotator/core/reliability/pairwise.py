"""Report sections for one pair of coders: Cohen's kappa family, AC1, alpha, events, confusion.

A non-exclusive category's kappa, AC1, p_o and PABAK are pooled over its codes in use after de
Vries et al. (2008) (see :mod:`.pooled`); an exclusive category's are those of its own table.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from .alpha import alpha_from_coincidence_array, alpha_reason
from .bands import alpha_band, kappa_band
from .bootstrap import SessionBootstrap
from .fields import (
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
    unit_scale,
)
from .kappa import (
    EXPECTED_AGREEMENT_ONE,
    bias_index,
    cohen_kappa,
    gwet_ac1,
    kappa_array,
    kappa_max,
    negative_agreement,
    pabak,
    percent_agreement,
    positive_agreement,
    prevalence_index,
)
from .measure import Measure
from .pooled import (
    NO_CODE_USED,
    ac1_array,
    pooled_ac1_array,
    pooled_kappa_array,
    pooled_observed_array,
    pooled_pabak_array,
    stacked_alpha_reason,
    stacked_coincidence,
    used_in_tables,
)
from .study import StudyStats
from .tables import EMPTY

SINGLE_CODE_EVENTS = (
    "the category has a single code, so an event table has no 'neither' cell and "
    "event kappa is not informative; see the matched and unmatched counts"
)


def _alpha(o_per: FloatArray) -> Measure:
    o = o_per.sum(axis=0)
    return Measure.of(float(alpha_from_coincidence_array(o)), alpha_reason(o))


def _put_code_family(d: Report, per: FloatArray, boot: SessionBootstrap) -> FloatArray:
    """One code's 2x2 measures; ``per`` is (sessions, 2, 2)."""
    table: FloatArray = per.sum(axis=0)
    k = cohen_kappa(table)
    put(d, "kappa", k, kappa_band)
    put_ci(d, "kappa", k, boot, per, kappa_array)
    put(d, "percent_agreement", percent_agreement(table))
    put(d, "pabak", pabak(table))
    put(d, "kappa_max", kappa_max(table))
    put(d, "prevalence_index", prevalence_index(table))
    put(d, "bias_index", bias_index(table))
    put(d, "positive_agreement", positive_agreement(table))
    put(d, "negative_agreement", negative_agreement(table))
    a = gwet_ac1(table)
    put(d, "ac1", a)
    put_ci(d, "ac1", a, boot, per, ac1_array)
    return table


def _put_exclusive_family(d: Report, per: FloatArray, boot: SessionBootstrap) -> FloatArray:
    """An exclusive category's K x K measures; ``per`` is (sessions, K, K)."""
    table: FloatArray = per.sum(axis=0)
    k = cohen_kappa(table)
    put(d, "kappa", k, kappa_band)
    put_ci(d, "kappa", k, boot, per, kappa_array)
    put(d, "percent_agreement", percent_agreement(table))
    put(d, "pabak", pabak(table))
    d["pabak_note"] = k_dependent_note(table.shape[-1])
    a = gwet_ac1(table)
    put(d, "ac1", a)
    put_ci(d, "ac1", a, boot, per, ac1_array)
    d["ac1_note"] = k_dependent_note(table.shape[-1])
    return table


def pooled_reason(used: NDArray[np.bool_]) -> str:
    return NO_CODE_USED if not bool(np.any(used)) else EXPECTED_AGREEMENT_ONE


def _put_pooled_family(d: Report, per: FloatArray, boot: SessionBootstrap,
                       code_ids: list[str]) -> None:
    """A non-exclusive category pooled over its codes in use; ``per`` is (sessions, C, 2, 2)."""
    table = per.sum(axis=0)
    used = used_in_tables(table)
    reason = pooled_reason(used)
    d["pooled_codes"] = [c for c, u in zip(code_ids, used.tolist(), strict=True) if u]
    k = Measure.of(float(pooled_kappa_array(table)), reason)
    put(d, "kappa", k, kappa_band)
    put_ci(d, "kappa", k, boot, per, pooled_kappa_array)
    put(d, "percent_agreement", Measure.of(float(pooled_observed_array(table)), NO_CODE_USED))
    put(d, "pabak", Measure.of(float(pooled_pabak_array(table)), NO_CODE_USED))
    a = Measure.of(float(pooled_ac1_array(table)), NO_CODE_USED)
    put(d, "ac1", a)
    put_ci(d, "ac1", a, boot, per, pooled_ac1_array)


def _stacked_alpha(x: FloatArray) -> FloatArray:
    return alpha_from_coincidence_array(stacked_coincidence(x))


def _put_alpha(d: Report, a_per: FloatArray, boot: SessionBootstrap, stacked: bool) -> None:
    kernel: Callable[[FloatArray], FloatArray]
    o_per = a_per + np.swapaxes(a_per, -1, -2)
    if stacked:
        o = o_per.sum(axis=0)
        a = Measure.of(float(_stacked_alpha(o)), stacked_alpha_reason(o, alpha_reason))
        d["alpha_note"] = stacked_alpha_note(int(np.sum(o[..., 0, :].sum(axis=-1) > 0)))
        kernel = _stacked_alpha
    else:
        a = _alpha(o_per)
        kernel = alpha_from_coincidence_array
    put(d, "alpha", a, alpha_band)
    put_ci(d, "alpha", a, boot, o_per, kernel)


def _collapse(conf: FloatArray, k: int) -> FloatArray:
    a = conf[k, k]
    b = conf[k].sum() - a
    c = conf[:, k].sum() - a
    return np.array([[a, b], [c, conf.sum() - a - b - c]])


def _event_kappas(d: Report, conf: FloatArray, k: int | None) -> None:
    n = conf.shape[0] - 1
    if n < 2:
        put_null(d, "kappa_with_unmatched", SINGLE_CODE_EVENTS)
        put_null(d, "kappa_matched_only", SINGLE_CODE_EVENTS)
        return
    full, matched = conf, conf[:n, :n]
    if k is not None:
        full, matched = _collapse(conf, k), _collapse(matched, k)
    put(d, "kappa_with_unmatched", cohen_kappa(full))
    put(d, "kappa_matched_only", cohen_kappa(matched))


def _code_events(conf: FloatArray, k: int) -> Report:
    n = conf.shape[0] - 1
    same = float(conf[k, k])
    d: Report = {
        "matched": int(same),
        "unmatched_A": int(conf[k, n]),
        "unmatched_B": int(conf[n, k]),
        "linked_to_other_code_A": int(conf[k, :n].sum() - same),
        "linked_to_other_code_B": int(conf[:n, k].sum() - same),
    }
    total = conf[k].sum() + conf[:, k].sum()
    d["matched_share"] = float(2 * same / total) if total > 0 else None
    if total <= 0:
        d["matched_share_reason"] = "neither coder has an event of this code"
    _event_kappas(d, conf, k)
    return d


def _category_events(conf: FloatArray, labels: list[str], names: list[str]) -> Report:
    n = conf.shape[0] - 1
    diag = float(np.trace(conf[:n, :n]))
    d: Report = {
        "matched": int(diag),
        "linked_different_code": int(conf[:n, :n].sum() - diag),
        "unmatched_A": int(conf[:n, n].sum()),
        "unmatched_B": int(conf[n, :n].sum()),
        "confusion": {"labels": [*labels, EMPTY], "rows": names[0], "columns": names[1],
                      "unit": "events", "matrix": conf.astype(int).tolist()},
    }
    _event_kappas(d, conf, None)
    return d


def pair_categories(st: StudyStats, p: int, boot: SessionBootstrap) -> list[Report]:
    """The categories list for pair ``p`` (coders st.pairs[p])."""
    i, j = st.pairs[p]
    names = [st.coders[i], st.coders[j]]
    unit, scale = unit_scale(st)
    meta = st.meta
    out: list[Report] = []
    for ci, cat in enumerate(meta.codebook.categories):
        d: Report = {"id": cat.id, "exclusive": cat.exclusive}
        state_ids = [c.id for c in cat.codes if c.kind == "state"]
        svars = [k for k in (st.var_index("code", c) for c in state_ids) if k is not None]
        cat_var = st.var_index("category", cat.id)
        got = category_tables(cat_var, svars, lambda k: st.pair_tab[k][:, p])
        a_got = category_tables(cat_var, svars, lambda k: st.alpha_pair[k][:, p])
        if got is None or a_got is None:
            put_only_points(d)
        else:
            per, pooled = got
            if pooled:
                _put_pooled_family(d, per, boot, state_ids)
            else:
                table = _put_exclusive_family(d, per, boot)
            _put_alpha(d, a_got[0], boot, stacked=pooled)
            d["table_unit"] = unit
            if cat_var is not None:
                d["confusion"] = {
                    "labels": list(st.variables[cat_var].labels), "rows": names[0],
                    "columns": names[1], "unit": unit, "matrix": (table / scale).tolist(),
                }
        conf_all = st.event_conf[ci]
        conf = None if conf_all is None else conf_all[:, p].sum(axis=0)
        if conf is not None:
            d["events"] = _category_events(conf, [c.id for c in cat.codes], names)
        codes = []
        for local, code in enumerate(cat.codes):
            cidx = meta.index[code.id]
            cd: Report = {"id": code.id, "kind": code.kind}
            k = st.var_index("code", code.id)
            if k is None:
                for name in ("kappa", "alpha"):
                    put_null(cd, name, POINT_CODE, band=True)
                    put_null(cd, f"{name}_ci", POINT_CODE)
                for name in ("pabak", "percent_agreement", "kappa_max", "prevalence_index",
                             "bias_index", "positive_agreement", "negative_agreement", "ac1"):
                    put_null(cd, name, POINT_CODE)
                put_null(cd, "ac1_ci", POINT_CODE)
            else:
                t = _put_code_family(cd, st.pair_tab[k][:, p], boot)
                _put_alpha(cd, st.alpha_pair[k][:, p], boot, stacked=False)
                cd["table"] = (t / scale).tolist()
                cd["table_unit"] = unit
            cd["seconds"] = per_coder(st.seconds[:, [i, j], cidx].sum(axis=0), names, False)
            cd["events"] = per_coder(st.events[:, [i, j], cidx].sum(axis=0), names, True)
            if conf is not None:
                cd["event_agreement"] = _code_events(conf, local)
            put_icc(cd, st, [i, j], cidx)
            codes.append(cd)
        d["codes"] = codes
        out.append(d)
    return out
