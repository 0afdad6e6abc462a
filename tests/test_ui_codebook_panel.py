"""The codebook panel with the shipped codebooks: clicks, tooltips, languages, open codes."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLineEdit, QWidget

from annotator.core.codebook import Codebook
from annotator.core.codebook_files import load_codebook
from annotator.ui.codebook_panel import CodebookPanel

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def helper() -> Codebook:
    return load_codebook("helper-maneuvers")[0]


@pytest.fixture
def panel(qtbot: Any, helper: Codebook) -> CodebookPanel:
    p = CodebookPanel(codebook=helper)
    qtbot.addWidget(p)
    p.resize(300, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def plain(rich: str) -> str:
    doc = QTextDocument()
    doc.setHtml(rich)
    return " ".join(doc.toPlainText().split())


def click(qtbot: Any, panel: CodebookPanel, code_id: str) -> None:
    row = panel.code_row(code_id)
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton, pos=row.rect().center())


def test_click_emits_code_activated(qtbot: Any, panel: CodebookPanel) -> None:
    with qtbot.waitSignal(panel.codeActivated) as sig:
        click(qtbot, panel, "joins_play")
    assert sig.args == ["joins_play"]
    with qtbot.waitSignal(panel.codeActivated) as sig:
        click(qtbot, panel, "concrete_help")
    assert sig.args == ["concrete_help"]
    # a press that ends outside the row is no click
    row = panel.code_row("care")
    with qtbot.assertNotEmitted(panel.codeActivated):
        qtbot.mousePress(row, Qt.MouseButton.LeftButton, pos=row.rect().center())
        qtbot.mouseRelease(row, Qt.MouseButton.LeftButton, pos=QPoint(5, row.height() + 20))


def test_rows_follow_codebook_order_with_keys(panel: CodebookPanel, helper: Codebook) -> None:
    rows = [panel.code_row(c.id) for c in helper.codes]
    tops = [r.mapTo(panel, QPoint(0, 0)).y() for r in rows]
    assert tops == sorted(tops)
    assert [c.key for c in helper.codes] == list("1234567890")
    assert panel.title.text() == "Helper maneuvers · version 1.0"


def test_tooltip_has_definition_and_examples(panel: CodebookPanel, helper: Codebook) -> None:
    code = helper.code("responsive")
    tip = plain(panel.code_row("responsive").toolTip())
    assert " ".join(code.definition["en"].split()) in tip
    assert " ".join(code.examples["en"][1].split()) in tip
    assert "key 1" in tip and "Implicit helper maneuvers" in tip


def test_language_switch_changes_labels(panel: CodebookPanel, helper: Codebook) -> None:
    assert panel.code_label("responsive") == "Being responsive"
    panel.set_language("nb")
    assert panel.language() == "nb"
    assert panel.code_label("responsive") == "Være responsiv"
    assert panel.code_label("care") == helper.code("care").label["nb"]
    tip = plain(panel.code_row("confirming").toolTip())
    assert " ".join(helper.code("confirming").definition["nb"].split()) in tip
    assert "Implisitte hjelpemanøvrer" in tip
    panel.set_language("de")  # not in the codebook: falls back to the first language
    assert panel.code_label("responsive") == "Being responsive"


def test_long_labels_wrap_onto_more_lines(panel: CodebookPanel) -> None:
    short = panel.code_row("responsive")
    long = panel.code_row("confirming")  # "Confirming the child's behaviour, thoughts ..."
    line = long.fontMetrics().height()
    assert short.height() < 2 * line + 10 <= long.height()
    for row in (short, long):  # the layout gives every row the height its text needs
        assert row.height() == row.heightForWidth(row.width())
    panel.resize(220, 700)  # narrower: more lines
    QApplication.processEvents()
    assert long.height() >= 3 * line + 10
    assert long.height() == long.heightForWidth(long.width())


def test_open_codes_are_marked(qtbot: Any, panel: CodebookPanel) -> None:
    red = QColor("#d62728")

    def dot(code_id: str) -> QColor:
        row = panel.code_row(code_id)
        img = row.grab().toImage()
        return img.pixelColor(round((row.width() - 14) * img.devicePixelRatio()),
                              round((5 + row.fontMetrics().height() / 2)
                                    * img.devicePixelRatio()))

    def is_red(c: QColor) -> bool:
        return abs(c.red() - red.red()) < 30 and c.green() < 80 and c.blue() < 80

    assert not is_red(dot("care"))
    panel.set_open_codes({"care", "responsive"})
    assert panel.open_codes() == {"care", "responsive"}
    assert is_red(dot("care")) and is_red(dot("responsive")) and not is_red(dot("exploring"))
    panel.set_open_codes(set())
    assert not is_red(dot("care"))
    panel.set_open_codes({"care"})
    panel.set_language("nb")  # rebuilt rows keep the open state
    assert is_red(dot("care"))


def test_point_code_has_marker(qtbot: Any) -> None:
    cb = load_codebook("alliance-obstacles")[0]
    p = CodebookPanel(codebook=cb)
    qtbot.addWidget(p)
    p.resize(300, 400)
    p.show()
    qtbot.waitExposed(p)
    point = next(c for c in cb.codes if c.kind == "point")
    state = next(c for c in cb.codes if c.kind == "state")

    def marker(code_id: str) -> QColor:
        row = p.code_row(code_id)
        img = row.grab().toImage()
        ratio = img.devicePixelRatio()
        return img.pixelColor(round((row.width() - 60 + 10) * ratio),
                              round((5 + row.fontMetrics().height() / 2) * ratio))

    assert marker(point.id) == QColor(point.color)
    assert marker(state.id) != QColor(state.color)
    assert "point code" in plain(p.code_row(point.id).toolTip())


def test_panel_never_takes_focus_nor_digit_keys(qtbot: Any, helper: Codebook) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    other = QWidget(window)  # stands in for the timeline canvas
    other.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    panel = CodebookPanel(window, codebook=helper)
    lay = QHBoxLayout(window)
    lay.addWidget(other)
    lay.addWidget(panel)
    fired: list[str] = []
    QShortcut(QKeySequence("1"), window).activated.connect(lambda: fired.append("1"))
    window.resize(600, 600)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    other.setFocus()
    with qtbot.waitSignal(panel.codeActivated):
        click(qtbot, panel, "responsive")
    assert QApplication.focusWidget() is other
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    assert fired == ["1"]
    assert not any(isinstance(w, QLineEdit) for w in panel.findChildren(QWidget))
    assert all(w.focusPolicy() == Qt.FocusPolicy.NoFocus for w in panel.findChildren(QWidget)
               if w.isVisible() and not w.inherits("QScrollBar"))


def test_disabled_panel_ignores_clicks(qtbot: Any, panel: CodebookPanel) -> None:
    panel.setEnabled(False)
    with qtbot.assertNotEmitted(panel.codeActivated):
        click(qtbot, panel, "responsive")


def test_set_codebook_replaces_rows(qtbot: Any, panel: CodebookPanel) -> None:
    bordin = load_codebook("bordin-alliance")[0]
    panel.set_codebook(bordin)
    with pytest.raises(KeyError):
        panel.code_row("responsive")
    first = bordin.codes[0]
    with qtbot.waitSignal(panel.codeActivated) as sig:
        click(qtbot, panel, first.id)
    assert sig.args == [first.id]
    panel.set_codebook(None)
    assert panel.codebook() is None and panel.title.text() == "No codebook"
