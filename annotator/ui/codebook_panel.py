"""The codebook panel: the codes a coder can press, by category, with their keys.

It shows, never changes, the codebook. Clicking a code asks for it to be coded
(``codeActivated``), exactly as pressing its key does; the window decides what that
means (start or stop a state code, mark a point code).
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QEnterEvent,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from annotator.core.codebook import Category, Code, Codebook
from annotator.ui.i18n import translate

from .timeline import painting
from .timeline.theme import LIGHT, Theme

__all__ = ["CodebookPanel", "code_tooltip"]

_WRAP = Qt.TextFlag.TextWordWrap
_PAD_Y = 5
_CHIP = 12
_BADGE = 18
_TEXT_X = 10 + _CHIP + 8 + _BADGE + 8
_MARK_W = 60  # right margin reserved for the point marker ("◆ point")
_DOT_W = 24  # right margin reserved for the open dot
_HOVER = "#eef2f8"
_OPEN_BG = "#fdecec"


def _in_language(texts: dict[str, str], lang: str) -> str:
    return texts.get(lang) or next(iter(texts.values()), "")


_STYLE_ATTR = "style='{}'"
"""Markup, not text: the inline CSS of a tooltip element (see :func:`_element`)."""


def _element(tag: str, body: str, style: str = "") -> str:
    """An HTML element with inline CSS (``style`` in ``prop:value;prop:value`` form)."""
    attrs = " " + _STYLE_ATTR.format(style) if style else ""
    return f"<{tag}{attrs}>{body}</{tag}>"


def code_tooltip(code: Code, category: Category, lang: str) -> str:
    """Rich-text tooltip: label, key and kind, category, definition and examples."""
    esc = html.escape
    kind = (translate("CodebookPanel", "point code (an instant)") if code.kind == "point"
            else translate("CodebookPanel", "state code (has a duration)"))
    key = ""
    if code.key:
        key = translate("CodebookPanel", "key {key}").format(key=f"<b>{esc(code.key)}</b>")
        key += " · "
    parts = [
        _element("p", f"<b>{esc(code.label_in(lang))}</b>", "margin:0"),
        _element("p", f"{key}{kind} · {esc(category.label_in(lang))}",
                 "margin:0;color:#5a6272"),
    ]
    definition = _in_language(code.definition, lang)
    if definition:
        parts.append(_element("p", esc(definition, quote=False), "margin-top:6px"))
    examples = code.examples.get(lang) or next(iter(code.examples.values()), [])
    if examples:
        items = "".join(f"<li>{esc(e, quote=False)}</li>" for e in examples)
        examples_word = translate("CodebookPanel", "Examples")
        heading = f"<i>{esc(examples_word)}</i>"
        parts.append(_element("p", heading, "margin-top:4px;margin-bottom:0;margin-left:0"))
        parts.append(_element("ul", items, "margin:0"))
    return "<qt>" + "".join(parts) + "</qt>"


class _Row(QWidget):
    """A painted row whose height follows its wrapped text."""

    def __init__(self, parent: QWidget, theme: Theme) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        sp = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)

    def text_font(self) -> QFont:
        return self.font()

    def text_rect(self, width: int) -> QRect:
        raise NotImplementedError

    def text(self) -> str:
        raise NotImplementedError

    def min_height(self) -> int:
        return 0

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        r = self.text_rect(width)
        fm = QFontMetrics(self.text_font())
        h = fm.boundingRect(QRect(0, 0, max(20, r.width()), 10_000), _WRAP, self.text()).height()
        return max(self.min_height(), h + 2 * _PAD_Y)

    def sizeHint(self) -> QSize:
        return QSize(260, self.heightForWidth(260))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.min_height())


class _CategoryHeader(_Row):
    def __init__(self, parent: QWidget, theme: Theme, category: Category, lang: str) -> None:
        super().__init__(parent, theme)
        self.category = category
        self.lang = lang
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        tip = (translate("_CategoryHeader", "At most one code of this category at a time.")
               if category.exclusive
               else translate("_CategoryHeader", "Codes of this category may overlap."))
        self.setToolTip(tip)

    def tag(self) -> str:
        return (translate("_CategoryHeader", "exclusive") if self.category.exclusive
                else translate("_CategoryHeader", "non-exclusive"))

    def text_font(self) -> QFont:
        return self._bold

    def text(self) -> str:
        return self.category.label_in(self.lang)

    def _tag_width(self) -> int:
        return QFontMetrics(self._small).horizontalAdvance(self.tag()) + 12

    def text_rect(self, width: int) -> QRect:
        return QRect(10, _PAD_Y + 2, width - 10 - self._tag_width() - 16, 10_000)

    def heightForWidth(self, width: int) -> int:
        return super().heightForWidth(width) + 4

    def min_height(self) -> int:
        return QFontMetrics(self._bold).height() + 2 * _PAD_Y + 4

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        th = self.theme
        p.fillRect(self.rect(), QColor(th.group_bg))
        p.setPen(QColor(th.label_border))
        p.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        r = self.text_rect(self.width())
        r.setHeight(self.height() - r.top() - _PAD_Y)
        p.setFont(self._bold)
        p.setPen(QColor(th.group_text))
        p.drawText(r, _WRAP | Qt.AlignmentFlag.AlignVCenter, self.text())
        fm = QFontMetrics(self._small)
        tw = self._tag_width()
        pill = QRectF(self.width() - 10 - tw, (self.height() - fm.height() - 4) / 2, tw,
                      fm.height() + 4)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(QColor(th.badge_border), 1))
        p.setBrush(QColor(th.badge_bg))
        p.drawRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), pill.height() / 2, pill.height() / 2)
        p.setFont(self._small)
        p.setPen(QColor(th.badge_text))
        p.drawText(pill, Qt.AlignmentFlag.AlignCenter, self.tag())
        p.end()


class _CodeRow(_Row):
    """One code: colour chip, key badge, label, point marker, open (recording) dot."""

    def __init__(
        self, panel: CodebookPanel, parent: QWidget, theme: Theme, code: Code,
        category: Category, lang: str,
    ) -> None:
        super().__init__(parent, theme)
        self.panel = panel
        self.code = code
        self.category = category
        self.lang = lang
        self.is_open = False
        self._hover = False
        self._pressed = False
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        self.setToolTip(code_tooltip(code, category, lang))

    def text(self) -> str:
        return self.code.label_in(self.lang)

    def text_rect(self, width: int) -> QRect:
        right = _MARK_W if self.code.kind == "point" else _DOT_W
        return QRect(_TEXT_X, _PAD_Y, width - _TEXT_X - right, 10_000)

    def min_height(self) -> int:
        return max(_BADGE + 2 * _PAD_Y, QFontMetrics(self.font()).height() + 2 * _PAD_Y) + 2

    def set_open(self, is_open: bool) -> None:
        if is_open != self.is_open:
            self.is_open = is_open
            self.update()

    # -- events
    def enterEvent(self, event: QEnterEvent) -> None:
        self._hover = True
        self.update()
        self.panel.codeHovered.emit(self.code.id)
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = self._pressed = False
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = True
            self.update()
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._pressed:
            self._pressed = False
            self.update()
            if self.rect().contains(event.position().toPoint()):
                self.panel._on_row_clicked(self.code.id)
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    # -- painting
    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        th = self.theme
        w, h = self.width(), self.height()
        enabled = self.isEnabled()
        if self.is_open:
            p.fillRect(self.rect(), QColor(_OPEN_BG))
            p.fillRect(QRect(0, 0, 3, h), QColor(th.playhead))
        elif self._pressed:
            p.fillRect(self.rect(), QColor(_HOVER).darker(106))
        elif self._hover and enabled:
            p.fillRect(self.rect(), QColor(_HOVER))
        p.setPen(QColor(th.lane_line))
        p.drawLine(0, h - 1, w, h - 1)

        fm = QFontMetrics(self.font())
        line_mid = _PAD_Y + fm.height() / 2  # centre of the first text line
        color = QColor(self.code.color)
        if not enabled:
            color.setAlpha(90)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(color.darker(140), 1))
        p.setBrush(color)
        chip = QRectF(10.5, line_mid - _CHIP / 2 + 0.5, _CHIP - 1, _CHIP - 1)
        p.drawRoundedRect(chip, 2.5, 2.5)
        if self.code.key:
            badge = QRectF(10 + _CHIP + 8, line_mid - _BADGE / 2, _BADGE, _BADGE)
            painting.draw_key_badge(p, badge, self.code.key, th)

        r = self.text_rect(w)
        r.setHeight(h - _PAD_Y)
        p.setPen(QColor(th.label_text) if enabled else QColor(th.ruler_tick))
        p.setFont(self.font())
        p.drawText(r, _WRAP | Qt.AlignmentFlag.AlignTop, self.text())

        if self.code.kind == "point":
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(QPen(color.darker(140), 1))
            p.setBrush(color)
            p.drawPolygon(painting.diamond(w - _MARK_W + 10, line_mid, 5))
            p.setFont(self._small)
            p.setPen(QColor(th.ruler_tick))
            sm = QFontMetrics(self._small)
            p.drawText(QPointF(w - _MARK_W + 18, line_mid + (sm.ascent() - sm.descent()) / 2),
                       translate("_CodeRow", "point"))
        if self.is_open:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(th.playhead))
            p.drawEllipse(QPointF(w - 14, line_mid), 5, 5)
        p.end()


class CodebookPanel(QWidget):
    """The codebook's categories and codes; click a code to code it.

    Each category has a header with its label and an "exclusive" / "non-exclusive"
    tag; each code a row with its colour, key badge, label (in the language chosen with
    :meth:`set_language`), a diamond and "point" for point codes, and a tooltip with its
    definition and examples. Rows of the state codes that are open (being recorded,
    :meth:`set_open_codes`) are tinted and carry a red dot.

    The panel never takes keyboard focus, so the window's coding keys (digits,
    letters) keep working after a click here. While disabled (``setEnabled(False)``)
    it is greyed and ignores clicks.

    Signals:

    - ``codeActivated(str code_id)``: a code row was clicked; the window treats it as
      a press of that code's key.
    - ``codeHovered(str code_id)``: the mouse entered a code's row.
    """

    codeActivated = Signal(str)
    codeHovered = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        codebook: Codebook | None = None,
        language: str = "en",
        theme: Theme = LIGHT,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._lang = language
        self._codebook: Codebook | None = None
        self._open: set[str] = set()
        self._rows: dict[str, _CodeRow] = {}
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.title = QLabel(self)
        self.title.setStyleSheet(f"color: {theme.ruler_tick}; padding: 2px 10px;")
        self.title.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.verticalScrollBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._body = QWidget()
        self._body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._body.setAutoFillBackground(True)
        pal = self._body.palette()
        pal.setColor(self._body.backgroundRole(), QColor(theme.background))
        self._body.setPalette(pal)
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.scroll_area.setWidget(self._body)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        # shown while hold mode is on: a code records only while its key is held
        self.hold_banner = QLabel(translate(
            "CodebookPanel",
            "HOLD mode: a code records while its key is held down (H to turn off)"), self)
        self.hold_banner.setObjectName("holdBanner")
        self.hold_banner.setWordWrap(True)
        self.hold_banner.setStyleSheet(
            "background: #fff4ce; color: #5c4400; border-bottom: 1px solid #e0c36a;"
            " padding: 3px 10px; font-weight: bold;")
        self.hold_banner.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hold_banner.hide()
        lay.addWidget(self.title)
        lay.addWidget(self.hold_banner)
        lay.addWidget(self.scroll_area, 1)
        self.set_codebook(codebook)

    # ------------------------------------------------------------ public API
    def codebook(self) -> Codebook | None:
        return self._codebook

    def set_codebook(self, codebook: Codebook | None) -> None:
        """Show another codebook (``None``: an empty panel)."""
        self._codebook = codebook
        self._rebuild()

    def language(self) -> str:
        return self._lang

    def set_language(self, language: str) -> None:
        """Show labels, definitions and examples in ``language`` (``"en"``, ``"nb"``...);
        a code without that language falls back to its first one."""
        if language != self._lang:
            self._lang = language
            self._rebuild()

    def open_codes(self) -> set[str]:
        return set(self._open)

    def set_open_codes(self, code_ids: Iterable[str]) -> None:
        """Mark these codes as open (being recorded); all others as closed."""
        self._open = set(code_ids)
        for cid, row in self._rows.items():
            row.set_open(cid in self._open)

    def set_hold_mode(self, on: bool) -> None:
        """Show (or hide) the hold-mode banner above the codes."""
        self.hold_banner.setVisible(on)

    def code_row(self, code_id: str) -> QWidget:
        """The row widget of a code (to locate it on screen); ``KeyError`` if unknown."""
        return self._rows[code_id]

    def code_label(self, code_id: str) -> str:
        """The label a code's row shows."""
        return self._rows[code_id].text()

    # ------------------------------------------------------------ internals
    def _rebuild(self) -> None:
        self.setUpdatesEnabled(False)
        while self._layout.count():
            item = self._layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.deleteLater()
        self._rows.clear()
        cb = self._codebook
        if cb is None:
            self.title.setText(translate("CodebookPanel", "No codebook"))
        else:
            self.title.setText(translate("CodebookPanel", "{name} · version {version}").format(
                name=cb.name, version=cb.version))
            for cat in cb.categories:
                self._layout.addWidget(_CategoryHeader(self._body, self._theme, cat, self._lang))
                for code in cat.codes:
                    row = _CodeRow(self, self._body, self._theme, code, cat, self._lang)
                    row.set_open(code.id in self._open)
                    self._rows[code.id] = row
                    self._layout.addWidget(row)
        self._layout.addStretch(1)
        self.setUpdatesEnabled(True)

    def _on_row_clicked(self, code_id: str) -> None:
        self.codeActivated.emit(code_id)
