"""CPU cost of the player during playback, against bare QMediaPlayer.

Plays a generated 1280x720 25 fps H.264 file with sound (about 20 s long) for about
10 s, offscreen, in fresh processes:

- ``bare``:   QMediaPlayer + QAudioOutput + a QVideoSink nobody listens to
              (decoding and audio only: the floor);
- ``stock``:  QMediaPlayer into Qt's own QVideoWidget at 1280x720 (what a stock Qt
              display costs, for reference);
- ``player``: our PlayerWidget at 1280x720 (controller, sink -> view, transport bar,
              30 Hz position updates);
- ``profile``: the same as ``player`` under cProfile (with the GUI thread's CPU clock),
              to split the GUI thread's time into our Python code and the Qt calls it
              makes (frame conversion, painting).

Prints the process CPU time of each run as a percentage of one core, the difference
between ``player`` and ``bare`` (everything our widget adds, display included) and,
from the profile, the CPU time spent in the player's own Python code.

Usage: python bench/playback_cpu.py [--seconds 10] [--keep DIR]
Target: our own Python code < 10% of a core.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PLAYER_PKG = str(ROOT / "annotator" / "ui" / "player")
WIDTH, HEIGHT, FPS, FRAMES = 1280, 720, 25, 500


def make_video(folder: Path) -> Path:
    from annotator.media.videogen import write_test_video

    path = folder / "bench_720p.mp4"
    if not path.exists():
        write_test_video(path, frames=FRAMES, fps=FPS, size=(WIDTH, HEIGHT), codec="h264",
                         gop=50, bframes=2, audio=True, label="playback benchmark")
    return path


# ------------------------------------------------------------------------------- children


def _run_child(mode: str, video: Path, seconds: float) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    frames = 0

    def count(*_args: object) -> None:
        nonlocal frames
        frames += 1

    profiler: cProfile.Profile | None = None
    if mode in ("bare", "stock"):
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoSink
        from PySide6.QtMultimediaWidgets import QVideoWidget

        player = QMediaPlayer()
        audio = QAudioOutput()
        player.setAudioOutput(audio)
        keep: object
        if mode == "bare":
            sink = QVideoSink()
            player.setVideoOutput(sink)
            keep = sink
        else:
            widget = QVideoWidget()
            widget.resize(WIDTH, HEIGHT)
            widget.show()
            player.setVideoOutput(widget)
            keep = widget
        player.setSource(QUrl.fromLocalFile(str(video)))
        loop = QEventLoop()
        QTimer.singleShot(300, loop.quit)
        loop.exec()
        start = _clocks()
        player.play()
        _spin(seconds)
        end = _clocks()
        position = player.position()
        player.stop()
        del keep
    else:
        from annotator.ui.player import PlayerWidget

        w = PlayerWidget()
        w.resize(WIDTH, HEIGHT)
        w.show()
        c = w.controller
        c.videoFrameChanged.connect(count)
        loop = QEventLoop()
        c.frameShown.connect(lambda *_: loop.quit())
        c.loadFailed.connect(lambda msg: (print(msg, file=sys.stderr), loop.quit()))
        c.load(str(video))
        loop.exec()
        if mode == "profile":
            profiler = cProfile.Profile(time.thread_time)
            profiler.enable()
        start = _clocks()
        c.play()
        _spin(seconds)
        end = _clocks()
        if profiler is not None:
            profiler.disable()
        position = c.position_ms
        c.pause()
        c.close()
    result = {
        "wall_s": end[0] - start[0],
        "process_cpu_s": end[1] - start[1],
        "gui_thread_cpu_s": end[2] - start[2],
        "position_ms": float(position),
        "frames": float(frames),
    }
    if profiler is not None:
        result.update(_profile_split(profiler))
    del app
    return result


def _clocks() -> tuple[float, float, float]:
    return time.monotonic(), time.process_time(), time.thread_time()


def _spin(seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def _profile_split(profiler: cProfile.Profile) -> dict[str, float]:
    """GUI-thread CPU seconds: in our Python lines, and in everything our code called."""
    stats = pstats.Stats(profiler)
    own = 0.0  # tottime of functions defined in the player package (Python only)
    calls_out = 0.0  # tottime of C functions (Qt, numpy) called from player code
    entry_cum = 0.0  # cumulative time of player functions called from outside
    raw = stats.stats  # type: ignore[attr-defined]
    for (filename, _line, _name), (_cc, _nc, tt, ct, callers) in raw.items():
        mine = filename.startswith(PLAYER_PKG)
        if mine:
            own += tt
            if not any(caller[0].startswith(PLAYER_PKG) for caller in callers):
                entry_cum += ct
        elif filename == "~":  # a built-in / extension function
            share = sum(v[2] for caller, v in callers.items() if caller[0].startswith(PLAYER_PKG))
            calls_out += share
    return {"own_python_s": own, "qt_calls_from_player_s": calls_out,
            "player_entry_cumulative_s": entry_cum}


# ------------------------------------------------------------------------------- parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--keep", type=Path, default=None,
                        help="folder for the generated video (kept between runs)")
    parser.add_argument("--child", choices=["bare", "stock", "player", "profile"])
    parser.add_argument("--video", type=Path)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_run_child(args.child, args.video, args.seconds)))
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.monotonic()
        video = make_video(folder)
        print(f"video: {WIDTH}x{HEIGHT} {FPS} fps H.264 + AAC, {FRAMES / FPS:.0f} s "
              f"(generated in {time.monotonic() - t0:.1f} s); playing {args.seconds:.0f} s each")
        results: dict[str, dict[str, float]] = {}
        for mode in ("bare", "stock", "player", "profile"):
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
            out = subprocess.run(
                [sys.executable, __file__, "--child", mode, "--video", str(video),
                 "--seconds", str(args.seconds)],
                capture_output=True, text=True, env=env, check=False,
            )
            line = out.stdout.strip().splitlines()[-1:] if out.returncode == 0 else []
            if not line:
                print(f"{mode}: failed\n{out.stderr[-2000:]}")
                return 1
            results[mode] = json.loads(line[0])
    _report(results)
    return 0


def _pct(seconds: float, wall: float) -> str:
    return f"{100 * seconds / wall:5.1f}%"


def _report(r: dict[str, dict[str, float]]) -> None:
    print(f"{'run':<9}{'process CPU':>13}{'GUI thread':>12}{'played':>9}{'frames shown':>14}")
    for mode in ("bare", "stock", "player", "profile"):
        x = r[mode]
        shown = f"{x['frames']:.0f}" if mode in ("player", "profile") else "-"
        print(f"{mode:<9}{_pct(x['process_cpu_s'], x['wall_s']):>13}"
              f"{_pct(x['gui_thread_cpu_s'], x['wall_s']):>12}"
              f"{x['position_ms'] / 1000:8.2f}s{shown:>14}")
    bare, stock, player, prof = r["bare"], r["stock"], r["player"], r["profile"]
    added = player["process_cpu_s"] / player["wall_s"] - bare["process_cpu_s"] / bare["wall_s"]
    stock_added = stock["process_cpu_s"] / stock["wall_s"] - bare["process_cpu_s"] / bare["wall_s"]
    print(f"\nadded over bare QMediaPlayer (display included): player {100 * added:.1f}% "
          f"of a core; Qt's QVideoWidget {100 * stock_added:.1f}%")
    wall = prof["wall_s"]
    print("GUI thread under cProfile (thread CPU clock; profiling inflates Python time):")
    print(f"  player's own Python code:             {_pct(prof['own_python_s'], wall)} of a core")
    print(f"  Qt/numpy calls made by player code:   "
          f"{_pct(prof['qt_calls_from_player_s'], wall)} (frame conversion, painting)")
    print(f"  everything under player entry points: "
          f"{_pct(prof['player_entry_cumulative_s'], wall)}")
    ok = prof["own_python_s"] / wall < 0.10
    print(f"target: own Python code < 10% of a core: {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    sys.exit(main())
