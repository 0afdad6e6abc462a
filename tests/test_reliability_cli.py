"""``annotator reliability`` and ``annotator plan-reliability`` end to end (real subprocesses).

The main study has one 10 s session coded by A (primary), B (reliability) and A again
(re-code). Expected values are worked out by hand from the segments below (exact durations,
seconds):

talk (exclusive)     A: therapist [0,4)  child [4,7)        B: therapist [0,3)  child [3,8)
acts (non-excl.)     A: praise [1,5)  question @2.0, @8.0   B: praise [2,6)  question @2.5
A's re-code          therapist [0,4)  child [4,6)  praise [1,5)  question @2.0
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from annotator.store import Study
from annotator.store.edits import NewSegment
from tests.conftest import run_cli
from tests.studyutil import EXCLUSIVE_CODEBOOK, make_study

SEGMENTS = {
    ("A", "primary"): [("therapist", 0, 4000), ("child", 4000, 7000), ("praise", 1000, 5000),
                       ("question", 2000, 2000), ("question", 8000, 8000)],
    ("B", "reliability"): [("therapist", 0, 3000), ("child", 3000, 8000),
                           ("praise", 2000, 6000), ("question", 2500, 2500)],
    ("A", "reliability"): [("therapist", 0, 4000), ("child", 4000, 6000),
                           ("praise", 1000, 5000), ("question", 2000, 2000)],
}


# ---------------------------------------------------------------- hand formulas
def kappa(table: Sequence[Sequence[float]]) -> float:
    """Cohen's kappa of a square table (rows coder 1, columns coder 2)."""
    n = sum(map(sum, table))
    k = len(table)
    po = sum(table[i][i] for i in range(k)) / n
    pe = sum(sum(table[i]) * sum(row[i] for row in table) for i in range(k)) / n**2
    return (po - pe) / (1 - pe)


def kappa_max(table: Sequence[Sequence[float]]) -> float:
    n = sum(map(sum, table))
    rows = [sum(r) / n for r in table]
    cols = [sum(r[i] for r in table) / n for i in range(len(table))]
    pe = sum(r * c for r, c in zip(rows, cols, strict=True))
    po_max = sum(min(r, c) for r, c in zip(rows, cols, strict=True))
    return (po_max - pe) / (1 - pe)


def alpha_nominal(a: Sequence[str], b: Sequence[str]) -> float:
    """Krippendorff's alpha, two coders, no missing values: 1 - (n-1) D_o / D_e."""
    values = list(a) + list(b)
    n = len(values)
    disagreeing = 2 * sum(x != y for x, y in zip(a, b, strict=True))
    counts = [values.count(v) for v in set(values)]
    expected = n * n - sum(c * c for c in counts)
    return 1 - (n - 1) * disagreeing / expected


def per_second(spans: Sequence[tuple[str, int, int]], codes: set[str], slices: int = 10,
               step: int = 1000) -> list[str]:
    """The code each coder has at each slice midpoint ("-" for none)."""
    out = []
    for k in range(slices):
        mid = k * step + step // 2
        hit = [c for c, s, e in spans if c in codes and s <= mid < e]
        out.append(hit[0] if hit else "-")
    return out


# ---------------------------------------------------------------- studies
def _fill(study: Study, session_id: int, segments: dict[tuple[str, str], list]) -> None:
    items = []
    for (coder, purpose), spans in segments.items():
        aid = study.assign(session_id, coder, purpose).id
        items += [NewSegment(aid, c, s, e) for c, s, e in spans]
    study.add_segments(items)


@pytest.fixture(scope="module")
def main_study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rel") / "study.annot"
    with make_study(str(path)) as study:
        s1 = study.add_session("C01", 1, duration_ms=10_000)
        _fill(study, s1.id, SEGMENTS)
        # C: codes another session only; D: assigned to C01:1 but coded nothing.
        s2 = study.add_session("C02", 1, duration_ms=10_000)
        _fill(study, s2.id, {("C", "primary"): [("praise", 0, 1000)]})
        study.assign(s1.id, "D", "reliability")
    return path


