"""Colours and metrics of the timeline's light theme."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor


@dataclass(frozen=True, slots=True)
class Theme:
    background: str = "#ffffff"
    lane_even: str = "#ffffff"
    lane_odd: str = "#f5f6f8"
    lane_line: str = "#e6e8ec"
    grid: str = "#eceef2"
    group_bg: str = "#e8ebf0"
    group_text: str = "#3a4150"
    label_bg: str = "#f7f8fa"
    label_border: str = "#cfd4db"
    label_text: str = "#1f2430"
    badge_bg: str = "#ffffff"
    badge_border: str = "#b8bec8"
    badge_text: str = "#3a4150"
    ruler_bg: str = "#fbfbfc"
    ruler_tick: str = "#8a919e"
    ruler_text: str = "#3a4150"
    ruler_border: str = "#cfd4db"
    playhead: str = "#d62728"
    selection: str = "#111827"
    selection_inner: str = "#ffffff"
    edge_handle: str = "#111827"
    preview_outline: str = "#111827"
    overview_window: str = "#2563eb"
    overview_dim: str = "#ffffff"
    note_marker: str = "#1f2430"
    status_colors: dict[str, str] = field(
        default_factory=lambda: {
            "agree": "#4e9a4f",
            "disagree": "#d1495b",
            "only_one": "#f2a541",
        }
    )

    def qcolor(self, name: str) -> QColor:
        return QColor(getattr(self, name))


LIGHT = Theme()
