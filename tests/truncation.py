"""Find text that does not fit its widget in a shown window: the check a person makes when
looking at a screenshot ("is anything cut off?"), made on the real widgets.

``truncations(window)`` walks the window's visible descendants and returns a :class:`Cut`
for every text that is clipped or elided:

- ``QLabel`` without word wrap whose text is wider than the label's contents rect; a
  word-wrapped label whose wrapped text is taller than the label;
- buttons (push, check, radio, tool) whose text, icon and indicator are wider than the
  button;
- ``QTabBar`` tabs narrower than their text (unless the tab has a tooltip: elided by
  design), and tabs pushed out of view behind the scroll arrows;
- ``QHeaderView`` sections of visible item views narrower than their header text (with
  the sort indicator's room where the view can sort);
- ``QGroupBox`` titles, ``QDockWidget`` titles, a ``QComboBox``'s current text;
- menu-bar menus and tool-bar buttons that do not fit and went into the overflow (») menu;
- and, given the screen's size, a window or dialog larger than the screen.

Nothing here changes the widgets; it only measures them with their own font and style.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6 import QtGui
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMenuBar,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTabBar,
    QToolBar,
    QToolButton,
    QWidget,
)

SLACK = 1
"""Pixels of rounding allowed before text counts as cut."""


@dataclass(frozen=True)
class Cut:
    """One text that does not fit: what kind of widget, where, the text, and the width (or
    height) it needs against the one it has."""

    kind: str
    where: str
    text: str
    need: int
    have: int
    module: str = ""

    def __str__(self) -> str:
        home = f" [{self.module}]" if self.module else ""
        return (f"{self.kind} {self.where}{home}: {self.text!r} needs {self.need} px, "
                f"has {self.have}")


def _plain(text: str) -> str:
    """A button's or tab's text as drawn: ``&&`` is an ampersand, a single ``&`` marks the
    mnemonic and takes no room."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _name(w: QWidget) -> str:
    name = type(w).__name__
    return f"{name}#{w.objectName()}" if w.objectName() else name


def where(w: QWidget, top: QWidget | None = None) -> str:
    """A readable path to ``w``: the named or custom-class ancestors from ``top`` down."""
    parts = [_name(w)]
    p = w.parentWidget()
    while p is not None and p is not top:
        if p.objectName() and not p.objectName().startswith("qt_"):
            parts.append(_name(p))
        elif not type(p).__module__.startswith("PySide6"):
            parts.append(type(p).__name__)
        p = p.parentWidget()
    return " > ".join(reversed(parts))


def home_module(w: QWidget) -> str:
    """The project module of the nearest widget (itself or an ancestor) of a class of our
    own: the file whose layout holds the text."""
    p: QWidget | None = w
    while p is not None:
        mod = type(p).__module__
        if mod.startswith("annotator."):
            return mod
        p = p.parentWidget()
    return ""


def _visible(widgets: Iterable[QWidget]) -> list[QWidget]:
    return [w for w in widgets if w.isVisible() and w.width() > 0 and w.height() > 0]


def _label_cut(label: QLabel) -> tuple[int, int] | None:
    text = label.text()
    if not text or not label.pixmap().isNull():
        return None
    cr = label.contentsRect()
    indent = label.indent()
    extra = 2 * label.margin() + (max(indent, 0) if indent >= 0 else 0)
    rich = (label.textFormat() == Qt.TextFormat.RichText
            or (label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)))
    if label.wordWrap():
        need_h = label.heightForWidth(label.width())
        if need_h > label.height() + SLACK and need_h > label.minimumSizeHint().height():
            return need_h, label.height()
        return None
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        need = int(doc.idealWidth() + 0.999) + extra
    else:
        fm = label.fontMetrics()
        need = max(fm.horizontalAdvance(line) for line in text.split("\n")) + extra
    have = cr.width()
    return (need, have) if need > have + SLACK else None


