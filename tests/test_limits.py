"""Values are checked where they enter: the shared limits, CSV field sizes, manifests, a
study with two study_info rows, and the PostgreSQL server's 4-byte integers and short ids."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core import limits
from annotator.store import EditError, MediaLink, Study, StudyError
from tests.conftest import run_cli
from tests.studyutil import make_study


def test_limits_refuse_what_does_not_fit() -> None:
    assert limits.check_case(" C01 ") == "C01"
    assert limits.check_note("line one\n\tline two") == "line one\n\tline two"
    for bad in ("C\x00", "C\x1b[2J", "C\u202e10", "", "X" * 61):
        with pytest.raises(limits.LimitError):
            limits.check_case(bad)
    for bad in ("A K", "AK\x07", "A" * 21):
        with pytest.raises(limits.LimitError):
            limits.check_coder(bad)
    with pytest.raises(limits.LimitError, match="control characters"):
        limits.check_note("bell\x07")
    for seconds in (float("nan"), float("inf"), -1.0, 0.0, 1e300, 1e-6):
        with pytest.raises(limits.LimitError):
            limits.seconds_to_ms(seconds)
    assert limits.seconds_to_ms(2400.5) == 2_400_500
    for n in (0, -5, 10_000, 2**31):
        with pytest.raises(limits.LimitError):
            limits.check_session_number(n)
    assert limits.MAX_TIME_MS < limits.INT4_MAX


def test_store_refuses_values_beyond_the_limits(tmp_path: Path) -> None:
    study = make_study(str(tmp_path / "s.annot"))
    with pytest.raises(EditError, match="control characters"):
        study.add_session("C\x00", 1, duration_ms=1000)
    with pytest.raises(EditError, match="between 1 and 9999"):
        study.add_session("C01", 2**40, duration_ms=1000)
    with pytest.raises(EditError, match="at most 60"):
        study.add_session("C" * 5000, 1, duration_ms=1000)
    with pytest.raises(EditError, match="between 0 and 360000 s"):
        study.add_session("C01", 1, duration_ms=2**40)
    s = study.add_session("C01", 1, duration_ms=60_000)
    a = study.assign(s.id, "AK")
    with pytest.raises(EditError, match="control characters"):
        study.add_segment(a.id, "praise", 0, 1000, note="\x1b]0;owned\x07")
    assert study.add_segment(a.id, "praise", 0, 1000, note="tab\tand\nnewline").note
    study.close()


def test_csv_fields_over_128_kib_are_refused_by_line(tmp_path: Path) -> None:
    lab = tmp_path / "lab.annot"
    run_cli("init", str(lab), check=True)
    big = tmp_path / "big.csv"
    big.write_text("case,session,coder,category,code,start_s,end_s,note\n"
                   f"C01,1,AK,implicit,responsive,1,2,\"{'x' * 200_000}\"\n", encoding="utf-8")
    proc = run_cli("import", str(lab), str(big))
    assert proc.returncode == 2, proc.stderr
    assert "line 2" in proc.stderr and "128 KiB" in proc.stderr
    assert "Traceback" not in proc.stderr and "_csv.Error" not in proc.stderr
    manifest = tmp_path / "m.csv"
    manifest.write_text(f"case,session,media\nC01,1,\"{'y' * 200_000}\"\n", encoding="utf-8")
    proc = run_cli("session", "import", str(lab), str(manifest))
    assert proc.returncode == 2 and "128 KiB" in proc.stderr and "Traceback" not in proc.stderr


def test_manifests_with_empty_cases_or_bad_numbers_are_refused(tmp_path: Path) -> None:
    lab = tmp_path / "lab.annot"
    run_cli("init", str(lab), check=True)
    (tmp_path / "a.mp4").write_bytes(b"x")
    manifest = tmp_path / "m.csv"
    manifest.write_text("case,session,media\n,1,a.mp4\nC01,0,a.mp4\nC01,-5,a.mp4\n"
                        "C\x1b[31m,1,a.mp4\nC02,99999999999,a.mp4\n", encoding="utf-8")
    proc = run_cli("session", "import", str(lab), str(manifest))
    assert proc.returncode == 2, proc.stderr
    for line in ("line 2, column case", "line 3, column session", "line 4, column session",
                 "line 5, column case", "line 6, column session"):
        assert line in proc.stderr, line
    assert "\x1b" not in proc.stderr
    empty = tmp_path / "empty.csv"
    empty.write_text("case,session,media\n", encoding="utf-8")
    proc = run_cli("session", "import", str(lab), str(empty))
    assert proc.returncode == 2 and "no sessions" in proc.stderr
    with Study.open(lab) as study:
        assert study.sessions() == []


def test_two_study_info_rows_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "s.annot"
    make_study(str(path)).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO study_info (id, magic, name, created_at, app_version, "
                     "current_codebook_id) SELECT 2, magic, name, created_at, app_version, "
                     "current_codebook_id FROM study_info")
    conn.close()
    for args in (("session", "list", str(path)), ("check", str(path))):
        proc = run_cli(*args)
        assert proc.returncode == 2 and "2 rows in study_info" in proc.stderr, proc.stderr
        assert "delete the extra rows" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.postgres
def test_server_limits_are_the_same_and_errors_are_clear(pg_url: str) -> None:
    study = make_study(pg_url)
    with pytest.raises(EditError, match="between 1 and 9999"):
        study.add_session("C01", 2**31, duration_ms=1000)
    with pytest.raises(EditError, match="1-20 characters"):
        study.add_coder("A" * 30)
    s = study.add_session("C01", 1, duration_ms=1000)
    # An 8 GiB recording fits (sessions.media_size is bigint since schema 0003) ...
    link = MediaLink("a.mp4", "0" * 64, 2**33, 1000, 25.0, 25, 320, 240, "mp4v")
    study.relink_media(s.id, link)
    assert study.session("C01", 1).media == link
    # ... but a value written past the checks that the server's int4 column cannot hold
    # is a clear error, not a connection problem.
    from sqlalchemy import text

    with pytest.raises(StudyError) as err, study.write() as conn:
        conn.execute(text("UPDATE sessions SET frame_count = 8589934592"))
    assert "does not fit" in str(err.value) and "server is running" not in str(err.value)
    study.close()
    proc = run_cli("session", "add", pg_url, "--case", "C02", "--number", "2147483648",
                   "--duration", "5")
    assert proc.returncode == 2 and "between 1 and 9999" in proc.stderr
    proc = run_cli("import", pg_url, "/nonexistent.csv")
    assert proc.returncode == 2
