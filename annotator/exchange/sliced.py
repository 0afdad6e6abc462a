"""Time-sliced CSV: one row per slice per session and coding, one 0/1 column per code.

Columns: ``case, session, coder, t_start_s``, then one column per code id (the current
codebook's codes first, then codes only older versions have), then ``purpose``. Slices are
``[k*N, min((k+1)*N, duration))`` for ``--resolution-ms N``; the last one may be shorter.

A state code is 1 in a slice when the coder has it on at the slice's midpoint, which is how
the reliability report samples slices, so a table made from this file reproduces the
report's sliced measures. A point code is 1 in the slice that contains its instant.

Every coding is exported except assignments that were never started (status ``assigned``
and no segments). The rows are built as one byte matrix per run of equally wide times with
numpy, never a Python loop per slice.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import select

from annotator.store.models import Segment

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook
    from annotator.exchange.exporters import ExportOptions
    from annotator.store.records import AssignmentInfo
    from annotator.store.study import Study

IntArray = NDArray[np.int64]
_ZERO = ord("0")


def sliced_columns(codes: Sequence[str]) -> list[str]:
    """The header of a sliced file with these code columns."""
    return ["case", "session", "coder", "t_start_s", *codes, "purpose"]


def code_columns(codebooks: dict[int, Codebook], current_id: int) -> list[str]:
    """Code ids in column order: the current codebook's, then any only older versions have."""
    order = [current_id, *sorted(i for i in codebooks if i != current_id)]
    return list(dict.fromkeys(c.id for i in order for c in codebooks[i].codes))


def slice_matrix(
    duration_ms: int, resolution_ms: int, code: IntArray, start: IntArray, end: IntArray,
    n_codes: int,
) -> NDArray[np.uint8]:
    """(slices, codes) of 0/1: state codes at each slice's midpoint, points in their slice."""
    n = -(-duration_ms // resolution_ms)
    starts = np.arange(n, dtype=np.int64) * resolution_ms
    mids = (starts + np.minimum(starts + resolution_ms, duration_ms)) // 2
    state = end > start
    depth = np.zeros((n + 1, n_codes), dtype=np.int64)
    k0 = np.searchsorted(mids, start[state], side="left")
    k1 = np.searchsorted(mids, end[state], side="left")
    np.add.at(depth, (k0, code[state]), 1)
    np.add.at(depth, (k1, code[state]), -1)
    out = (np.cumsum(depth[:n], axis=0) > 0).astype(np.uint8)
    points = ~state & (start >= 0) & (start <= duration_ms)
    if points.any():
        k = np.minimum(start[points] // resolution_ms, n - 1)
        out[k, code[points]] = 1
    return out


def _csv_fields(*values: str) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(values)
    return buf.getvalue().encode("utf-8")


def block_bytes(
    prefix: bytes, suffix: bytes, starts: IntArray, matrix: NDArray[np.uint8]
) -> bytes:
    """CSV rows ``prefix t_start_s,c1,...,cn suffix`` for one coding, built as byte matrices."""
    n_codes = matrix.shape[1]
    sec = starts // 1000
    milli = starts % 1000
    digits = np.maximum(1, np.floor(np.log10(np.maximum(sec, 1))).astype(np.int64) + 1)
    parts: list[bytes] = []
    p, s = len(prefix), len(suffix)
    for w in np.unique(digits).tolist():
        rows = np.flatnonzero(digits == w)
        width = p + w + 4 + 2 * n_codes + s + 1
        buf = np.empty((rows.size, width), dtype=np.uint8)
        buf[:, :p] = np.frombuffer(prefix, dtype=np.uint8)
        value = sec[rows]
        for j in range(w):
            buf[:, p + w - 1 - j] = _ZERO + (value // 10 ** j) % 10
        buf[:, p + w] = ord(".")
        m = milli[rows]
        buf[:, p + w + 1] = _ZERO + m // 100
        buf[:, p + w + 2] = _ZERO + (m // 10) % 10
        buf[:, p + w + 3] = _ZERO + m % 10
        c0 = p + w + 4
        buf[:, c0:c0 + 2 * n_codes:2] = ord(",")
        buf[:, c0 + 1:c0 + 2 * n_codes:2] = _ZERO + matrix[rows]
        buf[:, c0 + 2 * n_codes:width - 1] = np.frombuffer(suffix, dtype=np.uint8)
        buf[:, width - 1] = ord("\n")
        parts.append(buf.tobytes())
    return b"".join(parts)


def exported_assignments(
    study: Study, opts: ExportOptions, with_segments: set[int],
    sessions: frozenset[int] | None = None,
) -> list[AssignmentInfo]:
    """The assignments the filters keep (``sessions``: these session ids, None: all)."""
    return [
        a for a in study.assignments(coder=opts.coder)
        if (opts.case is None or a.case == opts.case)
        and (sessions is None or a.session_id in sessions)
        and (a.status != "assigned" or a.id in with_segments)
    ]


def _segment_arrays(study: Study) -> dict[int, tuple[list[str], IntArray, IntArray]]:
    q = (select(Segment.assignment_id, Segment.code_id, Segment.start_ms, Segment.end_ms)
         .where(Segment.deleted.is_(False), Segment.end_ms.is_not(None))
         .order_by(Segment.assignment_id))
    with study.read() as conn:
        rows = conn.execute(q).all()
    if not rows:
        return {}
    aids = np.fromiter((r[0] for r in rows), np.int64, count=len(rows))
    starts = np.fromiter((r[2] for r in rows), np.int64, count=len(rows))
    ends = np.fromiter((r[3] for r in rows), np.int64, count=len(rows))
    codes = [r[1] for r in rows]
    cuts = np.flatnonzero(np.diff(aids)) + 1
    out: dict[int, tuple[list[str], IntArray, IntArray]] = {}
    for lo, hi in zip([0, *cuts.tolist()], [*cuts.tolist(), len(rows)], strict=True):
        out[int(aids[lo])] = (codes[lo:hi], starts[lo:hi], ends[lo:hi])
    return out


def export_sliced(study: Study, out: TextIO, opts: ExportOptions) -> int:
    """Write the sliced table; returns the number of slice rows."""
    from annotator.exchange.exporters import codebooks_of, session_ids

    res = int(opts.resolution_ms)
    if res <= 0:
        raise ValueError(f"the slice length must be a positive number of ms, got {res}")
    only = session_ids(study, opts)
    codebooks = codebooks_of(study)
    columns = code_columns(codebooks, study.current_codebook_id)
    index = {c: i for i, c in enumerate(columns)}
    segs = _segment_arrays(study)
    sessions = {s.id: s for s in study.sessions()}
    from annotator.exchange.cells import neutralise

    def text(value: str) -> str:
        return value if opts.raw else neutralise(value)

    if opts.excel:
        out.write("\ufeff")
    out.write(",".join(sliced_columns(columns)) + "\n")
    total = 0
    for a in exported_assignments(study, opts, set(segs), only):
        duration = sessions[a.session_id].duration_ms
        if not duration:
            continue
        names, start, end = segs.get(a.id, ([], np.zeros(0, np.int64), np.zeros(0, np.int64)))
        code = np.fromiter((index[c] for c in names), np.int64, count=len(names))
        matrix = slice_matrix(duration, res, code, start, end, len(columns))
        starts = np.arange(matrix.shape[0], dtype=np.int64) * res
        data = block_bytes(_csv_fields(text(a.case), str(a.number), text(a.coder)) + b",",
                           b"," + _csv_fields(a.purpose), starts, matrix)
        out.write(data.decode("utf-8"))
        total += matrix.shape[0]
    return total
