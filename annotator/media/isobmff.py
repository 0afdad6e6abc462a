"""Walking the boxes of ISO base media files (MP4, MOV, M4A): just enough to read headers."""

from __future__ import annotations

import mmap
import struct


def iso_boxes(data: bytes | mmap.mmap, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """(type, body start, body end) of the ISO boxes in ``data[start:end]``."""
    out = []
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        header = 8
        if size == 1:
            if pos + 16 > end:
                break
            size = struct.unpack(">Q", data[pos + 8:pos + 16])[0]
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            break
        out.append((bytes(kind), pos + header, pos + size))
        pos += size
    return out


def iso_child(data: bytes | mmap.mmap, parent: tuple[int, int], kind: bytes) -> tuple[int, int]:
    """(body start, body end) of the first ``kind`` box inside ``parent``; KeyError if none."""
    for k, s, e in iso_boxes(data, *parent):
        if k == kind:
            return s, e
    raise KeyError(kind)
