"""A session without media or an explicit duration lasts until its latest segment ends
(docs/design.md §3); only those sessions' segments are read for it (issue 13: sessions()
is cheap)."""

from __future__ import annotations

from pathlib import Path

from annotator.core.timeline_rows import TimelineRow
from annotator.store.timeline_import import import_timeline
from tests.studyutil import make_study


def test_undated_sessions_end_with_their_latest_segment(tmp_path: Path) -> None:
    study = make_study(str(tmp_path / "s.annot"))
    try:
        study.add_session("C01", 1, duration_ms=90_000)
        rows = [TimelineRow(2, "C01", 1, "AK", "acts", "praise", 1000, 5000),
                TimelineRow(3, "C02", 4, "AK", "acts", "praise", 1000, 7000),
                TimelineRow(4, "C02", 4, "BL", "acts", "praise", 2000, 8500),
                TimelineRow(5, "C02", 4, "BL", "acts", "question", 9100, 9100)]
        import_timeline(study, rows, source="x.csv", create_sessions=True)
        got = {s.key: s.duration_ms for s in study.sessions()}
        assert got == {"C01:1": 90_000, "C02:4": 9100}
        assert [s.duration_ms for s in study.sessions("C02")] == [9100]
        late = study.segments(study.find_assignment(study.session("C02", 4).id, "BL").id)
        study.delete_segment(next(s.id for s in late if s.code == "question"))
        assert study.session("C02", 4).duration_ms == 8500
    finally:
        study.close()
