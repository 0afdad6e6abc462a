"""Checkout and merge: a coder's blind study file, and bringing the work back exactly once."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from annotator.core.codebook_files import load_codebook
from annotator.store import Study
from annotator.store.checkout import checkout
from annotator.store.merge import MergeError, merge
from annotator.store.models import Base, EditLog, Segment
from annotator.store.records import MediaLink
from tests.conftest import run_cli
from tests.studyutil import make_study

ANNA, BJORN = "ANNA", "BJORN"


def dump(study: Study) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, for 'nothing changed' checks."""
    out = {}
    with study.read() as conn:
        for table in Base.metadata.sorted_tables:
            out[table.name] = sorted(
                (tuple(str(v) for v in r) for r in conn.execute(select(table))), key=repr)
    return out


def build_lab(target: str, media_dir: Path) -> tuple[Study, dict[str, Any]]:
    """Two sessions with media, one without; ANNA codes all, BJORN the first two."""
    study = make_study(target)
    media_dir.mkdir(parents=True, exist_ok=True)
    ids: dict[str, Any] = {}
    for n in (1, 2):
        clip = media_dir / f"C01_S{n}.mp4"
        clip.write_bytes(b"not really a video")
        stored = (str(clip) if study.path is None
                  else Path(os.path.relpath(clip, study.path.parent)).as_posix())
        study.add_session("C01", n, media=MediaLink(stored, "0" * 64, 18, 60_000, 25.0, 1500,
                                                    320, 240, "mp4v"))
    study.add_session("C02", 1, duration_ms=60_000)
    study.add_coder(ANNA, "Anna Secretname")
    study.add_coder(BJORN, "Bjørn")
    for s in study.sessions():
        a = study.assign(s.id, ANNA)
        study.add_segment(a.id, "therapist", 0, 10_000, note="anna-private-note", by=ANNA)
        if s.case == "C01":
            b = study.assign(s.id, BJORN, "reliability")
            ids[f"b{s.number}"] = b.id
            ids[f"x{s.number}"] = study.add_segment(b.id, "praise", 1000, 2000, by=BJORN).id
            ids[f"y{s.number}"] = study.add_segment(b.id, "therapist", 5000, 8000, by=BJORN).id
    ids["deleted"] = study.add_segment(ids["b1"], "praise", 30_000, 31_000, by=BJORN).id
    study.delete_segment(ids["deleted"], by=BJORN)
    return study, ids


def times_of(study: Study, segment_id: str) -> tuple[Any, ...]:
    """A segment's timestamps as UTC instants (they travel with it through a merge)."""
    from datetime import UTC

    with study.read() as conn:
        row = conn.execute(select(Segment.created_at, Segment.updated_at)
                           .where(Segment.id == segment_id)).one()
    return tuple(t if t.tzinfo else t.replace(tzinfo=UTC) for t in row)


def segments_of(study: Study, aid: int) -> list[tuple[str, str, int, int, str]]:
    return sorted((v.id, v.code, v.start_ms, v.end_ms, v.note) for v in study.segments(aid))


def test_checkout_is_blind_and_links_media(study_target: str, tmp_path: Path) -> None:
    study, _ids = build_lab(study_target, tmp_path / "media")
    home = tmp_path / "home" / "bjorn"
    home.mkdir(parents=True)
    out = home / "B.annot"
    report = checkout(study, BJORN, out)
    assert (report.sessions, report.assignments, report.segments) == (2, 2, 4)
    assert not list(home.glob(".*building*")) and not list(home.glob("*-wal"))

    other = Study.open(out)
    assert [c.id for c in other.coders()] == [BJORN]
    assert {a.coder for a in other.assignments()} == {BJORN}
    assert [s.key for s in other.sessions()] == ["C01:1", "C01:2"]
    for s in other.sessions():
        assert s.media is not None and not Path(s.media.path).is_absolute()
        assert (out.parent / s.media.path).resolve() == (tmp_path / "media" /
                                                          f"C01_S{s.number}.mp4").resolve()
    mine = {(v.code, v.start_ms, v.end_ms) for a in other.assignments()
            for v in other.segments(a.id)}
    assert mine == {("praise", 1000, 2000), ("therapist", 5000, 8000)}
    assert other.codebook_sha() == study.codebook_sha()
    with other.read() as conn:
        log = conn.execute(select(EditLog.action, EditLog.coder_id)).all()
    assert [tuple(r) for r in log] == [("checkout", BJORN)]
    other.close()
    raw = out.read_bytes()
    for secret in (ANNA.encode(), b"Secretname", b"anna-private-note", str(tmp_path).encode()):
        assert secret not in raw
    con = sqlite3.connect(out)
    assert con.execute("SELECT count(*) FROM segments WHERE deleted").fetchone() == (0,)
    con.close()
    # The main study records the checkout.
    assert any(e["action"] == "checkout" and e["entity_id"] == BJORN
               for e in study.log_entries())
    study.close()


