"""Vertical layout of the timeline: group header rows and lane rows (no Qt)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .model import Lane


@dataclass(frozen=True, slots=True)
class Row:
    """One row, in content coordinates (0 = top of the first row)."""

    kind: Literal["group", "lane"]
    y: int
    height: int
    title: str
    lane: Lane | None = None
    band: int = 0  # lane number within its group, for alternating backgrounds

    @property
    def bottom(self) -> int:
        return self.y + self.height


class RowLayout:
    """Rows for the given groups. Lanes share the available height, each between
    ``min_lane`` and ``max_lane`` px; if even ``min_lane`` does not fit, the content is
    taller than ``available`` and the caller scrolls it. Groups with an empty title get
    no header row.
    """

    def __init__(
        self,
        groups: Sequence[tuple[str, Sequence[Lane]]],
        available: int,
        *,
        header_h: int = 18,
        min_lane: int = 18,
        max_lane: int = 30,
    ) -> None:
        n_lanes = sum(len(ls) for _, ls in groups)
        n_headers = sum(1 for g, ls in groups if g and ls)
        free = available - n_headers * header_h
        lane_h = free // n_lanes if n_lanes else max_lane
        self.lane_height = max(min_lane, min(max_lane, lane_h))
        rows: list[Row] = []
        y = 0
        for title, lanes in groups:
            if not lanes:
                continue
            if title:
                rows.append(Row("group", y, header_h, title))
                y += header_h
            for band, lane in enumerate(lanes):
                rows.append(Row("lane", y, self.lane_height, lane.title, lane, band))
                y += self.lane_height
        self.rows = rows
        self.content_height = y
        self._tops = [r.y for r in rows]
        self._lane_rows = {r.lane.id: r for r in rows if r.lane is not None}

    def row_at(self, y: float) -> Row | None:
        """The row containing content coordinate ``y``, if any."""
        i = bisect.bisect_right(self._tops, y) - 1
        if i < 0 or y >= self.rows[i].bottom:
            return None
        return self.rows[i]

    def lane_row(self, lane_id: str) -> Row:
        return self._lane_rows[lane_id]

    def rows_between(self, y0: float, y1: float) -> list[Row]:
        """Rows intersecting the content band ``[y0, y1)``."""
        lo = max(0, bisect.bisect_right(self._tops, y0) - 1)
        hi = bisect.bisect_left(self._tops, y1)
        return [r for r in self.rows[lo:hi] if r.bottom > y0]