def _button_cut(b: QAbstractButton) -> tuple[int, int] | None:
    text = _plain(b.text())
    if not text.strip():
        return None
    if isinstance(b, QToolButton):
        if b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            return None
        need = b.sizeHint().width()
        return (need, b.width()) if need > b.width() + SLACK else None
    fm = b.fontMetrics()
    style = b.style()
    textw = fm.horizontalAdvance(text)
    icon = b.iconSize().width() + 4 if not b.icon().isNull() else 0
    opt = QStyleOptionButton()
    opt.initFrom(b)
    opt.text = b.text()
    if isinstance(b, QPushButton):
        inner = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, b)
        menu = style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, opt, b) \
            if b.menu() is not None else 0
        have = inner.width() - menu
        need = textw + icon + 4  # QPushButton draws its label inside a 2-px margin
    elif isinstance(b, (QCheckBox, QRadioButton)):
        sub = (QStyle.SubElement.SE_CheckBoxContents if isinstance(b, QCheckBox)
               else QStyle.SubElement.SE_RadioButtonContents)
        have = style.subElementRect(sub, opt, b).width()
        need = textw + icon
    else:
        need, have = b.sizeHint().width(), b.width()
    return (need, have) if need > have + SLACK else None


def _tab_cuts(bar: QTabBar, top: QWidget) -> list[Cut]:
    cuts = []
    style = bar.style()
    hspace = style.pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    fm = bar.fontMetrics()
    shown = bar.rect()
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        text = _plain(bar.tabText(i))
        rect = bar.tabRect(i)
        if not text.strip():
            continue
        vertical = bar.shape() in (QTabBar.Shape.RoundedEast, QTabBar.Shape.RoundedWest,
                                   QTabBar.Shape.TriangularEast, QTabBar.Shape.TriangularWest)
        length = rect.height() if vertical else rect.width()
        icon = bar.iconSize().width() + 4 if not bar.tabIcon(i).isNull() else 0
        side = sum(b.sizeHint().width() for b in (
            bar.tabButton(i, QTabBar.ButtonPosition.LeftSide),
            bar.tabButton(i, QTabBar.ButtonPosition.RightSide)) if b is not None)
        need = fm.horizontalAdvance(text) + hspace + icon + side
        if need > length + SLACK and not bar.tabToolTip(i):
            cuts.append(Cut("tab", where(bar, top), text, need, length, home_module(bar)))
        elif not shown.contains(rect):  # behind the scroll arrows
            cuts.append(Cut("tab out of view", where(bar, top), text, rect.width(),
                            rect.intersected(shown).width(), home_module(bar)))
    return cuts


def _header_cuts(header: QHeaderView, top: QWidget) -> list[Cut]:
    model = header.model()
    if model is None:
        return []
    view = header.parentWidget()
    while view is not None and not isinstance(view, QAbstractItemView):
        view = view.parentWidget()
    if view is not None and not view.isVisible():
        return []
    horizontal = header.orientation() == Qt.Orientation.Horizontal
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    fm = QFontMetrics(header.font())
    sortable = header.isSortIndicatorShown()
    cuts = []
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        value = model.headerData(logical, header.orientation(),
                                 Qt.ItemDataRole.DisplayRole)
        if value is None or not str(value).strip():
            continue
        text = str(value)
        lines = text.split("\n")
        if horizontal:
            need = max(fm.horizontalAdvance(s) for s in lines) + 2 * margin
            if sortable:  # the arrow's room, which the section loses once sorted by it
                need += fm.height() + margin
            have = header.sectionSize(logical)
            if header.stretchLastSection() and logical == _last_visible(header):
                have = max(have, header.viewport().width()
                           - header.sectionViewportPosition(logical))
        else:
            need = max(fm.horizontalAdvance(s) for s in lines) + 2 * margin
            have = header.width()
        if need > have + SLACK:
            cuts.append(Cut("header section", where(header, top), text, need, have,
                            home_module(header)))
    return cuts


def _last_visible(header: QHeaderView) -> int:
    for visual in range(header.count() - 1, -1, -1):
        logical = header.logicalIndex(visual)
        if not header.isSectionHidden(logical):
            return logical
    return -1


def _group_cut(box: QGroupBox) -> tuple[int, int] | None:
    title = _plain(box.title())
    if not title.strip():
        return None
    fm = box.fontMetrics()
    need = fm.horizontalAdvance(title + " ") + 8
    if box.isCheckable():
        need += box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box) + 6
    return (need, box.width()) if need > box.width() + SLACK else None


