"""Memory of the coding workstation with a long recording and many segments. Prints RSS.

    python bench/memory.py [--video hour.mp4] [--segments 10000] [--keep]

A 1-hour 1280x720 H.264 video (made with ffmpeg into a temporary folder unless ``--video``
names one; that takes a few minutes) linked to a session holding N segments, opened in
the main window from ``annotator.ui.app.start`` (offscreen). The window loads the video,
plays it for a few seconds, seeks far into it, steps frames forwards and backwards and
codes a few segments. RSS is printed after each phase: ``VmRSS`` from /proc/self/status
(now) and ``ru_maxrss`` (peak). Target: below 500 MB.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.codebook_files import load_codebook
from annotator.media.frames import FrameSource
from annotator.media.hashing import sha256_file
from annotator.media.probe import probe
from annotator.store import MediaLink, Study
from annotator.store.edits import NewSegment
from annotator.ui.app import make_app, start
from annotator.ui.settings import Settings

TARGET_MB = 500


def rss_mb() -> tuple[float, float]:
    """(current VmRSS, peak ru_maxrss) in MB."""
    now = 0.0
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                now = int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return now, peak


def report(phase: str) -> None:
    now, peak = rss_mb()
    print(f"  {phase:<44} VmRSS {now:7.1f} MB   peak {peak:7.1f} MB", flush=True)


def make_video(folder: Path) -> Path:
    out = folder / "hour-720p.mp4"
    t0 = time.perf_counter()
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=size=1280x720:rate=25", "-t", "3600", "-c:v", "libx264",
                    "-preset", "ultrafast", "-crf", "40", "-g", "250", "-pix_fmt", "yuv420p",
                    str(out)], check=True)
    print(f"made a 1-hour 1280x720 video in {time.perf_counter() - t0:.0f} s "
          f"({out.stat().st_size / 1e6:.0f} MB)")
    return out


def make_study(folder: Path, video: Path, n: int) -> Path:
    _, text = load_codebook("helper-maneuvers")
    path = folder / "memory.annot"
    media = folder / "media" / video.name
    media.parent.mkdir(exist_ok=True)
    if not media.exists():
        os.symlink(video.resolve(), media)
    info = probe(media)
    study = Study.create(path, text)
    try:
        link = MediaLink(path=f"media/{video.name}", sha256=sha256_file(media),
                         size=media.stat().st_size, duration_ms=info.duration_ms, fps=info.fps,
                         frame_count=info.frame_count, width=info.width, height=info.height,
                         codec=info.codec)
        session = study.add_session("C01", 1, media=link)
        study.add_coder("AK")
        a = study.assign(session.id, "AK", "primary")
        codes = [c.id for c in study.codebook.codes]
        rng = random.Random(3)
        items = []
        for _ in range(n):
            s = rng.randrange(0, info.duration_ms - 20_000)
            items.append(NewSegment(a.id, rng.choice(codes), s, s + rng.randrange(200, 20_000),
                                    note=rng.choice(["", "", "child looks away"])))
        study.add_segments(items, by="bench")
    finally:
        study.close()
    return path


def wait(app: QApplication, what: str, done: Callable[[], bool], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        app.processEvents()
        time.sleep(0.005)
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out: {what}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--video", type=Path, help="an existing 1-hour 1280x720 video")
    ap.add_argument("--segments", type=int, default=10_000)
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--frame-cache-mb", type=int, default=None,
                    help="what-if: the player's decoded-frame cache size (default: the app's)")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="annot-memory-"))
    try:
        video = args.video or make_video(folder)
        path = make_study(folder, video, args.segments)
        app = make_app()
        print(f"{args.segments:,} segments on a session with {video.name}:")
        report("Qt application, study built")
        t0 = time.perf_counter()
        w = start(str(path), "AK", None, Settings(folder / "settings.ini"))
        if args.frame_cache_mb is not None:  # what-if: a smaller decoded-frame cache
            w.player.controller._source_factory = functools.partial(
                FrameSource, cache_bytes=args.frame_cache_mb * 2**20)
        w.open_session_key("C01:1")
        w.resize(1280, 720)
        w.show()
        w.activateWindow()
        pc = w.player.controller
        wait(app, "the video loads", lambda: pc.is_loaded)
        shown: list[int] = []
        pc.frameShown.connect(lambda index, _ms: shown.append(index))
        wait(app, "the first frame", lambda: bool(shown))
        print(f"  (window up and the video indexed in {time.perf_counter() - t0:.1f} s, "
              f"{pc.frame_count:,} frames)")
        report("session open, first frame shown")

        pc.play()
        end = time.monotonic() + 4
        wait(app, "4 s of playback", lambda: time.monotonic() > end, timeout=30)
        pc.pause()
        report("after playing 4 s")

        shown.clear()
        pc.seek(pc.frame_time(pc.frame_count * 3 // 4))
        wait(app, "a far seek", lambda: bool(shown), timeout=60)
        for direction in (1, -1):
            for _ in range(40):
                shown.clear()
                QTest.keyClick(w, Qt.Key.Key_Right if direction > 0 else Qt.Key.Key_Left)
                wait(app, "a frame step", lambda: bool(shown), timeout=60)
        report("after a seek to 45 min and 80 frame steps")

        for _ in range(20):
            QTest.keyClick(w, Qt.Key.Key_1)
            shown.clear()
            QTest.keyClick(w, Qt.Key.Key_Right)
            wait(app, "a frame step", lambda: bool(shown), timeout=60)
        pc.play()
        end = time.monotonic() + 3
        wait(app, "3 s more playback", lambda: time.monotonic() > end, timeout=30)
        pc.pause()
        for _ in range(20):
            app.processEvents()
        report("after 20 key presses and 3 s more playback")
        _now, peak = rss_mb()
        verdict = "OK" if peak < TARGET_MB else "ABOVE TARGET"
        print(f"  target < {TARGET_MB} MB: {verdict} (peak {peak:.0f} MB)")
        w.close()
        app.processEvents()
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
