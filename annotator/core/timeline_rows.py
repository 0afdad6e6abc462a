"""Rows of a coded timeline (import and export contract, docs/design.md §5) and their checks.

Checks that need only the codebook and the rows themselves live here; checks against a
study (unknown sessions, durations, existing segments) live in the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core import limits
from annotator.core.codebook import Codebook

REQUIRED_COLUMNS: tuple[str, ...] = (
    "case", "session", "coder", "category", "code", "start_s", "end_s",
)
OPTIONAL_COLUMNS: tuple[str, ...] = ("note", "purpose", "modifiers")
EXPORT_COLUMNS: tuple[str, ...] = (
    *REQUIRED_COLUMNS, "note", "duration_s", "start_tc", "end_tc", "category_label",
    "code_label", "codebook_version", "purpose", "modifiers",
)
TEXT_COLUMNS: frozenset[str] = frozenset({
    "case", "coder", "category", "code", "note", "category_label", "code_label",
    "codebook_version", "purpose", "modifiers",
})
"""Export columns holding text (the others hold numbers or times): the ones a spreadsheet
could read as a formula, and so the ones export neutralises and import restores."""


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One segment as a timeline file states it; ``line`` is its line in the file."""

    line: int
    case: str
    session: int
    coder: str
    category: str
    code: str
    start_ms: int
    end_ms: int
    note: str = ""
    purpose: str = "primary"
    modifiers: dict[str, Any] = field(default_factory=dict, compare=True, hash=False)


@dataclass(frozen=True, slots=True)
class RowProblem:
    """What is wrong with one row: where (line, column) and why."""

    line: int
    column: str
    reason: str
    where: str = ""
    """Where the problem is when a line number says little (a JSON file's observation and
    event); ``str()`` then starts with it instead of ``line N``."""

    def __str__(self) -> str:
        col = f", column {self.column}" if self.column else ""
        return f"{self.where or f'line {self.line}'}{col}: {self.reason}"


class RowsRejected(ValueError):
    """A timeline was refused as a whole; ``problems`` lists every bad row."""

    def __init__(self, source: str, problems: Sequence[RowProblem]) -> None:
        self.source = source
        self.problems = list(problems)
        head = f"{source}: {len(self.problems)} problem(s); nothing was imported."
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


def limit_problems(row: TimelineRow) -> list[RowProblem]:
    """The shared limits (``annotator.core.limits``): ids, note, session number, times."""
    found: list[RowProblem] = []
    checks = (
        ("case", lambda: limits.check_case(row.case, "the case id")),
        ("coder", lambda: limits.check_coder(row.coder, "the coder id")),
        ("category", lambda: limits.check_code(row.category, "the category id")),
        ("code", lambda: limits.check_code(row.code, "the code id")),
        ("note", lambda: limits.check_note(row.note)),
        ("session", lambda: limits.check_session_number(row.session)),
        ("start_s", lambda: limits.check_time_ms(row.start_ms, "the start")),
        ("end_s", lambda: limits.check_time_ms(row.end_ms, "the end")),
    )
    for column, check in checks:
        try:
            check()
        except limits.LimitError as exc:
            found.append(RowProblem(row.line, column, str(exc)))
    return found


def check_rows(rows: Iterable[TimelineRow], codebook: Codebook) -> list[RowProblem]:
    """Codebook and self-consistency problems: codes, categories, times, exclusive overlaps."""
    problems: list[RowProblem] = []
    exclusive: dict[tuple[str, int, str, str, str], list[TimelineRow]] = defaultdict(list)
    # Dict lookups, not the codebook's linear ones: an import may have a million rows.
    codes = {c.id: c for c in codebook.codes}
    is_exclusive = {cat.id: cat.exclusive for cat in codebook.categories}
    for row in rows:
        bad = limit_problems(row)
        if bad:
            problems.extend(bad)
            continue
        code = codes.get(row.code)
        if code is None:
            known = ", ".join(c.id for c in codebook.codes)
            problems.append(RowProblem(row.line, "code",
                                       f"unknown code {row.code!r} (the codebook has: {known})"))
            continue
        if row.category != code.category_id:
            try:
                codebook.category(row.category)
                reason = (f"code {row.code!r} belongs to category {code.category_id!r}, "
                          f"not {row.category!r}")
            except KeyError:
                reason = f"unknown category {row.category!r}"
            problems.append(RowProblem(row.line, "category", reason))
            continue
        if row.end_ms < row.start_ms:
            problems.append(RowProblem(row.line, "end_s", "end is before start"))
            continue
        if code.kind == "point" and row.end_ms != row.start_ms:
            problems.append(RowProblem(row.line, "end_s",
                                       f"{row.code!r} is a point code: leave end_s empty"))
            continue
        if is_exclusive[code.category_id] and row.end_ms > row.start_ms:
            key = (row.case, row.session, row.coder, row.purpose, code.category_id)
            exclusive[key].append(row)
    for group in exclusive.values():
        group.sort(key=lambda r: (r.start_ms, r.end_ms))
        reach: TimelineRow | None = None
        for row in group:
            if reach is not None and row.start_ms < reach.end_ms:
                problems.append(RowProblem(
                    row.line, "start_s",
                    f"overlaps line {reach.line} ({reach.code!r}) inside the exclusive "
                    f"category {row.category!r}",
                ))
            if reach is None or row.end_ms > reach.end_ms:
                reach = row
    problems.sort(key=lambda p: p.line)
    return problems
