"""SessionSegments on its own: what each write tells its subscribers, and the codes being
recorded read from the segments (recordings flagged OPEN_FLAG)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from annotator.core.segments import SegmentView
from annotator.ui.session_segments import OPEN_FLAG, SessionSegments


def seg(sid: str, code: str, start: int, end: int, *, recording: bool = False) -> SegmentView:
    return SegmentView(sid, "AK", code, start, end, "", {OPEN_FLAG: True} if recording else {})


def test_writes_are_told_once_and_the_open_codes_follow_the_recordings(qtbot: QtBot) -> None:
    model = SessionSegments()
    told: list[tuple[str, object]] = []
    model.reset.connect(lambda v: told.append(("reset", [s.id for s in v])))
    model.changed.connect(lambda s: told.append(("changed", s.id)))
    model.removed.connect(lambda v: told.append(("removed", v)))
    model.openCodesChanged.connect(lambda c: told.append(("open", c)))
    model.selectionChanged.connect(lambda v: told.append(("selection", v)))

    model.replace([seg("a", "x", 0, 10), seg("r", "y", 5, 5, recording=True)])
    assert told == [("reset", ["a", "r"]), ("open", {"y"})]
    assert model.recording_ids() == {"y": "r"} and [s.id for s in model.finished()] == ["a"]

    told.clear()
    model.set_selection(["r", "a", "gone"])
    ended = seg("r", "y", 5, 20)
    model.put(ended)  # the store's segment replaces the recording: the code is no longer open
    assert told == [("selection", ["r", "a"]), ("changed", "r"), ("open", set())]
    assert model["r"] is ended and model.open_codes() == set()

    told.clear()
    model.put(seg("b", "x", 30, 40))
    model.show_again("b")
    model.discard(["a", "nothing"])
    model.discard(["nothing"])
    assert told == [("changed", "b"), ("changed", "b"), ("removed", ["a"]),
                    ("selection", ["r"])]

    told.clear()
    model.put(seg("q", "z", 50, 50, recording=True))
    model.discard(["q"])
    assert told == [("changed", "q"), ("open", {"z"}), ("removed", ["q"]), ("open", set())]

    told.clear()
    model.clear()
    assert told == [("reset", []), ("selection", [])] and len(model) == 0
