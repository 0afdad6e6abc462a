"""Where the app keeps its own files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def demo_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".annotator") / "demo"
