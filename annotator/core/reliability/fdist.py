"""Quantiles of the F distribution with real degrees of freedom (no SciPy at run time).

If X ~ F(d1, d2) then d1 X / (d1 X + d2) ~ Beta(d1 / 2, d2 / 2), so the F quantile follows
from inverting the regularised incomplete beta function I_z(a, b). I_z is evaluated by its
continued fraction (Abramowitz & Stegun 26.5.8) with the modified Lentz method, and inverted
by bisection to a bracket, then Newton steps on the beta density.
"""

from __future__ import annotations

import math

_EPS = 1e-15
_TINY = 1e-300


def _continued_fraction(a: float, b: float, x: float) -> float:
    """1 / (1 + d1 / (1 + d2 / (1 + ...))) with A&S 26.5.8's coefficients d_j."""
    f = c = _TINY
    d = 0.0
    for j in range(1, 2000):
        if j == 1:
            num = 1.0
        else:
            m = (j - 1) // 2
            if (j - 1) % 2:  # d_{2m+1}
                num = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            else:  # d_{2m}
                num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
        d = 1.0 + num * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + num / c
        c = c if abs(c) > _TINY else _TINY
        delta = c * d
        f *= delta
        if abs(delta - 1.0) < _EPS:
            break
    return f


def _log_beta(a: float, b: float) -> float:
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def beta_cdf(x: float, a: float, b: float) -> float:
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = a * math.log(x) + b * math.log1p(-x) - _log_beta(a, b)
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _continued_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _continued_fraction(b, a, 1.0 - x) / b


def beta_ppf(p: float, a: float, b: float) -> float:
    """The z in (0, 1) with I_z(a, b) = p."""
    lo, hi = 0.0, 1.0
    for _ in range(10):  # bracket to ~1e-3, then Newton (kept inside the bracket)
        mid = 0.5 * (lo + hi)
        if beta_cdf(mid, a, b) < p:
            lo = mid
        else:
            hi = mid
    z = 0.5 * (lo + hi)
    log_b = _log_beta(a, b)
    for _ in range(60):  # Newton, safeguarded: a step leaving the bracket bisects instead
        err = beta_cdf(z, a, b) - p
        if err < 0:
            lo = z
        else:
            hi = z
        dens = math.exp((a - 1.0) * math.log(z) + (b - 1.0) * math.log1p(-z) - log_b)
        new = z - err / dens if dens > 0.0 and math.isfinite(dens) else 0.5 * (lo + hi)
        if not lo < new < hi:
            new = 0.5 * (lo + hi)
        if abs(new - z) <= 4e-16 * z or hi - lo <= 4e-16 * hi:
            return new
        z = new
    return z


def f_ppf(p: float, d1: float, d2: float) -> float:
    """The p-quantile of the F distribution with d1 and d2 degrees of freedom."""
    z = beta_ppf(p, d1 / 2.0, d2 / 2.0)
    return d2 * z / (d1 * (1.0 - z))