def test_checkout_code_merge_twice(study_target: str, tmp_path: Path) -> None:
    study, ids = build_lab(study_target, tmp_path / "media")
    out = tmp_path / "B.annot"
    checkout(study, BJORN, out)
    other = Study.open(out)
    b1 = other.find_assignment(other.session("C01", 1).id, BJORN)
    assert b1 is not None
    new = other.add_segment(b1.id, "child", 20_000, 25_000, note="new one", by=BJORN)
    other.update_segment(ids["x1"], end_ms=2500, note="longer", by=BJORN)
    other.delete_segment(ids["y1"], by=BJORN)
    gone = other.add_segment(b1.id, "praise", 40_000, 41_000, by=BJORN)
    other.undo(b1.id, by=BJORN)  # takes back the last add
    other.set_status(b1.id, "submitted", by=BJORN)
    other.close()

    before_log = len(list(study.log_entries()))
    report = merge(study, out)
    assert (report.new, report.changed, report.deleted, report.statuses) == (1, 1, 1, 1)
    assert report.conflicts == [] and report.status_conflicts == []
    assert report.summary().startswith("1 new, 1 changed, 1 deleted")
    b1_main = ids["b1"]
    assert segments_of(study, b1_main) == sorted([
        (ids["x1"], "praise", 1000, 2500, "longer"),
        (new.id, "child", 20_000, 25_000, "new one"),
    ])
    assert gone.id not in {v.id for v in study.segments(b1_main, include_deleted=True)}
    assert times_of(study, new.id) == times_of(Study.open(out), new.id)
    assert study.assignment(b1_main).status == "submitted"
    # Session 2 and Anna's codings are untouched.
    assert {v.id for v in study.segments(ids["b2"])} == {ids["x2"], ids["y2"]}
    log = list(study.log_entries())
    appended = log[before_log:]
    assert {e["action"] for e in appended} >= {"create", "update", "delete", "undo", "submit",
                                               "merge"}
    assert all(e["state"] == "audit" for e in appended)
    assert all(e["assignment_id"] in (None, b1_main) for e in appended)

    snapshot = dump(study)
    again = merge(study, out)
    assert again.summary().startswith("0 new, 0 changed, 0 deleted, 0 status change(s), "
                                      "0 conflict(s)")
    assert again.log_rows == 0 and not again.changed_anything
    assert dump(study) == snapshot

    # Coding goes on in the checkout: only the new work comes over, no false conflicts.
    other = Study.open(out)
    other.set_status(b1.id, "in_progress", by=BJORN)
    other.update_segment(new.id, start_ms=21_000, by=BJORN)
    other.close()
    third = merge(study, out)
    assert (third.new, third.changed, third.statuses, len(third.conflicts)) == (0, 1, 1, 0)
    with study.read() as conn:
        ids_in_main = [r[0] for r in conn.exec_driver_sql("SELECT id FROM segments")]
    assert len(ids_in_main) == len(set(ids_in_main))
    assert ids_in_main.count(new.id) == 1
    assert next(v for v in study.segments(b1_main) if v.id == new.id).start_ms == 21_000
    study.close()


