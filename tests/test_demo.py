"""The demo study: nine cases x five sessions, real recordings, two coders."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import cv2
import pytest

from annotator.media.videogen import read_frame_number
from annotator.store import Study
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    proc = run_cli("demo", str(folder), "--no-gui", "--seconds", "3", check=True)
    assert "The demo study is at" in proc.stdout
    return folder / "demo.annot"


def test_demo_structure(demo: Path) -> None:
    study = Study.open(demo)
    sessions = study.sessions()
    assert [s.key for s in sessions] == [f"C{c:02d}:{n}" for c in range(1, 10)
                                         for n in range(1, 6)]
    assert {c.id for c in study.coders()} == {"AK", "BL"}
    assert study.codebook.name == "Helper maneuvers"
    primary = study.assignments(purpose="primary")
    reliability = study.assignments(purpose="reliability")
    assert {a.coder for a in primary} == {"AK"} and len(primary) == 45
    assert {a.coder for a in reliability} == {"BL"}
    assert len(reliability) == 9  # 20% of 45
    assert len({a.case for a in reliability}) == 9  # stratified: every case represented
    for a in primary:
        assert study.segments(a.id), f"no codings on {a.case}:{a.number}"
    for s in sessions:
        assert s.media is not None and s.media.fps == 25.0
        assert 2900 <= s.media.duration_ms <= 3100
    study.close()


def test_demo_recordings_show_frame_numbers(demo: Path) -> None:
    cap = cv2.VideoCapture(str(demo.parent / "media" / "C03_S2.mp4"))
    try:
        for want in range(0, 40, 7):
            cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            for _ in range(want + 1):
                ok, frame = cap.read()
                assert ok
            assert read_frame_number(frame) == want
    finally:
        cap.release()


def test_demo_second_coder_disagrees_realistically(demo: Path) -> None:
    out = run_cli("export", str(demo), "-o", "-", check=True).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    by = Counter(r["coder"] for r in rows)
    assert by["AK"] > by["BL"] > 0
    # the second coder's segments are not copies of the first coder's
    ak = {(r["case"], r["session"], r["code"], r["start_s"]) for r in rows if r["coder"] == "AK"}
    bl = {(r["case"], r["session"], r["code"], r["start_s"]) for r in rows if r["coder"] == "BL"}
    assert len(bl - ak) > len(bl) // 2
    assert "media" not in out and str(demo.parent) not in out


def test_demo_is_kept_when_it_exists(demo: Path) -> None:
    before = demo.stat().st_mtime_ns
    run_cli("demo", str(demo.parent), "--no-gui", check=True)
    assert demo.stat().st_mtime_ns == before
