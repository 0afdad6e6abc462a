"""Synthetic test videos whose every frame says which frame it is.

Each frame shows, on a green background, the frame number in large digits, its nominal
timecode (``HH:MM:SS.mmm``) and an optional label, and along the bottom a machine-readable
strip of black/white blocks encoding the frame number. ``read_frame_number`` decodes the
strip from any scaled copy of a frame, also when it is letterboxed inside a bigger image
(a screenshot of a video widget), so tests can check which frame is on screen.

Strip layout (fractions of the frame size, so they survive scaling): a green border of
``MARGIN_X`` / ``MARGIN_Y`` surrounds the picture; the strip is ``STRIP_H`` high and spans
the width inside the border. It holds ``CELLS`` equal blocks: black, white (start marker),
16 data bits (most significant first, white = 1), a 4-bit check (XOR of the data nibbles),
white, black (stop marker). The markers also calibrate the black and white levels.

MPEG-4 Part 2 ("mp4v") and Motion JPEG ("mjpg") are written with OpenCV's VideoWriter;
H.264 ("h264"), MPEG-4 with a set GOP or B-frames and any file with sound need the
``ffmpeg`` program (used only here, to make videos; the player and the decoder never need it).
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Literal

import cv2
import numpy as np
from numpy.typing import NDArray

from annotator.core.timefmt import format_tc
from annotator.media.errors import MediaError, MediaToolMissingError

Codec = Literal["mp4v", "mjpg", "h264"]
Image = NDArray[np.uint8]
Rect = tuple[int, int, int, int]  # x, y, width, height

MARGIN_X = 0.04
MARGIN_Y = 0.05
STRIP_H = 0.16
DATA_BITS = 16
CHECK_BITS = 4
CELLS = 2 + DATA_BITS + CHECK_BITS + 2
MAX_FRAMES = 1 << DATA_BITS
BACKGROUND_BGR = (60, 170, 60)  # green: the same in BGR and RGB order
_BLACK = (0, 0, 0)
_WHITE = (255, 255, 255)
_FONT = cv2.FONT_HERSHEY_SIMPLEX
_COLOR_TOLERANCE = 60  # max per-channel distance to the background colour when locating it


def _check_nibble(number: int) -> int:
    return (number ^ (number >> 4) ^ (number >> 8) ^ (number >> 12)) & 0xF


def code_cells(number: int) -> list[int]:
    """The strip's blocks for ``number`` (1 = white), markers included."""
    if not 0 <= number < MAX_FRAMES:
        raise ValueError(f"frame number {number} does not fit in {DATA_BITS} bits")
    data = [(number >> (DATA_BITS - 1 - k)) & 1 for k in range(DATA_BITS)]
    check = [(_check_nibble(number) >> (CHECK_BITS - 1 - k)) & 1 for k in range(CHECK_BITS)]
    return [0, 1, *data, *check, 1, 0]


def _strip_box(width: float, height: float) -> tuple[float, float, float, float]:
    """left, top, right, bottom of the strip inside a picture of the given size."""
    left = width * MARGIN_X
    right = width * (1 - MARGIN_X)
    bottom = height * (1 - MARGIN_Y)
    return left, bottom - height * STRIP_H, right, bottom


