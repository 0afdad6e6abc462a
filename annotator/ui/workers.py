"""Run work off the GUI thread and post results back to it.

One small helper, in the spirit of Picard's ``thread.run_task``: a callable runs on
a ``QThreadPool`` worker; its result, error and progress are delivered as Qt signals,
which Qt queues onto the thread that owns the :class:`Task` (the GUI thread). Worker
code never touches widgets.

Signals of :class:`Task`:

- ``progress(float, str)``: fraction done in [0, 1] and a short text.
- ``finished(object)``: the callable's return value.
- ``failed(object)``: the exception the callable raised (not raised for cancellation).
- ``cancelled()``: the callable stopped because :meth:`Task.cancel` was called.
- ``done()``: emitted last, whatever the outcome.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Cancelled(Exception):
    """Raised inside a task's callable to stop it when cancellation was asked for."""


class TaskContext:
    """Passed to the task callable: report progress and check for cancellation."""

    def __init__(self, task: Task) -> None:
        self._task = task

    def progress(self, fraction: float, text: str = "") -> None:
        self._task._emitter.progress.emit(float(fraction), text)

    @property
    def cancelled(self) -> bool:
        return self._task._cancel_event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the task was cancelled."""
        if self.cancelled:
            raise Cancelled()


class _Emitter(QObject):
    """Lives in the worker; its signals cross to the Task in the GUI thread (queued)."""

    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()


class Task(QObject):
    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()

    def __init__(self, fn: Callable[[TaskContext], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._cancel_event = threading.Event()
        self.running = False
        # The emitter is owned by this (GUI) thread too; emitting from the worker
        # thread makes Qt queue each connection onto the GUI thread, because the
        # receivers below are methods of this QObject.
        self._emitter = _Emitter()
        self._emitter.progress.connect(self._on_progress)
        self._emitter.finished.connect(self._on_finished)
        self._emitter.failed.connect(self._on_failed)
        self._emitter.cancelled.connect(self._on_cancelled)
        self._emitter.done.connect(self._on_done)

    def _on_progress(self, fraction: float, text: str) -> None:
        self.progress.emit(fraction, text)

    def _on_finished(self, result: object) -> None:
        self.finished.emit(result)

    def _on_failed(self, exc: object) -> None:
        self.failed.emit(exc)

    def _on_cancelled(self) -> None:
        self.cancelled.emit()

    def _on_done(self) -> None:
        self.running = False
        self.done.emit()

    def cancel(self) -> None:
        self._cancel_event.set()

    def _run(self) -> None:
        ctx = TaskContext(self)
        em = self._emitter
        try:
            result = self._fn(ctx)
        except Cancelled:
            em.cancelled.emit()
        except Exception as exc:  # delivered to the GUI thread, shown there
            em.failed.emit(exc)
        else:
            if self._cancel_event.is_set():
                em.cancelled.emit()
            else:
                em.finished.emit(result)
        finally:
            em.done.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self._task._run()


_live: set[Task] = set()


def run_task(
    fn: Callable[[TaskContext], Any],
    *,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[float, str], None] | None = None,
    on_done: Callable[[], None] | None = None,
    pool: QThreadPool | None = None,
    parent: QObject | None = None,
) -> Task:
    """Start ``fn(ctx)`` on a worker thread; callbacks run on the calling (GUI) thread.

    The returned :class:`Task` may be cancelled; ``fn`` should call ``ctx.check()``
    regularly.
    """
    task = Task(fn, parent)
    if on_result is not None:
        task.finished.connect(on_result)
    if on_error is not None:
        task.failed.connect(on_error)
    if on_progress is not None:
        task.progress.connect(on_progress)
    if on_done is not None:
        task.done.connect(on_done)
    _live.add(task)
    task.done.connect(lambda: _live.discard(task))
    task.running = True
    (pool or QThreadPool.globalInstance()).start(_Runnable(task))
    return task
