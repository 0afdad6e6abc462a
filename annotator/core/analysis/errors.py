"""Errors of the analysis."""

from __future__ import annotations


class AnalysisInputError(ValueError):
    """The selection (coder, cases, sessions) cannot be analysed; the message says why and
    lists what is valid."""
