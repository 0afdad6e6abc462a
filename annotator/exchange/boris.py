"""BORIS tabular events export (CSV or TSV) read as timeline rows.

BORIS writes one row per event with (among others) the columns ``Observation id``,
``Subject``, ``Behavior``, ``Behavioral category``, ``Comment``, ``Time`` and the event's
status, ``START``, ``STOP`` or ``POINT``, in a column called ``Status`` (older versions)
or ``Behavior type`` (newer ones). Older versions put a block of observation details above
the table; the table starts at the first row that has the ``Behavior`` and ``Time`` columns.

A START and the next STOP of the same behaviour (and subject and modifiers) become one
segment; a POINT becomes a point segment when the code is a point code. A behaviour maps to
the code with that id, else to the code whose label (in any language, ignoring case) it is.
Everything wrong is reported per line and nothing is imported.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.codebook import Code, Codebook
from annotator.core.timeline_rows import RowProblem, RowsRejected, TimelineRow

STATUS_COLUMNS = ("status", "behavior type")


@dataclass
class _Open:
    line: int
    start_ms: int
    note: str


def _code_lookup(codebook: Codebook) -> dict[str, Code]:
    found: dict[str, Code] = {}
    for code in codebook.codes:
        for label in code.label.values():
            found.setdefault(label.strip().lower(), code)
    for code in codebook.codes:
        found[code.id.lower()] = code
    return found


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RowsRejected(path.name, [RowProblem(0, "", f"cannot read the file: {exc}")]) from None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RowsRejected(path.name, [RowProblem(0, "", "the file is not text")])  # pragma: no cover


def _table(text: str, source: str) -> tuple[Any, dict[str, int]]:
    lines = text.splitlines()
    sample = "\n".join(lines[:50])
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for header in reader:
        cols = {h.strip().lower(): i for i, h in enumerate(header)}
        if "behavior" in cols and "time" in cols and any(c in cols for c in STATUS_COLUMNS):
            return reader, cols
    raise RowsRejected(source, [RowProblem(1, "", (
        "no table header with the columns Behavior, Time and Status (or Behavior type) was "
        "found: export the observation from BORIS as tabular events (CSV or TSV)"))])


def read_boris(
    path: Path, codebook: Codebook, *, case: str, session: int, coder: str
) -> list[TimelineRow]:
    """Timeline rows of a BORIS tabular events file; raise RowsRejected listing every problem."""
    source = path.name
    reader, cols = _table(_decode(path), source)
    status_col = next(cols[c] for c in STATUS_COLUMNS if c in cols)
    modifier_cols = [i for name, i in cols.items() if name.startswith("modifier")]
    codes = _code_lookup(codebook)
    rows: list[TimelineRow] = []
    problems: list[RowProblem] = []
    open_: dict[tuple[str, ...], _Open] = {}
    observations: dict[str, int] = {}

    def cell(values: list[str], name: str) -> str:
        i = cols.get(name)
        return values[i].strip() if i is not None and i < len(values) else ""

    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        obs = cell(values, "observation id")
        observations.setdefault(obs, line)
        if len(observations) > 1 and observations[obs] == line:
            problems.append(RowProblem(line, "Observation id", (
                f"a second observation ({obs!r}; the first is {next(iter(observations))!r}): "
                "export one observation per file")))
            continue
        behavior = cell(values, "behavior")
        status = values[status_col].strip().upper() if status_col < len(values) else ""
        code = codes.get(behavior.lower())
        if code is None:
            problems.append(RowProblem(line, "Behavior", (
                f"{behavior!r} is not a code of the codebook (by id or label; the codes are "
                f"{', '.join(c.id for c in codebook.codes)})")))
            continue
        try:
            seconds = float(cell(values, "time"))
            if not seconds >= 0:
                raise ValueError
        except ValueError:
            problems.append(RowProblem(line, "Time", f"{cell(values, 'time')!r} is not a time "
                                                     "in seconds"))
            continue
        t = round(seconds * 1000)
        note = cell(values, "comment")
        key = (obs, cell(values, "subject"), code.id,
               *(values[i].strip() for i in modifier_cols if i < len(values)))
        if status == "POINT":
            if code.kind != "point":
                problems.append(RowProblem(line, "Status", (
                    f"{behavior!r} is a POINT event in BORIS, but {code.id!r} is a state code "
                    "in the codebook")))
                continue
            rows.append(TimelineRow(line, case, session, coder, code.category_id, code.id, t, t,
                                    note))
        elif status == "START":
            if code.kind == "point":
                problems.append(RowProblem(line, "Status", (
                    f"{behavior!r} is a state event (START) in BORIS, but {code.id!r} is a point "
                    "code in the codebook")))
            elif key in open_:
                problems.append(RowProblem(line, "Status", (
                    f"START of {behavior!r} at {seconds:.3f} s while the START on line "
                    f"{open_[key].line} has no STOP yet")))
            else:
                open_[key] = _Open(line, t, note)
        elif status == "STOP":
            began = open_.pop(key, None)
            if began is None:
                problems.append(RowProblem(line, "Status", f"STOP of {behavior!r} at "
                                                           f"{seconds:.3f} s without a START"))
                continue
            joined = " / ".join(n for n in (began.note, note) if n)
            rows.append(TimelineRow(began.line, case, session, coder, code.category_id, code.id,
                                    began.start_ms, t, joined))
        else:
            problems.append(RowProblem(line, "Status", (
                f"{status or 'an empty status'!r} is not START, STOP or POINT")))
    for began in open_.values():
        problems.append(RowProblem(began.line, "Status", (
            f"this START at {began.start_ms / 1000:.3f} s has no STOP")))
    if problems:
        problems.sort(key=lambda p: p.line)
        raise RowsRejected(source, problems)
    rows.sort(key=lambda r: r.line)
    return rows