def rel(study: Path, *args: str) -> tuple[int, str, str]:
    proc = run_cli("reliability", str(study), *args)
    assert "Traceback" not in proc.stderr
    return proc.returncode, proc.stdout, proc.stderr


def by_id(items: list[dict], ident: str) -> dict:
    return next(d for d in items if d["id"] == ident)


# ---------------------------------------------------------------- the report
def test_sessions_left_out_are_listed_with_the_reason_in_every_format(main_study: Path) -> None:
    code, out, err = rel(main_study, "--coders", "A", "B", "--format", "json",
                         "--bootstrap", "0")
    assert code == 0, err
    assert json.loads(out)["excluded_sessions"] == [
        {"case": "C02", "session": 1, "reason": "not coded by A, B"}]
    for fmt in ("table", "html", "csv"):
        code, out, err = rel(main_study, "--coders", "A", "B", "--format", fmt,
                             "--bootstrap", "0")
        assert code == 0, err
        shown = out.replace('</td><td class="id">', "/")  # HTML: case and session cells
        assert "C02/1" in shown and "not coded by A, B" in out, fmt


def test_json_has_the_design_shape_and_hand_computed_values(main_study: Path) -> None:
    code, out, err = rel(main_study, "--coders", "A", "B", "--format", "json",
                         "--bootstrap", "0")
    assert code == 0, err
    r = json.loads(out)
    assert r["coders"] == ["A", "B"]
    assert r["resolution_ms"] is None and r["tolerance_ms"] == 1000
    assert r["sessions"] == [{"case": "C01", "session": 1, "duration_s": 10.0}]
    assert [c["id"] for c in r["categories"]] == ["talk", "acts"]
    for cat in r["categories"]:
        assert {"id", "exclusive", "kappa", "percent_agreement", "alpha", "codes"} <= set(cat)
        for cd in cat["codes"]:
            assert {"id", "kappa", "pabak", "percent_agreement", "kappa_max", "seconds",
                    "events"} <= set(cd)

    talk = by_id(r["categories"], "talk")
    assert talk["exclusive"] is True
    # rows A, columns B over (therapist, child, none), in seconds
    confusion = [[3, 1, 0], [0, 3, 0], [0, 1, 2]]
    assert talk["confusion"]["matrix"] == confusion
    assert talk["kappa"] == pytest.approx(kappa(confusion))  # 0.7015
    assert talk["percent_agreement"] == pytest.approx(0.8)
    a_talk = per_second(SEGMENTS[("A", "primary")], {"therapist", "child"})
    b_talk = per_second(SEGMENTS[("B", "reliability")], {"therapist", "child"})
    assert talk["alpha"] == pytest.approx(alpha_nominal(a_talk, b_talk))  # 0.7099

    therapist = by_id(talk["codes"], "therapist")
    t2 = [[3, 1], [0, 6]]
    assert therapist["kappa"] == pytest.approx(kappa(t2))
    assert therapist["kappa_max"] == pytest.approx(kappa_max(t2))
    assert therapist["pabak"] == pytest.approx(2 * 0.9 - 1)
    assert therapist["percent_agreement"] == pytest.approx(0.9)
    assert therapist["seconds"] == {"A": 4.0, "B": 3.0}
    assert therapist["events"] == {"A": 1, "B": 1}
    child = by_id(talk["codes"], "child")
    assert child["kappa"] == pytest.approx(kappa([[3, 0], [2, 5]]))  # 0.6
    assert child["seconds"] == {"A": 3.0, "B": 5.0}

    acts = by_id(r["categories"], "acts")
    praise = by_id(acts["codes"], "praise")
    p2 = [[3, 1], [1, 5]]
    assert praise["kappa"] == pytest.approx(kappa(p2))  # 0.5833
    assert praise["kappa_max"] == pytest.approx(1.0)
    assert praise["pabak"] == pytest.approx(0.6)
    assert acts["kappa"] == pytest.approx(kappa(p2))  # pooled over its only state code
    a_pr = per_second(SEGMENTS[("A", "primary")], {"praise"})
    b_pr = per_second(SEGMENTS[("B", "reliability")], {"praise"})
    assert praise["alpha"] == pytest.approx(alpha_nominal(a_pr, b_pr))  # 0.6042
    question = by_id(acts["codes"], "question")
    assert question["kappa"] is None and question["kappa_reason"]
    assert question["events"] == {"A": 2, "B": 1}
    assert question["event_agreement"]["matched"] == 1
    assert question["event_agreement"]["unmatched_A"] == 1


