"""The main window's status bar: coder, session and save state, a lasting media
warning, and how messages from the :class:`MessageBridge` are shown. No signals.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from annotator.ui.i18n import translate
from annotator.ui.messages import MessageBridge
from annotator.ui.workspace import Workspace, purpose_label, status_label


class WindowStatus:
    def __init__(self, window: QMainWindow, workspace: Workspace,
                 messages: MessageBridge) -> None:
        self.window = window
        self.ws = workspace
        self.coder_label = QLabel(translate("WindowStatus", "No coder"))
        self.session_label = QLabel(translate("WindowStatus", "No session"))
        self.saved_label = QLabel("")
        self.saved_label.setToolTip(
            translate("WindowStatus", "Every edit is saved the moment it is made."))
        # stays while the session's recording cannot be shown (the status message fades)
        self.media_label = QLabel("")
        self.media_label.setStyleSheet("color: #b00020;")
        self.media_label.hide()
        sb = window.statusBar()
        for label in (self.media_label, self.session_label, self.saved_label, self.coder_label):
            sb.addPermanentWidget(label)
        self._pending_errors: list[tuple[str, str]] = []
        messages.info.connect(lambda m: sb.showMessage(m, 5000))
        messages.warning.connect(lambda m: sb.showMessage("⚠ " + m, 10000))
        messages.error.connect(self._on_error)

    def update_coder(self) -> None:
        coder = self.ws.coder or ""
        name = self.ws.coder_name()
        if not coder:
            text = translate("WindowStatus", "No coder")
        elif name and name != coder:
            text = translate("WindowStatus", "Coder: {coder} ({name})").format(
                coder=coder, name=name)
        else:
            text = translate("WindowStatus", "Coder: {coder}").format(coder=coder)
        self.coder_label.setText(text)

    def update_session(self) -> None:
        ctl, session = self.ws.controller, self.ws.session
        if ctl is None or session is None:
            self.session_label.setText(translate("WindowStatus", "No session"))
            self.saved_label.setText("")
            return
        a = ctl.assignment
        text = translate(
            "WindowStatus", "{case} · session {number} · {purpose} · {status}").format(
            case=session.case, number=session.number, purpose=purpose_label(a.purpose),
            status=status_label(a.status))
        if a.purpose == "reliability" and not self.ws.showing_others:
            text += translate("WindowStatus", " · blind")
        self.session_label.setText(text)
        self.saved_label.setText(saved_text())

    def set_media_problem(self, text: str, details: str = "") -> None:
        self.media_label.setText(text)
        self.media_label.setToolTip(
            translate("WindowStatus", "{details}\n\nCoding still works: click the timeline "
                      "to move the playhead.").format(details=details) if details else "")
        self.media_label.setVisible(bool(text))

    def _on_error(self, title: str, message: str) -> None:
        if self.window.isVisible():
            QMessageBox.warning(self.window, title, message)
        else:
            # Before the window is shown (opening the study given on the command line):
            # keep it for a dialog once the window is up, so it is not missed.
            self._pending_errors.append((title, message))
            self.window.statusBar().showMessage(
                translate("WindowStatus", "{title}: {message}").format(
                    title=title, message=message), 10000)

    def shown(self) -> None:
        """Call from ``showEvent``: errors from before the window was up get a dialog."""
        if self._pending_errors:
            QTimer.singleShot(0, self._show_pending_errors)

    def _show_pending_errors(self) -> None:
        pending, self._pending_errors = self._pending_errors, []
        for title, message in pending:
            QMessageBox.warning(self.window, title, message)


def saved_text() -> str:
    """The status bar's note that every edit is stored."""
    return translate("WindowStatus", "✓ all edits saved")
