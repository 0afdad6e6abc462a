"""Merge trusts nothing in the checkout file: forged codings, statuses, edit-log authors and
invalid segments are refused by name, garbled files give a clear error, nothing changes."""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

import pytest

from annotator.store import Study
from annotator.store.checkout import checkout
from annotator.store.merge import MergeError, merge
from annotator.store.merge_checks import MergeRefused
from tests.conftest import run_cli
from tests.test_merge import ANNA, BJORN, build_lab, dump

NOW = "2026-01-01 00:00:00.000000"


def _lab(tmp_path: Path) -> tuple[Study, dict[str, object], Path]:
    study, ids = build_lab(str(tmp_path / "lab.annot"), tmp_path / "media")
    out = tmp_path / "B.annot"
    checkout(study, BJORN, out)
    return study, ids, out


def _sql(path: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    conn = sqlite3.connect(path)
    with conn:
        for sql, params in statements:
            conn.execute(sql, params)
    conn.close()


def _b1(out: Path) -> int:
    conn = sqlite3.connect(out)
    aid = conn.execute("SELECT a.id FROM assignments a JOIN sessions s ON s.id = a.session_id "
                       "WHERE s.number = 1").fetchone()[0]
    conn.close()
    return int(aid)


def _segment(aid: int, code: str, start: int, end: int) -> tuple[str, tuple[object, ...]]:
    return ("INSERT INTO segments (id, assignment_id, code_id, start_ms, end_ms, note, "
            "modifiers, created_at, updated_at, deleted) VALUES (?, ?, ?, ?, ?, '', '{}', ?, ?, 0)",
            (str(uuid.uuid4()), aid, code, start, end, NOW, NOW))


def test_a_coding_of_another_coder_is_refused(tmp_path: Path) -> None:
    study, _ids, out = _lab(tmp_path)
    snapshot = dump(study)
    # BJORN's file gets ANNA as a coder, ANNA's primary coding of C01:1 (submitted) and a
    # segment in it: what a hand-edited checkout could try.
    conn = sqlite3.connect(out)
    with conn:
        conn.execute("INSERT INTO coders (id, name) VALUES (?, ?)", (ANNA, ANNA))
        sid, cb = conn.execute("SELECT session_id, codebook_id FROM assignments "
                               "ORDER BY id LIMIT 1").fetchone()
        cur = conn.execute(
            "INSERT INTO assignments (session_id, coder_id, purpose, status, codebook_id, "
            "created_at, updated_at) VALUES (?, ?, 'primary', 'submitted', ?, ?, ?)",
            (sid, ANNA, cb, NOW, NOW))
        conn.execute(*_segment(int(cur.lastrowid or 0), "child", 20_000, 21_000))
    conn.close()
    with pytest.raises(MergeRefused, match=r"(?s)made for BJORN .*ANNA's primary coding of C01:1"):
        merge(study, out)
    assert dump(study) == snapshot
    proc = run_cli("merge", str(tmp_path / "lab.annot"), str(out))
    assert proc.returncode == 2 and "ANNA's primary coding of C01:1" in proc.stderr
    assert "Traceback" not in proc.stderr
    study.close()


def test_relabelling_the_checkout_as_another_coders_is_refused(tmp_path: Path) -> None:
    study, _ids, out = _lab(tmp_path)
    snapshot = dump(study)
    conn = sqlite3.connect(out)
    with conn:
        conn.execute("INSERT INTO coders (id, name) VALUES (?, ?)", (ANNA, ANNA))
        conn.execute("UPDATE assignments SET coder_id = ?, purpose = 'primary'", (ANNA,))
        raw = conn.execute("SELECT after FROM edit_log WHERE action = 'checkout'").fetchone()[0]
        record = json.loads(raw)
        record["coder"] = ANNA
        conn.execute("UPDATE edit_log SET after = ? WHERE action = 'checkout'",
                     (json.dumps(record),))
    conn.close()
    with pytest.raises(MergeRefused) as err:
        merge(study, out)
    assert "says it is 'ANNA''s checkout, but it was made for 'BJORN'" in str(err.value)
    assert "ANNA's primary coding of C01:1" in str(err.value)
    assert dump(study) == snapshot
    study.close()


def test_an_unknown_checkout_id_is_refused(tmp_path: Path) -> None:
    study, _ids, out = _lab(tmp_path)
    snapshot = dump(study)
    _sql(out, ("UPDATE edit_log SET entity_id = ? WHERE action = 'checkout'",
               (str(uuid.uuid4()),)))
    with pytest.raises(MergeRefused, match="no record of making this checkout"):
        merge(study, out)
    assert dump(study) == snapshot
    study.close()


def test_edit_log_rows_signed_as_another_coder_are_refused(tmp_path: Path) -> None:
    study, _ids, out = _lab(tmp_path)
    aid = _b1(out)
    other = Study.open(out)
    other.add_segment(aid, "child", 20_000, 21_000, by=BJORN)
    other.close()
    snapshot = dump(study)
    _sql(out, ("INSERT INTO edit_log (at, coder_id, action, entity, entity_id, assignment_id, "
               "before, after, state) VALUES (?, ?, 'submit', 'assignment', ?, ?, "
               "'null', '{\"status\": \"submitted\"}', 'audit')", (NOW, ANNA, str(aid), aid)))
    with pytest.raises(MergeRefused, match=r"edit-log row \(submit assignment\) signed as ANNA"):
        merge(study, out)
    assert dump(study) == snapshot
    # Without the forged row the same work merges, and every appended row is BJORN's.
    _sql(out, ("DELETE FROM edit_log WHERE coder_id = ?", (ANNA,)))
    before = len(list(study.log_entries()))
    report = merge(study, out)
    assert report.new == 1 and report.coder == BJORN
    appended = list(study.log_entries())[before:]
    assert {e["action"] for e in appended} == {"create", "merge"}
    assert {e["coder_id"] for e in appended} == {BJORN}
    study.close()


def test_invalid_segments_are_refused_as_an_import_would(tmp_path: Path) -> None:
    study, _ids, out = _lab(tmp_path)
    aid = _b1(out)
    snapshot = dump(study)
    _sql(out, _segment(aid, "no_such_code", 1000, 2000),
         _segment(aid, "praise", 9000, 8000),
         _segment(aid, "praise", 50_000, 70_000),
         _segment(aid, "question", 3000, 4000),
         _segment(aid, "child", 20_000, 30_000), _segment(aid, "therapist", 25_000, 26_000),
         _segment(aid, "praise", 10, 2**40))
    with pytest.raises(MergeRefused) as err:
        merge(study, out)
    text = str(err.value)
    assert "invalid segment change(s)" in text
    for reason in ("unknown code 'no_such_code'", "end is before start",
                   "beyond the session's duration (60.000 s)", "point code",
                   "inside the exclusive category 'talk'", "must be between 0 and 360000 s"):
        assert reason in text, reason
    assert dump(study) == snapshot
    study.close()


def test_garbled_checkouts_give_a_clear_error(tmp_path: Path) -> None:
    study, _ids, out = _lab(tmp_path)
    snapshot = dump(study)
    lab = str(tmp_path / "lab.annot")
    _sql(out, ("UPDATE edit_log SET after = '{garbled' WHERE action = 'checkout'", ()))
    with pytest.raises(MergeError, match="garbled"):
        merge(study, out)
    proc = run_cli("merge", lab, str(out))
    assert proc.returncode == 2 and "garbled" in proc.stderr and "Traceback" not in proc.stderr
    junk = tmp_path / "junk.annot"
    junk.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 20)
    proc = run_cli("merge", lab, str(junk))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    out2 = tmp_path / "B2.annot"
    checkout(study, BJORN, out2)
    snapshot = dump(study)
    _sql(out2, ("UPDATE segments SET modifiers = '[oops'", ()))
    proc = run_cli("merge", lab, str(out2))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "not a JSON object" in proc.stderr or "garbled" in proc.stderr
    assert dump(study) == snapshot
    study.close()
