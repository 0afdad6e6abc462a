"""Texts the timeline shows about segments."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from annotator.core.segments import SegmentView
from annotator.core.timefmt import format_tc
from annotator.ui.i18n import translate

from .model import DiffStatus, Lane

STATUS_TEXT: dict[str, str] = {
    "agree": str(QT_TRANSLATE_NOOP("TimelineLabels", "coders agree")),
    "disagree": str(QT_TRANSLATE_NOOP("TimelineLabels", "coders disagree")),
    "only_one": str(QT_TRANSLATE_NOOP("TimelineLabels", "coded by one coder only")),
}
"""The diff lanes' statuses, marked for translation (``translate("TimelineLabels", ...)``
where shown)."""


def format_duration(ms: int) -> str:
    """``12.345 s`` below a minute, ``4 min 05.250 s`` above."""
    if ms < 60_000:
        return translate("TimelineLabels", "{seconds} s").format(seconds=f"{ms / 1000:.3f}")
    m, rem = divmod(ms, 60_000)
    return translate("TimelineLabels", "{minutes} min {seconds} s").format(
        minutes=m, seconds=f"{rem / 1000:06.3f}")


def segment_tooltip(lane: Lane, seg: SegmentView, status: DiffStatus | None = None) -> str:
    """Plain-text tooltip: code label, time span and duration, note."""
    lines = [lane.title]
    if seg.start_ms == seg.end_ms:
        lines.append(translate("TimelineLabels", "{time} (point)").format(
            time=format_tc(seg.start_ms)))
    else:
        lines.append(f"{format_tc(seg.start_ms)} – {format_tc(seg.end_ms)}")
        lines.append(translate("TimelineLabels", "Duration {duration}").format(
            duration=format_duration(seg.end_ms - seg.start_ms)))
    if seg.coder:
        lines.append(translate("TimelineLabels", "Coder {coder}").format(coder=seg.coder))
    if status is not None:
        text = STATUS_TEXT.get(status)
        lines.append((translate("TimelineLabels", text) if text else status).capitalize())
    if seg.note:
        lines.append(translate("TimelineLabels", "Note: {note}").format(note=seg.note))
    return "\n".join(lines)
