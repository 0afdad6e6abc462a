"""Passwords never printed: masking of database URLs in any text (pure; no SQLAlchemy, so
every command's error path stays light)."""

from __future__ import annotations

import re

# ``scheme://user:PASSWORD@host`` and ``password=...`` / ``sslpassword=...`` in a query
SECRET_IN_TEXT = re.compile(
    r"(?i)(://[^/@?#]*?:)[^/@?#]*(@)|((?:^|[?&;\s])[a-z_]*password=)[^&;\s]*")


def mask_text(text: str) -> str:
    """``text`` with anything that looks like a password in a URL replaced by ``***``."""
    return SECRET_IN_TEXT.sub(
        lambda m: f"{m.group(1)}***{m.group(2)}" if m.group(1) else f"{m.group(3)}***", text)
