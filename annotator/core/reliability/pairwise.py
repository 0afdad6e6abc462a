"""Report sections for one pair of coders: Cohen's kappa family, alpha, events, confusion."""

from __future__ import annotations

import numpy as np

from .alpha import alpha_from_coincidence_array, alpha_reason
from .bands import alpha_band, kappa_band
from .bootstrap import SessionBootstrap
from .fields import (
    POINT_CODE,
    FloatArray,
    Report,
    category_tables,
    per_coder,
    put,
    put_ci,
    put_icc,
    put_null,
    put_only_points,
    unit_scale,
)
from .kappa import (
    bias_index,
    cohen_kappa,
    kappa_array,
    kappa_max,
    pabak,
    percent_agreement,
    prevalence_index,
)
from .measure import Measure
from .study import StudyStats
from .tables import EMPTY

SINGLE_CODE_EVENTS = (
    "the category has a single code, so an event table has no 'neither' cell and "
    "event kappa is not informative; see the matched and unmatched counts"
)


def _alpha(o_per: FloatArray) -> Measure:
    o = o_per.sum(axis=0)
    return Measure.of(float(alpha_from_coincidence_array(o)), alpha_reason(o))


def _put_kappa_family(
    d: Report, per: FloatArray, boot: SessionBootstrap, binary: bool
) -> FloatArray:
    table = per.sum(axis=0)
    k = cohen_kappa(table)
    put(d, "kappa", k, kappa_band)
    put_ci(d, "kappa", k, boot, per, kappa_array)
    put(d, "percent_agreement", percent_agreement(table))
    put(d, "pabak", pabak(table))
    if binary:
        put(d, "kappa_max", kappa_max(table))
        put(d, "prevalence_index", prevalence_index(table))
        put(d, "bias_index", bias_index(table))
    out: FloatArray = table
    return out


def _put_alpha(d: Report, a_per: FloatArray, boot: SessionBootstrap) -> None:
    o_per = a_per + np.swapaxes(a_per, -1, -2)
    a = _alpha(o_per)
    put(d, "alpha", a, alpha_band)
    put_ci(d, "alpha", a, boot, o_per, alpha_from_coincidence_array)


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
        code_vars = [st.var_index("code", c.id) for c in cat.codes if c.kind == "state"]
        svars = [k for k in code_vars if k is not None]
        cat_var = st.var_index("category", cat.id)
        per = category_tables(cat_var, svars, lambda k: st.pair_tab[k][:, p])
        a_per = category_tables(cat_var, svars, lambda k: st.alpha_pair[k][:, p])
        if per is None or a_per is None:
            put_only_points(d)
        else:
            table = _put_kappa_family(d, per, boot, binary=False)
            _put_alpha(d, a_per, boot)
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
                             "bias_index"):
                    put_null(cd, name, POINT_CODE)
            else:
                t = _put_kappa_family(cd, st.pair_tab[k][:, p], boot, binary=True)
                _put_alpha(cd, st.alpha_pair[k][:, p], boot)
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
