"""Reliability's one-query read gives exactly the spans ``Study.segments`` gives, per
coding, without deleted segments (issue 13 point 4); SQLite and PostgreSQL."""

from __future__ import annotations

import gc
from pathlib import Path

from annotator.store.segment_arrays import read_segment_arrays
from tests.studyutil import make_study


def test_one_query_matches_the_per_coding_read(study_target: str) -> None:
    study = make_study(study_target)
    try:
        s1 = study.add_session("C01", 1, duration_ms=600_000)
        s2 = study.add_session("C01", 2, duration_ms=600_000)
        aids = []
        for sess, coder in ((s1, "AK"), (s1, "BL"), (s2, "AK")):
            a = study.assign(sess.id, coder)
            aids.append(a.id)
            for i in range(40):
                code = ("child", "therapist")[i % 2] if coder != "BL" else "praise"
                study.add_segment(a.id, code, (40 - i) * 1000, (40 - i) * 1000 + 700)
            study.add_segment(a.id, "question", 5000, 5000)
            study.add_segment(a.id, "praise", 5000, 5100)
        doomed = study.segments(aids[0])[3].id
        study.delete_segment(doomed)
        empty = study.assign(s2.id, "BL").id
        arrays = read_segment_arrays(study, [*aids, empty])
        assert len(arrays) == 3 * 42 - 1
        for aid in aids:
            assert arrays.spans(aid) == [v.span() for v in study.segments(aid)]
        assert arrays.spans(empty) == []
        assert doomed not in {v.id for v in study.segments(aids[0])}
        assert len(read_segment_arrays(study, [aids[1]])) == 42
        # numbered by the database; a code outside the given list is found by name
        partial = read_segment_arrays(study, aids, ["praise", "child"])
        for aid in aids:
            assert partial.spans(aid) == arrays.spans(aid)
        assert set(partial.codes) == {"praise", "child", "therapist", "question"}
        assert len(read_segment_arrays(study, [])) == 0
        assert gc.isenabled()
    finally:
        study.close()


def test_loaded_views_equal_views_made_the_ordinary_way(tmp_path: Path) -> None:
    from annotator.core.segments import SegmentView

    study = make_study(str(tmp_path / "s.annot"))
    try:
        sess = study.add_session("C01", 1, duration_ms=60_000)
        a = study.assign(sess.id, "AK")
        made = [study.add_segment(a.id, "praise", 100, 900, note="n"),
                study.add_segment(a.id, "question", 50, 50, modifiers={"who": "child"}),
                study.add_segment(a.id, "child", 0, 40)]
        loaded = study.segments(a.id)
        want = sorted((SegmentView(v.id, "AK", v.code, v.start_ms, v.end_ms, v.note,
                                   dict(v.modifiers)) for v in made),
                      key=lambda v: (v.start_ms, v.end_ms))
        assert loaded == want
        assert loaded[1].modifiers == {"who": "child"} and loaded[0].note == ""
    finally:
        study.close()
