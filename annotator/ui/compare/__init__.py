"""The coder comparison window: reliability tables, confusion heatmaps, timeline diff, consensus.

:class:`~annotator.ui.compare.window.CompareWindow` is the entry point.
"""
