"""A session's timeline as elementary intervals, and the units measures are computed on.

All coders' segment boundaries (plus 0 and the session duration) cut the session into
elementary intervals; inside one, every coder's set of active codes is constant. ``cover``
says, per coder, interval and code, whether the code is active. Exact-duration tables weight
each interval by its length in ms; sliced tables sample the coders' state at each slice's
midpoint (see :func:`slice_units`). Point codes never cover any time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .inputs import PreparedSession

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Timeline:
    bounds: IntArray  # (n + 1,) sorted unique breakpoints from 0 to the duration
    cover: BoolArray  # (coders, n, codes)

    @property
    def widths(self) -> IntArray:
        return np.diff(self.bounds)


@dataclass(frozen=True, slots=True)
class Units:
    """What a table counts: per coder, unit and code whether the code is on; and unit weights."""

    cover: BoolArray  # (coders, units, codes)
    weights: FloatArray  # (units,) ms for exact durations, 1 per slice


def build_timeline(session: PreparedSession, n_codes: int) -> Timeline:
    duration = session.duration_ms
    parts = [np.array([0, duration], dtype=np.int64)]
    for sp in session.coders:
        st = sp.is_state
        parts += [sp.start[st], sp.end[st]]
    bounds = np.unique(np.concatenate(parts))
    n = bounds.size - 1
    cover = np.zeros((len(session.coders), n, n_codes), dtype=bool)
    for k, sp in enumerate(session.coders):
        st = sp.is_state
        code = sp.code[st]
        si = np.searchsorted(bounds, sp.start[st])
        ei = np.searchsorted(bounds, sp.end[st])
        size = (n + 1) * n_codes
        delta = np.bincount(si * n_codes + code, minlength=size) - np.bincount(
            ei * n_codes + code, minlength=size
        )
        depth = np.cumsum(delta.reshape(n + 1, n_codes), axis=0)[:n]
        cover[k] = depth > 0
    return Timeline(bounds, cover)


def exact_units(tl: Timeline) -> Units:
    return Units(tl.cover, tl.widths.astype(np.float64))


def slice_midpoints(duration_ms: int, resolution_ms: int) -> IntArray:
    """Midpoints of the slices [k*N, min((k+1)*N, duration)); the last slice may be shorter."""
    starts = np.arange(0, duration_ms, resolution_ms, dtype=np.int64)
    ends = np.minimum(starts + resolution_ms, duration_ms)
    mids: IntArray = (starts + ends) // 2
    return mids


def state_at(tl: Timeline, times: IntArray) -> BoolArray:
    """Each coder's active codes at the given instants, shape (coders, len(times), codes)."""
    idx = np.searchsorted(tl.bounds, times, side="right") - 1
    idx = np.clip(idx, 0, tl.cover.shape[1] - 1)
    return tl.cover[:, idx, :]


def slice_units(tl: Timeline, duration_ms: int, resolution_ms: int) -> Units:
    """Slices of ``resolution_ms``; a slice has a code iff the coder codes it at its midpoint."""
    mids = slice_midpoints(duration_ms, resolution_ms)
    return Units(state_at(tl, mids), np.ones(mids.size))
