"""On seeded random studies, every analysis table equals a plain recomputation written here
independently: segments read per assignment from the store, times on a millisecond grid,
pandas for the rest."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from annotator.exchange.analysis.reader import Selection
from annotator.exchange.analysis.run import analyse
from annotator.store import Study
from tests.analysis_data import random_study

CODES = ["therapist", "child", "praise", "question"]
CATS = {"talk": ["therapist", "child"], "acts": ["praise", "question"]}
POINT = {"question"}


def _raw(study: Study) -> tuple[pd.DataFrame, dict[tuple[str, int], int]]:
    """The primary coding's segments (open recordings dropped) and each session's duration."""
    rows = []
    durations = {}
    for s in study.sessions():
        durations[(s.case, s.number)] = s.duration_ms
        for a in study.assignments(session_id=s.id, purpose="primary"):
            for seg in study.segments(a.id):
                if seg.modifiers.get("open"):
                    continue
                rows.append((s.case, s.number, a.coder, seg.code, seg.start_ms, seg.end_ms))
    return pd.DataFrame(rows, columns=["case", "session", "coder", "code", "start", "end"]), \
        durations


def _grid(segs: pd.DataFrame, dur: int) -> dict[str, np.ndarray]:  # type: ignore[type-arg]
    on = {c: np.zeros(dur, dtype=bool) for c in CODES}
    for r in segs.itertuples():
        on[r.code][r.start:r.end] = True
    return on


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_study_equals_recomputation(tmp_path: Path, seed: int) -> None:
    path = random_study(tmp_path / "r.annot", seed)
    study = Study.open(path)
    try:
        res, _ = analyse(study, str(path), Selection(), min_expected=0.0)
        raw, durations = _raw(study)
    finally:
        study.close()
    budget = res.frame("budget").set_index(["case", "session", "code"])
    cats = res.frame("categories").set_index(["case", "session", "category"])
    overlap = np.zeros((len(CODES), len(CODES)))
    for (case, number), dur in durations.items():
        segs = raw[(raw["case"] == case) & (raw["session"] == number)]
        on = _grid(segs, dur)
        for code in CODES:
            mine = segs[segs["code"] == code]
            got = budget.loc[(case, number, code)]
            assert got["count"] == len(mine)
            assert math.isclose(got["rate_per_10min"], len(mine) / (dur / 600_000))
            if len(mine):
                assert got["latency_s"] == mine["start"].min() / 1000
            else:
                assert math.isnan(got["latency_s"])
            if code in POINT:
                assert math.isnan(got["total_s"]) and math.isnan(got["mean_bout_s"])
                continue
            assert math.isclose(got["total_s"], on[code].sum() / 1000, abs_tol=1e-9)
            assert math.isclose(got["percent_of_session"], 100 * on[code].sum() / dur)
            d = (mine["end"] - mine["start"]) / 1000
            for col, want in (("mean_bout_s", d.mean()), ("sd_bout_s", d.std(ddof=1)),
                              ("median_bout_s", d.median()), ("min_bout_s", d.min()),
                              ("max_bout_s", d.max())):
                if len(d) == 0 or (col == "sd_bout_s" and len(d) < 2):
                    assert math.isnan(got[col]), col
                else:
                    assert math.isclose(got[col], want, rel_tol=1e-9, abs_tol=1e-9), col
        for cat, members in CATS.items():
            any_on = np.logical_or.reduce([on[c] for c in members])
            assert math.isclose(cats.loc[(case, number, cat)]["coded_s"], any_on.sum() / 1000)
        every = np.logical_or.reduce([on[c] for c in CODES])
        got_all = cats.loc[(case, number, "(all codes)")]
        assert math.isclose(got_all["percent_uncoded"], 100 * (dur - every.sum()) / dur)
        for i, a in enumerate(CODES):
            for j, b in enumerate(CODES):
                overlap[i, j] += (on[a] & on[b]).sum()
    co = res.frame("cooccurrence").set_index(["code", "with_code"])
    for i, a in enumerate(CODES):
        for j, b in enumerate(CODES):
            if a == b or a in POINT or b in POINT:
                continue
            got = co.loc[(a, b)]
            assert math.isclose(got["overlap_s"], overlap[i, j] / 1000, abs_tol=1e-9)
            if overlap[i, i]:
                assert math.isclose(got["percent_of_code"], 100 * overlap[i, j] / overlap[i, i])

    # Sequences: sort by onset (ties: codebook order, then end), pair with the next event.
    seq = res.frame("sequences").set_index(["scope", "given", "target"])
    for scope, members in CATS.items():
        ev = raw[raw["code"].isin(members)].assign(
            rank=lambda f: f["code"].map({c: i for i, c in enumerate(CODES)}))
        ev = ev.sort_values(["case", "session", "start", "rank", "end"], kind="stable")
        ev["next"] = ev.groupby(["case", "session"])["code"].shift(-1)
        pairs = ev.dropna(subset=["next"])
        table = pd.crosstab(pairs["code"], pairs["next"]).reindex(
            index=members, columns=members, fill_value=0)
        n = table.to_numpy(dtype=float)
        total = n.sum()
        for gi, g in enumerate(members):
            for ti, t in enumerate(members):
                got = seq.loc[(scope, g, t)]
                assert got["count"] == n[gi, ti]
                row, col = n[gi].sum(), n[:, ti].sum()
                if row:
                    assert math.isclose(got["probability"], n[gi, ti] / row)
                if total and row and 0 < row < total and 0 < col < total:
                    e = row * col / total
                    z = (n[gi, ti] - e) / math.sqrt(e * (1 - row / total) * (1 - col / total))
                    assert math.isclose(got["adjusted_residual"], z, rel_tol=1e-9,
                                        abs_tol=1e-12)
                    a, b = n[gi, ti], row - n[gi, ti]
                    c, d = col - n[gi, ti], total - row - col + n[gi, ti]
                    if a * d + b * c:
                        assert math.isclose(got["yules_q"], (a * d - b * c) / (a * d + b * c),
                                            abs_tol=1e-12)

    # Trends: mean and t-based CI over cases per session number.
    trends = res.frame("trends").set_index(["metric", "code", "session"])
    for code in CODES:
        for number in sorted({k[1] for k in durations}):
            vals = []
            for (case, num), dur in durations.items():
                if num != number:
                    continue
                on = _grid(raw[(raw["case"] == case) & (raw["session"] == num)], dur)
                vals.append(100 * on[code].sum() / dur)
            if code in POINT:
                continue
            got = trends.loc[("percent_of_session", code, number)]
            v = np.array(vals)
            assert math.isclose(got["mean"], v.mean(), abs_tol=1e-9)
            half = stats.t.ppf(0.975, len(v) - 1) * v.std(ddof=1) / math.sqrt(len(v))
            assert math.isclose(got["ci_high"], v.mean() + half, rel_tol=1e-6, abs_tol=1e-9)
