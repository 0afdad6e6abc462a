"""Many codings' live segments in one query, as numpy columns (reliability's fast read).

:func:`read_segment_arrays` reads every live segment of the given assignments with one
statement straight through the driver (no row objects), into integer columns sorted by
assignment, start and end; :meth:`SegmentArrays.spans` turns one assignment's rows into the
:class:`~annotator.core.segments.Span` list the reliability engine takes. Building hundreds
of thousands of small objects is where a Python process spends its time collecting
garbage, so that runs with the collector paused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from annotator.core.segments import Span
from annotator.store.gc_pause import gc_paused

if TYPE_CHECKING:
    from annotator.store.study import Study

IntArray = NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class SegmentArrays:
    """Live segments as columns; ``code`` indexes ``codes``. Rows are sorted by assignment,
    start and end; ``bounds[aid]`` is the row range of an assignment."""

    codes: tuple[str, ...]
    assignment: IntArray
    code: IntArray
    start: IntArray
    end: IntArray
    bounds: dict[int, tuple[int, int]]

    def __len__(self) -> int:
        return int(self.start.size)

    def spans(self, assignment_id: int) -> list[Span]:
        lo, hi = self.bounds.get(assignment_id, (0, 0))
        codes = self.codes
        names = [codes[i] for i in self.code[lo:hi].tolist()]
        with gc_paused():
            return list(map(Span, names, self.start[lo:hi].tolist(), self.end[lo:hi].tolist()))


def read_segment_arrays(study: Study, assignment_ids: Sequence[int]) -> SegmentArrays:
    """Every live segment of ``assignment_ids``, in one query."""
    aids = sorted({int(a) for a in assignment_ids})
    if not aids:
        empty = np.zeros(0, dtype=np.int64)
        return SegmentArrays((), empty, empty, empty, empty, {})
    sql = ("SELECT assignment_id, code_id, start_ms, end_ms FROM segments "
           f"WHERE deleted = false AND assignment_id IN ({', '.join(map(str, aids))})")
    with study.read() as conn:
        raw = conn.connection.driver_connection
        cur = raw.cursor()  # type: ignore[union-attr]
        try:
            cur.execute(sql)
            with gc_paused():
                rows = cur.fetchall()
        finally:
            cur.close()
    n = len(rows)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return SegmentArrays((), empty, empty, empty, empty, {})
    aid_col, code_col, start_col, end_col = zip(*rows, strict=True)
    del rows
    index: dict[str, int] = {}
    code = np.fromiter((index.setdefault(c, len(index)) for c in code_col), np.int64, count=n)
    assignment = np.fromiter(aid_col, np.int64, count=n)
    start = np.fromiter(start_col, np.int64, count=n)
    end = np.fromiter(end_col, np.int64, count=n)
    order = np.lexsort((end, start, assignment))
    assignment, code, start, end = assignment[order], code[order], start[order], end[order]
    present, first = np.unique(assignment, return_index=True)
    last = np.append(first[1:], n)
    bounds = {int(a): (int(lo), int(hi))
              for a, lo, hi in zip(present.tolist(), first.tolist(), last.tolist(), strict=True)}
    return SegmentArrays(tuple(index), assignment, code, start, end, bounds)
