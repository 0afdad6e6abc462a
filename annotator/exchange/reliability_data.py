"""Gather coded sessions from a study for the reliability engine, and plan reliability samples."""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.codebook import Codebook
from annotator.core.codebook_yaml import compare_codebooks
from annotator.core.reliability.errors import ReliabilityInputError
from annotator.core.segments import CodedSession, Span
from annotator.store.records import AssignmentInfo, SessionInfo
from annotator.store.study import Study


@dataclass(frozen=True)
class CoderSlot:
    """A coder as compared: a label in the report, and which of their codings is used."""

    label: str
    coder: str
    purposes: tuple[str, ...]


def coder_slots(coders: Sequence[str]) -> list[CoderSlot]:
    """Distinct coders use any non-consensus coding; a repeated coder is intra-rater drift:
    the first occurrence is their primary coding, the second their re-coding (reliability)."""
    slots: list[CoderSlot] = []
    seen: dict[str, int] = defaultdict(int)
    for c in coders:
        seen[c] += 1
    for c in dict.fromkeys(coders):
        if c == "consensus" or c.endswith("@consensus"):
            base = c.removesuffix("@consensus")
            slots.append(CoderSlot(c, base, ("consensus",)))
        elif seen[c] == 1:
            slots.append(CoderSlot(c, c, ("reliability", "primary")))
        else:
            slots.append(CoderSlot(c, c, ("primary",)))
            slots.append(CoderSlot(f"{c} (re-code)", c, ("reliability",)))
    return slots


def parse_session_keys(keys: Sequence[str] | None) -> set[tuple[str, int]] | None:
    if not keys:
        return None
    out: set[tuple[str, int]] = set()
    for k in keys:
        case, sep, num = k.partition(":")
        if not sep or not num.isdigit():
            raise ReliabilityInputError(f"{k!r} is not a session; write CASE:N, e.g. C01:1.")
        out.add((case, int(num)))
    return out


def gather(
    study: Study, coders: Sequence[str], session_keys: Sequence[str] | None = None,
) -> tuple[Codebook, list[CodedSession], list[str]]:
    """The codebook, the sessions all coders coded, and the coder labels."""
    if len(coders) < 2:
        raise ReliabilityInputError(
            "Reliability needs at least two coders (or one coder twice, for intra-rater "
            "drift): --coders A B."
        )
    known = {c.id for c in study.coders()}
    for c in coders:
        base = c.removesuffix("@consensus")
        if base not in known:
            raise ReliabilityInputError(f"There is no coder {base!r} in this study "
                                        f"(coders: {', '.join(sorted(known)) or 'none'}).")
    slots = coder_slots(coders)
    wanted = parse_session_keys(session_keys)
    sessions = {s.id: s for s in study.sessions()}
    if wanted is not None:
        found = {(s.case, s.number) for s in sessions.values()}
        unknown = sorted(wanted - found)
        if unknown:
            raise ReliabilityInputError(
                "Unknown session(s): " + ", ".join(f"{c}:{n}" for c, n in unknown))
    chosen: dict[int, dict[str, AssignmentInfo]] = defaultdict(dict)
    for slot in slots:
        per_session: dict[int, AssignmentInfo] = {}
        for a in study.assignments(coder=slot.coder):
            if a.purpose not in slot.purposes:
                continue
            prev = per_session.get(a.session_id)
            if prev is None or slot.purposes.index(a.purpose) < slot.purposes.index(prev.purpose):
                per_session[a.session_id] = a
        for sid, a in per_session.items():
            chosen[sid][slot.label] = a
    labels = [s.label for s in slots]
    common = [sid for sid, m in chosen.items() if all(lbl in m for lbl in labels)
              and (wanted is None or (sessions[sid].case, sessions[sid].number) in wanted)]
    if not common:
        raise ReliabilityInputError(
            f"The coders {', '.join(labels)} have no session in common. Plan reliability "
            "sessions first: annotator plan-reliability STUDY --coder B."
        )
    codebook = _one_codebook(study, [a for sid in common for a in chosen[sid].values()])
    aids = {a.id for sid in common for a in chosen[sid].values()}
    by_assignment = _spans_by_assignment(study, aids)
    out: list[CodedSession] = []
    for sid in sorted(common, key=lambda i: (sessions[i].case, sessions[i].number)):
        s = sessions[sid]
        duration = _duration(s)
        if duration is None:
            raise ReliabilityInputError(
                f"Session {s.key} has no known duration (no media, no explicit duration and "
                "no segments). Link its media or give it a duration.")
        out.append(CodedSession(
            case=s.case, session=s.number, duration_ms=duration,
            codings={lbl: by_assignment.get(chosen[sid][lbl].id, []) for lbl in labels},
        ))
    return codebook, out, labels


def _duration(s: SessionInfo) -> int | None:
    d = s.duration_ms
    return d if d is not None and d > 0 else None


def _spans_by_assignment(study: Study, aids: set[int]) -> dict[int, list[Span]]:
    out: dict[int, list[Span]] = defaultdict(list)
    for aid in aids:
        out[aid] = [v.span() for v in study.segments(aid)]
    return out


def _one_codebook(study: Study, assignments: Sequence[AssignmentInfo]) -> Codebook:
    ids = sorted({a.codebook_id for a in assignments})
    first = study.codebook_by_id(ids[0])
    for other_id in ids[1:]:
        other = study.codebook_by_id(other_id)
        changes = compare_codebooks(first, other)
        if changes:
            raise ReliabilityInputError(
                f"These codings were made with different codebook versions ({first.version} "
                f"and {other.version}), which changed: " + "; ".join(changes)
                + ". Compare codings made with the same codebook version.")
    return first


def plan_sample(
    sessions: Sequence[SessionInfo], fraction: float, seed: int | None,
) -> list[SessionInfo]:
    """A stratified random sample: at least one session per case, about ``fraction`` overall."""
    if not 0 < fraction <= 1:
        raise ReliabilityInputError(f"--fraction must be in (0, 1], got {fraction}.")
    rng = random.Random(seed)
    by_case: dict[str, list[SessionInfo]] = defaultdict(list)
    for s in sessions:
        by_case[s.case].append(s)
    target = max(len(by_case), math.ceil(fraction * len(sessions) - 1e-9))
    picked: list[SessionInfo] = []
    rest: list[SessionInfo] = []
    for case in sorted(by_case):
        pool = sorted(by_case[case], key=lambda s: s.number)
        rng.shuffle(pool)
        picked.append(pool[0])
        rest.extend(pool[1:])
    rng.shuffle(rest)
    picked.extend(rest[: max(0, target - len(picked))])
    return sorted(picked, key=lambda s: (s.case, s.number))
