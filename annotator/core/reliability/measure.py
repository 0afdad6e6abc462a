"""A measured value that may be undefined, with the reason why."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Measure:
    """``value`` is ``None`` exactly when the measure is undefined; ``reason`` then says why."""

    value: float | None
    reason: str | None = None

    @property
    def defined(self) -> bool:
        return self.value is not None

    @staticmethod
    def of(value: float, reason_if_undefined: str) -> Measure:
        """Wrap a float that is NaN when undefined (the vectorised kernels' convention)."""
        if math.isnan(value):
            return Measure(None, reason_if_undefined)
        return Measure(float(value))
