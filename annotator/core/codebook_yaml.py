"""Read and check codebook YAML files (docs/design.md §4), and compare codebook versions.

A codebook file looks like::

    name: Helper maneuvers
    version: "1.0"
    language: [en, nb]
    categories:
      - id: implicit
        label: {en: Implicit helper maneuvers, nb: Implisitte hjelpemanøvrer}
        exclusive: false
        codes:
          - id: responsive
            label: {en: Being responsive, nb: Være responsiv}
            key: "1"
            color: "#4e79a7"
            kind: state
            definition: {en: ..., nb: ...}
            examples: {en: [...], nb: [...]}

Hand-written codebooks may be shorter:

- ``language`` may be left out: the languages are then those the labels use, in the order
  they first appear (``en`` when every label is plain text);
- in a one-language codebook a label (and a definition, and examples) may be plain text
  (``label: Being responsive``) instead of a ``{en: ...}`` mapping;
- ``color`` may be left out: codes without one get the colours of :data:`PALETTE` in turn.

So this is a whole codebook::

    name: Turn taking
    version: 1
    categories:
      - id: talk
        label: Who talks
        codes:
          - {id: therapist, label: Therapist}
          - {id: child, label: Child}

The parser works on PyYAML's node graph (``yaml.compose``) rather than on plain Python
values, so every problem can be reported with the file name and line number. All problems
found in one file are collected and raised together as one :class:`CodebookError`.

Keys
----
A code's ``key`` is optional. It must be one letter or digit, or one of ``F1`` .. ``F12``.
Letters are case-insensitive (``Q`` and ``q`` are the same key). Keys the player already
uses are rejected; they are listed in :data:`RESERVED_KEYS` (with their use in
:data:`RESERVED_KEY_USES`):

- ``space``: play / pause
- ``j``, ``k``, ``l``: shuttle back, pause, shuttle forward
- ``left`` / ``right``: step one frame back / forward; ``up`` / ``down``: jump / playback rate
- ``delete`` / ``backspace``: delete the selected segment
- ``escape``: cancel the segment being drawn; ``enter`` / ``return``: close it
- ``tab``: move between panels
- ``s``: split the segment at the playhead; ``n``: note on the segment;
  ``m``: reserved for marks; ``h``: toggle hold mode
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from annotator.core.codebook import Category, Code, Codebook, CodeKind

__all__ = [
    "DEFAULT_LANGUAGE",
    "ID_PATTERN",
    "PALETTE",
    "RESERVED_KEYS",
    "RESERVED_KEY_USES",
    "CodebookError",
    "Problem",
    "codebook_hash",
    "compare_codebooks",
    "cosmetic_changes",
    "parse_codebook",
]

RESERVED_KEY_USES: Mapping[str, str] = MappingProxyType(
    {
        " ": "play/pause",
        "space": "play/pause",
        "j": "shuttle back",
        "k": "pause",
        "l": "shuttle forward",
        "left": "step one frame back",
        "right": "step one frame forward",
        "up": "jump forward",
        "down": "jump back",
        "delete": "delete segment",
        "backspace": "delete segment",
        "escape": "cancel segment",
        "enter": "close segment",
        "return": "close segment",
        "tab": "move between panels",
        "s": "split segment",
        "n": "note on segment",
        "m": "mark (reserved)",
        "h": "hold-mode toggle",
    }
)
"""Player keys a codebook may not use (lower case), mapped to what the player does."""

RESERVED_KEYS: frozenset[str] = frozenset(RESERVED_KEY_USES)
"""Lower-case names of the keys a codebook may not use; compare with ``key.lower()``."""

DEFAULT_LANGUAGE = "en"
"""The language of a codebook that names none and has only plain-text labels."""

PALETTE: tuple[str, ...] = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)
"""Colours given in turn to codes that have none (Tableau 10)."""

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
"""What category and code ids must look like."""
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_FKEY = re.compile(r"^[Ff](1[0-2]|[1-9])$")
_LANG = re.compile(r"^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$")
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"

_TOP_FIELDS = ("name", "version", "language", "categories")
_CATEGORY_FIELDS = ("id", "label", "exclusive", "codes")
_CODE_FIELDS = ("id", "label", "key", "color", "kind", "definition", "examples")
_KINDS = ("state", "point")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a codebook file. ``line`` is 1-based, or None if unknown."""

    file: str
    line: int | None
    problem: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.problem}"
        return f"{self.file}:{self.line}: {self.problem}"


