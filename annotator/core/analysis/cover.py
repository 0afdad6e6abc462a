"""One sweep over every unit's timeline: which codes are on in each elementary interval.

From it come the time each code covers per unit (overlapping segments of one code counted
once), the time any code of a category covers, the time any code at all covers, and the
pooled overlap of every pair of codes. Point codes cover no time and are left out.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from annotator.core.analysis.data import AnalysisData

FloatArray = npt.NDArray[np.float64]

#: Events per chunk of the sweep (bounds the memory of the dense on/off matrix).
CHUNK_EVENTS = 400_000


@dataclass(frozen=True)
class Coverage:
    """Milliseconds: ``code`` is units x codes, ``category`` units x categories, ``any``
    per unit, ``overlap`` codes x codes pooled over all units (its diagonal is each code's
    covered time)."""

    code: FloatArray
    category: FloatArray
    any: FloatArray
    overlap: FloatArray


def coverage(data: AnalysisData) -> Coverage:
    n_u, n_k, n_c = data.n_units, data.n_codes, len(data.categories)
    code_cov = np.zeros((n_u, n_k))
    cat_cov = np.zeros((n_u, n_c))
    any_cov = np.zeros(n_u)
    overlap = np.zeros((n_k, n_k))
    keep = data.seg_end > data.seg_start
    unit = data.seg_unit[keep]
    if unit.size == 0 or n_k == 0:
        return Coverage(code_cov, cat_cov, any_cov, overlap)
    start, end, code = data.seg_start[keep], data.seg_end[keep], data.seg_code[keep]
    cat_index = {c.id: i for i, c in enumerate(data.categories)}
    code_cat = np.array([cat_index.get(c.category, -1) for c in data.codes], dtype=np.int64)
    cat_members = [np.flatnonzero(code_cat == i) for i in range(n_c)]
    # Chunks of whole units, so no interval crosses a chunk.
    order = np.argsort(unit, kind="stable")
    unit, start, end, code = unit[order], start[order], end[order], code[order]
    bounds = np.flatnonzero(np.diff(unit)) + 1
    cuts = [0]
    for b in bounds:
        if b - cuts[-1] >= CHUNK_EVENTS // 2:
            cuts.append(int(b))
    cuts.append(unit.size)
    span = int(max(int(end.max()), 0)) + 1
    for lo, hi in itertools.pairwise(cuts):
        u, s, e, k = unit[lo:hi], start[lo:hi], end[lo:hi], code[lo:hi]
        base = u * span
        pos = np.concatenate([s + base, e + base])
        kk = np.concatenate([k, k])
        delta = np.concatenate([np.ones(s.size, np.int32), -np.ones(s.size, np.int32)])
        o = np.argsort(pos, kind="stable")
        pos, kk, delta = pos[o], kk[o], delta[o]
        m = pos.size
        on = np.zeros((m, n_k), dtype=np.int32)
        on[np.arange(m), kk] = delta
        np.cumsum(on, axis=0, out=on)
        active = on > 0
        del on
        length = np.zeros(m)
        length[:-1] = np.diff(pos)
        # Positions are unit-major, so each unit is one run of rows: sum the runs at once.
        iu = pos // span
        starts = np.flatnonzero(np.r_[True, iu[1:] != iu[:-1]])
        units_here = iu[starts]
        weighted = active * length[:, None]
        code_cov[units_here] += np.add.reduceat(weighted, starts, axis=0)
        for ci, members in enumerate(cat_members):
            if members.size:
                hit = active[:, members].any(axis=1) * length
                cat_cov[units_here, ci] += np.add.reduceat(hit, starts)
        any_cov[units_here] += np.add.reduceat(active.any(axis=1) * length, starts)
        overlap += weighted.T @ active.astype(np.float64)
    return Coverage(code_cov, cat_cov, any_cov, overlap)
