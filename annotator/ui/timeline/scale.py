"""Time <-> pixel mapping, zoom arithmetic and ruler ticks (no Qt)."""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_SPAN_MS = 200.0

# Candidate major tick steps (ms): frames-ish to hours.
_STEPS = (
    10, 20, 50, 100, 200, 500,
    1_000, 2_000, 5_000, 10_000, 15_000, 30_000,
    60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000,
)
# Minor subdivisions per major step.
_MINOR = {
    10: 5, 20: 4, 50: 5, 100: 5, 200: 4, 500: 5, 1_000: 5, 2_000: 4, 5_000: 5,
    10_000: 5, 15_000: 3, 30_000: 6, 60_000: 6, 120_000: 4, 300_000: 5, 600_000: 5,
    900_000: 3, 1_800_000: 6, 3_600_000: 6, 7_200_000: 4,
}


@dataclass(frozen=True, slots=True)
class Ticks:
    major_ms: int
    minor_ms: int
    decimals: int  # digits after the seconds in labels (0 = HH:MM:SS)


def choose_ticks(ms_per_px: float, min_label_px: float) -> Ticks:
    """The smallest major step whose labels are at least ``min_label_px`` apart."""
    for step in _STEPS:
        if step / ms_per_px >= min_label_px:
            break
    else:
        step = _STEPS[-1]
        while step / ms_per_px < min_label_px:
            step *= 2
    decimals = 0 if step >= 1000 else (1 if step % 100 == 0 else 2)
    minor = step // _MINOR.get(step, 2)
    return Ticks(step, minor, decimals)


def tick_times(t0: float, t1: float, step: int) -> range:
    """Multiples of ``step`` in ``[t0, t1]`` (never negative)."""
    first = max(0, math.ceil(t0 / step)) * step
    return range(first, math.floor(t1) + 1, step)


def format_ruler(ms: int, decimals: int) -> str:
    """``HH:MM:SS`` (``decimals == 0``) or ``HH:MM:SS.d`` / ``.dd`` for fine zoom."""
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, milli = divmod(rem, 1000)
    text = f"{h:02d}:{m:02d}:{s:02d}"
    if decimals:
        text += "." + f"{milli:03d}"[:decimals]
    return text


class TimeScale:
    """A window ``[start, start + span)`` of a session of ``duration`` ms on ``width`` px.

    ``x`` is measured from the left edge of the time area. The window never starts
    before 0 or ends after the duration, and its span stays within
    ``[MIN_SPAN_MS, duration]``.
    """

    def __init__(self, duration: float = 60_000.0, width: float = 1.0) -> None:
        self.duration = max(float(duration), MIN_SPAN_MS)
        self.width = max(float(width), 1.0)
        self.start = 0.0
        self.span = self.duration

    @property
    def end(self) -> float:
        return self.start + self.span

    @property
    def ms_per_px(self) -> float:
        return self.span / self.width

    def x_for_time(self, ms: float) -> float:
        return (ms - self.start) / self.ms_per_px

    def time_for_x(self, x: float) -> float:
        return self.start + x * self.ms_per_px

    def set_duration(self, duration: float) -> None:
        self.duration = max(float(duration), MIN_SPAN_MS)
        self.set_range(self.start, self.end)

    def set_width(self, width: float) -> None:
        self.width = max(float(width), 1.0)

    def set_range(self, start: float, end: float) -> None:
        span = min(max(end - start, MIN_SPAN_MS), self.duration)
        self.span = span
        self.set_start(start)

    def set_start(self, start: float) -> None:
        self.start = min(max(start, 0.0), self.duration - self.span)

    def zoom_about(self, anchor_ms: float, factor: float) -> None:
        """Scale the span by ``factor`` keeping ``anchor_ms`` at the same pixel."""
        frac = (anchor_ms - self.start) / self.span
        span = min(max(self.span * factor, MIN_SPAN_MS), self.duration)
        self.span = span
        self.set_start(anchor_ms - frac * span)

    def reveal(self, ms: float, lead: float = 0.1, margin: float = 0.0) -> bool:
        """Page so ``ms`` is visible, ``lead`` of the span from the left, if it is not
        within ``[start, end - margin * span]``. Returns whether the window moved."""
        if self.start <= ms <= self.end - margin * self.span:
            return False
        before = self.start
        self.set_start(ms - lead * self.span)
        return self.start != before
