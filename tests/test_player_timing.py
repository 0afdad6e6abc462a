"""FrameTimes: the player's time <-> frame lookups (docs/design.md §3 time rules)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.ui.player.timing import FrameTimes


def _brute_index_at(pts: list[int], ms: int) -> int:
    shown = [i for i, t in enumerate(pts) if t <= ms]
    return shown[-1] if shown else 0


pts_lists = st.lists(st.integers(0, 10_000), min_size=1, max_size=40).map(sorted)


@settings(max_examples=60, deadline=None)
@given(pts=pts_lists, ms=st.integers(-100, 11_000))
def test_index_at_is_last_frame_not_after(pts: list[int], ms: int) -> None:
    times = FrameTimes(pts, pts[-1] + 40)
    assert times.index_at(ms) == _brute_index_at(pts, ms)


@settings(max_examples=60, deadline=None)
@given(pts=pts_lists, ms=st.integers(-100, 11_000))
def test_snap_is_nearest_frame_time(pts: list[int], ms: int) -> None:
    times = FrameTimes(pts, pts[-1] + 40)
    snapped = times.snap(ms)
    assert snapped in pts
    assert abs(snapped - ms) == min(abs(t - ms) for t in pts)


@settings(max_examples=60, deadline=None)
@given(pts=pts_lists, ms=st.integers(0, 11_000), direction=st.sampled_from([-1, 1]))
def test_step_time_moves_one_frame_from_the_shown_one(
    pts: list[int], ms: int, direction: int
) -> None:
    times = FrameTimes(pts, pts[-1] + 40)
    k = _brute_index_at(pts, ms)
    expected = pts[min(max(k + direction, 0), len(pts) - 1)]
    assert times.step_time(ms, direction) == expected


def test_irregular_frame_times_are_used_as_they_are() -> None:
    # variable frame rate: steps follow the stream, not 1000/fps
    times = FrameTimes(np.array([0, 33, 67, 100, 140, 200]), 240)
    assert times.step_time(67, 1) == 100
    assert times.step_time(100, 1) == 140
    assert times.step_time(150, -1) == 100
    assert times.index_at(199) == 4
    assert times.clamp_ms(500) == 240
    assert times.clamp_ms(-5) == 0
    assert times.time(99) == 200


def test_rejects_empty_and_unsorted_times() -> None:
    with pytest.raises(ValueError, match="at least one frame"):
        FrameTimes([], 0)
    with pytest.raises(ValueError, match="ascending"):
        FrameTimes([0, 40, 20], 100)
