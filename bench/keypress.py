"""Key press -> segment committed, through the real main window. Prints figures.

    python bench/keypress.py [--segments 10000] [--presses 500] [--video]

A study whose session already holds N segments (bulk-inserted), opened in the main
window from ``annotator.ui.app.start`` (offscreen). Each press is a real key event sent
to the window (``QTest.keyClick``: it passes the application's coding-key filter, the
coding controller, the store's committed transaction, and the timeline and table
updates, synchronously). The presses alternate: one opens a code at the playhead, the
next closes it a few seconds later. Target: p99 < 10 ms.

With ``--video`` the session has a 10-minute 320x240 MPEG-4 video instead of an explicit
duration (the player is loaded; its position is moved by seeking).

"Find the spike": for each press it also records where the time went (store, segment
table, timeline), whether Python's cyclic garbage collector ran during it (and which
generation), and whether SQLite checkpointed its WAL into the database during it (the
``-wal`` file shrank or restarted). The slowest presses are printed with that breakdown.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.codebook_files import load_codebook
from annotator.store import Study
from annotator.store.edits import NewSegment
from annotator.ui.app import make_app, start
from annotator.ui.settings import Settings

HOUR_MS = 3_600_000


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def timed(obj: object, name: str, parts: dict[str, float], part: str) -> None:
    """Add the time spent in ``obj.name`` to ``parts[part]`` (ms)."""
    fn = getattr(obj, name)

    def wrapper(*args: object, **kwargs: object) -> object:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            parts[part] += (time.perf_counter() - t0) * 1000

    setattr(obj, name, wrapper)


def checkpointed_frames(shm: Path) -> int:
    """WAL frames SQLite has copied back into the database (``nBackfill`` in the shared
    wal-index): it changes when a checkpoint runs."""
    try:
        with shm.open("rb") as fh:
            fh.seek(96)
            return int.from_bytes(fh.read(4), sys.byteorder)
    except OSError:  # no connection open: no wal-index
        return -1


class GcWatch:
    """Which collector generations ran, and for how long, since the last ``take``."""

    def __init__(self) -> None:
        self.runs: list[tuple[int, float]] = []
        self._t0 = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._t0 = time.perf_counter()
        else:
            self.runs.append((info["generation"], (time.perf_counter() - self._t0) * 1000))

    def take(self) -> list[tuple[int, float]]:
        runs, self.runs = self.runs, []
        return runs


def make_study(folder: Path, n: int, video: bool) -> tuple[Path, int]:
    _, text = load_codebook("helper-maneuvers")
    path = folder / "bench.annot"
    study = Study.create(path, text)
    try:
        if video:
            from annotator.media.hashing import sha256_file
            from annotator.media.probe import probe
            from annotator.store import MediaLink

            media = folder / "ten-minutes.mp4"
            subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i",
                            "testsrc2=size=320x240:rate=25", "-t", "600", "-c:v", "mpeg4",
                            "-q:v", "10", str(media)], check=True)
            info = probe(media)
            link = MediaLink(path=media.name, sha256=sha256_file(media),
                             size=media.stat().st_size, duration_ms=info.duration_ms,
                             fps=info.fps, frame_count=info.frame_count, width=info.width,
                             height=info.height, codec=info.codec)
            session = study.add_session("C01", 1, media=link)
        else:
            session = study.add_session("C01", 1, duration_ms=HOUR_MS)
        duration = session.duration_ms or HOUR_MS
        study.add_coder("AK")
        a = study.assign(session.id, "AK", "primary")
        codes = [c.id for c in study.codebook.codes if c.key != "1"]
        rng = random.Random(7)
        items = []
        for _ in range(n):
            start = rng.randrange(0, duration - 10_000)
            items.append(NewSegment(a.id, rng.choice(codes), start,
                                    start + rng.randrange(200, 10_000)))
        study.add_segments(items, by="bench")
    finally:
        study.close()
    return path, duration


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--segments", type=int, default=10_000)
    ap.add_argument("--presses", type=int, default=500)
    ap.add_argument("--video", action="store_true")
    ap.add_argument("--diagnose-sync-normal", action="store_true",
                    help="diagnosis only, never the product: commit without fsync "
                         "(PRAGMA synchronous=NORMAL) to see how much of a spike is the fsync")
    args = ap.parse_args()
    app = make_app()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        path, duration = make_study(folder, args.segments, args.video)
        print(f"study with {args.segments:,} segments built in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        w = start(str(path), "AK", "C01:1", Settings(folder / "settings.ini"))
        w.resize(1280, 720)
        w.show()
        w.activateWindow()
        pc = w.player.controller
        deadline = time.monotonic() + 60
        while (args.video and not pc.is_loaded) or not w.isActiveWindow():
            app.processEvents()
            if w.open_check.task is None:  # the integrity check's dialog has closed
                w.activateWindow()
            if time.monotonic() > deadline:
                raise SystemExit(f"the window did not come up (video loaded: {pc.is_loaded}, "
                                 f"active: {w.isActiveWindow()})")
        for _ in range(20):
            app.processEvents()
        assert w.controller is not None
        print(f"session opened in {time.perf_counter() - t0:.2f} s "
              f"({w.table.model.rowCount():,} rows in the table)")

        if args.diagnose_sync_normal:
            from sqlalchemy import event

            engine = w.controller.study.engine

            @event.listens_for(engine, "connect")
            def _normal(dbapi_conn: object, _rec: object) -> None:
                dbapi_conn.execute("PRAGMA synchronous=NORMAL")  # type: ignore[attr-defined]

            engine.dispose()  # the pooled connections reconnect with it
            print("DIAGNOSIS: synchronous=NORMAL (no fsync per commit): not the product")
        parts = {"store": 0.0, "commit": 0.0, "segment table": 0.0, "timeline": 0.0}
        timed(w.controller.study, "start_recording", parts, "store")
        timed(w.controller.study, "end_recording", parts, "store")
        timed(w.table.model, "upsert", parts, "segment table")
        timed(w.timeline, "upsert_segment", parts, "timeline")
        # the COMMIT itself (SQLite writes and fsyncs the WAL: synchronous=FULL), a part of
        # "store"
        timed(w.controller.study.engine.dialect, "do_commit", parts, "commit")
        shm = Path(str(path) + "-shm")
        watch = GcWatch()
        latencies: list[float] = []
        details: list[tuple[float, dict[str, float], list[tuple[int, float]], bool]] = []
        t = 5_000
        for i in range(args.presses):
            t = (t + 2_000) % (duration - 5_000)
            if args.video:
                pc.seek(t)
            else:
                w.timeline.seekRequested.emit(t)
            app.processEvents()  # paint and settle between presses, as a person would
            before = len(w.workspace.segments)
            snapshot = dict(parts)
            backfilled = checkpointed_frames(shm)
            watch.take()
            t_start = time.perf_counter()
            QTest.keyClick(w, Qt.Key.Key_1)
            latencies.append((time.perf_counter() - t_start) * 1000)
            details.append((latencies[-1], {k: parts[k] - snapshot[k] for k in parts},
                            watch.take(), checkpointed_frames(shm) != backfilled))
            opening = i % 2 == 0
            assert len(w.workspace.segments) == before + (1 if opening else 0)
            assert bool(w.controller.state.open) == opening
        app.processEvents()
        w.close()
    QApplication.processEvents()
    print(f"{args.presses} presses (alternating open / close) on the window, key event -> "
          "store commit returned -> views updated:")
    print(f"  p50 {statistics.median(latencies):6.2f} ms   p90 {pct(latencies, 90):6.2f} ms   "
          f"p99 {pct(latencies, 99):6.2f} ms   max {max(latencies):6.2f} ms")
    opens, closes = latencies[0::2], latencies[1::2]
    print(f"  opening: p50 {statistics.median(opens):6.2f} ms  p99 {pct(opens, 99):6.2f} ms")
    print(f"  closing: p50 {statistics.median(closes):6.2f} ms  p99 {pct(closes, 99):6.2f} ms")
    n = len(latencies)
    outside = sum(v for k, v in parts.items() if k != "commit")  # commit is inside store
    print("  where the time goes (mean per press): " + ", ".join(
        f"{name} {total / n:.2f} ms" + (" (of the store's)" if name == "commit" else "")
        for name, total in parts.items())
        + f", the rest {(sum(latencies) - outside) / n:.2f} ms")
    gc_presses = [d for d in details if d[2]]
    ckpt = [d for d in details if d[3]]
    def mean(ds: list[tuple[float, dict[str, float], list[tuple[int, float]], bool]]) -> str:
        return f"{statistics.mean(d[0] for d in ds):.2f} ms" if ds else "-"

    print(f"  presses during which the garbage collector ran: {len(gc_presses)} "
          f"(gen 2: {sum(1 for d in gc_presses if any(g == 2 for g, _ in d[2]))}), mean "
          f"{mean(gc_presses)}; during which SQLite checkpointed or restarted the WAL: "
          f"{len(ckpt)}, mean {mean(ckpt)}; the others: "
          f"{mean([d for d in details if not d[2] and not d[3]])}")
    slow = [d for d in details if d[0] >= pct(latencies, 99)]
    if slow:
        share = {k: sum(d[1][k] for d in slow) / sum(d[0] for d in slow) for k in parts}
        print(f"  in the slowest 1 % ({len(slow)} presses): " + ", ".join(
            f"{k} {v:.0%}" for k, v in share.items()))
    print("  the slowest presses:")
    for lat, split, runs, checkpointed in sorted(details, key=lambda d: -d[0])[:6]:
        gcs = ", ".join(f"gen {g} {ms:.1f} ms" for g, ms in runs) or "none"
        print(f"    {lat:6.2f} ms: " + ", ".join(f"{k} {v:.2f}" for k, v in split.items())
              + f"; gc: {gcs}; WAL checkpoint: {'yes' if checkpointed else 'no'}")
    verdict = "OK" if pct(latencies, 99) < 10 else "ABOVE TARGET"
    print(f"  target p99 < 10 ms: {verdict}")


if __name__ == "__main__":
    main()
