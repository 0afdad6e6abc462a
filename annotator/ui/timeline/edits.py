"""Arithmetic of moving, resizing and nudging a segment (no Qt).

``snap(t)`` maps a time to the nearest frame time (identity when there is no media);
``step_frame(t, direction)`` gives the previous (-1) or next (+1) frame time. ``limit``
is the session duration, or ``None`` when it is not known.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

Snap = Callable[[int], int]
StepFrame = Callable[[int, int], int]
Edge = Literal["start", "end"]


def identity_snap(t: int) -> int:
    return t


def millisecond_step(t: int, direction: int) -> int:
    return t + (1 if direction > 0 else -1)


def _clamp(t: float, lo: float, hi: float | None) -> float:
    t = max(t, lo)
    return min(t, hi) if hi is not None else t


def _min_end(start: int, step_frame: StepFrame) -> int:
    nxt = step_frame(start, 1)
    return nxt if nxt > start else start + 1


def _max_start(end: int, step_frame: StepFrame) -> int:
    prev = step_frame(end, -1)
    return prev if prev < end else end - 1


def moved(start: int, end: int, delta: float, snap: Snap, limit: int | None) -> tuple[int, int]:
    """Both edges shifted by the same delta, chosen so the new start is a frame time and
    the segment stays within ``[0, limit]``."""
    length = end - start
    hi = None if limit is None else max(0, limit - length)
    target = _clamp(start + delta, 0, hi)
    new_start = snap(round(target))
    if new_start < 0 or (hi is not None and new_start > hi):
        new_start = round(target)
    return new_start, new_start + length


def resized(
    start: int,
    end: int,
    edge: Edge,
    target: float,
    snap: Snap,
    step_frame: StepFrame,
    limit: int | None,
) -> tuple[int, int]:
    """One edge moved to the frame time nearest ``target``. It never reaches or crosses
    the other edge: the closest it gets is one frame (``step_frame``) away."""
    t = snap(round(_clamp(target, 0, limit)))
    if edge == "end":
        new_end = max(t, _min_end(start, step_frame))
        if limit is not None and new_end > limit:
            new_end = max(limit, start + 1)
        return start, new_end
    new_start = min(t, _max_start(end, step_frame))
    return max(0, min(new_start, end - 1)), end


def nudged(
    start: int, end: int, edge: Edge, direction: int, step_frame: StepFrame, limit: int | None
) -> tuple[int, int] | None:
    """One edge moved to the previous/next frame time, or ``None`` if that would cross
    the other edge or leave ``[0, limit]``."""
    if edge == "end":
        new_end = step_frame(end, direction)
        if new_end <= start or (limit is not None and new_end > limit):
            return None
        return start, new_end
    new_start = step_frame(start, direction)
    if new_start >= end or new_start < 0:
        return None
    return new_start, end
