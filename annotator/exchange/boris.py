"""BORIS files read as timeline rows: tabular events, aggregated events, and projects.

Formats (each as BORIS writes it):

- **Tabular events** (CSV, TSV or XLSX): one row per event with ``Subject``, ``Behavior``,
  ``Time`` and the event's status ``START``/``STOP``/``POINT`` in ``Status`` (older BORIS)
  or ``Behavior type`` (newer). Older versions put a block of observation details above the
  table (its ``Time offset (s)`` line is read); newer ones repeat ``Observation id`` and
  ``Time offset (s)`` on every row. Modifiers are ``Modifier #1``, ``Modifier #2``... columns.
- **Aggregated events** (CSV, TSV or XLSX): one row per state interval or point, with
  ``Behavior type`` ``STATE``/``POINT``, ``Start (s)``, ``Stop (s)``, ``Comment start``,
  ``Comment stop`` and the modifiers as ``Modifier #N`` columns or one ``Modifiers`` column
  (``|`` between modifier sets).
- **Project** (``.boris``, JSON): every observation's events, with the ethogram saying which
  behaviours are point and which state events (state events alternate START and STOP per
  subject, behaviour and modifiers) and naming the modifier sets.

Times: BORIS event times include the observation's *time offset*; annotator times count
from the start of the recording, so the offset is subtracted (an event that would land
before 0 is reported).

Subjects are never merged silently: when the events have more than one subject, the caller
must say what a subject is (``subject_as``): ``coder`` (each subject is a coder; events with
no subject are the given coder's), ``category`` (the subject names the category its events
are coded in, by category id or label) or ``ignore`` (the subject is dropped; every event is
the given coder's).

Modifiers become the segment's modifiers, ``{set name: value}`` (set names from the
project's ethogram; ``modifier_1``, ``modifier_2``... from tabular files); ``None`` and empty
values are left out. Behaviours match codes as :mod:`annotator.exchange.code_match` says.
Everything wrong is reported (per line, or per observation and event for a project) and
nothing is imported.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.codebook import Category, Codebook
from annotator.core.timeline_rows import RowProblem, RowsRejected, TimelineRow
from annotator.exchange.code_match import CodeMatcher, norm

STATUS_COLUMNS = ("status", "behavior type")
SUBJECT_CHOICES = ("coder", "category", "ignore")
NO_SUBJECT = frozenset({"", "no focal subject"})
KINDS = ("tabular events", "aggregated events", "project")


@dataclass
class BorisEvent:
    """One event (tabular, project) or one interval (aggregated) as the file states it."""

    line: int
    obs: str
    subject: str
    behavior: str
    status: str  # START / STOP / POINT; STATE for an aggregated interval; "" to infer
    time: float  # seconds, offset not yet removed
    stop: float | None = None
    comment: str = ""
    comment_stop: str = ""
    modifiers: dict[str, str] = field(default_factory=dict)
    where: str = ""


@dataclass
class BorisObservation:
    id: str
    line: int
    offset_s: float = 0.0
    events: list[BorisEvent] = field(default_factory=list)


@dataclass
class BorisFile:
    kind: str
    observations: dict[str, BorisObservation]
    point_behaviors: set[str] = field(default_factory=set)  # project: "Point event"s

    def subjects(self) -> Counter[str]:
        return Counter(_subject(e.subject) for o in self.observations.values()
                       for e in o.events)


def _subject(text: str) -> str:
    return "" if norm(text) in NO_SUBJECT else text.strip()


# ------------------------------------------------------------------------------ reading
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


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _table_lines(path: Path) -> list[tuple[int, list[str]]]:
    """(line or row number, cells) of a CSV, TSV or XLSX file's first sheet."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a damaged file
            raise RowsRejected(path.name, [RowProblem(0, "", (
                f"not a readable Excel workbook ({type(exc).__name__}: {exc})"))]) from None
        try:
            ws = wb.worksheets[0]
            return [(i, [_cell_text(v) for v in row])
                    for i, row in enumerate(ws.iter_rows(values_only=True), start=1)]
        finally:
            wb.close()
    text = _decode(path)
    sample = "\n".join(text.splitlines()[:50])
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [(reader.line_num, values) for values in reader]


def _seconds(text: str) -> float:
    value = float(text.strip())
    if math.isnan(value) or math.isinf(value):
        raise ValueError(text)
    return value


