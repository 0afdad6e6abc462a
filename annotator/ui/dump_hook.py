"""A test-only hook of the main window, off unless ``$ANNOTATOR_TEST_DUMP`` names a
file: every 100 ms the window writes there (as JSON, replaced atomically) the segments
it shows as saved, so an out-of-process test can kill the app and compare with the
study. No signals."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from annotator.ui.segment_table import SegmentTable
from annotator.ui.workspace import Workspace


class StateDump(QObject):
    def __init__(self, path: Path, workspace: Workspace, table: SegmentTable,
                 media_loaded: Callable[[], bool], position: Callable[[], int],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.ws = workspace
        self.table = table
        self.media_loaded = media_loaded
        self.position = position
        self._last = ""
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self.write)
        self._timer.start()

    def write(self) -> None:
        ctl = self.ws.controller
        state = {
            "session": self.ws.session.key if self.ws.session is not None else None,
            "media_loaded": self.media_loaded(),
            "position_ms": self.position(),
            "open": sorted(ctl.state.open) if ctl is not None else [],
            "segments": [
                {"id": s.id, "code": s.code, "start_ms": s.start_ms, "end_ms": s.end_ms,
                 "open": bool(s.modifiers.get("open"))}
                for s in self.table.model.segments()],
        }
        text = json.dumps(state, sort_keys=True)
        if text == self._last:
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, self.path)
        self._last = text
