"""One coding's spans as numpy columns: the reliability engine's input without a Python
object per segment (issue 13 point 4).

A :class:`SpanColumns` is a read-only sequence of :class:`~annotator.core.segments.Span`, so
whatever iterates a coding (the comparison window's lanes, say) still sees spans; they are
made only when asked for. The engine reads the columns directly
(:mod:`annotator.core.reliability.inputs`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

import numpy as np
from numpy.typing import NDArray

from .segments import Span

IntArray = NDArray[np.int64]


@dataclass(frozen=True, slots=True, eq=False)
class SpanColumns(Sequence[Span]):
    """Spans as columns: span ``i`` is ``Span(codes[code[i]], start_ms[i], end_ms[i])``."""

    codes: tuple[str, ...]
    code: IntArray
    start_ms: IntArray
    end_ms: IntArray

    @staticmethod
    def of(spans: Sequence[Span]) -> SpanColumns:
        """The columns of a list of spans (codes numbered in order of first appearance)."""
        index: dict[str, int] = {}
        code = np.fromiter((index.setdefault(s.code, len(index)) for s in spans), np.int64,
                           count=len(spans))
        start = np.fromiter((s.start_ms for s in spans), np.int64, count=len(spans))
        end = np.fromiter((s.end_ms for s in spans), np.int64, count=len(spans))
        return SpanColumns(tuple(index), code, start, end)

    def __len__(self) -> int:
        return int(self.start_ms.size)

    @overload
    def __getitem__(self, i: int) -> Span: ...
    @overload
    def __getitem__(self, i: slice) -> SpanColumns: ...
    def __getitem__(self, i: int | slice) -> Span | SpanColumns:
        if isinstance(i, slice):
            return SpanColumns(self.codes, self.code[i], self.start_ms[i], self.end_ms[i])
        return Span(self.codes[int(self.code[i])], int(self.start_ms[i]), int(self.end_ms[i]))

    def __iter__(self) -> Iterator[Span]:
        codes = self.codes
        for c, s, e in zip(self.code.tolist(), self.start_ms.tolist(), self.end_ms.tolist(),
                           strict=True):
            yield Span(codes[c], s, e)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]
