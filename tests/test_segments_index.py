"""Migration 0004: ``ix_segments_assignment_span`` covers what the session load and
reliability's one-query read use (issue 13 point 5), replacing ``ix_segments_assignment``;
a 0003 study with segments migrates (SQLite and PostgreSQL) and comes back down."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.dialects import sqlite

from annotator.store import Study
from annotator.store.edits import _LOAD_SQLITE_ALL, _LOAD_SQLITE_LIVE
from annotator.store.migrate import alembic_config, head_revision
from annotator.store.recordings import _OPEN_OF
from annotator.store.segment_arrays import array_query, read_segment_arrays
from tests.studyutil import make_study

SPAN = "ix_segments_assignment_span"
OLD = "ix_segments_assignment"


def _url(target: str) -> str:
    return target if "://" in target else f"sqlite:///{target}"


def _indexes(url: str) -> dict[str, list[str]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {str(i["name"]): [str(c) for c in i["column_names"]]
                    for i in inspect(conn).get_indexes("segments")}
    finally:
        engine.dispose()


def _to(url: str, revision: str) -> None:
    cfg = alembic_config()
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                == revision
    finally:
        engine.dispose()


def _fill(study: Study) -> list[int]:
    s = study.add_session("C01", 1, duration_ms=600_000)
    aids = [study.assign(s.id, "AK").id, study.assign(s.id, "BL").id]
    for k, aid in enumerate(aids):
        for i in range(30):
            study.add_segment(aid, ("therapist", "child")[i % 2], (30 - i) * 2000 + k,
                              (30 - i) * 2000 + 1500, note="long " * 10 if i == 3 else "")
        study.add_segment(aid, "question", 7000, 7000, modifiers={"who": "child"})
        study.add_segment(aid, "praise", 4000, 9000)
        study.add_segment(aid, "praise", 4000, 8000)
    study.delete_segment(study.segments(aids[0])[5].id)
    return aids


def test_a_new_study_has_the_covering_index(study_target: str) -> None:
    make_study(study_target).close()
    found = _indexes(_url(study_target))
    assert OLD not in found
    want = ["assignment_id", "start_ms", "end_ms", "deleted", "code_id", "id"]
    if not study_target.startswith("postgresql"):
        want += ["note", "modifiers"]  # PostgreSQL: a note may be too long for a B-tree entry
    assert found[SPAN] == want
    assert found["ix_segments_assignment_end"] == ["assignment_id", "end_ms"]


def test_a_0003_study_with_segments_migrates_and_back(study_target: str) -> None:
    url = _url(study_target)
    with make_study(study_target) as study:
        aids = _fill(study)
        before = {a: study.segments(a) for a in aids}
        deleted = {a: study.segments(a, include_deleted=True) for a in aids}
    _to(url, "0003")
    old = _indexes(url)
    assert old[OLD] == ["assignment_id", "start_ms"] and SPAN not in old
    with Study.open(study_target) as study:  # migrates 0003 -> head
        with study.read() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                == head_revision()
        assert {a: study.segments(a) for a in aids} == before
        assert {a: study.segments(a, include_deleted=True) for a in aids} == deleted
        arrays = read_segment_arrays(study, aids)
        assert {a: arrays.spans(a) for a in aids} == {
            a: [v.span() for v in views] for a, views in before.items()}
        added = study.add_segment(aids[1], "praise", 100, 200, note="after")
        assert study.segments(aids[1])[0] == added
    found = _indexes(url)
    assert SPAN in found and OLD not in found
    _to(url, "0003")
    assert OLD in _indexes(url) and SPAN not in _indexes(url)
    with Study.open(study_target) as study:  # and up again
        assert len(study.segments(aids[1])) == len(before[aids[1]]) + 1


def test_sqlite_answers_both_reads_from_the_index_alone(tmp_path: Path) -> None:
    with make_study(str(tmp_path / "s.annot")) as study:
        aids = _fill(study)
        with study.read() as conn:
            cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            try:
                for sql in (_LOAD_SQLITE_LIVE, _LOAD_SQLITE_ALL):
                    plan = " ".join(str(r[-1]) for r in cur.execute(
                        "EXPLAIN QUERY PLAN " + sql, (aids[0],)).fetchall())
                    # covered, and already in start and end order: no sort step
                    assert f"COVERING INDEX {SPAN}" in plan and "TEMP B-TREE" not in plan
                sql, _ = array_query(aids, ["therapist", "child"], sqlite=True)
                plan = " ".join(str(r[-1]) for r in cur.execute(
                    "EXPLAIN QUERY PLAN " + sql).fetchall())
                assert f"COVERING INDEX {SPAN}" in plan and "TEMP B-TREE" not in plan
                # a coding's open recordings stay a lookup in (assignment_id, end_ms), not a
                # walk through its segments (the key press, bench/README.md)
                sql = str(_OPEN_OF.compile(dialect=sqlite.dialect()))
                plan = " ".join(str(r[-1]) for r in cur.execute(
                    "EXPLAIN QUERY PLAN " + sql, (aids[0],)).fetchall())
                assert "ix_segments_assignment_end (assignment_id=? AND end_ms=?)" in plan
            finally:
                cur.close()


@pytest.mark.postgres
def test_postgres_reads_a_coding_in_index_order(pg_url: str) -> None:
    with make_study(pg_url) as study:
        aids = _fill(study)
        with study.read() as conn:
            conn.exec_driver_sql("SET enable_seqscan = off")  # a tiny table: force the choice
            plan = " ".join(str(r[0]) for r in conn.exec_driver_sql(
                "EXPLAIN SELECT id, code_id, start_ms, end_ms, note FROM segments "
                f"WHERE assignment_id = {aids[0]} AND end_ms IS NOT NULL AND deleted = false "
                "ORDER BY start_ms, end_ms"))
            conn.exec_driver_sql("RESET enable_seqscan")
        assert SPAN in plan and "Sort" not in plan
