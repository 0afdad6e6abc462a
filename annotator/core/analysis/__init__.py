"""Analysis of codings: time budgets, co-occurrence, lag-1 sequences and trends over sessions.

Pure numpy over :class:`~annotator.core.analysis.data.AnalysisData` (no Qt, no SQL, and no
pandas: the tables are :class:`~annotator.core.analysis.table.Table`).
The store side (which coding counts, durations, filters) is
:mod:`annotator.exchange.analysis.reader`; the outputs are in :mod:`annotator.exchange.analysis`.
"""

from annotator.core.analysis.budget import category_coverage, time_budget
from annotator.core.analysis.cooccurrence import cooccurrence
from annotator.core.analysis.data import AnalysisData, CategorySpec, CodeSpec, Unit
from annotator.core.analysis.sequences import Transitions, transitions
from annotator.core.analysis.table import Table
from annotator.core.analysis.trends import trends

__all__ = [
    "AnalysisData", "CategorySpec", "CodeSpec", "Table", "Transitions", "Unit",
    "category_coverage", "cooccurrence", "time_budget", "transitions", "trends",
]
