"""The video picture: paints either the live playback frame or the exact still.

:class:`VideoView` is a plain painted widget. It keeps the picture's aspect ratio
(black letterbox bars) and, when there is nothing to show, paints a short message.
Playback frames are given as ``QVideoFrame`` and painted by Qt (converted and
scaled in one pass) only when the widget actually paints, so frames that arrive
faster than the screen repaints cost nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent
from PySide6.QtMultimedia import QVideoFrame
from PySide6.QtWidgets import QSizePolicy, QWidget


def letterbox(outer: QRect, size: QSize) -> QRect:
    """The largest rectangle of ``size``'s aspect ratio centred in ``outer``."""
    if size.isEmpty() or outer.isEmpty():
        return QRect()
    scaled = size.scaled(outer.size(), Qt.AspectRatioMode.KeepAspectRatio)
    x = outer.x() + (outer.width() - scaled.width()) // 2
    y = outer.y() + (outer.height() - scaled.height()) // 2
    return QRect(x, y, scaled.width(), scaled.height())


class VideoView(QWidget):
    """Letterboxed video display. No signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._frame: QVideoFrame | None = None
        self._message = ""
        self._audio_only = False
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    # -- content ---------------------------------------------------------------------------

    def set_image(self, image: QImage) -> None:
        """Show ``image`` (an exact still) from now on."""
        self._image = image
        self._frame = None
        self._message = ""
        self.update()

    def set_frame(self, frame: QVideoFrame) -> None:
        """Show a playback frame; it is converted when the widget next paints."""
        self._frame = frame
        self._message = ""
        self.update()

    def clear(self, message: str = "") -> None:
        """Show nothing but ``message`` (e.g. "No video")."""
        self._image = None
        self._frame = None
        self._message = message
        self._audio_only = False
        self.update()

    def show_audio_only(self, message: str) -> None:
        """The placeholder of a recording without picture: a large note and ``message``."""
        self.clear(message)
        self._audio_only = True
        self.update()

    def is_audio_only(self) -> bool:
        return self._audio_only

    def message(self) -> str:
        """The text shown when there is no picture (a load error, "No video")."""
        return self._message

    def current_image(self) -> QImage | None:
        """The picture the widget would paint now, converting a pending playback frame."""
        if self._frame is not None:
            img = self._frame.toImage()
            if not img.isNull():
                self._image = img
            self._frame = None
        return self._image

    def video_rect(self) -> QRect:
        """Where the picture is drawn, in widget coordinates (empty if there is none)."""
        if self._frame is not None:
            return letterbox(self.rect(), self._frame.size())
        if self._image is None:
            return QRect()
        return letterbox(self.rect(), self._image.size())

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0))
        if self._frame is not None:
            # Qt converts and scales the frame in one pass; no intermediate QImage.
            target = QRectF(letterbox(self.rect(), self._frame.size()))
            self._frame.paint(painter, target, QVideoFrame.PaintOptions())
        elif self._image is not None:
            target_rect = letterbox(self.rect(), self._image.size())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(target_rect, self._image)
        elif self._audio_only:
            self._paint_audio_only(painter)
        elif self._message:
            margin = max(12, self.width() // 10)
            box = self.rect().adjusted(margin, margin, -margin, -margin)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.setPen(QColor(225, 225, 225))  # the default pen is black: unreadable
            painter.drawText(box, int(flags), self._message)
        painter.end()

    def _paint_audio_only(self, painter: QPainter) -> None:
        painter.fillRect(self.rect(), QColor(32, 36, 44))
        h = self.height()
        symbol = QFont(self.font())
        symbol.setPixelSize(max(24, h // 3))
        painter.setFont(symbol)
        painter.setPen(QColor(120, 170, 230))
        top = self.rect().adjusted(0, h // 10, 0, -h // 2 + h // 10)
        painter.drawText(top, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                         "\u266a")
        text = QFont(self.font())
        text.setPixelSize(max(12, min(22, h // 14)))
        painter.setFont(text)
        painter.setPen(QColor(225, 228, 235))
        margin = max(12, self.width() // 10)
        bottom = self.rect().adjusted(margin, h // 2 + h // 12, -margin, -8)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(bottom, int(flags), self._message)
