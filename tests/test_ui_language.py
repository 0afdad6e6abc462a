"""The interface language (issue 14): Settings ▸ Language is kept and the next start is in
it, the codebook's labels follow it, the system's locale picks it when nothing is chosen,
and Help ▸ User manual (F1) opens the manual in it while Ctrl+F1 shows the keyboard.

Real windows on real studies, with a catalogue compiled here from the repository's
translations (``translations/annotator_nb.ts``, plus any ``translations/parts/*_nb.ts`` not
yet folded into it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.translations_build import build_translations, tool
from annotator.ui import i18n
from annotator.ui.app import start
from annotator.ui.compare.window import CompareWindow
from annotator.ui.keyboard_help import KeyboardDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from tests.gui_helpers import WAIT_MS, leave_recordings_open, small_study
from tests.studyutil import EXCLUSIVE_CODEBOOK

ROOT = Path(__file__).resolve().parent.parent
HELPER = (ROOT / "codebook" / "helper-maneuvers.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("qm")
    build_translations(ROOT, out)
    parts = sorted((ROOT / "translations" / "parts").glob("*_nb.ts"))
    if parts:  # the helpers' parts, until they are folded into the app catalogue
        subprocess.run([str(tool("lrelease")), "-silent",
                        str(ROOT / "translations" / "annotator_nb.ts"), *map(str, parts),
                        "-qm", str(out / "annotator_nb.qm")], check=True)
    return out


@pytest.fixture(autouse=True)
def english_after(qapp: QApplication) -> Iterator[None]:
    yield
    i18n.install("en")  # the rest of the suite runs in English


def launch(qtbot: QtBot, study: Path, settings_file: Path, qm_dir: Path) -> MainWindow:
    """``start()`` the app as ``annotator`` does: the language first, then the window."""
    window = start(str(study), "AK", "C01:1", Settings(settings_file), qm_dir=qm_dir)
    qtbot.addWidget(window, before_close_func=leave_recordings_open)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.controller is not None, timeout=WAIT_MS)
    return window


def menu_titles(w: MainWindow) -> list[str]:
    return [a.text() for a in w.menuBar().actions()]


def answer_box(seen: list[tuple[str, str]]) -> None:
    """Close the next message box (from the event loop), keeping its title and text."""
    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.windowTitle(), box.text()))
            box.accept()
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def choose(qtbot: QtBot, w: MainWindow, name: str) -> tuple[str, str]:
    action = w.findChild(QAction, name)
    assert action is not None and action.isCheckable(), name
    seen: list[tuple[str, str]] = []
    answer_box(seen)
    action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    assert action.isChecked()
    return seen[0]


@pytest.mark.gui
def test_the_chosen_language_is_kept_and_the_next_start_speaks_it(
        qtbot: QtBot, tmp_path: Path, compiled: Path) -> None:
    study = small_study(tmp_path / "s", HELPER, frames=50, video=False)
    ini = tmp_path / "s.ini"
    w = launch(qtbot, study, ini, compiled)
    assert "&File" in menu_titles(w) and "Se&ttings" in menu_titles(w)
    assert w.findChild(QAction, "uiLanguage_system").isChecked()  # nothing chosen yet
    assert w.lang == "en" and w.codes.language() == "en"

    title, text = choose(qtbot, w, "uiLanguage_nb")
    # told in the chosen language, that it applies at the next start
    assert title == "Språk" and "Norsk bokmål" in text and "neste gang" in text
    assert Settings(ini).get(i18n.SETTING) == "nb"
    assert i18n.current_language() == "en"  # this run stays in one language ...
    assert "&File" in menu_titles(w)
    assert w.lang == "nb" and w.codes.language() == "nb"  # ... but the labels switch now
    w.close()

    w2 = launch(qtbot, study, ini, compiled)
    assert i18n.current_language() == "nb"
    assert menu_titles(w2)[:3] == ["&Fil", "&Rediger", "&Avspilling"]
    assert "&Innstillinger" in menu_titles(w2) and "&Hjelp" in menu_titles(w2)
    assert w2.actions_by_name["submit"].text() == "&Lever sesjon"
    assert w2.findChild(QAction, "uiLanguage_nb").isChecked()
    assert w2.lang == "nb" and w2.codes.language() == "nb"
    assert w2.status.session_label.text().startswith("C01 · sesjon 1 · primær")

    title, text = choose(qtbot, w2, "uiLanguage_en")
    assert title == "Language" and "English" in text
    assert Settings(ini).get(i18n.SETTING) == "en"
    assert w2.lang == "en"
    assert i18n.current_language() == "nb"


@pytest.mark.gui
def test_code_labels_start_in_the_interface_language_where_the_codebook_has_it(
        qtbot: QtBot, tmp_path: Path, compiled: Path) -> None:
    ini = tmp_path / "s.ini"
    Settings(ini).set(i18n.SETTING, "nb")
    both = small_study(tmp_path / "both", HELPER, frames=50, video=False)
    w = launch(qtbot, both, ini, compiled)
    assert w.lang == "nb"
    label = w.controller.codebook.code("responsive").label_in(w.lang)
    assert label == "Være responsiv"
    # the Compare and Analysis windows start in it too
    w.study_actions.compare()
    compare = next(c for c in w.findChildren(CompareWindow) if c.isVisible())
    assert compare.setup.lang.currentData() == "nb"
    compare.close()
    # Coding ▸ Code language overrides it
    english = w.findChild(QAction, "codeLanguage_en")
    english.trigger()
    assert w.lang == "en" and w.codes.language() == "en"
    w.close()

    only_en = small_study(tmp_path / "en", EXCLUSIVE_CODEBOOK, frames=50, video=False)
    w2 = launch(qtbot, only_en, ini, compiled)
    assert i18n.current_language() == "nb"
    assert w2.lang == "en"  # the codebook has no Bokmål labels: its own first language
    assert w2.findChild(QAction, "codeLanguage_en").isChecked()


class _Browser(QObject):
    """Qt's URL-handler hook stands where the system's browser would open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.opened.append(url)


