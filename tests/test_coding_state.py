"""The keyboard coding state machine."""

from __future__ import annotations

from annotator.core.codebook_yaml import parse_codebook
from annotator.core.coding import Close, CodingState, Open, Point
from tests.studyutil import EXCLUSIVE_CODEBOOK

CB = parse_codebook(EXCLUSIVE_CODEBOOK, "test.yaml")


def test_toggle_state_code() -> None:
    st = CodingState(CB)
    assert st.press("praise", 1000) == [Open("praise", 1000)]
    assert st.open == {"praise": 1000}
    assert st.press("praise", 2500) == [Close("praise", 1000, 2500)]
    assert st.open == {}


def test_exclusive_category_closes_open_code() -> None:
    st = CodingState(CB)
    st.press("therapist", 0)
    st.press("praise", 100)  # another category stays open
    assert st.press("child", 4000) == [Close("therapist", 0, 4000), Open("child", 4000)]
    assert st.open == {"praise": 100, "child": 4000}


def test_point_code_is_an_instant() -> None:
    st = CodingState(CB)
    assert st.press("question", 777) == [Point("question", 777)]
    assert st.open == {}


def test_hold_mode() -> None:
    st = CodingState(CB, hold_mode=True)
    assert st.press("praise", 1000) == [Open("praise", 1000)]
    assert st.press("praise", 1100) == []  # auto-repeat while held
    assert st.release("praise", 3000) == [Close("praise", 1000, 3000)]
    assert st.release("praise", 3500) == []


def test_closing_before_start_after_seek_back_is_not_turned_around() -> None:
    """The end is passed on as it is (for the store to refuse), never swapped into a
    backwards-coded segment."""
    st = CodingState(CB)
    st.press("praise", 5000)
    assert st.press("praise", 3000) == [Close("praise", 5000, 3000)]
