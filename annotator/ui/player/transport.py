"""The transport bar under the video: buttons, seek slider, time, frame, speed, volume."""

from __future__ import annotations

import time

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontDatabase, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.timefmt import format_tc
from annotator.ui.i18n import translate
from annotator.ui.player.actions import PlayerActions
from annotator.ui.player.controller import RATES, PlayerController


class SeekSlider(QSlider):
    """A horizontal slider that jumps to where it is clicked. Signals: QSlider's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            opt = QStyleOptionSlider()
            self.initStyleOption(opt)
            handle = self.style().subControlRect(
                QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, self
            )
            if not handle.contains(event.position().toPoint()):
                groove = self.style().subControlRect(
                    QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderGroove, self
                )
                span = max(groove.width() - handle.width(), 1)
                x = int(event.position().x()) - groove.x() - handle.width() // 2
                value = QStyle.sliderValueFromPosition(
                    self.minimum(), self.maximum(), x, span, opt.upsideDown
                )
                self.setValue(value)
                self.sliderMoved.emit(value)
        super().mousePressEvent(event)


#: Minimum time between label/slider updates during playback.
PLAYING_UPDATE_S = 0.066


def format_rate(rate: float) -> str:
    return f"{rate:g}×"


class TransportBar(QWidget):
    """Play/step buttons, seek slider, time and frame labels, speed and volume controls.

    No signals of its own: every control acts on the :class:`PlayerController`.
    Public children for tests and styling: ``slider``, ``time_label``,
    ``frame_label``, ``speed_box``, ``mute_button``, ``volume_slider``.
    """

    def __init__(
        self,
        controller: PlayerController,
        actions: PlayerActions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._resume_after_drag = False
        self._last_update = 0.0

        self.slider = SeekSlider(self)
        self.slider.setRange(0, 0)
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slider.setToolTip(translate("TransportBar", "Seek (click or drag)"))
        self.slider.sliderPressed.connect(self._on_slider_pressed)
        self.slider.sliderMoved.connect(self._on_slider_moved)
        self.slider.sliderReleased.connect(self._on_slider_released)

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.time_label = QLabel(self)
        self.time_label.setFont(mono)
        self.time_label.setToolTip(
            translate("TransportBar", "Position / duration (hours:minutes:seconds.milliseconds)"))
        self.frame_label = QLabel(self)
        self.frame_label.setFont(mono)
        self.frame_label.setToolTip(
            translate("TransportBar", "Frame shown (counted from 0) / number of frames"))
        for label in (self.time_label, self.frame_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)

        self.speed_box = QComboBox(self)
        self.speed_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.speed_box.setToolTip(
            translate("TransportBar", "Playback speed (L speeds up; sound keeps its pitch)"))
        for rate in RATES:
            self.speed_box.addItem(format_rate(rate), rate)
        self.speed_box.activated.connect(self._on_speed_chosen)

        style = QApplication.style()
        self.mute_button = QToolButton(self)
        self.mute_button.setCheckable(True)
        self.mute_button.setAutoRaise(True)
        self.mute_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.mute_button.setToolTip(translate("TransportBar", "Mute"))
        self.mute_button.toggled.connect(controller.set_muted)
        self._icon_volume = style.standardIcon(QStyle.StandardPixmap.SP_MediaVolume)
        self._icon_muted = style.standardIcon(QStyle.StandardPixmap.SP_MediaVolumeMuted)
        self.volume_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setFixedWidth(80)
        self.volume_slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.volume_slider.setToolTip(translate("TransportBar", "Volume"))
        self.volume_slider.valueChanged.connect(lambda v: controller.set_volume(v / 100))

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(2)
        for action in (
            actions.step_back, actions.shuttle_reverse, actions.play_pause,
            actions.shuttle_forward, actions.step_forward,
        ):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setIconSize(QSize(20, 20))
            buttons.addWidget(button)
        buttons.addSpacing(8)
        buttons.addWidget(self.time_label)
        buttons.addSpacing(12)
        buttons.addWidget(self.frame_label)
        buttons.addStretch(1)
        buttons.addSpacing(12)
        speed_caption = QLabel(translate("TransportBar", "Speed"), self)
        buttons.addWidget(speed_caption)
        buttons.addWidget(self.speed_box)
        buttons.addSpacing(8)
        buttons.addWidget(self.mute_button)
        buttons.addWidget(self.volume_slider)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self.slider)
        layout.addLayout(buttons)

        controller.positionChanged.connect(self._on_position)
        controller.rateChanged.connect(self._on_rate)
        controller.loaded.connect(self._on_loaded)
        controller.unloaded.connect(self._on_unloaded)
        controller.loadFailed.connect(lambda _msg: self._on_unloaded())
        controller.volumeChanged.connect(self._on_volume)
        controller.mutedChanged.connect(self._on_muted)
        self._on_rate(controller.rate)
        self._on_volume(controller.volume())
        self._on_muted(controller.is_muted())
        self._on_unloaded()

    # -- controller -> widgets ---------------------------------------------------------------

    def _on_loaded(self, _info: object) -> None:
        self.slider.setRange(0, self._controller.duration_ms)
        self.slider.setPageStep(5000)
        self.slider.setSingleStep(1000)
        self.slider.setEnabled(True)
        self.speed_box.setEnabled(True)
        self._on_position(self._controller.position_ms)

    def _on_unloaded(self) -> None:
        self.slider.setRange(0, 0)
        self.slider.setEnabled(False)
        self._show_labels(0, 0, 0, 0)

    def _on_position(self, ms: int) -> None:
        c = self._controller
        now = time.monotonic()
        if c.playing and now - self._last_update < PLAYING_UPDATE_S:
            return  # while playing, a readable ~15 Hz is enough (and cheaper)
        self._last_update = now
        if not self.slider.isSliderDown():
            self.slider.blockSignals(True)
            self.slider.setValue(ms)
            self.slider.blockSignals(False)
        self._show_labels(ms, c.duration_ms, c.frame_index, c.frame_count)

    def _show_labels(self, ms: int, duration: int, index: int, count: int) -> None:
        self.time_label.setText(f"{format_tc(ms)} / {format_tc(duration)}")
        if self._controller.audio_only:
            self.frame_label.setText(translate("TransportBar", "audio only"))
            return
        width = len(str(max(count, 1)))
        self.frame_label.setText(translate("TransportBar", "frame {index} / {count}").format(
            index=f"{index:>{width}d}", count=count))

    def _on_rate(self, rate: float) -> None:
        i = self.speed_box.findData(rate)
        if i < 0:
            i = sum(1 for r in (self.speed_box.itemData(k) for k in range(self.speed_box.count()))
                    if r < rate)
            self.speed_box.insertItem(i, format_rate(rate), rate)
        self.speed_box.setCurrentIndex(i)

    def _on_volume(self, volume: float) -> None:
        self.volume_slider.blockSignals(True)
        self.volume_slider.setValue(round(volume * 100))
        self.volume_slider.blockSignals(False)

    def _on_muted(self, muted: bool) -> None:
        self.mute_button.blockSignals(True)
        self.mute_button.setChecked(muted)
        self.mute_button.blockSignals(False)
        self.mute_button.setIcon(self._icon_muted if muted else self._icon_volume)
        self.mute_button.setToolTip(translate("TransportBar", "Unmute") if muted
                                    else translate("TransportBar", "Mute"))

    # -- widgets -> controller ---------------------------------------------------------------

    def _on_speed_chosen(self, index: int) -> None:
        self._controller.set_rate(float(self.speed_box.itemData(index)))

    def _on_slider_pressed(self) -> None:
        self._resume_after_drag = self._controller.playing
        if self._resume_after_drag:
            self._controller.pause()

    def _on_slider_moved(self, value: int) -> None:
        self._controller.seek(value)
        self._show_labels(
            self._controller.position_ms, self._controller.duration_ms,
            self._controller.frame_index, self._controller.frame_count,
        )

    def _on_slider_released(self) -> None:
        self._controller.seek(self.slider.value())
        if self._resume_after_drag:
            self._controller.play()
        self._resume_after_drag = False