def read_table(path: Path) -> tuple[BorisFile, list[RowProblem]]:
    """Tabular or aggregated events from a CSV, TSV or XLSX file."""
    source = path.name
    lines = _table_lines(path)
    preamble_offset = 0.0
    preamble_obs = ""
    for at, (_line, header) in enumerate(lines):
        cols = {h.strip().lower(): i for i, h in enumerate(header) if h.strip()}
        first = header[0].strip().lower() if header else ""
        if first == "time offset (s)" and len(header) > 1 and "behavior" not in cols:
            try:
                preamble_offset = _seconds(header[1])
            except ValueError:
                raise RowsRejected(source, [RowProblem(_line, "", (
                    f"the time offset {header[1]!r} is not a number of seconds"))]) from None
        if first == "observation id" and len(header) > 1 and "behavior" not in cols:
            preamble_obs = header[1].strip()
        if "behavior" not in cols:
            continue
        if "start (s)" in cols and "stop (s)" in cols:
            kind = "aggregated events"
        elif "time" in cols and any(c in cols for c in STATUS_COLUMNS):
            kind = "tabular events"
        else:
            continue
        return _events(lines[at + 1:], cols, kind, preamble_obs, preamble_offset)
    raise RowsRejected(source, [RowProblem(1, "", (
        "no BORIS table was found (a header with Behavior and Time and Status or Behavior "
        "type, or with Behavior, Start (s) and Stop (s)): export the observations from BORIS "
        "as tabular or aggregated events (CSV, TSV or XLSX), or give the .boris project"))])


def _events(
    lines: list[tuple[int, list[str]]], cols: dict[str, int], kind: str, preamble_obs: str,
    preamble_offset: float,
) -> tuple[BorisFile, list[RowProblem]]:
    out = BorisFile(kind, {})
    problems: list[RowProblem] = []
    mod_cols = sorted(((int(name[len("modifier #"):]), i) for name, i in cols.items()
                       if name.startswith("modifier #") and name[len("modifier #"):].isdigit()))
    status_col = next((cols[c] for c in STATUS_COLUMNS if c in cols), None)

    def cell(values: list[str], name: str) -> str:
        i = cols.get(name)
        return values[i].strip() if i is not None and i < len(values) else ""

    for line, values in lines:
        if not any(v.strip() for v in values):
            continue
        obs_id = cell(values, "observation id") or preamble_obs
        obs = out.observations.get(obs_id)
        if obs is None:
            obs = out.observations[obs_id] = BorisObservation(obs_id, line, preamble_offset)
            if "time offset (s)" in cols:
                try:
                    obs.offset_s = _seconds(cell(values, "time offset (s)") or "0")
                except ValueError:
                    problems.append(RowProblem(line, "Time offset (s)", (
                        f"{cell(values, 'time offset (s)')!r} is not a number of seconds")))
        modifiers: dict[str, str] = {}
        if mod_cols:
            for n, i in mod_cols:
                value = values[i].strip() if i < len(values) else ""
                if value and value != "None":
                    modifiers[f"modifier_{n}"] = value
        elif "modifiers" in cols:
            for n, value in enumerate(cell(values, "modifiers").split("|"), start=1):
                if value.strip() and value.strip() != "None":
                    modifiers[f"modifier_{n}"] = value.strip()
        status = (values[status_col].strip().upper()
                  if status_col is not None and status_col < len(values) else "")
        time_col = "start (s)" if kind == "aggregated events" else "time"
        try:
            t = _seconds(cell(values, time_col))
        except ValueError:
            problems.append(RowProblem(line, "Start (s)" if kind == "aggregated events"
                                       else "Time", (
                                           f"{cell(values, time_col)!r} is not a time in "
                                           "seconds")))
            continue
        stop: float | None = None
        if kind == "aggregated events" and status != "POINT":
            try:
                stop = _seconds(cell(values, "stop (s)"))
            except ValueError:
                problems.append(RowProblem(line, "Stop (s)", (
                    f"{cell(values, 'stop (s)')!r} is not a time in seconds")))
                continue
        comment = cell(values, "comment") or cell(values, "comment start")
        obs.events.append(BorisEvent(line, obs_id, cell(values, "subject"),
                                     cell(values, "behavior"), status, t, stop, comment,
                                     cell(values, "comment stop"), modifiers))
    return out, problems


