"""The interface language: Qt's own translation system.

Every user-visible string in ``ui/`` goes through :func:`translate` (or, for a table built
at import time, ``QT_TRANSLATE_NOOP`` and :func:`translate` where it is shown).
``pyside6-lupdate`` collects them into ``translations/annotator_nb.ts``; ``pyside6-lrelease``
compiles that into ``annotator/_i18n/annotator_nb.qm`` (``scripts/build-translations.sh`` in
a checkout, the wheel's build hook otherwise). See ``annotator/translations_build.py``.

The language follows the system locale unless Settings ▸ Language chooses one; the choice
is kept in the settings file and applies at the next start. The CLI stays English.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("nb", "Norsk bokmål"))
"""The interface languages, each named in its own language (so never translated)."""

SETTING = "ui_language"
"""Settings key: ``"en"``, ``"nb"`` or empty for the system's language."""

CATALOGUES = ("annotator", "qt")
"""The compiled catalogues per language: ours, and Qt's standard buttons (Qt ships no
Bokmål catalogue, so ``translations/qt_nb.ts`` is the project's own)."""

QM_DIR = Path(__file__).resolve().parent.parent / "_i18n"

_installed: list[QTranslator] = []
_qm_dir: list[Path] = []  # where the catalogues were last loaded from


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``, typed. ``pyside6-lupdate`` finds calls by this name;
    ``context`` and ``text`` must be string literals there."""
    return QCoreApplication.translate(context, text, disambiguation, n)


NORWEGIAN = ("nb", "no", "nn")
"""Locale languages shown in Bokmål (plain "no" is Bokmål; Nynorsk readers get the nearer
of the two)."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    """Mark ``text`` for translation in ``context`` without translating it, for a table
    built at import time; :func:`translate` it where it is shown. PySide6's own is typed
    ``object -> object``; this one keeps ``str``."""
    return text


def system_language() -> str:
    """``"nb"`` when the system's interface language is Norwegian, else ``"en"``: the first
    of the system's UI languages (``QLocale.system().uiLanguages()``: ``LANGUAGE``,
    ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` on Linux) that annotator has."""
    for tag in QLocale.system().uiLanguages():
        base = tag.replace("_", "-").split("-")[0].lower()
        if base in NORWEGIAN:
            return "nb"
        if base == "en":
            return "en"
    return "en"


def language_name(code: str) -> str:
    """A language's name in its own language (``"Norsk bokmål"``); the code if unknown."""
    return dict(LANGUAGES).get(code, code)


def resolve_language(choice: object) -> str:
    """The language to use for a stored choice: a known code, else the system's."""
    codes = {code for code, _ in LANGUAGES}
    if isinstance(choice, str) and choice in codes:
        return choice
    return system_language()


def catalogue_paths(language: str, qm_dir: Path = QM_DIR) -> list[Path]:
    return [qm_dir / f"{name}_{language}.qm" for name in CATALOGUES]


def install(language: str, qm_dir: Path | None = None) -> bool:
    """Load the catalogues for ``language`` into the running application, replacing any
    loaded before. English needs none. False (and a log line) when a catalogue is missing
    or unreadable: the interface then stays English. ``qm_dir`` defaults to the folder
    used last (else :data:`QM_DIR`)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs a QApplication")
    if qm_dir is None:
        qm_dir = _qm_dir[0] if _qm_dir else QM_DIR
    _qm_dir[:] = [qm_dir]
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        return True
    ok = True
    for path in catalogue_paths(language, qm_dir):
        tr = QTranslator(app)
        if path.is_file() and tr.load(str(path)):
            app.installTranslator(tr)
            _installed.append(tr)
        else:
            log.warning("no interface translation at %s; build it with "
                        "scripts/build-translations.sh", path)
            ok = False
    return ok


def current_language() -> str:
    """The language whose catalogues are loaded now ("en" when none are)."""
    if not _installed:
        return "en"
    name = Path(_installed[0].filePath()).stem
    return name.rsplit("_", 1)[-1]
