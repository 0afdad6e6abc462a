"""Small geometry helpers shared by the canvas and its painter (no state)."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from annotator.core.segments import SegmentView


def span_of(seg: SegmentView) -> tuple[int, int]:
    """A segment's drawn span (an end before the start is drawn as a point)."""
    return seg.start_ms, max(seg.end_ms, seg.start_ms)


def note_marker_box(seg_rect: QRectF) -> QRectF:
    """The note marker's box: a dog-ear on the segment's top left corner."""
    size = max(6.0, min(9.0, seg_rect.height() * 0.6))
    return QRectF(seg_rect.left(), seg_rect.top(), size, size)
