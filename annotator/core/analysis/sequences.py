"""Lag-1 sequences between event onsets (Bakeman & Quera, 2011).

Within each unit the events (segments, state or point) are ordered by onset (ties by
codebook order, then end); each consecutive pair is one transition *given → target*, and no
transition crosses units. Per scope (one category's codes, or all codes):

- counts ``n[i, j]``, pooled over the units; ``N`` transitions in all;
- transitional probability ``p(j | i) = n[i, j] / n[i, +]``;
- expected ``e[i, j] = n[i, +] n[+, j] / N``;
- adjusted residual ``z = (n − e) / sqrt(e (1 − n[i, +] / N) (1 − n[+, j] / N))``;
- Yule's Q of the 2 x 2 table of *given i or not* by *target j or not*:
  ``Q = (ad − bc) / (ad + bc)``.

Minimum-count rule: z and Q are reported only when ``e[i, j] >= min_expected`` (default 5);
otherwise they are empty with that reason, as are values whose formula is undefined.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from annotator.core.analysis.data import AnalysisData
from annotator.core.analysis.table import Column, Table, text_column

FloatArray = npt.NDArray[np.float64]
ALL_SCOPE = "all"
MIN_EXPECTED = 5.0

SEQUENCE_COLUMNS = ("scope", "given", "given_label", "target", "target_label", "count",
                    "given_total", "target_total", "transitions", "probability", "expected",
                    "adjusted_residual", "yules_q", "note")


def sequence_notes(min_expected: float) -> tuple[str, ...]:
    return (
        "Lag-1 transitions between event onsets within each session (ties in codebook "
        "order); no transition crosses sessions.",
        "probability = count / given_total; expected = given_total × target_total / "
        "transitions.",
        "adjusted_residual: (count − expected) / sqrt(expected × (1 − given_total/transitions) "
        "× (1 − target_total/transitions)) after Bakeman & Quera (2011); |z| > 1.96 is "
        "p < .05 for one cell.",
        "yules_q: (ad − bc)/(ad + bc) of the 2 × 2 table given/not given × target/not target.",
        f"Minimum-count rule: adjusted residual and Yule's Q are shown only when the expected "
        f"count is at least {min_expected:g}.",
    )


@dataclass(frozen=True)
class Transitions:
    """One scope's lag-1 table; ``codes`` are indices into ``AnalysisData.codes``."""

    scope: str
    codes: list[int]
    counts: FloatArray
    probability: FloatArray
    expected: FloatArray
    adjusted_residual: FloatArray
    yules_q: FloatArray
    reason: list[list[str]]

    @property
    def total(self) -> int:
        return int(self.counts.sum())


def _table(scope: str, codes: list[int], n: FloatArray, min_expected: float) -> Transitions:
    k = len(codes)
    total = n.sum()
    row = n.sum(axis=1)
    col = n.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        prob = np.where(row[:, None] > 0, n / row[:, None], np.nan)
        exp = np.outer(row, col) / total if total > 0 else np.full((k, k), np.nan)
        var = exp * (1 - row[:, None] / total) * (1 - col[None, :] / total)
        z = np.where(var > 0, (n - exp) / np.sqrt(var), np.nan)
        a = n
        b = row[:, None] - n
        c = col[None, :] - n
        d = total - a - b - c
        num = a * d - b * c
        den = a * d + b * c
        q = np.where(den > 0, num / den, np.nan)
    reason = [["" for _ in range(k)] for _ in range(k)]
    for i in range(k):
        for j in range(k):
            if total == 0 or row[i] == 0:
                reason[i][j] = "no transitions from this code"
            elif not exp[i, j] >= min_expected:
                reason[i][j] = f"expected count {exp[i, j]:.2f} < {min_expected:g}"
            elif np.isnan(z[i, j]):
                reason[i][j] = "undefined: a margin equals all transitions"
            elif np.isnan(q[i, j]):
                reason[i][j] = "Yule's Q undefined (ad + bc = 0)"
    small = ~(exp >= min_expected)
    z = np.where(small, np.nan, z)
    q = np.where(small, np.nan, q)
    return Transitions(scope, codes, n, prob, exp, z, q, reason)


