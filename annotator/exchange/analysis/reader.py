"""Which codings count, for which sessions, with which durations: a study to
:class:`~annotator.core.analysis.data.AnalysisData`.

Which coding counts (:class:`Selection`):

- ``primary`` (default): every session's primary coding(s);
- ``consensus-first``: a session's consensus coding where it has one, else its primary;
- a named coder: that coder's primary coding of a session, else their reliability coding.

Every selected session appears: one without a coding that counts is a unit with coder ``""``
and coding ``none`` (its counts are zeros). Segments are read with the store's live-segment
query (deleted and still-recording segments are no segments) and kept within
``[0, duration]``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from annotator.core.analysis.data import AnalysisData, CategorySpec, CodeSpec, Unit
from annotator.core.analysis.errors import AnalysisInputError
from annotator.core.codebook import Codebook
from annotator.store.reader import LIVE_SEGMENTS_FROM, driver_cursor, sql_text
from annotator.store.records import AssignmentInfo, SessionInfo

if TYPE_CHECKING:
    from annotator.store.reader import StudyReader

PRIMARY = "primary"
CONSENSUS_FIRST = "consensus-first"
_FETCH = 50_000

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class Selection:
    """What to analyse. ``coding`` is ``primary``, ``consensus-first`` or a coder id;
    ``cases`` are case labels; ``sessions`` are ``CASE:N`` keys or session numbers ``N``."""

    coding: str = PRIMARY
    cases: tuple[str, ...] = ()
    sessions: tuple[str, ...] = ()
    lang: str | None = None

    def describe(self) -> str:
        if self.coding == PRIMARY:
            return "the primary coding of each session"
        if self.coding == CONSENSUS_FIRST:
            return "each session's consensus coding where it has one, else its primary coding"
        return (f"coder {self.coding}'s coding of each session (primary, else reliability)")


@dataclass
class Loaded:
    data: AnalysisData
    codebook: Codebook
    lang: str
    notes: list[str] = field(default_factory=list)
    inferred_durations: list[str] = field(default_factory=list)
    unknown_durations: list[str] = field(default_factory=list)
    uncoded: list[str] = field(default_factory=list)


def _valid_list(items: Sequence[str]) -> str:
    return ", ".join(items) if items else "none"


def _pick_sessions(study: StudyReader, sel: Selection) -> list[SessionInfo]:
    sessions = study.sessions()
    cases = sorted({s.case for s in sessions})
    bad_cases = [c for c in sel.cases if c not in cases]
    if bad_cases:
        raise AnalysisInputError(
            f"Unknown case(s): {', '.join(bad_cases)}. Cases in this study: "
            f"{_valid_list(cases)}.")
    keys = {s.key for s in sessions}
    numbers = sorted({s.number for s in sessions})
    bad: list[str] = []
    want_keys: set[str] = set()
    want_numbers: set[int] = set()
    for k in sel.sessions:
        if k.isdigit():
            if int(k) not in numbers:
                bad.append(k)
            want_numbers.add(int(k))
        elif ":" in k:
            case, _, num = k.partition(":")
            key = f"{case}:{int(num)}" if num.isdigit() else k
            if key not in keys:
                bad.append(k)
            want_keys.add(key)
        else:
            bad.append(k)
    if bad:
        raise AnalysisInputError(
            f"Unknown session(s): {', '.join(bad)}. Give CASE:N (sessions: "
            f"{_valid_list([s.key for s in sessions])}) or a session number "
            f"({_valid_list([str(n) for n in numbers])}).")
    picked = [s for s in sessions
              if (not sel.cases or s.case in sel.cases)
              and (not sel.sessions or s.key in want_keys or s.number in want_numbers)]
    if not picked:
        what = []
        if sel.cases:
            what.append(f"--cases {' '.join(sel.cases)}")
        if sel.sessions:
            what.append(f"--sessions {' '.join(sel.sessions)}")
        if not what:
            raise AnalysisInputError("This study has no sessions yet: add them with "
                                     "`annotator session add` or `session import`.")
        raise AnalysisInputError(
            f"No session matches {' and '.join(what)}: nothing to analyse. Sessions in this "
            f"study: {_valid_list([s.key for s in sessions])}.")
    return picked


def _chosen(study: StudyReader, sel: Selection, sessions: list[SessionInfo],
            ) -> dict[int, list[AssignmentInfo]]:
    wanted = {s.id for s in sessions}
    by_session: dict[int, list[AssignmentInfo]] = {s.id: [] for s in sessions}
    all_assignments = [a for a in study.assignments() if a.session_id in wanted]
    if sel.coding == PRIMARY:
        for a in all_assignments:
            if a.purpose == "primary":
                by_session[a.session_id].append(a)
    elif sel.coding == CONSENSUS_FIRST:
        for sid in by_session:
            own = [a for a in all_assignments if a.session_id == sid]
            cons = [a for a in own if a.purpose == "consensus"]
            by_session[sid] = cons or [a for a in own if a.purpose == "primary"]
    else:
        coders = sorted(c.id for c in study.coders())
        if sel.coding not in coders:
            raise AnalysisInputError(
                f"Unknown coder {sel.coding!r}. Coders in this study: {_valid_list(coders)}.")
        for sid in by_session:
            own = [a for a in all_assignments
                   if a.session_id == sid and a.coder == sel.coding]
            prim = [a for a in own if a.purpose == "primary"]
            by_session[sid] = prim or [a for a in own if a.purpose == "reliability"]
    if not any(by_session.values()):
        raise AnalysisInputError(
            f"Nothing to analyse: none of the {len(sessions)} selected session(s) has "
            f"{sel.describe()}.")
    return by_session


def analysis_codes(codebooks: Sequence[Codebook], lang: str,
                   ) -> tuple[list[CodeSpec], list[CategorySpec]]:
    """The current codebook's categories and codes, then codes only older versions have."""
    cats: dict[str, tuple[str, bool, list[str]]] = {}
    codes: dict[str, CodeSpec] = {}
    for cb in codebooks:
        for cat in cb.categories:
            if cat.id not in cats:
                cats[cat.id] = (cat.label_in(lang), cat.exclusive, [])
            for c in cat.codes:
                if c.id not in codes:
                    codes[c.id] = CodeSpec(c.id, cat.id, c.label_in(lang), c.kind, c.color)
                    cats[cat.id][2].append(c.id)
    ordered = [codes[c] for _cid, (_l, _e, members) in cats.items() for c in members]
    return ordered, [CategorySpec(cid, lbl, ex, tuple(m)) for cid, (lbl, ex, m) in cats.items()]


