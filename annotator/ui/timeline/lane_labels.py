"""Lane labels that are never cut off: one line in the normal font when it fits, else
two lines in the small font; and the label column width that makes every title fit.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

#: px of the label column that are not text: colour chip (left), key badge and margins
TEXT_LEFT = 18
BADGE_W = 26
RIGHT_PAD = 8


def small_font(font: QFont) -> QFont:
    f = QFont(font)
    f.setPointSizeF(max(7.0, font.pointSizeF() - 1))
    return f


def wrap(fm: QFontMetrics, text: str, width: int, max_lines: int = 2) -> list[str]:
    """Greedy word wrap of ``text`` into lines of at most ``width`` px; a word longer
    than a line, or text beyond ``max_lines``, is elided on the last line."""
    words = text.split()
    lines: list[str] = []
    cur = ""
    for i, word in enumerate(words):
        trial = f"{cur} {word}" if cur else word
        if fm.horizontalAdvance(trial) <= width or not cur:
            cur = trial
            continue
        lines.append(cur)
        cur = word
        if len(lines) == max_lines - 1:
            cur = " ".join(words[i:])
            break
    if cur:
        lines.append(cur)
    if lines:
        lines[-1] = fm.elidedText(lines[-1], Qt.TextElideMode.ElideRight, width)
    return lines


def label_lines(font: QFont, text: str, width: int) -> tuple[list[str], QFont]:
    """The lines to draw for a lane title in ``width`` px, and the font to draw them in."""
    fm = QFontMetrics(font)
    if fm.horizontalAdvance(text) <= width:
        return [text], font
    small = small_font(font)
    return wrap(QFontMetrics(small), text, width), small


def fits(font: QFont, text: str, width: int) -> bool:
    """Whether ``text`` shows in full in ``width`` px (one line, or two small lines)."""
    lines, f = label_lines(font, text, width)
    return " ".join(lines) == " ".join(text.split()) and all(
        QFontMetrics(f).horizontalAdvance(line) <= width for line in lines)


def text_width(label_width: int, has_key: bool) -> int:
    return label_width - TEXT_LEFT - (BADGE_W if has_key else 0) - RIGHT_PAD


def needed_label_width(font: QFont, titles: Iterable[tuple[str, bool]],
                       lo: int = 120, hi: int = 600) -> int:
    """The narrowest label column in which every ``(title, has_key)`` shows in full."""
    items = list(titles)
    if not items:
        return lo

    def ok(w: int) -> bool:
        return all(fits(font, t, text_width(w, key)) for t, key in items)

    if ok(lo):
        return lo
    if not ok(hi):
        return hi
    while hi - lo > 2:
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid
    return hi


def two_line_height(font: QFont) -> int:
    """A lane tall enough for two lines of the small font."""
    return 2 * QFontMetrics(small_font(font)).height() + 2


def one_line_label_width(font: QFont, titles: Iterable[tuple[str, bool]]) -> int:
    """The label column width in which every title fits on one line."""
    fm = QFontMetrics(font)
    return max((fm.horizontalAdvance(t) + TEXT_LEFT + (BADGE_W if key else 0) + RIGHT_PAD + 1
                for t, key in titles), default=0)
