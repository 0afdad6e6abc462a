"""The Norwegian interface on screen: the main screens of the real program, built after the
repo's Bokmål catalogue is loaded, at 1280×720, with no text cut off anywhere
(:mod:`tests.truncation` measures every label, button, tab, header, group box, dock title
and combo box). The same screens in English are checked too, so that a cut shows up in the
language that causes it.

The pictures go to the test's temporary folder and, when ``ANNOTATOR_SCREENSHOT_DIR`` is
set, there too, to be looked at.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from annotator.translations_build import build_translations
from annotator.ui.i18n import SETTING, install
from annotator.ui.settings import Settings
from tests.gui_helpers import (
    WAIT_MS,
    copy_demo,
    key,
    open_computed_compare,
    open_window,
    seek,
)
from tests.truncation import Cut, report, truncations

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1280, 720)
CTRL = Qt.KeyboardModifier.ControlModifier
LANGS = ("nb", "en")


# ------------------------------------------------------------------ the checker can fail

def _shown(qtbot: QtBot, w: QWidget) -> QWidget:
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_checker_finds_a_narrow_label_and_button(qtbot: QtBot) -> None:
    box = QWidget()
    narrow = QLabel("Innstillinger for eksport", box)
    narrow.setGeometry(0, 0, 60, 20)
    button = QPushButton("Sammenlign kodere…", box)
    button.setGeometry(0, 30, 70, 24)
    wide = QLabel("OK", box)
    wide.setGeometry(0, 60, 200, 20)
    fits = QPushButton("Lever", box)
    fits.setGeometry(0, 90, 200, 24)
    box.resize(300, 200)
    _shown(qtbot, box)
    cuts = truncations(box)
    assert {(c.kind, c.text) for c in cuts} == {
        ("label", "Innstillinger for eksport"), ("button", "Sammenlign kodere…")}
    label_cut = next(c for c in cuts if c.kind == "label")
    assert label_cut.have == 60 and label_cut.need > 100
    # wide enough: nothing to report
    narrow.setFixedWidth(narrow.sizeHint().width())
    button.setFixedWidth(button.sizeHint().width())
    assert truncations(box) == []
    # a hidden widget is not looked at
    narrow.setFixedWidth(40)
    narrow.hide()
    assert truncations(box) == []
    # a window taller than the screen
    assert [c.kind for c in truncations(box, (1280, 150))] == ["window larger than the screen"]
    assert truncations(box, (1280, 720)) == []


def test_the_checker_finds_cut_tabs_headers_titles_and_combos(qtbot: QtBot) -> None:
    win = QMainWindow()
    central = QWidget()
    lay = QVBoxLayout(central)
    tabs = QTabWidget()
    tabs.setUsesScrollButtons(False)
    tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
    for name in ("Tidsbudsjett per kategori", "Samforekomst", "Sekvenser over sesjoner"):
        tabs.addTab(QWidget(), name)
    tabs.setFixedWidth(220)
    lay.addWidget(tabs)
    table = QTableWidget(2, 2)
    table.setHorizontalHeaderLabels(["Reliabilitet (kappa)", "Kode"])
    table.horizontalHeader().setStretchLastSection(False)
    table.setColumnWidth(0, 50)
    table.setColumnWidth(1, 120)
    lay.addWidget(table)
    group = QGroupBox("Tidsintervall og innstillinger")
    group.setFixedWidth(90)
    QHBoxLayout(group).addWidget(QCheckBox("Ja"))
    lay.addWidget(group)
    combo = QComboBox()
    combo.addItems(["Alle kodere sammen med konsensus"])
    combo.setFixedWidth(90)
    lay.addWidget(combo)
    win.setCentralWidget(central)
    dock = QDockWidget("Definisjoner og eksempler")
    dock.setWidget(QWidget())
    win.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    win.resizeDocks([dock], [80], Qt.Orientation.Horizontal)
    win.resize(700, 500)
    _shown(qtbot, win)
    qtbot.wait(50)
    found = {(c.kind, c.text) for c in truncations(win)}
    assert ("tab", "Tidsbudsjett per kategori") in found
    assert ("header section", "Reliabilitet (kappa)") in found
    assert ("header section", "Kode") not in found
    assert ("group box title", "Tidsintervall og innstillinger") in found
    assert ("combo box", "Alle kodere sammen med konsensus") in found
    assert ("dock title", "Definisjoner og eksempler") in found
    # with a tooltip, an elided tab is by design
    tabs.setTabToolTip(0, "Tidsbudsjett per kategori")
    assert ("tab", "Tidsbudsjett per kategori") not in {
        (c.kind, c.text) for c in truncations(win)}


# ------------------------------------------------------------------------- the screens

@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repo's catalogues (translations/*_nb.ts), compiled."""
    out = tmp_path_factory.mktemp("qm")
    made = build_translations(ROOT, out)
    assert {p.name for p in made} >= {"annotator_nb.qm", "qt_nb.qm"}
    return out


@pytest.fixture(params=LANGS)
def lang(request: pytest.FixtureRequest, qapp: QApplication,
         catalogue: Path) -> Iterator[str]:
    """The interface language, loaded before any widget is built; English afterwards."""
    language = str(request.param)
    assert install(language, catalogue)
    try:
        yield language
    finally:
        install("en")


@pytest.fixture
def shots(tmp_path: Path) -> list[Path]:
    folders = [tmp_path / "shots"]
    if os.environ.get("ANNOTATOR_SCREENSHOT_DIR"):
        folders.append(Path(os.environ["ANNOTATOR_SCREENSHOT_DIR"]))
    for f in folders:
        f.mkdir(parents=True, exist_ok=True)
    return folders


