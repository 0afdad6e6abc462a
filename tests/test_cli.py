"""The ``annotator`` command end to end, as a user runs it (real subprocesses)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from annotator.media.videogen import write_test_video
from annotator.store import Study
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("media")
    return write_test_video(folder / "clip.mp4", frames=50, fps=25.0, codec="mp4v")


def test_version_and_codebook_show() -> None:
    proc = run_cli("--version", check=True)
    assert proc.stdout.startswith("annotator ")
    proc = run_cli("codebook", "show", "helper-maneuvers", check=True)
    assert "Being responsive" in proc.stdout and "concrete_help" in proc.stdout
    proc = run_cli("codebook", "show", "helper-maneuvers", "--lang", "nb", check=True)
    assert "Være responsiv" in proc.stdout
    proc = run_cli("codebook", "list", check=True)
    assert {"helper-maneuvers", "alliance-obstacles", "bordin-alliance"} <= {
        line.split()[0] for line in proc.stdout.splitlines()}


def test_codebook_validate_reports_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('name: X\nversion: "1"\nlanguage: [en]\ncategories:\n  - id: a\n'
                   "    label: {en: A}\n    codes:\n      - {id: x, label: {en: X}, key: '1', "
                   "color: 'red', kind: state}\n", encoding="utf-8")
    proc = run_cli("codebook", "validate", str(bad))
    assert proc.returncode == 2
    assert "bad.yaml:8:" in proc.stderr and "bad color" in proc.stderr
    assert "Traceback" not in proc.stderr
    good = run_cli("codebook", "validate", "codebook/helper-maneuvers.yaml",
                   cwd=Path(__file__).resolve().parents[1])
    assert good.returncode == 0 and "ok" in good.stdout


def test_study_workflow(tmp_path: Path, clip: Path) -> None:
    study = tmp_path / "lab" / "s.annot"
    study.parent.mkdir()
    run_cli("init", str(study), "--codebook", "helper-maneuvers", check=True)
    proc = run_cli("session", "add", str(study), "--case", "C01", "--number", "1",
                   "--media", str(clip), "--date", "2026-03-01", check=True)
    assert "2.000 s" in proc.stdout and "25 fps" in proc.stdout and "50 frames" in proc.stdout
    run_cli("session", "add", str(study), "--case", "C01", "--number", "2", "--duration",
            "600", check=True)
    listing = run_cli("session", "list", str(study), check=True).stdout
    assert "C01:1" in listing and "C01:2" in listing and "clip.mp4" in listing

    timeline = tmp_path / "t.csv"
    timeline.write_text(
        "case,session,coder,category,code,start_s,end_s,note\n"
        "C01,1,AB,implicit,responsive,0.5,1.5,first\n"
        "C01,2,CD,manifest,care,10,20,\n", encoding="utf-8")
    proc = run_cli("import", str(study), str(timeline), check=True)
    assert "Imported 2 segment(s)" in proc.stdout
    assert "New coder(s) created: AB, CD" in proc.stdout

    out = run_cli("export", str(study), "-o", "-", check=True).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["coder"], r["code"], r["start_s"], r["end_s"]) for r in rows] == [
        ("AB", "responsive", "0.500", "1.500"), ("CD", "care", "10.000", "20.000")]
    assert str(tmp_path) not in out and "clip.mp4" not in out
    only = run_cli("export", str(study), "-o", "-", "--coder", "CD", check=True).stdout
    assert len(list(csv.DictReader(io.StringIO(only)))) == 1
    target = tmp_path / "out.csv"
    run_cli("export", str(study), "-o", str(target), "--case", "C01", check=True)
    assert target.read_text(encoding="utf-8") == out

    check = run_cli("check", str(study), check=True)
    assert "All linked media are present" in check.stdout
    # the media is stored relative to the study, and a moved file is reported
    s = Study.open(study)
    assert s.session("C01", 1).media.path == "../media0/clip.mp4" or \
        not Path(s.session("C01", 1).media.path).is_absolute()
    s.close()
    moved = clip.with_name("moved.mp4")
    clip.rename(moved)
    try:
        proc = run_cli("check", str(study))
        assert proc.returncode == 1 and "media missing" in proc.stdout
    finally:
        moved.rename(clip)


def test_unknown_session_needs_create_flag(tmp_path: Path) -> None:
    study = tmp_path / "s.annot"
    run_cli("init", str(study), check=True)
    timeline = tmp_path / "t.csv"
    timeline.write_text("case,session,coder,category,code,start_s,end_s\n"
                        "C07,3,AB,implicit,exploring,1,2\n", encoding="utf-8")
    proc = run_cli("import", str(study), str(timeline))
    assert proc.returncode == 2 and "--create-sessions" in proc.stderr
    proc = run_cli("import", str(study), str(timeline), "--create-sessions", check=True)
    assert "New session(s) created: C07:3" in proc.stdout


@pytest.mark.parametrize("kind", ["missing", "empty", "text"])
def test_session_add_refuses_bad_media(tmp_path: Path, kind: str) -> None:
    study = tmp_path / "s.annot"
    run_cli("init", str(study), check=True)
    media = tmp_path / "rec.mp4"
    if kind == "empty":
        media.write_bytes(b"")
    elif kind == "text":
        media.write_text("this is not a video\n" * 50)
    proc = run_cli("session", "add", str(study), "--case", "C01", "--number", "1",
                   "--media", str(media))
    assert proc.returncode == 2, proc.stderr
    assert "rec.mp4" in proc.stderr and "Traceback" not in proc.stderr
    expected = {"missing": "not found", "empty": "empty", "text": "not"}[kind]
    assert expected in proc.stderr.lower()
    s = Study.open(study)
    assert s.sessions() == []
    s.close()


def test_session_import_manifest(tmp_path: Path, clip: Path) -> None:
    study = tmp_path / "s.annot"
    run_cli("init", str(study), check=True)
    (tmp_path / "rec").mkdir()
    for name in ("a.mp4", "b.mp4"):
        (tmp_path / "rec" / name).write_bytes(clip.read_bytes())
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("case,session,media,date\nC01,1,rec/a.mp4,2026-01-01\n"
                        "C01,2,rec/b.mp4,\n", encoding="utf-8")
    proc = run_cli("session", "import", str(study), str(manifest), check=True)
    assert "Added 2 session(s)" in proc.stdout and "100%" in proc.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("case,session,media\nC02,1,rec/a.mp4\nC02,x,rec/a.mp4\nC02,3,nope.mp4\n",
                   encoding="utf-8")
    proc = run_cli("session", "import", str(study), str(bad))
    assert proc.returncode == 2
    assert "line 3, column session" in proc.stderr and "line 4, column media" in proc.stderr
    s = Study.open(study)
    assert [x.key for x in s.sessions()] == ["C01:1", "C01:2"]  # nothing from the bad file
    s.close()


def test_exit_codes_for_usage_errors(tmp_path: Path) -> None:
    proc = run_cli("export", str(tmp_path / "none.annot"), "-o", "-")
    assert proc.returncode == 2 and "no study at" in proc.stderr
    proc = run_cli("codebook", "show", "no-such-codebook")
    assert proc.returncode == 2 and "helper-maneuvers" in proc.stderr


GOOD_CODEBOOK = """\
name: Mini
version: "1"
language: [en]
categories:
  - id: cat
    label: {en: Cat}
    codes:
      - id: alpha
        label: {en: Alpha}
        key: "1"
        color: "#112233"
        kind: state
      - id: beta
        label: {en: Beta}
        key: "2"
        color: "#445566"
        kind: state
