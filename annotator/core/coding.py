"""Coding from the keyboard, as a pure state machine (no Qt, no storage).

A state code's key opens a segment at the current time and the next press closes it; a
point code's key makes an instant. In an exclusive category, opening a code closes the
open one at the same time. In hold mode a state code is open while its key is held.

Each call returns the :class:`Action` list to carry out; the caller persists them.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.codebook import Codebook


@dataclass(frozen=True, slots=True)
class Open:
    code: str
    at_ms: int


@dataclass(frozen=True, slots=True)
class Close:
    code: str
    start_ms: int
    end_ms: int


@dataclass(frozen=True, slots=True)
class Point:
    code: str
    at_ms: int


Action = Open | Close | Point


class CodingState:
    """Which state codes are open, and since when."""

    def __init__(self, codebook: Codebook, *, hold_mode: bool = False) -> None:
        self.codebook = codebook
        self.hold_mode = hold_mode
        self.open: dict[str, int] = {}

    def restore(self, open_codes: dict[str, int]) -> None:
        """Resume codes that were open when the session was last left (or the app died)."""
        self.open = dict(open_codes)

    def press(self, code_id: str, t_ms: int) -> list[Action]:
        code = self.codebook.code(code_id)
        if code.kind == "point":
            return [Point(code_id, t_ms)]
        if code_id in self.open:
            if self.hold_mode:
                return []  # key repeat while held
            return [self._close(code_id, t_ms)]
        actions: list[Action] = []
        category = self.codebook.category(code.category_id)
        if category.exclusive:
            for other in [c.id for c in category.codes if c.id in self.open]:
                actions.append(self._close(other, t_ms))
        self.open[code_id] = t_ms
        actions.append(Open(code_id, t_ms))
        return actions

    def release(self, code_id: str, t_ms: int) -> list[Action]:
        """Key released: in hold mode this closes the code."""
        if not self.hold_mode or code_id not in self.open:
            return []
        return [self._close(code_id, t_ms)]

    def close_all(self, t_ms: int) -> list[Action]:
        return [self._close(c, t_ms) for c in list(self.open)]

    def cancel(self, code_id: str) -> None:
        self.open.pop(code_id, None)

    def _close(self, code_id: str, t_ms: int) -> Close:
        """End an open code at ``t_ms``. An end before the start (after a seek back) is
        passed on as it is, for the store to refuse: a segment never runs backwards."""
        return Close(code_id, self.open.pop(code_id), t_ms)
