"""Helpers shared by the commands."""

from __future__ import annotations

from pathlib import Path

from annotator.store import Study
from annotator.store.engine import is_url


def open_study(target: str) -> Study:
    return Study.open(target)


def media_base(study: Study) -> Path | None:
    """Media paths are stored relative to the study file's folder (absolute for servers)."""
    return study.path.parent if study.path is not None else None


def resolve_media(study: Study, stored: str) -> Path:
    p = Path(stored)
    base = media_base(study)
    if p.is_absolute() or base is None:
        return p
    return base / p


def relative_media_path(study_target: str, media: Path) -> str:
    media = media.resolve()
    if is_url(study_target):
        return str(media)
    base = Path(study_target).resolve().parent
    try:
        return media.relative_to(base).as_posix()
    except ValueError:
        import os

        return Path(os.path.relpath(media, base)).as_posix()
