"""What to draw for one lane at a given scale, worked out with numpy (no Qt).

Pixel column ``c`` of a strip starting at time ``origin`` covers the times
``[origin + c * ms_per_px, origin + (c + 1) * ms_per_px)``. A duration segment covers
the columns from ``floor(x_start)`` to ``ceil(x_end) - 1``, and always at least one, so
a sub-pixel segment stays visible.

Segments narrower than ``min_px`` are merged: their columns are OR-ed into one
coverage mask, so a stretch of many sub-pixel segments becomes one run of covered
columns, painted as a single image whatever the number of segments. Wider segments
are drawn one by one (rounded, outlined) while there are at most ``detail_max`` of them
in the strip; beyond that they are rasterised too, with their edge columns marked so
neighbours stay distinguishable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

import numpy as np
import numpy.typing as npt

from .model import IntArray, LaneIndex, empty_int

BoolArray: TypeAlias = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Columns:
    """``fill``: covered columns; ``edge``: edge columns of rasterised wide segments;
    ``detail``: indices of wide segments to draw one by one; ``points``: indices of
    point segments, at most one per ``point_bin_px`` columns."""

    fill: BoolArray
    edge: BoolArray
    detail: IntArray
    points: IntArray


def pixel_spans(
    starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64], origin: float,
    ms_per_px: float,
) -> tuple[IntArray, IntArray]:
    """First and one-past-last covered column of each duration segment (unclipped)."""
    x0 = np.floor((starts - origin) / ms_per_px).astype(np.int64)
    x1 = np.ceil((ends - origin) / ms_per_px).astype(np.int64)
    return x0, np.maximum(x1, x0 + 1)


def coverage(x0: IntArray, x1: IntArray, width: int) -> BoolArray:
    """Columns in ``[0, width)`` covered by any ``[x0[i], x1[i])``."""
    if not len(x0):
        return np.zeros(width, dtype=bool)
    a = np.clip(x0, 0, width)
    b = np.clip(x1, 0, width)
    diff = np.bincount(a, minlength=width + 1) - np.bincount(b, minlength=width + 1)
    return np.cumsum(diff[:width]) > 0


def lane_columns(
    index: LaneIndex,
    origin: float,
    ms_per_px: float,
    width: int,
    *,
    min_px: float = 3.0,
    detail_max: int = 48,
    point_bin_px: float = 3.0,
    mask: BoolArray | None = None,
) -> Columns:
    """Split the segments visible in the strip into merged columns and detailed items.

    ``mask`` (over all segments of the lane) restricts the result, e.g. to one diff
    status.
    """
    idx = index.visible(origin, origin + width * ms_per_px)
    if mask is not None and len(idx):
        idx = idx[mask[idx]]
    pts = idx[index.is_point[idx]]
    dur = idx[~index.is_point[idx]]
    x0, x1 = pixel_spans(index.starts[dur], index.ends[dur], origin, ms_per_px)
    wide = (index.ends[dur] - index.starts[dur]) / ms_per_px >= min_px
    fill = coverage(x0[~wide], x1[~wide], width)
    edge = np.zeros(width, dtype=bool)
    detail = dur[wide]
    if len(detail) > detail_max:
        fill |= coverage(x0[wide], x1[wide], width)
        for cols in (x0[wide], x1[wide] - 1):
            cols = cols[(cols >= 0) & (cols < width)]
            edge[cols] = True
        detail = empty_int()
    if len(pts):
        bins = np.floor((index.starts[pts] - origin) / (ms_per_px * point_bin_px))
        _, first = np.unique(bins, return_index=True)
        pts = pts[np.sort(first)]
    return Columns(fill, edge, detail.astype(np.int64), pts.astype(np.int64))
