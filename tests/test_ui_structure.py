"""The shape of the workstation's code: no import cycle in ``annotator.ui``, a main
window that is only chrome, one table of actions, and study actions that need a small
protocol rather than the window."""

from __future__ import annotations

import inspect
from pathlib import Path

import grimp
import pytest

import annotator
from annotator.ui import main_window, window_actions, window_study


def _cycles(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), i.e. import cycles."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.find_modules_directly_imported_by(v) & modules:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for m in sorted(modules):
        if m not in index:
            visit(m)
    return out


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    # type-checking-only imports count too: they are cycles for a reader all the same
    return grimp.build_graph("annotator", cache_dir=None)


def test_no_import_cycle_in_ui(graph: grimp.ImportGraph) -> None:
    ui = {m for m in graph.modules if m == "annotator.ui" or m.startswith("annotator.ui.")}
    # packages import their own modules in __init__: a package and its children are
    # not a cycle a reader trips over, so test modules only
    packages = {m for m in ui if (Path(annotator.__file__).parent.parent /
                                  m.replace(".", "/") / "__init__.py").exists()}
    assert len(ui) > 40
    assert _cycles(graph, ui - packages) == []


def test_cycle_finder_finds_a_cycle() -> None:
    g = grimp.ImportGraph()
    for m in ("a", "a.x", "a.y", "a.z"):
        g.add_module(m)
    g.add_import(importer="a.x", imported="a.y")
    g.add_import(importer="a.y", imported="a.z")
    g.add_import(importer="a.z", imported="a.x")
    assert _cycles(g, {"a.x", "a.y", "a.z"}) == [["a.x", "a.y", "a.z"]]


def test_main_window_is_chrome_under_400_lines() -> None:
    lines = Path(main_window.__file__).read_text(encoding="utf-8").count("\n")
    assert lines < 400, lines


def test_study_actions_take_a_protocol_not_the_window() -> None:
    hint = inspect.signature(window_study.StudyActions.__init__).parameters["host"].annotation
    assert hint in ("StudyHost", window_study.StudyHost)
    assert "main_window" not in Path(window_study.__file__).read_text(encoding="utf-8")


def test_every_action_is_declared_once_with_a_condition() -> None:
    names = [s.name for s in window_actions.ACTIONS]
    assert len(names) == len(set(names))
    keys = [k for s in window_actions.ACTIONS for k in s.shortcuts]
    assert len(keys) == len(set(keys)), "two actions share a shortcut"
    assert all(callable(s.enabled) for s in window_actions.ACTIONS)
