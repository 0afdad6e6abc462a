"""The light read path (annotator.store.lite, stdlib sqlite3) answers as Study does.

``session list``, ``check`` and ``export`` (CSV) read a current study file through
:class:`LiteStudy` so that they start without SQLAlchemy (issue 13 point 6). Here both read
the same studies and must give the same values; the commands then print the same thing
on a study file as on PostgreSQL (which always goes through Study).
"""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from annotator.exchange import exporters
from annotator.store import MediaLink, StudyCorruptError, StudyError
from annotator.store.integrity import audit
from annotator.store.lite import LiteStudy, open_lite
from annotator.store.reader import StudyReader
from annotator.store.study import Study
from tests.conftest import run_cli
from tests.studyutil import EXCLUSIVE_CODEBOOK, make_study

V2 = EXCLUSIVE_CODEBOOK.replace('version: "1.0"', 'version: "2.0"').replace(
    "label: {en: Praise}", "label: {en: Praise (v2)}")


def _fill(study: Study) -> None:
    """Cases, sessions of every kind of duration, three purposes, two codebook versions,
    deleted segments, notes, modifiers and an open recording."""
    media = MediaLink(path="video/c01-1.mp4", sha256="ab" * 32, size=12_345_678_901,
                      duration_ms=600_000, fps=25.0, frame_count=15_000, width=1280,
                      height=720, codec="h264")
    s1 = study.add_session("C01", 1, media=media, date="2026-01-31")
    s2 = study.add_session("C01", 2, duration_ms=300_000)
    s3 = study.add_session("C02", 1, duration_ms=1)  # explicit 1 ms: segments would be longer
    study.add_case("C03")
    with study.write() as conn:  # a session with neither media nor a duration
        conn.execute(text("UPDATE sessions SET explicit_duration_ms = NULL WHERE id = :i"),
                     {"i": s3.id})
    a1 = study.assign(s1.id, "AK")
    b1 = study.assign(s1.id, "BL")
    r1 = study.assign(s1.id, "BL", "reliability")
    a2 = study.assign(s2.id, "AK")
    c3 = study.assign(s3.id, "CC")
    study.add_segment(a1.id, "therapist", 0, 5_000, note="=SUM(A1)")
    study.add_segment(a1.id, "praise", 1_000, 2_000, modifiers={"speaker": "mother", "n": 2})
    study.add_segment(a1.id, "question", 3_000, 3_000)
    gone = study.add_segment(a1.id, "child", 6_000, 9_000)
    study.delete_segment(gone.id)
    study.add_segment(b1.id, "therapist", 500, 5_000, note="line\nbreak, comma")
    study.add_segment(r1.id, "child", 7_000, 8_000)
    study.add_segment(c3.id, "praise", 10_000, 42_000)
    study.delete_segment(study.add_segment(c3.id, "therapist", 30_000, 50_000).id)
    study.start_recording(a2.id, "therapist", 4_000)
    study.set_codebook(V2, "v2.yaml")
    d2 = study.assign(s2.id, "DD")
    study.add_segment(d2.id, "praise", 0, 1_000)
    study.add_coder("EE", "Eve Example")


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "filled.annot"
    study = make_study(str(path))
    try:
        _fill(study)
    finally:
        study.close()
    return path


def _answers(study: StudyReader) -> dict[str, object]:
    return {
        "where": study.where, "path": study.path, "is_sqlite": study.is_sqlite,
        "cases": study.cases(), "sessions": study.sessions(),
        "sessions C01": study.sessions("C01"), "sessions C03": study.sessions("C03"),
        "coders": study.coders(), "has AK": study.has_coder("AK"),
        "has ZZ": study.has_coder("ZZ"),
        "assignments": study.assignments(),
        "assignments s1": study.assignments(session_id=study.sessions()[0].id),
        "assignments BL": study.assignments(coder="BL"),
        "assignments BL reliability": study.assignments(coder="BL", purpose="reliability"),
        "current codebook": study.current_codebook_id,
        "codebook": study.codebook,
        "codebooks": exporters.codebooks_of(study),
        "open recordings": study.open_recordings(),
        "rows": study.segment_rows(), "rows AK": study.segment_rows(coder="AK"),
        "rows C01": study.segment_rows(case="C01"),
        "rows BL C01": study.segment_rows(coder="BL", case="C01"),
        "rows ZZ": study.segment_rows(coder="ZZ"),
        "audit": audit(study),
    }


