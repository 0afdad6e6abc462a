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


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``, typed. ``pyside6-lupdate`` finds calls by this name;
    ``context`` and ``text`` must be string literals there."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def system_language() -> str:
    """``"nb"`` when the system's locale is Norwegian (Bokmål, or plain "no"), else ``"en"``."""
    lang = QLocale.system().language()
    if lang in (QLocale.Language.NorwegianBokmal, QLocale.Language.NorwegianNynorsk):
        return "nb"
    return "en"


def resolve_language(choice: object) -> str:
    """The language to use for a stored choice: a known code, else the system's."""
    codes = {code for code, _ in LANGUAGES}
    if isinstance(choice, str) and choice in codes:
        return choice
    return system_language()


def catalogue_paths(language: str, qm_dir: Path = QM_DIR) -> list[Path]:
    return [qm_dir / f"{name}_{language}.qm" for name in CATALOGUES]


def install(language: str, qm_dir: Path = QM_DIR) -> bool:
    """Load the catalogues for ``language`` into the running application, replacing any
    loaded before. English needs none. False (and a log line) when a catalogue is missing
    or unreadable: the interface then stays English."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs a QApplication")
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
