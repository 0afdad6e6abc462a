"""Benchmark of frame-exact stepping on a long-GOP H.264 recording.

Generates (into a temporary folder, deleted afterwards) a 10-minute 1280x720 25 fps H.264
video with a key frame every 10 s (GOP 250) and 2 B-frames (x264 preset veryfast), with a
panning random texture behind the frame numbers so that decoding costs about what camera
footage costs (``--plain`` leaves it out), then measures with
``annotator.media.frames.FrameSource``:

* the time to open it (index every frame's time stamp);
* latency of 200 single-frame steps forward, 200 single-frame steps backward (starting in
  the middle of a GOP) and of random seeks: p50 / p95 / p99 / max;
* the cache's memory and the process's peak RSS;
* for comparison, the naive way (OpenCV ``set(CAP_PROP_POS_FRAMES)`` + ``read``) per step.

Every frame returned is checked to be the one asked for (its frame code is read back) when
the video carries frame codes (generated ones do; ``--video`` may name any other video).

Run:  python bench/frames.py [--minutes 10] [--video existing.mp4] [--cache-mb 256]
Generating the video takes a few minutes on a 2-core machine.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.media.frames import FrameSource
from annotator.media.probe import probe
from annotator.media.videogen import read_frame_number, write_test_video

STEPS = 200
RANDOM_SEEKS = 40
NAIVE_STEPS = 30


def _stats(seconds: list[float]) -> str:
    ms = np.asarray(seconds) * 1000
    p50, p95, p99 = np.percentile(ms, [50, 95, 99])
    return (f"p50 {p50:7.1f}  p95 {p95:7.1f}  p99 {p99:7.1f}  max {ms.max():7.1f} ms"
            f"  (n={ms.size})")


CHECK_CODES = True


def _timed(get: Callable[[int], np.ndarray], indices: Iterable[int]) -> list[float]:
    out: list[float] = []
    for i in indices:
        t0 = time.perf_counter()
        img = get(i)
        out.append(time.perf_counter() - t0)
        if CHECK_CODES and (got := read_frame_number(img)) != i:
            raise SystemExit(f"WRONG FRAME: asked for {i}, got {got}")
    return out


def _has_codes(path: Path) -> bool:
    with FrameSource(path, 0) as src:
        try:
            return read_frame_number(src.frame(0)) == 0
        except ValueError:
            return False


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_source(path: Path, label: str, cache_mb: int, max_size: tuple[int, int] | None) -> None:
    t0 = time.perf_counter()
    src = FrameSource(path, cache_mb * 2**20, max_size=max_size)
    opened = time.perf_counter() - t0
    n = src.frame_count
    gop = int(np.median(np.diff(src.keyframes))) if len(src.keyframes) > 1 else n
    print(f"\n== {label}: frames {src.frame_size[0]}x{src.frame_size[1]}, cache {cache_mb} MB")
    print(f"open + index: {opened * 1000:.0f} ms ({n} frames, {len(src.keyframes)} key frames,"
          f" GOP {gop}, index from {src.index_method})")
    with src:
        fwd_start = 20 * gop + gop // 2 if n > 21 * gop else n // 3
        src.frame(fwd_start)
        fwd = _timed(src.frame, range(fwd_start + 1, fwd_start + 1 + STEPS))
        print(f"step forward : {_stats(fwd)}")
        back_start = 30 * gop + gop // 2 if n > 31 * gop else 2 * n // 3
        src.frame(back_start)
        back = _timed(src.frame, range(back_start - 1, back_start - 1 - STEPS, -1))
        print(f"step backward: {_stats(back)}")
        print(f"  cache after backward steps: {src.cache_nbytes / 2**20:.0f} MB")
        rnd = random.Random(7)
        seeks = _timed(src.frame, [rnd.randrange(n) for _ in range(RANDOM_SEEKS)])
        print(f"random seek  : {_stats(seeks)}")
    print(f"peak RSS so far: {_peak_rss_mb():.0f} MB")


def bench_naive(path: Path) -> None:
    cap = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    n = int(cap.get(cv2.CAP_PROP_FRAME_COUNT))
    start = 30 * 250 + 125 if n > 31 * 250 else 2 * n // 3

    def get(i: int) -> np.ndarray:
        cap.set(cv2.CAP_PROP_POS_FRAMES, i)
        ok, img = cap.read()
        if not ok:
            raise SystemExit(f"naive read of frame {i} failed")
        return np.asarray(img)

    back = _timed(get, range(start - 1, start - 1 - NAIVE_STEPS, -1))
    cap.release()
    print(f"\n== naive OpenCV seek + read per backward step (for comparison)\n"
          f"step backward: {_stats(back)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--video", type=Path, help="use this video instead of generating one")
    ap.add_argument("--cache-mb", type=int, default=256)
    ap.add_argument("--plain", action="store_true", help="no texture behind the numbers")
    args = ap.parse_args(argv)
    global CHECK_CODES
    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        path = args.video
        if path is None:
            frames = round(args.minutes * 60 * 25)
            path = Path(tmp) / "bench.mp4"
            print(f"generating {frames} frames 1280x720 H.264 (GOP 250, 2 B-frames)...",
                  flush=True)
            t0 = time.perf_counter()
            write_test_video(path, frames=frames, fps=25.0, size=(1280, 720), codec="h264",
                             gop=250, bframes=2, preset="veryfast", label="bench",
                             texture=not args.plain)
            size_mb = path.stat().st_size / 2**20
            print(f"generated in {time.perf_counter() - t0:.0f} s, {size_mb:.0f} MB "
                  f"({size_mb * 8 * 2**20 / 1e6 / (frames / 25):.1f} Mbit/s)")
        CHECK_CODES = _has_codes(path)
        print(f"checking frame codes: {'yes' if CHECK_CODES else 'no (video has none)'}")
        t0 = time.perf_counter()
        info = probe(path)
        print(f"probe: {(time.perf_counter() - t0) * 1000:.0f} ms -> {info}")
        bench_source(path, "full resolution", args.cache_mb, None)
        bench_source(path, "display size (max 960x540)", args.cache_mb, (960, 540))
        bench_naive(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
