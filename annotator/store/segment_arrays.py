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
from itertools import chain
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


def read_segment_arrays(
    study: Study, assignment_ids: Sequence[int], codes: Sequence[str] = (),
) -> SegmentArrays:
    """Every live segment of ``assignment_ids``, in one query.

    ``codes`` (e.g. the codebook's) are numbered by the database as it reads, so every row
    arrives as four integers; a code not among them is looked up by name afterwards."""
    aids = sorted({int(a) for a in assignment_ids})
    known = list(dict.fromkeys(codes))
    empty = np.zeros(0, dtype=np.int64)
    if not aids:
        return SegmentArrays(tuple(known), empty, empty, empty, empty, {})
    where = f"deleted = false AND assignment_id IN ({', '.join(map(str, aids))})"
    cases = " ".join(f"WHEN {_quote(c)} THEN {i}" for i, c in enumerate(known))
    code_sql = f"CASE code_id {cases} ELSE -1 END" if known else "-1"
    sql = f"SELECT assignment_id, {code_sql}, start_ms, end_ms FROM segments WHERE {where}"
    with study.read() as conn:
        cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cur.execute(sql)
            with gc_paused():
                rows = cur.fetchall()
            n = len(rows)
            table = np.fromiter(chain.from_iterable(rows), np.int64, count=4 * n).reshape(n, 4)
            del rows
            if n and (table[:, 1] < 0).any():  # codes outside ``codes``: by name
                cur.execute(f"SELECT DISTINCT code_id FROM segments WHERE {where}")
                for (name,) in cur.fetchall():
                    if name not in known:
                        known.append(name)
                cur.execute(f"SELECT code_id FROM segments WHERE {where}")
                index = {c: i for i, c in enumerate(known)}
                table[:, 1] = np.fromiter((index[r[0]] for r in cur.fetchall()), np.int64,
                                          count=n)
        finally:
            cur.close()
    if n == 0:
        return SegmentArrays(tuple(known), empty, empty, empty, empty, {})
    order = np.lexsort((table[:, 3], table[:, 2], table[:, 0]))
    table = table[order]
    assignment, code = table[:, 0].copy(), table[:, 1].copy()
    start, end = table[:, 2].copy(), table[:, 3].copy()
    present, first = np.unique(assignment, return_index=True)
    last = np.append(first[1:], n)
    bounds = {int(a): (int(lo), int(hi))
              for a, lo, hi in zip(present.tolist(), first.tolist(), last.tolist(), strict=True)}
    return SegmentArrays(tuple(known), assignment, code, start, end, bounds)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
