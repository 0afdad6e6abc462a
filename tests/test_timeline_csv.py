"""Timeline CSV: export → import → export is identical; bad files change nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.timeline_rows import RowsRejected
from annotator.exchange.exporters import ExportOptions, export_text
from annotator.exchange.timeline_csv import parse_timeline, read_timeline
from annotator.store import Study
from annotator.store.timeline_import import import_timeline
from tests.conftest import run_cli
from tests.studyutil import make_study

HEADER = "case,session,coder,category,code,start_s,end_s,note\n"


def export_csv(study: Study) -> str:
    buf = io.StringIO()
    export_text(study, "csv", buf, ExportOptions())
    return buf.getvalue()


notes = st.text(
    alphabet=st.sampled_from(list('ab ,;"\'\n\ræøåÆØÅ€😀\t\\=+-@')), max_size=12
)


@st.composite
def segment_sets(draw: st.DrawFn) -> list[tuple[str, int, str, str, int, int, str]]:
    """Random non-overlapping-where-required segments across 2 sessions and 2 coders."""
    out = []
    for case, number in (("C01", 1), ("C02", 1)):
        for coder in ("AB", "CD"):
            # exclusive category: a chain of disjoint segments
            t = draw(st.integers(0, 5000))
            for _ in range(draw(st.integers(0, 4))):
                length = draw(st.integers(1, 20_000))
                code = draw(st.sampled_from(["therapist", "child"]))
                if t + length > 600_000:
                    break
                out.append((case, number, coder, code, t, t + length, draw(notes)))
                t += length + draw(st.integers(0, 3000))
            for _ in range(draw(st.integers(0, 5))):
                s = draw(st.integers(0, 590_000))
                e = s + draw(st.integers(1, 9_999))
                out.append((case, number, coder, "praise", s, e, draw(notes)))
            for _ in range(draw(st.integers(0, 3))):
                s = draw(st.integers(0, 600_000))
                out.append((case, number, coder, "question", s, s, draw(notes)))
    return out


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(segment_sets())
def test_round_trip_is_exact(tmp_path_factory: pytest.TempPathFactory,
                             segs: list[tuple[str, int, str, str, int, int, str]]) -> None:
    folder = tmp_path_factory.mktemp("rt")
    first = make_study(str(folder / "a.annot"))
    for case in ("C01", "C02"):
        first.add_session(case, 1, duration_ms=600_000)
    for case, number, coder, code, s, e, note in segs:
        sess = first.session(case, number)
        a = first.find_assignment(sess.id, coder) or first.assign(sess.id, coder)
        first.add_segment(a.id, code, s, e, note=note)
    exported = export_csv(first)
    first.close()

    csv_path = folder / "timeline.csv"
    csv_path.write_text(exported, encoding="utf-8", newline="")
    second = make_study(str(folder / "b.annot"))
    rows = read_timeline(csv_path)
    assert len(rows) == len(segs)
    import_timeline(second, rows, source="timeline.csv", create_sessions=True)
    assert export_csv(second) == exported
    # exact to the millisecond, notes intact
    got = sorted((r.case, r.coder, r.code, r.start_ms, r.end_ms, r.note) for r in rows)
    want = sorted((c, cd, code, s, e, n) for c, _, cd, code, s, e, n in segs)
    assert got == want
    second.close()


def test_export_columns_and_times(tmp_path: Path) -> None:
    study = make_study(str(tmp_path / "s.annot"))
    sess = study.add_session("C01", 1, duration_ms=600_000)
    a = study.assign(sess.id, "AB")
    study.add_segment(a.id, "therapist", 1234, 65_432, note='said "hi", left')
    study.add_segment(a.id, "question", 7000, 7000)
    text = export_csv(study)
    lines = text.splitlines()
    assert lines[0] == ("case,session,coder,category,code,start_s,end_s,note,duration_s,"
                        "start_tc,end_tc,category_label,code_label,codebook_version,purpose,modifiers")
    assert lines[1] == ('C01,1,AB,talk,therapist,1.234,65.432,"said ""hi"", left",64.198,'
                        "00:00:01.234,00:01:05.432,Who talks,Therapist,1.0,primary,")
    assert lines[2].startswith("C01,1,AB,acts,question,7.000,,,0.000,")
    assert str(tmp_path) not in text
    study.close()


def test_import_accepts_timecodes(tmp_path: Path) -> None:
    rows = parse_timeline(HEADER + "C01,1,AB,talk,child,00:01:02.5,00:01:03.250,\n")
    assert (rows[0].start_ms, rows[0].end_ms) == (62_500, 63_250)


BAD_ROWS = [
    ("C01,1,AB,talk,shouting,1,2,", 2, "code", "unknown code 'shouting'"),
    ("C01,1,AB,nosuch,child,1,2,", 2, "category", "unknown category 'nosuch'"),
    ("C01,1,AB,acts,child,1,2,", 2, "category", "belongs to category 'talk'"),
    ("C01,1,AB,talk,child,5,2,", 2, "end_s", "end is before start"),
    ("C01,1,AB,talk,child,1,700,", 2, "end_s", "beyond the session's duration"),
    ("C01,1,AB,talk,child,abc,2,", 2, "start_s", "'abc' is not a time"),
    ("C01,x,AB,talk,child,1,2,", 2, "session", "not a session number"),
    ("C09,1,AB,talk,child,1,2,", 2, "case", "unknown session C09:1"),
    ("C01,4,AB,talk,child,1,2,", 2, "session", "unknown session C01:4"),
]


@pytest.mark.parametrize(("row", "line", "column", "reason"), BAD_ROWS)
def test_each_bad_row_is_reported_and_nothing_imported(
    tmp_path: Path, row: str, line: int, column: str, reason: str
) -> None:
    study_path = tmp_path / "s.annot"
    study = make_study(str(study_path))
    study.add_session("C01", 1, duration_ms=600_000)
    study.close()
    csv_path = tmp_path / "bad.csv"
    good = "C01,1,AB,talk,therapist,10,20,fine\n"
    csv_path.write_text(HEADER + row + "\n" + good, encoding="utf-8")
    proc = run_cli("import", str(study_path), str(csv_path))
    assert proc.returncode == 2
    assert f"line {line}, column {column}: " in proc.stderr
    assert reason in proc.stderr
    assert "nothing was imported" in proc.stderr and "Traceback" not in proc.stderr
    study = Study.open(study_path)
    assert study.coders() == [] and study.assignments() == []
    study.close()


def test_every_bad_row_is_listed_and_overlaps_found(tmp_path: Path) -> None:
    study_path = tmp_path / "s.annot"
    study = make_study(str(study_path))
    study.add_session("C01", 1, duration_ms=600_000)
    study.close()
    csv_path = tmp_path / "bad.csv"
    csv_path.write_text(HEADER
                        + "C01,1,AB,talk,therapist,10,20,\n"
                        + "C01,1,AB,talk,child,15,25,\n"     # overlap in exclusive category
                        + "C01,1,AB,acts,praise,15,25,\n"    # non-exclusive: fine
                        + "C01,1,AB,talk,nope,1,2,\n"
                        + "C01,1,AB,talk,child,9,x,\n", encoding="utf-8")
    with pytest.raises(RowsRejected) as info:
        rows = read_timeline(csv_path)
    problems = [(p.line, p.column) for p in info.value.problems]
    assert problems == [(6, "end_s")]  # parse problems come first, all of them
    csv_path.write_text(csv_path.read_text().replace("9,x", "9,12"), encoding="utf-8")
    rows = read_timeline(csv_path)
    study = Study.open(study_path)
    with pytest.raises(RowsRejected) as info:
        import_timeline(study, rows, source="bad.csv")
    assert [(p.line, p.column) for p in info.value.problems] == [
        (2, "start_s"), (3, "start_s"), (5, "code")]  # 2 overlaps 6 (9–12 s), 3 overlaps 2
    assert study.assignments() == []
    study.close()


@pytest.mark.parametrize("header", [
    "case,session,coder,code,start_s,end_s\n",      # no category
    "who,what,when\n",
    "",
])
def test_wrong_header(tmp_path: Path, header: str) -> None:
    study_path = tmp_path / "s.annot"
    make_study(str(study_path)).close()
    csv_path = tmp_path / "bad.csv"
    csv_path.write_text(header + "C01,1,AB,child,1,2\n" if header else "", encoding="utf-8")
    proc = run_cli("import", str(study_path), str(csv_path))
    assert proc.returncode == 2
    assert "line 1" in proc.stderr and "Traceback" not in proc.stderr


def test_overlap_with_stored_segment(tmp_path: Path) -> None:
    study = make_study(str(tmp_path / "s.annot"))
    sess = study.add_session("C01", 1, duration_ms=600_000)
    a = study.assign(sess.id, "AB")
    study.add_segment(a.id, "therapist", 0, 10_000)
    rows = parse_timeline(HEADER + "C01,1,AB,talk,child,5,12,\n")
    with pytest.raises(RowsRejected, match="overlaps the stored segment 'therapist'"):
        import_timeline(study, rows, source="x.csv")
    assert len(study.segments(a.id)) == 1
    study.close()


