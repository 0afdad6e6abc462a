"""The schema revisions, read straight from the migration scripts (no Alembic, no
SQLAlchemy): enough to tell whether a study is current without loading either."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.M)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


@cache
def revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration scripts."""
    graph: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        body = script.read_text(encoding="utf-8")
        rev, down = _REVISION.search(body), _DOWN.search(body)
        if rev is not None and down is not None:
            graph[rev.group(1)] = down.group(1)
    return graph


def head_revision() -> str:
    graph = revision_graph()
    heads = set(graph) - {d for d in graph.values() if d is not None}
    if len(heads) != 1:
        raise RuntimeError(f"the migration scripts must have one head, found {sorted(heads)}")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(revision_graph())
