"""Scaled synthetic studies for the scaling benchmarks (issue 13). Not a benchmark itself.

At scale 1 a study has 45 sessions (9 cases x 5) of 50 minutes, two coders (AK primary,
BL reliability) and the 10 helper-maneuver codes: 480 segments per coder and session, so
43,200 segments in all; scale k has k times as many segments per session (16x: 696,600,
about 15,500 per session). BL codes AK's segments with boundaries moved inwards by up to 150 ms.

With ``exclusive=True`` the manifest category (five codes) is exclusive: its segments of a
coder never overlap (they are laid out one after another), as the import requires.

    python bench/scaled.py --scale 4 -o /tmp/x4     # writes study.annot and timeline.csv
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.codebook_files import load_codebook
from annotator.core.timeline_rows import TimelineRow

DURATION_MS = 50 * 60 * 1000
CASES = [f"C{c:02d}" for c in range(1, 10)]
SESSIONS = 5
PER_CODER_SESSION = 484  # x 90 coder-sessions = 43,560 at scale 1
IMPLICIT = ["responsive", "confirming", "joins_play", "exploring", "attributing_meaning"]
MANIFEST = ["reason_for_therapy", "difficult_experiences", "help_through_play", "care",
            "concrete_help"]
CODERS = (("AK", "primary"), ("BL", "reliability"))


def codebook_text(exclusive: bool = False) -> str:
    """The shipped helper-maneuver codebook; with ``exclusive`` its manifest category is
    exclusive (a different codebook version)."""
    _, text = load_codebook("helper-maneuvers")
    if not exclusive:
        return text
    head, sep, tail = text.partition("  - id: manifest")
    tail = tail.replace("exclusive: false", "exclusive: true", 1)
    return head + sep + tail.replace('version: "1.0"', 'version: "1.0-x"', 1)


def _laid_out(rng: random.Random, n: int) -> Iterator[tuple[int, int]]:
    """n non-overlapping spans spread over the session."""
    period = DURATION_MS / n
    for i in range(n):
        start = int(i * period + rng.uniform(0, 0.3) * period)
        yield start, start + max(200, int(rng.uniform(0.2, 0.6) * period))


def timeline_rows(scale: int, seed: int = 1, exclusive: bool = False) -> Iterator[TimelineRow]:
    """Every segment of the scaled study as timeline rows, in file order."""
    rng = random.Random(seed)
    per_code = PER_CODER_SESSION * scale // 10
    line = 1
    for case in CASES:
        for number in range(1, SESSIONS + 1):
            base: list[tuple[str, str, int, int]] = []
            for code in IMPLICIT:
                base.extend(("implicit", code, s, e) for s, e in _laid_out(rng, per_code))
            if exclusive:
                base.extend(("manifest", rng.choice(MANIFEST), s, e)
                            for s, e in _laid_out(rng, per_code * len(MANIFEST)))
            else:
                for code in MANIFEST:
                    base.extend(("manifest", code, s, e) for s, e in _laid_out(rng, per_code))
            for coder, purpose in CODERS:
                for cat, code, s, e in base:
                    if coder != "AK":  # jitter inwards: never creates an overlap
                        most = min(150, (e - s) // 3)
                        s, e = s + rng.randrange(0, most + 1), e - rng.randrange(0, most + 1)
                    line += 1
                    yield TimelineRow(line, case, number, coder, cat, code, s, e, "", purpose)


def write_csv(path: Path, rows: Iterator[TimelineRow]) -> int:
    n = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["case", "session", "coder", "category", "code", "start_s", "end_s",
                    "purpose"])
        for r in rows:
            w.writerow([r.case, r.session, r.coder, r.category, r.code,
                        f"{r.start_ms / 1000:.3f}", f"{r.end_ms / 1000:.3f}", r.purpose])
            n += 1
    return n


def build_study(path: Path, scale: int, *, exclusive: bool = False, seed: int = 1) -> int:
    """A study file with the 45 sessions and the scaled codings (through the bulk import)."""
    from annotator.store import Study
    from annotator.store.timeline_import import import_timeline

    study = Study.create(path, codebook_text(exclusive), "bench")
    try:
        study.add_sessions([(c, n, None, DURATION_MS, None)
                            for c in CASES for n in range(1, SESSIONS + 1)])
        rows = list(timeline_rows(scale, seed, exclusive))
        result = import_timeline(study, rows, source="bench")
        return result.segments
    finally:
        study.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=1)
    ap.add_argument("--exclusive", action="store_true")
    ap.add_argument("-o", "--out", type=Path, required=True)
    ns = ap.parse_args()
    ns.out.mkdir(parents=True, exist_ok=True)
    n = write_csv(ns.out / "timeline.csv", timeline_rows(ns.scale, exclusive=ns.exclusive))
    print(f"{ns.out / 'timeline.csv'}: {n:,} rows")
    n = build_study(ns.out / "study.annot", ns.scale, exclusive=ns.exclusive)
    print(f"{ns.out / 'study.annot'}: {n:,} segments")


if __name__ == "__main__":
    main()
