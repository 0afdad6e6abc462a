"""Helpers shared by the commands."""

from __future__ import annotations

from pathlib import Path

from annotator.media.paths import relative_media_path
from annotator.media.paths import resolve_media as _resolve
from annotator.store import Study

__all__ = ["open_study", "relative_media_path", "resolve_media"]


def open_study(target: str) -> Study:
    return Study.open(target)


def resolve_media(study: Study, stored: str) -> Path:
    return _resolve(study.path.parent if study.path is not None else None, stored)
