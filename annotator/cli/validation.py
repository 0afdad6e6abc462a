"""Every command-line argument is checked here, once, before any command runs.

The checks are the shared limits of :mod:`annotator.core.limits`; a bad value ends the
command with exit status 2 and a message naming the option, before anything is opened.
"""

from __future__ import annotations

import argparse
import math

from annotator.core import limits
from annotator.core.limits import LimitError


def _opt(name: str) -> str:
    return "--" + name.replace("_", "-")


def _text(value: str, flag: str, max_len: int = 1000) -> None:
    bad = limits.control_chars(value)
    if bad:
        raise LimitError(f"{flag}: contains control characters ({', '.join(bad[:5])}).")
    if len(value) > max_len:
        raise LimitError(f"{flag}: {len(value)} characters long; at most {max_len}.")


def check_arguments(ns: argparse.Namespace) -> None:
    """Raise :class:`LimitError` for the first argument outside the limits."""
    values = vars(ns)
    for key in ("study", "other", "file", "manifest", "output", "dir", "codebook"):
        value = values.get(key)
        if isinstance(value, str):
            _text(value, key.upper() if key in ("study", "other", "file") else _opt(key), 4096)
    case = values.get("case")
    if isinstance(case, str):
        limits.check_case(case, "--case")
    coder = values.get("coder")
    if isinstance(coder, str):
        limits.check_coder(coder, "--coder")
    for raw in values.get("coders") or []:
        limits.check_coder(str(raw).partition("@")[0], f"--coders {raw!r}")
        _text(str(raw), "--coders", 60)
    for raw in values.get("sessions") or []:
        _text(str(raw), "--sessions", 100)
    for raw in values.get("map") or []:
        _text(str(raw), "--map", 500)
    if isinstance(values.get("name"), str):
        limits.check_name(values["name"], "--name")
    for key in ("date", "lang"):
        if isinstance(values.get(key), str):
            _text(values[key], _opt(key), 40)
    session = values.get("session")
    if isinstance(session, int):
        limits.check_session_number(session, "--session")
    elif isinstance(session, str):
        _text(session, "--session", 100)
    if isinstance(values.get("number"), int):
        limits.check_session_number(values["number"], "--number")
    duration = values.get("duration")
    if isinstance(duration, float):
        limits.seconds_to_ms(duration, "--duration")
    for key in ("resolution_ms", "alpha_resolution_ms"):
        if isinstance(values.get(key), int):
            limits.check_resolution_ms(values[key], _opt(key))
    if isinstance(values.get("tolerance_ms"), int):
        limits.check_at_least_zero(values["tolerance_ms"], "--tolerance-ms", limits.MAX_TIME_MS)
    if isinstance(values.get("bootstrap"), int):
        limits.check_at_least_zero(values["bootstrap"], "--bootstrap", 100_000)
    if isinstance(values.get("seed"), int):
        limits.check_at_least_zero(values["seed"], "--seed", 2**32 - 1)
    if isinstance(values.get("seconds"), int):
        limits.check_count(values["seconds"], "--seconds", 1, 3600)
    fraction = values.get("fraction")
    if isinstance(fraction, float) and not (math.isfinite(fraction) and 0 < fraction <= 1):
        raise LimitError(f"--fraction must be in (0, 1], got {fraction}.")
