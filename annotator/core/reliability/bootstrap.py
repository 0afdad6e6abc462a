"""Bootstrap over sessions (never over time slices: slices of one session are not independent).

Each resample draws as many sessions as there are, with replacement; a pooled table of a
resample is the multiplicity-weighted sum of the per-session tables, so nothing is re-sliced.
Intervals are percentile intervals (2.5th and 97.5th percentiles, linear interpolation) over
the resamples in which the measure is defined.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

LEVEL = 0.95
MIN_DEFINED_SHARE = 0.5
MIN_BOOTSTRAP_SESSIONS = 5  # as for ICC: fewer sessions give no usable interval


class SessionBootstrap:
    """Resampling weights for ``resamples`` draws of ``n_sessions`` sessions."""

    def __init__(self, n_sessions: int, resamples: int, seed: int) -> None:
        self.n_sessions = n_sessions
        self.resamples = resamples
        self.seed = seed
        rng = np.random.default_rng(seed)
        draws = rng.integers(0, n_sessions, size=(resamples, n_sessions))
        weights = np.zeros((resamples, n_sessions))
        np.add.at(weights, (np.repeat(np.arange(resamples), n_sessions), draws.ravel()), 1.0)
        self.weights: FloatArray = weights
        self._last: tuple[FloatArray, FloatArray] | None = None

    def unavailable_reason(self) -> str | None:
        if self.resamples == 0:
            return "bootstrap disabled (0 resamples)"
        if self.n_sessions < MIN_BOOTSTRAP_SESSIONS:
            return (f"a bootstrap over sessions needs at least {MIN_BOOTSTRAP_SESSIONS} "
                    f"sessions (have {self.n_sessions})")
        return None

    def resample(self, per_session: FloatArray) -> FloatArray:
        """(sessions, ...) -> (resamples, ...) weighted sums. The last result is kept, so
        several measures of one table (kappa, AC1) share one resampling."""
        if self._last is not None and self._last[0] is per_session:
            return self._last[1]
        flat = per_session.reshape(per_session.shape[0], -1)
        out: FloatArray = (self.weights @ flat).reshape(
            (self.resamples, *per_session.shape[1:])
        )
        self._last = (per_session, out)
        return out

    def interval(
        self,
        per_session: FloatArray,
        measure: Callable[[FloatArray], FloatArray],
    ) -> tuple[list[float] | None, str | None]:
        """Percentile CI of ``measure`` applied to resampled pooled tables, or (None, reason)."""
        reason = self.unavailable_reason()
        if reason is not None:
            return None, reason
        values = measure(self.resample(per_session))
        return percentile_interval(values, self.resamples)


def percentile_interval(
    values: FloatArray, resamples: int
) -> tuple[list[float] | None, str | None]:
    """Percentile interval of one vector of resampled values (NaN = undefined resample)."""
    defined = values[~np.isnan(values)]
    if defined.size < MIN_DEFINED_SHARE * resamples or defined.size == 0:
        return None, (
            f"the measure is undefined in {resamples - defined.size} of {resamples} "
            "bootstrap resamples"
        )
    tail = (1.0 - LEVEL) / 2.0 * 100.0
    lo, hi = np.percentile(defined, [tail, 100.0 - tail])
    return [float(lo), float(hi)], None
