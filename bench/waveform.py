"""Waveform of a long recording: decoding its sound once, then reading the cache.

Makes an N-minute stereo AAC (.m4a, 48 kHz, a tone with pauses) with ffmpeg in a temporary
folder, decodes it with QtMultimedia (``decode_waveform``, in this process and in the child
process the player's worker starts) and reads the cached peaks back. Prints the figures;
asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication

from annotator.media import waveform
from annotator.ui.player.waveform import decode_in_child, decode_waveform


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=20.0)
    args = parser.parse_args()
    exe = shutil.which("ffmpeg")
    if exe is None:
        raise SystemExit("bench/waveform.py needs the ffmpeg program to make its recording")
    app = QCoreApplication([])
    with tempfile.TemporaryDirectory(prefix="annot-bench-wave-") as tmp:
        os.environ["ANNOTATOR_CACHE_DIR"] = str(Path(tmp) / "cache")
        sound = Path(tmp) / "long.m4a"
        seconds = args.minutes * 60
        subprocess.run([exe, "-loglevel", "error", "-f", "lavfi", "-i",
                        f"sine=frequency=300:sample_rate=48000:duration={seconds}",
                        "-af", "volume='if(lt(mod(t,10),6),1,0)':eval=frame",
                        "-ac", "2", "-c:a", "aac", "-b:a", "96k", str(sound)], check=True)
        t0 = time.perf_counter()
        wf = decode_waveform(sound)
        decode_s = time.perf_counter() - t0
        assert wf is not None
        t0 = time.perf_counter()
        assert decode_in_child(sound) is not None
        child_s = time.perf_counter() - t0
        sha = "0" * 64
        t0 = time.perf_counter()
        waveform.save_cached(sha, wf)
        save_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        back = waveform.load_cached(sha)
        load_ms = (time.perf_counter() - t0) * 1000
        assert back is not None
        size_kb = waveform.cache_path(sha).stat().st_size / 1024
    print(f"{args.minutes:g}-minute stereo AAC: decode + peaks {decode_s:.1f} s "
          f"({seconds / decode_s:.0f}x real time), in the child process the player uses "
          f"{child_s:.1f} s; cache file {size_kb:.0f} KB, "
          f"written in {save_ms:.1f} ms, read in {load_ms:.1f} ms")
    del app


if __name__ == "__main__":
    main()