def test_resolution_tolerance_and_alpha_resolution_are_reflected(main_study: Path) -> None:
    code, out, err = rel(main_study, "--coders", "A", "B", "--format", "json", "--bootstrap",
                         "0", "--resolution-ms", "3000", "--tolerance-ms", "200",
                         "--alpha-resolution-ms", "2000")
    assert code == 0, err
    r = json.loads(out)
    assert r["resolution_ms"] == 3000 and r["tolerance_ms"] == 200
    assert r["alpha_resolution_ms"] == 2000
    praise = by_id(by_id(r["categories"], "acts")["codes"], "praise")
    # 3 s slices, midpoints 1.5, 4.5, 7.5, 9.5 s: A yes yes no no, B no yes no no
    assert praise["table_unit"] == "slices"
    assert praise["table"] == [[1, 1], [0, 2]]
    assert praise["kappa"] == pytest.approx(kappa([[1, 1], [0, 2]]))  # 0.5
    a_pr = per_second(SEGMENTS[("A", "primary")], {"praise"}, slices=5, step=2000)
    b_pr = per_second(SEGMENTS[("B", "reliability")], {"praise"}, slices=5, step=2000)
    assert praise["alpha"] == pytest.approx(alpha_nominal(a_pr, b_pr))  # 0.25
    question = by_id(by_id(r["categories"], "acts")["codes"], "question")
    assert question["event_agreement"]["matched"] == 0  # 500 ms apart > 200 ms
    assert question["event_agreement"]["unmatched_A"] == 2
    assert question["event_agreement"]["unmatched_B"] == 1


def test_table_csv_and_html(main_study: Path) -> None:
    code, out, err = rel(main_study, "--coders", "A", "B", "--bootstrap", "0")
    assert code == 0, err
    assert "Inter-rater reliability: A, B" in out
    line = next(ln for ln in out.splitlines() if ln.split()[1:2] == ["therapist"])
    assert f"{kappa([[3, 1], [0, 6]]):.2f}" in line

    code, out, err = rel(main_study, "--coders", "A", "B", "--format", "csv", "--bootstrap", "0")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    praise = next(r for r in rows if r["level"] == "code" and r["code"] == "praise")
    assert float(praise["kappa"]) == pytest.approx(kappa([[3, 1], [1, 5]]))
    assert float(praise["seconds_A"]) == 4.0 and float(praise["seconds_B"]) == 4.0
    talk = next(r for r in rows if r["level"] == "category" and r["category"] == "talk")
    assert float(talk["kappa"]) == pytest.approx(kappa([[3, 1, 0], [0, 3, 0], [0, 1, 2]]))

    code, out, err = rel(main_study, "--coders", "A", "B", "--format", "html", "--bootstrap",
                         "0")
    assert code == 0, err
    assert out.lstrip().lower().startswith("<!doctype html")
    assert "<svg" in out and "therapist" in out and "C01" in out
    assert "http://" not in out.replace("http://www.w3.org/2000/svg", "")


