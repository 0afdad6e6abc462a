"""Benchmark of the reliability engine on a synthetic study; prints figures.

45 sessions x 50 min x 2 coders x 10 codes (two non-exclusive categories of 5 codes, like the
helper-maneuver codebook), about 2,000 segments per coder and session. Coder B is coder A with
jittered boundaries, 10% dropped segments and 10% extra ones.

Targets: full report with 1,000 bootstrap resamples < 2 s; without bootstrap < 0.5 s;
peak RSS < 300 MB. For comparison it also times a naive Python loop that slices the same data
at 0.1 s and counts the per-code 2x2 tables.

Run: PYTHONPATH=. python bench/reliability.py
"""

from __future__ import annotations

import resource
import time
from typing import Any

import numpy as np

from annotator.core.codebook import Category, Code, Codebook
from annotator.core.reliability import compute_reliability
from annotator.core.segments import CodedSession, Span

N_SESSIONS = 45
DURATION_MS = 50 * 60 * 1000
CATEGORIES = {
    "implicit": ["responsive", "confirming", "joins_play", "exploring", "attributing_meaning"],
    "manifest": ["reason_for_therapy", "difficult_experiences", "help_through_play", "care",
                 "concrete_help"],
}
SEGMENTS_PER_CODE = 200  # x 10 codes = ~2,000 per coder and session
REPEATS = 3  # timings are the best of this many runs (the machine may be shared)


def make_codebook() -> Codebook:
    cats = []
    for cid, codes in CATEGORIES.items():
        built = tuple(Code(c, cid, {"en": c}, None, "#4e79a7", "state") for c in codes)
        cats.append(Category(cid, {"en": cid}, False, built))
    return Codebook("Helper maneuvers (synthetic)", "bench", ("en",), tuple(cats))


def make_study(seed: int = 1) -> list[CodedSession]:
    rng = np.random.default_rng(seed)
    codes = [c for cs in CATEGORIES.values() for c in cs]
    period = DURATION_MS / SEGMENTS_PER_CODE
    sessions = []
    for n in range(N_SESSIONS):
        a: list[Span] = []
        b: list[Span] = []
        for code in codes:
            starts = np.sort(rng.uniform(0, DURATION_MS - 12_000, SEGMENTS_PER_CODE)).astype(int)
            lengths = rng.integers(800, int(period * 0.6), SEGMENTS_PER_CODE)
            for s, ln in zip(starts.tolist(), lengths.tolist(), strict=True):
                a.append(Span(code, s, s + ln))
                if rng.random() < 0.1:
                    continue
                js, je = rng.integers(-700, 700, 2).tolist()
                b.append(Span(code, max(0, s + js), max(s + js + 200, s + ln + je)))
            for s in rng.uniform(0, DURATION_MS - 5000, SEGMENTS_PER_CODE // 10).astype(int):
                b.append(Span(code, int(s), int(s) + int(rng.integers(500, 4000))))
        sessions.append(CodedSession(f"C{n // 5 + 1:02d}", n % 5 + 1, DURATION_MS,
                                     {"A": a, "B": b}))
    return sessions


def naive_sliced_tables(sessions: list[CodedSession], codes: list[str], step: int) -> dict[
        str, list[int]]:
    """Pure-Python slicing: mark slice starts covered per coder/code, then count 2x2 cells."""
    tables = {c: [0, 0, 0, 0] for c in codes}
    for sess in sessions:
        n = -(-sess.duration_ms // step)
        marks = {}
        for coder, spans in sess.codings.items():
            for c in codes:
                marks[(coder, c)] = [False] * n
            for sp in spans:
                first = -(-sp.start_ms // step)
                for k in range(first, n):
                    if k * step >= sp.end_ms:
                        break
                    marks[(coder, sp.code)][k] = True
        for c in codes:
            ma, mb, t = marks[("A", c)], marks[("B", c)], tables[c]
            for k in range(n):
                t[(0 if ma[k] else 2) + (0 if mb[k] else 1)] += 1
    return tables


def main() -> None:
    t0 = time.perf_counter()
    sessions = make_study()
    cb = make_codebook()
    n_seg = sum(len(s.codings["A"]) + len(s.codings["B"]) for s in sessions)
    print(f"synthetic study: {len(sessions)} sessions x {DURATION_MS / 60000:.0f} min, "
          f"{n_seg} segments ({n_seg / (2 * len(sessions)):.0f} per coder-session), "
          f"built in {time.perf_counter() - t0:.1f} s")

    compute_reliability(cb, sessions[:2], ["A", "B"], bootstrap=10)  # warm-up imports

    def best(**kwargs: Any) -> tuple[float, dict[str, Any]]:
        times = []
        for _ in range(REPEATS):
            t0 = time.perf_counter()
            rep = compute_reliability(cb, sessions, ["A", "B"], **kwargs)
            times.append(time.perf_counter() - t0)
        return min(times), rep

    t_nob, _ = best(bootstrap=0)
    t_full, rep = best(bootstrap=1000, seed=0)
    t_sliced, _ = best(resolution_ms=100, bootstrap=1000)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    codes = [c for cs in CATEGORIES.values() for c in cs]
    t0 = time.perf_counter()
    naive = naive_sliced_tables(sessions, codes, 100)
    t_naive = time.perf_counter() - t0

    cat = rep["categories"][0]
    print(f"timings: best of {REPEATS} runs")
    print(f"report without bootstrap (exact durations): {t_nob:6.3f} s   (target < 0.5 s)")
    print(f"full report, 1,000 bootstrap resamples:     {t_full:6.3f} s   (target < 2 s)")
    print(f"full report at 100 ms slices, 1,000 boots:  {t_sliced:6.3f} s")
    print(f"peak RSS:                                   {rss_mb:6.0f} MB  (target < 300 MB)")
    print(f"naive Python loop, 2x2 tables at 0.1 s:     {t_naive:6.3f} s")
    print(f"  e.g. {cat['id']}: pooled kappa {cat['kappa']:.3f} CI "
          f"[{cat['kappa_ci'][0]:.3f}, {cat['kappa_ci'][1]:.3f}], alpha {cat['alpha']:.3f}; "
          f"naive 0.1 s table for {codes[0]}: {naive[codes[0]]}")


if __name__ == "__main__":
    main()
