"""The manual's screenshots, made from real windows on the demo study (offscreen), so they
show the program as it is; and a check that the manual uses exactly these pictures.

``test_make_screenshots`` writes ``docs/manual/img/<lang>/*.png``, the same scenes in each
language of the manual: the interface in that language (the repo's catalogue, compiled) and
the codebook's labels in it. Commit the pictures it changes after looking at them. They are
saved with 256 colours (about a third of the full-colour size), the interface's flat colours
exactly, to keep the repository small.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageChops
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from annotator.manual_build import LANGUAGES
from annotator.store import Study
from annotator.translations_build import build_translations
from annotator.ui.i18n import SETTING, install
from annotator.ui.settings import Settings
from tests.gui_helpers import (
    copy_demo,
    key,
    open_computed_compare,
    open_window,
    seek,
)

REPO = Path(__file__).resolve().parent.parent
IMG = REPO / "docs" / "manual" / "img"
MANUALS = {lang: REPO / "docs" / "manual" / lang for lang in LANGUAGES}
SIZE = (1280, 720)
MAX_BYTES = 120_000
MAX_COLOUR_ERROR = 24
"""The most a channel of a pixel may change in the 256-colour picture (of 255)."""

#: every picture the manual may use, and what it shows
SHOTS = {
    "coding-window.png": "the main window coding a session, one code being recorded",
    "timeline.png": "the timeline with segments of both categories",
    "blind-coding.png": "a reliability coder's blind view of a session",
    "compare-window.png": "the Compare coders window",
}


def palette_picture(picture: Image.Image, exact: int = 128) -> Image.Image:
    """``picture`` with 256 colours: its ``exact`` most frequent colours (the interface's
    flat ones: backgrounds, the codes' colours) kept as they are, the rest (the video's
    shades, anti-aliased text) mapped to the nearest of those and of a maximum-coverage
    palette. Pillow's own quantizers tint the flat colours."""
    pixels = np.asarray(picture.convert("RGB"))
    colours, inverse, counts = np.unique(pixels.reshape(-1, 3), axis=0, return_inverse=True,
                                         return_counts=True)
    kept = colours[np.argsort(-counts)[:exact]].astype(np.int32)
    fill = picture.quantize(256 - exact, method=Image.Quantize.MAXCOVERAGE,
                            dither=Image.Dither.NONE).getpalette() or []
    palette = np.vstack([kept, np.array(fill[: 3 * (256 - exact)], np.int32).reshape(-1, 3)])
    distance = ((colours[:, None, :].astype(np.int32) - palette[None, :, :]) ** 2).sum(axis=2)
    index = distance.argmin(axis=1).astype(np.uint8)[inverse.ravel()]
    out = Image.fromarray(index.reshape(pixels.shape[:2]), "P")
    out.putpalette(palette.astype(np.uint8).ravel().tolist())
    return out


def save(widget: QWidget, lang: str, name: str) -> Path:
    """``widget``'s picture as ``img/<lang>/<name>`` with 256 colours, checked to keep every
    pixel's colour close (the codes' colours must stay tellable apart)."""
    assert name in SHOTS
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert widget.grab().toImage().save(buffer, "PNG")  # type: ignore[call-overload]
    picture = Image.open(io.BytesIO(buffer.data().data())).convert("RGB")
    small = palette_picture(picture)
    off = ImageChops.difference(picture, small.convert("RGB")).getextrema()
    assert max(hi for _lo, hi in off) <= MAX_COLOUR_ERROR, f"{name}: colours lost {off}"
    folder = IMG / lang
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    small.save(path, "PNG", optimize=True)
    assert path.stat().st_size < MAX_BYTES, f"{lang}/{name} is {path.stat().st_size} bytes"
    return path


