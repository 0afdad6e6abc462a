"""Moving around a session: go to a time, next/previous segment, zooming the timeline.

:class:`NavigationActions` needs the small :class:`NavHost` protocol (the workspace,
the timeline, the clock). :class:`GoToTimeDialog` checks what is typed as it is typed
(:func:`annotator.core.timefmt.parse_position`) and says what is wrong. No signals
beyond those of ``QDialog``.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.segments import SegmentView
from annotator.core.timefmt import format_tc, parse_position
from annotator.ui.i18n import translate
from annotator.ui.messages import MessageBridge
from annotator.ui.timeline.view import TimelineView
from annotator.ui.workspace import Workspace

#: span factor of one keyboard zoom step (in: the span shrinks to 2/3)
ZOOM_STEP = 1.5


class NavHost(Protocol):
    @property
    def workspace(self) -> Workspace: ...

    @property
    def messages(self) -> MessageBridge: ...

    @property
    def timeline(self) -> TimelineView: ...

    def current_ms(self) -> int: ...

    def seek(self, ms: int) -> None: ...

    def dialog_parent(self) -> QWidget: ...


class GoToTimeDialog(QDialog):
    """Asks for a time; OK only while the text is a time inside the session."""

    def __init__(self, parent: QWidget | None, current_ms: int, duration_ms: int | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("GoToTimeDialog", "Go to time"))
        self.duration_ms = duration_ms
        self.value_ms: int | None = None
        self.edit = QLineEdit(format_tc(current_ms), self)
        self.edit.selectAll()
        self.edit.setToolTip(translate(
            "GoToTimeDialog", "12:34.5 (minutes:seconds), 1:02:03 or seconds (754.5)"))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        # room for a two-line message, so the dialog does not jump while typing
        self.error.setMinimumHeight(2 * self.error.fontMetrics().lineSpacing() + 4)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        if duration_ms:
            prompt = translate("GoToTimeDialog", "Time: 12:34.5, 1:02:03 or seconds (the "
                               "session ends at {end})").format(end=format_tc(duration_ms))
        else:
            prompt = translate("GoToTimeDialog", "Time: 12:34.5, 1:02:03 or seconds")
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        lay.addWidget(label)
        lay.addWidget(self.edit)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.edit.textChanged.connect(self._check)
        self._check(self.edit.text())
        self.resize(460, self.sizeHint().height())

    def _check(self, text: str) -> None:
        try:
            self.value_ms = parse_position(text, self.duration_ms)
            self.error.setText("")
        except ValueError as exc:
            self.value_ms = None
            self.error.setText(str(exc))
            if self.error.heightForWidth(self.error.width()) > self.error.height():
                self.adjustSize()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(self.value_ms is not None)

    def accept(self) -> None:
        if self.value_ms is not None:
            super().accept()


class NavigationActions:
    def __init__(self, host: NavHost) -> None:
        self.host = host
        self.dialog: GoToTimeDialog | None = None

    # ------------------------------------------------------------------ go to time
    def go_to_time(self) -> None:
        h = self.host
        duration = h.timeline.duration() or None
        dlg = GoToTimeDialog(h.dialog_parent(), h.current_ms(), duration)
        self.dialog = dlg

        def done(result: int) -> None:
            self.dialog = None
            if result == QDialog.DialogCode.Accepted and dlg.value_ms is not None:
                h.seek(dlg.value_ms)
                h.timeline.reveal_time(dlg.value_ms)
            dlg.deleteLater()

        dlg.finished.connect(done)
        dlg.open()

    # ------------------------------------------------------------------ segments
    def next_segment(self) -> None:
        self._step(+1, same_code=False)

    def previous_segment(self) -> None:
        self._step(-1, same_code=False)

    def next_of_code(self) -> None:
        self._step(+1, same_code=True)

    def previous_of_code(self) -> None:
        self._step(-1, same_code=True)

    def _step(self, direction: int, *, same_code: bool) -> None:
        ws = self.host.workspace
        code: str | None = None
        if same_code:
            sel = ws.segments.selected()
            if sel is None:
                self.host.messages.info.emit(translate(
                    "NavigationActions", "Select a segment first: this goes to the next or "
                    "previous segment of its code."))
                return
            code = sel.code
        target = neighbour(ws.segments.by_start(code), self.host.current_ms(), direction,
                           ws.segments.selected())
        if target is None:
            self.host.messages.info.emit(no_segment_text(direction, code))
            return
        ws.segments.set_selection([target.id])
        self.host.seek(target.start_ms)
        self.host.timeline.reveal_time(target.start_ms)

    # ------------------------------------------------------------------ zoom
    def zoom_in(self) -> None:
        self._zoom(1 / ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(ZOOM_STEP)

    def zoom_fit(self) -> None:
        self.host.timeline.fit_all()

    def _zoom(self, factor: float) -> None:
        tl = self.host.timeline
        t0, t1 = tl.view_range()
        ph = self.host.current_ms()
        anchor = ph if t0 <= ph <= t1 else (t0 + t1) / 2
        tl.canvas.zoom_about(anchor, factor)

    def set_follow(self, on: bool) -> None:
        self.host.timeline.set_follow_enabled(on)


def neighbour(ordered: list[SegmentView], t_ms: int, direction: int,
              current: SegmentView | None = None) -> SegmentView | None:
    """The segment starting after (``direction`` +1) or before (-1) ``t_ms`` in
    ``ordered`` (sorted by start). A selected segment starting at ``t_ms`` counts as
    where one is, so repeated presses walk through segments that start together."""
    keys = [(s.start_ms, s.end_ms, s.id) for s in ordered]
    here = (current.start_ms, current.end_ms, current.id) if current is not None and \
        current.start_ms == t_ms else None
    if direction > 0:
        for k, s in zip(keys, ordered, strict=True):
            if (k > here) if here is not None else (s.start_ms > t_ms):
                return s
        return None
    for k, s in zip(reversed(keys), reversed(ordered), strict=True):
        if (k < here) if here is not None else (s.start_ms < t_ms):
            return s
    return None


def no_segment_text(direction: int, code: str | None) -> str:
    """Why next/previous segment did not move."""
    if code:
        if direction > 0:
            return translate("NavigationActions",
                             "No segment of {code} after the playhead.").format(code=code)
        return translate("NavigationActions",
                         "No segment of {code} before the playhead.").format(code=code)
    if direction > 0:
        return translate("NavigationActions", "No segment after the playhead.")
    return translate("NavigationActions", "No segment before the playhead.")
