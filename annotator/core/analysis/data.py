"""The input of every analysis: coding units (one coder's coding of one session) and their
segments as numpy columns, plus the codes and categories in codebook order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]

DurationSource = str
"""Where a unit's duration came from: ``media``, ``explicit``, ``latest segment end`` or
``unknown``."""


@dataclass(frozen=True, slots=True)
class CodeSpec:
    id: str
    category: str
    label: str
    kind: str  # "state" | "point"
    color: str

    @property
    def is_point(self) -> bool:
        return self.kind == "point"


@dataclass(frozen=True, slots=True)
class CategorySpec:
    id: str
    label: str
    exclusive: bool
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Unit:
    """One coding that counts: a coder's coding of a session (``coder`` is empty and
    ``purpose`` is ``none`` for a session without any coding that counts)."""

    case: str
    session: int
    coder: str
    purpose: str
    duration_ms: int | None
    duration_source: DurationSource


@dataclass(frozen=True)
class AnalysisData:
    """Segments are half-open ``[start, end)`` in ms within ``[0, duration]`` of their unit;
    ``seg_code`` indexes ``codes``, ``seg_unit`` indexes ``units``."""

    codes: tuple[CodeSpec, ...]
    categories: tuple[CategorySpec, ...]
    units: tuple[Unit, ...]
    seg_unit: IntArray
    seg_code: IntArray
    seg_start: IntArray
    seg_end: IntArray

    @classmethod
    def build(
        cls, codes: Sequence[CodeSpec], categories: Sequence[CategorySpec],
        units: Sequence[Unit], segments: Sequence[tuple[int, str, int, int]],
    ) -> AnalysisData:
        """From plain rows ``(unit index, code id, start_ms, end_ms)`` (tests, small data)."""
        index = {c.id: i for i, c in enumerate(codes)}
        arr = np.array([(u, index[c], s, e) for u, c, s, e in segments],
                       dtype=np.int64).reshape(-1, 4)
        return cls(tuple(codes), tuple(categories), tuple(units),
                   arr[:, 0].copy(), arr[:, 1].copy(), arr[:, 2].copy(), arr[:, 3].copy())

    @property
    def n_units(self) -> int:
        return len(self.units)

    @property
    def n_codes(self) -> int:
        return len(self.codes)

    def code_index(self, code_id: str) -> int:
        for i, c in enumerate(self.codes):
            if c.id == code_id:
                return i
        raise KeyError(code_id)

    def durations_ms(self) -> npt.NDArray[np.float64]:
        """Each unit's duration in ms (NaN when unknown)."""
        return np.array([np.nan if u.duration_ms is None else float(u.duration_ms)
                         for u in self.units], dtype=np.float64)

    def point_mask(self) -> npt.NDArray[np.bool_]:
        """Per code: is it a point code?"""
        return np.array([c.is_point for c in self.codes], dtype=bool)
