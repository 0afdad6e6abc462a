"""Study ▸ Analysis: time budgets, co-occurrence, sequences and trends in a window
(opened by ``StudyActions.analysis``)."""
