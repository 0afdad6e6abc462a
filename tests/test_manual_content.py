"""The manual against the program: every shortcut of the real window (the Keyboard dialog's
keys: the window's actions and the player's) is in both languages' coding chapter, and the
built HTML loads nothing from the network."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from annotator.manual_build import LANGUAGES, build_manual
from annotator.ui.i18n import LANGUAGES as UI_LANGUAGES
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
    """As the program writes them: its source, and in Bokmål also the interface's
    translations (messages of the CLI and the store stay English in both manuals)."""
    program = _program_text()
    if lang == "nb":
        catalogue = ET.parse(REPO / "translations" / "annotator_nb.ts").getroot()
        program += "\n".join(t.text or "" for t in catalogue.iter("translation"))
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


# ------------------------------------------------------------------ menu paths in the text

BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
"""Bold text, paired from the start of a chapter as Markdown pairs it."""


def bold_paths(text: str) -> list[str]:
    """Every bold ``**Menu ▸ Item**`` (▸-separated, perhaps over a line break): menu paths.
    Code (blocks and spans) is left out first: a ``***`` in it is no bold."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    text = re.sub(r"`[^`\n]*`", "", text)
    return [m.group(1) for m in BOLD.finditer(text) if "▸" in m.group(1)]


def menu_paths(lang: str) -> list[tuple[str, tuple[str, ...]]]:
    """(chapter, the path's parts) for every bold menu path of a language's manual."""
    out = []
    for md in sorted((REPO / "docs" / "manual" / lang).glob("*.md")):
        for path in bold_paths(md.read_text(encoding="utf-8")):
            parts = tuple(re.sub(r"\s+", " ", p).strip() for p in path.split("▸"))
            out.append((md.name, parts))
    return out


def shown(text: str) -> str:
    """A menu or action text as the menu shows it: without the & of its accelerator."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def catalogue_texts(language: str) -> dict[str, tuple[set[str], set[str]]]:
    """Per context of ``translations/annotator_<language>.ts``: the shown source texts and
    the shown (finished) translations."""
    from annotator.translations_build import app_catalogue

    out: dict[str, tuple[set[str], set[str]]] = {}
    root = ET.parse(app_catalogue(REPO, language)).getroot()
    for ctx in root.iter("context"):
        sources, translations = out.setdefault(ctx.findtext("name") or "", (set(), set()))
        for msg in ctx.iter("message"):
            sources.add(shown(msg.findtext("source") or ""))
            tr = msg.find("translation")
            if tr is not None and tr.get("type") is None and (tr.text or "").strip():
                translations.add(shown(tr.text or ""))
    return out


def _bad_paths(lang: str, menus: set[str], items: set[str]) -> list[str]:
    return [f"docs/manual/{lang}/{chapter}: **{' ▸ '.join(parts)}**"
            for chapter, parts in menu_paths(lang)
            if parts[0] not in menus or any(p not in items for p in parts[1:])]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_menu_paths_name_the_menus_the_interface_shows(lang: str) -> None:
    """Every bold ``**A ▸ B**`` of the English manual is made of the program's source texts
    (A a menu's), and every one of the Norwegian manual of the Bokmål catalogue's
    translations: what the interface shows in that language. (The Norwegian half passes once
    translations/annotator_nb.ts holds the menus' and actions' translations.)"""
    paths = menu_paths(lang)
    assert len(paths) >= 15, f"the {lang} manual names fewer menu paths than expected"
    texts = catalogue_texts("nb")
    which = 0 if lang == "en" else 1
    menus = texts.get("Menus", (set(), set()))[which]
    assert menus, "translations/annotator_nb.ts has no context Menus (the menus' titles)"
    items = set().union(*(t[which] for t in texts.values()))
    items |= {name for _code, name in UI_LANGUAGES}  # never translated
    bad = _bad_paths(lang, menus, items)
    assert not bad, (f"menu paths the {lang} interface does not show:\n" + "\n".join(bad))


def test_the_menu_path_check_can_fail() -> None:
    assert _bad_paths("en", {"File"}, {"Export…"}) != []  # the manual names more than that
    assert bold_paths("**H** (Coding ▸ Hold mode) **Coding ▸ Show other\ncoders (unblind)**"
                      " and **H**, `***` **View ▸ Refresh**") == [
        "Coding ▸ Show other\ncoders (unblind)", "View ▸ Refresh"]


def window_menu_paths(window: object) -> set[tuple[str, ...]]:
    """Every path through the window's menu bar as shown: (menu,), (menu, item),
    (menu, submenu, item)..."""
    from PySide6.QtWidgets import QMenu

    from annotator.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    out: set[tuple[str, ...]] = set()

    def walk(menu: QMenu, prefix: tuple[str, ...]) -> None:
        menu.aboutToShow.emit()  # menus that fill themselves as they open
        for a in menu.actions():
            if a.isSeparator() or not a.text():
                continue
            path = (*prefix, shown(a.text()))
            out.add(path)
            if a.menu() is not None:
                walk(a.menu(), path)

    for a in window.menuBar().actions():
        out.add((shown(a.text()),))
        if a.menu() is not None:
            walk(a.menu(), (shown(a.text()),))
    return out


@pytest.mark.gui
@pytest.mark.parametrize("lang", LANGUAGES)
def test_menu_paths_are_the_real_windows_menus(qtbot: QtBot, tmp_path: Path,
                                               lang: str) -> None:
    """Each bold menu path of a manual is a path through the real window's menus, with the
    interface in the manual's language (the repo's catalogue). The Norwegian half passes
    once translations/annotator_nb.ts is merged."""
    from annotator.translations_build import build_translations
    from annotator.ui.i18n import SETTING, install
    from annotator.ui.settings import Settings

    qm = tmp_path / "qm"
    build_translations(REPO, qm)
    settings = Settings(tmp_path / "s.ini")
    settings.set(SETTING, lang)  # the app loads the chosen language as it starts
    settings.sync()
    assert install(lang, qm)
    try:
        study = small_study(tmp_path / "s", CODEBOOK.read_text(encoding="utf-8"), frames=50)
        w = open_window(qtbot, study, "AK", "C01:1", tmp_path / "s.ini")
        real = window_menu_paths(w)
        w.close()
    finally:
        install("en")
    missing = [f"docs/manual/{lang}/{chapter}: **{' ▸ '.join(parts)}**"
               for chapter, parts in menu_paths(lang) if parts not in real]
    assert not missing, (f"menu paths the {lang} window does not have:\n" + "\n".join(missing)
                         + "\nits menus: " + ", ".join(sorted(" ▸ ".join(p) for p in real)))
