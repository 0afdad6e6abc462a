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


def session_stats(
    units: Units,
    alpha_units: Units,
    variables: list[Variable],
    pairs: list[tuple[int, int]],
) -> list[VarStats]:
    m = units.cover.shape[0]
    w = units.weights
    out: list[VarStats] = []
    for var in variables:
        size = var.size
        lab = unit_labels(units, var)
        alab = unit_labels(alpha_units, var)
        pair = np.stack([contingency(lab[i], lab[j], w, size) for i, j in pairs])
        ones = alpha_units.weights
        apair = np.stack([contingency(alab[i], alab[j], ones, size) for i, j in pairs])
        counts = label_counts(lab, size)
        acounts = label_counts(alab, size)
        coinc = (acounts.T @ acounts - np.diag(acounts.sum(axis=0))) / (m - 1)
        out.append(
            VarStats(
                pair=pair,
                alpha_pair=apair,
                fleiss_w=float(w.sum()),
                fleiss_s1=w @ counts,
                fleiss_s2=float(w @ np.sum(counts * counts, axis=1)),
                coincidence=coinc,
            )
        )
    return out