def event_order(data: AnalysisData) -> np.ndarray:  # type: ignore[type-arg]
    """The events sorted by unit, onset, codebook order and end (compute once, share).

    Two integer keys, unit-and-onset and code-and-end, sort as the four columns do and
    twice as fast, wherever they fit in 63 bits (times are >= 0 in a study)."""
    unit, start, code, end = data.seg_unit, data.seg_start, data.seg_code, data.seg_end
    if unit.size and min(int(start.min()), int(end.min())) >= 0:
        starts, ends = int(start.max()) + 1, int(end.max()) + 1
        if (int(unit.max()) + 1) * starts < 2**62 and (int(code.max()) + 1) * ends < 2**62:
            order: np.ndarray = np.lexsort(  # type: ignore[type-arg]
                (code * ends + end, unit * starts + start))
            return order
    order = np.lexsort((end, code, start, unit))
    return order


def transitions(data: AnalysisData, scope: str = ALL_SCOPE,
                min_expected: float = MIN_EXPECTED,
                order: np.ndarray | None = None) -> Transitions:  # type: ignore[type-arg]
    """The lag-1 table of ``scope``: a category id, or ``"all"`` for all codes
    (``order``: :func:`event_order`, when several scopes share it)."""
    if scope == ALL_SCOPE:
        codes = list(range(data.n_codes))
    else:
        codes = [i for i, c in enumerate(data.codes) if c.category == scope]
        if not codes:
            raise KeyError(scope)
    k = len(codes)
    local = np.full(data.n_codes, -1, dtype=np.int64)
    local[codes] = np.arange(k)
    ordered = event_order(data) if order is None else order
    codes_in_order = data.seg_code[ordered]
    lc_all = local[codes_in_order]
    sel = lc_all >= 0
    u = data.seg_unit[ordered][sel]
    lc = lc_all[sel]
    same = u[1:] == u[:-1]
    pairs = lc[:-1][same] * k + lc[1:][same]
    n = np.bincount(pairs, minlength=k * k).reshape(k, k).astype(np.float64)
    return _table(scope, codes, n, min_expected)


def transitions_table(data: AnalysisData, tables: list[Transitions]) -> Table:
    """All tables as tidy rows (one per scope x given x target)."""
    parts: dict[str, list[Column]] = {c: [] for c in SEQUENCE_COLUMNS}
    for t in tables:
        k = len(t.codes)
        given = np.repeat(np.array(t.codes, dtype=np.int64), k)
        target = np.tile(np.array(t.codes, dtype=np.int64), k)
        row_tot = t.counts.sum(axis=1)
        col_tot = t.counts.sum(axis=0)
        parts["scope"].append(text_column([t.scope] * (k * k)))
        parts["given"].append(text_column([data.codes[i].id for i in given]))
        parts["given_label"].append(text_column([data.codes[i].label for i in given]))
        parts["target"].append(text_column([data.codes[j].id for j in target]))
        parts["target_label"].append(text_column([data.codes[j].label for j in target]))
        parts["count"].append(t.counts.ravel().astype(np.int64))
        parts["given_total"].append(np.repeat(row_tot, k).astype(np.int64))
        parts["target_total"].append(np.tile(col_tot, k).astype(np.int64))
        parts["transitions"].append(np.full(k * k, t.total, dtype=np.int64))
        parts["probability"].append(t.probability.ravel())
        parts["expected"].append(t.expected.ravel())
        parts["adjusted_residual"].append(t.adjusted_residual.ravel())
        parts["yules_q"].append(t.yules_q.ravel())
        parts["note"].append(text_column([r for row in t.reason for r in row]))
    return Table(SEQUENCE_COLUMNS, {c: np.concatenate(v) if v else _empty(c)
                                    for c, v in parts.items()})


def _empty(column: str) -> Column:
    if column in ("count", "given_total", "target_total", "transitions"):
        return np.zeros(0, dtype=np.int64)
    if column in ("probability", "expected", "adjusted_residual", "yules_q"):
        return np.zeros(0, dtype=np.float64)
    return text_column([])
