"""The paused-still check for interlaced video, runnable under any installed OpenCV.

``python -m tests.interlaced_stills FILE...`` opens each file with ``FrameSource`` and
prints one JSON object: the OpenCV version and, per file, either the frame numbers read
back from a few stills (``read_frame_number``) or the error that refused the file.
``tests/test_media_interlaced.py`` runs it in-process with the installed OpenCV and in a
second virtual environment with the other OpenCV major version (4.x or 5.x).

Needs only numpy, OpenCV and ``annotator.media`` (no Qt, no pytest), so that the second
environment stays small.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import cv2

from annotator.media.errors import MediaError
from annotator.media.frames import FrameSource
from annotator.media.interlace import interlaced_stills_broken, swscale_major
from annotator.media.videogen import read_frame_number

#: Frames asked for, in this order: forward, back into the first key-frame group, the end.
PROBE_FRAMES = (0, 30, 31, 12, 5, 49)


def check_file(path: Path) -> dict[str, Any]:
    """{"frames": {asked: read or null}} or {"error": message}."""
    try:
        with FrameSource(path, cache_bytes=0) as src:
            read: dict[str, int | None] = {}
            for i in PROBE_FRAMES:
                try:
                    read[str(i)] = read_frame_number(src.frame(i))
                except ValueError:
                    read[str(i)] = None  # the still shows no readable frame number: noise
            return {"frames": read}
    except MediaError as exc:
        return {"error": str(exc)}


def check_all(paths: list[Path]) -> dict[str, Any]:
    return {
        "opencv": cv2.__version__,
        "swscale": swscale_major(),
        "broken": interlaced_stills_broken(),
        "files": {p.name: check_file(p) for p in paths},
    }


def main(argv: list[str]) -> int:
    print(json.dumps(check_all([Path(a) for a in argv])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