"""

CODEBOOK_BREAKS = [
    # (what, old text, new text, line the message must name, words it must contain)
    ("duplicate id", "id: beta", "id: alpha", 13, "duplicate code id"),
    ("duplicate key", 'key: "2"', 'key: "1"', 15, "key"),
    ("bad colour", 'color: "#445566"', 'color: "blue"', 16, "color"),
    ("unknown kind", "kind: state\n", "kind: interval\n", 12, "kind"),
    ("missing label", "        label: {en: Beta}\n", "", 13, "label"),
    ("yaml syntax", "    label: {en: Cat}", "    label: {en: Cat", 7, ""),
]


@pytest.mark.parametrize(("what", "old", "new", "line", "words"), CODEBOOK_BREAKS,
                         ids=[b[0] for b in CODEBOOK_BREAKS])
def test_bad_codebooks_are_refused_with_file_and_line(
    tmp_path: Path, what: str, old: str, new: str, line: int, words: str
) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(GOOD_CODEBOOK, encoding="utf-8")
    assert run_cli("codebook", "validate", str(good)).returncode == 0
    bad = tmp_path / "mini.yaml"
    assert old in GOOD_CODEBOOK
    bad.write_text(GOOD_CODEBOOK.replace(old, new, 1), encoding="utf-8")
    proc = run_cli("codebook", "validate", str(bad))
    assert proc.returncode == 2, what
    assert "Traceback" not in proc.stderr
    assert "mini.yaml:" in proc.stderr
    lines = [int(m) for m in re.findall(r"mini\.yaml:(\d+):", proc.stderr)]
    assert line in lines, proc.stderr
    assert words in proc.stderr
    # init with that codebook creates nothing
    study = tmp_path / "s.annot"
    proc = run_cli("init", str(study), "--codebook", str(bad))
    assert proc.returncode == 2 and not study.exists()


def test_gui_without_a_display_says_what_to_do(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    proc = subprocess.run([sys.executable, "-m", "annotator.cli", "gui"], env=env,
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == 2
    assert "No display" in proc.stderr and "xvfb-run" in proc.stderr
