"""Test videos for any test: numbered frames that ``read_frame_number`` reads back.

Thin layer over ``annotator.media.videogen`` (which the product's demo builder also uses):
re-exports, a skip marker for codecs that need the ffmpeg program, and short-hand writers.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from annotator.media.videogen import (
    ffmpeg_path,
    find_video_rect,
    read_frame_number,
    render_frame,
    write_test_video,
)

__all__ = [
    "CODEC_FILES",
    "ffmpeg_convert",
    "ffmpeg_path",
    "find_video_rect",
    "make_video",
    "needs_ffmpeg",
    "read_frame_number",
    "render_frame",
    "write_test_video",
]

# Skip a test that writes H.264 (or sound) when the ffmpeg program is absent (CI has it).
needs_ffmpeg = pytest.mark.skipif(
    ffmpeg_path() is None, reason="the ffmpeg program is not installed (needed to write H.264)"
)

# codec -> (file ending, extra writer options) for the three codecs the decoder must handle;
# h264 has B-frames and a long GOP, the hard case for exact positioning.
CODEC_FILES: dict[str, tuple[str, dict[str, Any]]] = {
    "mp4v": (".mp4", {}),
    "mjpg": (".avi", {}),
    "h264": (".mp4", {"gop": 250, "bframes": 3}),
}


def make_video(folder: Path, codec: str = "mp4v", frames: int = 100, **options: Any) -> Path:
    """Write ``frames`` numbered frames with ``codec`` into ``folder``; skips if ffmpeg is
    needed but missing."""
    suffix, defaults = CODEC_FILES[codec]
    if (codec == "h264" or options.get("audio")) and ffmpeg_path() is None:
        pytest.skip("the ffmpeg program is not installed (needed to write H.264 or sound)")
    return write_test_video(
        folder / f"{codec}-{frames}{suffix}", frames=frames, codec=codec,  # type: ignore[arg-type]
        **{**defaults, **options},
    )


def ffmpeg_convert(src: Path, out: Path, *args: str, before: tuple[str, ...] = ()) -> Path:
    """Run ``ffmpeg BEFORE -i src ARGS out`` (to make camera-like files from a test video).

    Skips the test when ffmpeg is missing; raises with ffmpeg's message when it fails.
    """
    exe = ffmpeg_path()
    if exe is None:
        pytest.skip("the ffmpeg program is not installed (needed to convert test videos)")
    cmd = [exe, "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *before,
           "-i", str(src), *args, str(out)]
    done = subprocess.run(cmd, capture_output=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"ffmpeg failed: {done.stderr.decode(errors='replace')[-500:]}")
    return out
