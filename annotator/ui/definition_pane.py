"""The definition pane: the definition and examples of one code, in the chosen
codebook language, in a dock that can stay open while coding.

It shows the code last hovered in the Codes panel or, when a segment is selected,
that segment's code. No signals.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from annotator.core.codebook import Codebook
from annotator.ui.codebook_panel import code_tooltip
from annotator.ui.i18n import translate

EMPTY_TEXT = str(QT_TRANSLATE_NOOP(
    "DefinitionPane", "Hover over a code in the Codes panel, or select a segment, to read its "
    "definition and examples here."))


class DefinitionPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codebook: Codebook | None = None
        self.lang = "en"
        self.code_id: str | None = None
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the coding keys stay live
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.browser)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._render()

    def set_codebook(self, codebook: Codebook | None) -> None:
        self.codebook = codebook
        if codebook is None or self.code_id not in {c.id for c in codebook.codes}:
            self.code_id = None
        self._render()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self._render()

    def show_code(self, code_id: str | None) -> None:
        """Show this code's definition (None or unknown: the hint)."""
        if code_id != self.code_id:
            self.code_id = code_id
            self._render()

    def text(self) -> str:
        return self.browser.toPlainText()

    def _render(self) -> None:
        cb = self.codebook
        for cat in cb.categories if cb is not None else []:
            for code in cat.codes:
                if code.id == self.code_id:
                    self.browser.setHtml(code_tooltip(code, cat, self.lang))
                    return
        self.browser.setPlainText(translate("DefinitionPane", EMPTY_TEXT))
