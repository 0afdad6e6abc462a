"""Time-sliced CSV export: values per slice, agreement with the reliability slicing, CLI."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import numpy as np
import pytest

from annotator.core.reliability.timeline import slice_midpoints
from annotator.exchange.exporters import ExportOptions, export_file, export_text
from annotator.store import Study
from annotator.store.edits import NewSegment
from annotator.store.records import MediaLink
from tests.conftest import run_cli
from tests.studyutil import make_study

CODES = ["therapist", "child", "praise", "question"]


def random_coding(rng: random.Random, duration: int) -> list[tuple[str, int, int]]:
    """Non-overlapping talk turns, overlapping praise, and question points."""
    out: list[tuple[str, int, int]] = []
    t = rng.randrange(0, 2000)
    while t < duration - 100:
        end = min(duration, t + rng.randrange(50, 4000))
        out.append((rng.choice(["therapist", "child"]), t, end))
        t = end + rng.randrange(0, 1500)
    for _ in range(rng.randrange(0, 15)):
        s = rng.randrange(0, duration - 10)
        out.append(("praise", s, min(duration, s + rng.randrange(1, 5000))))
    for _ in range(rng.randrange(0, 10)):
        p = rng.randrange(0, duration + 1)
        out.append(("question", p, p))
    return out


def expected_rows(coding: list[tuple[str, int, int]], duration: int, res: int) -> list[list[int]]:
    """The definition, slice by slice: state codes at the midpoint, points in their slice."""
    rows = []
    for k in range(-(-duration // res)):
        lo, hi = k * res, min((k + 1) * res, duration)
        mid = (lo + hi) // 2
        row = []
        for code in CODES:
            on = any(c == code and s <= mid < e for c, s, e in coding if e > s)
            hit = any(c == code and s == e and (lo <= s < hi or (s == duration and hi == duration))
                      for c, s, e in coding)
            row.append(int(on or hit))
        rows.append(row)
    return rows


def parse(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), list(reader)


@pytest.mark.parametrize("res", [1000, 333, 100])
def test_slices_follow_the_definition(tmp_path: Path, res: int) -> None:
    study = make_study(str(tmp_path / "s.annot"))
    rng = random.Random(res)
    codings = {}
    items = []
    for n, duration in ((1, 12_345), (2, 7_000)):
        s = study.add_session("C01", n, duration_ms=duration)
        for coder in ("AK", "BL"):
            a = study.assign(s.id, coder)
            coding = random_coding(rng, duration)
            codings[(n, coder)] = (coding, duration)
            items += [NewSegment(a.id, c, st, en) for c, st, en in coding]
    study.add_segments(items)
    untouched = study.add_session("C02", 1, duration_ms=5000)
    study.assign(untouched.id, "AK")  # never started: not exported
    out = io.StringIO()
    n_rows = export_text(study, "sliced", out, ExportOptions(resolution_ms=res))
    header, rows = parse(out.getvalue())
    assert header == ["case", "session", "coder", "t_start_s", *CODES, "purpose"]
    assert n_rows == len(rows) == sum(-(-d // res) for (_c, d) in codings.values())
    for (n, coder), (coding, duration) in codings.items():
        mine = [r for r in rows if r["session"] == str(n) and r["coder"] == coder]
        assert [[int(r[c]) for c in CODES] for r in mine] == expected_rows(coding, duration, res)
        assert [r["t_start_s"] for r in mine] == [
            f"{k * res // 1000}.{k * res % 1000:03d}" for k in range(len(mine))]
        assert {r["purpose"] for r in mine} == {"primary"}
        # The same instants the reliability report samples.
        assert len(slice_midpoints(duration, res)) == len(mine)
    assert not any(r["case"] == "C02" for r in rows)
    study.close()


def test_filters_quoting_and_old_codes(study_target: str) -> None:
    study = make_study(study_target)
    s = study.add_session("C,01", 1, duration_ms=2500)
    s2 = study.add_session("C02", 1, duration_ms=1000)
    a = study.assign(s.id, "AK")
    b = study.assign(s2.id, "BL", "reliability")
    study.add_segment(a.id, "praise", 0, 2500)
    study.add_segment(b.id, "question", 999, 999)
    out = io.StringIO()
    export_text(study, "sliced", out, ExportOptions(resolution_ms=1000))
    _header, rows = parse(out.getvalue())
    got = [(r["case"], r["t_start_s"], r["praise"], r["question"], r["purpose"]) for r in rows]
    assert got == [
        ("C,01", "0.000", "1", "0", "primary"), ("C,01", "1.000", "1", "0", "primary"),
        ("C,01", "2.000", "1", "0", "primary"), ("C02", "0.000", "0", "1", "reliability")]
    only = io.StringIO()
    export_text(study, "sliced", only, ExportOptions(coder="BL", resolution_ms=500))
    assert len(parse(only.getvalue())[1]) == 2
    with pytest.raises(ValueError, match="positive"):
        export_text(study, "sliced", io.StringIO(), ExportOptions(resolution_ms=0))
    study.close()


def test_cli_sliced_has_no_paths(tmp_path: Path) -> None:
    lab = tmp_path / "lab"
    lab.mkdir()
    study = make_study(str(lab / "s.annot"))
    media = lab / "secret-recording-name.mp4"
    media.write_bytes(b"x")
    s = study.add_session("C01", 1, media=MediaLink(media.name, "0" * 64, 1, 4000, 25.0, 100,
                                                    320, 240, "mp4v"))
    a = study.assign(s.id, "AK")
    study.add_segment(a.id, "child", 1000, 3000)
    study.close()
    out = tmp_path / "out" / "sliced.csv"
    out.parent.mkdir()
    proc = run_cli("export", str(lab / "s.annot"), "-o", str(out), "--format", "sliced",
                   "--resolution-ms", "500", check=True)
    assert "Wrote 8 row(s)" in proc.stderr
    data = out.read_bytes()
    assert str(tmp_path).encode() not in data and b"secret-recording-name" not in data
    child = [r["child"] for r in parse(data.decode())[1]]
    assert child == ["0", "0", "1", "1", "1", "1", "0", "0"]
    assert sorted(p.name for p in out.parent.iterdir()) == ["sliced.csv"]
    stdout = run_cli("export", str(lab / "s.annot"), "-o", "-", "--format", "sliced",
                     check=True).stdout
    assert stdout.count("\n") == 5


def test_vectorised_blocks_match_a_python_formatter() -> None:
    from annotator.exchange.sliced import block_bytes

    rng = np.random.default_rng(3)
    starts = np.array([0, 5, 999, 1000, 9_999, 10_000, 99_900, 100_000, 3_599_999, 12_345_678])
    matrix = rng.integers(0, 2, (starts.size, 3)).astype(np.uint8)
    got = block_bytes(b"C01,2,\xc3\x98K,", b",primary", starts, matrix).decode()
    want = "".join(
        f"C01,2,ØK,{t // 1000}.{t % 1000:03d},{','.join(map(str, row))},primary\n"
        for t, row in zip(starts.tolist(), matrix.tolist(), strict=True))
    assert got == want


def test_export_file_is_atomic(tmp_path: Path) -> None:
    study = make_study(str(tmp_path / "s.annot"))
    s = study.add_session("C01", 1, duration_ms=1000)
    study.add_segment(study.assign(s.id, "AK").id, "praise", 0, 1000)
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(ValueError):
        export_file(study, "sliced", target, ExportOptions(resolution_ms=-5))
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []
    export_file(study, "sliced", target, ExportOptions(resolution_ms=1000))
    assert target.read_text(encoding="utf-8").startswith("case,session,coder,t_start_s")
    study.close()
    Study.open(tmp_path / "s.annot").close()
