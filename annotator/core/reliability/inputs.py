"""Checking the engine's inputs and turning coded sessions into numpy arrays."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter

import numpy as np
from numpy.typing import NDArray

from ..codebook import Codebook
from ..segments import CodedSession, Span
from ..span_columns import SpanColumns
from .errors import ReliabilityInputError

IntArray = NDArray[np.int64]
_CODE = attrgetter("code")
_START = attrgetter("start_ms")
_END = attrgetter("end_ms")
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class CodeMeta:
    """The codebook flattened into arrays: codes in codebook order."""

    ids: tuple[str, ...]
    index: dict[str, int]
    is_point: BoolArray
    category_of: IntArray
    codebook: Codebook

    @staticmethod
    def of(codebook: Codebook) -> CodeMeta:
        ids = tuple(c.id for c in codebook.codes)
        if len(set(ids)) != len(ids):
            raise ReliabilityInputError("the codebook has duplicate code ids")
        cat_pos = {cat.id: i for i, cat in enumerate(codebook.categories)}
        return CodeMeta(
            ids=ids,
            index={c: i for i, c in enumerate(ids)},
            is_point=np.array([c.kind == "point" for c in codebook.codes], dtype=bool),
            category_of=np.array(
                [cat_pos[cat.id] for cat in codebook.categories for _ in cat.codes], dtype=np.int64
            ),
            codebook=codebook,
        )

    def category_codes(self, cat_index: int, *, kind: str | None = None) -> IntArray:
        sel = self.category_of == cat_index
        if kind == "state":
            sel &= ~self.is_point
        elif kind == "point":
            sel &= self.is_point
        return np.flatnonzero(sel).astype(np.int64)


@dataclass(frozen=True, slots=True)
class CoderSpans:
    """One coder's spans in one session: state spans clipped to the session, and point codes."""

    code: IntArray
    start: IntArray
    end: IntArray

    @property
    def is_state(self) -> BoolArray:
        return self.end > self.start


@dataclass(frozen=True, slots=True)
class PreparedSession:
    case: str
    session: int
    duration_ms: int
    coders: tuple[CoderSpans, ...]

    @property
    def label(self) -> str:
        return f"{self.case}/{self.session}"


@dataclass(slots=True)
class Prepared:
    sessions: list[PreparedSession]
    excluded: list[dict[str, object]]
    warnings: list[str] = field(default_factory=list)


def check_options(
    coders: Sequence[str],
    resolution_ms: int | None,
    tolerance_ms: int,
    alpha_resolution_ms: int | None,
    bootstrap: int,
) -> None:
    if len(coders) < 2:
        raise ReliabilityInputError(
            f"reliability needs at least two coders, got {len(coders)}: {list(coders)}"
        )
    if len(set(coders)) != len(coders):
        raise ReliabilityInputError(f"a coder is listed twice: {list(coders)}")
    for name, value in (("resolution_ms", resolution_ms), ("alpha_resolution_ms",
                                                          alpha_resolution_ms)):
        if value is not None and int(value) <= 0:
            raise ReliabilityInputError(f"{name} must be a positive number of ms, got {value}")
    if tolerance_ms < 0:
        raise ReliabilityInputError(f"tolerance_ms must be >= 0, got {tolerance_ms}")
    if bootstrap < 0:
        raise ReliabilityInputError(f"bootstrap must be >= 0 resamples, got {bootstrap}")


def _unknown_code(code: str, meta: CodeMeta, where: str) -> ReliabilityInputError:
    return ReliabilityInputError(
        f"{where}: code {code!r} is not in the codebook {meta.codebook.name!r}")


def _columns(spans: Sequence[Span], meta: CodeMeta,
             where: str) -> tuple[IntArray, IntArray, IntArray]:
    """Code (the codebook's numbering), start and end columns of a coding."""
    if isinstance(spans, SpanColumns):  # the store's read: renumber the codes, no objects
        lut = np.array([meta.index.get(c, -1) for c in spans.codes], dtype=np.int64)
        code = lut[spans.code] if spans.code.size else np.zeros(0, dtype=np.int64)
        unknown = np.flatnonzero(code < 0)
        if unknown.size:
            raise _unknown_code(spans.codes[int(spans.code[unknown[0]])], meta, where)
        return (code, spans.start_ms.astype(np.int64, copy=False),
                spans.end_ms.astype(np.int64, copy=False))
    n = len(spans)
    try:
        code = np.fromiter(map(meta.index.__getitem__, map(_CODE, spans)), np.int64, count=n)
    except KeyError as exc:
        raise _unknown_code(exc.args[0], meta, where) from None
    return (code, np.fromiter(map(_START, spans), np.int64, count=n),
            np.fromiter(map(_END, spans), np.int64, count=n))


