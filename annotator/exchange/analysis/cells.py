"""How a table value is written as text: one function for the CSV, the HTML report and the
Analysis window, so they show the same numbers."""

from __future__ import annotations

import math
from typing import Any

import numpy as np


def cell_text(value: Any) -> str:
    """Empty for missing, integers as integers, other numbers with at most 4 decimals."""
    if value is None:
        return ""
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        v = float(value)
        if math.isnan(v):
            return ""
        text = f"{v:.4f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    return str(value)

