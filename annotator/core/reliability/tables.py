"""Per-session agreement tables for each analysed variable.

A *variable* is either one state code (binary: the code vs. not the code) or one exclusive
category (its state codes plus ``∅``, no code of the category). Every statistic kept here is
additive over sessions, so pooled tables are sums and bootstrap resamples are weighted sums.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from .inputs import CodeMeta
from .timeline import Units

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]

EMPTY = "∅"


@dataclass(frozen=True, slots=True)
class Variable:
    kind: Literal["code", "category"]
    id: str
    category: int
    labels: tuple[str, ...]
    columns: IntArray  # code indices (codebook order) that the labels stand for

    @property
    def size(self) -> int:
        return len(self.labels)


def variables_of(meta: CodeMeta) -> list[Variable]:
    out: list[Variable] = []
    for ci, cat in enumerate(meta.codebook.categories):
        states = meta.category_codes(ci, kind="state")
        for c in states:
            cid = meta.ids[int(c)]
            out.append(Variable("code", cid, ci, (cid, f"not {cid}"), np.array([c])))
        if cat.exclusive and states.size:
            labels = (*(meta.ids[int(c)] for c in states), EMPTY)
            out.append(Variable("category", cat.id, ci, labels, states))
    return out


def unit_labels(units: Units, var: Variable) -> IntArray:
    """Each coder's label index per unit, shape (coders, units)."""
    if var.kind == "code":
        return np.where(units.cover[:, :, int(var.columns[0])], 0, 1).astype(np.int64)
    sub = units.cover[:, :, var.columns]
    return np.where(sub.any(axis=-1), sub.argmax(axis=-1), var.size - 1).astype(np.int64)


def contingency(la: IntArray, lb: IntArray, weights: FloatArray, size: int) -> FloatArray:
    """Rows: coder a's labels, columns: coder b's, cells: summed unit weights."""
    flat = np.bincount(la * size + lb, weights=weights, minlength=size * size)
    return flat.reshape(size, size).astype(np.float64)


def label_counts(labels: IntArray, size: int) -> FloatArray:
    """Units x labels matrix of how many coders gave each label."""
    n_units = labels.shape[1]
    flat = (np.arange(n_units)[None, :] * size + labels).ravel()
    return np.bincount(flat, minlength=n_units * size).reshape(n_units, size).astype(np.float64)


@dataclass(frozen=True, slots=True)
class VarStats:
    """One variable in one session."""

    pair: FloatArray  # (pairs, L, L) contingency on the duration units
    alpha_pair: FloatArray  # (pairs, L, L) contingency on the alpha slices
    fleiss_w: float  # all coders, duration units
    fleiss_s1: FloatArray  # (L,)
    fleiss_s2: float
    coincidence: FloatArray  # (L, L) all coders, alpha slices


def _binary_pair_tables(
    cover: BoolArray, cols: IntArray, w: FloatArray, pairs: list[tuple[int, int]]
) -> FloatArray:
    """(pairs, codes, 2, 2) code vs. not-code tables for many codes at once."""
    x = cover[:, :, cols].astype(np.float64)
    on = np.tensordot(x, w, axes=([1], [0]))
    total = float(w.sum())
    out = np.empty((len(pairs), cols.size, 2, 2))
    for p, (i, j) in enumerate(pairs):
        both = (x[i] * x[j]).T @ w
        out[p, :, 0, 0] = both
        out[p, :, 0, 1] = on[i] - both
        out[p, :, 1, 0] = on[j] - both
        out[p, :, 1, 1] = total - on[i] - on[j] + both
    return out


def _binary_multi(
    cover: BoolArray, cols: IntArray, w: FloatArray, a_cover: BoolArray
) -> tuple[FloatArray, FloatArray]:
    """Fleiss statistics (codes, 4) and coincidence matrices (codes, 2, 2) for many codes."""
    m = cover.shape[0]
    n1 = cover[:, :, cols].sum(axis=0).astype(np.float64)
    n0 = m - n1
    fl = np.column_stack([np.full(cols.size, w.sum()), w @ n1, w @ n0,
                          w @ (n1 * n1 + n0 * n0)])
    a1 = a_cover[:, :, cols].sum(axis=0).astype(np.float64)
    a0 = m - a1
    co = np.empty((cols.size, 2, 2))
    co[:, 0, 0] = np.sum(a1 * a1 - a1, axis=0)
    co[:, 1, 1] = np.sum(a0 * a0 - a0, axis=0)
    co[:, 0, 1] = co[:, 1, 0] = np.sum(a1 * a0, axis=0)
    return fl, co / (m - 1)


def session_stats(
    units: Units,
    alpha_units: Units,
    variables: list[Variable],
    pairs: list[tuple[int, int]],
) -> list[VarStats]:
    """Per-variable statistics of one session; all-coder statistics only for 3+ coders."""
    m = units.cover.shape[0]
    multi = m >= 3
    w = units.weights
    ones = alpha_units.weights
    code_vars = [k for k, v in enumerate(variables) if v.kind == "code"]
    out: dict[int, VarStats] = {}
    if code_vars:
        cols = np.array([int(variables[k].columns[0]) for k in code_vars], dtype=np.int64)
        pair = _binary_pair_tables(units.cover, cols, w, pairs)
        apair = _binary_pair_tables(alpha_units.cover, cols, ones, pairs)
        if multi:
            fl, co = _binary_multi(units.cover, cols, w, alpha_units.cover)
        else:
            fl, co = np.zeros((cols.size, 4)), np.zeros((cols.size, 2, 2))
        for n, k in enumerate(code_vars):
            out[k] = VarStats(pair[:, n], apair[:, n], float(fl[n, 0]), fl[n, 1:3],
                              float(fl[n, 3]), co[n])
    for k, var in enumerate(variables):
        if var.kind == "code":
            continue
        size = var.size
        lab = unit_labels(units, var)
        alab = unit_labels(alpha_units, var)
        pair = np.stack([contingency(lab[i], lab[j], w, size) for i, j in pairs])
        apair = np.stack([contingency(alab[i], alab[j], ones, size) for i, j in pairs])
        if multi:
            counts = label_counts(lab, size)
            acounts = label_counts(alab, size)
            coinc = (acounts.T @ acounts - np.diag(acounts.sum(axis=0))) / (m - 1)
            s1, s2 = w @ counts, float(w @ np.sum(counts * counts, axis=1))
        else:
            coinc, s1, s2 = np.zeros((size, size)), np.zeros(size), 0.0
        out[k] = VarStats(pair, apair, float(w.sum()), s1, s2, coinc)
    return [out[k] for k in range(len(variables))]
