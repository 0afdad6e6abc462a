"""The Compare coders window with real widgets (offscreen): compute, tables, heatmap,
timeline diff navigation, consensus; and a 1280x720 screenshot with demo-like data."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from annotator.core.codebook_files import load_codebook
from annotator.core.reliability import compute_reliability, disagreements, timeline_diff
from annotator.demo.codings import primary_coding, second_coding
from annotator.exchange.reliability_data import gather, plan_sample
from annotator.store import Study
from annotator.store.consensus import find_consensus
from annotator.store.edits import NewSegment
from annotator.ui.compare.diff_panel import ConsensusDialog
from annotator.ui.compare.lanes import CONSENSUS, DIFF, lane_id
from annotator.ui.compare.window import CompareWindow
from tests.studyutil import make_study

pytestmark = pytest.mark.gui

A_SEGS = [("therapist", 0, 4000), ("child", 4000, 7000), ("praise", 1000, 5000),
          ("question", 2000, 2000), ("question", 8000, 8000)]
B_SEGS = [("therapist", 0, 3000), ("child", 3000, 8000), ("praise", 2000, 6000),
          ("question", 2500, 2500)]
D_SEGS = [("therapist", 0, 4000), ("child", 5000, 8000), ("praise", 1000, 4000)]
A_RECODE = [("therapist", 0, 4000), ("child", 4000, 6000), ("praise", 1000, 5000)]
A2_SEGS = [("child", 0, 5000), ("praise", 6000, 9000)]
B2_SEGS = [("child", 0, 6000), ("praise", 6000, 8000)]


@pytest.fixture
def study_path(tmp_path: Path) -> Path:
    path = tmp_path / "study.annot"
    _build(str(path))
    return path


def _build(target: str) -> None:
    with make_study(target) as study:
        items = []
        for case, a_segs, b_segs in (("C01", A_SEGS, B_SEGS), ("C02", A2_SEGS, B2_SEGS)):
            s = study.add_session(case, 1, duration_ms=10_000)
            a = study.assign(s.id, "A", "primary").id
            b = study.assign(s.id, "B", "reliability").id
            items += [NewSegment(a, c, s_, e) for c, s_, e in a_segs]
            items += [NewSegment(b, c, s_, e) for c, s_, e in b_segs]
        other = study.add_session("C03", 1, duration_ms=10_000)
        c = study.assign(other.id, "C", "primary").id
        items.append(NewSegment(c, "praise", 0, 1000))
        first = study.session("C01", 1).id
        d = study.assign(first, "D", "reliability").id  # a third coder, one session
        items += [NewSegment(d, c_, s_, e) for c_, s_, e in D_SEGS]
        a_again = study.assign(first, "A", "reliability").id  # A re-codes C01:1
        items += [NewSegment(a_again, c_, s_, e) for c_, s_, e in A_RECODE]
        study.add_segments(items)


def open_window(qtbot: Any, target: Path | str, **kw: Any) -> CompareWindow:
    win = CompareWindow(str(target), **kw)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.catalogLoaded, timeout=20_000):
        win.show()
    return win


def compute(qtbot: Any, win: CompareWindow) -> dict[str, Any]:
    """Click Compute; wait for the results and for the first session's diff (a worker)."""
    with qtbot.waitSignal(win.computed, timeout=60_000) as blocker:
        qtbot.mouseClick(win.setup.compute_btn, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(win.diff.viewReady, timeout=60_000):
        pass  # queued: it cannot have been delivered before this loop runs
    report: dict[str, Any] = blocker.args[0]
    return report


def snapshot(study: Study, aid: int) -> tuple[list[Any], list[Any]]:
    from sqlalchemy import select

    from annotator.store.models import EditLog, Segment

    with study.read() as conn:
        segs = [tuple(r) for r in conn.execute(select(Segment.__table__).where(
            Segment.assignment_id == aid).order_by(Segment.id)).all()]
        log = [tuple(r) for r in conn.execute(select(EditLog.__table__).where(
            EditLog.assignment_id == aid).order_by(EditLog.id)).all()]
    return segs, log


def test_compute_shows_the_engines_values(qtbot: Any, study_path: Path) -> None:
    win = open_window(qtbot, study_path, coder="LEAD")
    assert win.windowTitle() == "Compare coders — study.annot"
    assert win.setup.coders() == ["A", "B"]  # most primary codings, and the reliability coder
    assert win.setup.session_keys() == ["C01:1", "C02:1"]
    win.setup.bootstrap.setValue(200)
    shown = compute(qtbot, win)
    assert not win.setup.progress.isVisible() and win.setup.compute_btn.isEnabled()

    with Study.open(str(study_path)) as study:
        codebook, sessions, labels = gather(study, ["A", "B"])
    expected = compute_reliability(codebook, sessions, labels, bootstrap=200, seed=0)
    assert shown["categories"] == expected["categories"]
    model = win.summary_model
    for row, cat in enumerate(expected["categories"]):
        assert model.key(row) == cat["id"]
        assert model.text(row, model.column("κ")) == f"{cat['kappa']:.2f}"
        assert model.text(row, model.column("α")) == f"{cat['alpha']:.2f}"
        assert cat["kappa_ci"] is None  # two sessions: a bootstrap needs at least 5
        assert model.text(row, model.column("95% CI")) == "—"
        assert model.text(row, model.column("κ band")) == cat["kappa_band"]
    codes = win.codes_model
    flat = [cd for cat in expected["categories"] for cd in cat["codes"]]
    for row, cd in enumerate(flat):
        assert codes.key(row) == cd["id"]
        want = "—" if cd["kappa"] is None else f"{cd['kappa']:.2f}"
        assert codes.text(row, codes.column("κ")) == want
        assert codes.text(row, codes.column("s A")) == f"{cd['seconds']['A']:.1f}"
        assert codes.text(row, codes.column("n B")) == str(cd["events"]["B"])
    question = codes.row_of("question")
    assert codes.text(question, codes.column("κ")) == "—"
    assert "point code" in codes.data(codes.index(question, codes.column("κ")),
                                      Qt.ItemDataRole.ToolTipRole)

    # the category row shows its confusion heatmap (seconds, rows A, columns B)
    win.summary.selectRow(model.row_of("talk"))
    conf = win.confusion
    assert conf.current() is not None and conf.current().key == "talk:time"
    matrix = [[3, 1, 0], [0, 3 + 5, 0], [0, 1 + 1, 2 + 4]]  # C01:1 + C02:1, by hand
    assert [[float(conf.cell_text(i, j)) for j in range(3)] for i in range(3)] == matrix
    assert conf.cell_text(3, 3) == "20.0"  # total
    assert conf.cell_color(0, 0).green() > conf.cell_color(0, 0).red()  # agreement: green
    assert conf.cell_color(2, 1).red() > conf.cell_color(2, 1).green()  # disagreement: red
    win.codes.selectRow(codes.row_of("praise"))
    assert conf.current() is not None and conf.current().key == "code:praise"


def test_bad_choices_and_cancel(qtbot: Any, study_path: Path) -> None:
    win = open_window(qtbot, study_path)
    win.setup.set_checked_coders(["A"])
    assert win.setup.session_list.count() == 0
    with qtbot.waitSignal(win.computeFailed, timeout=20_000) as blocker:
        qtbot.mouseClick(win.setup.compute_btn, Qt.MouseButton.LeftButton)
    assert "at least two coders" in blocker.args[0]
    assert "at least two coders" in win.message.text()
    win.setup.set_checked_coders(["A", "C"])
    assert win.setup.session_list.count() == 0
    assert win.setup.session_count.text() == "No session in common."

    win.setup.set_checked_coders(["A", "B"])
    win.setup.bootstrap.setValue(10_000)
    with qtbot.waitSignal(win.setup.cancel_btn.clicked):
        win.setup.compute_btn.click()
        assert win.setup.cancel_btn.isEnabled() and win.setup.progress.isVisible()
        win.setup.cancel_btn.click()
    qtbot.waitUntil(lambda: win.setup.compute_btn.isEnabled(), timeout=20_000)
    assert win.report is None
    assert win.message.text().startswith("Cancelled")


def test_timeline_diff_navigation_and_consensus(qtbot: Any, study_path: Path) -> None:
    win = open_window(qtbot, study_path, coder="LEAD")
    win.setup.bootstrap.setValue(0)
    win.resize(1280, 720)
    compute(qtbot, win)
    win.tabs.setCurrentWidget(win.diff)
    panel = win.diff
    with Study.open(str(study_path)) as study:
        sid = study.session("C01", 1).id
        codebook, sessions, _ = gather(study, ["A", "B"], ["C01:1"])
        aids = {a.coder: a.id for a in study.assignments(session_id=sid)}
        before = {c: snapshot(study, aids[c]) for c in ("A", "B")}
    assert panel.session_id() == sid
    runs = timeline_diff(sessions[0], "A", "B", codebook)
    times = disagreements(runs)
    assert panel.disagreement_times() == times

    # Next disagreement: the first one, announced to the main window and shown by the playhead
    with qtbot.waitSignal(win.seekRequested) as blocker:
        qtbot.mouseClick(panel.next_btn, Qt.MouseButton.LeftButton)
    assert blocker.args == [sid, times[0]]
    assert panel.timeline.playhead() == times[0]
    assert panel.selected_run() is not None and panel.selected_run().start_ms == times[0]
    with qtbot.waitSignal(win.seekRequested) as blocker:
        qtbot.mouseClick(panel.next_btn, Qt.MouseButton.LeftButton)
    assert blocker.args == [sid, times[1]]
    with qtbot.waitSignal(win.seekRequested) as blocker:
        qtbot.mouseClick(panel.prev_btn, Qt.MouseButton.LeftButton)
    assert blocker.args == [sid, times[0]]

    # clicking a run in a diff lane selects it and seeks to its start
    talk = next(r for r in runs if r.status == "disagree" and r.category == "talk")
    seg_id = next(s for s, r in panel._layout.runs.items()
                  if r == talk and s in panel.timeline.model)
    rect = panel.timeline.segment_rect(seg_id)
    with qtbot.waitSignal(win.seekRequested) as blocker:
        qtbot.mouseClick(panel.timeline.canvas, Qt.MouseButton.LeftButton,
                         pos=QPoint(round(rect.center().x()), round(rect.center().y())))
    assert blocker.args == [sid, talk.start_ms]
    assert panel.selected_run() == talk
    assert not panel.accept_b.isEnabled()  # no consensus yet

    # Create consensus… through its dialog, starting from A's coding
    def fill_dialog() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, ConsensusDialog)
        dlg.start.setCurrentText("A")
        dlg.coder.setCurrentText("LEAD")
        dlg.accept()

    QTimer.singleShot(0, fill_dialog)
    with qtbot.waitSignal(win.consensusChanged, timeout=20_000) as blocker:
        qtbot.mouseClick(panel.create_btn, Qt.MouseButton.LeftButton)
    assert blocker.args == [sid]
    with Study.open(str(study_path)) as study:
        cons = find_consensus(study, sid)
        assert cons is not None and cons.coder == "LEAD"
        start = sorted((v.code, v.start_ms, v.end_ms) for v in study.segments(cons.id))
    assert start == sorted(A_SEGS)
    assert not panel.create_btn.isEnabled()
    shown = panel.timeline.model.index(lane_id("child", CONSENSUS)).segments
    assert [(s.start_ms, s.end_ms) for s in shown] == [(4000, 7000)]

    # Accept B's version of the selected disagreement: only the consensus changes
    panel.select_run(talk)
    assert panel.accept_b.isEnabled() and panel.accept_b.text() == "Accept B's version"
    with qtbot.waitSignal(win.consensusChanged, timeout=20_000):
        qtbot.mouseClick(panel.accept_b, Qt.MouseButton.LeftButton)
    with Study.open(str(study_path)) as study:
        after = sorted((v.code, v.start_ms, v.end_ms) for v in study.segments(cons.id))
        for c in ("A", "B"):
            assert snapshot(study, aids[c]) == before[c]
        assert study.can_undo(cons.id)
    assert (talk.start_ms, talk.end_ms) == (3000, 4000)
    assert after == sorted([("therapist", 0, 3000), ("child", 3000, 7000), ("praise", 1000, 5000),
                            ("question", 2000, 2000), ("question", 8000, 8000)])
    shown = panel.timeline.model.index(lane_id("child", CONSENSUS)).segments
    assert [(s.start_ms, s.end_ms) for s in shown] == [(3000, 7000)]
    assert panel.consensus_label.text() == "Consensus: by LEAD, 5 segments"

    # a new window finds the consensus of the session again
    win2 = open_window(qtbot, study_path)
    win2.setup.bootstrap.setValue(0)
    compute(qtbot, win2)
    model = win2.diff.timeline.model
    qtbot.waitUntil(lambda: model.has_lane(lane_id("child", CONSENSUS)), timeout=20_000)
    assert [(s.start_ms, s.end_ms) for s in model.index(lane_id("child", CONSENSUS)).segments] \
        == [(3000, 7000)]
    assert model.has_lane(lane_id("child", DIFF))
    assert win2.diff.consensus_label.text() == "Consensus: by LEAD, 5 segments"


