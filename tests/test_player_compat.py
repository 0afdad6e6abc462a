"""The PySide6 6.12 Signal.emit reference-count workaround (see annotator/ui/player/compat.py)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import annotator.ui.player  # noqa: F401  (applies the workaround on import)


class _Emitter(QObject):
    ping = Signal(int)


def test_many_emits_leave_true_alive() -> None:
    emitter = _Emitter()
    received: list[int] = []
    emitter.ping.connect(received.append)
    before = sys.getrefcount(True)
    for k in range(20_000):
        emitter.ping.emit(k)
    assert received == list(range(20_000))
    # Without the workaround on Python 3.11 the count would be far below 20 000 here
    # (and the process would abort at the next garbage collection).
    assert sys.getrefcount(True) > 1_000_000
    assert before - sys.getrefcount(True) <= 20_000
