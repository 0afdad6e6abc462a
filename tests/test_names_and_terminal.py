"""File names made from ids stay in the chosen folder (and the output says how they were
mapped); terminal output shows control characters from data escaped."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.filenames import file_part, is_plain
from tests.conftest import run_cli
from tests.studyutil import make_study

HOSTILE = ["../../ESCAPED", "/tmp/ABSOLUTE", "..", "C:\\x", "CON", ".hidden", "C01"]


def test_file_part_is_safe_and_distinct() -> None:
    parts = {file_part(h) for h in HOSTILE}
    assert len(parts) == len(HOSTILE)
    for h in HOSTILE:
        p = file_part(h)
        assert "/" not in p and "\\" not in p and not p.startswith(".") and ".." not in p
        assert p.split(".")[0].lower() != "con"
    assert file_part("C01") == "C01" and is_plain("C01") and not is_plain("../x")


def _study(tmp_path: Path) -> Path:
    path = tmp_path / "study" / "lab.annot"
    path.parent.mkdir()
    study = make_study(str(path))
    for case in HOSTILE:
        s = study.add_session(case, 1, duration_ms=60_000)
        a = study.assign(s.id, "AK")
        study.add_segment(a.id, "praise", 0, 1000, by="AK")
    study.close()
    return path


def _all_files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def test_eaf_files_from_hostile_case_ids_stay_in_the_folder(tmp_path: Path) -> None:
    lab = _study(tmp_path)
    out = tmp_path / "deep" / "er" / "elan"
    out.mkdir(parents=True)
    before = _all_files(tmp_path)
    proc = run_cli("export", str(lab), "-o", str(out), "--format", "eaf")
    assert proc.returncode == 0, proc.stderr
    new = _all_files(tmp_path) - before
    assert len(new) == len(HOSTILE)
    assert all(p.parent == out for p in new), sorted(map(str, new))
    assert not Path("/tmp/ABSOLUTE_1.eaf").exists()
    assert "case '../../ESCAPED' is written as" in proc.stderr
    assert f"{file_part('../../ESCAPED')!r}" in proc.stderr
    assert "case 'C01'" not in proc.stderr  # plain ids keep their names
    # One file name for several sessions: OUT-stem_CASE_N.eaf beside it, still inside.
    other = tmp_path / "flat"
    other.mkdir()
    proc = run_cli("export", str(lab), "-o", str(other / "x.eaf"))
    assert proc.returncode == 0, proc.stderr
    assert {p.parent for p in _all_files(other)} == {other}
    assert len(_all_files(other)) == len(HOSTILE)


def test_session_list_escapes_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "lab.annot"
    study = make_study(str(path))
    study.add_session("C01", 1, duration_ms=1000)
    study.close()
    # Data written before ids were checked (or by hand): the terminal must not obey it.
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE cases SET label = ?", ("C\x1b[2J\x1b]0;pwned\x07\u202e01",))
        conn.execute("UPDATE sessions SET date = ?", ("\x1b[31m",))
    conn.close()
    proc = run_cli("session", "list", str(path))
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout
    assert "\u202e" not in proc.stdout
    assert "C\\x1b[2J\\x1b]0;pwned\\x07\\u202e01:1" in proc.stdout
