"""The Compare window speaks the codebook's language, copies the Methods paragraph, and
guides consensus: a consensus coder who is not compared, "resolved x of N", moving on after an
accept, and a colour legend for the diff lanes (real widgets, offscreen)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from test_ui_compare import A_SEGS, B_SEGS, _build, compute, open_window

from annotator.core.codebook_files import load_codebook
from annotator.core.reliability import disagreements, timeline_diff
from annotator.exchange.reliability_data import gather
from annotator.store import Study
from annotator.store.consensus import accepted_ranges, find_consensus
from annotator.store.edits import NewSegment
from annotator.ui.compare.diff_panel import ConsensusDialog, default_consensus_coder

pytestmark = pytest.mark.gui
SHOTS = os.environ.get("ANNOTATOR_SHOTS_DIR")


@pytest.fixture
def study_path(tmp_path: Path) -> Path:
    path = tmp_path / "study.annot"
    _build(str(path))
    return path


def _helper_study(path: Path) -> None:
    text = load_codebook("helper-maneuvers")[1]
    with Study.create(str(path), text, "helper-maneuvers.yaml") as study:
        items = []
        for n in range(1, 6):
            s = study.add_session("C01", n, duration_ms=60_000)
            a = study.assign(s.id, "AK", "primary").id
            b = study.assign(s.id, "BL", "reliability").id
            items += [NewSegment(a, "responsive", 0, 20_000 + 1000 * n),
                      NewSegment(a, "confirming", 10_000, 30_000),
                      NewSegment(a, "care", 40_000, 50_000)]
            items += [NewSegment(b, "responsive", 1000, 21_000),
                      NewSegment(b, "confirming", 12_000, 28_000 + 500 * n),
                      NewSegment(b, "care", 41_000, 52_000)]
        study.add_segments(items)


def _shot(win: Any, tmp_path: Path, name: str) -> Path:
    folder = Path(SHOTS) if SHOTS else tmp_path
    out = folder / name
    win.grab().save(str(out))
    return out


def test_norwegian_labels_ids_column_and_copy_methods(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "helper.annot"
    _helper_study(path)
    win = open_window(qtbot, path, coder="LEAD")
    win.setup.lang.setCurrentIndex(win.setup.lang.findData("nb"))
    win.setup.bootstrap.setValue(100)
    assert not win.copy_methods.isEnabled()
    report = compute(qtbot, win)
    assert report["language"] == "nb"
    model = win.summary_model
    assert model.text(0, model.column("Category")) == "Implisitte hjelpemanøvrer"
    assert model.text(0, model.column("id")) == "implicit"
    assert model.text(0, model.column("AC1")) == f"{report['categories'][0]['ac1']:.2f}"
    codes = win.codes_model
    assert codes.text(0, codes.column("Code")) == "Være responsiv"
    assert codes.text(0, codes.column("id")) == "responsive"
    win.confusion.show_key("code:responsive")
    header = win.confusion.table.verticalHeaderItem(0).text()
    assert "Være responsiv" in header  # labels in the heatmaps too, not ids
    with qtbot.waitSignal(win.diff.viewReady, timeout=20_000, raising=False):
        pass
    assert win.copy_methods.isEnabled()
    qtbot.mouseClick(win.copy_methods, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied == report["methods"]["nb"]
    assert copied.startswith("To kodere (AK og BL) kodet uavhengig av hverandre alle 5")
    assert "copied" in win.message.text()
    for w, h in ((1280, 720), (1920, 1080)):
        win.resize(w, h)
        QApplication.processEvents()
        assert _shot(win, tmp_path, f"compare-nb-{w}.png").stat().st_size > 10_000


def test_default_consensus_coder() -> None:
    assert default_consensus_coder("LEAD", {"A", "B"}, ["A", "B", "LEAD"], []) == "LEAD"
    assert default_consensus_coder("A", {"A", "B"}, ["A", "B", "C"], []) == "CONS"
    assert default_consensus_coder("A", {"A", "B"}, ["A", "B", "KL"], ["KL"]) == "KL"
    assert default_consensus_coder(None, {"A", "B"}, ["A", "B", "CONS"], []) == "CONS2"


def test_consensus_default_resolved_count_advance_and_legend(qtbot: Any, study_path: Path,
                                                            tmp_path: Path) -> None:
    win = open_window(qtbot, study_path, coder="A")  # the lead is one of the compared coders
    win.setup.bootstrap.setValue(0)
    win.resize(1280, 720)
    compute(qtbot, win)
    win.tabs.setCurrentWidget(win.diff)
    panel = win.diff
    legend = {k: v.text() for k, v in panel.legend.items.items()}
    assert legend == {"agree": "both code it",
                      "disagree": "different codes (exclusive category)",
                      "only_one": "only one coder codes it"}
    with Study.open(str(study_path)) as study:
        sid = study.session("C01", 1).id
        codebook, sessions, _ = gather(study, ["A", "B"], ["C01:1"])
    runs = [r for r in timeline_diff(sessions[0], "A", "B", codebook) if r.status != "agree"]
    times = disagreements(runs)
    n = len(runs)
    assert panel.resolved_label.text() == ""  # no consensus yet

    # the dialog proposes a coder who is not compared: a new consensus coder
    seen: dict[str, Any] = {}

    def fill_dialog() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, ConsensusDialog)
        seen["default"] = dlg.coder.currentText()
        seen["choices"] = [dlg.coder.itemText(i) for i in range(dlg.coder.count())]
        dlg.start.setCurrentText("A")
        dlg.accept()

    QTimer.singleShot(0, fill_dialog)
    with qtbot.waitSignal(win.consensusChanged, timeout=20_000):
        qtbot.mouseClick(panel.create_btn, Qt.MouseButton.LeftButton)
    assert seen["default"] == "CONS"
    assert "A" not in seen["choices"] and "B" not in seen["choices"]
    with Study.open(str(study_path)) as study:
        cons = find_consensus(study, sid)
        assert cons is not None and cons.coder == "CONS"
    assert panel.resolved_label.text() == f"· resolved 0 of {n}"

    # accept at the first disagreement: counted, and the panel moves on to the next one
    panel.step(+1)
    first = panel.selected_run()
    assert first is not None and first.start_ms == times[0]
    with qtbot.waitSignal(win.consensusChanged, timeout=20_000):
        qtbot.mouseClick(panel.accept_a, Qt.MouseButton.LeftButton)  # A's = what it has
    qtbot.waitUntil(lambda: panel.resolved_label.text() != f"· resolved 0 of {n}",
                    timeout=20_000)
    done, total = panel.resolved()
    assert total == n and done >= 1
    assert panel.resolved_label.text() == f"· resolved {done} of {n}"
    assert panel.timeline.playhead() > times[0]  # moved on to the next open disagreement
    nxt = panel.selected_run()
    assert nxt is not None and nxt != first and nxt.status != "agree"
    with Study.open(str(study_path)) as study:
        logged = accepted_ranges(study, cons.id)
    assert [(a.start_ms, a.end_ms, a.source_coder) for a in logged] == [
        (first.start_ms, first.end_ms, "A")]  # logged although nothing changed

    # settle the rest with B's version; the count reaches N of N
    for _ in range(3 * n):
        if panel.resolved()[0] == n:
            break
        run = panel.selected_run()
        assert run is not None
        before = panel.resolved()[0]
        with qtbot.waitSignal(win.consensusChanged, timeout=20_000):
            qtbot.mouseClick(panel.accept_b, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda b=before: panel.resolved()[0] > b, timeout=20_000)
    assert panel.resolved() == (n, n)
    assert panel.resolved_label.text() == f"· resolved {n} of {n}"
    with Study.open(str(study_path)) as study:
        final = sorted((v.code, v.start_ms, v.end_ms) for v in study.segments(cons.id))
    assert final != sorted(A_SEGS) and ("child", 3000, 8000) in final  # B's child span
    assert sorted(B_SEGS) != final or True
    assert _shot(win, tmp_path, "compare-consensus-1280.png").stat().st_size > 10_000
    win.resize(1920, 1080)
    QApplication.processEvents()
    assert _shot(win, tmp_path, "compare-consensus-1920.png").stat().st_size > 10_000

    # a new window counts the settled disagreements again, from the edit log
    win2 = open_window(qtbot, study_path, coder="A")
    win2.setup.bootstrap.setValue(0)
    compute(qtbot, win2)
    qtbot.waitUntil(lambda: win2.diff.resolved_label.text() == f"· resolved {n} of {n}",
                    timeout=20_000)
