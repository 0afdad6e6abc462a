"""The limits every value entering the tool is checked against, one set for SQLite and
PostgreSQL alike (PostgreSQL's ``integer`` is 4 bytes, so every stored number is int4-safe,
except a media file's size in bytes, which is stored as ``bigint``).

Each ``check_*`` returns the cleaned value or raises :class:`LimitError` with a message that
says what is wrong and what is allowed. The command line, the importers, the store and the
merge all use these, so a value refused in one place is refused everywhere.
"""

from __future__ import annotations

import math
import unicodedata

INT4_MAX = 2_147_483_647
INT8_MAX = 9_223_372_036_854_775_807
MAX_MEDIA_BYTES = INT8_MAX  # sessions.media_size is bigint: any real file fits
MAX_TIME_MS = 100 * 3600 * 1000  # 100 hours: longer than any recorded session
MAX_SESSION_NUMBER = 9_999
MAX_CASE_LEN = 60  # cases.label
MAX_CODER_LEN = 20  # coders.id
MAX_CODE_LEN = 60  # segments.code_id
MAX_NOTE_LEN = 60_000  # characters; still fits one CSV field (128 KiB) in most scripts
MAX_NAME_LEN = 200
MAX_RESOLUTION_MS = 60_000
MAX_FIELD_BYTES = 128 * 1024  # one CSV field (Python's csv default limit)
NOTE_WHITESPACE = frozenset("\t\n\r")


class LimitError(ValueError):
    """A value outside what the tool accepts."""


def control_chars(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The control (and other non-printing format) characters of ``text``, as ``U+XXXX``."""
    found = []
    for ch in text:
        if ch in allowed:
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs") or ch in "\u2028\u2029\u202e\u202d\u2066\u2067\u2068\u2069":
            code = f"U+{ord(ch):04X}"
            if code not in found:
                found.append(code)
    return found


def check_id(value: str, what: str, max_len: int, *, spaces: bool = True) -> str:
    """An identifier (case label, coder id, code id): printable, trimmed, not too long."""
    text = value.strip()
    if not text:
        raise LimitError(f"{what} is empty.")
    bad = control_chars(text)
    if bad:
        raise LimitError(f"{what} contains control characters ({', '.join(bad[:5])}); use "
                         "printable text only.")
    if len(text) > max_len:
        raise LimitError(f"{what} is {len(text)} characters long; at most {max_len} are "
                         "allowed.")
    if not spaces and any(c.isspace() for c in text):
        raise LimitError(f"{what} {text!r} contains spaces; use short initials such as AK.")
    return text


def check_case(value: str, what: str = "the case id") -> str:
    return check_id(value, what, MAX_CASE_LEN)


def check_coder(value: str, what: str = "the coder id") -> str:
    return check_id(value, what, MAX_CODER_LEN, spaces=False)


def check_code(value: str, what: str = "the code id") -> str:
    return check_id(value, what, MAX_CODE_LEN)


def check_note(value: str, what: str = "the note") -> str:
    """A free-text note: any printable text plus tab and newline; not huge."""
    bad = control_chars(value, NOTE_WHITESPACE)
    if bad:
        raise LimitError(f"{what} contains control characters ({', '.join(bad[:5])}); only "
                         "tab and newline are allowed besides printable text.")
    if len(value) > MAX_NOTE_LEN:
        raise LimitError(f"{what} is {len(value)} characters long; at most {MAX_NOTE_LEN} "
                         "are allowed.")
    return value


def check_name(value: str, what: str = "the name") -> str:
    bad = control_chars(value)
    if bad:
        raise LimitError(f"{what} contains control characters ({', '.join(bad[:5])}).")
    if len(value) > MAX_NAME_LEN:
        raise LimitError(f"{what} is {len(value)} characters long; at most {MAX_NAME_LEN}.")
    return value


def check_session_number(value: int, what: str = "the session number") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise LimitError(f"{what} {value!r} is not a whole number.")
    if not 1 <= value <= MAX_SESSION_NUMBER:
        raise LimitError(f"{what} must be between 1 and {MAX_SESSION_NUMBER}, got {value}.")
    return value


def check_time_ms(value: int, what: str = "the time") -> int:
    """A time from the start of a recording: 0 .. 100 hours."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise LimitError(f"{what} {value!r} is not a whole number of milliseconds.")
    if not 0 <= value <= MAX_TIME_MS:
        raise LimitError(f"{what} must be between 0 and {MAX_TIME_MS // 1000} s "
                         f"({MAX_TIME_MS // 3_600_000} hours), got {value / 1000:g} s.")
    return value


def seconds_to_ms(value: float, what: str = "the duration") -> int:
    """Seconds (a float that may be NaN, inf or huge) as positive ms within the limit."""
    if not math.isfinite(value):
        raise LimitError(f"{what} must be a number of seconds, got {value}.")
    if value <= 0:
        raise LimitError(f"{what} must be positive seconds, got {value:g}.")
    if value * 1000 > MAX_TIME_MS:
        raise LimitError(f"{what} of {value:g} s is longer than the {MAX_TIME_MS // 1000} s "
                         f"({MAX_TIME_MS // 3_600_000} hours) a session may last.")
    ms = round(value * 1000)
    if ms <= 0:
        raise LimitError(f"{what} of {value:g} s is shorter than one millisecond.")
    return ms


def check_count(value: int, what: str, low: int, high: int) -> int:
    if not low <= value <= high:
        raise LimitError(f"{what} must be between {low} and {high}, got {value}.")
    return value


def check_resolution_ms(value: int, what: str = "--resolution-ms") -> int:
    if value < 1:
        raise LimitError(f"{what} must be a positive number of ms, got {value}.")
    if value > MAX_RESOLUTION_MS:
        raise LimitError(f"{what} must be at most {MAX_RESOLUTION_MS} ms (one minute), got "
                         f"{value}.")
    return value


def check_at_least_zero(value: int, what: str, high: int) -> int:
    if value < 0:
        raise LimitError(f"{what} must be 0 or more, got {value}.")
    if value > high:
        raise LimitError(f"{what} must be at most {high}, got {value}.")
    return value


def check_int4(value: int, what: str) -> int:
    return check_count(value, what, -INT4_MAX - 1, INT4_MAX)


def check_media_size(value: int, what: str = "the media size") -> int:
    """A file size in bytes: 0 .. the largest ``bigint``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise LimitError(f"{what} {value!r} is not a whole number of bytes.")
    return check_count(value, what, 0, MAX_MEDIA_BYTES)
