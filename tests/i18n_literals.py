"""Find user-visible string literals in ``annotator/ui`` that do not go through
``translate()`` (or ``QT_TRANSLATE_NOOP``): the check behind tests/test_translations.py.

A literal counts as user-visible when it reads like words: it has a letter pair and either
a space, an ellipsis, or a capital followed by a lower-case letter ("Cancel"). Literals in
places that are never shown are skipped: docstrings, type annotations, dictionary keys and
subscripts, comparisons, keyboard shortcuts, and the arguments of calls listed in
``INTERNAL_CALLS`` (settings keys, object names, logging, style sheets, ...), and the
messages of programmer errors (``RuntimeError``, ``TypeError``, ...). What is left and still
not shown goes in ``ALLOWED`` of the test, with a reason.

    python tests/i18n_literals.py [FILE ...]     # list them (default: all of annotator/ui)
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "annotator" / "ui"

TRANSLATING = {"translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP", "tr"}
INTERNAL_CALLS = {
    # Qt object plumbing, settings and properties
    "setObjectName", "findChild", "findChildren", "setProperty", "property", "value",
    "setValue", "Signal", "Slot", "Property", "QSettings", "QKeySequence", "fromString",
    "setStyleSheet", "setStyle", "QColor", "QFont", "setFamily", "QUrl", "fromLocalFile",
    "setAccessibleName",
    "QStandardPaths", "registerMetaType", "contains", "remove", "beginGroup",
    # Python plumbing
    "getattr", "setattr", "hasattr", "isinstance", "TypeVar", "NewType", "cast", "namedtuple",
    "compile", "match", "fullmatch", "search", "sub", "split", "rsplit", "startswith",
    "endswith", "strip", "rstrip", "lstrip", "replace", "join", "encode", "decode", "strftime",
    "strptime", "Path", "open", "getenv", "get", "pop", "setdefault", "import_module",
    "warn", "filterwarnings",
    # logging
    "debug", "info", "warning", "error", "exception", "critical", "log",
}
PROGRAMMER_ERRORS = {"RuntimeError", "TypeError", "AssertionError", "NotImplementedError",
                     "AttributeError", "KeyError", "IndexError"}
SHORTCUT = re.compile(r"^(?:(?:Ctrl|Shift|Alt|Meta)\+)+.+$|^F\d{1,2}$|^Shift\+.*$")
KEY_NAMES = {"Space", "Return", "Enter", "Escape", "Esc", "Backspace", "Tab", "Left", "Right",
             "Up", "Down", "Home", "End", "PgUp", "PgDown", "Insert", "Del", "Ins"}
WORDS = re.compile(r"[A-Za-zÆØÅæøå]{2}")


def looks_shown(text: str) -> bool:
    s = text.strip()
    if not WORDS.search(s) or SHORTCUT.match(s) or s in KEY_NAMES:
        return False
    return " " in s or "…" in s or bool(re.match(r"&?[A-ZÆØÅ][a-zæøå]", s))


def _call_name(node: ast.Call) -> str:
    f = node.func
    if isinstance(f, ast.Attribute):
        return f.attr
    if isinstance(f, ast.Name):
        return f.id
    return ""


class _Finder(ast.NodeVisitor):
    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []
        self._skip: set[int] = set()

    def _skip_tree(self, node: ast.AST | None) -> None:
        if node is not None:
            for sub in ast.walk(node):
                self._skip.add(id(sub))

    def visit(self, node: ast.AST) -> None:
        if id(node) in self._skip:
            return
        super().visit(node)

    def _docstring(self, node: ast.AST) -> None:
        body = getattr(node, "body", None)
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            self._skip_tree(body[0])
        # a string right after an assignment documents it (attribute docstrings)
        for a, b in zip(body or [], (body or [])[1:], strict=False):
            if isinstance(a, ast.Assign | ast.AnnAssign) and isinstance(b, ast.Expr) \
                    and isinstance(b.value, ast.Constant):
                self._skip_tree(b)

    def visit_Module(self, node: ast.Module) -> None:
        self._docstring(node)
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._docstring(node)
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._docstring(node)
        self._skip_tree(node.returns)
        for arg in [*node.args.args, *node.args.kwonlyargs, *node.args.posonlyargs]:
            self._skip_tree(arg.annotation)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Assign(self, node: ast.Assign) -> None:
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self._skip_tree(node.annotation)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        if name in TRANSLATING or name in INTERNAL_CALLS:
            self._skip_tree(node)
            return
        self.generic_visit(node)

    def visit_Raise(self, node: ast.Raise) -> None:
        if isinstance(node.exc, ast.Call) and _call_name(node.exc) in PROGRAMMER_ERRORS:
            return
        self.generic_visit(node)

    def visit_Assert(self, node: ast.Assert) -> None:
        return

    def visit_Compare(self, node: ast.Compare) -> None:
        self._skip_tree(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        self._skip_tree(node.slice)
        self.generic_visit(node)

    def visit_Dict(self, node: ast.Dict) -> None:
        for key in node.keys:
            self._skip_tree(key)
        self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        """An f-string is judged whole, its fields standing in as ``{}``."""
        text = "".join(v.value if isinstance(v, ast.Constant) and isinstance(v.value, str)
                       else "{}" for v in node.values)
        if looks_shown(text):
            self.found.append((node.lineno, text))
        self._skip_tree(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and looks_shown(node.value):
            self.found.append((node.lineno, node.value))


def untranslated(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each literal in ``path`` that looks shown and is not translated."""
    finder = _Finder()
    finder.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    return sorted(finder.found)


def ui_files() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or ui_files()
    n = 0
    for path in files:
        for line, text in untranslated(path):
            print(f"{path}:{line}: {text!r}")
            n += 1
    print(f"{n} untranslated literal(s)", file=sys.stderr)
    return 1 if n else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
