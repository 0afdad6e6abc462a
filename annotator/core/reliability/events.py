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
    ia, ib = _greedy(ia[order], ib[order], len(a), len(b))
    srt = np.argsort(ia, kind="stable")
    return ia[srt], ib[srt]


def _greedy(ia: IntArray, ib: IntArray, n_a: int, n_b: int) -> tuple[IntArray, IntArray]:
    """Greedy one-to-one matching of candidates listed best first.

    Equivalent to walking the list and taking each candidate whose two segments are both still
    free, but done in rounds: a candidate that comes first among the remaining candidates of
    both its segments is taken by the walk, so each round takes all of those at once and drops
    the candidates that share a segment with them.
    """
    taken_a: list[IntArray] = []
    taken_b: list[IntArray] = []
    rank = np.arange(ia.size)
    while ia.size:
        best_a = np.full(n_a, ia.size, dtype=np.int64)
        best_b = np.full(n_b, ia.size, dtype=np.int64)
        np.minimum.at(best_a, ia, rank)
        np.minimum.at(best_b, ib, rank)
        win = (best_a[ia] == rank) & (best_b[ib] == rank)
        taken_a.append(ia[win])
        taken_b.append(ib[win])
        used_a = np.zeros(n_a, dtype=bool)
        used_b = np.zeros(n_b, dtype=bool)
        used_a[ia[win]] = True
        used_b[ib[win]] = True
        keep = ~(used_a[ia] | used_b[ib])
        ia, ib = ia[keep], ib[keep]
        rank = np.arange(ia.size)
    if not taken_a:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    return np.concatenate(taken_a), np.concatenate(taken_b)


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
