"""The Analysis window with real widgets (offscreen): its tables are exactly the CLI's CSV,
filters, bad selections, every export button, figures, the Study menu entry, screenshots."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from annotator.ui.analysis.window import TABS, AnalysisWindow
from tests.analysis_data import random_study, toy_study
from tests.conftest import run_cli

pytestmark = pytest.mark.gui
WAIT = 60_000


def open_window(qtbot: Any, target: str, **kw: Any) -> AnalysisWindow:
    win = AnalysisWindow(target, **kw)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.catalogLoaded, timeout=WAIT):
        win.show()
    return win


def compute(qtbot: Any, win: AnalysisWindow) -> None:
    with qtbot.waitSignal(win.computed, timeout=WAIT):
        win.filters.compute_button.click()


def cli_rows(study: Path, what: str, *args: str) -> list[list[str]]:
    proc = run_cli("summary", str(study), "-o", "-", "--what", what, *args, check=True)
    return list(csv.reader(io.StringIO(proc.stdout)))


def window_rows(win: AnalysisWindow, what: str) -> list[list[str]]:
    model = win.models[what]
    return [model.columns(), *model.text_rows()]


def test_numbers_are_exactly_the_clis(qtbot: Any, tmp_path: Path) -> None:
    path = random_study(tmp_path / "r.annot", 5)
    win = open_window(qtbot, str(path))
    compute(qtbot, win)
    for what, _title in TABS:
        assert window_rows(win, what) == cli_rows(path, what), what
    # With filters, another coding, grouping and sequence options.
    idx = win.filters.coding.findData("BL")
    win.filters.coding.setCurrentIndex(idx)
    win.filters.check(win.filters.cases, {"C01", "C03"})
    win.filters.check(win.filters.numbers, {"2", "3"})
    win.filters.by.setCurrentIndex(win.filters.by.findData("case"))
    win.filters.scope.setCurrentIndex(win.filters.scope.findData("all"))
    win.filters.min_expected.setValue(1.0)
    compute(qtbot, win)
    args = ("--coder", "BL", "--cases", "C01", "C03", "--sessions", "2", "3", "--by", "case",
            "--sequences", "all", "--min-expected", "1")
    for what in ("budget", "categories", "sequences", "trends"):
        assert window_rows(win, what) == cli_rows(path, what, *args), what
    assert "coder BL" in win.header.text()


def test_bad_selection_is_explained(qtbot: Any, tmp_path: Path) -> None:
    path = toy_study(tmp_path / "toy.annot")
    win = open_window(qtbot, str(path))
    win.filters.coding.setCurrentIndex(win.filters.coding.findData("AK2"))
    win.filters.check(win.filters.cases, {"C02"})
    with qtbot.waitSignal(win.computeFailed, timeout=WAIT) as blocker:
        win.filters.compute_button.click()
    assert "Nothing to analyse" in blocker.args[0]
    assert "Nothing to analyse" in win.message.text()
    assert not any(b.isEnabled() for b in win.export_buttons.values())
    assert win.filters.compute_button.isEnabled()


def test_every_export_button_and_the_figures(qtbot: Any, tmp_path: Path) -> None:
    path = toy_study(tmp_path / "toy.annot")
    win = open_window(qtbot, str(path))
    with qtbot.waitSignal(win.figuresShown, timeout=WAIT):
        compute(qtbot, win)
    assert set(win.figures) >= {"budget", "cooccurrence", "trends-percent", "case-session"}
    notes = win.filters.status.text()
    assert "latest segment end" in notes and "C01:2" in notes and "C02:2" in notes
    assert all(b.isEnabled() for b in win.export_buttons.values())
    for fmt in ("csv", "xlsx", "sav", "html", "pdf", "figures"):
        out = tmp_path / ("figs" if fmt == "figures" else f"a.{fmt}")
        with qtbot.waitSignal(win.exported, timeout=WAIT, raising=False) as blocker:
            win.export(fmt, out)
        assert blocker.signal_triggered, (fmt, win.message.text())
        assert blocker.args and all(Path(p).exists() for p in blocker.args[0]), fmt
        if fmt == "pdf":
            assert "annotator summary toy.annot --lang en --format pdf" in win.message.text()
    assert (tmp_path / "a.csv").read_text(encoding="utf-8") == run_cli(
        "summary", str(path), "-o", "-", check=True).stdout
    assert (tmp_path / "a_wide.sav").exists() and (tmp_path / "figs" / "budget.png").exists()


def test_study_menu_opens_the_window(qtbot: Any, tmp_path: Path) -> None:
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings

    path = toy_study(tmp_path / "toy.annot")
    main = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    assert main.open_study(str(path))
    main.actions_by_name["analysis"].trigger()
    win = main.findChild(AnalysisWindow)
    assert win is not None
    with qtbot.waitSignal(win.catalogLoaded, timeout=WAIT):
        pass
    assert win.filters.lang.currentData() == main.lang


def test_models_pass_the_model_tester(qtmodeltester: Any, qtbot: Any, tmp_path: Path) -> None:
    path = toy_study(tmp_path / "toy.annot")
    win = open_window(qtbot, str(path))
    compute(qtbot, win)
    for model in win.models.values():
        qtmodeltester.check(model)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_screenshots(qtbot: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    path = random_study(tmp_path / "r.annot", 7, cases=9, sessions=5, segments=60)
    win = open_window(qtbot, str(path))
    with qtbot.waitSignal(win.figuresShown, timeout=WAIT):
        compute(qtbot, win)
    win.resize(*size)
    shots = Path(os.environ.get("ANNOTATOR_SHOTS", str(tmp_path)))
    shots.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)
    assert win.grab().save(str(shots / f"analysis-{size[0]}x{size[1]}.png"))
    win.tabs.setCurrentIndex(win.tabs.count() - 1)
    qtbot.wait(50)
    assert win.grab().save(str(shots / f"analysis-figures-{size[0]}x{size[1]}.png"))
    assert win.tabs.tabText(win.tabs.currentIndex()) == "Figures"
    assert win.windowTitle() == "Analysis — r.annot"
    assert win.tabs.currentWidget().isVisible()
    assert Qt.AlignmentFlag.AlignLeft
