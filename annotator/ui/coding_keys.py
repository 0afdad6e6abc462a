"""Coding keys work whatever widget has focus, except while text is being edited.

:class:`CodingKeyFilter` is installed on the application. It turns presses and releases
of the codebook's keys (without modifiers) into signals and swallows them, unless the
focus is in a text field, a spin box, an editable combo box, a cell editor, or a modal
dialog is open. In those editors it also keeps Return and Esc for the editor, away from
the window's shortcuts that use them.

Signals:

- ``pressed(str code_id)``: a coding key went down (auto-repeat is not reported).
- ``released(str code_id)``: it came up again (for hold mode).
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from annotator.core.codebook import Codebook

_ALLOWED_MODIFIERS = Qt.KeyboardModifier.NoModifier | Qt.KeyboardModifier.KeypadModifier
_EDITOR_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)


def key_of(text: str) -> int:
    """Qt key code of a codebook key ("1", "q", "F5")."""
    seq = QKeySequence(text.upper() if len(text) == 1 else text)
    if not seq.count():
        return 0
    first: QKeyCombination = cast(Any, seq)[0]  # the stubs lack QKeySequence.__getitem__
    return first.key().value


def text_editing(widget: QWidget | None) -> bool:
    """Whether keys typed into ``widget`` are text or editor keys, not commands: a text
    field, a spin box, an editable combo box, or any editor open in an item view's cell."""
    w = widget
    if w is None:
        return False
    if isinstance(w, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
        return not (isinstance(w, QLineEdit) and w.isReadOnly())
    if isinstance(w, QComboBox) and w.isEditable():
        return True
    while w is not None:
        if isinstance(w, QAbstractItemView) and (
                w.state() == QAbstractItemView.State.EditingState):
            return True
        w = w.parentWidget()
    return False


class CodingKeyFilter(QObject):
    pressed = Signal(str)
    released = Signal(str)

    def __init__(self, parent: QObject | None = None, *, window: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keys: dict[int, str] = {}
        self.enabled = True
        # Keys count only in this window (and its floating docks); None: in any window.
        self._window = window if window is not None else (
            parent if isinstance(parent, QWidget) else None)

    def _blocked(self) -> bool:
        """Whether a modal dialog over this window (or over the whole app) is open."""
        modal = QApplication.activeModalWidget()
        if modal is None:
            return False
        if modal.windowModality() == Qt.WindowModality.ApplicationModal:
            return True
        w: QWidget | None = modal
        while w is not None:  # a window-modal dialog over this window
            if w is self._window:
                return True
            w = w.parentWidget()
        return False

    def _ours(self, watched: QObject) -> bool:
        """Whether a key event sent to ``watched`` is typed into this filter's window or
        one of its floating docks. Another main window, or a window of its own such as
        the comparison window, keeps its keys."""
        if self._window is None:
            return True
        w = watched if isinstance(watched, QWidget) else (
            QApplication.focusWidget() or QApplication.activeWindow())
        while w is not None:
            if w is self._window:
                return True
            if w.isWindow() and not isinstance(w, QDockWidget):
                return False  # a window of its own (comparison, dialog), not a floating dock
            w = w.parentWidget()
        return False

    def set_codebook(self, codebook: Codebook | None) -> None:
        self._keys = {}
        if codebook is None:
            return
        for code in codebook.codes:
            if code.key:
                self._keys[key_of(code.key)] = code.id

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        etype = event.type()
        if etype not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
                         QEvent.Type.ShortcutOverride):
            return False
        if not self.enabled or not isinstance(event, QKeyEvent) or not self._ours(watched):
            return False
        if etype == QEvent.Type.ShortcutOverride and event.key() in _EDITOR_KEYS \
                and text_editing(QApplication.focusWidget()):
            # Return and Esc end or cancel the edit in a text field or cell editor; the
            # window's Return/Esc shortcuts (end / discard open codes) must not take them.
            event.accept()
            return True
        code = self._keys.get(event.key())
        if code is None or (event.modifiers() & ~_ALLOWED_MODIFIERS):
            return False
        if self._blocked() or QApplication.activePopupWidget():
            return False
        if text_editing(QApplication.focusWidget()):
            return False
        if etype == QEvent.Type.ShortcutOverride:
            event.accept()  # keep a same-key shortcut from firing; the KeyPress follows
            return True
        # Swallowing the event at its first receiver (the window, or the focus widget when
        # events are sent to it directly) ends its delivery: it is reported exactly once.
        if etype == QEvent.Type.KeyPress:
            if not event.isAutoRepeat():
                self.pressed.emit(code)
        elif not event.isAutoRepeat():
            self.released.emit(code)
        return True