def _demo_like(path: Path, seconds: int = 300) -> None:
    text = load_codebook("helper-maneuvers")[1]
    rng = random.Random(3)
    with Study.create(str(path), text, "helper-maneuvers.yaml") as study:
        codebook = study.codebook
        study.add_sessions([(f"C{c:02d}", n, None, seconds * 1000, None)
                            for c in range(1, 10) for n in range(1, 6)])
        sessions = study.sessions()
        items, primary = [], {}
        for s in sessions:
            a = study.assign(s.id, "AK", "primary").id
            primary[s.id] = primary_coding(codebook, seconds * 1000, rng)
            items += [NewSegment(a, sp.code, sp.start_ms, sp.end_ms) for sp in primary[s.id]]
        for s in plan_sample(sessions, 0.2, 3):
            b = study.assign(s.id, "BL", "reliability").id
            items += [NewSegment(b, sp.code, sp.start_ms, sp.end_ms)
                      for sp in second_coding(codebook, primary[s.id], seconds * 1000, rng)]
        study.add_segments(items)


@pytest.mark.slow
def test_screenshot_with_demo_like_data(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "demo.annot"
    _demo_like(path)
    win = open_window(qtbot, path, coder="LEAD")
    win.resize(1280, 720)
    win.setup.bootstrap.setValue(200)
    report = compute(qtbot, win)
    assert report["coders"] == ["AK", "BL"] and len(report["sessions"]) == 9
    QApplication.processEvents()
    assert win.width() == 1280 and win.height() == 720  # everything fits at 1280x720
    win.grab().save(str(tmp_path / "compare.png"))
    win.tabs.setCurrentWidget(win.diff)
    win.diff.step(+1)
    QApplication.processEvents()
    assert win.width() == 1280
    win.grab().save(str(tmp_path / "compare-diff.png"))
    assert (tmp_path / "compare.png").stat().st_size > 10_000


def test_models_pass_the_model_tester(qtmodeltester: Any, study_path: Path) -> None:
    from annotator.ui.compare.tables import CellTableModel, category_rows, code_rows

    with Study.open(str(study_path)) as study:
        codebook, sessions, labels = gather(study, ["A", "B"])
    report = compute_reliability(codebook, sessions, labels, bootstrap=0)
    for rows in (category_rows(report["categories"], codebook),
                 code_rows(report["categories"], labels, codebook)):
        model = CellTableModel()
        model.set_rows(*rows)
        assert model.rowCount() == len(rows[2]) > 0
        qtmodeltester.check(model, force_py=True)


def test_recoding_and_three_coders(qtbot: Any, study_path: Path) -> None:
    win = open_window(qtbot, study_path)
    texts = [win.setup.coder_list.item(i).text() for i in range(win.setup.coder_list.count())]
    assert any(t.startswith("A (re-code)") for t in texts)
    win.setup.bootstrap.setValue(0)

    win.setup.set_checked_coders(["A (re-code)", "B"])
    with qtbot.waitSignal(win.computeFailed) as blocker:
        win.setup.compute_btn.click()
    assert "Check A too" in blocker.args[0]

    win.setup.set_checked_coders(["A", "A (re-code)"])  # intra-rater drift
    assert win.setup.coders() == ["A", "A"]
    assert win.setup.session_keys() == ["C01:1"]
    report = compute(qtbot, win)
    assert report["coders"] == ["A", "A (re-code)"]
    assert win.diff.pair() == ("A", "A (re-code)")
    praise = win.codes_model.row_of("praise")
    assert win.codes_model.text(praise, win.codes_model.column("κ")) == "1.00"

    win.setup.set_checked_coders(["A", "B", "D"])
    report = compute(qtbot, win)
    assert report["kappa_type"] == "fleiss"
    assert [win.section.itemText(i) for i in range(win.section.count())] == [
        "All coders", "Pair A and B", "Pair A and D", "Pair B and D"]
    assert win.section.isVisibleTo(win) and not win.diff.pair_a.isHidden()
    talk = win.summary_model.row_of("talk")
    fleiss = report["categories"][0]["kappa"]
    assert win.summary_model.text(talk, win.summary_model.column("κ")) == f"{fleiss:.2f}"
    win.section.setCurrentIndex(2)  # A and D
    pair = report["pairs"][1]
    assert pair["coders"] == ["A", "D"]
    assert win.summary_model.text(talk, win.summary_model.column("κ")) == \
        f"{pair['categories'][0]['kappa']:.2f}"
    assert win.confusion.current() is not None
    with qtbot.waitSignal(win.diff.viewReady):
        win.diff.pair_b.setCurrentText("D")
    with Study.open(str(study_path)) as study:
        codebook, sessions, _ = gather(study, ["A", "D"])
    assert win.diff.runs() == timeline_diff(sessions[0], "A", "D", codebook)


def test_main_window_opens_the_comparison_and_follows_it(qtbot: Any, study_path: Path,
                                                         tmp_path: Path) -> None:
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings

    main = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    assert main.open_study(str(study_path))
    main.set_coder("A")
    main.actions_by_name["compare"].trigger()
    win = main.findChild(CompareWindow)
    assert win is not None and win.user == "A"
    with qtbot.waitSignal(win.catalogLoaded, timeout=20_000):
        pass
    win.setup.bootstrap.setValue(0)
    compute(qtbot, win)
    with Study.open(str(study_path)) as study:
        sid = study.session("C01", 1).id
        codebook, sessions, _ = gather(study, ["A", "B"], ["C01:1"])
    first = disagreements(timeline_diff(sessions[0], "A", "B", codebook))[0]
    with qtbot.waitSignal(win.seekRequested):
        win.diff.next_btn.click()
    assert main.session is not None and main.session.id == sid
    assert main.timeline.playhead() == first


@pytest.mark.postgres
def test_on_a_postgresql_study(qtbot: Any, pg_url: str) -> None:
    _build(pg_url)
    win = open_window(qtbot, pg_url, coder="LEAD")
    assert "***" in win.windowTitle() or "@" not in win.windowTitle()
    win.setup.bootstrap.setValue(0)
    report = compute(qtbot, win)
    assert report["coders"] == ["A", "B"] and len(report["sessions"]) == 2
    panel = win.diff
    with qtbot.waitSignal(win.consensusChanged, timeout=20_000):
        panel.create_consensus("B", "LEAD")
    panel.step(+1)
    assert panel.selected_run() is not None
    with qtbot.waitSignal(win.consensusChanged, timeout=20_000):
        panel.accept_version(0)
    with Study.open(pg_url) as study:
        cons = find_consensus(study, panel.session_id() or 0)
        assert cons is not None and study.can_undo(cons.id)
