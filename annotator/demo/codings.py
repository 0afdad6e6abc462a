"""Plausible synthetic codings for the demo study: a primary coder and a second coder
who agrees often but not always (shifted boundaries, missed and extra segments, a
confusable neighbouring code)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from annotator.core.codebook import Codebook
from annotator.core.segments import Span

# How often (segments per minute) and how long (seconds) each maneuver tends to be.
_PROFILE: dict[str, tuple[float, float, float]] = {
    # code: (rate per minute, mean length s, sd)
    "responsive": (6.0, 3.0, 1.2),
    "confirming": (3.0, 2.5, 1.0),
    "joins_play": (1.5, 8.0, 3.0),
    "exploring": (2.0, 3.5, 1.5),
    "attributing_meaning": (1.0, 3.0, 1.0),
    "reason_for_therapy": (0.3, 4.0, 1.5),
    "difficult_experiences": (0.4, 4.0, 1.5),
    "help_through_play": (0.6, 5.0, 2.0),
    "care": (1.2, 2.0, 0.8),
    "concrete_help": (1.0, 3.0, 1.2),
}
_CONFUSABLE = {
    "responsive": "confirming", "confirming": "responsive", "exploring": "attributing_meaning",
    "attributing_meaning": "exploring", "help_through_play": "joins_play",
    "care": "concrete_help", "concrete_help": "care",
}


@dataclass(frozen=True)
class Disagreement:
    boundary_sd_ms: float = 450.0
    miss: float = 0.12
    extra: float = 0.06
    confuse: float = 0.08


def primary_coding(codebook: Codebook, duration_ms: int, rng: random.Random) -> list[Span]:
    """Segments for every state code; segments of one code never overlap."""
    spans: list[Span] = []
    minutes = duration_ms / 60_000
    for code in codebook.codes:
        rate, mean, sd = _PROFILE.get(code.id, (1.0, 3.0, 1.0))
        n = max(0, round(rng.gauss(rate * minutes, 1.0)))
        if code.kind == "point":
            for _ in range(n):
                t = rng.randrange(0, duration_ms)
                spans.append(Span(code.id, t, t))
            continue
        taken: list[tuple[int, int]] = []
        for _ in range(n * 3):
            if len(taken) >= n:
                break
            length = max(400, int(rng.gauss(mean, sd) * 1000))
            start = rng.randrange(0, max(1, duration_ms - length))
            end = min(duration_ms, start + length)
            if all(end + 300 <= s or start >= e + 300 for s, e in taken):
                taken.append((start, end))
        spans.extend(Span(code.id, s, e) for s, e in sorted(taken))
    if not spans:  # a therapist is always responsive at some point
        first = next(c for c in codebook.codes if c.kind == "state")
        length = min(duration_ms, 1500)
        start = rng.randrange(0, max(1, duration_ms - length))
        spans.append(Span(first.id, start, start + length))
    return _resolve_exclusive(codebook, spans)


def second_coding(
    codebook: Codebook, primary: list[Span], duration_ms: int, rng: random.Random,
    how: Disagreement = Disagreement(),
) -> list[Span]:
    """A second coder's version of ``primary`` with realistic disagreement."""
    out: list[Span] = []
    for sp in primary:
        if rng.random() < how.miss:
            continue
        code = sp.code
        if code in _CONFUSABLE and codebook.has_code(_CONFUSABLE[code]) \
                and rng.random() < how.confuse:
            code = _CONFUSABLE[code]
        if sp.is_point:
            t = min(duration_ms, max(0, sp.start_ms + int(rng.gauss(0, how.boundary_sd_ms))))
            out.append(Span(code, t, t))
            continue
        s = max(0, sp.start_ms + int(rng.gauss(0, how.boundary_sd_ms)))
        e = min(duration_ms, sp.end_ms + int(rng.gauss(0, how.boundary_sd_ms)))
        if e - s >= 300:
            out.append(Span(code, s, e))
    extra = primary_coding(codebook, duration_ms, rng)
    out.extend(sp for sp in extra if rng.random() < how.extra)
    return _resolve_exclusive(codebook, _no_self_overlap(out))


def _no_self_overlap(spans: list[Span]) -> list[Span]:
    by_code: dict[str, list[Span]] = {}
    for sp in sorted(spans, key=lambda s: (s.code, s.start_ms, s.end_ms)):
        lst = by_code.setdefault(sp.code, [])
        if lst and not sp.is_point and sp.start_ms < lst[-1].end_ms:
            prev = lst[-1]
            lst[-1] = Span(prev.code, prev.start_ms, max(prev.end_ms, sp.end_ms))
        else:
            lst.append(sp)
    return [sp for lst in by_code.values() for sp in lst]


def _resolve_exclusive(codebook: Codebook, spans: list[Span]) -> list[Span]:
    """Drop state spans that would overlap another code of an exclusive category."""
    keep: list[Span] = []
    reach: dict[str, int] = {}
    for sp in sorted(spans, key=lambda s: (s.start_ms, s.end_ms, s.code)):
        cat = codebook.category_of(sp.code)
        if not cat.exclusive or sp.is_point:
            keep.append(sp)
            continue
        if sp.start_ms >= reach.get(cat.id, -1):
            keep.append(sp)
            reach[cat.id] = sp.end_ms
    return sorted(keep, key=lambda s: (s.start_ms, s.end_ms, s.code))
