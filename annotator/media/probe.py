"""Probing a video file: duration, frame rate, frame count, size and codec.

OpenCV (FFmpeg backend) is the only runtime dependency; ``ffprobe`` is never used. The frame
count that containers announce is not trusted (AVI headers of interrupted recordings,
Matroska estimates from the duration): ``probe`` counts the frames by reading the packets
(see ``annotator.media.index``) and derives the duration from the last frame's time stamp.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from annotator.media.capture import check_file, fourcc_text, open_capture
from annotator.media.errors import MediaEmptyError, MediaUnreadableError
from annotator.media.index import CancelledFn, ProgressFn, StreamIndex, build_index
from annotator.media.interlace import check_stills_supported

# A file whose frames end this much (share, and at least ms) before the announced end is
# truncated.
_TRUNCATION_SLACK = 0.02
_TRUNCATION_MIN_MS = 500.0


@dataclass(frozen=True)
class MediaInfo:
    """What the program stores about a video. Times in integer milliseconds."""

    duration_ms: int
    fps: float
    frame_count: int
    width: int
    height: int
    codec: str


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


def check_truncation(path: Path, index: StreamIndex, info: MediaInfo) -> None:
    """Raise MediaUnreadableError if the container announces clearly more video than exists.

    OpenCV's announced frame count is the container's frame count (MP4, AVI) or its
    duration times the frame rate (Matroska), so announced count / fps is the announced
    duration in both cases; comparing durations (not counts) keeps variable-frame-rate
    files from looking truncated.
    """
    declared = index.declared_frames
    if declared <= 0 or info.fps <= 0:
        return
    announced_ms = declared * 1000.0 / info.fps
    if announced_ms - info.duration_ms > max(_TRUNCATION_MIN_MS, announced_ms * _TRUNCATION_SLACK):
        raise MediaUnreadableError.for_path(
            path,
            f"it is damaged or truncated (it announces {announced_ms / 1000:.1f} s of video, "
            f"only {info.duration_ms / 1000:.1f} s are present)",
        )


def probe(
    path: str | os.PathLike[str],
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> MediaInfo:
    """Describe the video at ``path``.

    Raises MediaMissingError (no such file), MediaEmptyError (0 bytes, or no frames),
    MediaUnreadableError (not a video, no video stream, undecodable, truncated).
    Reads the whole file once (packets only, no decoding); ``progress(done, total)`` is
    called with frame counts and ``cancelled()`` may abort with IndexCancelled.
    """
    p = check_file(path)
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
    info = info_from_index(index, fps, width, height, codec)
    check_truncation(p, index, info)
    return info
