"""Go to time: what a coder may type, and the errors for what they may not."""

from __future__ import annotations

import pytest

from annotator.core.timefmt import parse_position


@pytest.mark.parametrize(("text", "ms"), [
    ("12:34.5", 754_500),
    ("1:02:03", 3_723_000),
    ("754.5", 754_500),
    ("7", 7_000),
    ("  0:05 ", 5_000),
    ("00:00:01.250", 1_250),
    ("0:59.999", 59_999),
])
def test_accepted_forms(text: str, ms: int) -> None:
    assert parse_position(text) == ms


@pytest.mark.parametrize(("text", "says"), [
    ("", "Type a time"),
    ("   ", "Type a time"),
    ("abc", "'abc' is not a time"),
    ("-3", "'-3' is not a time"),
    ("1:2:3:4", "is not a time"),
    ("12:75", "must be below 60"),
    ("1:60:00", "must be below 60"),
    ("1.2345", "is not a time"),
])
def test_rejected_with_a_clear_message(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=says) as err:
        parse_position(text)
    assert "12:34.5" in str(err.value) or "60" in str(err.value)


def test_after_the_end_of_the_session_is_refused_with_the_end() -> None:
    assert parse_position("10", duration_ms=10_000) == 10_000
    with pytest.raises(ValueError, match=r"after the end of the session \(00:00:10.000\)"):
        parse_position("10.001", duration_ms=10_000)