def _put_text_fitted(
    img: Image, text: str, box: tuple[int, int, int, int], max_scale: float = 10.0
) -> None:
    """Draw ``text`` centred in box (x0, y0, x1, y1), as large as fits, white on black."""
    x0, y0, x1, y1 = box
    if not text or x1 <= x0 or y1 <= y0:
        return
    (tw, th), base = cv2.getTextSize(text, _FONT, 1.0, 2)
    scale = min(max_scale, (x1 - x0) / max(1, tw), (y1 - y0) / max(1, th + base))
    thick = max(1, round(scale * 2))
    (tw, th), base = cv2.getTextSize(text, _FONT, scale, thick)
    org = (x0 + (x1 - x0 - tw) // 2, y0 + (y1 - y0 + th) // 2)
    cv2.putText(img, text, org, _FONT, scale, _BLACK, thick + max(2, thick), cv2.LINE_AA)
    cv2.putText(img, text, org, _FONT, scale, _WHITE, thick, cv2.LINE_AA)


def draw_frame_code(img: Image, number: int) -> None:
    """Draw the code strip for ``number`` into ``img`` (BGR, modified in place)."""
    h, w = img.shape[:2]
    left, top, right, bottom = _strip_box(w, h)
    cell_w = (right - left) / CELLS
    for k, bit in enumerate(code_cells(number)):
        x0 = round(left + k * cell_w)
        x1 = round(left + (k + 1) * cell_w)
        cv2.rectangle(img, (x0, round(top)), (x1 - 1, round(bottom) - 1),
                      _WHITE if bit else _BLACK, thickness=-1)


@lru_cache(maxsize=4)
def _texture(width: int, height: int) -> Image:
    """A smooth random picture twice as wide as the frame (never green: G <= 100)."""
    rng = np.random.default_rng(20240601)
    noise = rng.integers(0, 256, (height, 2 * width, 3), dtype=np.uint8)
    smooth = np.asarray(cv2.GaussianBlur(noise, (0, 0), sigmaX=max(1.0, width / 160)), np.float32)
    lo, hi = float(smooth.min()), float(smooth.max())
    out = (smooth - lo) * (255.0 / max(1.0, hi - lo))
    out *= np.asarray([0.8, 0.4, 0.8], np.float32)  # B, G, R ranges 0-204, 0-102, 0-204
    result: Image = out.astype(np.uint8)
    result.flags.writeable = False
    return result


def render_frame(
    number: int,
    fps: float,
    size: tuple[int, int],
    label: str = "",
    time_ms: int | None = None,
    texture: bool = False,
) -> Image:
    """The BGR image of frame ``number`` as ``write_test_video`` writes it.

    The timecode shown is ``time_ms``, by default the nominal ``number * 1000 / fps``.
    ``texture``: fill the picture behind the text with a panning random pattern (4 px per
    frame), which makes encoding and decoding cost like camera footage does.
    """
    w, h = size
    img = np.empty((h, w, 3), np.uint8)
    img[:] = BACKGROUND_BGR
    _, strip_top, _, _ = _strip_box(w, h)
    mx, my = round(w * MARGIN_X), round(h * MARGIN_Y)
    if texture:
        bottom = round(strip_top) - max(1, my // 2)
        shift = (4 * number) % w
        img[my:bottom, mx:w - mx] = _texture(w, h)[my:bottom, shift + mx:shift + w - mx]
    usable = strip_top - my
    label_box = (mx, my, w - mx, my + round(usable * 0.18))
    number_box = (mx, my + round(usable * 0.22), w - mx, my + round(usable * 0.72))
    tc_box = (mx, my + round(usable * 0.76), w - mx, round(strip_top) - max(1, my // 2))
    _put_text_fitted(img, label, label_box, max_scale=h / 240)
    _put_text_fitted(img, str(number), number_box)
    shown_ms = round(number * 1000 / fps) if time_ms is None else time_ms
    _put_text_fitted(img, format_tc(shown_ms), tc_box)
    draw_frame_code(img, number)
    return img


def _as_image(img: NDArray[np.generic]) -> NDArray[np.uint8]:
    """``img`` as uint8 (h, w) grey or (h, w, 3) colour (alpha dropped)."""
    arr = np.asarray(img)
    if arr.dtype != np.uint8:
        arr = np.clip(arr, 0, 255).astype(np.uint8)
    if arr.ndim == 3 and arr.shape[2] >= 3:
        return arr[:, :, :3]
    if arr.ndim == 2:
        return arr
    raise ValueError("expected an image of shape (h, w), (h, w, 3) or (h, w, 4)")


def find_video_rect(img: NDArray[np.generic]) -> Rect:
    """Locate a test-video picture inside ``img`` by its green border; (x, y, w, h).

    Raises ValueError if no such picture is visible (grey images have no green border).
    """
    arr = _as_image(img)
    if arr.ndim != 3:
        raise ValueError("a grey image has no green border: pass the picture's rect")
    colour = np.asarray(BACKGROUND_BGR, np.int16)
    lower = np.clip(colour - _COLOR_TOLERANCE, 0, 255).astype(np.uint8)
    upper = np.clip(colour + _COLOR_TOLERANCE, 0, 255).astype(np.uint8)
    mask = cv2.inRange(np.ascontiguousarray(arr), lower, upper)
    rows = np.count_nonzero(mask, axis=1)
    cols = np.count_nonzero(mask, axis=0)
    if rows.max(initial=0) < 4 or cols.max(initial=0) < 4:
        raise ValueError("no test-video frame found in the image (no green border)")
    ys = np.flatnonzero(rows >= 0.5 * rows.max())
    xs = np.flatnonzero(cols >= 0.5 * cols.max())
    x0, x1, y0, y1 = int(xs[0]), int(xs[-1]) + 1, int(ys[0]), int(ys[-1]) + 1
    if x1 - x0 < 2 * CELLS or y1 - y0 < 8:
        raise ValueError("the test-video frame in the image is too small to read")
    return x0, y0, x1 - x0, y1 - y0


def read_frame_number(img: NDArray[np.generic], rect: Sequence[int] | None = None) -> int:
    """Decode the frame number from a (possibly scaled or letterboxed) test-video frame.

    ``img``: BGR, RGB, BGRA/RGBA or grey array. ``rect``: the picture's (x, y, w, h) inside
    ``img``; found from the green border when omitted. Raises ValueError when no valid code
    is found (markers missing, contrast too low or check bits wrong).
    """
    arr = _as_image(img)
    if rect is None:
        rect = find_video_rect(arr) if arr.ndim == 3 else (0, 0, arr.shape[1], arr.shape[0])
    x, y, w, h = (int(v) for v in rect)
    left, top, right, bottom = _strip_box(w, h)
    cell_w = (right - left) / CELLS
    y0 = y + round(top + 0.25 * (bottom - top))
    y1 = max(y0 + 1, y + round(bottom - 0.25 * (bottom - top)))
    means: list[float] = []
    for k in range(CELLS):
        x0 = x + round(left + (k + 0.25) * cell_w)
        x1 = max(x0 + 1, x + round(left + (k + 0.75) * cell_w))
        block = arr[max(0, y0):y1, max(0, x0):x1]
        if block.size == 0:
            raise ValueError("the frame-code strip lies outside the image")
        means.append(float(block.mean()))
    black = (means[0] + means[-1]) / 2
    white = (means[1] + means[-2]) / 2
    if white - black < 60 or max(means[0], means[-1]) > min(means[1], means[-2]):
        raise ValueError("no frame-code strip found (start/stop markers not visible)")
    threshold = (black + white) / 2
    bits = [1 if m > threshold else 0 for m in means[2:-2]]
    number = 0
    for bit in bits[:DATA_BITS]:
        number = number << 1 | bit
    check = 0
    for bit in bits[DATA_BITS:]:
        check = check << 1 | bit
    if check != _check_nibble(number):
        raise ValueError("frame-code strip misread (check bits do not match)")
    return number


# --------------------------------------------------------------------------- writing


def ffmpeg_path() -> str | None:
    """Path of the ``ffmpeg`` program, or None."""
    return shutil.which("ffmpeg")


def _require_ffmpeg(why: str) -> str:
    exe = ffmpeg_path()
    if exe is None:
        raise MediaToolMissingError(
            f"Writing {why} needs the 'ffmpeg' program, which is not installed. "
            "Install it (Debian/Ubuntu: apt install ffmpeg) or choose codec 'mp4v' or 'mjpg'."
        )
    return exe


def _rate_text(fps: float) -> str:
    rate = Fraction(fps).limit_denominator(100_000)
    return f"{rate.numerator}/{rate.denominator}"


def _audio_codec_for(path: Path) -> list[str]:
    if path.suffix.lower() == ".avi":
        return ["-c:a", "pcm_s16le"]
    return ["-c:a", "aac", "-b:a", "64k"]


def _ffmpeg_encode(
    exe: str,
    out: Path,
    *,
    frames: int,
    fps: float,
    size: tuple[int, int],
    label: str,
    video_args: list[str],
    audio: bool,
    texture: bool,
) -> None:
    w, h = size
    cmd = [exe, "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
           "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", f"{w}x{h}",
           "-framerate", _rate_text(fps), "-i", "pipe:0"]
    if audio:
        seconds = frames / fps
        cmd += ["-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=48000:duration={seconds:.3f}"]
    cmd += ["-map", "0:v"]
    if audio:
        cmd += ["-map", "1:a", *_audio_codec_for(out)]
    cmd += [*video_args, str(out)]
    with tempfile.TemporaryFile() as errors:  # a file, so a chatty ffmpeg cannot block
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=errors)
        assert proc.stdin is not None
        try:
            for i in range(frames):
                proc.stdin.write(render_frame(i, fps, size, label, texture=texture).tobytes())
            proc.stdin.close()
        except BrokenPipeError:
            pass  # ffmpeg stopped early: its exit status and message tell why
        code = proc.wait()
        errors.seek(0)
        err = errors.read().decode(errors="replace").strip()
    if code != 0:
        raise MediaError(f"ffmpeg could not write '{out.name}': {err[-500:]}", out)


def _ffmpeg_encode_vfr(
    exe: str,
    out: Path,
    *,
    times_ms: Sequence[int],
    size: tuple[int, int],
    label: str,
    video_args: list[str],
    audio: bool,
    texture: bool,
) -> None:
    """Encode frames shown at ``times_ms`` (variable frame rate) via the concat demuxer."""
    n = len(times_ms)
    last_ms = times_ms[-1] - times_ms[-2] if n > 1 else 40
    durations = [b - a for a, b in itertools.pairwise(times_ms)] + [last_ms]
    fps = 1000.0 * (n - 1) / times_ms[-1] if n > 1 else 25.0
    with tempfile.TemporaryDirectory(prefix="annotator-vfr-") as tmp:
        lines = ["ffconcat version 1.0"]
        for i, (t, d) in enumerate(zip(times_ms, durations, strict=True)):
            name = f"f{i:06d}.png"
            img = render_frame(i, fps, size, label, time_ms=int(t), texture=texture)
            cv2.imwrite(os.path.join(tmp, name), img, [cv2.IMWRITE_PNG_COMPRESSION, 1])
            lines += [f"file {name}", "option framerate 1000", f"duration {d / 1000:.3f}"]
        lines += [f"file f{n - 1:06d}.png", "option framerate 1000"]  # last one twice
        listing = Path(tmp) / "frames.ffconcat"
        listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
        cmd = [exe, "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
               "-f", "concat", "-safe", "0", "-i", str(listing)]
        if audio:
            seconds = (times_ms[-1] + last_ms) / 1000
            cmd += ["-f", "lavfi", "-i",
                    f"sine=frequency=440:sample_rate=48000:duration={seconds:.3f}",
                    "-map", "0:v", "-map", "1:a", *_audio_codec_for(out)]
        cmd += ["-frames:v", str(n), "-fps_mode", "passthrough", "-enc_time_base", "1/1000",
                *video_args]
        if out.suffix.lower() in (".mp4", ".m4v", ".mov"):
            cmd += ["-video_track_timescale", "1000"]
        cmd.append(str(out))
        done = subprocess.run(cmd, capture_output=True, check=False)
    if done.returncode != 0:
        msg = done.stderr.decode(errors="replace").strip()[-500:]
        raise MediaError(f"ffmpeg could not write '{out.name}': {msg}", out)


def _cv2_encode(
    out: Path, *, frames: int, fps: float, size: tuple[int, int], label: str, fourcc: str,
    texture: bool,
) -> None:
    writer = cv2.VideoWriter(str(out), cv2.CAP_FFMPEG, cv2.VideoWriter.fourcc(*fourcc),
                             fps, size)
    if not writer.isOpened():
        raise MediaError(f"OpenCV cannot write '{out.name}' with codec {fourcc}", out)
    try:
        for i in range(frames):
            writer.write(render_frame(i, fps, size, label, texture=texture))
    finally:
        writer.release()


def write_test_video(
    path: str | os.PathLike[str],
    *,
    frames: int,
    fps: float = 25.0,
    size: tuple[int, int] = (320, 240),
    codec: Codec = "mp4v",
    label: str = "",
    gop: int | None = None,
    bframes: int = 0,
    audio: bool = False,
    preset: str = "veryfast",
    frame_times_ms: Sequence[int] | None = None,
    texture: bool = False,
) -> Path:
    """Write a video of ``frames`` numbered frames (see the module doc) and return its path.

    The container follows the file ending (.mp4, .avi, .mkv, ...). ``gop``: frames between
    key frames (h264 with scene-cut detection off; mp4v via ffmpeg). ``bframes``: B-frames
    (h264, or mp4v via ffmpeg). Plain mp4v and mjpg need only OpenCV. ``audio``: add a
    440 Hz tone (needs ffmpeg). ``preset``: the x264 preset.
    ``frame_times_ms``: h264 only, a variable frame rate: each frame's presentation time
    (strictly increasing, starting at 0); ``fps`` is then ignored. ``texture``: a moving
    pattern behind the text (see ``render_frame``), for realistic file sizes and decoding.
    The file is written next to ``path`` under a temporary name and renamed into place.
    Raises ValueError for bad arguments and MediaToolMissingError if ffmpeg is needed but
    missing.
    """
    out = Path(path)
    w, h = size
    if not 1 <= frames <= MAX_FRAMES:
        raise ValueError(f"frames must be between 1 and {MAX_FRAMES}")
    if fps <= 0 or w < 2 * CELLS or h < 32:
        raise ValueError("fps must be > 0 and size at least 48x32")
    if codec not in ("mp4v", "mjpg", "h264"):
        raise ValueError(f"unknown codec {codec!r}: use 'mp4v', 'mjpg' or 'h264'")
    if bframes < 0 or (codec == "mjpg" and (bframes or gop is not None)):
        raise ValueError("bframes must be >= 0; Motion JPEG has no B-frames and no GOP")
    if gop is not None and gop < 1:
        raise ValueError("gop must be >= 1")
    times = None if frame_times_ms is None else [int(t) for t in frame_times_ms]
    if times is not None and (
        codec != "h264" or len(times) != frames or times[0] != 0
        or any(b <= a for a, b in itertools.pairwise(times))
    ):
        raise ValueError(
            "frame_times_ms needs codec 'h264', one strictly increasing time per frame, from 0"
        )
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=out.suffix, dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        _write(tmp, frames=frames, fps=fps, size=size, codec=codec, label=label, gop=gop,
               bframes=bframes, audio=audio, preset=preset, times=times, texture=texture)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def _write(
    out: Path, *, frames: int, fps: float, size: tuple[int, int], codec: Codec, label: str,
    gop: int | None, bframes: int, audio: bool, preset: str, times: list[int] | None,
    texture: bool,
) -> None:
    w, h = size
    key_args = [] if gop is None else ["-g", str(gop), "-keyint_min", str(gop)]
    if codec == "h264":
        if w % 2 or h % 2:
            raise ValueError("H.264 (yuv420p) needs an even width and height")
        exe = _require_ffmpeg("H.264 video")
        args = ["-c:v", "libx264", "-preset", preset, "-crf", "23", *key_args,
                "-sc_threshold", "0", "-bf", str(bframes), "-pix_fmt", "yuv420p"]
        if times is not None:
            _ffmpeg_encode_vfr(exe, out, times_ms=times, size=size, label=label,
                               video_args=args, audio=audio, texture=texture)
            return
        _ffmpeg_encode(exe, out, frames=frames, fps=fps, size=size, label=label,
                       video_args=args, audio=audio, texture=texture)
        return
    if codec == "mp4v" and (bframes or gop is not None):
        # OpenCV's writer ignores a key-frame interval for MPEG-4, so ffmpeg writes these.
        exe = _require_ffmpeg("MPEG-4 video with a GOP length or B-frames")
        args = ["-c:v", "mpeg4", "-tag:v", "mp4v", "-q:v", "4", *key_args, "-sc_threshold", "0",
                "-bf", str(bframes), "-pix_fmt", "yuv420p"]
        _ffmpeg_encode(exe, out, frames=frames, fps=fps, size=size, label=label,
                       video_args=args, audio=audio, texture=texture)
        return
    fourcc = "mp4v" if codec == "mp4v" else "MJPG"
    if not audio:
        _cv2_encode(out, frames=frames, fps=fps, size=size, label=label, fourcc=fourcc,
                    texture=texture)
        return
    exe = _require_ffmpeg("a video with sound")
    silent = out.with_name(out.stem + ".silent" + out.suffix)
    try:
        _cv2_encode(silent, frames=frames, fps=fps, size=size, label=label, fourcc=fourcc,
                    texture=texture)
        seconds = frames / fps
        cmd = [exe, "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i", str(silent),
               "-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=48000:duration={seconds:.3f}",
               "-map", "0:v", "-map", "1:a", "-c:v", "copy", *_audio_codec_for(out), str(out)]
        done = subprocess.run(cmd, capture_output=True, check=False)
        if done.returncode != 0:
            msg = done.stderr.decode(errors="replace").strip()[-500:]
            raise MediaError(f"ffmpeg could not add sound to '{out.name}': {msg}", out)
    finally:
        silent.unlink(missing_ok=True)
