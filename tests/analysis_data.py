"""Studies for the analysis tests: a hand-computed toy study and seeded random ones."""

from __future__ import annotations

import random
from pathlib import Path

from annotator.store import Study
from annotator.store.edits import NewSegment
from tests.studyutil import make_study

# The toy study (codebook tests/studyutil.EXCLUSIVE_CODEBOOK: talk = therapist | child,
# exclusive; acts = praise (state) | question (point)).
#
# C01:1, 60 s explicit, primary AK:
#   therapist [0, 10 s) and [20, 30 s)
#   child     [10, 20 s) and [50, 60 s)   <- runs to the session end
#   praise    [5, 25 s) and [15, 18 s)    <- overlaps itself and both talk codes
#   question  at 12 s and at 40 s          (point codes)
#   consensus AK2 (consensus): therapist [0, 60 s)
# C01:2, no media, no explicit duration, primary AK: child [0, 30 s)  -> duration 30 s
#   (latest segment end; BL's reliability coding praise [0, 45 s) makes it 45 s)
# C02:1, 120 s explicit, primary BL: no segments at all           -> zeros
# C02:2, 90 s explicit, no assignment at all                      -> "not coded"
TOY_SEGMENTS = {
    ("C01", 1, "AK", "primary"): [("therapist", 0, 10_000), ("therapist", 20_000, 30_000),
                                  ("child", 10_000, 20_000), ("child", 50_000, 60_000),
                                  ("praise", 5_000, 25_000), ("praise", 15_000, 18_000),
                                  ("question", 12_000, 12_000), ("question", 40_000, 40_000)],
    ("C01", 1, "AK2", "consensus"): [("therapist", 0, 60_000)],
    ("C01", 2, "AK", "primary"): [("child", 0, 30_000)],
    ("C01", 2, "BL", "reliability"): [("praise", 0, 45_000)],
    ("C02", 1, "BL", "primary"): [],
}


def toy_study(path: Path | str) -> Path:
    """Build the toy study at ``path`` (a file, or a PostgreSQL URL given as a string)."""
    study = make_study(str(path))
    try:
        study.add_sessions([("C01", 1, None, 60_000, None), ("C01", 2, None, None, None),
                            ("C02", 1, None, 120_000, None), ("C02", 2, None, 90_000, None)])
        items = []
        for (case, number, coder, purpose), segs in TOY_SEGMENTS.items():
            if not study.has_coder(coder):
                study.add_coder(coder)
            a = study.assign(study.session(case, number).id, coder, purpose)
            items += [NewSegment(a.id, code, s, e) for code, s, e in segs]
        study.add_segments(items, validate=False)
    finally:
        study.close()
    return Path(path) if not str(path).startswith("postgresql") else path  # type: ignore[return-value]


def random_study(path: Path, seed: int, *, cases: int = 3, sessions: int = 3,
                 segments: int = 40, open_codes: int = 2) -> Path:
    """Random codings (overlaps, points, segments to the session end, unused codes), plus a
    few still-open recordings that must not count."""
    rng = random.Random(seed)
    study = make_study(str(path))
    codes = ["therapist", "child", "praise", "question"]
    try:
        study.add_sessions([(f"C{c:02d}", n, None, rng.randrange(30_000, 200_000), None)
                            for c in range(1, cases + 1) for n in range(1, sessions + 1)])
        study.add_coder("AK")
        study.add_coder("BL")
        items = []
        for s in study.sessions():
            dur = s.duration_ms
            assert dur is not None
            for coder, purpose in (("AK", "primary"), ("BL", "reliability")):
                if coder == "BL" and rng.random() < 0.5:
                    continue
                a = study.assign(s.id, coder, purpose)
                used = rng.sample(codes, rng.randrange(1, len(codes) + 1))
                for _ in range(rng.randrange(0, segments)):
                    code = rng.choice(used)
                    st = rng.randrange(0, dur)
                    if code == "question":
                        items.append(NewSegment(a.id, code, st, st))
                        continue
                    en = dur if rng.random() < 0.1 else min(dur, st + rng.randrange(1, 20_000))
                    items.append(NewSegment(a.id, code, st, max(en, st + 1)))
                for _ in range(open_codes if coder == "AK" else 0):
                    st = rng.randrange(0, dur)
                    items.append(NewSegment(a.id, rng.choice(codes), st, st,
                                            modifiers={"open": True}))
        study.add_segments(items, validate=False)
    finally:
        study.close()
    return path


def open_toy(path: Path) -> Study:
    return Study.open(toy_study(path))