def in_language(settings: Settings, lang: str) -> Settings:
    """Settings that choose ``lang`` for the interface (so that the app, which loads the
    chosen language as it starts, keeps the catalogue the test loaded) and for the codebook's
    labels."""
    settings.set(SETTING, lang)
    settings.set("language", lang)
    settings.sync()
    return settings


class Screens:
    """Checks and pictures of one language's screens; all are looked at before failing."""

    def __init__(self, lang: str, folders: list[Path]) -> None:
        self.lang, self.folders = lang, folders
        self.cuts: dict[str, list[Cut]] = {}

    def check(self, name: str, widget: QWidget) -> None:
        size = f"{widget.width()}x{widget.height()}"
        image = widget.grab()
        for folder in self.folders:
            assert image.save(str(folder / f"{self.lang}-{name}-{size}.png"))
        self.cuts[f"{name} ({size})"] = truncations(widget, SIZE)

    def assert_nothing_cut(self) -> None:
        bad = {name: cuts for name, cuts in self.cuts.items() if cuts}
        assert not bad, f"text cut off in {self.lang}:\n" + "\n".join(
            f"{name}:\n{report(cuts)}" for name, cuts in bad.items())


def on_modal(qtbot: QtBot, look: Callable[[QWidget], None]) -> list[QWidget]:
    """Run ``look`` on the next modal dialog or message box once it is shown, then close it
    with Escape (its Cancel). Call before the action that opens it."""
    seen: list[QWidget] = []
    left = [WAIT_MS // 20]

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if box is not None and box.isVisible():
            qtbot.wait(100)  # laid out at its final size
            look(box)
            seen.append(box)
            if isinstance(box, QMessageBox):
                (box.escapeButton() or box.defaultButton() or box.buttons()[0]).click()
            elif isinstance(box, QDialog):
                box.reject()
            return
        left[0] -= 1
        if left[0] > 0:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def test_main_window_and_its_dialogs(qtbot: QtBot, tmp_path: Path, lang: str,
                                     shots: list[Path]) -> None:
    from annotator.ui.analysis.window import AnalysisWindow

    screens = Screens(lang, shots)
    settings = tmp_path / "s.ini"
    in_language(Settings(settings), lang)
    study = copy_demo(tmp_path / "demo")
    w = open_window(qtbot, study, "AK", "C09:1", settings, size=SIZE)
    qtbot.wait(200)  # the default dock sizes are applied after the first show
    if lang == "nb":  # the catalogue is in use: the menus are Norwegian
        assert w.menuBar().actions()[0].text().replace("&", "") == "Fil"
    seek(qtbot, w, 2520)
    key(qtbot, w, Qt.Key.Key_2)  # a code being recorded
    seek(qtbot, w, 3200)
    assert w.table.model.rowCount() >= 3
    screens.check("main-window", w)
    key(qtbot, w, Qt.Key.Key_Return)  # end it, so that the session can be submitted

    # the modal ones, each looked at and closed (Cancel) as it shows
    for name, action in (("submit-confirm", "submit"),  # Coding ▸ Submit session
                         ("keyboard-help", "keys_help"),  # Help ▸ Keyboard
                         ("export-dialog", "export")):  # File ▸ Export
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow, timeout=WAIT_MS)
        looked = on_modal(qtbot, lambda box, n=name: screens.check(n, box))
        w.actions_by_name[action].trigger()
        qtbot.waitUntil(looked.__len__, timeout=WAIT_MS)
    assert w.controller is not None and w.controller.assignment.status == "in_progress"

    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=WAIT_MS)
    compare = open_computed_compare(qtbot, w, SIZE)  # Study ▸ Compare coders
    for i in range(compare.tabs.count()):  # agreement tables, timeline diff
        compare.tabs.setCurrentIndex(i)
        qtbot.wait(200)
        screens.check(f"compare-tab{i + 1}", compare)
    compare.close()

    w.actions_by_name["analysis"].trigger()  # Study ▸ Analysis
    qtbot.waitUntil(lambda: any(a.isVisible() for a in w.findChildren(AnalysisWindow)),
                    timeout=WAIT_MS)
    analysis = next(a for a in w.findChildren(AnalysisWindow) if a.isVisible())
    analysis.resize(*SIZE)
    qtbot.waitExposed(analysis)
    qtbot.waitUntil(analysis.filters.compute_button.isEnabled, timeout=60_000)
    with qtbot.waitSignals([analysis.computed, analysis.figuresShown], timeout=60_000):
        analysis.filters.compute_button.click()
    qtbot.wait(300)
    for i in range(analysis.tabs.count()):
        analysis.tabs.setCurrentIndex(i)
        qtbot.wait(100)
        screens.check(f"analysis-tab{i + 1}", analysis)
    analysis.close()
    screens.assert_nothing_cut()


def test_start_page(qtbot: QtBot, tmp_path: Path, lang: str, shots: list[Path]) -> None:
    from annotator.ui.app import start

    screens = Screens(lang, shots)
    settings = in_language(Settings(tmp_path / "s.ini"), lang)
    for name in ("lab/first-sessions.annot", "lab/reliability-2026.annot"):
        settings.add_recent(str(tmp_path / name))
    w = start(None, None, None, settings)
    qtbot.addWidget(w)
    w.resize(*SIZE)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: any(isinstance(d, QDialog) and d.isVisible()
                                for d in QApplication.topLevelWidgets()), timeout=WAIT_MS)
    dlg = next(d for d in QApplication.topLevelWidgets()
               if isinstance(d, QDialog) and d.isVisible())
    qtbot.waitExposed(dlg)
    qtbot.wait(200)
    screens.check("start-page", dlg)
    screens.check("main-window-empty", w)
    dlg.reject()
    screens.assert_nothing_cut()
