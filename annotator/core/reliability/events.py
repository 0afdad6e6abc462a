"""Event (segment) linking between two coders, after Holle & Rein (2015, EasyDIAg).

Within one category, a segment of coder A and one of coder B are *linkable* when
- both are state codes and they overlap by at least 60% of the longer of the two, or
- both are point codes and they lie within ``tolerance_ms`` of each other.
A state segment never links with a point. Links are one-to-one, chosen greedily: links between
the same code first, then larger overlap (points: smaller distance), then earlier segments.
Linked pairs and unlinked segments fill an event confusion matrix over the category's codes plus
``∅`` (a segment the other coder has no linked segment for); ``∅`` vs ``∅`` is always 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]

OVERLAP_NUM, OVERLAP_DEN = 3, 5  # 60 %


@dataclass(frozen=True, slots=True)
class Events:
    """One coder's segments of one category: local code index, start and end in ms."""

    code: IntArray
    start: IntArray
    end: IntArray
    point: BoolArray

    def __len__(self) -> int:
        return int(self.code.size)


def _expand(lo: IntArray, hi: IntArray) -> tuple[IntArray, IntArray]:
    """All (i, p) with lo[i] <= p < hi[i]."""
    counts = np.maximum(hi - lo, 0)
    total = int(counts.sum())
    rows = np.repeat(np.arange(lo.size, dtype=np.int64), counts)
    first = np.cumsum(counts) - counts
    pos = np.arange(total, dtype=np.int64) - np.repeat(first - lo, counts)
    return rows, pos


def _state_candidates(a: Events, b: Events) -> tuple[IntArray, IntArray, FloatArray]:
    ai = np.flatnonzero(~a.point)
    bi = np.flatnonzero(~b.point)
    if ai.size == 0 or bi.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    order = bi[np.argsort(b.start[bi], kind="stable")]
    bs = b.start[order]
    a_len = a.end[ai] - a.start[ai]
    # a link needs overlap >= 60% of both lengths, so B starts within 2/3 of |A| before A
    lo = np.searchsorted(bs, a.start[ai] - a_len, side="left")
    hi = np.searchsorted(bs, a.end[ai], side="left")
    rows, pos = _expand(lo, hi)
    ia, ib = ai[rows], order[pos]
    ov = np.minimum(a.end[ia], b.end[ib]) - np.maximum(a.start[ia], b.start[ib])
    longer = np.maximum(a.end[ia] - a.start[ia], b.end[ib] - b.start[ib])
    ok = (ov > 0) & (OVERLAP_DEN * ov >= OVERLAP_NUM * longer)
    score = -(ov[ok] / longer[ok])
    return ia[ok], ib[ok], score


def _point_candidates(a: Events, b: Events, tol: int) -> tuple[IntArray, IntArray, FloatArray]:
    ai = np.flatnonzero(a.point)
    bi = np.flatnonzero(b.point)
    if ai.size == 0 or bi.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    order = bi[np.argsort(b.start[bi], kind="stable")]
    bt = b.start[order]
    lo = np.searchsorted(bt, a.start[ai] - tol, side="left")
    hi = np.searchsorted(bt, a.start[ai] + tol, side="right")
    rows, pos = _expand(lo, hi)
    ia, ib = ai[rows], order[pos]
    return ia, ib, np.abs(a.start[ia] - b.start[ib]).astype(np.float64)


def link(a: Events, b: Events, tolerance_ms: int) -> tuple[IntArray, IntArray]:
    """One-to-one links as index arrays into ``a`` and ``b``, sorted by A's index."""
    sa, sb, ss = _state_candidates(a, b)
    pa, pb, ps = _point_candidates(a, b, tolerance_ms)
    ia = np.concatenate([sa, pa])
    ib = np.concatenate([sb, pb])
    score = np.concatenate([ss, ps])
    if ia.size == 0:
        return ia, ib
    different = (a.code[ia] != b.code[ib]).astype(np.int64)
    order = np.lexsort((ib, ia, a.start[ia], score, different))
    ia, ib = ia[order], ib[order]
    deg_a = np.bincount(ia, minlength=len(a))
    deg_b = np.bincount(ib, minlength=len(b))
    free = (deg_a[ia] == 1) & (deg_b[ib] == 1)
    take = free.copy()
    used_a = np.zeros(len(a), dtype=bool)
    used_b = np.zeros(len(b), dtype=bool)
    for k in np.flatnonzero(~free).tolist():
        i, j = int(ia[k]), int(ib[k])
        if not used_a[i] and not used_b[j]:
            used_a[i] = used_b[j] = True
            take[k] = True
    ia, ib = ia[take], ib[take]
    srt = np.argsort(ia, kind="stable")
    return ia[srt], ib[srt]


def event_confusion(a: Events, b: Events, n_codes: int, tolerance_ms: int) -> FloatArray:
    """(K+1) x (K+1) counts: linked pairs by code, unlinked segments against ∅ (index K)."""
    ia, ib = link(a, b, tolerance_ms)
    size = n_codes + 1
    conf = np.bincount(a.code[ia] * size + b.code[ib], minlength=size * size).astype(np.float64)
    conf = conf.reshape(size, size)
    un_a = np.ones(len(a), dtype=bool)
    un_a[ia] = False
    un_b = np.ones(len(b), dtype=bool)
    un_b[ib] = False
    conf[:n_codes, n_codes] += np.bincount(a.code[un_a], minlength=n_codes)
    conf[n_codes, :n_codes] += np.bincount(b.code[un_b], minlength=n_codes)
    return conf