def test_output_file_is_written_atomically(main_study: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old contents", encoding="utf-8")
    code, out, err = rel(main_study, "--coders", "A", "B", "--format", "json", "--bootstrap",
                         "0", "-o", str(target))
    assert code == 0, err
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["coders"] == ["A", "B"]
    assert sorted(os.listdir(tmp_path)) == ["report.json"]  # no temporary file left
    # A failing run leaves the earlier file as it was.
    before = target.read_bytes()
    code, _, err = rel(main_study, "--coders", "A", "C", "-o", str(target))
    assert code == 2
    assert target.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["report.json"]
    code, _, err = rel(main_study, "--coders", "A", "B", "-o", str(tmp_path / "no" / "r.txt"))
    assert code == 2 and "does not exist" in err


def test_intra_rater_drift_compares_a_coder_with_their_recode(main_study: Path) -> None:
    code, out, err = rel(main_study, "--coders", "A", "A", "--format", "json", "--bootstrap",
                         "0")
    assert code == 0, err
    r = json.loads(out)
    assert r["coders"] == ["A", "A (re-code)"]
    talk = by_id(r["categories"], "talk")
    # primary vs re-code: therapist same; child [4,7) vs [4,6)
    confusion = [[4, 0, 0], [0, 2, 1], [0, 0, 3]]
    assert talk["confusion"]["matrix"] == confusion
    assert talk["kappa"] == pytest.approx(kappa(confusion))
    praise = by_id(by_id(r["categories"], "acts")["codes"], "praise")
    assert praise["kappa"] == pytest.approx(1.0)
    assert praise["seconds"] == {"A": 4.0, "A (re-code)": 4.0}
    # A listed once next to B means A's primary coding, not the re-code.
    _, out, _ = rel(main_study, "--coders", "A", "B", "--format", "json", "--bootstrap", "0")
    child = by_id(by_id(json.loads(out)["categories"], "talk")["codes"], "child")
    assert child["seconds"]["A"] == 3.0


# ---------------------------------------------------------------- bad input
@pytest.mark.parametrize(("args", "message"), [
    (["--coders", "A"], "at least two coders"),
    (["--coders", "A", "C"], "no session in common"),
    (["--coders", "A", "D"], "'D' has no segments"),
    (["--coders", "B", "B"], "B has no primary coding"),
    (["--coders", "D", "D"], "D has no primary coding"),
    (["--coders", "A", "Z"], "no coder 'Z'"),
    (["--coders", "A", "B", "--sessions", "C02:1"], "C02:1 (not coded by A, B)"),
    (["--coders", "A", "B", "--sessions", "C9:x"], "is not a session"),
    (["--coders", "A", "B", "--resolution-ms", "0"], "--resolution-ms must be a positive"),
    (["--coders", "A", "B", "--alpha-resolution-ms", "-5"], "--alpha-resolution-ms must be"),
    (["--coders", "A", "B", "--tolerance-ms", "-1"], "--tolerance-ms must be 0 or more"),
    (["--coders", "A", "B", "--bootstrap", "-1"], "--bootstrap must be"),
    (["--coders", "A", "B", "--lang", "nb"], "has no labels in 'nb' (its languages: en)"),
    (["--coders", "A", "B", "--format", "pdf"], "give -o FILE.pdf"),
])
def test_bad_input_exits_2_with_a_clear_message(main_study: Path, args: list[str],
                                                message: str) -> None:
    code, out, err = rel(main_study, *args)
    assert code == 2
    assert message in err
    assert err.startswith("annotator: error: ") and err.count("\n") == 1
    assert out == ""


def test_session_without_known_duration(tmp_path: Path) -> None:
    study = tmp_path / "s.annot"
    book = tmp_path / "book.yaml"
    book.write_text(EXCLUSIVE_CODEBOOK, encoding="utf-8")
    run_cli("init", str(study), "--codebook", str(book), check=True)
    timeline = tmp_path / "t.csv"
    # Sessions created by the import have no media and no explicit duration; these codings
    # are point codes at 0 s, so no segment end gives a duration either.
    timeline.write_text(
        "case,session,coder,category,code,start_s,end_s\n"
        "C05,1,A,acts,question,0,\n"
        "C05,1,B,acts,question,0,\n", encoding="utf-8")
    run_cli("import", str(study), str(timeline), "--create-sessions", check=True)
    code, _out, err = rel(study, "--coders", "A", "B")
    assert code == 2
    assert "Session C05:1 has no known duration" in err


def test_codings_with_different_codebook_versions(tmp_path: Path) -> None:
    path = tmp_path / "s.annot"
    with make_study(str(path)) as study:
        s = study.add_session("C01", 1, duration_ms=10_000)
        _fill(study, s.id, {("A", "primary"): [("praise", 0, 3000)]})
        changed = EXCLUSIVE_CODEBOOK.replace('version: "1.0"', 'version: "2.0"').replace(
            '      - {id: question, label: {en: Question}, key: "4", color: "#e15759", '
            "kind: point}\n",
            '      - {id: nod, label: {en: Nod}, key: "5", color: "#76b7b2", kind: point}\n')
        assert changed.count("nod") == 1 and "question" not in changed
        study.set_codebook(changed, "v2.yaml")
        _fill(study, s.id, {("B", "reliability"): [("praise", 1000, 3000)]})
        cb = {a.coder: a.codebook_id for a in study.assignments()}
        assert cb["A"] != cb["B"]
    code, _out, err = rel(path, "--coders", "A", "B")
    assert code == 2
    assert "different codebook versions (1.0 and 2.0" in err
    assert "code 'question' removed" in err and "code 'nod' added" in err


# ---------------------------------------------------------------- planning
def _planning_study(path: Path, cases: int = 4, per_case: int = 5) -> None:
    with make_study(str(path)) as study:
        for c in range(1, cases + 1):
            for n in range(1, per_case + 1):
                s = study.add_session(f"C{c:02d}", n, duration_ms=60_000)
                study.assign(s.id, "A", "primary")


def _reliability(path: Path, coder: str) -> list[tuple[str, int, str]]:
    with Study.open(str(path)) as study:
        return sorted((a.case, a.number, a.status) for a in
                      study.assignments(coder=coder, purpose="reliability"))


def test_plan_reliability_is_stratified_blind_reproducible_and_tops_up(tmp_path: Path) -> None:
    one, two = tmp_path / "one.annot", tmp_path / "two.annot"
    _planning_study(one)
    _planning_study(two)
    proc = run_cli("plan-reliability", str(one), "--fraction", "0.2", "--coder", "B",
                   "--seed", "7", check=True)
    assert "Assigned 4 session(s) to B" in proc.stdout
    first = _reliability(one, "B")
    assert len(first) == 4
    assert sorted({case for case, _, _ in first}) == ["C01", "C02", "C03", "C04"]
    assert {status for _, _, status in first} == {"assigned"}
    with Study.open(str(one)) as study:
        b = study.assignments(coder="B")
        assert {a.purpose for a in b} == {"reliability"}  # a blind second coding

    again = run_cli("plan-reliability", str(one), "--fraction", "0.2", "--coder", "B",
                    "--seed", "7", check=True)
    assert "Nothing to add" in again.stdout
    assert _reliability(one, "B") == first

    run_cli("plan-reliability", str(two), "--fraction", "0.2", "--coder", "B", "--seed", "7",
            check=True)
    assert _reliability(two, "B") == first  # the same seed plans the same sample

    more = run_cli("plan-reliability", str(one), "--fraction", "0.5", "--coder", "B",
                   check=True)
    assert "Assigned 6 session(s)" in more.stdout and "already had 4" in more.stdout
    topped = _reliability(one, "B")
    assert len(topped) == 10 and set(first) <= set(topped)

    bad = run_cli("plan-reliability", str(one), "--fraction", "0", "--coder", "B")
    assert bad.returncode == 2 and "--fraction must be in (0, 1]" in bad.stderr
    assert "Traceback" not in bad.stderr

    recode = run_cli("plan-reliability", str(two), "--fraction", "0.2", "--coder", "A",
                     "--recode", "--seed", "1", check=True)
    assert "Assigned 4 session(s) to A" in recode.stdout
    assert len({case for case, _, _ in _reliability(two, "A")}) == 4


def test_plan_sample_depends_on_the_seed() -> None:
    from annotator.exchange.reliability_data import plan_sample
    from annotator.store.records import SessionInfo

    sessions = [SessionInfo(i, f"C{i % 3}", i, None, None, 1000) for i in range(1, 31)]
    samples = {tuple(s.id for s in plan_sample(sessions, 0.2, seed)) for seed in range(6)}
    assert len(samples) > 1
    for sample in samples:
        assert len(sample) == 6
        assert {sessions[i - 1].case for i in sample} == {"C0", "C1", "C2"}
    assert plan_sample(sessions, 0.2, 3) == plan_sample(sessions, 0.2, 3)
