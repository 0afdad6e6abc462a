"""Shared builders and naive reference computations for the reliability tests (no tests here).

The references are deliberately simple Python loops, independent of the engine's numpy code.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from hypothesis import strategies as st

from annotator.core.codebook import Category, Code, Codebook
from annotator.core.segments import CodedSession, Span

EMPTY = "∅"


def code(cid: str, cat: str, kind: str = "state") -> Code:
    return Code(cid, cat, {"en": cid.title()}, None, "#336699", kind)  # type: ignore[arg-type]


def codebook(*cats: tuple[str, bool, Sequence[str | tuple[str, str]]]) -> Codebook:
    """codebook(("imp", False, ["r", "c"]), ("ex", True, ["x", ("p", "point")]))"""
    out = []
    for cid, exclusive, codes in cats:
        built = tuple(code(c, cid) if isinstance(c, str) else code(c[0], cid, c[1])
                      for c in codes)
        out.append(Category(cid, {"en": cid.title()}, exclusive, built))
    return Codebook("test", "1", ("en",), tuple(out))


def helper_codebook() -> Codebook:
    return codebook(("implicit", False, ["responsive", "confirming", "joins_play"]),
                    ("manifest", False, ["reason", "care"]))


def mixed_codebook() -> Codebook:
    return codebook(("imp", False, ["r", "c"]), ("ex", True, ["x", "y", ("p", "point")]))


def session(n: int, duration: int, **codings: list[Span]) -> CodedSession:
    return CodedSession("C01", n, duration, dict(codings))


# -- hypothesis strategies -------------------------------------------------------------------

def free_spans(codes: Sequence[str], duration: int, max_size: int = 8) -> st.SearchStrategy[
        list[Span]]:
    """Spans of any of ``codes`` that may overlap each other."""
    def build(items: list[tuple[str, int, int]]) -> list[Span]:
        return [Span(c, s, min(duration, s + length)) for c, s, length in items]
    return st.lists(
        st.tuples(st.sampled_from(list(codes)), st.integers(0, duration - 1),
                  st.integers(1, duration)),
        max_size=max_size,
    ).map(build)


def exclusive_spans(codes: Sequence[str], duration: int, max_size: int = 6) -> st.SearchStrategy[
        list[Span]]:
    """Non-overlapping spans (gaps and lengths laid end to end)."""
    def build(items: list[tuple[str, int, int]]) -> list[Span]:
        out, t = [], 0
        for c, gap, length in items:
            s = t + gap
            e = min(duration, s + length)
            if s >= duration:
                break
            out.append(Span(c, s, e))
            t = e
        return out
    return st.lists(
        st.tuples(st.sampled_from(list(codes)), st.integers(0, duration // 4),
                  st.integers(1, duration // 2)),
        max_size=max_size,
    ).map(build)


# -- naive references ----------------------------------------------------------------------

def has_code(spans: Sequence[Span], cid: str, t: int) -> bool:
    return any(s.code == cid and s.start_ms <= t < s.end_ms for s in spans)


def elementary(duration: int, *codings: Sequence[Span]) -> list[tuple[int, int]]:
    points = {0, duration}
    for spans in codings:
        for s in spans:
            points.add(min(s.start_ms, duration))
            points.add(min(s.end_ms, duration))
    ps = sorted(points)
    return [(a, b) for a, b in pairwise(ps) if b > a]


def slices(duration: int, resolution: int) -> list[tuple[int, int]]:
    out = []
    t = 0
    while t < duration:
        out.append((t, min(t + resolution, duration)))
        t += resolution
    return out


def midpoint(a: int, b: int) -> int:
    return (a + b) // 2


def exclusive_label(spans: Sequence[Span], codes: Sequence[str], t: int) -> str:
    for c in codes:
        if has_code(spans, c, t):
            return c
    return EMPTY


def find(report: dict, category: str, code_id: str | None = None) -> dict:  # type: ignore[type-arg]
    cat = next(c for c in report["categories"] if c["id"] == category)
    if code_id is None:
        return cat  # type: ignore[no-any-return]
    return next(c for c in cat["codes"] if c["id"] == code_id)  # type: ignore[no-any-return]