def _spans_to_arrays(
    spans: Sequence[Span], meta: CodeMeta, where: str, duration: int, warn: list[str]
) -> CoderSpans:
    code, start, end = _columns(spans, meta, where)
    bad = np.flatnonzero((start < 0) | (end < start))
    if bad.size:
        s = spans[int(bad[0])]
        raise ReliabilityInputError(
            f"{where}: segment {s.code} [{s.start_ms}, {s.end_ms}) ms has a negative start "
            "or ends before it starts"
        )
    point = meta.is_point[code]
    bad = np.flatnonzero(point & (end != start))
    if bad.size:
        s = spans[int(bad[0])]
        raise ReliabilityInputError(
            f"{where}: point code {s.code!r} has a duration ([{s.start_ms}, {s.end_ms}) ms)"
        )
    keep = np.ones(code.size, dtype=bool)
    empty_state = ~point & (end == start)
    if empty_state.any():
        warn.append(f"{where}: {int(empty_state.sum())} zero-length segment(s) of state codes "
                    "ignored")
        keep &= ~empty_state
    beyond = np.where(point, start > duration, start >= duration) & keep
    if beyond.any():
        warn.append(f"{where}: {int(beyond.sum())} segment(s) start at or after the session's "
                    f"end ({duration} ms) and were ignored")
        keep &= ~beyond
    over = keep & ~point & (end > duration)
    if over.any():
        warn.append(f"{where}: {int(over.sum())} segment(s) run past the session's end "
                    f"({duration} ms) and were cut there")
    end = np.where(point, end, np.minimum(end, duration))
    return CoderSpans(code[keep], start[keep], end[keep])


def _check_exclusive(spans: CoderSpans, meta: CodeMeta, where: str) -> None:
    for ci, cat in enumerate(meta.codebook.categories):
        if not cat.exclusive:
            continue
        sel = (meta.category_of[spans.code] == ci) & spans.is_state
        if int(sel.sum()) < 2:
            continue
        s, e, c = spans.start[sel], spans.end[sel], spans.code[sel]
        order = np.lexsort((e, s))
        s, e, c = s[order], e[order], c[order]
        reach = np.maximum.accumulate(e)
        clash = np.flatnonzero(s[1:] < reach[:-1])
        if clash.size:
            k = int(clash[0]) + 1
            raise ReliabilityInputError(
                f"{where}: segments overlap inside exclusive category {cat.id!r} "
                f"(code {meta.ids[int(c[k])]!r} starts at {int(s[k])} ms while another "
                "code of the category is still running)"
            )


def prepare_session(
    meta: CodeMeta, cs: CodedSession, coders: Sequence[str], warn: list[str]
) -> PreparedSession:
    """Arrays of one session's codings by ``coders`` (all must be present in it)."""
    where = f"session {cs.case}/{cs.session}"
    if cs.duration_ms is None or cs.duration_ms <= 0:
        raise ReliabilityInputError(
            f"{where}: duration_ms must be a positive number of ms, got {cs.duration_ms!r}"
        )
    arrays = []
    for coder in coders:
        if coder not in cs.codings:
            raise ReliabilityInputError(f"{where}: coder {coder!r} did not code it")
        arr = _spans_to_arrays(cs.codings[coder], meta, f"{where}, coder {coder}",
                               cs.duration_ms, warn)
        _check_exclusive(arr, meta, f"{where}, coder {coder}")
        arrays.append(arr)
    return PreparedSession(cs.case, cs.session, int(cs.duration_ms), tuple(arrays))


def prepare(
    meta: CodeMeta, sessions: Sequence[CodedSession], coders: Sequence[str]
) -> Prepared:
    """Validate, select the sessions all coders coded, and convert spans to arrays."""
    seen: set[tuple[str, int]] = set()
    used: list[PreparedSession] = []
    excluded: list[dict[str, object]] = []
    warn: list[str] = []
    raw_counts = dict.fromkeys(coders, 0)
    for cs in sessions:
        where = f"session {cs.case}/{cs.session}"
        if cs.duration_ms is None or cs.duration_ms <= 0:
            raise ReliabilityInputError(
                f"{where}: duration_ms must be a positive number of ms, got {cs.duration_ms!r}"
            )
        if (cs.case, cs.session) in seen:
            raise ReliabilityInputError(f"{where} is given twice")
        seen.add((cs.case, cs.session))
        missing = [c for c in coders if c not in cs.codings]
        if missing:
            excluded.append({"case": cs.case, "session": cs.session,
                             "reason": f"not coded by {', '.join(missing)}"})
            continue
        for coder in coders:
            raw_counts[coder] += len(cs.codings[coder])
        used.append(prepare_session(meta, cs, coders, warn))
    if not used:
        raise ReliabilityInputError(
            f"no session was coded by all of {', '.join(coders)} "
            f"({len(sessions)} session(s) given)"
        )
    for coder, n in raw_counts.items():
        if n == 0:
            raise ReliabilityInputError(
                f"coder {coder!r} has no segments at all in the {len(used)} session(s) "
                f"coded by all of {', '.join(coders)}"
            )
    return Prepared(used, excluded, warn)
