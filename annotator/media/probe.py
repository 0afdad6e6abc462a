"""Probing a video file: duration, frame rate, frame count, size and codec.

OpenCV (FFmpeg backend) is the only runtime dependency; ``ffprobe`` is never used. The frame
count that containers announce is not trusted (AVI headers of interrupted recordings,
Matroska estimates from the duration): ``probe`` counts the frames by reading the packets
(see ``annotator.media.index``) and derives the duration from the last frame's time stamp.

Audio-only recordings (WAV, M4A, MP3; see ``annotator.media.audio``) are described with
``frame_count == 0`` and no size (``MediaInfo.audio_only``).

A truncated file (an interrupted copy or recording) whose first part decodes is accepted:
its ``MediaInfo`` describes the part that can be played and ``warning`` says so, with the
playable duration, for the CLI and the GUI to show.

The duration is the playable one: a video whose sound runs on after its last frame plays
(QtMultimedia, showing the last frame) to the end of the sound, so its duration is where
the sound ends (``annotator.media.stream_starts.sound_end_ms``; MP4/MOV) when that is
later than the picture's end. A truncated file keeps the picture's end.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace
from pathlib import Path

import cv2
import numpy as np

from annotator.core.timefmt import format_tc
from annotator.media.audio import OTHER_AUDIO_SUFFIXES, is_audio_file, probe_audio
from annotator.media.capture import check_file, fourcc_text, open_capture
from annotator.media.errors import MediaEmptyError, MediaUnreadableError
from annotator.media.index import CancelledFn, ProgressFn, StreamIndex, build_index
from annotator.media.interlace import check_stills_supported
from annotator.media.stream_starts import sound_end_ms

# A file whose frames end this much (share, and at least ms) before the announced end is
# truncated.
_TRUNCATION_SLACK = 0.02
_TRUNCATION_MIN_MS = 500.0
# A truncated file's last this many frames are decoded to find the last one that decodes.
_TAIL_CHECK_FRAMES = 48


@dataclass(frozen=True)
class MediaInfo:
    """What the program stores about a video. Times in integer milliseconds.

    ``warning``: empty, or a sentence for the user about a file that is usable with a
    limitation (truncated: only its first part plays).
    """

    duration_ms: int
    fps: float
    frame_count: int
    width: int
    height: int
    codec: str
    warning: str = ""

    @property
    def audio_only(self) -> bool:
        """A recording without picture (``frame_count`` is 0)."""
        return self.frame_count == 0


def audio_info(path: Path) -> MediaInfo:
    """MediaInfo of an audio-only recording (no frames, no size)."""
    audio = probe_audio(path)
    return MediaInfo(duration_ms=audio.duration_ms, fps=0.0, frame_count=0, width=0,
                     height=0, codec=audio.codec)


def frame_duration_ms(index: StreamIndex, fps: float) -> float:
    """Display duration of the last frame: the typical frame spacing of the stream."""
    if index.frame_count >= 2:
        return float(np.median(np.diff(index.pts)))
    return 1000.0 / fps if fps > 0 else 0.0


def info_from_index(
    index: StreamIndex, fps: float, width: int, height: int, codec: str
) -> MediaInfo:
    """MediaInfo whose count and duration come from ``index`` (the stream itself)."""
    if index.frame_count >= 2 and not (math.isfinite(fps) and fps > 0):
        fps = (index.frame_count - 1) * 1000.0 / float(index.pts[-1] - index.pts[0])
    if not (math.isfinite(fps) and fps > 0):
        fps = 0.0
    end = float(index.pts[-1]) + frame_duration_ms(index, fps)
    return MediaInfo(
        duration_ms=round(end),
        fps=float(fps),
        frame_count=index.frame_count,
        width=width,
        height=height,
        codec=codec,
    )


def truncation_warning(path: Path, index: StreamIndex, info: MediaInfo) -> str:
    """A warning if the container announces clearly more video than exists, else "".

    OpenCV's announced frame count is the container's frame count (MP4, AVI) or its
    duration times the frame rate (Matroska), so announced count / fps is the announced
    duration in both cases; comparing durations (not counts) keeps variable-frame-rate
    files from looking truncated.
    """
    declared = index.declared_frames
    if declared <= 0 or info.fps <= 0:
        return ""
    announced_ms = declared * 1000.0 / info.fps
    if announced_ms - info.duration_ms <= max(_TRUNCATION_MIN_MS, announced_ms * _TRUNCATION_SLACK):
        return ""
    return (
        f"'{path.name}' is truncated or damaged: it announces {announced_ms / 1000:.1f} s of "
        f"video, but only the first {info.duration_ms / 1000:.1f} s "
        f"({format_tc(info.duration_ms)}) can be played. Coding is possible up to there; "
        "copy the recording again if a complete copy exists."
    )


def _decodable_count(path: Path, index: StreamIndex) -> int:
    """How many leading frames of ``index`` decode: the last packets of a cut file often
    hold a partial frame, which the decoder drops. Decodes only the last stretch."""
    n = index.frame_count
    start = max(0, n - _TAIL_CHECK_FRAMES)
    last = -1
    cap = open_capture(path)
    try:
        if start > 0:
            cap.set(cv2.CAP_PROP_POS_FRAMES, start)
        while cap.grab():
            j = index.identify(cap.get(cv2.CAP_PROP_POS_MSEC))
            if j is not None:
                last = max(last, j)
    finally:
        cap.release()
    if last < 0 and start > 0:  # the seek landed nowhere (MPEG-TS): decode from the start
        return _decodable_count_from_start(path, index)
    return last + 1 if last >= 0 else n


def _decodable_count_from_start(path: Path, index: StreamIndex) -> int:
    last = -1
    cap = open_capture(path)
    try:
        while cap.grab():
            j = index.identify(cap.get(cv2.CAP_PROP_POS_MSEC))
            if j is not None:
                last = max(last, j)
    finally:
        cap.release()
    return last + 1 if last >= 0 else index.frame_count


def describe(
    path: Path, index: StreamIndex, fps: float, width: int, height: int, codec: str
) -> tuple[StreamIndex, MediaInfo]:
    """The index and MediaInfo of what plays: for a truncated file, the frames up to the
    last decodable one, with ``warning`` set (see truncation_warning); else the duration
    runs to the end of the sound if that outlasts the picture."""
    info = info_from_index(index, fps, width, height, codec)
    warning = truncation_warning(path, index, info)
    if not warning:
        sound_end = sound_end_ms(path)
        if sound_end > info.duration_ms:
            info = replace(info, duration_ms=sound_end)
        return index, info
    count = _decodable_count(path, index)
    if 0 < count < index.frame_count:
        index = index.head(count)
        info = info_from_index(index, fps, width, height, codec)
        warning = truncation_warning(path, index, info)
    return index, replace(info, warning=warning)


def probe(
    path: str | os.PathLike[str],
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> MediaInfo:
    """Describe the video at ``path``.

    An audio-only recording (.wav, .m4a, .mp3) gets ``frame_count == 0``.
    Raises MediaMissingError (no such file), MediaEmptyError (0 bytes, or no frames),
    MediaUnreadableError (not a video, no video stream, nothing decodable). A truncated
    file whose first part decodes is described as far as it plays, with ``warning`` set.
    Reads the whole file once (packets only, no decoding); ``progress(done, total)`` is
    called with frame counts and ``cancelled()`` may abort with IndexCancelled.
    """
    p = check_file(path)
    if is_audio_file(p) or p.suffix.lower() in OTHER_AUDIO_SUFFIXES:
        return audio_info(p)  # (other sound formats: a clear refusal)
    check_stills_supported(p)
    cap = open_capture(p)
    try:
        fps = float(cap.get(cv2.CAP_PROP_FPS))
        codec = fourcc_text(cap.get(cv2.CAP_PROP_FOURCC))
        ok, first = cap.read()
    finally:
        cap.release()
    if not ok or first is None:
        raise MediaUnreadableError.for_path(p, "not one of its video frames can be decoded")
    # The decoded frame's shape is the displayed size (OpenCV applies rotation metadata).
    height, width = int(first.shape[0]), int(first.shape[1])
    index = build_index(p, progress, cancelled)
    if index.frame_count == 0:
        raise MediaEmptyError.for_path(p, "it holds no video frames")
    return describe(p, index, fps, width, height, codec)[1]
