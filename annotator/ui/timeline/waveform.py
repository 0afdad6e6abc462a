"""The sound lane of the timeline: the recording's waveform above the code lanes.

:class:`WaveformLane` is a thin painted strip that shares the canvas's time axis (it asks
the canvas for ``x_for_time`` / ``time_for_x`` and its label width, and repaints when the
canvas's visible range changes), so the waveform lines up with the segments below it.
It shows nothing (and takes no space) until a waveform is set. A click or drag on it
seeks, like a click on the ruler.

Signals:

- ``seekRequested(int ms)``: the user clicked or dragged on the waveform.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLineF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from annotator.media.waveform import Waveform
from annotator.ui.i18n import translate

from .canvas import TimelineCanvas
from .theme import LIGHT, Theme

LANE_HEIGHT = 40
TITLE = str(QT_TRANSLATE_NOOP("WaveformLane", "Sound"))
WAVE_COLOR = "#5b6b86"


class WaveformLane(QWidget):
    seekRequested = Signal(int)

    def __init__(self, canvas: TimelineCanvas, parent: QWidget | None = None, *,
                 theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.theme = theme
        self._waveform: Waveform | None = None
        self._playhead = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(LANE_HEIGHT)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setToolTip(translate(
            "WaveformLane",
            "The recording's sound (loudest level per moment); click to go there"))
        canvas.viewRangeChanged.connect(lambda _a, _b: self.update())
        self.hide()

    def sizeHint(self) -> QSize:
        return QSize(1000, LANE_HEIGHT)

    # -- data ---------------------------------------------------------------------------
    def set_waveform(self, waveform: Waveform | None) -> None:
        """Show ``waveform`` (None: hide the lane)."""
        self._waveform = waveform
        self.setVisible(waveform is not None)
        self.update()

    def waveform(self) -> Waveform | None:
        return self._waveform

    def set_playhead(self, ms: int) -> None:
        if ms != self._playhead:
            old, self._playhead = self._playhead, ms
            for t in (old, ms):
                x = round(self.canvas.x_for_time(t))
                self.update(QRect(x - 2, 0, 5, self.height()))

    def column_levels(self) -> np.ndarray[Any, Any]:
        """The level (0..255) drawn in each pixel column of the time area (for tests)."""
        wf = self._waveform
        lx = self.canvas.label_width
        width = max(0, self.width() - lx)
        if wf is None:
            return np.zeros(width, np.uint8)
        return wf.columns(self.canvas.time_for_x(lx), self.canvas.scale.ms_per_px, width)

    # -- mouse --------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._seek(event.position().x())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._seek(event.position().x())

    def _seek(self, x: float) -> None:
        if x < self.canvas.label_width:
            return
        t = self.canvas.time_for_x(x)
        self.seekRequested.emit(round(min(max(t, 0.0), float(self.canvas.duration()))))

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        th = self.theme
        lx, w, h = self.canvas.label_width, self.width(), self.height()
        p.fillRect(QRect(lx, 0, w - lx, h), QColor(th.lane_even))
        p.fillRect(QRect(0, 0, lx, h), QColor(th.label_bg))
        p.setPen(QColor(th.label_border))
        p.drawLine(lx - 1, 0, lx - 1, h)
        p.drawLine(0, h - 1, w, h - 1)
        p.setPen(QColor(th.label_text))
        p.drawText(QRect(10, 0, lx - 14, h),
                   int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                   translate("WaveformLane", TITLE))
        levels = self.column_levels()
        if levels.size:
            mid = (h - 1) / 2
            half = mid - 3
            heights = levels.astype(np.float64) / 255.0 * half
            xs = np.flatnonzero(heights >= 0.5)
            p.setPen(QPen(QColor(th.grid), 1))
            p.drawLine(QLineF(lx, mid, w, mid))
            p.setPen(QPen(QColor(WAVE_COLOR), 1))
            p.drawLines([QLineF(lx + x + 0.5, mid - heights[x], lx + x + 0.5, mid + heights[x])
                         for x in xs.tolist()])
        x = self.canvas.x_for_time(self._playhead)
        if x >= lx:
            p.setPen(QPen(QColor(th.playhead), 1))
            p.drawLine(QLineF(round(x) + 0.5, 0, round(x) + 0.5, h))
        p.end()
