"""BORIS tabular events import: START/STOP pairs, points, behaviours by id or label, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from annotator.core.timeline_rows import RowsRejected
from annotator.exchange.importers import ImportOptionsError, import_boris
from annotator.store import Study
from annotator.store.models import Base
from annotator.store.queries import iter_segments
from tests.conftest import run_cli
from tests.studyutil import make_study

HEADER = ["Observation id", "Observation date", "Description", "Media file", "Total length",
          "FPS", "Subject", "Behavior", "Behavioral category", "Comment", "Status", "Time"]
PREAMBLE = [
    ["Observation id", "obs 1"], [""], ["Media file(s)"], ["Player #1", "/home/x/C01_S1.mp4"],
    ["Observation date", "2024-03-01 10:00:00"], ["Description", ""],
    ["Time offset (s)", "0.000"], [""],
]


def event(behavior: str, status: str, time: str, *, subject: str = "Therapist",
          comment: str = "", obs: str = "obs 1", category: str = "") -> list[str]:
    return [obs, "2024-03-01 10:00:00", "", "/home/x/C01_S1.mp4", "600.0", "25.0", subject,
            behavior, category, comment, status, time]


def write(path: Path, rows: list[list[str]], sep: str, *, preamble: bool = False) -> Path:
    lines = [*(PREAMBLE if preamble else []), HEADER, *rows]
    path.write_text("\n".join(sep.join(f'"{c}"' if sep == "," and "," in c else c for c in r)
                              for r in lines) + "\n", encoding="utf-8")
    return path


GOOD = [
    event("therapist", "START", "1.000", comment="starts talking"),
    event("Praise", "START", "1.500"),
    event("question", "POINT", "2.250"),
    event("therapist", "STOP", "4.000", comment="pauses"),
    event("praise", "STOP", "6.125"),
    event("child", "START", "4.000", subject="Child"),
    event("Child", "STOP", "9.5", subject="Child"),
    event("Praise", "START", "7.000", subject="Child"),
    event("Praise", "STOP", "8.000", subject="Child"),
]


def dump(study: Study) -> dict[str, list[str]]:
    with study.read() as conn:
        return {t.name: sorted(map(repr, conn.execute(select(t)).all()))
                for t in Base.metadata.sorted_tables}


@pytest.mark.parametrize(("sep", "preamble"), [("\t", True), (",", False)])
def test_events_become_segments(study_target: str, tmp_path: Path, sep: str,
                                preamble: bool) -> None:
    study = make_study(study_target)
    study.add_session("C01", 1, duration_ms=600_000)
    path = write(tmp_path / "events.tsv", GOOD, sep, preamble=preamble)
    result = import_boris(study, path, case="C01", session=1, coder="ZZ", subject_as="ignore")
    assert result.segments == 5 and result.new_coders == ["ZZ"]
    got = sorted((s.segment.code, s.segment.start_ms, s.segment.end_ms, s.segment.note)
                 for s in iter_segments(study))
    assert got == [
        ("child", 4000, 9500, ""),
        ("praise", 1500, 6125, ""),
        ("praise", 7000, 8000, ""),
        ("question", 2250, 2250, ""),
        ("therapist", 1000, 4000, "starts talking / pauses"),
    ]
    assert {s.segment.coder for s in iter_segments(study)} == {"ZZ"}
    study.close()


def test_every_bad_event_is_reported_and_nothing_imported(tmp_path: Path) -> None:
    study = make_study(str(tmp_path / "s.annot"))
    study.add_session("C01", 1, duration_ms=600_000)
    before = dump(study)
    rows = [
        event("therapist", "START", "1.000"),        # line 2: never stopped
        event("hugging", "START", "2.000"),           # line 3: not a code
        event("praise", "POINT", "3.000"),            # line 4: state code as a point
        event("question", "START", "3.500"),          # line 5: point code as a state
        event("child", "STOP", "4.000"),              # line 6: stop without start
        event("praise", "START", "abc"),              # line 7: bad time
        event("praise", "BEGIN", "5.000"),            # line 8: bad status
        event("child", "START", "5.000"),
        event("child", "START", "6.000"),             # line 10: second start
        event("child", "STOP", "7.000"),
        event("praise", "START", "1.0", obs="obs 2"),  # line 12: another observation
    ]
    path = write(tmp_path / "bad.csv", rows, ",")
    with pytest.raises(RowsRejected) as info:
        import_boris(study, path, case="C01", session=1, coder="ZZ", subject_as="ignore")
    problems = info.value.problems
    assert [(p.line, p.column) for p in problems] == [
        (2, "Status"), (3, "Behavior"), (4, "Status"), (5, "Status"), (6, "Status"),
        (7, "Time"), (8, "Status"), (10, "Status"), (12, "Observation id")]
    text = str(info.value)
    assert "'hugging' is not a code" in text and "is a state code" in text
    assert "is a point code" in text and "without a START" in text and "has no STOP" in text
    assert "nothing was imported" in text
    assert dump(study) == before
    too_long = write(tmp_path / "long.csv", [event("praise", "START", "599"),
                                             event("praise", "STOP", "601")], ",")
    with pytest.raises(RowsRejected, match="beyond the session's duration"):
        import_boris(study, too_long, case="C01", session=1, coder="ZZ")
    not_boris = tmp_path / "plain.csv"
    not_boris.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(RowsRejected, match="tabular or aggregated events"):
        import_boris(study, not_boris, case="C01", session=1, coder="ZZ")
    with pytest.raises(ImportOptionsError, match="--coder"):
        import_boris(study, too_long, case="C01", session=1, coder=None)
    assert dump(study) == before
    study.close()


def test_cli_boris(tmp_path: Path) -> None:
    study = make_study(str(tmp_path / "s.annot"))
    study.add_session("C01", 1, duration_ms=600_000)
    study.close()
    path = write(tmp_path / "events.tsv", GOOD, "\t", preamble=True)
    lab = str(tmp_path / "s.annot")
    proc = run_cli("import", lab, str(path), "--format", "boris", "--case", "C01",
                   "--session", "1", "--coder", "ZZ")
    assert proc.returncode == 2 and "'Therapist' (5 event(s)), 'Child' (4 event(s))" in proc.stderr
    assert "--subject-as" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_cli("import", lab, str(path), "--format", "boris", "--case", "C01",
                   "--session", "1", "--coder", "ZZ", "--subject-as", "ignore", check=True)
    assert "Imported 5 segment(s)" in proc.stdout
    proc = run_cli("import", lab, str(path), "--format", "boris", "--case", "C01",
                   "--session", "1")
    assert proc.returncode == 2 and "--coder" in proc.stderr and "Traceback" not in proc.stderr
    bad = write(tmp_path / "bad.tsv", [event("praise", "POINT", "1")], "\t")
    proc = run_cli("import", lab, str(bad), "--format", "boris", "--case", "C01",
                   "--session", "1", "--coder", "ZZ")
    assert proc.returncode == 2 and "line 2, column Status" in proc.stderr


def test_cli_recognises_a_boris_file_without_format(tmp_path: Path) -> None:
    study = make_study(str(tmp_path / "s.annot"))
    study.add_session("C01", 1, duration_ms=600_000)
    study.close()
    path = write(tmp_path / "events.csv", GOOD, ",")
    proc = run_cli("import", str(tmp_path / "s.annot"), str(path), "--case", "C01",
                   "--session", "1", "--coder", "ZZ", "--subject-as", "coder", check=True)
    assert "Imported 5 segment(s)" in proc.stdout
