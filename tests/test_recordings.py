"""Open recordings are a fact of the store (issue 8 points 1, 3, 4).

A code being recorded is a segment row with a start and no end. It is not a segment:
exports, reliability, checkout and merge skip it; ``annotator check`` lists it;
submitting refuses while it is open and names it; ending it before its start is
refused. The end joins the batch of the open, so one keyboard-coded segment is one undo
step. Migration 0002 converts 0001-era studies (the ``modifiers.open`` flag).
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from annotator.core.edit_steps import describe_step
from annotator.store import EditError, Study
from annotator.store.checkout import checkout
from annotator.store.merge import merge
from annotator.store.migrate import alembic_config, head_revision
from annotator.store.models import EditLog, Segment
from tests.conftest import run_cli
from tests.studyutil import EXCLUSIVE_CODEBOOK, make_study

LABELS = {"therapist": "Therapist", "child": "Child", "praise": "Praise",
          "question": "Question"}


def _coding(target: str) -> tuple[Study, int]:
    study = make_study(target)
    s = study.add_session("C01", 1, duration_ms=60_000)
    a = study.assign(s.id, "AK")
    return study, a.id


# ---------------------------------------------------------------------- the store
def test_a_recording_is_stored_open_and_is_not_a_segment(study_target: str) -> None:
    study, aid = _coding(study_target)
    try:
        done = study.add_segment(aid, "praise", 1000, 2000, by="AK")
        rec = study.start_recording(aid, "child", 5000, by="AK")
        with study.read() as conn:
            row = conn.execute(select(Segment.start_ms, Segment.end_ms, Segment.modifiers)
                               .where(Segment.id == rec.id)).one()
        assert (row[0], row[1]) == (5000, None) and not dict(row[2] or {})
        assert [s.id for s in study.segments(aid)] == [done.id]
        assert [(r.id, r.code, r.start_ms) for r in study.recordings(aid)] == \
            [(rec.id, "child", 5000)]
        [info] = study.open_recordings()
        assert (info.case, info.session, info.coder, info.code, info.start_ms) == \
            ("C01", 1, "AK", "child", 5000)
        assert "'Child' recording since 00:05.0" in info.describe()
        # another study handle (another process, after a crash) sees it open too
        again = Study.open(study_target)
        assert [r.id for r in again.recordings(aid)] == [rec.id]
        again.close()
        seg = study.end_recording(rec.id, 7500, by="AK")
        assert (seg.start_ms, seg.end_ms) == (5000, 7500)
        assert study.recordings(aid) == []
        assert [(s.code, s.start_ms, s.end_ms) for s in study.segments(aid)] == \
            [("praise", 1000, 2000), ("child", 5000, 7500)]
    finally:
        study.close()


def test_an_end_before_the_start_is_refused_and_the_recording_stays(study_target: str) -> None:
    study, aid = _coding(study_target)
    try:
        rec = study.start_recording(aid, "praise", 30_000, by="AK")
        with pytest.raises(EditError) as err:
            study.end_recording(rec.id, 22_500, by="AK")
        msg = str(err.value)
        assert "'Praise' has been recording since 00:30.0" in msg
        assert "cannot end at 00:22.5, before its start" in msg
        assert [r.start_ms for r in study.recordings(aid)] == [30_000]
        assert study.segments(aid) == []
        seg = study.end_recording(rec.id, 31_000, by="AK")
        assert (seg.start_ms, seg.end_ms) == (30_000, 31_000)
    finally:
        study.close()


def test_a_recording_cannot_be_edited_as_a_segment(tmp_path: Path) -> None:
    study, aid = _coding(str(tmp_path / "s.annot"))
    try:
        rec = study.start_recording(aid, "praise", 1000)
        with pytest.raises(EditError, match="still being recorded"):
            study.update_segment(rec.id, end_ms=900)
        with pytest.raises(EditError, match="already being recorded"):
            study.start_recording(aid, "praise", 2000)
        with pytest.raises(EditError, match="point code"):
            study.start_recording(aid, "question", 2000)
    finally:
        study.close()


def test_one_keyboard_coded_segment_is_one_undo_step(study_target: str) -> None:
    study, aid = _coding(study_target)
    try:
        first = study.start_recording(aid, "praise", 12_300, by="AK")
        other = study.add_segment(aid, "child", 13_000, 14_000, by="AK")  # meanwhile
        study.end_recording(first.id, 15_800, by="AK")
        with study.read() as conn:
            batches = conn.execute(select(EditLog.entity_id, EditLog.action, EditLog.batch)
                                   .where(EditLog.entity == "segment")
                                   .order_by(EditLog.id)).all()
        open_batch = batches[0][2]
        assert [(b[1], b[2] == open_batch) for b in batches] == \
            [("create", True), ("create", False), ("update", True)]
        step = study.next_step(aid)
        assert describe_step(step, LABELS.__getitem__) == "add 'Praise' 00:12.3–00:15.8"
        assert set(study.undo(aid, by="AK")) == {first.id}  # open and end together
        assert [s.id for s in study.segments(aid)] == [other.id]
        assert study.recordings(aid) == []  # not left open and growing
        assert describe_step(study.next_step(aid, undo=False), LABELS.__getitem__) == \
            "add 'Praise' 00:12.3–00:15.8"
        assert describe_step(study.next_step(aid), LABELS.__getitem__) == \
            "add 'Child' 00:13.0–00:14.0"
        study.undo(aid)
        # redone in the reverse order of their undoing
        study.redo(aid)
        assert [s.id for s in study.segments(aid)] == [other.id]
        study.redo(aid)
        assert [(s.code, s.start_ms, s.end_ms) for s in study.segments(aid)] == \
            [("praise", 12_300, 15_800), ("child", 13_000, 14_000)]
        assert study.recordings(aid) == []
    finally:
        study.close()


def test_undo_of_a_recording_still_open_and_discarding(tmp_path: Path) -> None:
    study, aid = _coding(str(tmp_path / "s.annot"))
    try:
        kept = study.add_segment(aid, "child", 100, 200)
        rec = study.start_recording(aid, "praise", 1000)
        assert describe_step(study.next_step(aid), LABELS.__getitem__) == \
            "start recording 'Praise' from 00:01.0"
        study.undo(aid)
        assert study.recordings(aid) == []
        study.redo(aid)
        assert [r.id for r in study.recordings(aid)] == [rec.id]
        # a discarded recording leaves nothing to undo: the next undo is the step before
        study.discard_recordings([rec.id])
        assert study.recordings(aid) == [] and [s.id for s in study.segments(aid)] == [kept.id]
        assert describe_step(study.next_step(aid), LABELS.__getitem__) == \
            "add 'Child' 00:00.1–00:00.2"
    finally:
        study.close()


def test_submitting_refuses_while_a_code_is_recorded_and_names_it(study_target: str) -> None:
    study, aid = _coding(study_target)
    try:
        study.add_segment(aid, "praise", 1000, 2000)
        rec = study.start_recording(aid, "child", 30_500, by="AK")
        with pytest.raises(EditError) as err:
            study.set_status(aid, "submitted", by="AK")
        assert "C01 session 1 (AK): 'Child' recording since 00:30.5" in str(err.value)
        assert study.assignment(aid).status == "in_progress"
        study.end_recording(rec.id, 31_000)
        study.set_status(aid, "submitted", by="AK")
        assert study.assignment(aid).status == "submitted"
    finally:
        study.close()


def test_last_position_is_kept_per_coding(tmp_path: Path) -> None:
    study, aid = _coding(str(tmp_path / "s.annot"))
    try:
        assert study.last_position(aid) is None
        study.set_last_position(aid, 754_321)
        log_rows = len(list(study.log_entries(aid)))
        study.set_last_position(aid, 754_400)
        assert len(list(study.log_entries(aid))) == log_rows  # not an edit
    finally:
        study.close()
    with Study.open(tmp_path / "s.annot") as again:
        assert again.last_position(aid) == 754_400


# ---------------------------------------------------------------------- readers skip it
def _study_with_open_recording(folder: Path) -> tuple[Path, int, str]:
    path = folder / "study.annot"
    study, aid = _coding(str(path))
    try:
        study.add_segment(aid, "praise", 1000, 2000, by="AK")
        study.add_segment(aid, "therapist", 3000, 4000, by="AK")
        rec = study.start_recording(aid, "child", 5000, by="AK")
    finally:
        study.close()
    return path, aid, rec.id


def test_exports_in_every_format_leave_an_open_recording_out(tmp_path: Path) -> None:
    path, _aid, _rid = _study_with_open_recording(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    # timeline CSV: the two segments, not the recording
    run_cli("export", str(path), "-o", str(out / "t.csv"), check=True)
    rows = list(csv.DictReader(io.StringIO((out / "t.csv").read_text(encoding="utf-8"))))
    assert sorted(r["code"] for r in rows) == ["praise", "therapist"]
    # time-sliced: no slice of "child" is coded
    run_cli("export", str(path), "-o", str(out / "s.csv"), "--format", "sliced", check=True)
    sliced = list(csv.DictReader(io.StringIO((out / "s.csv").read_text(encoding="utf-8"))))
    assert sliced and any(r.get("praise") == "1" for r in sliced)
    assert all(r.get("child", "0") in ("0", "") for r in sliced)
    # xlsx: the coder's sheet holds the two segments
    openpyxl = pytest.importorskip("openpyxl")
    run_cli("export", str(path), "-o", str(out / "t.xlsx"), check=True)
    sheet = openpyxl.load_workbook(out / "t.xlsx")["AK"]
    header, *data = [[c.value for c in row] for row in sheet.iter_rows()]
    assert sorted(r[header.index("code")] for r in data) == ["praise", "therapist"]
    # SPSS
    pyreadstat = pytest.importorskip("pyreadstat")
    run_cli("export", str(path), "-o", str(out / "t.sav"), check=True)
    df, _meta = pyreadstat.read_sav(str(out / "t.sav"))
    assert len(df) == 2
    # ELAN: the tiers hold the two segments only
    run_cli("export", str(path), "-o", str(out / "t.eaf"), check=True)
    eafs = sorted(out.glob("*.eaf"))
    text = "".join(p.read_text(encoding="utf-8") for p in eafs)
    assert text.count("<ANNOTATION_VALUE>") == 2 and "praise" in text.lower()


def test_reliability_checkout_and_merge_leave_it_out(tmp_path: Path) -> None:
    path, aid, rid = _study_with_open_recording(tmp_path)
    with Study.open(path) as study:
        # reliability reads a coding through Study.segments
        assert {s.code for s in study.segments(aid)} == {"praise", "therapist"}
        laptop = tmp_path / "laptop.annot"
        checkout(study, "AK", laptop)
    with Study.open(laptop) as lap:
        [la] = lap.assignments()
        assert {s.code for s in lap.segments(la.id)} == {"praise", "therapist"}
        assert lap.recordings(la.id) == [] and lap.open_recordings() == []
        # the coder records a code on the laptop and does not end it
        lap_rec = lap.start_recording(la.id, "praise", 40_000, by="AK")
        lap.add_segment(la.id, "therapist", 50_000, 51_000, by="AK")
    with Study.open(path) as study:
        report = merge(study, laptop)
        assert report.new == 1
        ids = {s.id for s in study.segments(aid)}
        assert lap_rec.id not in ids
        with study.read() as conn:
            assert conn.execute(select(Segment.id).where(Segment.id == lap_rec.id)).first() \
                is None
        assert [r.id for r in study.recordings(aid)] == [rid]  # ours is still open


def test_check_lists_open_recordings(tmp_path: Path) -> None:
    path, _aid, _rid = _study_with_open_recording(tmp_path)
    proc = run_cli("check", str(path))
    assert "1 open recording(s)" in proc.stdout, proc.stdout
    assert "C01:1 coder AK (primary) code child (Child) since 00:00:05.000" in proc.stdout
    with Study.open(path) as study:
        [rec] = study.recordings(study.assignments()[0].id)
        study.end_recording(rec.id, 6000)
    assert "open recording" not in run_cli("check", str(path)).stdout


# ---------------------------------------------------------------------- migration 0002
def _now() -> str:
    return datetime.now(UTC).isoformat(sep=" ")


def _study_0001(path: Path) -> None:
    """A study file exactly as annotator wrote it with schema 0001: a coding with a
    closed keyboard-coded segment (opened and closed in two batches, the closing edit
    clearing the ``open`` flag) and a code still open (``modifiers.open``, end = start)."""
    from alembic import command

    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    db = sqlite3.connect(path)
    t = _now()
    db.execute("INSERT INTO codebook_versions VALUES (1, 'Test codebook', '1.0', ?, ?, ?)",
               (EXCLUSIVE_CODEBOOK, "0" * 64, t))
    db.execute("INSERT INTO study_info VALUES (1, 'annotator-study', 'old', ?, '0.1', 1)", (t,))
    db.execute("INSERT INTO cases VALUES (1, 'C01', '')")
    db.execute("INSERT INTO sessions (id, case_id, number, explicit_duration_ms) "
               "VALUES (1, 1, 1, 60000)")
    db.execute("INSERT INTO coders VALUES ('AK', '')")
    db.execute("INSERT INTO assignments VALUES (1, 1, 'AK', 'primary', 'in_progress', 1, ?, ?)",
               (t, t))

    def seg(sid: str, code: str, start: int, end: int, mods: dict[str, object]) -> None:
        db.execute("INSERT INTO segments VALUES (?, 1, ?, ?, ?, '', ?, ?, ?, 0)",
                   (sid, code, start, end, json.dumps(mods), t, t))

    def log(action: str, sid: str, before: object, after: object, batch: str) -> None:
        db.execute("INSERT INTO edit_log (at, coder_id, action, entity, entity_id, "
                   "assignment_id, before, after, state, batch) "
                   "VALUES (?, 'AK', ?, 'segment', ?, 1, ?, ?, 'done', ?)",
                   (t, action, sid, json.dumps(before), json.dumps(after), batch))

    def state(code: str, start: int, end: int, mods: dict[str, object]) -> dict[str, object]:
        return {"code_id": code, "start_ms": start, "end_ms": end, "note": "",
                "modifiers": mods, "deleted": False}

    seg("closed-1", "praise", 1000, 4000, {})
    log("create", "closed-1", None, state("praise", 1000, 1000, {"open": True}), "b1")
    log("update", "closed-1", state("praise", 1000, 1000, {"open": True}),
        state("praise", 1000, 4000, {}), "b2")
    seg("open-1", "child", 30_000, 30_000, {"open": True})
    log("create", "open-1", None, state("child", 30_000, 30_000, {"open": True}), "b3")
    db.commit()
    db.close()


def test_migration_0002_converts_the_open_flag_of_a_0001_study(tmp_path: Path) -> None:
    path = tmp_path / "old.annot"
    _study_0001(path)
    with Study.open(path) as study:  # backs up, then migrates to 0002
        assert head_revision() == "0002"
        with study.read() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() \
                == "0002"
            rows = {r[0]: (r[1], r[2], json.loads(r[3])) for r in conn.exec_driver_sql(
                "SELECT id, start_ms, end_ms, modifiers FROM segments")}
        assert rows == {"closed-1": (1000, 4000, {}), "open-1": (30_000, None, {})}
        assert [(r.code, r.start_ms) for r in study.recordings(1)] == [("child", 30_000)]
        assert [(s.code, s.start_ms, s.end_ms) for s in study.segments(1)] == \
            [("praise", 1000, 4000)]
        assert study.last_position(1) is None
        # the open recording is ended after the migration: it becomes a segment
        seg = study.end_recording("open-1", 31_000, by="AK")
        assert (seg.start_ms, seg.end_ms) == (30_000, 31_000)
        study.undo(1)  # the recording and its end, one step
        assert [s.id for s in study.segments(1)] == ["closed-1"]
        # the 0001-era pair (open in b1, close in b2) was joined into one step
        assert describe_step(study.next_step(1), LABELS.__getitem__) == \
            "add 'Praise' 00:01.0–00:04.0"
        study.undo(1)
        assert study.segments(1) == [] and study.recordings(1) == []
    assert list((tmp_path / ".old.annot.backups").glob("old-premigration-*.annot"))


def test_reliability_leaves_an_open_recording_out(tmp_path: Path) -> None:
    path = tmp_path / "study.annot"
    study = make_study(str(path))
    try:
        s = study.add_session("C01", 1, duration_ms=60_000)
        a = study.assign(s.id, "AK")
        b = study.assign(s.id, "BL")
        for aid in (a.id, b.id):
            study.add_segment(aid, "praise", 1000, 5000)
        study.start_recording(b.id, "child", 10_000)  # BL is still recording "child"
    finally:
        study.close()
    proc = run_cli("reliability", str(path), "--coders", "AK", "BL", "--format", "json",
                   check=True)
    report = json.loads(proc.stdout)
    codes = {c["id"]: c for cat in report["categories"] for c in cat["codes"]}
    assert codes["child"]["events"] == {"AK": 0, "BL": 0}
    assert codes["child"]["seconds"] == {"AK": 0.0, "BL": 0.0}
    assert codes["praise"]["events"] == {"AK": 1, "BL": 1}
