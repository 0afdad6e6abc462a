"""The manual against the program: every shortcut of the real window (the Keyboard dialog's
keys: the window's actions and the player's) is in both languages' coding chapter, and the
built HTML loads nothing from the network."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from annotator.manual_build import LANGUAGES, build_manual
from tests.gui_helpers import open_window, small_study

REPO = Path(__file__).resolve().parent.parent
CODEBOOK = REPO / "codebook" / "helper-maneuvers.yaml"


def _mentions(text: str, key: str) -> bool:
    """``key`` ("Ctrl+Left", "S") written as a key of its own, not inside a longer one."""
    return re.search(rf"(?<![\w+]){re.escape(key)}(?![\w+])", text) is not None


def window_shortcuts(window: object) -> set[str]:
    from annotator.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    actions = set(window.findChildren(QAction)) | set(window.player.player_actions.all())
    keys = {seq.toString(QKeySequence.SequenceFormat.PortableText)
            for a in actions for seq in a.shortcuts()}
    keys.discard("")
    return keys


@pytest.mark.gui
def test_every_shortcut_of_the_window_is_in_both_coding_chapters(
        qtbot: QtBot, tmp_path: Path) -> None:
    study = small_study(tmp_path / "s", CODEBOOK.read_text(encoding="utf-8"), frames=50)
    w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s.ini")
    keys = window_shortcuts(w)
    # the dialog's own list: the player's keys and the main menus' are all collected
    assert {"Space", "J", "K", "L", "Ctrl+Shift+Z", "Ctrl+Y", "Return", "Esc", "F1",
            "Ctrl+F1"} <= keys
    assert w.controller is not None
    code_keys = {c.key for c in w.controller.codebook.codes if c.key}
    assert len(code_keys) == 10
    names = {"Del": "Delete", "Esc": "Escape"}  # Qt's short portable names, as written
    for lang in LANGUAGES:
        text = (REPO / "docs" / "manual" / lang / "coding.md").read_text(encoding="utf-8")
        missing = sorted(k for k in keys | code_keys
                         if not _mentions(text, names.get(k, k)))
        assert not missing, f"docs/manual/{lang}/coding.md lacks the keys {missing}"


class _Resources(HTMLParser):
    """Every resource a page loads: script/img/source/iframe src, link href, inline url()."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("script", "img", "source", "iframe", "audio", "video", "embed") and a.get("src"):
            self.found.append(a["src"] or "")
        if tag == "link" and a.get("href"):
            self.found.append(a["href"] or "")
        self.found += re.findall(r"url\(\s*['\"]?([^'\")]+)", a.get("style") or "")


REMOTE = re.compile(r"^(https?:)?//", re.IGNORECASE)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("manual")
    build_manual(REPO, out)
    return out


def test_the_built_manual_loads_nothing_from_the_network(built: Path) -> None:
    pages = sorted(built.rglob("*.html"))
    assert {p.parent.name for p in pages} >= set(LANGUAGES)
    assert len(pages) >= 2 * 13
    remote: list[str] = []
    missing: list[str] = []
    for page in pages:
        parser = _Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        for ref in parser.found:
            if REMOTE.match(ref):
                remote.append(f"{page.relative_to(built)}: {ref}")
            elif not ref.startswith(("data:", "#")):
                target = (page.parent / ref.split("#")[0].split("?")[0]).resolve()
                if not target.exists():
                    missing.append(f"{page.relative_to(built)}: {ref}")
    for css in built.rglob("*.css"):
        text = re.sub(r"/\*.*?\*/", "", css.read_text(encoding="utf-8"), flags=re.S)
        refs = re.findall(r"url\(\s*['\"]?([^'\")]+)", text)
        refs += re.findall(r"@import\s+['\"]([^'\"]+)", text)
        remote += [f"{css.relative_to(built)}: {r}" for r in refs if REMOTE.match(r)]
    assert not remote, f"resources from the network: {remote}"
    assert not missing, f"resources not in the build: {missing}"


def test_the_built_manual_has_every_chapter_in_both_languages(built: Path) -> None:
    chapters = sorted(p.stem for p in (REPO / "docs" / "manual" / "en").glob("*.md"))
    for lang in LANGUAGES:
        sources = sorted(p.stem for p in (REPO / "docs" / "manual" / lang).glob("*.md"))
        assert sources == chapters
        for name in chapters:
            assert (built / lang / f"{name}.html").is_file()
        assert (built / "img").is_dir()


def _program_text() -> str:
    """The program's source with implicitly joined string literals joined again."""
    text = "\n".join(p.read_text(encoding="utf-8")
                     for p in sorted((REPO / "annotator").rglob("*.py")))
    return re.sub(r"\"\s*\n\s*(?:\+\s*)?[rfb]*\"", "", text)


def _quoted_messages(md: str) -> list[tuple[str, str]]:
    """(message, its whole entry) for each bold message that starts an entry."""
    out = []
    for block in re.split(r"\n\s*\n", md):
        m = re.match(r"\*\*(.+?)\*\*(?:\s|$|[.,:])", block.strip(), re.S)
        if m and len(m.group(1)) > 30:
            out.append((m.group(1), block))
    return out


def _clauses(message: str) -> list[str]:
    """The literal parts of a quoted message: italics and … stand for the user's own names
    and numbers; clauses are cut at . ; : so that a message built from parts still matches."""
    message = message.replace("\\`", "`")
    parts = re.split(r"\*[^*]+\*|…|\*\*\s*/\s*\*\*", message)
    clauses = [c.strip(" .()'\"") for p in parts for c in re.split(r"[.;:]\s+", p)]
    return [c for c in clauses if len(c) >= 12]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_troubleshooting_quotes_messages_as_the_program_writes_them(lang: str) -> None:
    program = _program_text()
    md = (REPO / "docs" / "manual" / lang / "troubleshooting.md").read_text(encoding="utf-8")
    messages = _quoted_messages(md)
    assert len(messages) >= 25
    checked = 0
    wrong = []
    for message, entry in messages:
        if "<!-- branch " in entry:
            continue  # a message of a branch not merged yet: drop the comment after the merge
        checked += 1
        wrong += [f"{c!r} (in {message[:50]!r}…)" for c in _clauses(message)
                  if c not in program]
    assert checked >= 20
    assert not wrong, f"quoted text the program does not write: {wrong}"
