"""Plain-Python lane and segment index for the timeline (no Qt).

Each lane keeps its segments sorted by start time in numpy arrays, together with a
running maximum of the ends. That makes "which segments touch [t0, t1]" two binary
searches plus a vectorised filter of the (few) candidates, both for painting and for
hit-testing, whatever the number of segments in the lane. What to draw at a given
scale is worked out in :mod:`annotator.ui.timeline.raster`.

Times are integer milliseconds; segments are half-open ``[start, end)`` and a point
has ``start == end``. For painting and hit-testing, intervals are treated as closed,
so a point and a segment's end edge can be found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

import numpy as np
import numpy.typing as npt

from annotator.core.codebook import Codebook
from annotator.core.segments import SegmentView
from annotator.ui.i18n import translate

LaneKind = Literal["state", "point"]
LaneStyle = Literal["normal", "diff"]
DiffStatus = Literal["agree", "disagree", "only_one"]
HitPart = Literal["body", "start", "end"]
Placed: TypeAlias = tuple[str, SegmentView] | SegmentView

IntArray: TypeAlias = npt.NDArray[np.int64]
FloatArray: TypeAlias = npt.NDArray[np.float64]

DIFF_STATUSES: tuple[DiffStatus, ...] = ("agree", "disagree", "only_one")
_STATUS_CODE: dict[str | None, int] = {None: 0, "agree": 1, "disagree": 2, "only_one": 3}


@dataclass(frozen=True, slots=True)
class Lane:
    """One horizontal lane of the timeline.

    ``group`` is the heading the lane is listed under (a category label); lanes of one
    group are shown together, groups in order of first appearance. ``style="diff"``
    draws each segment in the colour of its diff status (agree / disagree /
    only one coder) instead of ``color``. Segments of a lane with ``editable=False``
    can be selected but not moved, resized, split or deleted.
    """

    id: str
    title: str
    group: str = ""
    color: str = "#7f7f7f"
    kind: LaneKind = "state"
    key: str | None = None
    style: LaneStyle = "normal"
    editable: bool = True

    @classmethod
    def from_codebook(cls, codebook: Codebook, lang: str = "en") -> list[Lane]:
        """One lane per code (lane id = code id), grouped under its category's label."""
        return [
            cls(
                id=code.id,
                title=code.label_in(lang),
                group=cat.label_in(lang),
                color=code.color,
                kind=code.kind,
                key=code.key,
            )
            for cat in codebook.categories
            for code in cat.codes
        ]


@dataclass(frozen=True, slots=True)
class Hit:
    """A hit-test result: the lane-local index of a segment and the part under the point."""

    index: int
    part: HitPart


def empty_int() -> IntArray:
    return np.zeros(0, dtype=np.int64)


class LaneIndex:
    """Segments of one lane, sorted by ``(start, end)``, with searchsorted queries."""

    __slots__ = ("_maxend", "ends", "has_note", "is_point", "segments", "starts",
                 "status_codes", "statuses")

    def __init__(
        self,
        segments: Sequence[SegmentView] = (),
        statuses: Sequence[DiffStatus | None] | None = None,
    ) -> None:
        n = len(segments)
        starts = np.fromiter((s.start_ms for s in segments), dtype=np.int64, count=n)
        ends = np.fromiter((max(s.end_ms, s.start_ms) for s in segments), np.int64, count=n)
        order = np.lexsort((ends, starts)) if n else empty_int()
        self.segments: list[SegmentView] = [segments[i] for i in order.tolist()]
        st: list[DiffStatus | None] = list(statuses) if statuses is not None else [None] * n
        self.statuses: list[DiffStatus | None] = [st[i] for i in order.tolist()]
        self.status_codes = np.array([_STATUS_CODE[s] for s in self.statuses], dtype=np.int8)
        self.starts: IntArray = starts[order]
        self.ends: IntArray = ends[order]
        self.is_point = self.starts == self.ends
        self.has_note = np.array([bool(s.note) for s in self.segments], dtype=bool)
        self._maxend: IntArray = (
            np.maximum.accumulate(self.ends) if n else empty_int()
        )

    def __len__(self) -> int:
        return len(self.segments)

    def visible(self, t0: float, t1: float) -> IntArray:
        """Indices (ascending, so by start) of segments with ``start <= t1 and end >= t0``."""
        if not len(self.segments) or t1 < t0:
            return empty_int()
        hi = int(np.searchsorted(self.starts, t1, side="right"))
        lo = int(np.searchsorted(self._maxend, t0, side="left"))
        if lo >= hi:
            return empty_int()
        keep = np.flatnonzero(self.ends[lo:hi] >= t0)
        return (keep + lo).astype(np.int64)

    def hit(self, t: float, tol: float) -> Hit | None:
        """The segment under time ``t`` with a tolerance of ``tol`` ms (a few pixels).

        Candidates are segments whose closed interval widened by ``tol`` contains
        ``t``. The nearest wins (distance 0 inside); on a tie, the later one in sort
        order, which is painted on top. For a duration segment the part is ``start``
        or ``end`` when ``t`` is outside it or within ``min(tol, duration / 4)`` of
        that edge, otherwise ``body``; points only have a body.
        """
        cand = self.visible(t - tol, t + tol)
        if not len(cand):
            return None
        s = self.starts[cand]
        e = self.ends[cand]
        dist = np.where(t < s, s - t, np.where(t > e, t - e, 0.0))
        best = float(dist.min())
        i = int(cand[np.flatnonzero(dist == best)[-1]])
        return Hit(i, self.part_at(i, t, tol))

    def part_at(self, i: int, t: float, tol: float) -> HitPart:
        start = float(self.starts[i])
        end = float(self.ends[i])
        if start == end:
            return "body"
        edge = min(tol, (end - start) / 4.0)
        if t < start or t - start < edge:
            return "start"
        if t > end or end - t < edge:
            return "end"
        return "body"


