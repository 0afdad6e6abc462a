"""Report sections for three or more coders: Fleiss' kappa and alpha over all coders."""

from __future__ import annotations

from .alpha import alpha_from_coincidence_array, alpha_reason
from .bands import alpha_band, kappa_band
from .bootstrap import SessionBootstrap
from .fields import (
    PAIRWISE_ONLY,
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
)
from .fleiss import fleiss_from_stats
from .kappa import EXPECTED_AGREEMENT_ONE, NO_OBSERVATIONS
from .measure import Measure
from .study import StudyStats


def _fleiss(packed: FloatArray, m: int) -> tuple[FloatArray, FloatArray]:
    return fleiss_from_stats(packed[..., 0], packed[..., 1:-1], packed[..., -1], m)


def _put_fleiss(d: Report, per: FloatArray, m: int, boot: SessionBootstrap) -> None:
    pooled = per.sum(axis=0)
    kappa, p_bar = _fleiss(pooled, m)
    reason = NO_OBSERVATIONS if pooled[0] <= 0 else EXPECTED_AGREEMENT_ONE
    k = Measure.of(float(kappa), reason)
    put(d, "kappa", k, kappa_band)
    put_ci(d, "kappa", k, boot, per, lambda x: _fleiss(x, m)[0])
    size = per.shape[-1] - 2
    put(d, "percent_agreement", Measure.of(float(p_bar), NO_OBSERVATIONS))
    pab = (size * float(p_bar) - 1.0) / (size - 1.0)
    put(d, "pabak", Measure.of(pab, NO_OBSERVATIONS))


def _put_alpha(d: Report, o_per: FloatArray, boot: SessionBootstrap) -> None:
    o = o_per.sum(axis=0)
    a = Measure.of(float(alpha_from_coincidence_array(o)), alpha_reason(o))
    put(d, "alpha", a, alpha_band)
    put_ci(d, "alpha", a, boot, o_per, alpha_from_coincidence_array)


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
        per = category_tables(cat_var, svars, lambda k: st.fleiss[k])
        o_per = category_tables(cat_var, svars, lambda k: st.coincidence[k])
        if per is None or o_per is None:
            put_only_points(d)
        else:
            _put_fleiss(d, per, m, boot)
            _put_alpha(d, o_per, boot)
        if cat.exclusive:
            put_null(d, "confusion", PAIRWISE_ONLY)
        put_null(d, "events", PAIRWISE_ONLY)
        codes = []
        for code in cat.codes:
            cidx = st.meta.index[code.id]
            cd: Report = {"id": code.id, "kind": code.kind}
            k = st.var_index("code", code.id)
            if k is None:
                for name in ("kappa", "alpha"):
                    put_null(cd, name, POINT_CODE, band=True)
                    put_null(cd, f"{name}_ci", POINT_CODE)
                put_null(cd, "percent_agreement", POINT_CODE)
                put_null(cd, "pabak", POINT_CODE)
            else:
                _put_fleiss(cd, st.fleiss[k], m, boot)
                _put_alpha(cd, st.coincidence[k], boot)
            for name in ("kappa_max", "prevalence_index", "bias_index", "event_agreement"):
                put_null(cd, name, PAIRWISE_ONLY)
            cd["seconds"] = per_coder(st.seconds[:, :, cidx].sum(axis=0), names, False)
            cd["events"] = per_coder(st.events[:, :, cidx].sum(axis=0), names, True)
            put_icc(cd, st, cols, cidx)
            codes.append(cd)
        d["codes"] = codes
        out.append(d)
    return out
