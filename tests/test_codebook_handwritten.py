"""Codebooks people write by hand (issue 10 point 5): no ``language`` list, plain-text labels,
no colours; problems still name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.codebook_yaml import PALETTE, CodebookError, parse_codebook
from annotator.store import Study
from tests.conftest import run_cli

# every test here runs with either YAML parser (tests/conftest.py: yaml_parser)
pytestmark = pytest.mark.usefixtures("yaml_parser")

MINIMAL = """\
name: Turn taking
version: 1
categories:
  - id: talk
    label: Who talks
    codes:
      - {id: therapist, label: Therapist}
      - {id: child, label: Child, key: "2", definition: The child speaks.}
"""


def test_minimal_codebook_is_accepted(tmp_path: Path) -> None:
    cb = parse_codebook(MINIMAL, "turns.yaml")
    assert cb.languages == ("en",)
    assert cb.category("talk").label == {"en": "Who talks"}
    assert cb.code("therapist").label == {"en": "Therapist"}
    assert cb.code("child").definition == {"en": "The child speaks."}
    assert [c.color for c in cb.codes] == list(PALETTE[:2])
    path = tmp_path / "turns.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    ok = run_cli("codebook", "validate", str(path))
    assert ok.returncode == 0, ok.stderr
    study = Study.create(str(tmp_path / "s.annot"), MINIMAL, "turns.yaml")
    assert study.codebook.code("child").label_in("nb") == "Child"
    study.close()


def test_languages_come_from_the_labels_in_first_use_order() -> None:
    text = """\
name: Norsk
version: "1"
categories:
  - id: tale
    label: {nb: Hvem snakker, en: Who talks}
    codes:
      - {id: terapeut, label: {en: Therapist, nb: Terapeut}, color: "#112233"}
"""
    assert parse_codebook(text).languages == ("nb", "en")


def test_one_language_from_mapping_labels_lets_others_be_plain() -> None:
    text = """\
name: Norsk
version: "1"
categories:
  - id: tale
    label: {nb: Hvem snakker}
    codes:
      - {id: terapeut, label: Terapeut}
"""
    cb = parse_codebook(text)
    assert cb.languages == ("nb",) and cb.code("terapeut").label == {"nb": "Terapeut"}


@pytest.mark.parametrize(("text", "line", "words"), [
    ("""\
name: Mixed
version: "1"
categories:
  - id: tale
    label: {nb: Hvem snakker, en: Who talks}
    codes:
      - {id: terapeut, label: Terapeut}
""", 7, "must be a mapping of language to text"),
    ("""\
name: Missing
version: "1"
categories:
  - id: tale
    label: {nb: Hvem snakker, en: Who talks}
    codes:
      - id: terapeut
        label: {nb: Terapeut}
""", 8, "code 'terapeut' has no 'en' label"),
    ("""\
name: Plain but two languages
version: "1"
language: [en, nb]
categories:
  - id: talk
    label: Who talks
    codes:
      - {id: a, label: {en: A, nb: A}}
""", 6, "more than one language [en, nb]"),
    ("""\
name: Definition in another language
version: "1"
categories:
  - id: talk
    label: {en: Who talks}
    codes:
      - id: a
        label: {en: A}
        definition: {de: Eins}
""", 9, "taken from the labels"),
    ("""\
name: No id
version: "1"
categories:
  - label: Who talks
    codes:
      - {label: A}
""", 4, "category has no id"),
])
def test_hand_written_problems_keep_file_and_line(text: str, line: int, words: str) -> None:
    with pytest.raises(CodebookError) as info:
        parse_codebook(text, "hand.yaml")
    err = info.value
    assert (err.file, err.line) == ("hand.yaml", line), str(err)
    assert words in err.problem, str(err)
    assert str(err).startswith(f"hand.yaml:{line}: ")
