"""Helpers shared by the commands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotator.media.paths import relative_media_path
from annotator.media.paths import resolve_media as _resolve

if TYPE_CHECKING:
    from annotator.store.reader import StudyReader
    from annotator.store.study import Study

__all__ = ["open_reader", "open_study", "relative_media_path", "resolve_media"]


def open_study(target: str) -> Study:
    from annotator.store.study import Study

    return Study.open(target)


def open_reader(target: str) -> StudyReader:
    """A study to read only: a current study file on the standard library's sqlite3
    (:mod:`annotator.store.lite`, no SQLAlchemy to load), else :func:`open_study`."""
    from annotator.store.lite import open_lite

    lite = open_lite(target)
    return lite if lite is not None else open_study(target)


def resolve_media(study: StudyReader, stored: str) -> Path:
    return _resolve(study.path.parent if study.path is not None else None, stored)
