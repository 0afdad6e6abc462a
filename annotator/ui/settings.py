"""Persistent settings (QSettings): window layout, recent studies, playback options."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QSettings

from annotator.store.engine import without_secrets

MAX_RECENT = 8


def without_password(target: str) -> str:
    """A study to remember: a database URL loses its password (user part and query)."""
    return without_secrets(target)


class Settings:
    """App settings in an INI file: ``path``, else ``$ANNOTATOR_SETTINGS``, else the
    user's config folder (``~/.config/annotator/annotator.ini`` on Linux)."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        path = path or os.environ.get("ANNOTATOR_SETTINGS")
        if path:
            self.q = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self.q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                               "annotator", "annotator")

    def get(self, key: str, default: Any = None, type_: type | None = None) -> Any:
        if type_ is None:
            return self.q.value(key, default)
        return self.q.value(key, default, type=type_)

    def set(self, key: str, value: Any) -> None:
        self.q.setValue(key, value)

    def recent_studies(self) -> list[str]:
        value = self.q.value("recent_studies", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list | tuple) else []

    def add_recent(self, target: str) -> None:
        """Remember a study; a database URL is kept without its password (libpq then
        reads it from ``~/.pgpass`` or ``PGPASSWORD``), so no secret lands in the file."""
        target = without_password(target)
        items = [t for t in self.recent_studies() if t != target]
        self.q.setValue("recent_studies", [target, *items][:MAX_RECENT])
        self.q.setValue("last_study", target)

    def last_study(self) -> str | None:
        v = self.q.value("last_study", None)
        return str(v) if v else None

    def sync(self) -> None:
        self.q.sync()
