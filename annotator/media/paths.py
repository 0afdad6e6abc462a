"""Media paths are stored relative to the study file's folder (docs/design.md §3)."""

from __future__ import annotations

import os
from pathlib import Path


def relative_media_path(study_target: str, media: Path) -> str:
    """The path to store for ``media``: relative to the study's folder (absolute for a
    server database, which has no folder)."""
    media = media.resolve()
    if "://" in study_target:
        return str(media)
    base = Path(study_target).resolve().parent
    try:
        return media.relative_to(base).as_posix()
    except ValueError:
        return Path(os.path.relpath(media, base)).as_posix()


def resolve_media(study_folder: Path | None, stored: str) -> Path:
    p = Path(stored)
    if p.is_absolute() or study_folder is None:
        return p
    return study_folder / p