def _csv(study: StudyReader, **opts: object) -> str:
    out = io.StringIO()
    exporters.export_csv(study, out, exporters.ExportOptions(**opts))  # type: ignore[arg-type]
    return out.getvalue()


def test_lite_and_study_answer_the_same(filled: Path) -> None:
    full = Study.open(filled)
    try:
        expected = _answers(full)
        csvs = [_csv(full), _csv(full, coder="AK", raw=True), _csv(full, case="C02")]
    finally:
        full.close()
    lite = open_lite(filled)
    assert isinstance(lite, LiteStudy)
    with lite:
        got = _answers(lite)
        assert [_csv(lite), _csv(lite, coder="AK", raw=True), _csv(lite, case="C02")] == csvs
    assert got == expected
    # the study has what the comparison is meant to cover
    assert {s.duration_ms for s in got["sessions"]} == {600_000, 300_000, 42_000}  # type: ignore[attr-defined]
    assert len(got["open recordings"]) == 1  # type: ignore[arg-type]
    assert len(got["codebooks"]) == 2  # type: ignore[arg-type]
    assert len(got["rows"]) == 7  # type: ignore[arg-type]


def _computed(study: StudyReader, tmp: Path) -> dict[str, object]:
    """What reliability, summary and archive make of a study (their reads go through the
    reader: one numpy statement, the analysis query, the SQLite copy)."""
    import zipfile

    from annotator.core.reliability import compute_reliability
    from annotator.exchange import reliability_report
    from annotator.exchange.analysis.reader import CONSENSUS_FIRST, Selection
    from annotator.exchange.analysis.run import analyse
    from annotator.exchange.analysis.tables_out import csv_text
    from annotator.exchange.archive import write_archive
    from annotator.exchange.reliability_data import read_codings, select_codings
    from annotator.store.segment_arrays import read_segment_arrays

    out: dict[str, object] = {}
    aids = [a.id for a in study.assignments()]
    arrays = read_segment_arrays(study, aids, ["therapist", "praise"])  # others by name
    out["arrays"] = (arrays.codes, arrays.assignment.tolist(), arrays.code.tolist(),
                     arrays.start.tolist(), arrays.end.tolist(), arrays.bounds)
    sel = select_codings(study, ["AK", "BL"])
    codebook, sessions = read_codings(study, sel)
    report = compute_reliability(codebook, sessions, sel.labels, bootstrap=20,
                                 excluded=sel.excluded)
    out["reliability"] = reliability_report.to_json(report)
    for coding in ("primary", CONSENSUS_FIRST, "BL"):
        res, meta = analyse(study, "filled.annot", Selection(coding=coding))
        out[f"summary {coding}"] = ({k: csv_text(t) for k, t in res.tables.items()},
                                    meta.notes)
    zip_path = tmp / f"{type(study).__name__}.zip"
    manifest = write_archive(study, zip_path)
    manifest.pop("archived_at")
    with zipfile.ZipFile(zip_path) as zf:
        out["archive"] = (manifest, sorted(zf.namelist()))
    return out


def test_reliability_summary_and_archive_read_the_same_through_lite(
    tmp_path: Path, filled: Path,
) -> None:
    with Study.open(filled) as full:
        expected = _computed(full, tmp_path)
    lite = open_lite(filled)
    assert isinstance(lite, LiteStudy)
    with lite:
        got = _computed(lite, tmp_path)
    assert got == expected
    # the study has what the comparison is meant to cover
    arrays = got["arrays"]
    assert "child" in arrays[0] and len(arrays[1]) == 7  # type: ignore[index]
    assert '"kappa"' in str(got["reliability"])
    assert "praise" in str(got["summary BL"])
    assert got["archive"][0]["counts"]["segments"] == 8  # type: ignore[index]  # + recording