class CodebookError(ValueError):
    """A codebook could not be read. Carries every problem found, first one first.

    ``file``, ``line`` and ``problem`` describe the first problem; ``problems`` lists all.
    ``str()`` gives one ``file:line: problem`` line per problem.
    """

    def __init__(self, *problems: Problem) -> None:
        if not problems:
            raise TypeError("CodebookError needs at least one Problem")
        super().__init__(*problems)
        self.problems: list[Problem] = list(problems)

    @classmethod
    def one(cls, file: str, line: int | None, problem: str) -> CodebookError:
        return cls(Problem(file, line, problem))

    @property
    def file(self) -> str:
        return self.problems[0].file

    @property
    def line(self) -> int | None:
        return self.problems[0].line

    @property
    def problem(self) -> str:
        return self.problems[0].problem

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def codebook_hash(text: str) -> str:
    """SHA-256 (hex) of the codebook text encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_codebook(text: str, source: str = "<string>") -> Codebook:
    """Parse and validate codebook YAML. Raises :class:`CodebookError` naming every problem."""
    return _Parser(source).parse(text)


# --------------------------------------------------------------------------- parsing


_FAST_LOADER: type | None = getattr(yaml, "CSafeLoader", None)  # libyaml, where PyYAML has it


def _compose(text: str) -> Node | None:
    """The document's node graph. libyaml composes it several times faster than PyYAML's
    own Python parser (a codebook opens with every command that reads one); any text it
    refuses is composed again by the Python parser, so that an error names the same
    problem, line and character whichever parser the machine has."""
    if _FAST_LOADER is not None:
        try:
            node: Node | None = yaml.compose(text, Loader=_FAST_LOADER)
            return node
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, ScalarNode) and node.tag == _NULL:
        return "nothing"
    return f"{node.value!r}"


def _syntax_problem(exc: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """Line and message for a YAML scanner/parser error, the problem first."""
    mark = exc.problem_mark or exc.context_mark
    line = int(mark.line) + 1 if mark is not None else None
    message = f"YAML syntax error: {exc.problem or exc.context or 'unreadable YAML'}"
    if exc.problem and exc.context and str(exc.problem).startswith("but "):
        message = f"YAML syntax error: {exc.context} {exc.problem}"
    elif exc.problem and exc.context:
        context = str(exc.context)
        if exc.context_mark is not None and exc.context_mark.line + 1 != line:
            context += f" that starts on line {exc.context_mark.line + 1}"
        message += f" ({context})"
    return line, message


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _NULL


def _field(node: Node, name: str) -> Node | None:
    if not isinstance(node, MappingNode):
        return None
    for key, value in node.value:
        if isinstance(key, ScalarNode) and key.value == name and isinstance(value, Node):
            return value
    return None


def _label_languages(categories: Node) -> list[str]:
    """The languages category and code labels use, in the order they first appear."""
    found: list[str] = []

    def take(label: Node | None) -> None:
        if isinstance(label, MappingNode):
            for key, _ in label.value:
                if isinstance(key, ScalarNode) and str(key.value) not in found:
                    found.append(str(key.value))

    if isinstance(categories, SequenceNode):
        for cat in categories.value:
            take(_field(cat, "label"))
            codes = _field(cat, "codes")
            if isinstance(codes, SequenceNode):
                for code in codes.value:
                    take(_field(code, "label"))
    return found


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.languages: tuple[str, ...] = ()
        self.languages_ok = False
        self.languages_inferred = False
        self.colorless = 0
        self.code_lines: dict[str, int] = {}
        self.key_owner: dict[str, tuple[str, int]] = {}

    def add(self, line: int | None, problem: str) -> None:
        self.problems.append(Problem(self.source, line, problem))

    def fail(self) -> CodebookError:
        ordered = sorted(self.problems, key=lambda p: p.line or 0)
        return CodebookError(*ordered)

    # ---- structure helpers

    def fields(self, node: MappingNode, owner: str, allowed: tuple[str, ...]) -> dict[str, Node]:
        """The mapping's values by field name; reports duplicate and unknown fields."""
        out: dict[str, Node] = {}
        seen: dict[str, int] = {}
        for key_node, value in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == _NULL:
                self.add(_line(key_node), f"{owner}: field names must be plain words")
                continue
            name = str(key_node.value)
            if name in seen:
                self.add(
                    _line(key_node),
                    f"{owner}: duplicate field '{name}' (first given on line {seen[name]})",
                )
                continue
            seen[name] = _line(key_node)
            if name == "<<":
                self.add(_line(key_node), f"{owner}: YAML merge keys ('<<') are not supported")
                continue
            if name not in allowed:
                self.add(
                    _line(key_node),
                    f"{owner}: unknown field '{name}' (allowed: {', '.join(allowed)})",
                )
                continue
            out[name] = value
        return out

    def text(self, node: Node, what: str) -> str | None:
        """A non-empty scalar as the text written in the file (no YAML type coercion)."""
        if not isinstance(node, ScalarNode):
            self.add(_line(node), f"{what} must be text, not {_describe(node)}")
            return None
        value = str(node.value).strip()
        if node.tag == _NULL or not value:
            self.add(_line(node), f"{what} is empty")
            return None
        return value

    def ident(self, node: Node | None, owner_line: int, what: str) -> str | None:
        if node is None:
            self.add(owner_line, f"{what} has no id")
            return None
        value = self.text(node, f"{what} id")
        if value is None:
            return None
        if not ID_PATTERN.match(value):
            self.add(
                _line(node),
                f"{what} id {value!r} must be lower-case letters, digits and _ "
                "and start with a letter",
            )
            return None
        return value

    def lang_map(self, node: Node, what: str) -> list[tuple[str, Node, int]]:
        """Entries of a language -> value mapping; reports non-listed languages."""
        if not isinstance(node, MappingNode):
            self.add(
                _line(node),
                f"{what} must be a mapping of language to text, e.g. {{en: ..., nb: ...}}, "
                f"not {_describe(node)}",
            )
            return []
        out: list[tuple[str, Node, int]] = []
        seen: dict[str, int] = {}
        for key_node, value in node.value:
            lang = str(key_node.value) if isinstance(key_node, ScalarNode) else ""
            if lang in seen:
                self.add(
                    _line(key_node),
                    f"{what}: language '{lang}' given twice (first on line {seen[lang]})",
                )
                continue
            seen[lang] = _line(key_node)
            if self.languages_ok and lang not in self.languages:
                listed = ", ".join(self.languages)
                if self.languages_inferred:
                    message = (f"{what}: language {lang!r} is not one of the codebook's "
                               f"languages [{listed}] (taken from the labels, as the codebook "
                               "has no 'language' list)")
                else:
                    message = (f"{what}: language {lang!r} is not in the codebook's language "
                               f"list [{listed}]")
                self.add(_line(key_node), message)
                continue
            out.append((lang, value, _line(key_node)))
        return out

    def plain(self, node: Node, what: str, example: str) -> str | None:
        """The one language a plain-text value belongs to, or None after reporting why a
        plain value does not fit here."""
        if len(self.languages) == 1:
            return self.languages[0]
        if self.languages_ok:
            listed = ", ".join(self.languages)
            self.add(_line(node), (
                f"{what} must be a mapping of language to text, e.g. {example}, because the "
                f"codebook has more than one language [{listed}]; plain text is for a "
                "one-language codebook"))
        return None

    def labels(self, node: Node | None, owner_line: int, what: str) -> dict[str, str]:
        if node is None:
            self.add(owner_line, f"{what} has no label")
            return {}
        if isinstance(node, ScalarNode) and not _is_null(node):
            lang = self.plain(node, f"{what} label", "{en: ..., nb: ...}")
            text = self.text(node, f"{what} label") if lang is not None else None
            return {lang: text} if lang is not None and text is not None else {}
        labels: dict[str, str] = {}
        for lang, value, _ in self.lang_map(node, f"{what} label"):
            text = self.text(value, f"{what} label ({lang})")
            if text is not None:
                labels[lang] = text
        if isinstance(node, MappingNode) and self.languages_ok:
            for lang in self.languages:
                if lang not in labels and not any(
                    isinstance(k, ScalarNode) and k.value == lang for k, _ in node.value
                ):
                    self.add(_line(node), f"{what} has no '{lang}' label")
        return labels

    # ---- the document

    def parse(self, text: str) -> Codebook:
        try:
            root = _compose(text)
        except yaml.MarkedYAMLError as exc:
            self.add(*_syntax_problem(exc))
            raise self.fail() from exc
        except yaml.reader.ReaderError as exc:
            line = text.count("\n", 0, exc.position) + 1
            char = exc.character if isinstance(exc.character, str) else chr(exc.character)
            self.add(line, f"character U+{ord(char):04X} is not allowed in a YAML file")
            raise self.fail() from exc
        except yaml.YAMLError as exc:
            self.add(None, f"not readable as YAML: {exc}")
            raise self.fail() from exc
        if root is None:
            self.add(
                1,
                "the file is empty; expected a codebook with name, version, "
                "language and categories",
            )
            raise self.fail()
        if not isinstance(root, MappingNode):
            self.add(
                _line(root),
                "the top level must be a mapping with name, version, language and "
                f"categories, not {_describe(root)}",
            )
            raise self.fail()
        top = self.fields(root, "codebook", _TOP_FIELDS)
        top_line = _line(root)
        for required in _TOP_FIELDS:
            if required not in top and required != "language":
                self.add(top_line, f"codebook has no '{required}'")

        name = self.text(top["name"], "name") if "name" in top else None
        version = self.version(top["version"]) if "version" in top else None
        if "language" in top:
            self.read_languages(top["language"])
        elif "categories" in top:
            self.languages = tuple(_label_languages(top["categories"])) or (DEFAULT_LANGUAGE,)
            self.languages_ok = all(_LANG.match(lang) for lang in self.languages)
            self.languages_inferred = True
        categories: list[Category] = []
        if "categories" in top:
            categories = self.read_categories(top["categories"])
        if self.problems:
            raise self.fail()
        assert name is not None and version is not None
        return Codebook(name, version, self.languages, tuple(categories))

    def version(self, node: Node) -> str | None:
        if isinstance(node, ScalarNode) and node.tag in (_STR, _INT, _FLOAT):
            return self.text(node, "version")
        self.add(_line(node), f"version must be text or a number, not {_describe(node)}")
        return None

    def read_languages(self, node: Node) -> None:
        if not isinstance(node, SequenceNode) or not node.value:
            self.add(
                _line(node),
                f"language must be a non-empty list such as [en, nb], not {_describe(node)}",
            )
            return
        langs: list[str] = []
        ok = True
        for item in node.value:
            lang = self.text(item, "language")
            if lang is None:
                ok = False
            elif not _LANG.match(lang):
                self.add(_line(item), f"language {lang!r} is not a language code like en or nb")
                ok = False
            elif lang in langs:
                self.add(_line(item), f"language {lang!r} is listed twice")
            else:
                langs.append(lang)
        self.languages = tuple(langs)
        self.languages_ok = ok

    def read_categories(self, node: Node) -> list[Category]:
        if not isinstance(node, SequenceNode) or not node.value:
            self.add(_line(node), f"categories must be a non-empty list, not {_describe(node)}")
            return []
        seen: dict[str, int] = {}
        out: list[Category] = []
        for item in node.value:
            if not isinstance(item, MappingNode):
                self.add(_line(item), f"a category must be a mapping, not {_describe(item)}")
                continue
            cat = self.read_category(item, seen)
            if cat is not None:
                out.append(cat)
        return out

    def read_category(self, node: MappingNode, seen: dict[str, int]) -> Category | None:
        line = _line(node)
        f = self.fields(node, "category", _CATEGORY_FIELDS)
        cid = self.ident(f.get("id"), line, "category")
        if cid is not None:
            id_line = _line(f["id"])
            if cid in seen:
                self.add(
                    id_line,
                    f"duplicate category id '{cid}' (first defined on line {seen[cid]})",
                )
            else:
                seen[cid] = id_line
        what = f"category '{cid}'" if cid else "category"
        label = self.labels(f.get("label"), line, what)
        exclusive = False
        if "exclusive" in f:
            ex = f["exclusive"]
            if isinstance(ex, ScalarNode) and ex.tag == _BOOL:
                exclusive = str(ex.value).lower() in ("true", "yes", "on")
            else:
                self.add(_line(ex), f"{what}: exclusive must be true or false, not {_describe(ex)}")
        codes: list[Code] = []
        codes_node = f.get("codes")
        if codes_node is None:
            self.add(line, f"{what} has no codes")
        elif not isinstance(codes_node, SequenceNode) or not codes_node.value:
            self.add(
                _line(codes_node),
                f"{what}: codes must be a non-empty list, not {_describe(codes_node)}",
            )
        else:
            for item in codes_node.value:
                if not isinstance(item, MappingNode):
                    self.add(
                        _line(item), f"{what}: a code must be a mapping, not {_describe(item)}"
                    )
                    continue
                code = self.read_code(item, cid or "")
                if code is not None:
                    codes.append(code)
        if cid is None:
            return None
        return Category(cid, label, exclusive, tuple(codes))

    def read_code(self, node: MappingNode, category_id: str) -> Code | None:
        line = _line(node)
        f = self.fields(node, "code", _CODE_FIELDS)
        cid = self.ident(f.get("id"), line, "code")
        if cid is not None:
            id_line = _line(f["id"])
            if cid in self.code_lines:
                self.add(
                    id_line,
                    f"duplicate code id '{cid}' (first defined on line {self.code_lines[cid]})",
                )
            else:
                self.code_lines[cid] = id_line
        what = f"code '{cid}'" if cid else "code"
        label = self.labels(f.get("label"), line, what)
        key = self.read_key(f["key"], what, cid or "?") if "key" in f else None
        color = self.read_color(f.get("color"), line, what)
        kind: CodeKind = "state"
        if "kind" in f:
            raw = self.text(f["kind"], f"{what} kind")
            if raw == "point":
                kind = "point"
            elif raw is not None and raw != "state":
                self.add(
                    _line(f["kind"]),
                    f"{what}: unknown kind {raw!r} (use state or point)",
                )
        definition: dict[str, str] = {}
        if "definition" in f and isinstance(f["definition"], ScalarNode) \
                and not _is_null(f["definition"]):
            one = self.plain(f["definition"], f"{what} definition", "{en: ..., nb: ...}")
            text = self.text(f["definition"], f"{what} definition") if one else None
            if one is not None and text is not None:
                definition[one] = text
        elif "definition" in f:
            for lang, value, _ in self.lang_map(f["definition"], f"{what} definition"):
                text = self.text(value, f"{what} definition ({lang})")
                if text is not None:
                    definition[lang] = text
        examples: dict[str, list[str]] = {}
        if "examples" in f:
            examples = self.read_examples(f["examples"], what)
        if cid is None or color is None:
            return None
        return Code(cid, category_id, label, key, color, kind, definition, examples)

    def read_key(self, node: Node, what: str, code_id: str) -> str | None:
        if _is_null(node):
            return None
        if not isinstance(node, ScalarNode):
            self.add(_line(node), f"{what}: key must be one letter or digit, not {_describe(node)}")
            return None
        raw = str(node.value)
        line = _line(node)
        if raw.lower() in RESERVED_KEYS:
            use = RESERVED_KEY_USES[raw.lower()]
            self.add(line, f"{what}: key {raw!r} is reserved by the player ({use})")
            return None
        if _FKEY.match(raw):
            key = "F" + raw[1:]
        elif len(raw) == 1 and (raw.isalpha() or (raw.isascii() and raw.isdigit())):
            key = raw
        else:
            self.add(line, f"{what}: key {raw!r} must be one letter or digit, or F1..F12")
            return None
        norm = key.lower()
        if norm in self.key_owner:
            owner, first = self.key_owner[norm]
            self.add(
                line,
                f"duplicate key {key!r}: already used by code '{owner}' (line {first})",
            )
            return None
        self.key_owner[norm] = (code_id, line)
        return key

    def read_color(self, node: Node | None, owner_line: int, what: str) -> str | None:
        if node is None:
            self.colorless += 1
            return PALETTE[(self.colorless - 1) % len(PALETTE)]
        if _is_null(node):
            self.add(
                _line(node),
                f'{what} has no color (write it quoted, e.g. color: "#4e79a7"; '
                "an unquoted # starts a YAML comment)",
            )
            return None
        raw = self.text(node, f"{what} color")
        if raw is None:
            return None
        if not _COLOR.match(raw):
            self.add(_line(node), f'{what}: bad color {raw!r} (use #rrggbb, e.g. "#4e79a7")')
            return None
        return raw.lower()

    def read_examples(self, node: Node, what: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        if isinstance(node, SequenceNode):
            one = self.plain(node, f"{what} examples", "{en: [...], nb: [...]}")
            if one is not None:
                texts = [self.text(v, f"{what} example") for v in node.value]
                out[one] = [t for t in texts if t is not None]
            return out
        for lang, value, _ in self.lang_map(node, f"{what} examples"):
            if not isinstance(value, SequenceNode):
                self.add(
                    _line(value),
                    f"{what} examples ({lang}) must be a list of texts, not {_describe(value)}",
                )
                continue
            texts = [self.text(v, f"{what} example ({lang})") for v in value.value]
            out[lang] = [t for t in texts if t is not None]
        return out


# --------------------------------------------------------------------------- comparing


def compare_codebooks(old: Codebook, new: Codebook) -> list[str]:
    """Changes that make codings under ``old`` and ``new`` not comparable, one line each.

    Lists categories added or removed, categories whose exclusivity changed, and codes
    added, removed, moved to another category or changed in kind. An empty list means the
    two codebooks code the same things (labels, colours or keys may still differ; see
    :func:`cosmetic_changes`).
    """
    lines: list[str] = []
    old_cats = {c.id: c for c in old.categories}
    new_cats = {c.id: c for c in new.categories}
    for cid, cat in old_cats.items():
        if cid not in new_cats:
            lines.append(f"category '{cid}' removed")
        elif cat.exclusive != new_cats[cid].exclusive:
            was = "exclusive" if cat.exclusive else "non-exclusive"
            now = "exclusive" if new_cats[cid].exclusive else "non-exclusive"
            lines.append(f"category '{cid}' changed from {was} to {now}")
    lines.extend(f"category '{cid}' added" for cid in new_cats if cid not in old_cats)

    old_codes = {c.id: c for c in old.codes}
    new_codes = {c.id: c for c in new.codes}
    for cid, code in old_codes.items():
        if cid not in new_codes:
            lines.append(f"code '{cid}' removed (was in category '{code.category_id}')")
            continue
        other = new_codes[cid]
        if code.category_id != other.category_id:
            lines.append(
                f"code '{cid}' moved from category '{code.category_id}' to '{other.category_id}'"
            )
        if code.kind != other.kind:
            lines.append(f"code '{cid}' changed kind from {code.kind} to {other.kind}")
    lines.extend(
        f"code '{cid}' added (in category '{code.category_id}')"
        for cid, code in new_codes.items()
        if cid not in old_codes
    )
    return lines


def cosmetic_changes(old: Codebook, new: Codebook) -> list[str]:
    """Changes that do not affect comparability: name, version, languages, labels,
    keys, colours, definitions and examples of categories and codes present in both."""
    lines: list[str] = []
    if old.name != new.name:
        lines.append(f"name changed from {old.name!r} to {new.name!r}")
    if old.version != new.version:
        lines.append(f"version changed from {old.version!r} to {new.version!r}")
    if old.languages != new.languages:
        lines.append(
            f"languages changed from [{', '.join(old.languages)}] to [{', '.join(new.languages)}]"
        )
    new_cats = {c.id: c for c in new.categories}
    for cat in old.categories:
        if cat.id in new_cats and cat.label != new_cats[cat.id].label:
            lines.append(f"category '{cat.id}' label changed")
    new_codes = {c.id: c for c in new.codes}
    for code in old.codes:
        other = new_codes.get(code.id)
        if other is None:
            continue
        if code.label != other.label:
            lines.append(f"code '{code.id}' label changed")
        if code.key != other.key:
            lines.append(f"code '{code.id}' key changed from {code.key!r} to {other.key!r}")
        if code.color != other.color:
            lines.append(f"code '{code.id}' color changed from {code.color} to {other.color}")
        if code.definition != other.definition:
            lines.append(f"code '{code.id}' definition changed")
        if code.examples != other.examples:
            lines.append(f"code '{code.id}' examples changed")
    return lines
