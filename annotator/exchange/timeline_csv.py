"""Timeline CSV: one row per segment (DESIGN §5). Import is all or nothing."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from annotator.core.codebook import Codebook
from annotator.core.timefmt import format_seconds, format_tc, parse_time
from annotator.core.timeline_rows import (
    EXPORT_COLUMNS,
    REQUIRED_COLUMNS,
    RowProblem,
    RowsRejected,
    TimelineRow,
)
from annotator.store.queries import SegmentRow

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


def parse_timeline(text: str, source: str = "<csv>") -> list[TimelineRow]:
    return _parse(io.StringIO(text, newline=""), text[:4096], source)


def _parse(lines: Iterable[str], sample: str, source: str) -> list[TimelineRow]:
    delimiter = ";" if sample.count(";") > sample.count(",") and "\t" not in sample else ","
    if "\t" in sample.splitlines()[0] if sample else False:
        delimiter = "\t"
    reader = csv.reader(lines, delimiter=delimiter)
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
    i_note, i_purpose = idx.get("note"), idx.get("purpose")
    width = len(cols)
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
            if (case and coder and category and code and session_text.isdigit()
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
        return values[i] if i is not None and i < len(values) else ""

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
    if row_problems:
        problems.extend(row_problems)
        return None
    return TimelineRow(
        line=line, case=get("case").strip(), session=session, coder=get("coder").strip(),
        category=get("category").strip(), code=get("code").strip(), start_ms=start_ms,
        end_ms=end_ms, note=get("note"), purpose=purpose,
    )


def _sec(ms: int) -> str:
    return f"{ms // 1000}.{ms % 1000:03d}" if ms >= 0 else format_seconds(ms)


def timeline_records(
    rows: Iterable[SegmentRow], codebooks: dict[int, Codebook], lang: str = "en"
) -> Iterator[list[str]]:
    """Export rows (without header) in the column order of ``EXPORT_COLUMNS``."""
    facts: dict[tuple[int, str], tuple[str, bool, str, str, str]] = {}
    for cb_id, cb in codebooks.items():
        for cat in cb.categories:
            for code in cat.codes:
                facts[(cb_id, code.id)] = (cat.id, code.kind == "point", cat.label_in(lang),
                                           code.label_in(lang), cb.version)
    for case, number, coder, purpose, cb_id, code_id, start, end, note in rows:
        cat_id, point, cat_label, code_label, version = facts.get(
            (cb_id, code_id), ("", False, "", "", codebooks[cb_id].version))
        yield [
            case, str(number), coder, cat_id, code_id, _sec(start),
            "" if point else _sec(end), note or "", _sec(end - start), format_tc(start),
            format_tc(end), cat_label, code_label, version, purpose,
        ]


def write_timeline(
    out: TextIO, rows: Iterable[SegmentRow], codebooks: dict[int, Codebook]
) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    n = 0
    for rec in timeline_records(rows, codebooks):
        writer.writerow(rec)
        n += 1
    return n
