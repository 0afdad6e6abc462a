"""The overview strip: the whole session, every lane compressed to a thin band, with the
timeline's visible window as a draggable rectangle.

Signals:

- ``windowDragged(float)``: the user pressed or dragged in the strip; the argument is
  the start (ms) the visible window should move to. Pressing outside the window
  centres it on the pressed time; dragging the window keeps the grab point under
  the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from annotator.core.timefmt import format_tc
from annotator.ui.i18n import translate

from . import painting
from .model import TimelineModel
from .theme import LIGHT, Theme


class TimelineOverview(QWidget):
    windowDragged = Signal(float)

    def __init__(
        self,
        model: TimelineModel,
        parent: QWidget | None = None,
        *,
        theme: Theme = LIGHT,
        label_width: int = 220,
        height: int = 34,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.theme = theme
        self.label_width = label_width
        self._duration = 1000.0
        self._window = (0.0, 1000.0)
        self._playhead = 0
        self._grab: float | None = None
        self._cache: QPixmap | None = None
        self._cache_key: tuple[object, ...] = ()
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        self.setFixedHeight(height)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setToolTip(translate(
            "TimelineOverview", "Whole session: drag the blue window to scroll the timeline"))

    def sizeHint(self) -> QSize:
        return QSize(1000, self.height())

    # coordinates ---------------------------------------------------------------------
    def _track(self) -> QRect:
        return QRect(self.label_width, 3, max(1, self.width() - self.label_width - 1),
                     self.height() - 7)

    def x_for_time(self, ms: float) -> float:
        track = self._track()
        return track.left() + ms / self._duration * track.width()

    def time_for_x(self, x: float) -> float:
        track = self._track()
        return (x - track.left()) / track.width() * self._duration

    def window_rect(self) -> QRectF:
        """The visible window as drawn (at least 6 px wide)."""
        track = self._track()
        x0 = self.x_for_time(self._window[0])
        x1 = max(self.x_for_time(self._window[1]), x0 + 6)
        return QRectF(x0, track.top() - 2, x1 - x0, track.height() + 4)

    def set_label_width(self, width: int) -> None:
        self.label_width = width
        self.update()

    # state ----------------------------------------------------------------------------
    def set_duration(self, ms: float) -> None:
        self._duration = max(float(ms), 1.0)
        self.update()

    def set_window(self, start: float, end: float) -> None:
        self._window = (float(start), float(end))
        self.update()

    def set_playhead(self, ms: int) -> None:
        old, self._playhead = self._playhead, ms
        for t in (old, ms):
            self.update(QRect(round(self.x_for_time(t)) - 2, 0, 5, self.height()))

    def data_changed(self) -> None:
        self.update()

    # events ---------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._cache = None
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        x = event.position().x()
        if x < self.label_width:
            return
        t = self.time_for_x(x)
        start, end = self._window
        win = self.window_rect()
        if win.left() <= x <= win.right():
            self._grab = t - start
        else:
            self._grab = (end - start) / 2
            self.windowDragged.emit(t - self._grab)
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        if self._grab is not None:
            self.windowDragged.emit(self.time_for_x(x) - self._grab)
            return
        win = self.window_rect()
        if win.left() <= x <= win.right():
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.unsetCursor()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._grab = None
        self.unsetCursor()

    # painting -------------------------------------------------------------------------
    def _background(self) -> QPixmap:
        key = (self.model.version, self.size().width(), self.size().height(), self._duration,
               self.devicePixelRatioF(), self.label_width)
        if self._cache is not None and key == self._cache_key:
            return self._cache
        dpr = self.devicePixelRatioF()
        pm = QPixmap(round(self.width() * dpr), round(self.height() * dpr))
        pm.setDevicePixelRatio(dpr)
        pm.fill(QColor(self.theme.ruler_bg))
        p = QPainter(pm)
        th = self.theme
        track = self._track()
        p.fillRect(track, QColor(th.background))
        lanes = self.model.lanes
        if lanes:
            band = track.height() / len(lanes)
            ms_per_px = self._duration / track.width()
            for i, lane in enumerate(lanes):
                index = self.model.index(lane.id)
                if not len(index):
                    continue
                top = track.top() + i * band
                for color, code in painting.lane_colors(lane, th):
                    cols = painting.lane_strip(index, 0.0, ms_per_px, track.width(), code,
                                               detail_max=0, min_px=float("inf"))
                    painting.draw_lane_strip(
                        p, index, cols, color, origin=0.0, ms_per_px=ms_per_px,
                        x_left=track.left(), top=top, height=max(1.0, band - 0.5),
                    )
        p.setPen(QPen(QColor(th.label_border), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(track.adjusted(0, 0, 0, 0))
        p.fillRect(QRect(0, 0, self.label_width, self.height()), QColor(th.label_bg))
        p.setPen(QColor(th.label_border))
        p.drawLine(self.label_width - 1, 0, self.label_width - 1, self.height())
        p.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        p.setFont(self._small)
        p.setPen(QColor(th.group_text))
        p.drawText(QRect(10, 0, self.label_width - 20, self.height()),
                   Qt.AlignmentFlag.AlignVCenter,
                   translate("TimelineOverview", "Session  {duration}").format(
                       duration=format_tc(round(self._duration))[:-4]))
        p.end()
        self._cache, self._cache_key = pm, key
        return pm

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setClipRegion(event.region())
        p.drawPixmap(0, 0, self._background())
        th = self.theme
        track = self._track()
        win = self.window_rect()
        dim = QColor(th.overview_dim)
        dim.setAlpha(150)
        p.fillRect(QRectF(track.left(), track.top(), win.left() - track.left(), track.height()),
                   dim)
        p.fillRect(QRectF(win.right(), track.top(), track.right() - win.right(), track.height()),
                   dim)
        fill = QColor(th.overview_window)
        fill.setAlpha(28)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setBrush(fill)
        p.setPen(QPen(QColor(th.overview_window), 1.5))
        p.drawRoundedRect(win.adjusted(0.75, 0.75, -0.75, -0.75), 2, 2)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        x = round(self.x_for_time(self._playhead))
        p.fillRect(QRect(x - 1 if x > track.left() else x, 0, 2, self.height() - 1),
                   QColor(th.playhead))
        p.end()
