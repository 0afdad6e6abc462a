"""Excel and SPSS exports read back equal the timeline CSV; no paths or media names inside."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pyreadstat
import pytest

from annotator.core.codebook_files import load_codebook
from annotator.exchange.exporters import ExportOptions, export_file, export_text
from annotator.store import Study
from annotator.store.records import MediaLink
from tests.conftest import run_cli
from tests.studyutil import make_study

STRING_COLUMNS = {c: str for c in ("case", "coder", "category", "code", "note", "start_tc",
                                    "end_tc", "category_label", "code_label",
                                    "codebook_version", "purpose")}


def build(target: str, media_dir: Path) -> Study:
    study = make_study(target)
    clip = media_dir / "private-clip-name.mp4"
    clip.write_bytes(b"x")
    stored = str(clip) if study.path is None else clip.name
    s1 = study.add_session("C01", 1, media=MediaLink(stored, "0" * 64, 1, 60_000, 25.0, 1500,
                                                     320, 240, "mp4v"))
    s2 = study.add_session("C02", 3, duration_ms=90_000)
    for s in (s1, s2):
        a = study.assign(s.id, "AK")
        study.add_segment(a.id, "therapist", 0, 12_345, note="først, \"quoted\"")
        study.add_segment(a.id, "question", 4_001, 4_001)
        study.add_segment(a.id, "praise", 999, 59_999)
    b = study.assign(s1.id, "BL", "reliability")
    study.add_segment(b.id, "child", 1, 2)
    return study


def csv_frame(study: Study, opts: ExportOptions) -> pd.DataFrame:
    buf = io.StringIO()
    export_text(study, "csv", buf, opts)
    buf.seek(0)
    return pd.read_csv(buf, dtype=STRING_COLUMNS, keep_default_na=False,
                       na_values={"end_s": [""]})


def test_xlsx_reads_back_equal_to_the_csv(study_target: str, tmp_path: Path) -> None:
    study = build(study_target, tmp_path)
    out = tmp_path / "out.xlsx"
    n = export_file(study, "xlsx", out, ExportOptions())
    assert n == 7
    sheets = pd.read_excel(out, sheet_name=None, dtype=STRING_COLUMNS, keep_default_na=False,
                           na_values={"end_s": [""]})
    assert list(sheets) == ["AK", "BL", "codebook"]
    expected = csv_frame(study, ExportOptions())
    for coder in ("AK", "BL"):
        want = expected[expected["coder"] == coder].reset_index(drop=True)
        pd.testing.assert_frame_equal(sheets[coder], want, check_dtype=False)
    got = sheets["AK"]
    assert got["start_s"].dtype == np.float64 and got["session"].dtype == np.int64
    book = sheets["codebook"]
    assert list(book["code"]) == ["therapist", "child", "praise", "question"]
    assert list(book["kind"]) == ["state", "state", "state", "point"]
    only = tmp_path / "bl.xlsx"
    export_file(study, "xlsx", only, ExportOptions(coder="BL"))
    assert list(pd.read_excel(only, sheet_name=None)) == ["BL", "codebook"]
    with zipfile.ZipFile(out) as zf:
        content = b"".join(zf.read(name) for name in zf.namelist())
    assert str(tmp_path).encode() not in content and b"private-clip-name" not in content
    assert b"quoted" in content  # the grep does see the sheets' text
    study.close()


def test_sav_reads_back_equal_to_the_csv(study_target: str, tmp_path: Path) -> None:
    study = build(study_target, tmp_path)
    out = tmp_path / "out.sav"
    assert export_file(study, "sav", out, ExportOptions(case="C01")) == 4
    frame, meta = pyreadstat.read_sav(str(out))
    expected = csv_frame(study, ExportOptions(case="C01"))
    assert list(frame["case"]) == list(expected["case"])
    assert list(frame["session"]) == list(expected["session"].astype(float))
    assert list(frame["coder"]) == list(expected["coder"])
    assert list(frame["code_id"]) == list(expected["code"])
    assert list(frame["category_id"]) == list(expected["category"])
    code_labels = meta.variable_value_labels["code"]
    cat_labels = meta.variable_value_labels["category"]
    assert [code_labels[v] for v in frame["code"]] == list(expected["code_label"])
    assert [cat_labels[v] for v in frame["category"]] == list(expected["category_label"])
    for col in ("start_s", "duration_s"):
        assert np.allclose(frame[col], expected[col].astype(float), rtol=0, atol=5e-7)
    np.testing.assert_allclose(frame["end_s"], expected["end_s"].astype(float), atol=5e-7)
    assert frame["end_s"].isna().tolist() == list(expected["code"] == "question")
    assert list(frame["note"]) == list(expected["note"])
    assert list(frame["purpose"]) == list(expected["purpose"])
    assert meta.column_names_to_labels["end_s"].startswith("End")
    assert meta.variable_measure["code"] == "nominal"
    raw = out.read_bytes()
    assert str(tmp_path).encode() not in raw and b"private-clip-name" not in raw
    study.close()


def test_codes_only_an_older_codebook_version_has(tmp_path: Path) -> None:
    study = build(str(tmp_path / "s.annot"), tmp_path)
    _, helper = load_codebook("helper-maneuvers")
    study.set_codebook(helper, "helper")
    s = study.add_session("C03", 1, duration_ms=10_000)
    study.add_segment(study.assign(s.id, "CD").id, "care", 0, 1000)
    out = tmp_path / "mixed.sav"
    export_file(study, "sav", out, ExportOptions())
    frame, meta = pyreadstat.read_sav(str(out))
    labels = meta.variable_value_labels["code"]
    current = study.codebook
    assert labels[1.0] == current.codes[0].label_in("en")  # the current version comes first
    assert len(labels) == len(current.codes) + 4
    by_id = dict(zip(frame["code_id"], frame["code"], strict=True))
    assert labels[by_id["care"]] == current.code("care").label_in("en")
    assert labels[by_id["therapist"]] == "Therapist"
    xlsx = tmp_path / "mixed.xlsx"
    export_file(study, "xlsx", xlsx, ExportOptions())
    book = pd.read_excel(xlsx, sheet_name="codebook")
    assert set(book["codebook"]) == {"Test codebook", "Helper maneuvers"}
    study.close()


def test_cli_binary_formats(tmp_path: Path) -> None:
    build(str(tmp_path / "s.annot"), tmp_path).close()
    for suffix in ("xlsx", "sav"):
        out = tmp_path / f"t.{suffix}"
        proc = run_cli("export", str(tmp_path / "s.annot"), "-o", str(out), check=True)
        assert f"Wrote 7 row(s) to {out} ({suffix})" in proc.stderr
        refused = run_cli("export", str(tmp_path / "s.annot"), "-o", "-", "--format", suffix)
        assert refused.returncode == 2 and "binary" in refused.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("fmt", ["xlsx", "sav"])
def test_empty_study_exports(tmp_path: Path, fmt: str) -> None:
    study = make_study(str(tmp_path / "s.annot"))
    out = tmp_path / f"e.{fmt}"
    assert export_file(study, fmt, out, ExportOptions()) == 0
    assert out.stat().st_size > 0
    study.close()
