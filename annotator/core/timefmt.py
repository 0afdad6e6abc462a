"""Time formatting and parsing. Times are integer milliseconds."""

from __future__ import annotations

import re

_TC = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$")
_SECONDS = re.compile(r"^\d+(?:\.\d{1,3})?$")


def format_tc(ms: int) -> str:
    """``HH:MM:SS.mmm`` for a non-negative millisecond time."""
    sign = "-" if ms < 0 else ""
    ms = abs(ms)
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, milli = divmod(rem, 1000)
    return f"{sign}{h:02d}:{m:02d}:{s:02d}.{milli:03d}"


def format_short(ms: int) -> str:
    """``MM:SS.d`` (``H:MM:SS.d`` from an hour on), to the tenth of a second, for messages
    and menus (``00:12.3``)."""
    sign = "-" if ms < 0 else ""
    tenths = (abs(ms) + 50) // 100
    h, rem = divmod(tenths, 36_000)
    m, rem = divmod(rem, 600)
    s, d = divmod(rem, 10)
    return f"{sign}{h}:{m:02d}:{s:02d}.{d}" if h else f"{sign}{m:02d}:{s:02d}.{d}"


def format_seconds(ms: int) -> str:
    """Seconds with exactly three decimals, exact to the millisecond."""
    sign = "-" if ms < 0 else ""
    s, milli = divmod(abs(ms), 1000)
    return f"{sign}{s}.{milli:03d}"


def parse_time(text: str) -> int:
    """Parse seconds (``12.5``, up to three decimals) or ``[HH:]MM:SS[.mmm]`` into ms.

    Raises ``ValueError`` with a human message on anything else.
    """
    t = text.strip()
    if _SECONDS.match(t):
        whole, _, frac = t.partition(".")
        return int(whole) * 1000 + int((frac + "000")[:3])
    m = _TC.match(t)
    if m:
        h, mi, s, frac = m.groups()
        if int(mi) >= 60 or int(s) >= 60:
            raise ValueError(f"{text!r} is not a valid timecode (minutes and seconds must be < 60)")
        return ((int(h or 0) * 60 + int(mi)) * 60 + int(s)) * 1000 + int(((frac or "") + "000")[:3])
    raise ValueError(
        f"{text!r} is not a time: use seconds with up to three decimals (12.345) "
        "or HH:MM:SS.mmm"
    )


def parse_position(text: str, duration_ms: int | None = None) -> int:
    """A position typed by the user (Go to time): ``12:34.5`` (minutes and seconds),
    ``1:02:03`` (hours, minutes, seconds) or seconds (``754.5``), into ms.

    Raises ``ValueError`` saying what was wrong and what to type: an empty field, text
    that is no time, minutes or seconds of 60 or more, or (when ``duration_ms`` is
    given) a time after the end of the session.
    """
    t = text.strip()
    if not t:
        raise ValueError("Type a time: 12:34.5 (minutes:seconds), 1:02:03 or seconds (754.5).")
    m = _TC.match(t)
    if m and (int(m.group(2)) >= 60 or int(m.group(3)) >= 60):
        raise ValueError(f"{t!r}: minutes and seconds must be below 60 "
                         "(type 1:05:00 for 65 minutes).")
    try:
        ms = parse_time(t)
    except ValueError:
        raise ValueError(
            f"{t!r} is not a time. Type 12:34.5 (minutes:seconds), 1:02:03 "
            "(hours:minutes:seconds) or seconds (754.5).") from None
    if duration_ms is not None and ms > duration_ms:
        raise ValueError(
            f"{t} is after the end of the session ({format_tc(duration_ms)}).")
    return ms
