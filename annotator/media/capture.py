"""Opening video files with OpenCV's FFmpeg backend, with typed errors.

The FFmpeg backend is requested explicitly: letting OpenCV try its other backends can make it
read a text file as an "image sequence" or similar surprises.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import cv2

from annotator.media.errors import MediaEmptyError, MediaMissingError, MediaUnreadableError


def check_file(path: str | os.PathLike[str]) -> Path:
    """Return ``path`` as a Path after checking it names a non-empty regular file.

    Raises MediaMissingError or MediaEmptyError.
    """
    p = Path(path)
    try:
        st = p.stat()
    except OSError as exc:
        raise MediaMissingError.for_path(p) from exc
    if not p.is_file():
        raise MediaMissingError(
            f"'{p.name}' is not a video file (it is a folder or a device). "
            "Check the path and choose the recording itself.",
            p,
        )
    if st.st_size == 0:
        raise MediaEmptyError.for_path(p)
    return p


def open_capture(path: Path, params: Sequence[int] = ()) -> cv2.VideoCapture:
    """Open ``path`` with the FFmpeg backend (``params`` as OpenCV open parameters).

    Raises MediaUnreadableError if FFmpeg cannot open it or it has no video stream.
    """
    cap = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG, list(params))
    if not cap.isOpened():
        cap.release()
        raise MediaUnreadableError.for_path(path, "FFmpeg does not recognise it as a video")
    if cap.get(cv2.CAP_PROP_FRAME_WIDTH) <= 0 or cap.get(cv2.CAP_PROP_FRAME_HEIGHT) <= 0:
        cap.release()
        raise MediaUnreadableError.for_path(path, "it contains no video stream")
    return cap


def fourcc_text(value: float) -> str:
    """Decode OpenCV's CAP_PROP_FOURCC number to its four-character text ("h264", "MJPG")."""
    code = int(value)
    if code <= 0:
        return ""
    chars = (chr((code >> (8 * k)) & 0xFF) for k in range(4))
    return "".join(c for c in chars if c.isprintable()).strip()
