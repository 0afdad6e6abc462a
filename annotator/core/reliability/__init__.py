"""Inter-rater reliability for coded timelines (pure numpy; docs/design.md §6).

Entry points: :func:`compute_reliability` for the full report; :func:`timeline_diff` and
:func:`disagreements` for the GUI's diff lane; and the measures on plain tables
(:func:`cohen_kappa`, :func:`fleiss_kappa`, :func:`krippendorff_alpha_nominal`,
:func:`icc_2_1`), which return a :class:`Measure` (value, or None with a reason).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Each name is imported from its module when first used (PEP 562), so that importing one
# small part (say ``.errors``) does not load numpy and the whole engine.
_MODULE_OF = {
    "DiffRun": "diff",
    "DiffStatus": "diff",
    "Measure": "measure",
    "ReliabilityCancelled": "errors",
    "ReliabilityInputError": "errors",
    "alpha_band": "bands",
    "bias_index": "kappa",
    "cohen_kappa": "kappa",
    "compute_reliability": "engine",
    "disagreements": "diff",
    "fleiss_kappa": "fleiss",
    "icc_2_1": "icc",
    "icc_band": "bands",
    "kappa_band": "bands",
    "kappa_max": "kappa",
    "krippendorff_alpha_nominal": "alpha",
    "next_disagreement": "diff",
    "pabak": "kappa",
    "percent_agreement": "kappa",
    "prevalence_index": "kappa",
    "previous_disagreement": "diff",
    "timeline_diff": "diff",
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


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
