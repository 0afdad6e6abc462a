"""Interlaced 50i video (MP4 and AVCHD-like MPEG-TS) shows the right paused stills.

opencv-python-headless 4.12 (FFmpeg 5.1) decodes such files correctly; 4.13, 4.14 and 5.0
(FFmpeg 8) decode them as noise (see ``annotator.media.interlace``). The program requires
``opencv-python-headless<4.13`` and refuses an interlaced file with a clear message under a
broken build. Both kinds are checked, 4.x and 5.x: the installed OpenCV in-process, and
the other kind (5.x when a working 4.x is installed, else 4.12) in a second virtual
environment under /tmp (built once with pip from the package registry, about 30 s, then
reused), which runs ``tests/interlaced_stills.py`` on the same files.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from annotator.media.interlace import (
    BROKEN_SWSCALE_MAJOR,
    interlaced_stills_broken,
    is_interlaced,
    mpeg2_is_interlaced,
    sps_is_interlaced,
)
from annotator.media.probe import probe
from annotator.ui.player import PlayerWidget
from annotator.ui.player.still import qimage_to_bgr
from tests.interlaced_stills import PROBE_FRAMES, check_all
from tests.media_factory import ffmpeg_convert, make_video, read_frame_number

ROOT = Path(__file__).resolve().parents[1]
INSTALLED_BROKEN = interlaced_stills_broken()
# The other kind of OpenCV: 5.x (FFmpeg 8) beside a working 4.x, else the working 4.12.
OTHER_REQUIREMENT = (
    "opencv-python-headless==4.12.0.88" if INSTALLED_BROKEN else "opencv-python-headless>=5,<6"
)


@pytest.fixture(scope="module")
def interlaced(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """50i (25 interlaced frames/s, top field first) as H.264 in MP4 and in MPEG-TS (.mts),
    and as MPEG-2 video in MPEG-TS (.m2t, as HDV camcorders write it)."""
    folder = tmp_path_factory.mktemp("interlaced")
    src = make_video(folder, "h264", frames=50, size=(720, 576))
    field = ["-c:v", "libx264", "-flags", "+ildct+ilme", "-x264opts", "tff=1", "-g", "25",
             "-bf", "2", "-pix_fmt", "yuv420p"]
    hdv = ["-c:v", "mpeg2video", "-flags", "+ildct+ilme", "-top", "1", "-g", "12", "-bf", "2",
           "-q:v", "2", "-pix_fmt", "yuv420p", "-f", "mpegts"]
    return [
        ffmpeg_convert(src, folder / "camera-50i.mp4", *field),
        ffmpeg_convert(src, folder / "camcorder-50i.mts", *field, "-f", "mpegts"),
        ffmpeg_convert(src, folder / "hdv-50i.m2t", *hdv),
    ]


def _assert_expected(result: dict[str, Any], names: list[str]) -> None:
    for name in names:
        outcome = result["files"][name]
        if not result["broken"]:
            assert outcome == {"frames": {str(i): i for i in PROBE_FRAMES}}, (
                f"OpenCV {result['opencv']}: wrong stills in {name}: {outcome}"
            )
        else:
            message = outcome.get("error", "")
            assert "interlaced" in message and "opencv-python-headless<4.13" in message, (
                f"OpenCV {result['opencv']} shows {name} without refusing it: {outcome}"
            )


def test_streams_are_detected_as_interlaced(interlaced: list[Path], tmp_path: Path) -> None:
    assert all(is_interlaced(p) for p in interlaced)
    progressive = make_video(tmp_path, "h264", frames=10)
    assert not is_interlaced(progressive)
    assert not is_interlaced(make_video(tmp_path, "mp4v", frames=10))  # MPEG-4 Part 2: unknown
    mpeg2 = ffmpeg_convert(progressive, tmp_path / "progressive.m2t", "-c:v", "mpeg2video",
                           "-q:v", "2", "-f", "mpegts")
    assert not is_interlaced(mpeg2)


def test_mpeg2_sequence_extension_parser() -> None:
    # Sequence header + sequence extension of a 320x240 Main@Main stream, interlaced
    # (progressive_sequence 0) and progressive (1), as ffmpeg's mpeg2video writes them.
    header = "000001b31400f023ffffe018"
    assert mpeg2_is_interlaced(bytes.fromhex(header + "000001b5148200010000"))
    assert not mpeg2_is_interlaced(bytes.fromhex(header + "000001b5148a00010000"))
    assert not mpeg2_is_interlaced(bytes.fromhex("000001b5148200010000"))  # no header
    assert not mpeg2_is_interlaced(bytes.fromhex(header))  # MPEG-1: no extension
    assert not mpeg2_is_interlaced(bytes.fromhex(header + "000001b5"))  # cut short
    # MPEG-4 Part 2 (a visual object sequence, then a visual object, B5): not MPEG-2
    assert not mpeg2_is_interlaced(bytes.fromhex("000001b001000001b58913000001000000012000"))


def test_sps_parser_on_known_parameter_sets() -> None:
    # x264 High-profile SPS of a 720x576 progressive and a 720x576 interlaced stream.
    assert not sps_is_interlaced(bytes.fromhex("6764001eacd940b41268400000"))
    assert sps_is_interlaced(bytes.fromhex("6764001eacd940b424d0800000"))


def test_stills_with_installed_opencv(interlaced: list[Path]) -> None:
    _assert_expected(check_all(interlaced), [p.name for p in interlaced])


def test_probe_follows_the_same_rule(interlaced: list[Path]) -> None:
    if not INSTALLED_BROKEN:
        assert probe(interlaced[0]).frame_count == 50
    else:
        with pytest.raises(Exception, match="interlaced"):
            probe(interlaced[0])


def _other_opencv_python() -> Path:
    key = hashlib.sha256(f"{sys.version}|{OTHER_REQUIREMENT}".encode()).hexdigest()[:12]
    venv = Path(os.environ.get("TMPDIR", "/tmp")) / f"annotator-opencv-{key}"
    python = venv / "bin" / "python"
    stamp = venv / ".complete"
    if not stamp.exists():
        clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True,
                       capture_output=True, timeout=300, env=clean)
        done = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
             "numpy", OTHER_REQUIREMENT],
            capture_output=True, text=True, timeout=600, check=False, env=clean,
        )
        assert done.returncode == 0, f"could not install {OTHER_REQUIREMENT}: {done.stderr}"
        stamp.touch()
    return python


def test_stills_with_the_other_opencv_major(interlaced: list[Path]) -> None:
    python = _other_opencv_python()
    done = subprocess.run(
        [str(python), "-m", "tests.interlaced_stills", *map(str, interlaced)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["broken"] != INSTALLED_BROKEN, result["opencv"]
    assert result["swscale"] is not None
    assert (result["swscale"] >= BROKEN_SWSCALE_MAJOR) == result["broken"]
    _assert_expected(result, [p.name for p in interlaced])


@pytest.mark.gui
def test_player_shows_the_paused_still_of_an_interlaced_camcorder_file(
    qtbot: QtBot, interlaced: list[Path]
) -> None:
    widget = PlayerWidget()
    qtbot.addWidget(widget, before_close_func=lambda w: w.controller.close())
    widget.resize(640, 480)
    widget.show()
    c = widget.controller
    mts = interlaced[1]
    if INSTALLED_BROKEN:
        with qtbot.waitSignal(c.loadFailed, timeout=10_000) as failed:
            widget.load(str(mts))
        assert "interlaced" in failed.args[0] and "opencv-python-headless<4.13" in failed.args[0]
        assert "interlaced" in widget.view.message()
        return
    with qtbot.waitSignal(c.loaded, timeout=10_000):
        widget.load(str(mts))
    for k in (31, 12, 3):  # forward, then back into the first key-frame group
        with qtbot.waitSignal(c.frameShown, timeout=10_000):
            c.seek(c.frame_time(k))
        r = widget.video_rect()
        shot = qimage_to_bgr(widget.grab().toImage())
        assert read_frame_number(shot, rect=(r.x(), r.y(), r.width(), r.height())) == k
