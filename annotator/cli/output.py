"""Printing data on a terminal: control characters from a study or a file are shown
escaped (``\\x1b``), so data can never move the cursor, retitle the window or hide text."""

from __future__ import annotations

import unicodedata

_FORMAT_TRICKS = frozenset("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: object, *, keep_newlines: bool = False) -> str:
    """``text`` with every control character escaped (newlines kept if asked)."""
    s = str(text)
    if s.isprintable():
        return s
    out = []
    for ch in s:
        if keep_newlines and ch == "\n":
            out.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cs") or ch in _FORMAT_TRICKS:
            out.append(_escape(ch))
        else:
            out.append(ch)
    return "".join(out)