def read_project(path: Path) -> tuple[BorisFile, list[RowProblem]]:
    """Every observation of a ``.boris`` project (JSON)."""
    source = path.name
    try:
        data = json.loads(_decode(path))
    except ValueError as exc:
        raise RowsRejected(source, [RowProblem(getattr(exc, "lineno", 0), "", (
            f"not a BORIS project: the file is not JSON ({exc})"))]) from None
    if not isinstance(data, dict) or not isinstance(data.get("observations"), dict):
        raise RowsRejected(source, [RowProblem(1, "", (
            "not a BORIS project: it has no 'observations' (a .boris file is JSON with "
            "observations, an ethogram 'behaviors_conf' and subjects)"))])
    conf = data.get("behaviors_conf") or data.get("ethogram") or {}
    points: set[str] = set()
    mod_names: dict[str, list[str]] = {}
    for behavior in (conf.values() if isinstance(conf, dict) else []):
        if not isinstance(behavior, dict):
            continue
        code = str(behavior.get("code", ""))
        if "point" in str(behavior.get("type", "")).lower():
            points.add(code)
        mods = behavior.get("modifiers")
        if isinstance(mods, dict):
            mod_names[code] = [str(mods[k].get("name", "")).strip() if isinstance(mods[k], dict)
                               else "" for k in sorted(mods, key=lambda k: int(k)
                                                       if str(k).isdigit() else 0)]
    out = BorisFile("project", {}, points)
    problems: list[RowProblem] = []
    for obs_id, obs_data in data["observations"].items():
        if not isinstance(obs_data, dict):
            continue
        offset = obs_data.get("time offset", 0) or 0
        obs = out.observations[obs_id] = BorisObservation(obs_id, 0)
        try:
            obs.offset_s = _seconds(str(offset))
        except ValueError:
            problems.append(RowProblem(0, "", f"{offset!r} is not a time offset in seconds",
                                       where=f"observation {obs_id!r}"))
        for k, ev in enumerate(obs_data.get("events") or [], start=1):
            where = f"observation {obs_id!r}, event {k}"
            if not isinstance(ev, list) or len(ev) < 3:
                problems.append(RowProblem(k, "", f"{ev!r} is not an event [time, subject, "
                                                  "behavior, modifiers, comment]", where=where))
                continue
            try:
                t = _seconds(str(ev[0]))
            except ValueError:
                problems.append(RowProblem(k, "", f"{ev[0]!r} is not a time in seconds",
                                           where=where))
                continue
            behavior = str(ev[2])
            names = mod_names.get(behavior, [])
            modifiers: dict[str, str] = {}
            raw = str(ev[3]) if len(ev) > 3 and ev[3] is not None else ""
            for n, value in enumerate(raw.split("|") if raw else [], start=1):
                name = names[n - 1] if n - 1 < len(names) and names[n - 1] else f"modifier_{n}"
                if value.strip() and value.strip() != "None":
                    modifiers[name] = value.strip()
            comment = str(ev[4]) if len(ev) > 4 and ev[4] is not None else ""
            obs.events.append(BorisEvent(k, obs_id, str(ev[1] or ""), behavior, "", t,
                                         comment=comment.strip(), modifiers=modifiers,
                                         where=where))
    return out, problems


def read_boris_file(path: Path) -> tuple[BorisFile, list[RowProblem]]:
    head = b""
    try:
        with path.open("rb") as fh:
            head = fh.read(64).lstrip()
    except OSError:
        pass
    if path.suffix.lower() == ".boris" or head.startswith(b"{"):
        return read_project(path)
    return read_table(path)


# ------------------------------------------------------------------------------ to rows
@dataclass(frozen=True)
class Who:
    """What subjects are and whose coding the events are."""

    subject_as: str | None
    coder: str | None


@dataclass
class ObservationRows:
    rows: list[TimelineRow] = field(default_factory=list)
    coders: Counter[str] = field(default_factory=Counter)


def _category_for(subject: str, codebook: Codebook) -> Category | None:
    key = norm(subject)
    for cat in codebook.categories:
        if cat.id.casefold() == key or any(norm(t) == key for t in cat.label.values()):
            return cat
    return None