def test_changed_on_both_sides_is_a_conflict(study_target: str, tmp_path: Path) -> None:
    study, ids = build_lab(study_target, tmp_path / "media")
    out = tmp_path / "B.annot"
    checkout(study, BJORN, out)
    other = Study.open(out)
    b1 = other.find_assignment(other.session("C01", 1).id, BJORN)
    assert b1 is not None
    other.update_segment(ids["x1"], end_ms=2600, by=BJORN)  # both change x1
    other.update_segment(ids["x2"], end_ms=2700, by=BJORN)  # only the checkout changes x2
    other.add_segment(b1.id, "child", 9000, 12_000, by=BJORN)  # overlaps main's new y1 end
    other.set_status(b1.id, "submitted", by=BJORN)
    other.close()
    study.update_segment(ids["x1"], start_ms=500, by="lead")
    study.update_segment(ids["y1"], end_ms=9500, by="lead")
    study.set_status(ids["b1"], "assigned", by="lead")

    report = merge(study, out)
    assert report.changed == 1 and report.new == 0
    reasons = sorted(c.reason for c in report.conflicts)
    assert reasons == ["changed in both since the checkout",
                       "it would overlap 'therapist' inside an exclusive category"]
    both = next(c for c in report.conflicts if c.segment_id == ids["x1"])
    assert both.ours is not None and (both.ours.start_ms, both.ours.end_ms) == (500, 2000)
    assert (both.theirs.start_ms, both.theirs.end_ms) == (1000, 2600)
    assert "C01:1 BJORN/reliability" in str(both) and "kept this study's version" in str(both)
    assert len(report.status_conflicts) == 1 and "'assigned'" in report.status_conflicts[0]
    kept = {v.id: (v.start_ms, v.end_ms) for v in study.segments(ids["b1"])}
    assert kept[ids["x1"]] == (500, 2000) and kept[ids["y1"]] == (5000, 9500)
    assert len(kept) == 2  # the overlapping new segment stayed out
    assert {v.id: v.end_ms for v in study.segments(ids["b2"])}[ids["x2"]] == 2700
    assert study.assignment(ids["b1"]).status == "assigned"

    snapshot = dump(study)
    again = merge(study, out)
    assert again.summary().startswith("0 new, 0 changed")
    assert len(again.conflicts) == 2  # still reported, still not written
    assert dump(study) == snapshot
    study.close()


def test_bad_merges_change_nothing(tmp_path: Path) -> None:
    study, _ids = build_lab(str(tmp_path / "lab.annot"), tmp_path / "media")
    snapshot = dump(study)
    with pytest.raises(MergeError, match="into itself"):
        merge(study, tmp_path / "lab.annot")
    copy = tmp_path / "copy.annot"
    study.backup()
    shutil.copy(next((tmp_path / ".lab.annot.backups").iterdir()), copy)
    with pytest.raises(MergeError, match=r"copy of .* itself"):
        merge(study, copy)
    _, helper_text = load_codebook("helper-maneuvers")
    foreign = Study.create(tmp_path / "foreign.annot", helper_text)
    foreign.close()
    with pytest.raises(MergeError, match=r"uses the codebook 'Helper maneuvers'.*does not have"):
        merge(study, tmp_path / "foreign.annot")
    plain = make_study(str(tmp_path / "plain.annot"))
    plain.add_session("C01", 1, duration_ms=1000)
    plain.close()
    with pytest.raises(MergeError, match="not a checkout"):
        merge(study, tmp_path / "plain.annot")
    elsewhere, _ = build_lab(str(tmp_path / "other-lab.annot"), tmp_path / "media2")
    checkout(elsewhere, BJORN, tmp_path / "elsewhere-B.annot")
    elsewhere.close()
    with pytest.raises(MergeError, match="checked out from another study"):
        merge(study, tmp_path / "elsewhere-B.annot")
    assert dump(study) == snapshot
    study.close()


def test_cli_checkout_and_merge(tmp_path: Path) -> None:
    study, ids = build_lab(str(tmp_path / "lab.annot"), tmp_path / "media")
    study.close()
    lab, out = str(tmp_path / "lab.annot"), str(tmp_path / "B.annot")
    proc = run_cli("checkout", lab, "--coder", BJORN, "-o", out, check=True)
    assert "no other coder's work" in proc.stdout
    again = run_cli("checkout", lab, "--coder", BJORN, "-o", out)
    assert again.returncode == 2 and "already exists" in again.stderr
    nobody = run_cli("checkout", lab, "--coder", "NOBODY", "-o", str(tmp_path / "n.annot"))
    assert nobody.returncode == 2 and "no coder 'NOBODY'" in nobody.stderr
    assert "Traceback" not in nobody.stderr

    other = Study.open(out)
    other.update_segment(ids["x1"], end_ms=2500, by=BJORN)
    other.close()
    study = Study.open(lab)
    study.update_segment(ids["x1"], end_ms=2200, by="lead")
    study.close()
    proc = run_cli("merge", lab, out)
    assert proc.returncode == 1, proc.stderr
    assert "0 new, 0 changed" in proc.stdout and "1 conflict(s)" in proc.stdout
    assert "praise 1.000–2.500 s" in proc.stdout and "praise 1.000–2.200 s" in proc.stdout

    itself = run_cli("merge", lab, lab)
    assert itself.returncode == 2 and "into itself" in itself.stderr
    foreign = tmp_path / "foreign.annot"
    run_cli("init", str(foreign), "--codebook", "bordin-alliance", check=True)
    proc = run_cli("merge", lab, str(foreign))
    assert proc.returncode == 2 and "does not have" in proc.stderr
    assert "Traceback" not in proc.stderr