def _dock_cut(dock: QDockWidget) -> tuple[int, int] | None:
    if dock.titleBarWidget() is not None:
        return None  # a custom title bar's own labels and buttons are checked as widgets
    title = dock.windowTitle()
    if not title.strip():
        return None
    style = dock.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_DockWidgetTitleMargin, None, dock)
    buttons = sum(b.width() for b in dock.findChildren(QAbstractButton)
                  if b.parentWidget() is dock and b.isVisible() and not b.text())
    need = dock.fontMetrics().horizontalAdvance(_plain(title)) + 2 * margin + buttons + 4
    return (need, dock.width()) if need > dock.width() + SLACK else None


def _combo_cut(combo: QComboBox) -> tuple[int, int] | None:
    text = combo.currentText()
    if not text.strip():
        return None
    opt = QStyleOptionComboBox()
    opt.initFrom(combo)
    opt.editable = combo.isEditable()
    opt.currentText = text
    field: QRect = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, combo)
    icon = combo.itemIcon(combo.currentIndex())
    need = combo.fontMetrics().horizontalAdvance(text) + (
        combo.iconSize().width() + 4 if not icon.isNull() else 0)
    return (need, field.width()) if need > field.width() + SLACK else None


def _menubar_cuts(bar: QMenuBar, top: QWidget) -> list[Cut]:
    cuts = []
    for a in bar.actions():
        if not a.isVisible() or a.isSeparator():
            continue
        g = bar.actionGeometry(a)
        if g.isEmpty() or g.right() > bar.width():
            cuts.append(Cut("menu out of view", where(bar, top), _plain(a.text()),
                            max(g.right(), 0), bar.width(), home_module(bar)))
    return cuts


def _toolbar_cuts(bar: QToolBar, top: QWidget) -> list[Cut]:
    ext = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    if ext is None or not ext.isVisible():
        return []
    hidden = [a for a in bar.actions() if a.isVisible() and not a.isSeparator()
              and (bar.widgetForAction(a) is None or not bar.widgetForAction(a).isVisible())]
    return [Cut("toolbar overflow", where(bar, top), _plain(a.text()), 0, bar.width(),
                home_module(bar)) for a in hidden]


def truncations(top: QWidget, screen: tuple[int, int] | None = None) -> list[Cut]:
    """Every cut-off text in ``top`` (a shown window or dialog) and its visible children;
    with ``screen`` (width, height) also ``top`` itself when it is larger than that screen
    (its edge, buttons and all, would be off the screen)."""
    cuts: list[Cut] = []
    if screen is not None and (top.width() > screen[0] or top.height() > screen[1]):
        cuts.append(Cut("window larger than the screen", where(top), top.windowTitle(),
                        top.height() if top.height() > screen[1] else top.width(),
                        screen[1] if top.height() > screen[1] else screen[0],
                        home_module(top)))
    widgets = _visible([top, *top.findChildren(QWidget)])
    for w in widgets:
        if w is not top and not w.isVisibleTo(top):
            continue
        found: tuple[int, int] | None = None
        kind, text = "", ""
        if isinstance(w, QLabel):
            found, kind, text = _label_cut(w), "label", w.text()
        elif isinstance(w, QAbstractButton):
            found, kind, text = _button_cut(w), "button", _plain(w.text())
        elif isinstance(w, QGroupBox):
            found, kind, text = _group_cut(w), "group box title", _plain(w.title())
        elif isinstance(w, QComboBox):
            found, kind, text = _combo_cut(w), "combo box", w.currentText()
        if found is not None:
            cuts.append(Cut(kind, where(w, top), text, found[0], found[1], home_module(w)))
        if isinstance(w, QDockWidget):
            dock = _dock_cut(w)
            if dock is not None:
                cuts.append(Cut("dock title", where(w, top), w.windowTitle(), *dock,
                                module=home_module(w)))
        if isinstance(w, QTabBar):
            cuts += _tab_cuts(w, top)
        if isinstance(w, QHeaderView):
            cuts += _header_cuts(w, top)
        if isinstance(w, QMenuBar):
            cuts += _menubar_cuts(w, top)
        if isinstance(w, QToolBar):
            cuts += _toolbar_cuts(w, top)
    return cuts


def report(cuts: Iterable[Cut]) -> str:
    return "\n".join(str(c) for c in cuts)
