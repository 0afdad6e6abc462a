"""BORIS files as BORIS writes them (issue 10 point 2), from BORIS's own test data: subjects
are never merged silently, modifiers reach the segments and the exports, the time offset is
applied, XLSX / aggregated / project files import, all or nothing with a summary."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select

from annotator.core.timeline_rows import RowsRejected
from annotator.exchange.exporters import ExportOptions, export_text
from annotator.exchange.importers import ImportOptionsError, import_boris
from annotator.store import Study
from annotator.store.models import Base
from annotator.store.queries import iter_segments
from tests.conftest import run_cli

DATA = Path(__file__).parent / "data" / "boris"
TABULAR = DATA / "test_export_events_tabular.tsv"
PROJECT = DATA / "test.boris"
MODIFIERS = DATA / "test_with_leading_trailing_spaces_in_modifiers.boris"

# BORIS's test ethogram: p and q are point events, s, r and m state events; subject1 and
# subject2 are its subjects.
CODEBOOK = """\
name: BORIS test ethogram
version: "1"
categories:
  - id: events
    label: Events
    codes:
      - {id: p, label: Point event, kind: point}
      - {id: q, label: Point with modifiers, kind: point}
      - {id: s, label: State event}
      - {id: r, label: State with modifiers}
      - {id: m, label: State with two modifier sets}
  - id: subject1
    label: Subject one
    codes:
      - {id: s1_s, label: s}
  - id: subject2
    label: Subject two
    codes:
      - {id: s2_s, label: s}
