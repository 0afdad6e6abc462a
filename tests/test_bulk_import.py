"""Bulk import (issue 13 point 1): one edit-log row per imported coding that still traces
every segment to its import, undoes the import as one step and redoes it; SQLite and
PostgreSQL (COPY)."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from annotator.core.timeline_rows import RowsRejected, TimelineRow
from annotator.store import Study
from annotator.store.bulk_log import BULK_ENTITY, import_of
from annotator.store.timeline_import import import_timeline
from tests.studyutil import make_study


def _rows(n: int, *, coders: tuple[str, ...] = ("AK", "BL")) -> list[TimelineRow]:
    rows = []
    line = 1
    for coder in coders:
        for i in range(n):
            line += 1
            rows.append(TimelineRow(line, "C01", 1, coder, "talk",
                                    "therapist" if i % 2 else "child", i * 1000, i * 1000 + 900,
                                    f"n{i}" if i % 7 == 0 else ""))
            line += 1
            rows.append(TimelineRow(line, "C01", 1, coder, "acts", "question", i * 1000 + 10,
                                    i * 1000 + 10))
    return rows


def _study(target: str) -> Study:
    study = make_study(target)
    study.add_session("C01", 1, duration_ms=10_000_000)
    return study


def test_import_writes_one_log_row_per_coding_that_traces_every_segment(
    study_target: str,
) -> None:
    study = _study(study_target)
    try:
        result = import_timeline(study, _rows(500), source="codings.csv", by="LEAD")
        assert result.segments == 2000 and result.new_coders == ["AK", "BL"]
        sess = study.session("C01", 1)
        for coder in ("AK", "BL"):
            a = study.find_assignment(sess.id, coder)
            assert a is not None
            segs = study.segments(a.id)
            assert len(segs) == 1000
            assert sum(1 for s in segs if s.note) == 72
            log = [r for r in study.log_entries(a.id) if r["entity"] == BULK_ENTITY]
            assert len(log) == 1
            assert log[0]["action"] == "import" and log[0]["coder_id"] == "LEAD"
            assert log[0]["after"]["count"] == 1000
            assert log[0]["after"]["source"] == "codings.csv"
            with study.read() as conn:
                for s in segs:
                    assert uuid.UUID(s.id).version == 4
                    rec = import_of(conn, s.id, a.id)
                    assert rec is not None and rec.log_id == log[0]["id"]
                    assert rec.source == "codings.csv" and rec.count == 1000
                assert import_of(conn, str(uuid.uuid4()), a.id) is None
        assert len({s.id for a in study.assignments() for s in study.segments(a.id)}) == 2000
    finally:
        study.close()


def test_an_import_undoes_and_redoes_as_one_step(study_target: str) -> None:
    study = _study(study_target)
    try:
        sess = study.session("C01", 1)
        a = study.assign(sess.id, "AK")
        kept = study.add_segment(a.id, "praise", 5, 50)  # made before the import
        import_timeline(study, _rows(300, coders=("AK",)), source="x.csv")
        ids = {s.id for s in study.segments(a.id)} - {kept.id}
        assert len(ids) == 600
        moved = next(iter(ids))
        study.update_segment(moved, note="changed", by="AK")  # an edit after it
        assert study.undo(a.id) == [moved]  # the edit first
        touched = study.undo(a.id)  # then the whole import in one step
        assert set(touched) == ids
        assert [s.id for s in study.segments(a.id)] == [kept.id]
        assert set(study.redo(a.id)) == ids
        assert len(study.segments(a.id)) == 601
        restored = {s.id: s for s in study.segments(a.id)}[moved]
        assert restored.note != "changed"  # the import's version
        assert study.undo(a.id) and study.undo(a.id) == [kept.id]
        assert study.segments(a.id) == []
    finally:
        study.close()


def test_a_bad_file_still_lists_every_bad_row_and_writes_nothing(study_target: str) -> None:
    study = _study(study_target)
    try:
        rows = _rows(50)
        bad = [
            TimelineRow(900, "C01", 1, "AK", "talk", "nope", 0, 10),
            TimelineRow(901, "C01", 1, "AK", "talk", "child", 500, 100),
            TimelineRow(902, "C09", 1, "AK", "talk", "child", 0, 10),
            TimelineRow(903, "C01", 1, "AK", "acts", "question", 20_000_000, 20_000_000),
            TimelineRow(904, "C01", 1, "AK", "talk", "therapist", 100, 1200),  # overlaps
        ]
        with pytest.raises(RowsRejected) as info:
            import_timeline(study, rows + bad, source="bad.csv")
        # 904 overlaps line 2 (before it) and line 4 (which starts while 904 runs)
        assert {p.line for p in info.value.problems} == {4, 900, 901, 902, 903, 904}
        assert study.assignments() == [] and list(study.log_entries()) == []
        with study.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM segments").scalar_one() == 0
    finally:
        study.close()


def test_overlaps_with_stored_segments_are_found_in_big_codings(tmp_path: Path) -> None:
    study = _study(str(tmp_path / "s.annot"))
    try:
        import_timeline(study, _rows(2000, coders=("AK",)), source="first.csv")
        again = [TimelineRow(2, "C01", 1, "AK", "talk", "child", 1_500_500, 1_500_600),
                 TimelineRow(3, "C01", 1, "AK", "talk", "child", 1_500_950, 1_501_100),
                 TimelineRow(4, "C01", 1, "AK", "talk", "child", 3_000_000, 3_000_500),
                 TimelineRow(5, "C01", 1, "AK", "acts", "praise", 1_500_500, 1_500_600)]
        with pytest.raises(RowsRejected) as info:
            import_timeline(study, again, source="second.csv")
        assert [(p.line, p.column) for p in info.value.problems] == [(2, "start_s"),
                                                                     (3, "start_s")]
        assert "1500.000–1500.900" in str(info.value)
        import_timeline(study, again[2:], source="third.csv")
    finally:
        study.close()


def test_the_log_of_a_bulk_import_is_a_small_part_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.annot"
    study = _study(str(path))
    import_timeline(study, _rows(10_000), source="big.csv")
    study.close()
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        log = con.execute("SELECT SUM(LENGTH(after) + LENGTH(entity_id) + 60) FROM edit_log"
                          ).fetchone()[0]
        segs = con.execute("SELECT SUM(LENGTH(id) + LENGTH(code_id) + 60) FROM segments"
                           ).fetchone()[0]
    finally:
        con.close()
    assert log < 0.01 * segs
