"""Formatters for the reliability report dict (see annotator.exchange.reliability_report)."""