"""


def study(tmp_path: Path, *sessions: tuple[str, int]) -> Study:
    st = Study.create(str(tmp_path / "s.annot"), CODEBOOK, "boris.yaml")
    for case, number in sessions or (("C01", 1),):
        st.add_session(case, number, duration_ms=600_000)
    return st


def got(st: Study) -> list[tuple[str, int, str, str, int, int, dict[str, str]]]:
    return sorted((s.case, s.session, s.segment.coder, s.segment.code, s.segment.start_ms,
                   s.segment.end_ms, s.segment.modifiers) for s in iter_segments(st))


def dump(st: Study) -> dict[str, list[str]]:
    with st.read() as conn:
        return {t.name: sorted(map(repr, conn.execute(select(t)).all()))
                for t in Base.metadata.sorted_tables}


TABULAR_SEGMENTS = [
    ("C01", 1, "subject1", "s", 3300, 7750, {}),
    ("C01", 1, "subject1", "s", 9900, 16200, {}),
    ("C01", 1, "subject1", "s", 18350, 24475, {}),
    ("C01", 1, "subject2", "s", 38425, 46100, {}),
]


def test_subjects_are_never_merged_silently(tmp_path: Path) -> None:
    st = study(tmp_path)
    before = dump(st)
    with pytest.raises(ImportOptionsError) as info:
        import_boris(st, TABULAR, case="C01", session=1, coder="ZZ")
    message = str(info.value)
    assert "'subject1' (6 event(s)), 'subject2' (2 event(s))" in message
    assert "--subject-as coder" in message and "category" in message and "ignore" in message
    assert dump(st) == before
    result = import_boris(st, TABULAR, case="C01", session=1, subject_as="coder")
    assert got(st) == TABULAR_SEGMENTS
    assert sorted(result.new_coders) == ["subject1", "subject2"]
    assert result.summary[0] == ("tabular events: observation 'observation #1' -> C01:1: "
                                 "4 segment(s) (subject1: 3, subject2: 1)")
    st.close()


def test_subject_as_category_and_ignore(tmp_path: Path) -> None:
    st = study(tmp_path, ("C01", 1), ("C01", 2))
    import_boris(st, TABULAR, case="C01", session=1, coder="AK", subject_as="category")
    assert [(c, code) for _, _, c, code, *_ in got(st)] == [
        ("AK", "s1_s"), ("AK", "s1_s"), ("AK", "s1_s"), ("AK", "s2_s")]
    import_boris(st, TABULAR, case="C01", session=2, coder="AK", subject_as="ignore")
    assert [code for _, n, _, code, *_ in got(st) if n == 2] == ["s"] * 4
    st.close()


def test_xlsx_tabular_events_read_like_the_tsv(tmp_path: Path) -> None:
    st = study(tmp_path)
    import_boris(st, DATA / "test_export_events_tabular.xlsx", case="C01", session=1,
                 subject_as="coder")
    assert got(st) == TABULAR_SEGMENTS
    st.close()


def test_time_offset_is_subtracted(tmp_path: Path) -> None:
    shifted = tmp_path / "offset.tsv"
    shifted.write_text(TABULAR.read_text(encoding="utf-8").replace(
        "Time offset (s)\t0.0", "Time offset (s)\t2.5"), encoding="utf-8")
    st = study(tmp_path)
    result = import_boris(st, shifted, case="C01", session=1, subject_as="coder")
    assert got(st) == [(c, n, who, code, s - 2500, e - 2500, m)
                       for c, n, who, code, s, e, m in TABULAR_SEGMENTS]
    assert "time offset 2.5 s subtracted" in result.summary[0]
    late = tmp_path / "late.tsv"
    late.write_text(TABULAR.read_text(encoding="utf-8").replace(
        "Time offset (s)\t0.0", "Time offset (s)\t5"), encoding="utf-8")
    with pytest.raises(RowsRejected) as info:
        import_boris(st, late, case="C01", session=1, subject_as="coder")
    assert "before the start of the recording" in str(info.value)
    # the START at 3.3 s lands at -1.7 s, and so its STOP (at 2.75 s) has no START
    assert [p.line for p in info.value.problems] == [20, 21]
    st.close()


def test_aggregated_events(tmp_path: Path) -> None:
    st = study(tmp_path, ("C02", 2))
    path = DATA / "test_export_aggregated_events_test_full_1.tsv"
    with pytest.raises(ImportOptionsError, match="--map OBS=CASE:SESSION"):
        import_boris(st, path, coder="AK", subject_as="ignore")
    result = import_boris(st, path, coder="AK", subject_as="coder",
                          obs_pattern=r"observation #(?P<session>\d+)(?P<case>)",
                          maps=["observation #2=C02:2"])
    rows = got(st)
    assert len(rows) == result.segments == 18
    assert ("C02", 2, "AK", "s", 1800, 8125, {}) in rows  # No focal subject: --coder's
    assert ("C02", 2, "AK", "p", 32825, 32825, {}) in rows
    assert {who for _, _, who, *_ in rows} == {"AK", "subject1", "subject2"}
    st.close()


def test_project_with_modifiers_and_offset(tmp_path: Path) -> None:
    project = tmp_path / "mods.boris"
    data = json.loads(MODIFIERS.read_text(encoding="utf-8"))
    data["observations"]["test1 live"]["time offset"] = 1.0
    project.write_text(json.dumps(data), encoding="utf-8")
    st = study(tmp_path, ("C01", 1))
    result = import_boris(st, project, coder="AK", maps=["test1 live=C01:1"])
    assert got(st) == [
        ("C01", 1, "AK", "p", 3151, 3151, {"test 1": "a", "test 2": "c"}),
        ("C01", 1, "AK", "p", 11663, 11663, {"test 1": "a"}),
        ("C01", 1, "AK", "p", 19135, 19135, {"test 2": "111"}),
        ("C01", 1, "AK", "p", 25007, 25007, {"test 2": "c"}),
    ]
    assert result.summary[0].startswith("project: observation 'test1 live' -> C01:1: 4 segment")
    assert "4 segment(s) with modifiers" in result.summary
    buf = io.StringIO()
    export_text(st, "csv", buf, ExportOptions())
    frame = pd.read_csv(io.StringIO(buf.getvalue()), dtype=str, keep_default_na=False)
    assert [json.loads(m) for m in frame["modifiers"]] == [
        {"test 1": "a", "test 2": "c"}, {"test 1": "a"}, {"test 2": "111"}, {"test 2": "c"}]
    st.close()
    short = Study.create(str(tmp_path / "short.annot"), CODEBOOK, "boris.yaml")
    short.add_session("C01", 1, duration_ms=20_000)
    with pytest.raises(RowsRejected) as info:
        import_boris(short, project, coder="AK", maps=["test1 live=C01:1"])
    assert [str(p).split(":")[0] for p in info.value.problems] == [
        "observation 'test1 live', event 4, column end_s"]
    assert "beyond the session's duration" in str(info.value)
    short.close()


def test_project_is_all_or_nothing_and_names_observation_and_event(tmp_path: Path) -> None:
    st = study(tmp_path, *((f"C{i:02d}", 1) for i in range(1, 13)))
    before = dump(st)
    names = json.loads(PROJECT.read_text(encoding="utf-8"))["observations"]
    maps = [f"{obs}=C{i:02d}:1" for i, obs in enumerate(names, start=1)]
    with pytest.raises(RowsRejected) as info:
        import_boris(st, PROJECT, coder="AK", subject_as="coder", maps=maps)
    text = str(info.value)
    assert "observation 'live not paired', event" in text and "has no STOP" in text
    assert "nothing was imported" in text
    assert dump(st) == before
    keep = [m if not m.startswith("live not paired=") else "live not paired=-" for m in maps]
    result = import_boris(st, PROJECT, coder="AK", subject_as="coder", maps=keep)
    assert result.segments > 0
    assert "observation 'live not paired' left out (--map live not paired=-)" in result.summary
    assert "observation 'observation without events' has no events; nothing to import" \
        in result.summary
    modifiers = {tuple(sorted(s.segment.modifiers.items())) for s in iter_segments(st)
                 if s.segment.code in ("q", "r")}
    assert (("modif #1", "m1"),) in modifiers
    st.close()


def test_cli_project_and_guessing(tmp_path: Path) -> None:
    study(tmp_path).close()
    lab = str(tmp_path / "s.annot")
    target = tmp_path / "project.boris"
    shutil.copy(MODIFIERS, target)
    proc = run_cli("import", lab, str(target), "--coder", "AK")
    assert proc.returncode == 2 and "'test1 live'" in proc.stderr and "--map" in proc.stderr
    proc = run_cli("import", lab, str(target), "--coder", "AK", "--map", "test1 live=C01:1")
    assert proc.returncode == 0, proc.stderr
    assert "Imported 4 segment(s)" in proc.stdout and "project: observation 'test1 live'" \
        in proc.stdout
    bad = run_cli("import", lab, str(TABULAR), "--case", "C01", "--session", "1")
    assert bad.returncode == 2 and "--subject-as" in bad.stderr and "Traceback" not in bad.stderr
    proc = run_cli("import", lab, str(DATA / "test_export_events_tabular.xlsx"), "--case",
                   "C01", "--session", "1", "--coder", "AK", "--subject-as", "ignore")
    assert proc.returncode == 0, proc.stderr


# BORIS 8's tabular events layout (export_observation.py's header), one row per event with the
# observation's details, its time offset and one column per modifier set; written by hand.
NEW_HEADER = ("Observation id\tObservation date\tDescription\tObservation duration\t"
              "Observation type\tSource\tTime offset (s)\tMedia duration (s)\tFPS\tSubject\t"
              "Behavior\tBehavioral category\tModifier #1\tModifier #2\tBehavior type\tTime\t"
              "Media file name\tImage index\tImage file path\tComment")


def new_row(obs: str, offset: str, subject: str, behavior: str, m1: str, m2: str,
            status: str, time: str, comment: str = "") -> str:
    return "\t".join([obs, "2024-03-01 10:00:00", "", "600.0", "Media file(s)",
                      "player #1:C01_1.mp4", offset, "600.000", "25.000", subject, behavior,
                      "", m1, m2, status, time, "C01_1.mp4", "NA", "NA", comment])


def test_boris8_tabular_layout_with_modifier_columns(tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    path.write_text("\n".join([
        NEW_HEADER,
        new_row("C01_s1", "10.0", "", "r", "m1", "", "START", "12.000", "begins"),
        new_row("C01_s1", "10.0", "", "r", "m2", "", "START", "13.000"),
        new_row("C01_s1", "10.0", "", "r", "m1", "", "STOP", "15.500", "ends"),
        new_row("C01_s1", "10.0", "", "r", "m2", "", "STOP", "16.000"),
        new_row("C01_s1", "10.0", "", "q", "m3", "None", "POINT", "14.000"),
        new_row("C02_s2", "0", "", "p", "", "", "POINT", "1.000"),
    ]) + "\n", encoding="utf-8")
    st = study(tmp_path, ("C01", 1), ("C02", 2))
    result = import_boris(st, path, coder="AK",
                          obs_pattern=r"(?P<case>C\d+)_s(?P<session>\d+)")
    assert got(st) == [
        ("C01", 1, "AK", "q", 4000, 4000, {"modifier_1": "m3"}),
        ("C01", 1, "AK", "r", 2000, 5500, {"modifier_1": "m1"}),
        ("C01", 1, "AK", "r", 3000, 6000, {"modifier_1": "m2"}),
        ("C02", 2, "AK", "p", 1000, 1000, {}),
    ]
    notes = sorted(s.segment.note for s in iter_segments(st))
    assert "begins / ends" in notes
    assert result.summary[0].endswith("time offset 10 s subtracted")
    spaced = tmp_path / "spaced.tsv"
    spaced.write_text("\n".join([NEW_HEADER, new_row("C02_s2", "0", "Mother A", "p", "", "",
                                                     "POINT", "2.000")]) + "\n",
                      encoding="utf-8")
    with pytest.raises(ImportOptionsError, match="'Mother A'"):
        import_boris(st, spaced, subject_as="coder", maps=["C02_s2=C02:2"])
    st.close()
