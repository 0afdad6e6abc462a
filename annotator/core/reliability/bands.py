"""Interpretation bands printed next to each value.

- kappa: Landis & Koch (1977);
- alpha: Krippendorff (2004): >= .800 reliable, .667-.800 tentative conclusions only;
- ICC: Koo & Li (2016).
"""

from __future__ import annotations

KAPPA_BANDS_SOURCE = (
    "Landis & Koch (1977): < 0 poor, 0-.20 slight, .21-.40 fair, .41-.60 moderate, "
    ".61-.80 substantial, .81-1 almost perfect"
)
ALPHA_BANDS_SOURCE = (
    "Krippendorff (2004): alpha >= .800 reliable; .667 <= alpha < .800 tentative conclusions "
    "only; < .667 unreliable"
)
ICC_BANDS_SOURCE = (
    "Koo & Li (2016): < .50 poor, .50-.75 moderate, .75-.90 good, > .90 excellent"
)


def kappa_band(value: float | None) -> str | None:
    if value is None:
        return None
    if value < 0:
        return "poor"
    for upper, name in ((0.20, "slight"), (0.40, "fair"), (0.60, "moderate"),
                        (0.80, "substantial")):
        if value <= upper:
            return name
    return "almost perfect"


def alpha_band(value: float | None) -> str | None:
    if value is None:
        return None
    if value >= 0.800:
        return "reliable"
    if value >= 0.667:
        return "tentative"
    return "unreliable"


def icc_band(value: float | None) -> str | None:
    if value is None:
        return None
    if value < 0.50:
        return "poor"
    if value < 0.75:
        return "moderate"
    if value <= 0.90:
        return "good"
    return "excellent"
