"""Segments as plain values, and the interval algebra the rest of the tool uses.

Segments are half-open ``[start_ms, end_ms)``; a point code has ``start_ms == end_ms``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A coded time span of one code by one coder (no identity, no storage)."""

    code: str
    start_ms: int
    end_ms: int

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms

    @property
    def is_point(self) -> bool:
        return self.start_ms == self.end_ms


@dataclass(frozen=True, slots=True)
class SegmentView:
    """A stored segment as the UI and exporters see it."""

    id: str
    coder: str
    code: str
    start_ms: int
    end_ms: int
    note: str = ""
    modifiers: dict[str, object] = field(default_factory=dict)

    def span(self) -> Span:
        return Span(self.code, self.start_ms, self.end_ms)


@dataclass(frozen=True, slots=True)
class CodedSession:
    """One session's codings by several coders, as reliability needs them: per coder a list
    of spans, or their columns (:class:`annotator.core.span_columns.SpanColumns`, what the
    store reads for reliability: no object per segment)."""

    case: str
    session: int
    duration_ms: int
    codings: dict[str, Sequence[Span]]


def overlap_ms(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Length of the intersection of two half-open intervals (0 if disjoint)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def union_length(intervals: Iterable[tuple[int, int]]) -> int:
    """Total length covered by a set of half-open intervals."""
    total = 0
    cur_s: int | None = None
    cur_e = 0
    for s, e in sorted(intervals):
        if cur_s is None or s > cur_e:
            if cur_s is not None:
                total += cur_e - cur_s
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_s is not None:
        total += cur_e - cur_s
    return total


def merge_intervals(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of half-open intervals as sorted, disjoint, non-touching intervals."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(intervals):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def first_overlap(spans: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """Indices of the first pair of overlapping non-empty intervals, or ``None``."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    prev: int | None = None
    for i in order:
        s, e = spans[i]
        if e <= s:
            continue
        if prev is not None and s < spans[prev][1]:
            return (prev, i)
        if prev is None or e > spans[prev][1]:
            prev = i
    return None
