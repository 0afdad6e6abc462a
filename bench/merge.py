"""Benchmark: checkout and merge a 45-session study with 90,000 segments. Prints figures.

The main study has nine cases x five sessions of 50 minutes; coder AK has 1,000 segments
in every session and coder BL is assigned to all 45. BL checks out, codes 2,000 segments per
session in the checkout (90,000, one bulk import, so 90,000 edit-log rows too), and the work
is merged back; then merged again (nothing to do); then 9,000 of the segments are changed
in the checkout and merged a third time.

Target: the 90,000-segment merge < 5 s.

    python bench/merge.py
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import bindparam, update

from annotator.core.codebook_files import load_codebook
from annotator.store import Study
from annotator.store.checkout import checkout
from annotator.store.edits import NewSegment
from annotator.store.merge import merge
from annotator.store.models import Segment

DURATION = 50 * 60 * 1000


def main() -> None:
    rng = random.Random(11)
    with tempfile.TemporaryDirectory(dir=Path.home()) as d:
        folder = Path(d)
        _, text = load_codebook("helper-maneuvers")
        study = Study.create(folder / "main.annot", text)
        study.add_sessions([(f"C{c:02d}", n, None, DURATION, None)
                            for c in range(1, 10) for n in range(1, 6)])
        codes = [c.id for c in study.codebook.codes]
        items = []
        for s in study.sessions():
            a = study.assign(s.id, "AK")
            study.assign(s.id, "BL", "reliability")
            for _ in range(1000):
                st = rng.randrange(0, DURATION - 10_000)
                items.append(NewSegment(a.id, rng.choice(codes), st, st + rng.randrange(200, 9000)))
        study.add_segments(items, validate=False)

        t0 = time.perf_counter()
        checkout(study, "BL", folder / "BL.annot")
        print(f"checkout of BL (45 sessions, no segments yet): {time.perf_counter() - t0:.2f} s")

        other = Study.open(folder / "BL.annot")
        new = []
        for a in other.assignments():
            for _ in range(2000):
                st = rng.randrange(0, DURATION - 10_000)
                new.append(NewSegment(a.id, rng.choice(codes), st, st + rng.randrange(200, 9000)))
        other.add_segments(new, validate=False, by="BL")
        other.close()
        print(f"checkout coded: {len(new):,} segments")

        # The first merge, three times, each into a fresh copy of the main study.
        study.close()
        times = []
        for k in range(3):
            copy = folder / f"main-{k}.annot"
            src = sqlite3.connect(folder / "main.annot")
            dst = sqlite3.connect(copy)
            src.backup(dst)
            src.close()
            dst.close()
            target = Study.open(copy)
            t0 = time.perf_counter()
            report = merge(target, folder / "BL.annot")
            times.append(time.perf_counter() - t0)
            target.close()
        print(f"merge: {report.summary()}, {report.log_rows:,} edit-log rows appended: best "
              f"{min(times):.2f} s, median {statistics.median(times):.2f} s   (target < 5 s)")
        study = Study.open(folder / "main.annot")
        merge(study, folder / "BL.annot")

        t0 = time.perf_counter()
        report = merge(study, folder / "BL.annot")
        print(f"merge again: {report.summary()}: {time.perf_counter() - t0:.2f} s")

        other = Study.open(folder / "BL.annot")
        with other.read() as conn:
            ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM segments")]
        picked = rng.sample(ids, 9000)
        with other.write() as conn:
            conn.execute(update(Segment).where(Segment.id == bindparam("sid")).values(
                note="revised", updated_at=datetime.now(UTC)), [{"sid": i} for i in picked])
        other.close()
        t0 = time.perf_counter()
        report = merge(study, folder / "BL.annot")
        print(f"merge after 9,000 changes: {report.summary()}: "
              f"{time.perf_counter() - t0:.2f} s")
        study.close()


if __name__ == "__main__":
    main()
