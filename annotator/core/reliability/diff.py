"""Where two coders agree and disagree on one session's timeline (the GUI's diff lane).

Runs are maximal stretches with one status:
- non-exclusive categories, per state code: ``agree`` (both code it), ``only_a``, ``only_b``;
- exclusive categories: ``agree`` (same code), ``disagree`` (both code, different codes; the
  run's ``code`` is None and ``code_a``/``code_b`` say which), ``only_a``, ``only_b``;
- point codes, linked as in event agreement (within ``tolerance_ms``): a linked pair of the same
  code is an ``agree`` run from the earlier to the later point, of different codes a
  ``disagree`` run; an unlinked point is a zero-length ``only_a``/``only_b`` run.
Time where neither coder codes anything of a category produces no run.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from ..codebook import Codebook
from ..segments import CodedSession
from .events import Events, link
from .inputs import CodeMeta, prepare_session
from .timeline import build_timeline

DiffStatus = Literal["agree", "disagree", "only_a", "only_b"]
STATUSES: tuple[DiffStatus, ...] = ("agree", "disagree", "only_a", "only_b")
IntArray = NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class DiffRun:
    start_ms: int
    end_ms: int
    category: str
    code: str | None  # the code for agree/only_a/only_b; None for a disagreement
    status: DiffStatus
    code_a: str | None
    code_b: str | None


def _runs(key: IntArray, bounds: IntArray) -> list[tuple[int, int, int]]:
    """(start_ms, end_ms, key) for maximal runs of equal keys, skipping key -1."""
    if key.size == 0:
        return []
    change = np.flatnonzero(np.diff(key)) + 1
    first = np.concatenate([[0], change])
    last = np.concatenate([change, [key.size]])
    return [(int(bounds[f]), int(bounds[e]), int(key[f]))
            for f, e in zip(first, last, strict=True) if key[f] >= 0]


def timeline_diff(
    session: CodedSession,
    coder_a: str,
    coder_b: str,
    codebook: Codebook,
    *,
    tolerance_ms: int = 1000,
) -> list[DiffRun]:
    """Agreement runs between two coders, sorted by start, end, category and code order."""
    meta = CodeMeta.of(codebook)
    ps = prepare_session(meta, session, (coder_a, coder_b), [])
    tl = build_timeline(ps, len(meta.ids))
    cov_a, cov_b = tl.cover[0], tl.cover[1]
    out: list[tuple[tuple[int, int, int, int], DiffRun]] = []
    for ci, cat in enumerate(codebook.categories):
        states = meta.category_codes(ci, kind="state")
        if cat.exclusive and states.size:
            k = states.size
            sub_a, sub_b = cov_a[:, states], cov_b[:, states]
            la = np.where(sub_a.any(axis=1), sub_a.argmax(axis=1), k)
            lb = np.where(sub_b.any(axis=1), sub_b.argmax(axis=1), k)
            key = np.where((la == k) & (lb == k), -1, la * (k + 1) + lb)
            for s, e, kk in _runs(key, tl.bounds):
                ia, ib = divmod(kk, k + 1)
                ca = meta.ids[int(states[ia])] if ia < k else None
                cb = meta.ids[int(states[ib])] if ib < k else None
                status: DiffStatus = ("only_b" if ca is None else "only_a" if cb is None
                                      else "agree" if ca == cb else "disagree")
                code = ca if status in ("agree", "only_a") else cb if status == "only_b" else None
                order = int(states[min(ia, ib)])
                out.append(((s, e, ci, order), DiffRun(s, e, cat.id, code, status, ca, cb)))
        elif states.size:
            for c in states.tolist():
                key = np.where(cov_a[:, c], 1, 0) + np.where(cov_b[:, c], 2, 0) - 1
                for s, e, kk in _runs(key, tl.bounds):
                    status = ("only_a", "only_b", "agree")[kk]
                    cid = meta.ids[c]
                    out.append(((s, e, ci, c), DiffRun(
                        s, e, cat.id, cid, status, cid if kk != 1 else None,
                        cid if kk != 0 else None)))
        out.extend(_point_runs(meta, ps.coders[0].code, ps.coders[0].start,
                               ps.coders[1].code, ps.coders[1].start, ci, tolerance_ms))
    out.sort(key=lambda item: item[0])
    return [run for _, run in out]


def _point_runs(
    meta: CodeMeta, code_a: IntArray, t_a: IntArray, code_b: IntArray, t_b: IntArray,
    ci: int, tolerance_ms: int,
) -> list[tuple[tuple[int, int, int, int], DiffRun]]:
    points = set(meta.category_codes(ci, kind="point").tolist())
    if not points:
        return []
    cat_id = meta.codebook.categories[ci].id
    sa = np.flatnonzero(np.isin(code_a, list(points)))
    sb = np.flatnonzero(np.isin(code_b, list(points)))
    ev_a = Events(code_a[sa], t_a[sa], t_a[sa], np.ones(sa.size, dtype=bool))
    ev_b = Events(code_b[sb], t_b[sb], t_b[sb], np.ones(sb.size, dtype=bool))
    ia, ib = link(ev_a, ev_b, tolerance_ms)
    out = []
    for i, j in zip(ia.tolist(), ib.tolist(), strict=True):
        ca, cb = int(ev_a.code[i]), int(ev_b.code[j])
        s, e = sorted((int(ev_a.start[i]), int(ev_b.start[j])))
        same = ca == cb
        out.append(((s, e, ci, min(ca, cb)), DiffRun(
            s, e, cat_id, meta.ids[ca] if same else None, "agree" if same else "disagree",
            meta.ids[ca], meta.ids[cb])))
    for idx, ev, status in ((ia, ev_a, "only_a"), (ib, ev_b, "only_b")):
        alone = np.ones(len(ev), dtype=bool)
        alone[idx] = False
        for i in np.flatnonzero(alone).tolist():
            c, t = int(ev.code[i]), int(ev.start[i])
            cid = meta.ids[c]
            out.append(((t, t, ci, c), DiffRun(
                t, t, cat_id, cid, "only_a" if status == "only_a" else "only_b",
                cid if status == "only_a" else None, cid if status == "only_b" else None)))
    return out


def disagreements(runs: Sequence[DiffRun]) -> list[int]:
    """Sorted, distinct start times of every run that is not an agreement."""
    return sorted({r.start_ms for r in runs if r.status != "agree"})


def next_disagreement(times: Sequence[int], t_ms: int) -> int | None:
    """The first disagreement time strictly after ``t_ms`` (``times`` sorted), or None."""
    k = bisect.bisect_right(times, t_ms)
    return times[k] if k < len(times) else None


def previous_disagreement(times: Sequence[int], t_ms: int) -> int | None:
    """The last disagreement time strictly before ``t_ms`` (``times`` sorted), or None."""
    k = bisect.bisect_left(times, t_ms)
    return times[k - 1] if k > 0 else None