def _duration(s: SessionInfo) -> tuple[int | None, str]:
    if s.media is not None and s.media.duration_ms > 0:
        return s.media.duration_ms, "media"
    if s.explicit_duration_ms is not None and s.explicit_duration_ms > 0:
        return s.explicit_duration_ms, "explicit"
    if s.latest_segment_end_ms is not None and s.latest_segment_end_ms > 0:
        return s.latest_segment_end_ms, "latest segment end"
    return None, "unknown"


def load(study: StudyReader, sel: Selection, progress: Progress | None = None) -> Loaded:
    """Read the selection; raises :class:`AnalysisInputError` for an unknown coder, case or
    session (listing the valid ones) and for a selection that leaves nothing."""
    report = progress or (lambda f, t: None)
    sessions = _pick_sessions(study, sel)
    chosen = _chosen(study, sel, sessions)
    current = study.codebook
    lang = sel.lang or (current.languages[0] if current.languages else "en")
    cb_ids = sorted({a.codebook_id for lst in chosen.values() for a in lst}
                    - {study.current_codebook_id})
    codebooks = [current, *(study.codebook_by_id(i) for i in cb_ids)]
    codes, cats = analysis_codes(codebooks, lang)
    code_index = {c.id: i for i, c in enumerate(codes)}
    units: list[Unit] = []
    unit_of: dict[int, int] = {}
    loaded_notes: list[str] = []
    inferred: list[str] = []
    unknown: list[str] = []
    uncoded: list[str] = []
    for s in sessions:
        dur, source = _duration(s)
        if source == "latest segment end":
            inferred.append(s.key)
        elif source == "unknown":
            unknown.append(s.key)
        lst = chosen[s.id]
        if not lst:
            uncoded.append(s.key)
            units.append(Unit(s.case, s.number, "", "none", dur, source))
            continue
        for a in sorted(lst, key=lambda a: a.coder):
            unit_of[a.id] = len(units)
            units.append(Unit(s.case, s.number, a.coder, a.purpose, dur, source))
    report(0.1, "reading segments")
    purposes = tuple(sorted({a.purpose for lst in chosen.values() for a in lst}))
    coder = sel.coding if sel.coding not in (PRIMARY, CONSENSUS_FIRST) else None
    # Codes as their index and "still recording" as a flag, computed in SQL, so every row is
    # plain integers (700,000 rows convert to numpy at once).
    sql = _segments_sql(code_index, coder, purposes)
    parts: list[np.ndarray] = []  # type: ignore[type-arg]
    n_read = 0
    with study.read() as conn:
        # Plain DB-API rows of the store's live-segment query (no row objects, no ORDER BY:
        # the order is ours to make).
        cur = driver_cursor(conn)
        try:
            cur.execute(sql)
            while True:
                rows = cur.fetchmany(_FETCH)
                if not rows:
                    break
                flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64,
                                   count=5 * len(rows))
                parts.append(flat.reshape(-1, 5))
                n_read += len(rows)
                report(0.1 + 0.5 * min(1.0, n_read / 1e6), "reading")
            arr = np.concatenate(parts) if parts else np.zeros((0, 5), np.int64)
            del parts
            lookup = np.full(max(unit_of, default=0) + 1, -1, dtype=np.int64)
            for aid, u in unit_of.items():
                lookup[aid] = u
            aids = arr[:, 0]
            inside = aids < lookup.size
            seg_u_all = np.where(inside, lookup[np.where(inside, aids, 0)], -1)
            counted = seg_u_all >= 0
            open_mask = counted & (arr[:, 4] == 1)
            open_n = int(open_mask.sum())
            unknown_codes: dict[str, int] = {}
            if (counted & (arr[:, 1] < 0)).any():
                cur.execute(_segments_sql({}, coder, purposes, sorted(unit_of)))
                for (c,) in cur.fetchall():
                    if c not in code_index:
                        unknown_codes[c] = unknown_codes.get(c, 0) + 1
        finally:
            cur.close()
    keep = counted & ~open_mask & (arr[:, 1] >= 0)
    seg_u = seg_u_all[keep]
    seg_k, seg_s, seg_e = arr[keep, 1], arr[keep, 2], arr[keep, 3]
    del arr
    durs = np.array([-1 if u.duration_ms is None else u.duration_ms for u in units],
                    dtype=np.int64)
    if seg_u.size:
        d = durs[seg_u]
        known = d >= 0
        beyond = known & (seg_s > d)
        clipped = known & ~beyond & (seg_e > d)
        if beyond.any() or clipped.any():
            loaded_notes.append(
                f"{int(beyond.sum())} segment(s) starting after their session's end were left "
                f"out and {int(clipped.sum())} running past it were cut at the end (the "
                "linked media is shorter than the codings).")
        seg_e = np.where(clipped, d, seg_e)
        keep_mask = ~beyond
        seg_u, seg_k, seg_s, seg_e = (seg_u[keep_mask], seg_k[keep_mask], seg_s[keep_mask],
                                      seg_e[keep_mask])
    if open_n:
        loaded_notes.append(f"{open_n} code(s) still being recorded (no end yet) are not "
                            "segments and were left out.")
    if unknown_codes:
        loaded_notes.append("Segments with codes in no codebook version were left out: "
                            + ", ".join(f"{c} ({n})" for c, n in sorted(unknown_codes.items()))
                            + ".")
    data = AnalysisData(tuple(codes), tuple(cats), tuple(units), seg_u, seg_k, seg_s, seg_e)
    report(0.6, "read")
    return Loaded(data, current, lang, loaded_notes, inferred, unknown, uncoded)


