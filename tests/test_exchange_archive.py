"""Study archives: a consistent database copy, codebooks and a manifest, no media."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import select

from annotator.core.codebook_files import load_codebook
from annotator.exchange.archive import write_archive
from annotator.store import Study
from annotator.store.models import Base
from annotator.store.records import MediaLink
from tests.conftest import run_cli
from tests.studyutil import EXCLUSIVE_CODEBOOK, make_study


def build(target: str, folder: Path) -> Study:
    study = make_study(target)
    clip = folder / "clip.mp4"
    clip.write_bytes(b"\x00" * 2048)
    s = study.add_session("C01", 1, media=MediaLink(clip.name if study.path else str(clip),
                                                    "0" * 64, 2048, 9000, 25.0, 225, 320, 240,
                                                    "mp4v"))
    a = study.assign(s.id, "AK")
    seg = study.add_segment(a.id, "praise", 0, 1000, note="n")
    study.add_segment(a.id, "question", 500, 500)
    study.delete_segment(seg.id)
    study.add_segment(study.assign(s.id, "BL", "reliability").id, "child", 0, 2000)
    _, helper = load_codebook("helper-maneuvers")
    study.set_codebook(helper, "helper")
    return study


def rows(study: Study) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    with study.read() as conn:
        for t in Base.metadata.sorted_tables:
            out[t.name] = sorted(
                (tuple(str(v)[:19] if "at" in c.name else v for c, v in zip(t.columns, r,
                                                                            strict=True))
                 for r in conn.execute(select(t))), key=repr)
    return out


def test_archive_is_a_consistent_copy(study_target: str, tmp_path: Path) -> None:
    study = build(study_target, tmp_path)
    out = tmp_path / "archive.zip"
    manifest = write_archive(study, out)
    with zipfile.ZipFile(out) as zf:
        names = sorted(zf.namelist())
        assert names[0].startswith("codebooks/") and names[1].startswith("codebooks/")
        assert names[2:] == ["manifest.json", "study.annot"]
        stored = json.loads(zf.read("manifest.json"))
        assert stored == manifest
        for name, info in stored["files"].items():
            data = zf.read(name)
            assert hashlib.sha256(data).hexdigest() == info["sha256"]
            assert len(data) == info["bytes"]
        yamls = {zf.read(n).decode() for n in names if n.endswith(".yaml")}
        (tmp_path / "x").mkdir()
        zf.extract("study.annot", tmp_path / "x")
    assert EXCLUSIVE_CODEBOOK in yamls and len(yamls) == 2
    assert not any(n.endswith(".mp4") for n in names)
    assert manifest["counts"] == {"cases": 1, "sessions": 1, "coders": 2, "assignments": 2,
                                  "segments": 2, "deleted_segments": 1,
                                  "edit_log": manifest["counts"]["edit_log"],
                                  "codebook_versions": 2}
    assert manifest["counts"]["edit_log"] >= 6
    assert manifest["study"]["schema_revision"] is not None
    assert manifest["study"]["source"] == ("sqlite" if study.is_sqlite else "postgresql")
    copy = Study.open(tmp_path / "x" / "study.annot")
    assert rows(copy) == rows(study)
    assert copy.codebook.name == "Helper maneuvers"
    copy.close()
    assert not list((tmp_path / "x").glob("*-wal"))
    study.close()


def test_cli_archive(tmp_path: Path) -> None:
    build(str(tmp_path / "s.annot"), tmp_path).close()
    out = tmp_path / "a.zip"
    proc = run_cli("archive", str(tmp_path / "s.annot"), "-o", str(out), check=True)
    assert "2 segment(s)" in proc.stdout and "no media" in proc.stdout
    assert zipfile.ZipFile(out).testzip() is None
    missing = run_cli("archive", str(tmp_path / "s.annot"), "-o", str(tmp_path / "no" / "a.zip"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def _smash(path: Path, *, index: str | None = None) -> None:
    """Damage a study file: one page of a table (``index`` None) or of that index."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = int(conn.execute("PRAGMA page_size").fetchone()[0])
    name = index or "segments"
    root = int(conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                            (name,)).fetchone()[0])
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page + (8 if index else 0))
        fh.write(b"\x00" * 64 if index else b"\xff" * page)


def test_archive_of_a_damaged_study_says_so_and_writes_nothing(tmp_path: Path) -> None:
    """A table page that cannot be read, or an index that SQLite's check of the copy finds
    broken: exit 2, the study named as damaged with what to do; no archive, no scratch."""
    for index in (None, "ix_segments_assignment_end"):
        study = tmp_path / f"s-{index}.annot"
        build(str(study), tmp_path).close()
        _smash(study, index=index)
        out = tmp_path / "a.zip"
        proc = run_cli("archive", str(study), "-o", str(out))
        assert proc.returncode == 2, proc.stderr
        assert f"{study} is damaged" in proc.stderr and "backup" in proc.stderr
        assert "Traceback" not in proc.stderr
        if index:
            assert "integrity check" in proc.stderr and len(proc.stderr) < 1000
        assert not out.exists()
        assert not [p for p in tmp_path.rglob("*") if ".tmp" in p.name or "scratch" in p.name]
