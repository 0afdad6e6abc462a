"""Inter-rater reliability for coded timelines (pure numpy; docs/design.md §6).

Entry points: :func:`compute_reliability` for the full report; :func:`timeline_diff` and
:func:`disagreements` for the GUI's diff lane; and the measures on plain tables
(:func:`cohen_kappa`, :func:`fleiss_kappa`, :func:`krippendorff_alpha_nominal`,
:func:`icc_2_1`), which return a :class:`Measure` (value, or None with a reason).
"""

from __future__ import annotations

from .alpha import krippendorff_alpha_nominal
from .bands import alpha_band, icc_band, kappa_band
from .diff import (
    DiffRun,
    DiffStatus,
    disagreements,
    next_disagreement,
    previous_disagreement,
    timeline_diff,
)
from .engine import compute_reliability
from .errors import ReliabilityCancelled, ReliabilityInputError
from .fleiss import fleiss_kappa
from .icc import icc_2_1
from .kappa import (
    bias_index,
    cohen_kappa,
    kappa_max,
    pabak,
    percent_agreement,
    prevalence_index,
)
from .measure import Measure

__all__ = [
    "DiffRun",
    "DiffStatus",
    "Measure",
    "ReliabilityCancelled",
    "ReliabilityInputError",
    "alpha_band",
    "bias_index",
    "cohen_kappa",
    "compute_reliability",
    "disagreements",
    "fleiss_kappa",
    "icc_2_1",
    "icc_band",
    "kappa_band",
    "kappa_max",
    "krippendorff_alpha_nominal",
    "next_disagreement",
    "pabak",
    "percent_agreement",
    "prevalence_index",
    "previous_disagreement",
    "timeline_diff",
]
