"""The Norwegian interface: every shown string in ui/ is translated, the catalogue is
complete and current, and the compiled catalogues load."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annotator.translations_build import app_catalogue, build_translations, update_sources
from tests.i18n_literals import UI, ui_files, untranslated

ROOT = Path(__file__).resolve().parent.parent

ALLOWED: dict[tuple[str, str], str] = {
    # (file under annotator/ui, literal): why it is never shown to a user
    ("player/waveform.py", "usage: python -m annotator.ui.player.waveform FILE"):
        "a developer's command-line entry, not the app",
    ("i18n.py", "English"): "a language's name in its own language, the same in every interface",
    ("i18n.py", "Norsk bokmål"): "a language's name in its own language, the same in every "
                                 "interface",
}


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name") or "", msg)
            for ctx in root.iter("context") for msg in ctx.iter("message")]


def test_no_untranslated_literal_in_ui() -> None:
    found = []
    for path in ui_files():
        rel = path.relative_to(UI).as_posix()
        for line, text in untranslated(path):
            if (rel, text) not in ALLOWED:
                found.append(f"annotator/ui/{rel}:{line}: {text!r}")
    assert not found, "shown text outside translate():\n" + "\n".join(found)


def test_allow_list_is_short_and_used() -> None:
    assert len(ALLOWED) <= 10
    for rel, text in ALLOWED:
        assert (0, text) in {(0, t) for _, t in untranslated(UI / rel)}, (rel, text)


def test_the_checker_finds_a_bare_label(tmp_path: Path) -> None:
    f = tmp_path / "w.py"
    f.write_text('from PySide6.QtWidgets import QLabel\n'
                 'from annotator.ui.i18n import translate\n'
                 'a = QLabel("Open study")\n'
                 'b = QLabel(translate("W", "Open study"))\n'
                 'c = QLabel(f"{3} segments")\n'
                 'd = {"key_name": 1}\n', encoding="utf-8")
    assert [line for line, _ in untranslated(f)] == [3, 5]


def test_catalogue_is_finished() -> None:
    messages = _messages(app_catalogue(ROOT, "nb"))
    assert len(messages) > 300
    bad = []
    for ctx, msg in messages:
        tr = msg.find("translation")
        source = msg.findtext("source") or ""
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
            bad.append(f"{ctx}: {source!r} is unfinished")
            continue
        numerus = tr.findall("numerusform")
        texts = [n.text or "" for n in numerus] if numerus else [tr.text or ""]
        for text in texts:
            if not text.strip():
                bad.append(f"{ctx}: {source!r} has no translation")
            elif set(re.findall(r"\{\w*\}", source)) != set(re.findall(r"\{\w*\}", text)):
                bad.append(f"{ctx}: {source!r} -> {text!r}: the {{placeholders}} differ")
            elif "%n" in source:  # lupdate never marks it plural: Qt would show "thing(s)"
                bad.append(f"{ctx}: {source!r}: use {{n}} and a singular text, not %n")
            elif re.search(r"&[^&\s]", source) and not re.search(r"&[^&\s]", text):
                bad.append(f"{ctx}: {source!r} -> {text!r}: lost its & accelerator")
    assert not bad, "\n".join(bad)


def test_catalogue_is_current(tmp_path: Path) -> None:
    """lupdate over today's source adds nothing and drops nothing."""
    repo_ts = app_catalogue(ROOT, "nb")
    copy = tmp_path / repo_ts.name
    shutil.copy(repo_ts, copy)
    update_sources(ROOT, ts=copy)
    before = {(c, m.findtext("source")) for c, m in _messages(repo_ts)}
    after = {(c, m.findtext("source")) for c, m in _messages(copy)}
    assert after - before == set(), ("new strings: run scripts/build-translations.sh update "
                                     "and translate them", sorted(after - before)[:20])
    assert before - after == set(), ("strings gone from the source",
                                     sorted(before - after)[:20])


@pytest.fixture()
def compiled(tmp_path: Path) -> Path:
    out = tmp_path / "qm"
    made = build_translations(ROOT, out)
    assert {p.name for p in made} == {"annotator_nb.qm", "qt_nb.qm"}
    return out


def test_compiled_catalogues_load(qapp: object, compiled: Path) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from annotator.ui.i18n import current_language, install, translate

    try:
        assert install("nb", compiled)
        assert current_language() == "nb"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"
        ctx, msg = _messages(app_catalogue(ROOT, "nb"))[0]
        source = msg.findtext("source") or ""
        assert translate(ctx, source) == (msg.findtext("translation") or "")
    finally:
        install("en")
    assert current_language() == "en"
    assert QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel).button(
        QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_missing_catalogue_keeps_english(qapp: object, tmp_path: Path) -> None:
    from annotator.ui.i18n import current_language, install

    assert not install("nb", tmp_path)
    assert current_language() == "en"


def test_fill_takes_finished_translations_only(tmp_path: Path) -> None:
    from annotator.translations_build import fill

    def ts(body: str) -> str:
        return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                f'<TS version="2.1" language="nb">{body}</TS>\n')

    target = tmp_path / "t.ts"
    target.write_text(ts(
        '<context><name>W</name>'
        '<message><source>Open</source><translation type="unfinished"></translation></message>'
        '<message><source>Close</source><translation type="unfinished"></translation></message>'
        '<message><source>Kept</source><translation>Beholdt</translation></message>'
        '</context>'), encoding="utf-8")
    donor = tmp_path / "d.ts"
    donor.write_text(ts(
        '<context><name>W</name>'
        '<message><source>Open</source><translation>Åpne</translation></message>'
        '<message><source>Close</source><translation type="unfinished">Lukk</translation>'
        '</message><message><source>Kept</source><translation>Annet</translation></message>'
        '</context><context><name>X</name>'
        '<message><source>Close</source><translation>Lukk</translation></message>'
        '</context>'), encoding="utf-8")
    assert fill(target, [donor]) == (1, 1)
    got = {(c, m.findtext("source")): (m.findtext("translation"), m.find("translation").get("type"))
           for c, m in _messages(target)}
    assert got == {("W", "Open"): ("Åpne", None), ("W", "Close"): ("", "unfinished"),
                   ("W", "Kept"): ("Beholdt", None)}
