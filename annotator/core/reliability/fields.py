"""Helpers that write measures into report dicts: value, band, reason, interval."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .bands import icc_band
from .bootstrap import SessionBootstrap
from .icc import icc_2_1, icc_2_1_ci
from .measure import Measure
from .study import StudyStats

FloatArray = NDArray[np.float64]
Band = Callable[[float | None], str | None]
Report = dict[str, Any]

MIN_ICC_SESSIONS = 5
POINT_CODE = "point code: it has no duration, so it is assessed by event agreement only"
ONLY_POINTS = "the category has only point codes, so it is assessed by event agreement only"
PAIRWISE_ONLY = "a two-coder measure: see the 'pairs' list"


def put(d: Report, name: str, m: Measure, band: Band | None = None) -> None:
    d[name] = m.value
    if band is not None:
        d[f"{name}_band"] = band(m.value)
    if m.reason is not None:
        d[f"{name}_reason"] = m.reason


def put_null(d: Report, name: str, reason: str, band: bool = False) -> None:
    put(d, name, Measure(None, reason), (lambda _v: None) if band else None)


def category_tables(
    cat_var: int | None, code_vars: list[int], table_of: Callable[[int], FloatArray]
) -> tuple[FloatArray, bool] | None:
    """A category's per-session tables and whether they are pooled: its own table (exclusive
    category), else its state codes' tables stacked on axis 1 (pooled after de Vries et al.
    2008, over the codes in use), else None (only point codes)."""
    if cat_var is not None:
        return table_of(cat_var), False
    if code_vars:
        return np.stack([table_of(k) for k in code_vars], axis=1), True
    return None


def k_dependent_note(k: int) -> str:
    return (f"depends by definition on the number of values K (here {k}: the category's codes "
            "plus ∅), so adding a code to the codebook changes it even if nobody uses it")


def stacked_alpha_note(n_used: int) -> str:
    return (f"stacked over the {n_used} code(s) in use, with (slice, code) pairs as units; by "
            "definition it depends on how many codes are stacked (unused codes are left out)")


def put_only_points(d: Report) -> None:
    """A category of point codes only has no duration measures: all null, with why."""
    for name in ("kappa", "alpha"):
        put_null(d, name, ONLY_POINTS, band=True)
        put_null(d, f"{name}_ci", ONLY_POINTS)
    for name in ("percent_agreement", "pabak", "ac1"):
        put_null(d, name, ONLY_POINTS)


def put_ci(
    d: Report,
    name: str,
    value: Measure,
    boot: SessionBootstrap,
    per_session: FloatArray,
    kernel: Callable[[FloatArray], FloatArray],
) -> None:
    """``<name>_ci`` from a bootstrap over sessions, or null with ``<name>_ci_reason``."""
    if value.value is None:
        d[f"{name}_ci"] = None
        d[f"{name}_ci_reason"] = f"{name} is undefined"
        return
    ci, reason = boot.interval(per_session, kernel)
    d[f"{name}_ci"] = ci
    if reason is not None:
        d[f"{name}_ci_reason"] = reason


def unit_scale(st: StudyStats) -> tuple[str, float]:
    """Unit name of duration tables and the divisor from their raw amounts."""
    return ("s", 1000.0) if st.resolution_ms is None else ("slices", 1.0)


def put_icc(d: Report, st: StudyStats, cols: list[int], code: int) -> None:
    n = st.n_sessions
    point = bool(st.meta.is_point[code])
    for name, source in (("icc_seconds", st.seconds), ("icc_counts", st.events)):
        ci: list[float] | None = None
        ci_reason: str | None = None
        if name == "icc_seconds" and point:
            m = Measure(None, POINT_CODE)
        elif n < MIN_ICC_SESSIONS:
            m = Measure(None, f"ICC needs at least {MIN_ICC_SESSIONS} double-coded sessions "
                              f"(have {n})")
        else:
            m = icc_2_1(source[:, cols, code])
            if m.value is not None:
                ci, ci_reason = icc_2_1_ci(source[:, cols, code])
        put(d, name, m, icc_band)
        d[f"{name}_ci"] = ci
        if ci is None:
            d[f"{name}_ci_reason"] = ci_reason if m.value is not None else f"{name} is undefined"


def per_coder(values: FloatArray, coders: list[str], integer: bool) -> dict[str, float | int]:
    return {c: (round(float(v)) if integer else round(float(v), 3))
            for c, v in zip(coders, values, strict=True)}
