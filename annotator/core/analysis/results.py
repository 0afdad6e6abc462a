"""Every analysis table of one selection, computed once (the CLI and the Analysis window
both show these, so their numbers are the same)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.core.analysis.budget import BUDGET_NOTES, category_coverage, time_budget
from annotator.core.analysis.cooccurrence import COOCCURRENCE_NOTES, cooccurrence
from annotator.core.analysis.cover import Coverage, coverage
from annotator.core.analysis.data import AnalysisData
from annotator.core.analysis.sequences import (
    ALL_SCOPE,
    MIN_EXPECTED,
    Transitions,
    event_order,
    sequence_notes,
    transitions,
    transitions_table,
)
from annotator.core.analysis.table import Table
from annotator.core.analysis.trends import TREND_NOTES, trend_cases, trends
from annotator.core.analysis.wide import wide_table

if TYPE_CHECKING:
    import pandas as pd

Progress = Callable[[float, str], None]

#: Table names, in the order of the XLSX sheets and of ``--what``.
TABLES = ("budget", "categories", "wide", "cooccurrence", "sequences", "trends",
          "trends_by_case")
SCOPES = ("category", "all")


@dataclass
class Results:
    data: AnalysisData
    by: str
    sequence_scope: str
    min_expected: float
    cover: Coverage
    tables: dict[str, Table]
    sequence_tables: list[Transitions]
    notes: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def table(self, name: str) -> Table:
        return self.tables[name]

    def frame(self, name: str) -> pd.DataFrame:
        """The table as a pandas DataFrame (imports pandas)."""
        return self.tables[name].frame()


def compute(data: AnalysisData, *, by: str = "session", sequence_scope: str = "category",
            min_expected: float = MIN_EXPECTED, progress: Progress | None = None) -> Results:
    report = progress or (lambda f, t: None)
    report(0.0, "coverage")
    cov = coverage(data)
    report(0.4, "time budget")
    per_session = time_budget(data, "session", cov)
    cats_session = category_coverage(data, "session", cov)
    budget = per_session if by == "session" else time_budget(data, by, cov)
    cats = cats_session if by == "session" else category_coverage(data, by, cov)
    report(0.6, "co-occurrence")
    co = cooccurrence(data, cov)
    report(0.7, "sequences")
    order = event_order(data)
    if sequence_scope == ALL_SCOPE:
        seqs = [transitions(data, ALL_SCOPE, min_expected, order)]
    else:
        seqs = [transitions(data, c.id, min_expected, order)
                for c in data.categories if c.codes]
    report(0.85, "trends")
    per_case = trend_cases(per_session)
    tables = {
        "budget": budget, "categories": cats,
        "wide": wide_table(data, per_session, cats_session),
        "cooccurrence": co, "sequences": transitions_table(data, seqs),
        "trends": trends(per_session, per_case), "trends_by_case": per_case,
    }
    notes = {"budget": BUDGET_NOTES, "cooccurrence": COOCCURRENCE_NOTES,
             "sequences": sequence_notes(min_expected), "trends": TREND_NOTES}
    report(1.0, "done")
    return Results(data, by, sequence_scope, min_expected, cov, tables, seqs, notes)
