"""File names made from ids (case labels, coder ids): they never leave the chosen folder.

An id that is already a plain file name (letters, digits, ``-``, ``_``, ``.``, not starting
with a dot, not a Windows device name) is used as it is. Any other id is made safe: every
other character becomes ``_``, leading dots go, the length is capped, and a short digest of
the original id is added so two different ids never share a file name.
"""

from __future__ import annotations

import hashlib
import re

_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}
MAX_PART = 60


def is_plain(text: str) -> bool:
    return (bool(_PLAIN.match(text)) and len(text) <= MAX_PART and ".." not in text
            and text.split(".")[0].lower() not in _RESERVED)


def file_part(text: str) -> str:
    """``text`` as a safe part of a file name (see the module doc)."""
    if is_plain(text):
        return text
    cleaned = _UNSAFE.sub("_", text).replace("..", "_").lstrip("._-")[:MAX_PART - 7]
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=3).hexdigest()
    return f"{cleaned or 'id'}-{digest}"