def referenced_images() -> dict[str, dict[Path, set[Path]]]:
    """Per language, the image files its chapters show (Markdown or HTML images): each
    resolved path and the chapters that show it."""
    pattern = re.compile(r"!\[[^\]]*\]\(([^)\s]+)|<img[^>]+src=\"([^\"]+)\"")
    found: dict[str, dict[Path, set[Path]]] = {}
    for lang, folder in MANUALS.items():
        refs = found.setdefault(lang, {})
        for md in sorted(folder.glob("*.md")):
            for m in pattern.finditer(md.read_text(encoding="utf-8")):
                target = (md.parent / (m.group(1) or m.group(2))).resolve()
                refs.setdefault(target, set()).add(md)
    return found


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repo's interface catalogues, compiled."""
    out = tmp_path_factory.mktemp("qm")
    build_translations(REPO, out)
    return out


@pytest.mark.gui
@pytest.mark.parametrize("lang", LANGUAGES)
def test_make_screenshots(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                          catalogue: Path, lang: str) -> None:
    assert install(lang, catalogue)  # before any widget is built
    try:
        make_screenshots(qtbot, tmp_path, monkeypatch, lang)
    finally:
        install("en")


def make_screenshots(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                     lang: str) -> None:

    study = copy_demo(tmp_path / "demo")
    for ini in ("s.ini", "b.ini"):  # the app keeps that language; the codebook's labels too
        settings = Settings(tmp_path / ini)
        settings.set(SETTING, lang)
        settings.set("language", lang)
        settings.sync()
    w = open_window(qtbot, study, "AK", "C09:1", tmp_path / "s.ini", size=SIZE)
    qtbot.wait(200)  # the default dock sizes are applied after the first show
    if lang != "en":  # the interface is in that language: its first menu is not "File"
        assert w.menuBar().actions()[0].text().replace("&", "") != "File", \
            f"translations/annotator_{lang}.ts does not translate the menus"
    seek(qtbot, w, 2520)
    key(qtbot, w, Qt.Key.Key_2)  # a code being recorded
    seek(qtbot, w, 3200)
    assert w.table.model.rowCount() >= 3
    w.statusBar().clearMessage()  # it names the test's temporary folder
    assert save(w, lang, "coding-window.png")
    key(qtbot, w, Qt.Key.Key_Return)  # end the code: a segment on the timeline
    assert w.timeline.width() > 600 and w.timeline.height() > 100
    assert save(w.timeline, lang, "timeline.png")

    compare = open_computed_compare(qtbot, w, SIZE)  # Study ▸ Compare coders
    assert save(compare, lang, "compare-window.png")
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
    assert save(b, lang, "blind-coding.png")


def test_every_manual_image_is_made_by_the_suite() -> None:
    refs = referenced_images()
    assert all(refs.values()), "a manual shows no screenshots"
    for lang, images in refs.items():
        chapters = {path: sorted(str(p.relative_to(REPO)) for p in pages)
                    for path, pages in images.items()}
        # each manual shows the pictures in its own language, from img/<lang>/
        foreign = {str(path): pages for path, pages in chapters.items()
                   if path.parent != (IMG / lang).resolve()}
        assert not foreign, f"the {lang} manual shows pictures not in img/{lang}: {foreign}"
        unknown = {path.name: pages for path, pages in chapters.items()
                   if path.name not in SHOTS}
        assert not unknown, f"images no test makes: {unknown}"
        missing = [path.name for path in images if not path.is_file()]
        assert not missing, f"run tests/test_manual_screens.py to make {lang}/{missing}"
        for path in images:
            assert path.stat().st_size < MAX_BYTES, f"{path} is too large"
        unused = set(SHOTS) - {path.name for path in images}
        assert not unused, f"screenshots the {lang} manual does not show: {sorted(unused)}"
    # no picture is left over from before (the old shared img/*.png) or made for nothing
    made = {p.relative_to(IMG).as_posix() for p in IMG.rglob("*.png")}
    assert made == {f"{lang}/{name}" for lang in MANUALS for name in SHOTS}
