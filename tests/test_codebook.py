"""Codebook YAML parsing and validation, the shipped codebooks, and codebook lookup."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import pytest

from annotator.core import codebook_files
from annotator.core.codebook import Codebook
from annotator.core.codebook_files import (
    load_codebook,
    resolve_codebook,
    shipped_codebook_dir,
    shipped_codebooks,
)
from annotator.core.codebook_yaml import (
    RESERVED_KEYS,
    CodebookError,
    Problem,
    codebook_hash,
    compare_codebooks,
    cosmetic_changes,
    parse_codebook,
)

REPO = Path(__file__).resolve().parent.parent


# every test here runs with either YAML parser (tests/conftest.py: yaml_parser)
pytestmark = pytest.mark.usefixtures("yaml_parser")

HELPER_IDS = [
    ("implicit", "responsive", "1"),
    ("implicit", "confirming", "2"),
    ("implicit", "joins_play", "3"),
    ("implicit", "exploring", "4"),
    ("implicit", "attributing_meaning", "5"),
    ("manifest", "reason_for_therapy", "6"),
    ("manifest", "difficult_experiences", "7"),
    ("manifest", "help_through_play", "8"),
    ("manifest", "care", "9"),
    ("manifest", "concrete_help", "0"),
]

# A valid codebook; the cases below change one line of it. Line numbers matter.
VALID = """\
name: Test book
version: 2
language: [en, nb]
categories:
  - id: family
    label: {en: Family, nb: Familie}
    codes:
      - id: alpha
        label: {en: Alpha, nb: Alfa}
        key: "a"
        color: "#112233"
      - id: beta
        label: {en: Beta, nb: Beta}
        key: "b"
        color: "#445566"
        kind: point
  - id: other
    label: {en: Other, nb: Annen}
    exclusive: true
    codes:
      - id: gamma
        label: {en: Gamma, nb: Gamma}
        key: F5
        color: "#778899"
        definition: {en: The third one., nb: Den tredje.}
        examples: {en: [one, two], nb: [en]}
