"""Timeline CSV: one row per segment (docs/design.md §5). Import is all or nothing.

Export neutralises text cells a spreadsheet would read as a formula (see
:mod:`annotator.exchange.cells`) unless ``raw``; import undoes exactly that, so our own
export imports back to the same notes. ``excel`` starts the file with a UTF-8 byte order
mark, which Excel on Windows needs to read æøå. The ``modifiers`` column holds a segment's
modifiers as a JSON object (empty when it has none).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from annotator.core.codebook import Codebook
from annotator.core.limits import MAX_FIELD_BYTES
from annotator.core.timefmt import format_seconds, format_tc, parse_time
from annotator.core.timeline_rows import (
    EXPORT_COLUMNS,
    REQUIRED_COLUMNS,
    TEXT_COLUMNS,
    RowProblem,
    RowsRejected,
    TimelineRow,
)
from annotator.exchange.cells import FIRST_CHARS, QUOTE, CsvWriter, neutralise, restore
from annotator.store.records import SegmentRow

PURPOSES = ("primary", "reliability", "consensus")


def read_timeline(path: Path) -> list[TimelineRow]:
    """Parse a timeline CSV; raise :class:`RowsRejected` listing every malformed row.

    The file is decoded as it is read (after one check that all of it is UTF-8), so a big
    timeline costs little more memory than its rows."""
    name = path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise RowsRejected(name, [RowProblem(0, "", f"there is no file {path}")]) from None
    try:
        sample = data.decode("utf-8-sig")[:4096]
    except UnicodeDecodeError as exc:
        raise RowsRejected(name, [RowProblem(
            0, "", f"the file is not UTF-8 text (byte {exc.start}); save it as UTF-8 CSV")]
        ) from None
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    return _parse(stream, sample, name)


class _CheckedRows:
    """A csv reader whose malformed lines (a field over 128 KiB, a stray quote) are refused
    with their line number instead of raising ``_csv.Error``."""

    def __init__(self, reader: Any, source: str) -> None:
        self._reader = reader
        self._source = source

    @property
    def line_num(self) -> int:
        return int(self._reader.line_num)

    def __iter__(self) -> _CheckedRows:
        return self

    def __next__(self) -> list[str]:
        try:
            return list(next(self._reader))
        except csv.Error as exc:
            raise RowsRejected(self._source, [RowProblem(
                self.line_num, "", f"unreadable CSV ({exc}; a field may hold at most "
                f"{MAX_FIELD_BYTES // 1024} KiB)")]) from None


def parse_timeline(text: str, source: str = "<csv>") -> list[TimelineRow]:
    return _parse(io.StringIO(text, newline=""), text[:4096], source)


def _parse(lines: Iterable[str], sample: str, source: str) -> list[TimelineRow]:
    delimiter = ";" if sample.count(";") > sample.count(",") and "\t" not in sample else ","
    if "\t" in sample.splitlines()[0] if sample else False:
        delimiter = "\t"
    reader = _CheckedRows(csv.reader(lines, delimiter=delimiter), source)
    try:
        header = next(reader)
    except StopIteration:
        raise RowsRejected(source, [RowProblem(1, "", "the file is empty")]) from None
    cols = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in cols]
    if missing:
        raise RowsRejected(source, [RowProblem(
            1, "", f"the header lacks column(s) {', '.join(missing)}; a timeline CSV needs "
            f"{', '.join(REQUIRED_COLUMNS)} (and optionally note)",
        )])
    dupes = sorted({c for c in cols if cols.count(c) > 1 and c})
    if dupes:
        raise RowsRejected(source, [RowProblem(1, "", f"duplicate column(s) {', '.join(dupes)}")])
    idx = {c: i for i, c in enumerate(cols)}
    rows: list[TimelineRow] = []
    problems: list[RowProblem] = []
    i_case, i_session, i_coder, i_cat, i_code, i_start, i_end = (
        idx[c] for c in REQUIRED_COLUMNS)
    i_note, i_purpose, i_mod = idx.get("note"), idx.get("purpose"), idx.get("modifiers")
    width = len(cols)
    # a cell our export neutralised (a leading ') or a modifiers object: the checked path
    text_idx = [idx[c] for c in TEXT_COLUMNS if c in idx]
    intern = sys.intern  # the same few ids on every row: stored once
    for values in reader:
        line = reader.line_num
        if len(values) >= width:  # the common case, without per-column look-ups
            case, coder = values[i_case].strip(), values[i_coder].strip()
            category, code = values[i_cat].strip(), values[i_code].strip()
            session_text = values[i_session].strip()
            start_text, end_text = values[i_start], values[i_end].strip()
            note = "" if i_note is None else values[i_note]
            purpose = ("" if i_purpose is None else values[i_purpose].strip()) or "primary"
            plain = (i_mod is None or not values[i_mod].strip()) and not any(
                values[i].startswith(QUOTE) for i in text_idx)
            if (plain and case and coder and category and code and session_text.isdigit()
                    and purpose in PURPOSES):
                try:
                    start_ms = _fast_ms(start_text)
                    end_ms = start_ms if end_text == "" else _fast_ms(end_text)
                    session = int(session_text)
                except ValueError:
                    session = 0
                if session >= 1:
                    rows.append(TimelineRow(
                        line, intern(case), session, intern(coder), intern(category),
                        intern(code), start_ms, end_ms, note, intern(purpose)))
                    continue
        if not any(v.strip() for v in values):
            continue
        if len(values) < len(REQUIRED_COLUMNS):
            problems.append(RowProblem(line, "", f"expected {len(cols)} fields, found "
                                                 f"{len(values)}"))
            continue
        row = _checked_row(line, values, idx, problems)
        if row is not None:
            rows.append(row)
    if problems:
        raise RowsRejected(source, problems)
    return rows


def _fast_ms(text: str) -> int:
    """``parse_time`` for plain seconds (``12.345``), the usual case, without a regex."""
    whole, dot, frac = text.partition(".")
    if whole.isdigit() and (frac.isdigit() and len(frac) <= 3 if dot else True):
        return int(whole) * 1000 + int((frac + "000")[:3])
    return parse_time(text)


def _checked_row(line: int, values: list[str], idx: dict[str, int],
                 problems: list[RowProblem]) -> TimelineRow | None:
    """One row checked column by column; its problems are added to ``problems``."""

    def get(col: str) -> str:
        i = idx.get(col)
        text = values[i] if i is not None and i < len(values) else ""
        return restore(text) if col in TEXT_COLUMNS else text

    row_problems: list[RowProblem] = []
    for col in ("case", "coder", "category", "code"):
        if not get(col).strip():
            row_problems.append(RowProblem(line, col, "empty"))
    session_text = get("session").strip()
    session = 0
    try:
        session = int(session_text)
        if session < 1:
            raise ValueError
    except ValueError:
        row_problems.append(RowProblem(
            line, "session", f"{session_text!r} is not a session number (1, 2, ...)"))
    start_ms = end_ms = 0
    try:
        start_ms = parse_time(get("start_s"))
    except ValueError as exc:
        row_problems.append(RowProblem(line, "start_s", str(exc)))
    end_text = get("end_s").strip()
    try:
        end_ms = start_ms if end_text == "" else parse_time(end_text)
    except ValueError as exc:
        row_problems.append(RowProblem(line, "end_s", str(exc)))
    purpose = get("purpose").strip() or "primary"
    if purpose not in PURPOSES:
        row_problems.append(RowProblem(
            line, "purpose", f"{purpose!r} is not one of {', '.join(PURPOSES)}"))
    modifiers: dict[str, object] = {}
    mod_text = get("modifiers").strip()
    if mod_text:
        try:
            loaded = json.loads(mod_text)
        except ValueError:
            loaded = None
        if isinstance(loaded, dict):
            modifiers = loaded
        else:
            row_problems.append(RowProblem(line, "modifiers", (
                f"{mod_text[:40]!r} is not a JSON object such as {{\"speaker\": \"child\"}}"
            )))
    if row_problems:
        problems.extend(row_problems)
        return None
    return TimelineRow(
        line=line, case=get("case").strip(), session=session, coder=get("coder").strip(),
        category=get("category").strip(), code=get("code").strip(), start_ms=start_ms,
        end_ms=end_ms, note=get("note"), purpose=purpose, modifiers=modifiers,
    )


def _sec(ms: int) -> str:
    return f"{ms // 1000}.{ms % 1000:03d}" if ms >= 0 else format_seconds(ms)


_NO_MODIFIERS = frozenset({"", "{}", "null"})


def modifiers_text(stored: str | None) -> str:
    """A segment's stored modifiers (JSON text) as the export's compact JSON object with
    sorted keys ("" when it has none)."""
    if stored is None or stored in _NO_MODIFIERS:
        return ""
    value = json.loads(stored)
    if not value:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def timeline_records(
    rows: Iterable[SegmentRow], codebooks: dict[int, Codebook], lang: str = "en"
) -> Iterator[list[str]]:
    """Export rows (without header) in the column order of ``EXPORT_COLUMNS``, as stored
    (not neutralised; see :func:`safe_records`)."""
    facts: dict[tuple[int, str], tuple[str, bool, str, str, str]] = {}
    for cb_id, cb in codebooks.items():
        for cat in cb.categories:
            for code in cat.codes:
                facts[(cb_id, code.id)] = (cat.id, code.kind == "point", cat.label_in(lang),
                                           code.label_in(lang), cb.version)
    for case, number, coder, purpose, cb_id, code_id, start, end, note, mods in rows:
        cat_id, point, cat_label, code_label, version = facts.get(
            (cb_id, code_id), ("", False, "", "", codebooks[cb_id].version))
        yield [
            case, str(number), coder, cat_id, code_id, _sec(start),
            "" if point else _sec(end), note or "", _sec(end - start), format_tc(start),
            format_tc(end), cat_label, code_label, version, purpose, modifiers_text(mods),
        ]


_TEXT_AT = tuple(i for i, c in enumerate(EXPORT_COLUMNS) if c in TEXT_COLUMNS)


def safe_record(record: list[str]) -> list[str]:
    """The record with its text cells neutralised against formula injection (the same list
    when no cell needs it: most records)."""
    out = record
    for i in _TEXT_AT:
        if record[i][:1] in FIRST_CHARS:
            if out is record:
                out = list(record)
            out[i] = neutralise(record[i])
    return out


def write_timeline(
    out: TextIO, rows: Iterable[SegmentRow], codebooks: dict[int, Codebook], *,
    raw: bool = False, excel: bool = False, lang: str = "en",
) -> int:
    """Write the header and one line per segment; returns the number of segments."""
    if excel:
        out.write("\ufeff")
    writer = CsvWriter(out)
    writer.row(EXPORT_COLUMNS)
    n = 0
    for rec in timeline_records(rows, codebooks, lang):
        writer.row(rec if raw else safe_record(rec))
        n += 1
    return n
