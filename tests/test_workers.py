"""The worker helper runs off the GUI thread and delivers results on it."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from annotator.ui.workers import TaskContext, run_task

pytestmark = pytest.mark.gui


def test_result_arrives_on_gui_thread(qtbot: object) -> None:
    seen: dict[str, object] = {}
    gui = QThread.currentThread()

    def work(ctx: TaskContext) -> int:
        seen["worker"] = threading.get_ident()
        ctx.progress(0.5, "half")
        return 42

    def on_result(value: object) -> None:
        seen["result"] = value
        seen["on_gui"] = QThread.currentThread() is gui

    run_task(work, on_result=on_result)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)  # type: ignore[attr-defined]
    assert seen["result"] == 42
    assert seen["on_gui"] is True
    assert seen["worker"] != threading.get_ident()
    assert QApplication.instance() is not None


def test_cancel_and_error(qtbot: object) -> None:
    outcome: list[str] = []

    def slow(ctx: TaskContext) -> None:
        for _ in range(200):
            ctx.check()
            time.sleep(0.005)

    task = run_task(slow, on_done=lambda: outcome.append("done"))
    task.cancelled.connect(lambda: outcome.append("cancelled"))
    task.cancel()
    qtbot.waitUntil(lambda: "done" in outcome, timeout=5000)  # type: ignore[attr-defined]
    assert outcome == ["cancelled", "done"]

    errors: list[BaseException] = []

    def boom(ctx: TaskContext) -> None:
        raise ValueError("bad")

    run_task(boom, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)  # type: ignore[attr-defined]
    assert isinstance(errors[0], ValueError)
