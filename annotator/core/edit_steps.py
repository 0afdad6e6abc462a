"""What one undo step did, in words for the Edit menu ("add 'Being responsive' 00:12.3–00:15.8").

An undo step is one edit batch of the edit log: its rows' actions and before/after states
(``code_id``, ``start_ms``, ``end_ms`` (None while recording), ``note``, ``deleted``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.timefmt import format_short


@dataclass(frozen=True, slots=True)
class StepRow:
    """One edit-log row of a step: which segment, what was done, states before and after."""

    segment_id: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def _times(state: dict[str, Any]) -> str:
    start, end = int(state["start_ms"]), state.get("end_ms")
    if end is None:
        return f"from {format_short(start)}"
    if int(end) == start:
        return f"at {format_short(start)}"
    return f"{format_short(start)}–{format_short(int(end))}"


def describe_step(rows: Sequence[StepRow], label: Callable[[str], str]) -> str:
    """A short phrase for a step; ``label`` gives a code's label from its id."""
    if not rows:
        return ""
    by_segment: dict[str, list[StepRow]] = {}
    for r in rows:
        by_segment.setdefault(r.segment_id, []).append(r)
    if len(by_segment) > 1:
        verb = "import" if rows[0].action == "import" else "add"
        if all(r.action in ("import", "create") for r in rows):
            return f"{verb} {len(by_segment)} segments"
        if all(r.action == "delete" for r in rows):
            return f"delete {len(by_segment)} segments"
        if len(by_segment) == 2 and {r.action for r in rows} == {"update", "create"}:
            upd = next(r for r in rows if r.action == "update")
            state = upd.before or {}
            return f"split '{label(str(state.get('code_id', '')))}' at " \
                   f"{format_short(int((upd.after or {}).get('end_ms') or 0))}"
        return f"change {len(by_segment)} segments"
    seg_rows = next(iter(by_segment.values()))
    first, last = seg_rows[0], seg_rows[-1]
    final = last.after or last.before or {}
    name = f"'{label(str(final.get('code_id', '')))}'"
    if first.action in ("create", "import") and not final.get("deleted"):
        if final.get("end_ms") is None:
            return f"start recording {name} {_times(final)}"
        return f"add {name} {_times(final)}"
    if last.action == "delete":
        return f"delete {name} {_times(last.before or final)}"
    before = first.before or {}
    if before.get("note", "") != final.get("note", "") and \
            (before.get("start_ms"), before.get("end_ms")) == (final.get("start_ms"),
                                                               final.get("end_ms")):
        return f"note on {name}"
    if before.get("code_id") != final.get("code_id"):
        return f"recode '{label(str(before.get('code_id', '')))}' as {name}"
    return f"move {name} to {_times(final)}"
