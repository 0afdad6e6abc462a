"""``annotator.store.queries.live_segments_query``: the public query of live segments that the
exports and the analysis reader share (deleted segments and open recordings left out, the
filters, export order), and no module reaches into another's private names."""

from __future__ import annotations

import ast
from pathlib import Path

from annotator.store.models import Assignment, Case, Segment, Session
from annotator.store.queries import live_segments_query
from tests.studyutil import make_study

ROOT = Path(__file__).resolve().parents[1] / "annotator"


def test_live_segments_query_leaves_out_deleted_and_recording_and_filters(
        tmp_path: Path) -> None:
    with make_study(str(tmp_path / "s.annot")) as study:
        s1 = study.add_session("C01", 1, duration_ms=60_000)
        s2 = study.add_session("C02", 1, duration_ms=60_000)
        ak = study.assign(s1.id, "AK")
        bl = study.assign(s1.id, "BL", "reliability")
        ak2 = study.assign(s2.id, "AK")
        study.add_segment(ak.id, "child", 5000, 6000)
        study.add_segment(ak.id, "therapist", 1000, 2000)
        gone = study.add_segment(ak.id, "praise", 1500, 1800)
        study.delete_segment(gone.id)
        study.start_recording(ak.id, "child", 20_000)  # open: not a segment yet
        study.add_segment(bl.id, "praise", 0, 500)
        study.add_segment(ak2.id, "question", 3000, 3000)

        cols = (Case.label, Session.number, Assignment.coder_id, Assignment.purpose,
                Segment.code_id, Segment.start_ms, Segment.end_ms)

        def rows(**kw: object) -> list[tuple[object, ...]]:
            args = {"coder": None, "case": None, **kw}
            with study.read() as conn:
                return [tuple(r) for r in conn.execute(live_segments_query(*cols, **args))]

        assert rows() == [
            ("C01", 1, "AK", "primary", "therapist", 1000, 2000),
            ("C01", 1, "AK", "primary", "child", 5000, 6000),
            ("C01", 1, "BL", "reliability", "praise", 0, 500),
            ("C02", 1, "AK", "primary", "question", 3000, 3000),
        ]
        assert [r[4] for r in rows(coder="BL")] == ["praise"]
        assert [r[4] for r in rows(case="C02")] == ["question"]
        assert [r[4] for r in rows(session_id=s1.id, purposes=("primary",))] == \
            ["therapist", "child"]
        assert rows(purposes=("consensus",)) == []


def test_no_module_imports_another_modules_private_names() -> None:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (
                    node.module or "").startswith("annotator")):
                found += [f"{path.relative_to(ROOT.parent)}: {node.module}.{a.name}"
                          for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")]
    assert found == []
