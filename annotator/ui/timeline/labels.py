"""Texts the timeline shows about segments (no Qt)."""

from __future__ import annotations

from annotator.core.segments import SegmentView
from annotator.core.timefmt import format_tc

from .model import DiffStatus, Lane

STATUS_TEXT: dict[str, str] = {
    "agree": "coders agree",
    "disagree": "coders disagree",
    "only_one": "coded by one coder only",
}


def format_duration(ms: int) -> str:
    """``12.345 s`` below a minute, ``4 min 05.250 s`` above."""
    if ms < 60_000:
        return f"{ms / 1000:.3f} s"
    m, rem = divmod(ms, 60_000)
    return f"{m} min {rem / 1000:06.3f} s"


def segment_tooltip(lane: Lane, seg: SegmentView, status: DiffStatus | None = None) -> str:
    """Plain-text tooltip: code label, time span and duration, note."""
    lines = [lane.title]
    if seg.start_ms == seg.end_ms:
        lines.append(f"{format_tc(seg.start_ms)} (point)")
    else:
        lines.append(f"{format_tc(seg.start_ms)} – {format_tc(seg.end_ms)}")
        lines.append(f"Duration {format_duration(seg.end_ms - seg.start_ms)}")
    if seg.coder:
        lines.append(f"Coder {seg.coder}")
    if status is not None:
        lines.append(STATUS_TEXT.get(status, status).capitalize())
    if seg.note:
        lines.append(f"Note: {seg.note}")
    return "\n".join(lines)
