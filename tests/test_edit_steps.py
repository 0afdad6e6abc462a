"""The words the Edit menu uses for an undo step (core, no Qt, no database)."""

from __future__ import annotations

from annotator.core.edit_steps import StepRow, describe_step
from annotator.core.timefmt import format_short

LABEL = {"praise": "Praise", "child": "Child"}.__getitem__


def _s(code: str, start: int, end: int | None, note: str = "",
       deleted: bool = False) -> dict[str, object]:
    return {"code_id": code, "start_ms": start, "end_ms": end, "note": note,
            "modifiers": {}, "deleted": deleted}


def test_keyboard_coded_segment_is_an_add() -> None:
    rows = [StepRow("a", "create", None, _s("praise", 12_300, None)),
            StepRow("a", "update", _s("praise", 12_300, None), _s("praise", 12_300, 15_800))]
    assert describe_step(rows, LABEL) == "add 'Praise' 00:12.3–00:15.8"
    assert describe_step(rows[:1], LABEL) == "start recording 'Praise' from 00:12.3"


def test_other_steps() -> None:
    seg = _s("praise", 1000, 2000)
    assert describe_step([StepRow("a", "create", None, _s("praise", 500, 500))], LABEL) == \
        "add 'Praise' at 00:00.5"
    assert describe_step([StepRow("a", "delete", seg, {**seg, "deleted": True})], LABEL) == \
        "delete 'Praise' 00:01.0–00:02.0"
    assert describe_step([StepRow("a", "update", seg, {**seg, "note": "smiles"})], LABEL) == \
        "note on 'Praise'"
    assert describe_step([StepRow("a", "update", seg, {**seg, "end_ms": 2500})], LABEL) == \
        "move 'Praise' to 00:01.0–00:02.5"
    assert describe_step([StepRow("a", "update", seg, {**seg, "code_id": "child"})],
                         LABEL) == "recode 'Praise' as 'Child'"
    split = [StepRow("a", "update", seg, {**seg, "end_ms": 1500}),
             StepRow("b", "create", None, _s("praise", 1500, 2000))]
    assert describe_step(split, LABEL) == "split 'Praise' at 00:01.5"
    many = [StepRow(str(i), "import", None, _s("child", i * 10, i * 10 + 5)) for i in range(3)]
    assert describe_step(many, LABEL) == "import 3 segments"
    gone = [StepRow(str(i), "delete", seg, {**seg, "deleted": True}) for i in range(2)]
    assert describe_step(gone, LABEL) == "delete 2 segments"
    assert describe_step([], LABEL) == ""


def test_short_times() -> None:
    assert [format_short(ms) for ms in (0, 49, 50, 12_345, 61_000, 3_723_400)] == \
        ["00:00.0", "00:00.0", "00:00.1", "00:12.3", "01:01.0", "1:02:03.4"]
