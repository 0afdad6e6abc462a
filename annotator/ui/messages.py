"""A message bridge: logic code reports, the main window decides how to show it.

Signals:

- ``info(str)``: a short status message (status bar).
- ``warning(str)``: something the user should notice (status bar, highlighted).
- ``error(str, str)``: title and message of an error that needs a dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class MessageBridge(QObject):
    info = Signal(str)
    warning = Signal(str)
    error = Signal(str, str)
