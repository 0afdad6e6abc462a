"""Many codings' live segments in one query, as numpy columns (reliability's fast read).

:func:`read_segment_arrays` reads every live segment of the given assignments with one
statement straight through the driver (no row objects), into integer columns sorted by
assignment, start and end; :meth:`SegmentArrays.columns` hands one assignment's rows to the
reliability engine as :class:`~annotator.core.span_columns.SpanColumns`, with no Python
object per segment. :meth:`SegmentArrays.spans` makes the :class:`~annotator.core.segments.Span`
list instead (with the collector paused: building hundreds of thousands of small objects is
where a Python process spends its time collecting garbage).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from annotator.core.segments import Span
from annotator.core.span_columns import SpanColumns
from annotator.store.gc_pause import gc_paused
from annotator.store.reader import driver_cursor, sql_text

if TYPE_CHECKING:
    from annotator.store.reader import StudyReader

IntArray = NDArray[np.int64]


_SET_CODE, _SET_START, _SET_END = (Span.__dict__[f].__set__ for f in ("code", "start_ms",
                                                                      "end_ms"))


def _span(code: str, start: int, end: int) -> Span:
    """``Span(code, start, end)`` with its slots filled directly: a frozen dataclass's
    ``__init__`` (``object.__setattr__`` per field) is most of the cost of 700,000 of them."""
    span = object.__new__(Span)
    _SET_CODE(span, code)
    _SET_START(span, start)
    _SET_END(span, end)
    return span


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

    def columns(self, assignment_id: int) -> SpanColumns:
        """One assignment's rows as the engine's columns (views of these arrays, no copy)."""
        lo, hi = self.bounds.get(assignment_id, (0, 0))
        return SpanColumns(self.codes, self.code[lo:hi], self.start[lo:hi], self.end[lo:hi])

    def spans(self, assignment_id: int) -> list[Span]:
        """One assignment's rows as span objects (what ``columns`` stands for)."""
        lo, hi = self.bounds.get(assignment_id, (0, 0))
        codes = self.codes
        names = [codes[i] for i in self.code[lo:hi].tolist()]
        with gc_paused():
            return list(map(_span, names, self.start[lo:hi].tolist(), self.end[lo:hi].tolist()))


def read_segment_arrays(
    study: StudyReader, assignment_ids: Sequence[int], codes: Sequence[str] = (),
) -> SegmentArrays:
    """Every live segment of ``assignment_ids``, in one query.

    The database numbers ``codes`` (e.g. the codebook's) as it reads and hands back one
    row per assignment, each column as one comma-separated text that numpy parses in C:
    no Python object per segment. A code not among ``codes`` is looked up by name."""
    aids = sorted({int(a) for a in assignment_ids})
    known = list(dict.fromkeys(codes))
    empty = np.zeros(0, dtype=np.int64)
    if not aids:
        return SegmentArrays(tuple(known), empty, empty, empty, empty, {})
    sql, where = array_query(aids, known, sqlite=study.is_sqlite)
    parts: list[tuple[int, IntArray, IntArray, IntArray]] = []
    with study.read() as conn:
        cur = driver_cursor(conn)
        try:
            cur.execute(sql)
            for aid, n, code_text, start_text, end_text in cur.fetchall():
                cols = [np.fromstring(t, dtype=np.int64, sep=",")
                        for t in (code_text, start_text, end_text)]
                if any(c.size != int(n) for c in cols):
                    raise RuntimeError(f"assignment {aid}: {n} segments read as "
                                       f"{[c.size for c in cols]} values")
                parts.append((int(aid), cols[0], cols[1], cols[2]))
            if any((p[1] < 0).any() for p in parts):  # codes outside ``codes``: by name
                cur.execute(f"SELECT DISTINCT code_id FROM segments WHERE {where}")
                known.extend(sorted({str(r[0]) for r in cur.fetchall()} - set(known)))
                parts = [(aid, *_renumbered(cur, aid, known, code, start, end))
                         for aid, code, start, end in parts]
        finally:
            cur.close()
    if not parts:
        return SegmentArrays(tuple(known), empty, empty, empty, empty, {})
    assignment = np.concatenate([np.full(p[1].size, p[0], dtype=np.int64) for p in parts])
    code, start, end = (np.concatenate([p[k] for p in parts]) for k in (1, 2, 3))
    if not _in_order(assignment, start, end):  # the index gives this order; SQL does not
        order = np.lexsort((end, start, assignment))  # promise it
        assignment, code, start, end = assignment[order], code[order], start[order], end[order]
    n = int(start.size)
    present, first = np.unique(assignment, return_index=True)
    last = np.append(first[1:], n)
    bounds = {int(a): (int(lo), int(hi))
              for a, lo, hi in zip(present.tolist(), first.tolist(), last.tolist(), strict=True)}
    return SegmentArrays(tuple(known), assignment, code, start, end, bounds)


def _in_order(assignment: IntArray, start: IntArray, end: IntArray) -> bool:
    """Whether the rows are sorted by assignment, start and end already."""
    da, ds, de = np.diff(assignment), np.diff(start), np.diff(end)
    return bool(((da > 0) | ((da == 0) & ((ds > 0) | ((ds == 0) & (de >= 0))))).all())


def array_query(aids: Sequence[int], known: Sequence[str], *, sqlite: bool) -> tuple[str, str]:
    """The one statement of :func:`read_segment_arrays`, and its WHERE clause. It reads only
    columns of ``ix_segments_assignment_span`` (migration 0004): no table lookups."""
    # an open recording (end_ms NULL, still being recorded) is not a segment
    where = (f"deleted = false AND end_ms IS NOT NULL "
             f"AND assignment_id IN ({', '.join(str(int(a)) for a in aids)})")
    cases = " ".join(f"WHEN {sql_text(c)} THEN {i}" for i, c in enumerate(known))
    code_sql = f"CASE code_id {cases} ELSE -1 END" if known else "-1"

    def agg(expr: str) -> str:
        return f"group_concat({expr})" if sqlite else f"string_agg(CAST({expr} AS TEXT), ',')"

    sql = (f"SELECT assignment_id, count(*), {agg(code_sql)}, {agg('start_ms')}, "
           f"{agg('end_ms')} FROM segments WHERE {where} GROUP BY assignment_id")
    return sql, where


def _renumbered(cur: Any, aid: int, known: list[str], code: IntArray, start: IntArray,
                end: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """One assignment's columns again, its codes numbered by name (the rare slow path)."""
    if not (code < 0).any():
        return code, start, end
    cur.execute("SELECT code_id, start_ms, end_ms FROM segments WHERE deleted = false AND "
                f"end_ms IS NOT NULL AND assignment_id = {int(aid)}")
    rows = cur.fetchall()
    index = {c: i for i, c in enumerate(known)}
    return (np.array([index[str(r[0])] for r in rows], dtype=np.int64),
            np.array([int(r[1]) for r in rows], dtype=np.int64),
            np.array([int(r[2]) for r in rows], dtype=np.int64))