def _as_pair(item: Placed, lane_of: Callable[[SegmentView], str]) -> tuple[str, SegmentView]:
    if isinstance(item, SegmentView):
        return lane_of(item), item
    lane_id, seg = item
    return lane_id, seg


def _code_lane(seg: SegmentView) -> str:
    return seg.code


class TimelineModel:
    """Lanes (in display order) and the segments placed on them, indexed per lane.

    Segments on a lane id that is not (yet) among the lanes are kept but not shown.
    """

    def __init__(self) -> None:
        self._lanes: list[Lane] = []
        self._lane_by_id: dict[str, Lane] = {}
        self._groups: list[tuple[str, list[Lane]]] = []
        self._segs: dict[str, tuple[str, SegmentView, DiffStatus | None]] = {}
        self._by_lane: dict[str, dict[str, None]] = {}
        self._index: dict[str, LaneIndex] = {}
        self.version = 0

    # lanes -----------------------------------------------------------------------
    def set_lanes(self, lanes: Iterable[Lane]) -> None:
        groups: dict[str, list[Lane]] = {}
        seen: set[str] = set()
        for lane in lanes:
            if lane.id in seen:
                raise ValueError(translate("TimelineModel", "duplicate lane id {id}").format(
                    id=repr(lane.id)))
            seen.add(lane.id)
            groups.setdefault(lane.group, []).append(lane)
        self._groups = list(groups.items())
        self._lanes = [lane for _, ls in self._groups for lane in ls]
        self._lane_by_id = {lane.id: lane for lane in self._lanes}
        self.version += 1

    @property
    def lanes(self) -> list[Lane]:
        return list(self._lanes)

    @property
    def groups(self) -> list[tuple[str, list[Lane]]]:
        return [(g, list(ls)) for g, ls in self._groups]

    def lane(self, lane_id: str) -> Lane:
        return self._lane_by_id[lane_id]

    def has_lane(self, lane_id: str) -> bool:
        return lane_id in self._lane_by_id

    # segments --------------------------------------------------------------------
    def set_segments(
        self,
        items: Iterable[Placed],
        *,
        status: Mapping[str, DiffStatus] | None = None,
        lane_of: Callable[[SegmentView], str] = _code_lane,
    ) -> None:
        """Replace all segments. Items are ``(lane_id, segment)`` pairs or bare segments,
        which go to ``lane_of(segment)`` (default: the lane whose id is the code id)."""
        status = status or {}
        self._segs = {}
        self._by_lane = {}
        for item in items:
            lane_id, seg = _as_pair(item, lane_of)
            self._segs[seg.id] = (lane_id, seg, status.get(seg.id))
            self._by_lane.setdefault(lane_id, {})[seg.id] = None
        self._index = {}
        self.version += 1

    def upsert(self, lane_id: str, seg: SegmentView, status: DiffStatus | None = None) -> None:
        """Add or replace one segment (by id); only the affected lanes are re-indexed."""
        old = self._segs.get(seg.id)
        if old is not None:
            self._by_lane[old[0]].pop(seg.id, None)
            self._index.pop(old[0], None)
        self._segs[seg.id] = (lane_id, seg, status)
        self._by_lane.setdefault(lane_id, {})[seg.id] = None
        self._index.pop(lane_id, None)
        self.version += 1

    def remove(self, ids: Iterable[str]) -> None:
        for sid in ids:
            old = self._segs.pop(sid, None)
            if old is not None:
                self._by_lane[old[0]].pop(sid, None)
                self._index.pop(old[0], None)
        self.version += 1

    def __contains__(self, seg_id: object) -> bool:
        return seg_id in self._segs

    def __len__(self) -> int:
        return len(self._segs)

    def segment(self, seg_id: str) -> SegmentView:
        return self._segs[seg_id][1]

    def lane_of(self, seg_id: str) -> str:
        return self._segs[seg_id][0]

    def status_of(self, seg_id: str) -> DiffStatus | None:
        return self._segs[seg_id][2]

    def index(self, lane_id: str) -> LaneIndex:
        """The (lazily rebuilt) sorted index of one lane."""
        idx = self._index.get(lane_id)
        if idx is None:
            entries = [self._segs[sid] for sid in self._by_lane.get(lane_id, {})]
            idx = LaneIndex([e[1] for e in entries], [e[2] for e in entries])
            self._index[lane_id] = idx
        return idx

    def hit(self, lane_id: str, t: float, tol: float) -> tuple[SegmentView, HitPart] | None:
        h = self.index(lane_id).hit(t, tol)
        if h is None:
            return None
        return self.index(lane_id).segments[h.index], h.part

    def extent_ms(self) -> int:
        """The latest segment end (0 when there are none)."""
        return max((max(s.end_ms, s.start_ms) for _, s, _ in self._segs.values()), default=0)