def _segments_sql(code_index: dict[str, int], coder: str | None, purposes: tuple[str, ...],
                  assignment_ids: Sequence[int] | None = None) -> str:
    """The store's live segments (:data:`~annotator.store.reader.LIVE_SEGMENTS_FROM`) with
    literal values: assignment id, the code's index in ``code_index`` (-1 for a code not in
    it), start, end, and 1 where the modifiers mark a recording left open. With
    ``assignment_ids`` it reads the code ids themselves, of those assignments only."""
    if assignment_ids is None:
        cases = " ".join(f"WHEN {sql_text(c)} THEN {int(i)}" for c, i in code_index.items())
        code = f"CASE g.code_id {cases} ELSE -1 END" if code_index else "-1"
    else:
        code = "g.code_id"
    mods = "CAST(g.modifiers AS TEXT)"
    is_open = (f"CASE WHEN {mods} LIKE '%\"open\": true%' OR {mods} LIKE '%\"open\":true%' "
               "THEN 1 ELSE 0 END")
    where = [LIVE_SEGMENTS_FROM]
    if coder is not None:
        where.append(f"a.coder_id = {sql_text(coder)}")
    where.append("a.purpose IN (" + ", ".join(sql_text(p) for p in purposes) + ")"
                 if purposes else "1 = 0")
    if assignment_ids is not None:
        where.append("a.id IN (" + ", ".join(str(int(i)) for i in assignment_ids) + ")"
                     if assignment_ids else "1 = 0")
    select = (code if assignment_ids is not None else
              f"a.id, {code}, g.start_ms, g.end_ms, {is_open}")
    return f"SELECT {select} " + " AND ".join(where)
