"""Find and read codebook files: the shipped codebooks, or a file the user names.

The shipped codebooks live in the repository's ``codebook/`` directory. A wheel installs
them as package data in ``annotator/_codebooks``; that directory is looked for first.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.codebook import Codebook
from annotator.core.codebook_yaml import CodebookError, parse_codebook

__all__ = ["load_codebook", "resolve_codebook", "shipped_codebook_dir", "shipped_codebooks"]

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
_SUFFIXES = (".yaml", ".yml")


def shipped_codebook_dir() -> Path:
    """The directory of the shipped codebooks (package data first, then the repository)."""
    packaged = _PACKAGE_DIR / "_codebooks"
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / "codebook"


def shipped_codebooks() -> dict[str, Path]:
    """Shipped codebooks by name (the file stem, e.g. ``helper-maneuvers``), sorted by name."""
    folder = shipped_codebook_dir()
    if not folder.is_dir():
        return {}
    found = {p.stem: p for p in folder.iterdir() if p.suffix in _SUFFIXES and p.is_file()}
    return dict(sorted(found.items()))


def _looks_like_name(text: str) -> bool:
    return "/" not in text and "\\" not in text and not text.lower().endswith(_SUFFIXES)


def resolve_codebook(name_or_path: str) -> tuple[Path, str]:
    """The path and text of a shipped codebook (by name) or of a codebook file.

    Raises :class:`CodebookError` for an unknown name (listing the shipped names), a
    missing file, a directory, or a file that cannot be read as UTF-8 text.
    """
    shipped = shipped_codebooks()
    path = shipped.get(name_or_path)
    if path is None:
        path = Path(name_or_path).expanduser()
        if not path.exists():
            if _looks_like_name(name_or_path):
                names = ", ".join(shipped) or "(none found)"
                raise CodebookError.one(
                    name_or_path,
                    None,
                    f"no shipped codebook of that name and no such file; shipped codebooks: "
                    f"{names}",
                )
            problem = "codebook file not found"
            if path.parent == Path() and path.stem in shipped:
                problem += f"; to use the shipped codebook, give its name: {path.stem}"
            raise CodebookError.one(name_or_path, None, problem)
        if path.is_dir():
            raise CodebookError.one(name_or_path, None, "is a directory, not a codebook file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CodebookError.one(str(path), None, f"cannot read file: {exc.strerror}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CodebookError.one(str(path), line, "not UTF-8 text") from exc
    # The same newlines on every platform, so the codebook hash does not depend on them.
    return path, text.replace("\r\n", "\n").replace("\r", "\n")


def load_codebook(name_or_path: str) -> tuple[Codebook, str]:
    """Parse a shipped codebook (by name) or a codebook file; returns (codebook, raw text).

    Problems are reported against the shipped file's name (``helper-maneuvers.yaml``) or
    against the path as the user gave it.
    """
    path, text = resolve_codebook(name_or_path)
    source = path.name if name_or_path in shipped_codebooks() else name_or_path
    return parse_codebook(text, source), text
