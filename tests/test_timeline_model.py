"""The timeline's plain-Python parts: lane index, hit-testing, runs, layout, scale, edits."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.codebook import Category, Code, Codebook
from annotator.core.segments import SegmentView
from annotator.ui.timeline.edits import moved, nudged, resized
from annotator.ui.timeline.labels import format_duration, segment_tooltip
from annotator.ui.timeline.layout import RowLayout
from annotator.ui.timeline.model import Lane, LaneIndex, TimelineModel
from annotator.ui.timeline.raster import lane_columns
from annotator.ui.timeline.scale import MIN_SPAN_MS, TimeScale, choose_ticks, format_ruler

spans = st.lists(
    st.tuples(st.integers(0, 5_000), st.integers(0, 600)).map(
        lambda p: (p[0], p[0] + (0 if p[1] < 60 else p[1]))  # ~10% points
    ),
    max_size=40,
)


def _index(pairs: list[tuple[int, int]]) -> LaneIndex:
    return LaneIndex([SegmentView(f"s{i}", "A", "c", s, e) for i, (s, e) in enumerate(pairs)])


def _brute_hit(idx: LaneIndex, t: float, tol: float) -> tuple[int, str] | None:
    best: tuple[float, int] | None = None
    for i in range(len(idx)):
        s, e = float(idx.starts[i]), float(idx.ends[i])
        if not (s - tol <= t <= e + tol):
            continue
        d = s - t if t < s else (t - e if t > e else 0.0)
        if best is None or d <= best[0]:
            best = (d, i)
    if best is None:
        return None
    i = best[1]
    s, e = float(idx.starts[i]), float(idx.ends[i])
    if s == e:
        part = "body"
    elif t < s or t - s < min(tol, (e - s) / 4):
        part = "start"
    elif t > e or e - t < min(tol, (e - s) / 4):
        part = "end"
    else:
        part = "body"
    return i, part


@settings(max_examples=150, deadline=None)
@given(spans, st.integers(-100, 5_800), st.integers(0, 1_000))
def test_visible_equals_linear_scan(pairs: list[tuple[int, int]], t0: int, width: int) -> None:
    idx = _index(pairs)
    t1 = t0 + width
    expected = [i for i in range(len(idx)) if idx.starts[i] <= t1 and idx.ends[i] >= t0]
    assert idx.visible(t0, t1).tolist() == expected


@settings(max_examples=200, deadline=None)
@given(spans, st.floats(-100, 5_800, allow_nan=False), st.floats(0, 50, allow_nan=False))
def test_hit_equals_linear_scan(pairs: list[tuple[int, int]], t: float, tol: float) -> None:
    idx = _index(pairs)
    hit = idx.hit(t, tol)
    got = None if hit is None else (hit.index, hit.part)
    assert got == _brute_hit(idx, t, tol)


def _brute_columns(
    idx: LaneIndex, origin: float, mspp: float, width: int, items: list[int]
) -> np.ndarray:
    cols = np.zeros(width, dtype=bool)
    for i in items:
        x0 = int(np.floor((idx.starts[i] - origin) / mspp))
        x1 = max(x0 + 1, int(np.ceil((idx.ends[i] - origin) / mspp)))
        for c in range(max(0, x0), min(width, x1)):
            cols[c] = True
    return cols


@settings(max_examples=150, deadline=None)
@given(spans, st.floats(0.5, 40, allow_nan=False), st.integers(0, 60),
       st.floats(-500, 3_000, allow_nan=False))
def test_lane_columns_match_brute_force(
    pairs: list[tuple[int, int]], mspp: float, detail_max: int, origin: float
) -> None:
    idx = _index(pairs)
    width = 200
    cols = lane_columns(idx, origin, mspp, width, min_px=3, detail_max=detail_max)
    t1 = origin + width * mspp
    visible = [i for i in range(len(idx)) if idx.starts[i] <= t1 and idx.ends[i] >= origin]
    durations = [i for i in visible if idx.starts[i] != idx.ends[i]]
    wide = [i for i in durations if (idx.ends[i] - idx.starts[i]) / mspp >= 3]
    narrow = [i for i in durations if i not in wide]
    if len(wide) <= detail_max:
        assert cols.detail.tolist() == wide
        assert (cols.fill == _brute_columns(idx, origin, mspp, width, narrow)).all()
        assert not cols.edge.any()
    else:  # too many to draw one by one: rasterised with their edges marked
        assert len(cols.detail) == 0
        assert (cols.fill == _brute_columns(idx, origin, mspp, width, durations)).all()
        assert (cols.edge <= cols.fill).all()
    points = [i for i in visible if idx.starts[i] == idx.ends[i]]
    bins = {int(np.floor((idx.starts[i] - origin) / (mspp * 3))) for i in points}
    assert len(cols.points) == len(bins)
    assert set(cols.points.tolist()) <= set(points)


def test_dense_lane_merges_into_one_run() -> None:
    # 10,000 segments of 50 ms every 60 ms: at 600 ms/px each is 0.08 px wide
    pairs = [(i * 60, i * 60 + 50) for i in range(10_000)]
    idx = _index(pairs)
    cols = lane_columns(idx, 0, 600.0, 1000)
    covered = np.flatnonzero(cols.fill)
    assert covered.tolist() == list(range(0, 1000))
    assert len(cols.detail) == 0 and not cols.edge.any()
    # sparse sub-pixel segments stay visible as single columns, not merged
    sparse = _index([(0, 10), (60_000, 60_010)])
    cols = lane_columns(sparse, 0, 600.0, 1000)
    assert np.flatnonzero(cols.fill).tolist() == [0, 100]


def test_overlapping_long_segment_found_after_many_short_ones() -> None:
    # sorted by start, a long early segment must still be found late in time
    pairs = [(0, 10_000)] + [(100 + 10 * i, 105 + 10 * i) for i in range(500)]
    idx = _index(pairs)
    assert 0 in idx.visible(9_000, 9_500).tolist()
    hit = idx.hit(9_000, 1)
    assert hit is not None and idx.segments[hit.index].id == "s0"


def _codebook() -> Codebook:
    a = Code("a", "cat1", {"en": "Alpha"}, "1", "#ff0000")
    b = Code("b", "cat1", {"en": "Beta", "nb": "Beta nb"}, "2", "#00ff00", kind="point")
    c = Code("c", "cat2", {"en": "Gamma"}, None, "#0000ff")
    return Codebook("cb", "1", ("en",), (
        Category("cat1", {"en": "First"}, False, (a, b)),
        Category("cat2", {"en": "Second"}, True, (c,)),
    ))


def test_lanes_from_codebook() -> None:
    lanes = Lane.from_codebook(_codebook())
    assert [(ln.id, ln.title, ln.group, ln.kind, ln.key) for ln in lanes] == [
        ("a", "Alpha", "First", "state", "1"),
        ("b", "Beta", "First", "point", "2"),
        ("c", "Gamma", "Second", "state", None),
    ]
    assert Lane.from_codebook(_codebook(), "nb")[1].title == "Beta nb"


def test_model_groups_lanes_and_places_segments() -> None:
    m = TimelineModel()
    m.set_lanes([Lane("x", "X", "G1"), Lane("y", "Y", "G2"), Lane("z", "Z", "G1")])
    assert [ln.id for ln in m.lanes] == ["x", "z", "y"]
    assert [g for g, _ in m.groups] == ["G1", "G2"]
    with pytest.raises(ValueError, match="duplicate"):
        m.set_lanes([Lane("x", "X"), Lane("x", "X2")])
    segs = [SegmentView("1", "A", "x", 500, 900), SegmentView("2", "A", "z", 100, 200)]
    m.set_segments([("y", segs[0]), segs[1]], status={"1": "agree"})
    assert m.lane_of("1") == "y" and m.lane_of("2") == "z"
    assert m.status_of("1") == "agree" and m.status_of("2") is None
    m.upsert("x", SegmentView("3", "A", "x", 50, 60))
    m.upsert("x", SegmentView("1", "A", "x", 10, 20))  # moved to another lane
    assert len(m.index("y")) == 0
    assert [s.id for s in m.index("x").segments] == ["1", "3"]
    m.remove(["1", "nope"])
    assert "1" not in m and len(m) == 2
    assert m.extent_ms() == 200


def test_row_layout_fits_or_overflows() -> None:
    groups = [("G1", [Lane(str(i), "t") for i in range(5)]), ("", [Lane("u", "t")])]
    lay = RowLayout(groups, 18 + 6 * 25)
    assert lay.lane_height == 25
    assert [r.kind for r in lay.rows] == ["group"] + ["lane"] * 6
    assert lay.content_height == 18 + 6 * 25
    row = lay.row_at(18 + 25 * 2 + 3)
    assert row is not None and row.lane is not None and row.lane.id == "2"
    assert lay.row_at(-1) is None and lay.row_at(lay.content_height) is None
    tight = RowLayout(groups, 50)
    assert tight.lane_height == 18 and tight.content_height > 50
    assert [r.y for r in tight.rows_between(18, 19 + 18)] == [18, 36]


def test_time_scale_zoom_keeps_anchor_and_clamps() -> None:
    sc = TimeScale(600_000, 1000)
    sc.set_range(100_000, 200_000)
    x = sc.x_for_time(150_000)
    sc.zoom_about(150_000, 0.5)
    assert sc.span == 50_000 and sc.x_for_time(150_000) == pytest.approx(x)
    sc.zoom_about(150_000, 1e-9)
    assert sc.span == MIN_SPAN_MS
    sc.zoom_about(0, 1e9)
    assert (sc.start, sc.span) == (0, 600_000)
    sc.set_range(590_000, 700_000)
    assert (sc.start, sc.end) == (490_000, 600_000)
    sc.set_start(-5)
    assert sc.start == 0


def test_ruler_ticks_adapt_to_zoom() -> None:
    coarse = choose_ticks(3_600_000 / 1000, 80)  # an hour on 1000 px
    fine = choose_ticks(2_000 / 1000, 80)  # two seconds on 1000 px
    assert coarse.major_ms >= 60_000 and coarse.decimals == 0
    assert fine.major_ms < 1000 and fine.decimals >= 1
    for ticks, mspp in ((coarse, 3600.0), (fine, 2.0)):
        assert ticks.major_ms / mspp >= 80
        assert ticks.major_ms % ticks.minor_ms == 0
    assert format_ruler(3_723_450, 0) == "01:02:03"
    assert format_ruler(3_723_450, 1) == "01:02:03.4"
    assert format_ruler(3_723_450, 2) == "01:02:03.45"


def grid40(t: int) -> int:
    return round(t / 40) * 40


def step40(t: int, d: int) -> int:
    return (t // 40 + 1) * 40 if d > 0 else ((t - 1) // 40) * 40


def test_edit_arithmetic() -> None:
    assert moved(400, 1000, 123, grid40, None) == (520, 1120)
    assert moved(400, 1000, -1000, grid40, None) == (0, 600)
    assert moved(400, 1000, 10_000, grid40, 2000) == (1400, 2000)
    assert resized(400, 1000, "end", 1234, grid40, step40, None) == (400, 1240)
    assert resized(400, 1000, "end", 10, grid40, step40, None) == (400, 440)
    assert resized(400, 1000, "start", 5000, grid40, step40, None) == (960, 1000)
    assert resized(400, 1000, "start", -50, grid40, step40, None) == (0, 1000)
    assert resized(400, 1000, "end", 9999, grid40, step40, 2000) == (400, 2000)
    assert nudged(400, 1000, "end", 1, step40, None) == (400, 1040)
    assert nudged(400, 1000, "start", -1, step40, None) == (360, 1000)
    assert nudged(400, 440, "end", -1, step40, None) is None
    assert nudged(0, 440, "start", -1, step40, None) is None
    assert nudged(400, 1000, "end", 1, step40, 1000) is None


def test_tooltip_text() -> None:
    lane = Lane("a", "Being responsive")
    text = segment_tooltip(lane, SegmentView("1", "AB", "a", 61_250, 125_000, "look"))
    assert text.splitlines() == [
        "Being responsive",
        "00:01:01.250 – 00:02:05.000",
        "Duration 1 min 03.750 s",
        "Coder AB",
        "Note: look",
    ]
    point = segment_tooltip(lane, SegmentView("2", "", "a", 5, 5), "only_one")
    assert point.splitlines() == ["Being responsive", "00:00:00.005 (point)",
                                  "Coded by one coder only"]
    assert format_duration(1500) == "1.500 s"
