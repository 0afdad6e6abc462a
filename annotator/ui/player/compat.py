"""Work around a reference-count bug in PySide6 6.12's ``Signal.emit`` on Python < 3.12.

``SignalInstance.emit()`` returns ``True`` without taking a reference to it, so every
emit from Python code drops one reference to ``True``. On Python 3.12+ ``True`` is
immortal and nothing happens; on 3.11 its count reaches zero after enough emits
(a few hundred at start-up, more later) and the interpreter aborts with
"Fatal Python error: bool_dealloc: deallocating True or False". The player emits
``positionChanged`` 30 times a second, so it would hit this within minutes.

:func:`keep_bools_alive` gives ``True`` and ``False`` a very large reference count
once, so they behave as the immortal objects they are on 3.12. It is idempotent and
does nothing on Python 3.12 or later.
"""

from __future__ import annotations

import ctypes
import sys

_PIN = 1 << 40  # more emits than a process will ever make
_pinned = False


def keep_bools_alive() -> None:
    global _pinned
    if _pinned or sys.version_info >= (3, 12):
        return
    _pinned = True
    for obj in (True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(obj)).value += _PIN
