"""Exports are safe to open in a spreadsheet (issue 10 point 4): formula-like text cells are
neutralised (CSV, XLSX, sliced) unless --raw, XLSX never holds a formula, bare CRs are quoted,
--excel writes a BOM, SAV keeps notes and labels in the chosen language; our own neutralised
CSV imports back to the original notes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from annotator.core.timeline_rows import RowsRejected
from annotator.exchange.cells import CsvWriter, neutralise, restore
from annotator.exchange.exporters import EXPORT_PRESETS, ExportOptions, export_file, export_text
from annotator.exchange.timeline_csv import read_timeline
from annotator.store import Study
from annotator.store.queries import iter_segments
from annotator.store.timeline_import import import_timeline
from tests.conftest import run_cli
from tests.studyutil import make_study

BILINGUAL = """\
name: Two languages
version: "2"
language: [en, nb]
categories:
  - id: talk
    label: {en: Who talks, nb: Hvem snakker}
    exclusive: true
    codes:
      - {id: therapist, label: {en: Therapist, nb: Terapeut}, key: "1", color: "#4e79a7"}
      - {id: child, label: {en: Child, nb: Barn}, key: "2", color: "#f28e2b"}
"""

NASTY = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\tleading tab",
    "\rleading CR",
    "middle\rbare CR",
    "'=already quoted by the coder",
    "plain, \"quoted\" æøå",
    "-",
    "",
]


def build(target: str, codebook: str = BILINGUAL) -> Study:
    study = make_study(target, codebook)
    s = study.add_session("C01", 1, duration_ms=600_000)
    a = study.assign(s.id, "AK")
    for i, note in enumerate(NASTY):
        study.add_segment(a.id, "therapist" if i % 2 else "child", i * 1000, i * 1000 + 500,
                          note=note)
    return study


def csv_text(study: Study, **kw: object) -> str:
    buf = io.StringIO()
    export_text(study, "csv", buf, ExportOptions(**kw))  # type: ignore[arg-type]
    return buf.getvalue()


@given(st.text(alphabet=st.sampled_from(list("'=+-@\t\rab ")), max_size=8))
def test_restore_undoes_neutralise(text: str) -> None:
    safe = neutralise(text)
    assert restore(safe) == text
    body = safe.lstrip("'")
    assert not body or body[0] not in "=+-@\t\r" or safe.startswith("'")


def test_csv_cells_are_neutralised_and_bare_crs_quoted(tmp_path: Path) -> None:
    study = build(str(tmp_path / "s.annot"))
    text = csv_text(study)
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert len(frame) == len(NASTY)  # a bare CR does not split a record
    notes = list(frame["note"])
    assert notes[0] == "'" + NASTY[0] and notes[1] == "'+1+2" and notes[2] == "'-2+3"
    assert notes[3] == "'@SUM(A1:A2)" and notes[4] == "'\tleading tab"
    assert notes[5] == "'\rleading CR" and notes[6] == "middle\rbare CR"
    assert notes[7] == "''=already quoted by the coder" and notes[8] == NASTY[8]
    assert notes[9] == "'-" and notes[10] == ""
    assert '"middle\rbare CR"' in text
    for cell in frame.drop(columns=["note"]).to_numpy().ravel():
        assert not cell or cell[0] not in "=+@\t\r"
    raw = pd.read_csv(io.StringIO(csv_text(study, raw=True)), dtype=str,
                      keep_default_na=False)
    assert list(raw["note"]) == NASTY
    assert not text.startswith("\ufeff")
    study.close()


def test_neutralised_csv_imports_back_to_the_original_notes(tmp_path: Path) -> None:
    study = build(str(tmp_path / "a.annot"))
    path = tmp_path / "t.csv"
    export_file(study, "csv", path, ExportOptions(excel=True))
    study.close()
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    second = make_study(str(tmp_path / "b.annot"), BILINGUAL)
    rows = read_timeline(path)
    assert [r.note for r in rows] == NASTY
    import_timeline(second, rows, source=path.name, create_sessions=True)
    stored = sorted(iter_segments(second), key=lambda st: st.segment.start_ms)
    assert [st.segment.note for st in stored] == NASTY
    again = tmp_path / "again.csv"
    export_file(second, "csv", again, ExportOptions(excel=True))
    assert again.read_bytes() == path.read_bytes()
    second.close()


def test_xlsx_never_writes_a_formula(tmp_path: Path) -> None:
    study = build(str(tmp_path / "s.annot"))
    for raw in (False, True):
        out = tmp_path / f"t{raw}.xlsx"
        export_file(study, "xlsx", out, ExportOptions(raw=raw))
        with zipfile.ZipFile(out) as zf:
            sheets = [zf.read(n) for n in zf.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in x or b"<f " in x for x in sheets)
        ws = load_workbook(out)["AK"]
        header = [c.value for c in ws[1]]
        notes = [row[header.index("note")] for row in ws.iter_rows(min_row=2)]
        assert all(c.data_type in ("s", "n") for c in notes)
        values = [c.value or "" for c in notes]
        if raw:
            assert values == NASTY
        else:
            assert values[0] == "'" + NASTY[0] and values[2] == "'-2+3"
            assert values[8] == NASTY[8]
        start = [row[header.index("start_s")] for row in ws.iter_rows(min_row=2)]
        assert start[1].value == 1 and start[1].data_type == "n"  # numbers stay numbers
    study.close()


def test_sliced_neutralises_ids_and_writes_a_bom(tmp_path: Path) -> None:
    study = make_study(str(tmp_path / "s.annot"), BILINGUAL)
    s = study.add_session("=C01", 1, duration_ms=3000)
    study.add_segment(study.assign(s.id, "@AK").id, "child", 0, 1000)
    buf = io.StringIO()
    export_text(study, "sliced", buf, ExportOptions(excel=True))
    text = buf.getvalue()
    assert text.startswith("\ufeff")
    assert text.splitlines()[1].startswith("'=C01,1,'@AK,0.000,")
    buf = io.StringIO()
    export_text(study, "sliced", buf, ExportOptions(raw=True))
    assert buf.getvalue().splitlines()[1].startswith("=C01,1,@AK,")
    study.close()


def test_sav_keeps_notes_and_labels_in_the_chosen_language(tmp_path: Path) -> None:
    study = build(str(tmp_path / "s.annot"))
    for lang, therapist in (("en", "Therapist"), ("nb", "Terapeut")):
        out = tmp_path / f"t_{lang}.sav"
        export_file(study, "sav", out, ExportOptions(lang=lang))
        frame, meta = pyreadstat.read_sav(str(out))
        assert list(frame["note"]) == NASTY
        labels = meta.variable_value_labels["code"]
        assert therapist in labels.values()
        assert meta.variable_value_labels["category"][1.0] == (
            "Who talks" if lang == "en" else "Hvem snakker")
    long_notes = ["æ" * 300, "x" * 40_000]  # past SPSS's 255-byte short strings
    a = study.assign(study.session("C01", 1).id, "BL")
    for i, note in enumerate(long_notes):
        study.add_segment(a.id, "child", i * 1000, i * 1000 + 10, note=note)
    out = tmp_path / "long.sav"
    export_file(study, "sav", out, ExportOptions(coder="BL"))
    frame, _ = pyreadstat.read_sav(str(out))
    assert list(frame["note"]) == long_notes
    study.close()


def test_cli_options(tmp_path: Path) -> None:
    build(str(tmp_path / "s.annot")).close()
    out = tmp_path / "x.csv"
    run_cli("export", str(tmp_path / "s.annot"), "-o", str(out), "--excel", "--lang", "nb",
            check=True)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"Terapeut" in data and b"'=HYPERLINK" in data
    run_cli("export", str(tmp_path / "s.annot"), "-o", str(out), "--raw", check=True)
    data = out.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b",=HYPERLINK" in data.replace(b'"', b"")
    bad = run_cli("export", str(tmp_path / "s.annot"), "-o", str(out), "--lang", "de")
    assert bad.returncode == 2 and "en, nb" in bad.stderr and "Traceback" not in bad.stderr


def test_gui_choices_offer_csv_for_excel() -> None:
    excel = [c for c in EXPORT_PRESETS if c.excel and c.fmt == "csv"]
    assert len(excel) == 1 and "Excel" in excel[0].label
    opts = excel[0].options(ExportOptions(coder="AK"))
    assert opts.excel and opts.coder == "AK"


@pytest.mark.parametrize("value", ["a\rb", "a\nb", 'a"b', "a,b", "\r", "a\r\nb"])
def test_csv_writer_keeps_one_record_per_row(value: str) -> None:
    buf = io.StringIO()
    writer = CsvWriter(buf)
    writer.row(["h1", "h2"])
    writer.row([value, "x"])
    writer.row(["y", "z"])
    frame = pd.read_csv(io.StringIO(buf.getvalue()), dtype=str, keep_default_na=False)
    assert frame.values.tolist() == [[value, "x"], ["y", "z"]]


def test_modifiers_round_trip_through_the_csv(tmp_path: Path) -> None:
    study = make_study(str(tmp_path / "a.annot"), BILINGUAL)
    s = study.add_session("C01", 1, duration_ms=60_000)
    a = study.assign(s.id, "AK")
    study.add_segment(a.id, "child", 0, 1000, modifiers={"speaker": "=mother", "n": 2})
    study.add_segment(a.id, "therapist", 2000, 3000)
    path = tmp_path / "t.csv"
    export_file(study, "csv", path, ExportOptions())
    study.close()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(frame["modifiers"]) == ['{"n":2,"speaker":"=mother"}', ""]
    rows = read_timeline(path)
    assert [r.modifiers for r in rows] == [{"n": 2, "speaker": "=mother"}, {}]
    second = make_study(str(tmp_path / "b.annot"), BILINGUAL)
    import_timeline(second, rows, source=path.name, create_sessions=True)
    again = tmp_path / "again.csv"
    export_file(second, "csv", again, ExportOptions())
    assert again.read_bytes() == path.read_bytes()
    second.close()
    bad = tmp_path / "bad.csv"
    bad.write_text("case,session,coder,category,code,start_s,end_s,modifiers\n"
                   "C01,1,AK,talk,child,0,1,{oops\nC01,1,AK,talk,child,2,3,[1]\n",
                   encoding="utf-8")
    with pytest.raises(RowsRejected) as info:
        read_timeline(bad)
    assert [(p.line, p.column) for p in info.value.problems] == [(2, "modifiers"),
                                                                 (3, "modifiers")]
