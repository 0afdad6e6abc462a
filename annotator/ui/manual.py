"""Finding and opening the user manual (Help ▸ User manual, F1).

The manual is static HTML built by MkDocs into ``annotator/_manual/{en,nb}/``: a wheel holds
it there (``hatch_build.py``), and a checkout builds it there with
``scripts/build-manual.sh`` (``scripts/venv.sh`` runs it). It opens in the system's browser
from a ``file://`` URL, so it works offline.

:func:`manual_url` is the whole decision (which file, which language, or why there is none);
:func:`open_manual` hands that URL to :class:`QDesktopServices`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from annotator.ui.i18n import translate

MANUAL_LANGUAGES = ("en", "nb")
"""The languages the manual is written in; any other language shows the English one."""

MANUAL_DIR = Path(__file__).resolve().parent.parent / "_manual"
"""Where the built manual lives, in a wheel and in a checkout alike."""


class ManualNotFoundError(Exception):
    """The manual is not built in this copy of annotator; the message says how to build it."""


def manual_page(lang: str, page: str = "index.html", root: Path | None = None) -> Path:
    """The built manual's ``page`` in ``lang`` (English when the manual lacks ``lang``)."""
    base = MANUAL_DIR if root is None else root
    want = lang if lang in MANUAL_LANGUAGES else "en"
    for candidate in dict.fromkeys((want, "en")):
        path = base / candidate / page
        if path.is_file():
            return path
    raise ManualNotFoundError(translate(
        "Manual", "The user manual is not built in this copy of annotator (there is no "
        "{path}). In a checkout, build it with scripts/build-manual.sh (scripts/venv.sh does "
        "it too); a wheel installed with pip contains it.").format(path=base / want / page))


def manual_url(lang: str, page: str = "index.html", root: Path | None = None) -> QUrl:
    """The ``file://`` URL of the manual's ``page`` in ``lang``; ManualNotFoundError if none."""
    return QUrl.fromLocalFile(str(manual_page(lang, page, root)))


def open_manual(lang: str, page: str = "index.html", root: Path | None = None) -> QUrl:
    """Open the manual in the system's browser; the URL opened. ManualNotFoundError when
    the manual is not built, or when no program could open it."""
    url = manual_url(lang, page, root)
    if not QDesktopServices.openUrl(url):
        raise ManualNotFoundError(translate(
            "Manual", "No program could open the user manual ({path}). Open that file in a "
            "web browser.").format(path=url.toLocalFile()))
    return url
