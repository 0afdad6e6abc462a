"""Timeline widget: coded segments on lanes (one per code, or generic lanes for the
reliability comparison), a playhead, zoom and scrolling, and edit requests.

:class:`TimelineView` is the widget; :class:`Lane` describes a lane; the plain-Python
index behind it lives in :mod:`annotator.ui.timeline.model`.
"""

from .model import DiffStatus, Lane, LaneIndex, TimelineModel
from .view import TimelineView

__all__ = ["DiffStatus", "Lane", "LaneIndex", "TimelineModel", "TimelineView"]
