"""Per-session statistics of a whole study, stacked over sessions (the engine's middle layer)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from numpy.typing import NDArray

from .errors import ReliabilityCancelled
from .events import Events, event_confusion
from .inputs import CodeMeta, Prepared
from .tables import Variable, session_stats, variables_of
from .timeline import build_timeline, exact_units, slice_units

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class StudyStats:
    """Everything the report needs; arrays have the session axis first."""

    meta: CodeMeta
    coders: tuple[str, ...]
    pairs: tuple[tuple[int, int], ...]
    variables: tuple[Variable, ...]
    pair_tab: tuple[FloatArray, ...]  # per variable (S, P, L, L), duration units
    alpha_pair: tuple[FloatArray, ...]  # per variable (S, P, L, L), alpha slices
    fleiss: tuple[FloatArray, ...]  # per variable (S, L + 2): W, S1..., S2
    coincidence: tuple[FloatArray, ...]  # per variable (S, L, L), all coders
    seconds: FloatArray  # (S, coders, codes) exact coded seconds
    events: FloatArray  # (S, coders, codes) segment counts
    event_conf: tuple[FloatArray | None, ...]  # per category (S, P, K + 1, K + 1)
    resolution_ms: int | None
    alpha_resolution_ms: int

    @property
    def n_sessions(self) -> int:
        return int(self.seconds.shape[0])

    def var_index(self, kind: str, ident: str) -> int | None:
        for k, v in enumerate(self.variables):
            if v.kind == kind and v.id == ident:
                return k
        return None


def _category_events(meta: CodeMeta, prep: Prepared, s: int, ci: int) -> list[Events]:
    codes = meta.category_codes(ci)
    local = np.full(len(meta.ids), -1, dtype=np.int64)
    local[codes] = np.arange(codes.size)
    out = []
    for sp in prep.sessions[s].coders:
        sel = local[sp.code] >= 0
        out.append(Events(local[sp.code[sel]], sp.start[sel], sp.end[sel],
                          meta.is_point[sp.code[sel]]))
    return out


def gather(
    meta: CodeMeta,
    prep: Prepared,
    coders: tuple[str, ...],
    *,
    resolution_ms: int | None,
    alpha_resolution_ms: int,
    tolerance_ms: int,
    progress: Callable[[float], None] | None,
    cancelled: Callable[[], bool] | None,
    share: float = 0.8,
) -> StudyStats:
    m = len(coders)
    pairs = tuple(combinations(range(m), 2))
    variables = tuple(variables_of(meta))
    n_codes = len(meta.ids)
    n_cat = len(meta.codebook.categories)
    per_var: list[list[list[FloatArray]]] = [[[], [], [], []] for _ in variables]
    seconds, events = [], []
    econf: list[list[FloatArray]] = [[] for _ in range(n_cat)]
    n_sessions = len(prep.sessions)
    for s, ps in enumerate(prep.sessions):
        if cancelled is not None and cancelled():
            raise ReliabilityCancelled("reliability computation cancelled")
        tl = build_timeline(ps, n_codes)
        exact = exact_units(tl)
        units = exact if resolution_ms is None else slice_units(tl, ps.duration_ms, resolution_ms)
        if resolution_ms == alpha_resolution_ms:
            aunits = units
        else:
            aunits = slice_units(tl, ps.duration_ms, alpha_resolution_ms)
        for k, vs in enumerate(session_stats(units, aunits, list(variables), list(pairs))):
            per_var[k][0].append(vs.pair)
            per_var[k][1].append(vs.alpha_pair)
            per_var[k][2].append(np.concatenate([[vs.fleiss_w], vs.fleiss_s1, [vs.fleiss_s2]]))
            per_var[k][3].append(vs.coincidence)
        seconds.append(np.tensordot(exact.cover, exact.weights, axes=([1], [0])) / 1000.0)
        events.append(np.stack([np.bincount(sp.code, minlength=n_codes) for sp in ps.coders]))
        for ci in range(n_cat):
            k_codes = meta.category_codes(ci).size
            if k_codes == 0:
                continue
            evs = _category_events(meta, prep, s, ci)
            econf[ci].append(np.stack([
                event_confusion(evs[i], evs[j], k_codes, tolerance_ms) for i, j in pairs
            ]))
        if progress is not None:
            progress(share * (s + 1) / n_sessions)
    return StudyStats(
        meta=meta,
        coders=coders,
        pairs=pairs,
        variables=variables,
        pair_tab=tuple(np.stack(v[0]) for v in per_var),
        alpha_pair=tuple(np.stack(v[1]) for v in per_var),
        fleiss=tuple(np.stack(v[2]) for v in per_var),
        coincidence=tuple(np.stack(v[3]) for v in per_var),
        seconds=np.stack(seconds),
        events=np.stack(events).astype(np.float64),
        event_conf=tuple(np.stack(e) if e else None for e in econf),
        resolution_ms=resolution_ms,
        alpha_resolution_ms=alpha_resolution_ms,
    )
