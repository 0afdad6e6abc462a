"""Study ▸ Analysis: time budgets, co-occurrence, sequences and trends in a window."""

from __future__ import annotations

from typing import Any


def open_analysis(w: Any) -> None:
    """Open the Analysis window for the main window's study (the Study menu's entry)."""
    if getattr(w, "study", None) is None:
        w.messages.info.emit("Open a study first.")
        return
    from annotator.ui.analysis.window import AnalysisWindow

    win = AnalysisWindow(w.study_target or "", parent=w, lang=getattr(w, "lang", None))
    win.show()