"""


def write(tmp_path: Path, text: str, name: str = "book.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def edit(old: str, new: str, text: str = VALID) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def fail_file(tmp_path: Path, text: str) -> tuple[CodebookError, str]:
    path = write(tmp_path, text)
    with pytest.raises(CodebookError) as info:
        load_codebook(str(path))
    return info.value, str(path)


# ---------------------------------------------------------------- the valid file


def test_valid_codebook_parses_with_all_fields() -> None:
    cb = parse_codebook(VALID, "book.yaml")
    assert cb.name == "Test book"
    assert cb.version == "2"  # a number is kept as the text written
    assert cb.languages == ("en", "nb")
    assert [c.id for c in cb.categories] == ["family", "other"]
    assert [c.exclusive for c in cb.categories] == [False, True]
    assert [c.id for c in cb.codes] == ["alpha", "beta", "gamma"]
    alpha, beta, gamma = cb.codes
    assert alpha.label == {"en": "Alpha", "nb": "Alfa"}
    assert alpha.kind == "state" and beta.kind == "point"
    assert (alpha.key, beta.key, gamma.key) == ("a", "b", "F5")
    assert gamma.category_id == "other"
    assert gamma.definition == {"en": "The third one.", "nb": "Den tredje."}
    assert gamma.examples == {"en": ["one", "two"], "nb": ["en"]}
    assert cb.code_for_key("A") is alpha


def test_version_float_keeps_written_text() -> None:
    cb = parse_codebook(edit("version: 2", "version: 1.10"))
    assert cb.version == "1.10"


def test_colour_is_normalised_to_lower_case() -> None:
    cb = parse_codebook(edit('"#112233"', '"#ABCDEF"'))
    assert cb.code("alpha").color == "#abcdef"


def test_key_may_be_omitted_or_null() -> None:
    cb = parse_codebook(edit('        key: "a"\n', "").replace('key: "b"', "key: null"))
    assert cb.code("alpha").key is None
    assert cb.code("beta").key is None


# ---------------------------------------------------------------- bad input

# (case name, edited text, expected line, words in the problem)
BAD_CASES: list[tuple[str, str, int, str]] = [
    (
        "duplicate code id",
        edit("- id: beta", "- id: alpha"),
        12,
        "duplicate code id 'alpha' (first defined on line 8)",
    ),
    (
        "duplicate code id across categories",
        edit("- id: gamma", "- id: alpha"),
        21,
        "duplicate code id 'alpha' (first defined on line 8)",
    ),
    ("duplicate key", edit('key: "b"', 'key: "a"'), 14, "duplicate key 'a'"),
    ("duplicate key, other case", edit('key: "b"', 'key: "A"'), 14, "used by code 'alpha'"),
    (
        "duplicate F key",
        edit('key: "b"', "key: f5"),
        23,
        "duplicate key 'F5': already used by code 'beta' (line 14)",
    ),
    ("reserved key j", edit('key: "b"', "key: j"), 14, "key 'j' is reserved by the player"),
    ("reserved key upper L", edit('key: "b"', "key: L"), 14, "reserved by the player"),
    ("reserved key space", edit('key: "b"', 'key: " "'), 14, "reserved by the player"),
    ("reserved key name", edit('key: "b"', "key: Left"), 14, "reserved by the player"),
    ("reserved key s", edit('key: "b"', "key: s"), 14, "split"),
    ("key too long", edit('key: "b"', "key: ab"), 14, "one letter or digit"),
    ("key F13", edit('key: "b"', "key: F13"), 14, "F1..F12"),
    ("bad colour", edit('"#445566"', '"#44556"'), 15, "bad color '#44556'"),
    ("colour name", edit('"#445566"', "red"), 15, "bad color 'red'"),
    ("unquoted colour", edit('"#445566"', "#445566"), 15, "an unquoted # starts a YAML comment"),
    ("null colour", edit('"#445566"', "~"), 15, "code 'beta' has no color"),
    ("unknown kind", edit("kind: point", "kind: event"), 16, "unknown kind 'event'"),
    (
        "missing code label",
        edit("        label: {en: Beta, nb: Beta}\n", ""),
        12,
        "code 'beta' has no label",
    ),
    (
        "missing category label",
        edit("    label: {en: Other, nb: Annen}\n", ""),
        17,
        "category 'other' has no label",
    ),
    (
        "missing language label",
        edit("{en: Beta, nb: Beta}", "{en: Beta}"),
        13,
        "code 'beta' has no 'nb' label",
    ),
    ("empty language label", edit("{en: Beta, nb: Beta}", "{en: Beta, nb: }"), 13, "is empty"),
    (
        "label language not listed",
        edit("{en: Beta, nb: Beta}", "{en: Beta, nb: Beta, de: Beta}"),
        13,
        "language 'de' is not in the codebook's language list",
    ),
    ("label not a mapping", edit("{en: Beta, nb: Beta}", "Beta"), 13, "must be a mapping"),
    (
        "YAML syntax error",
        edit("    label: {en: Other, nb: Annen}", "    label: {en: Other, nb: Annen"),
        19,
        "YAML syntax error",
    ),
    ("tab indentation", edit("        kind: point", "\tkind: point"), 16, "YAML syntax error"),
    ("non-mapping top level", "# a list is no codebook\n- a\n- b\n", 2, "top level must be"),
    ("scalar top level", "\n\njust text\n", 3, "top level must be"),
    ("empty file", "", 1, "the file is empty"),
    ("comments only", "# nothing here\n", 1, "the file is empty"),
    ("missing name", edit("name: Test book\n", ""), 1, "codebook has no 'name'"),
    (
        "missing languages, a label language the others lack",
        edit("{en: Beta, nb: Beta}", "{en: Beta, nb: Beta, de: Beta}",
             edit("language: [en, nb]\n", "")),
        5,
        "category 'family' has no 'de' label",
    ),
    ("languages not a list", edit("language: [en, nb]", "language: en"), 3, "non-empty list"),
    ("version is bool", edit("version: 2", "version: yes"), 2, "version must be text"),
    (
        "unknown top field",
        edit("version: 2", "version: 2\nauthor: me"),
        3,
        "unknown field 'author'",
    ),
    ("unknown code field", edit("kind: point", "kind: point\n        colour: red"), 17, "'colour'"),
    (
        "duplicate field",
        edit("kind: point", "kind: point\n        kind: state"),
        17,
        "field 'kind'",
    ),
    ("bad code id", edit("- id: beta", "- id: Beta"), 12, "code id 'Beta' must be lower-case"),
    ("code id with dash", edit("- id: beta", "- id: be-ta"), 12, "must be lower-case"),
    (
        "missing code id",
        edit("      - id: beta\n        label:", "      - label:"),
        12,
        "code has no id",
    ),
    (
        "duplicate category id",
        edit("- id: other", "- id: family"),
        17,
        "duplicate category id 'family' (first defined on line 5)",
    ),
    ("exclusive not bool", edit("exclusive: true", "exclusive: maybe"), 19, "true or false"),
    ("category without codes", VALID.split("    codes:\n      - id: gamma")[0], 17, "no codes"),
    ("empty categories", VALID.split("categories:")[0] + "categories: []\n", 4, "non-empty"),
    (
        "examples not a list",
        edit("examples: {en: [one, two], nb: [en]}", "examples: {en: one, nb: [en]}"),
        26,
        "examples (en) must be a list",
    ),
    (
        "definition language not listed",
        edit("{en: The third one., nb: Den tredje.}", "{en: The third one., sv: Den tredje.}"),
        25,
        "language 'sv' is not in",
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [case[1:] for case in BAD_CASES],
    ids=[case[0] for case in BAD_CASES],
)
def test_bad_input_names_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    err, file = fail_file(tmp_path, text)
    assert err.file == file
    assert err.line == line, str(err)
    assert words in err.problem, str(err)
    assert str(err).splitlines()[0] == f"{file}:{line}: {err.problem}"
    assert isinstance(err, ValueError)


def test_error_str_matches_documented_form() -> None:
    with pytest.raises(CodebookError) as info:
        parse_codebook(edit("- id: beta", "- id: alpha"), "helper.yaml")
    assert str(info.value) == "helper.yaml:12: duplicate code id 'alpha' (first defined on line 8)"


def test_all_problems_are_reported_in_file_order() -> None:
    text = edit('"#445566"', '"#zzzzzz"')  # line 15
    text = edit("kind: point", "kind: moment", text)  # line 16
    text = edit("{en: Gamma, nb: Gamma}", "{en: Gamma}", text)  # line 22
    text = edit("- id: gamma", "- id: alpha", text)  # line 21
    text = edit("key: F5", "key: k", text)  # line 23
    with pytest.raises(CodebookError) as info:
        parse_codebook(text, "multi.yaml")
    err = info.value
    assert [p.line for p in err.problems] == [15, 16, 21, 22, 23]
    lines = str(err).splitlines()
    assert len(lines) == 5
    assert all(line.startswith("multi.yaml:") for line in lines)
    assert "bad color" in lines[0]
    assert "unknown kind 'moment'" in lines[1]
    assert "duplicate code id 'alpha'" in lines[2]
    assert "no 'nb' label" in lines[3]
    assert "reserved" in lines[4]
    assert (err.file, err.line) == ("multi.yaml", 15)


def test_missing_top_level_fields_all_reported() -> None:
    with pytest.raises(CodebookError) as info:
        parse_codebook("name: x\n", "t.yaml")
    missing = sorted(p.problem for p in info.value.problems)
    assert missing == [
        "codebook has no 'categories'",
        "codebook has no 'version'",
    ]


def test_non_utf8_character_reported_with_line() -> None:
    with pytest.raises(CodebookError) as info:
        parse_codebook(edit("name: Test book", "name: Test\x07book"), "c.yaml")
    assert info.value.line == 1
    assert "U+0007" in info.value.problem


def test_codebook_error_pickles_and_needs_a_problem() -> None:
    err = CodebookError(Problem("a.yaml", 3, "x"), Problem("a.yaml", None, "y"))
    back = pickle.loads(pickle.dumps(err))
    assert back.problems == err.problems
    assert str(back) == "a.yaml:3: x\na.yaml: y"
    with pytest.raises(TypeError):
        CodebookError()


def test_reserved_keys_constant() -> None:
    for key in ("j", "k", "l", " ", "space", "left", "right", "delete", "escape", "s", "n"):
        assert key in RESERVED_KEYS
    assert "1" not in RESERVED_KEYS and "q" not in RESERVED_KEYS


def test_codebook_hash() -> None:
    abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert codebook_hash("abc") == abc
    assert codebook_hash("ø") == hashlib.sha256("ø".encode()).hexdigest()
    assert codebook_hash(VALID) != codebook_hash(VALID + " ")


# ---------------------------------------------------------------- shipped codebooks


def test_three_codebooks_are_shipped() -> None:
    assert shipped_codebook_dir() == REPO / "codebook"
    assert set(shipped_codebooks()) == {"helper-maneuvers", "alliance-obstacles", "bordin-alliance"}


@pytest.mark.parametrize("name", ["helper-maneuvers", "alliance-obstacles", "bordin-alliance"])
def test_shipped_codebook_parses_in_both_languages(name: str) -> None:
    cb, text = load_codebook(name)
    assert text == (REPO / "codebook" / f"{name}.yaml").read_text(encoding="utf-8")
    assert cb.languages == ("en", "nb")
    for cat in cb.categories:
        assert set(cat.label) == {"en", "nb"}
    for code in cb.codes:
        assert set(code.label) == {"en", "nb"}, code.id
        assert set(code.definition) == {"en", "nb"}, code.id
        assert code.key is not None and code.key.lower() not in RESERVED_KEYS
    assert len({c.color for c in cb.codes}) == len(cb.codes)


def test_helper_maneuvers_matches_design() -> None:
    cb, _ = load_codebook("helper-maneuvers")
    assert cb.name == "Helper maneuvers"
    assert cb.version == "1.0"
    assert [c.id for c in cb.categories] == ["implicit", "manifest"]
    assert [c.exclusive for c in cb.categories] == [False, False]
    assert [(c.category_id, c.id, c.key) for c in cb.codes] == HELPER_IDS
    assert all(c.kind == "state" for c in cb.codes)
    assert cb.category("implicit").label == {
        "en": "Implicit helper maneuvers",
        "nb": "Implisitte hjelpemanøvrer",
    }
    assert cb.category("manifest").label["nb"] == "Manifeste hjelpemanøvrer"
    assert cb.code("responsive").label == {"en": "Being responsive", "nb": "Være responsiv"}
    assert cb.code("care").label["nb"] == "Vise omsorg overfor barnet"
    for code in cb.codes:
        assert set(code.examples) == {"en", "nb"}
        assert all(1 <= len(v) <= 2 for v in code.examples.values())


def test_other_shipped_codebooks_have_their_codes() -> None:
    obstacles, _ = load_codebook("alliance-obstacles")
    assert [c.id for c in obstacles.categories] == ["obstacles"]
    assert [c.id for c in obstacles.codes] == [
        "pressing_to_talk",
        "not_playful",
        "no_hope",
        "no_everyday_talk",
    ]
    bordin, _ = load_codebook("bordin-alliance")
    assert [c.id for c in bordin.categories] == ["bordin"]
    assert [c.id for c in bordin.codes] == ["goals", "tasks", "bond"]


# ---------------------------------------------------------------- comparing versions


def helper() -> Codebook:
    return load_codebook("helper-maneuvers")[0]


def helper_text() -> str:
    return resolve_codebook("helper-maneuvers")[1]


def test_same_codebook_has_no_changes() -> None:
    assert compare_codebooks(helper(), helper()) == []
    assert cosmetic_changes(helper(), helper()) == []


def test_compare_detects_added_removed_moved_and_kind() -> None:
    text = helper_text()
    # Remove the whole 'care' block.
    start = text.index("      - id: care")
    end = text.index("      - id: concrete_help")
    text = text[:start] + text[end:]
    # Add a new code to manifest.
    text += (
        "      - id: silence\n"
        "        label: {en: Silence, nb: Stillhet}\n"
        '        key: "x"\n'
        '        color: "#000000"\n'
    )
    # Move 'exploring' into manifest by moving its block after the manifest codes.
    start = text.index("      - id: exploring")
    end = text.index("      - id: attributing_meaning")
    block = text[start:end]
    text = text[:start] + text[end:] + block
    text = text.replace("        kind: state\n", "        kind: point\n", 1)  # responsive
    new = parse_codebook(text, "new.yaml")
    changes = compare_codebooks(helper(), new)
    assert "code 'care' removed (was in category 'manifest')" in changes
    assert "code 'silence' added (in category 'manifest')" in changes
    assert "code 'exploring' moved from category 'implicit' to 'manifest'" in changes
    assert "code 'responsive' changed kind from state to point" in changes
    assert len(changes) == 4


def test_compare_detects_exclusivity_and_categories() -> None:
    text = helper_text().replace("exclusive: false", "exclusive: true", 1)
    text = text.replace("  - id: manifest", "  - id: explicit")
    changes = compare_codebooks(helper(), parse_codebook(text))
    assert "category 'implicit' changed from non-exclusive to exclusive" in changes
    assert "category 'manifest' removed" in changes
    assert "category 'explicit' added" in changes
    assert "code 'care' moved from category 'manifest' to 'explicit'" in changes


def test_cosmetic_changes_are_not_incompatible() -> None:
    text = helper_text()
    text = text.replace("Being responsive", "Responsive", 1)
    text = text.replace('color: "#2f6db5"', 'color: "#000000"')
    text = text.replace('key: "9"', 'key: "x"')
    text = text.replace('version: "1.0"', 'version: "1.1"')
    new = parse_codebook(text)
    assert compare_codebooks(helper(), new) == []
    cosmetic = cosmetic_changes(helper(), new)
    assert "version changed from '1.0' to '1.1'" in cosmetic
    assert "code 'responsive' label changed" in cosmetic
    assert "code 'responsive' color changed from #2f6db5 to #000000" in cosmetic
    assert "code 'care' key changed from '9' to 'x'" in cosmetic
    assert len(cosmetic) == 4


# ---------------------------------------------------------------- finding files


def test_resolve_by_name() -> None:
    path, text = resolve_codebook("bordin-alliance")
    assert path == REPO / "codebook" / "bordin-alliance.yaml"
    assert text == path.read_text(encoding="utf-8")


def test_resolve_by_path(tmp_path: Path) -> None:
    path = write(tmp_path, VALID, "mine.yml")
    got, text = resolve_codebook(str(path))
    assert got == path
    assert text == VALID
    cb, raw = load_codebook(str(path))
    assert cb.name == "Test book" and raw == VALID


def test_resolve_normalises_newlines_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.replace("\n", "\r\n").encode("utf-8"))
    _, text = resolve_codebook(str(path))
    assert text == VALID
    assert codebook_hash(text) == codebook_hash(VALID)


def test_resolve_unknown_name_lists_shipped() -> None:
    with pytest.raises(CodebookError) as info:
        resolve_codebook("helper-manoeuvres")
    err = info.value
    assert err.file == "helper-manoeuvres"
    assert err.line is None
    for name in ("helper-maneuvers", "alliance-obstacles", "bordin-alliance"):
        assert name in err.problem


def test_resolve_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.yaml")
    with pytest.raises(CodebookError) as info:
        resolve_codebook(missing)
    assert info.value.file == missing
    assert "not found" in info.value.problem
    assert str(info.value) == f"{missing}: codebook file not found"


def test_resolve_shipped_file_name_hints_at_the_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CodebookError) as info:
        resolve_codebook("helper-maneuvers.yaml")
    assert info.value.problem == (
        "codebook file not found; to use the shipped codebook, give its name: helper-maneuvers"
    )


def test_resolve_directory(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="is a directory"):
        resolve_codebook(str(tmp_path))


def test_resolve_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: x\nversion: 1\nlabel: Være\n".encode("latin-1"))
    with pytest.raises(CodebookError) as info:
        resolve_codebook(str(path))
    assert info.value.line == 3
    assert "not UTF-8" in info.value.problem


def test_packaged_codebook_dir_is_preferred(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site" / "annotator"
    (package / "_codebooks").mkdir(parents=True)
    write(package / "_codebooks", VALID, "lab-book.yaml")
    (tmp_path / "site" / "codebook").mkdir()
    write(tmp_path / "site" / "codebook", VALID, "ignored.yaml")
    monkeypatch.setattr(codebook_files, "_PACKAGE_DIR", package)
    assert shipped_codebook_dir() == package / "_codebooks"
    assert list(shipped_codebooks()) == ["lab-book"]
    cb, _ = load_codebook("lab-book")
    assert cb.name == "Test book"
    (package / "_codebooks" / "lab-book.yaml").unlink()
    (package / "_codebooks").rmdir()
    assert shipped_codebook_dir() == tmp_path / "site" / "codebook"
    assert list(shipped_codebooks()) == ["ignored"]


def test_shipped_codebook_errors_name_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "annotator"
    (package / "_codebooks").mkdir(parents=True)
    write(package / "_codebooks", edit("kind: point", "kind: event"), "broken.yaml")
    monkeypatch.setattr(codebook_files, "_PACKAGE_DIR", package)
    with pytest.raises(CodebookError) as info:
        load_codebook("broken")
    assert str(info.value).startswith("broken.yaml:16: ")