@pytest.mark.gui
def test_f1_opens_the_manual_in_the_interface_language_and_ctrl_f1_the_keyboard(
        qtbot: QtBot, tmp_path: Path, compiled: Path) -> None:
    manual = tmp_path / "manual"
    for lang in ("en", "nb"):
        (manual / lang).mkdir(parents=True)
        (manual / lang / "index.html").write_text(f"<html lang={lang}></html>",
                                                  encoding="utf-8")
    ini = tmp_path / "s.ini"
    Settings(ini).set(i18n.SETTING, "nb")
    study = small_study(tmp_path / "s", HELPER, frames=50, video=False)
    w = launch(qtbot, study, ini, compiled)
    w.help.manual_root = manual
    browser = _Browser()
    QDesktopServices.setUrlHandler("file", browser, "show")  # type: ignore[arg-type]
    try:
        QTest.keyClick(w, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: bool(browser.opened), timeout=WAIT_MS)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(u.toLocalFile()) for u in browser.opened] == [manual / "nb" / "index.html"]

    seen: list[tuple[str, str]] = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, KeyboardDialog):
            seen.append((box.windowTitle(), box.browser.toPlainText()))
            box.reject()
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    QTest.keyClick(w, Qt.Key.Key_F1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    title, text = seen[0]
    assert title == "Tastatur"
    assert "Kommandoer" in text and "Være responsiv" in text
    assert "Åpne brukerhåndboken i nettleseren" in text  # F1's own line, in Bokmål


def _resolved(env: dict[str, str], choice: str | None) -> str:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    code = ("from annotator.ui.i18n import resolve_language; "
            f"print(resolve_language({choice!r}))")
    done = subprocess.run([sys.executable, "-c", code], env={**clean, **env},
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return done.stdout.strip()


def test_the_system_locale_picks_the_language_unless_one_is_chosen() -> None:
    assert _resolved({"LANG": "nb_NO.UTF-8"}, None) == "nb"
    assert _resolved({"LANG": "no_NO.UTF-8"}, None) == "nb"
    assert _resolved({"LANG": "en_GB.UTF-8"}, None) == "en"
    assert _resolved({"LANG": "de_DE.UTF-8"}, None) == "en"  # no German: English
    assert _resolved({"LANG": "en_US.UTF-8", "LC_MESSAGES": "nb_NO.UTF-8"}, None) == "nb"
    assert _resolved({"LANG": "nb_NO.UTF-8"}, "en") == "en"  # a choice wins
    assert _resolved({"LANG": "en_US.UTF-8"}, "nb") == "nb"
    assert _resolved({"LANG": "nb_NO.UTF-8"}, "") == "nb"  # "": the system's
