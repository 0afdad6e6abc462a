"""Errors raised by the reliability engine."""

from __future__ import annotations


class ReliabilityInputError(ValueError):
    """The coded sessions, coders or options cannot give a meaningful reliability analysis."""


class ReliabilityCancelled(Exception):
    """The caller's ``cancelled()`` callback asked the computation to stop."""