def observation_rows(
    obs: BorisObservation, kind: str, codebook: Codebook, matcher: CodeMatcher, who: Who,
    case: str, session: int, points: set[str], problems: list[RowProblem], line_base: int = 0,
) -> ObservationRows:
    """Segments of one observation; every bad event adds a problem. Row lines are the
    file's lines (tabular) or ``line_base`` + event number (project)."""
    out = ObservationRows()
    open_: dict[tuple[Any, ...], tuple[BorisEvent, int]] = {}
    offset_ms = round(obs.offset_s * 1000)

    def bad(ev: BorisEvent, column: str, reason: str) -> None:
        problems.append(RowProblem(line_base + ev.line if kind == "project" else ev.line,
                                   "" if kind == "project" else column, reason, where=ev.where))

    for ev in obs.events:
        subject = _subject(ev.subject)
        category: Category | None = None
        coder = who.coder
        if who.subject_as == "coder" and subject:
            coder = subject
        elif who.subject_as == "category":
            category = _category_for(subject, codebook) if subject else None
            if category is None:
                cats = ", ".join(c.id for c in codebook.categories)
                bad(ev, "Subject", (f"the subject {ev.subject!r} names no category of the "
                                    f"codebook (by id or label; the categories are {cats})"))
                continue
        if coder is None:
            bad(ev, "Subject", "this event has no subject: give --coder for events without one")
            continue
        code, reason = matcher.match(ev.behavior, category)
        if code is None:
            bad(ev, "Behavior", reason)
            continue
        t = round(ev.time * 1000) - offset_ms
        if t < 0:
            bad(ev, "Time", (f"at {ev.time:.3f} s, less the observation's time offset of "
                             f"{obs.offset_s:.3f} s, it falls before the start of the recording"))
            continue
        key = (subject, code.id, tuple(sorted(ev.modifiers.items())))
        status = ev.status
        if kind == "project":
            status = "POINT" if ev.behavior in points else "STOP" if key in open_ else "START"
        if kind == "aggregated events" and status != "POINT":
            if code.kind == "point":
                bad(ev, "Behavior type", (f"{ev.behavior!r} is a state event in BORIS, but "
                                          f"{code.id!r} is a point code in the codebook"))
                continue
            assert ev.stop is not None
            stop = round(ev.stop * 1000) - offset_ms
            if stop <= t:
                bad(ev, "Stop (s)", "the interval ends where or before it starts")
                continue
            note = " / ".join(n for n in (ev.comment, ev.comment_stop) if n)
            out.rows.append(TimelineRow(ev.line, case, session, coder, code.category_id,
                                        code.id, t, stop, note, modifiers=dict(ev.modifiers)))
            out.coders[coder] += 1
        elif status == "POINT":
            if code.kind != "point":
                bad(ev, "Status", (f"{ev.behavior!r} is a POINT event in BORIS, but "
                                   f"{code.id!r} is a state code in the codebook"))
                continue
            out.rows.append(TimelineRow(line_base + ev.line if kind == "project" else ev.line,
                                        case, session, coder, code.category_id, code.id, t, t,
                                        ev.comment, modifiers=dict(ev.modifiers)))
            out.coders[coder] += 1
        elif status == "START":
            if code.kind == "point":
                bad(ev, "Status", (f"{ev.behavior!r} is a state event (START) in BORIS, but "
                                   f"{code.id!r} is a point code in the codebook"))
            elif key in open_:
                first = open_[key][0]
                bad(ev, "Status", (f"START of {ev.behavior!r} at {ev.time:.3f} s while the "
                                   f"START on {first.where or f'line {first.line}'} has no "
                                   "STOP yet"))
            else:
                open_[key] = (ev, t)
        elif status == "STOP":
            began = open_.pop(key, None)
            if began is None:
                bad(ev, "Status", f"STOP of {ev.behavior!r} at {ev.time:.3f} s without a START")
                continue
            first, start = began
            note = " / ".join(n for n in (first.comment, ev.comment) if n)
            out.rows.append(TimelineRow(line_base + first.line if kind == "project"
                                        else first.line, case, session, coder,
                                        code.category_id, code.id, start, t, note,
                                        modifiers=dict(first.modifiers)))
            out.coders[coder] += 1
        else:
            bad(ev, "Status", f"{status or 'an empty status'!r} is not START, STOP or POINT")
    for first, start in open_.values():
        bad(first, "Status", f"this START at {start / 1000:.3f} s has no STOP")
    return out


def read_boris(
    path: Path, codebook: Codebook, *, case: str, session: int, coder: str,
    subject_as: str | None = "ignore",
) -> list[TimelineRow]:
    """Timeline rows of a one-observation BORIS table (kept for callers of the old API)."""
    data, problems = read_table(path)
    matcher = CodeMatcher(codebook)
    rows: list[TimelineRow] = []
    for obs in data.observations.values():
        rows += observation_rows(obs, data.kind, codebook, matcher, Who(subject_as, coder),
                                 case, session, data.point_behaviors, problems).rows
    if problems:
        raise RowsRejected(path.name, sorted(problems, key=lambda p: p.line))
    return sorted(rows, key=lambda r: r.line)
