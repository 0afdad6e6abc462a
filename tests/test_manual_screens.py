"""The manual's screenshots, made from real windows on the demo study (offscreen), so they
show the program as it is; and a check that the manual uses exactly these pictures.

``test_make_screenshots`` writes ``docs/manual/img/*.png`` (shared by both languages). Commit
the pictures it changes after looking at them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from annotator.store import Study
from tests.gui_helpers import WAIT_MS, copy_demo, key, open_window, seek

REPO = Path(__file__).resolve().parent.parent
IMG = REPO / "docs" / "manual" / "img"
MANUALS = [REPO / "docs" / "manual" / lang for lang in ("en", "nb")]
SIZE = (1280, 720)
MAX_BYTES = 300_000

#: every picture the manual may use, and what it shows
SHOTS = {
    "coding-window.png": "the main window coding a session, one code being recorded",
    "timeline.png": "the timeline with segments of both categories",
    "blind-coding.png": "a reliability coder's blind view of a session",
    "compare-window.png": "the Compare coders window",
}


def save(widget: QWidget, name: str) -> Path:
    assert name in SHOTS
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    path = IMG / name
    IMG.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path), "PNG", 0)  # type: ignore[call-overload]  # 0: the smallest PNG
    assert path.stat().st_size < MAX_BYTES, f"{name} is {path.stat().st_size} bytes"
    return path


def referenced_images() -> dict[str, set[Path]]:
    """Image file names referenced by each manual chapter (Markdown or HTML images)."""
    pattern = re.compile(r"!\[[^\]]*\]\(([^)\s]+)|<img[^>]+src=\"([^\"]+)\"")
    found: dict[str, set[Path]] = {}
    for folder in MANUALS:
        for md in sorted(folder.glob("*.md")):
            for m in pattern.finditer(md.read_text(encoding="utf-8")):
                target = (md.parent / (m.group(1) or m.group(2))).resolve()
                found.setdefault(target.name, set()).add(md)
    return found


@pytest.mark.gui
def test_make_screenshots(qtbot: QtBot, tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.ui.compare.window import CompareWindow

    study = copy_demo(tmp_path / "demo")
    w = open_window(qtbot, study, "AK", "C09:1", tmp_path / "s.ini", size=SIZE)
    qtbot.wait(200)  # the default dock sizes are applied after the first show
    seek(qtbot, w, 2520)
    key(qtbot, w, Qt.Key.Key_2)  # a code being recorded
    seek(qtbot, w, 3200)
    assert w.table.model.rowCount() >= 3
    w.statusBar().clearMessage()  # it names the test's temporary folder
    assert save(w, "coding-window.png")
    key(qtbot, w, Qt.Key.Key_Return)  # end the code: a segment on the timeline
    assert w.timeline.width() > 600 and w.timeline.height() > 100
    assert save(w.timeline, "timeline.png")

    key(qtbot, w, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # Study ▸ Compare
    qtbot.waitUntil(lambda: any(c.isVisible() for c in w.findChildren(CompareWindow)),
                    timeout=WAIT_MS)
    compare = next(c for c in w.findChildren(CompareWindow) if c.isVisible())
    compare.resize(*SIZE)
    qtbot.waitExposed(compare)
    qtbot.waitUntil(lambda: "in common" in compare.setup.session_count.text(), timeout=WAIT_MS)
    with qtbot.waitSignal(compare.computed, timeout=60_000):
        compare.compute()
    qtbot.wait(300)
    assert save(compare, "compare-window.png")
    compare.close()
    w.close()

    with Study.open(study) as s:
        rel = s.assignments(coder="BL", purpose="reliability")[-1]
    b = open_window(qtbot, study, "BL", f"{rel.case}:{rel.number}", tmp_path / "b.ini",
                    size=SIZE)
    qtbot.wait(200)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    assert all(lane.editable for lane in b.timeline.lanes())  # blind: only BL's own lanes
    seek(qtbot, b, 1500)
    b.statusBar().clearMessage()
    assert save(b, "blind-coding.png")


def test_every_manual_image_is_made_by_the_suite() -> None:
    refs = referenced_images()
    assert refs, "the manual shows no screenshots"
    unknown = {name: sorted(str(p.relative_to(REPO)) for p in pages)
               for name, pages in refs.items() if name not in SHOTS}
    assert not unknown, f"images no test makes: {unknown}"
    missing = [name for name in refs if not (IMG / name).is_file()]
    assert not missing, f"run tests/test_manual_screens.py to make {missing}"
    for name in refs:
        assert (IMG / name).stat().st_size < MAX_BYTES
    unused = set(SHOTS) - set(refs)
    assert not unused, f"screenshots the manual does not show: {sorted(unused)}"
    # both languages show the same pictures
    per_lang = [{n for n, pages in refs.items() if any(p.parent == f for p in pages)}
                for f in MANUALS]
    assert per_lang[0] == per_lang[1], "the English and Norwegian manuals show other pictures"