def test_xlsx_and_sav_exports_are_the_same_through_lite(tmp_path: Path, filled: Path) -> None:
    """The CLI writes XLSX and SAV from the light reader: every cell and every variable
    (values, labels) as from Study, with and without filters."""
    import pyreadstat
    from openpyxl import load_workbook

    def cells(path: Path) -> list[list[list[object]]]:
        wb = load_workbook(path, read_only=True)
        return [[list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets]

    for opts in (exporters.ExportOptions(), exporters.ExportOptions(coder="BL", lang="en"),
                 exporters.ExportOptions(case="C01", raw=True)):
        got: dict[str, list[object]] = {}
        for name, opener in (("study", Study.open), ("lite", open_lite)):
            reader = opener(filled)
            assert reader is not None
            with reader:
                for fmt in ("xlsx", "sav"):
                    out = tmp_path / f"{name}-{opts.coder}-{opts.case}.{fmt}"
                    n = exporters.export_reader_file(reader, fmt, out, opts)
                    if fmt == "xlsx":
                        got.setdefault(fmt, []).append((n, cells(out)))
                    else:
                        frame, meta = pyreadstat.read_sav(str(out))
                        got.setdefault(fmt, []).append(
                            (n, frame.astype(object).where(frame.notna(), None).to_dict("list"),
                             meta.column_names_to_labels,
                             meta.variable_value_labels))
        for fmt, (via_study, via_lite) in got.items():
            assert via_lite == via_study, (fmt, opts)
            assert via_lite[0] > 0


def test_lite_finds_the_same_damage_as_study(filled: Path) -> None:
    conn = sqlite3.connect(filled)
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON segments BEGIN DELETE FROM edit_log; END")
    conn.execute("UPDATE codebook_versions SET yaml_text = yaml_text || ' ' WHERE id = 1")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE assignments SET coder_id = 'nobody' WHERE coder_id = 'DD'")
    conn.execute("UPDATE assignments SET session_id = 999 WHERE coder_id = 'CC'")
    conn.commit()
    conn.close()
    with Study.open(filled) as full:
        expected = audit(full)
    lite = open_lite(filled)
    assert lite is not None
    with lite:
        assert audit(lite) == expected
    assert len(expected) == 4  # two foreign keys, the trigger, the codebook hash


def test_lite_refuses_what_study_refuses(tmp_path: Path, filled: Path) -> None:
    with pytest.raises(StudyError, match="no study at"):
        open_lite(tmp_path / "missing.annot")
    (tmp_path / "text.annot").write_text("hello", encoding="utf-8")
    with pytest.raises(StudyError, match="not an SQLite database"):
        open_lite(tmp_path / "text.annot")
    conn = sqlite3.connect(filled)
    conn.execute("INSERT INTO study_info (id, magic, name, created_at, app_version) "
                 "SELECT 2, magic, name, created_at, app_version FROM study_info")
    conn.commit()
    conn.close()
    with pytest.raises(StudyCorruptError, match="2 rows in study_info"):
        open_lite(filled)
    with pytest.raises(StudyCorruptError, match="2 rows in study_info"):
        Study.open(filled)


def test_lite_leaves_an_old_study_and_a_server_to_study(filled: Path) -> None:
    assert open_lite("postgresql+psycopg://user@localhost/db") is None
    conn = sqlite3.connect(filled)
    conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.commit()
    conn.close()
    assert open_lite(filled) is None  # Study.open migrates it


def test_lite_never_writes(filled: Path) -> None:
    before = filled.read_bytes()
    lite = open_lite(filled)
    assert lite is not None
    with lite, lite.read() as conn, pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.exec_driver_sql("DELETE FROM segments")
    assert filled.read_bytes() == before


def test_commands_print_the_same_on_a_file_and_on_postgresql(
    tmp_path: Path, filled: Path, pg_url: str
) -> None:
    pg = make_study(pg_url)
    try:
        _fill(pg)
    finally:
        pg.close()
    for args in (["session", "list", "{}"], ["export", "{}", "-o", "-"],
                 ["export", "{}", "-o", "-", "--coder", "BL", "--case", "C01", "--raw"],
                 ["reliability", "{}", "--coders", "AK", "BL", "--format", "json",
                  "--bootstrap", "20"],
                 ["summary", "{}", "-o", "-", "--what", "budget"]):
        on_file = run_cli(*[a.format(filled) for a in args], check=True)
        on_pg = run_cli(*[a.format(pg_url) for a in args], check=True)
        assert on_file.stdout == on_pg.stdout, args
    on_file = run_cli("check", str(filled))
    on_pg = run_cli("check", pg_url)
    assert on_file.returncode == on_pg.returncode == 1  # the open recording... and media
    assert on_file.stdout.split("\n", 1)[1] == on_pg.stdout.split("\n", 1)[1]
