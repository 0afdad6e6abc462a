"""Gather coded sessions from a study for the reliability engine, and plan reliability samples.

Which coding of a coder is compared (:func:`coder_slots`):

- a coder listed once: their primary coding of a session, else their reliability coding (a
  second coder usually has only the latter);
- a coder listed twice (intra-rater drift): first their primary coding, then their re-coding of
  the same session (purpose ``reliability``), labelled ``"A (re-code)"``;
- ``"A@consensus"``: A's consensus coding.

:func:`select_codings` picks the assignments (the GUI uses it to know which assignment a label
stands for); :func:`gather` reads their segments for :func:`compute_reliability`.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.core.codebook import Codebook
from annotator.core.reliability.errors import ReliabilityInputError
from annotator.core.segments import CodedSession
from annotator.store.records import AssignmentInfo, SessionInfo

if TYPE_CHECKING:
    from annotator.store.reader import StudyReader
    from annotator.store.study import Study

RECODE_SUFFIX = " (re-code)"
CONSENSUS_SUFFIX = "@consensus"


@dataclass(frozen=True)
class CoderSlot:
    """A coder as compared: a label in the report, and which of their codings is used."""

    label: str
    coder: str
    purposes: tuple[str, ...]


def coder_slots(coders: Sequence[str]) -> list[CoderSlot]:
    """Distinct coders use their primary coding, else their reliability coding; a repeated coder
    is intra-rater drift: first their primary coding, then their re-coding (reliability)."""
    slots: list[CoderSlot] = []
    seen: dict[str, int] = defaultdict(int)
    for c in coders:
        seen[c] += 1
    for c in dict.fromkeys(coders):
        if c == "consensus" or c.endswith(CONSENSUS_SUFFIX):
            base = c.removesuffix(CONSENSUS_SUFFIX)
            slots.append(CoderSlot(c, base, ("consensus",)))
        elif seen[c] == 1:
            slots.append(CoderSlot(c, c, ("primary", "reliability")))
        else:
            slots.append(CoderSlot(c, c, ("primary",)))
            slots.append(CoderSlot(f"{c}{RECODE_SUFFIX}", c, ("reliability",)))
    return slots


def match_slots(
    slots: Sequence[CoderSlot], assignments: Iterable[AssignmentInfo],
) -> dict[int, dict[str, AssignmentInfo]]:
    """For every session, the assignment each slot stands for (slots without one are absent)."""
    by_coder: dict[str, list[AssignmentInfo]] = defaultdict(list)
    for a in assignments:
        by_coder[a.coder].append(a)
    chosen: dict[int, dict[str, AssignmentInfo]] = defaultdict(dict)
    for slot in slots:
        per_session: dict[int, AssignmentInfo] = {}
        for a in by_coder.get(slot.coder, []):
            if a.purpose not in slot.purposes:
                continue
            prev = per_session.get(a.session_id)
            if prev is None or slot.purposes.index(a.purpose) < slot.purposes.index(prev.purpose):
                per_session[a.session_id] = a
        for sid, a in per_session.items():
            chosen[sid][slot.label] = a
    return dict(chosen)


def parse_session_keys(keys: Sequence[str] | None) -> set[tuple[str, int]] | None:
    if not keys:
        return None
    out: set[tuple[str, int]] = set()
    for k in keys:
        case, sep, num = k.partition(":")
        if not sep or not case or not num.isdigit():
            raise ReliabilityInputError(f"{k!r} is not a session; write CASE:N, e.g. C01:1.")
        out.add((case, int(num)))
    return out


@dataclass(frozen=True)
class Selection:
    """The codings to compare: labels, the sessions all of them coded, and per session the
    assignment behind each label."""

    labels: list[str]
    sessions: list[SessionInfo]
    assignments: dict[int, dict[str, AssignmentInfo]]
    excluded: list[dict[str, object]] = field(default_factory=list)
    """Sessions in scope left out, each {"case", "session", "reason"} (not coded by all)."""


def select_codings(
    study: StudyReader, coders: Sequence[str], session_keys: Sequence[str] | None = None,
) -> Selection:
    """Which assignments to compare. Raises :class:`ReliabilityInputError` with a message a
    user can act on when the coders or sessions cannot be compared."""
    if len(coders) < 2:
        raise ReliabilityInputError(
            "Reliability needs at least two coders (or one coder twice, for intra-rater "
            f"drift): --coders A B. Got {len(coders)}: {' '.join(coders) or 'none'}."
        )
    known = {c.id for c in study.coders()}
    for c in coders:
        base = c.removesuffix(CONSENSUS_SUFFIX)
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
                "Unknown session(s): " + ", ".join(f"{c}:{n}" for c, n in unknown) + ".")
    chosen = match_slots(slots, study.assignments())
    labels = [s.label for s in slots]
    for slot in slots:
        if not any(slot.label in m for m in chosen.values()):
            raise ReliabilityInputError(_no_coding_message(slot))
    in_scope = [sid for sid in chosen if wanted is None
                or (sessions[sid].case, sessions[sid].number) in wanted]
    common = [sid for sid in in_scope if all(lbl in chosen[sid] for lbl in labels)]
    if wanted is not None:
        by_key = {(s.case, s.number): s for s in sessions.values()}
        missing = []
        for key in sorted(wanted):
            got = chosen.get(by_key[key].id, {})
            lacking = [lbl for lbl in labels if lbl not in got]
            if lacking:
                missing.append(f"{key[0]}:{key[1]} (not coded by {', '.join(lacking)})")
        if missing:
            raise ReliabilityInputError(
                "These sessions were not coded by all the coders: " + "; ".join(missing)
                + ". Leave them out of --sessions.")
    if not common:
        raise ReliabilityInputError(
            f"The coders {', '.join(labels)} have no session in common. Plan reliability "
            "sessions first: annotator plan-reliability STUDY --coder B."
        )
    ordered = sorted((sessions[sid] for sid in common), key=lambda s: (s.case, s.number))
    excluded = []
    for s in sorted(sessions.values(), key=lambda s: (s.case, s.number)):
        if s.id in common or (wanted is not None and (s.case, s.number) not in wanted):
            continue
        lacking = [lbl for lbl in labels if lbl not in chosen.get(s.id, {})]
        excluded.append({"case": s.case, "session": s.number,
                         "reason": f"not coded by {', '.join(lacking)}"})
    return Selection(labels, ordered, {sid: chosen[sid] for sid in common}, excluded)


def _no_coding_message(slot: CoderSlot) -> str:
    if slot.purposes in (("reliability",), ("primary",)):
        what = "re-coding" if slot.purposes == ("reliability",) else "primary coding"
        return (f"{slot.coder} has no {what}: comparing {slot.coder} with themself needs a "
                "session they coded twice (a primary and a reliability assignment). Plan "
                f"re-codings with: annotator plan-reliability STUDY --coder {slot.coder} "
                "--recode.")
    if slot.purposes == ("consensus",):
        return f"{slot.coder} has no consensus coding in this study."
    return f"Coder {slot.coder!r} has no coding (no primary or reliability assignment)."


def gather(
    study: StudyReader, coders: Sequence[str], session_keys: Sequence[str] | None = None,
) -> tuple[Codebook, list[CodedSession], list[str]]:
    """The codebook, the sessions all coders coded, and the coder labels (the sessions left
    out are in :func:`select_codings`' ``excluded``)."""
    sel = select_codings(study, coders, session_keys)
    codebook, sessions = read_codings(study, sel)
    return codebook, sessions, sel.labels


def read_codings(study: StudyReader, sel: Selection) -> tuple[Codebook, list[CodedSession]]:
    """The one codebook of the selected codings and their segments as coded sessions."""
    from annotator.store.segment_arrays import read_segment_arrays  # numpy: not for planning

    codebook = _one_codebook(
        study, [a for sid in sel.assignments for a in sel.assignments[sid].values()])
    # Every selected coding's segments in one query, handed on as numpy columns (not one
    # query and a row of objects per segment per coding, nor a Span object per segment).
    arrays = read_segment_arrays(
        study, [sel.assignments[s.id][lbl].id for s in sel.sessions for lbl in sel.labels],
        [c.id for c in codebook.codes])
    out: list[CodedSession] = []
    for s in sel.sessions:
        duration = _duration(s)
        if duration is None:
            raise ReliabilityInputError(
                f"Session {s.key} has no known duration (no media, no explicit duration and "
                "no segment that ends after 0). Link its media or give it a duration.")
        chosen = sel.assignments[s.id]
        out.append(CodedSession(
            case=s.case, session=s.number, duration_ms=duration,
            codings={lbl: arrays.columns(chosen[lbl].id) for lbl in sel.labels},
        ))
    return codebook, out


def _duration(s: SessionInfo) -> int | None:
    d = s.duration_ms
    return d if d is not None and d > 0 else None


def _one_codebook(study: StudyReader, assignments: Sequence[AssignmentInfo]) -> Codebook:
    from annotator.core.codebook_yaml import compare_codebooks  # YAML: not for planning

    ids = sorted({a.codebook_id for a in assignments})
    first = study.codebook_by_id(ids[0])
    for other_id in ids[1:]:
        other = study.codebook_by_id(other_id)
        changes = compare_codebooks(first, other)
        if changes:
            who = sorted({f"{a.coder} ({a.purpose})" for a in assignments
                          if a.codebook_id == other_id})
            raise ReliabilityInputError(
                f"These codings were made with different codebook versions ({first.version} "
                f"and {other.version}; {', '.join(who)} used {other.version}), which changed: "
                + "; ".join(changes)
                + ". Compare codings made with the same codebook version.")
    return first


def plan_sample(
    sessions: Sequence[SessionInfo], fraction: float, seed: int | None,
    already: Iterable[SessionInfo] = (),
) -> list[SessionInfo]:
    """A stratified random sample: at least one session per case, about ``fraction`` overall.

    ``sessions`` are all the eligible sessions; ``already`` those of them already in the
    sample. Only the sessions still needed are returned: a case without a sampled session gets
    one, then random sessions top the sample up to ``ceil(fraction * len(sessions))``. So
    planning again with the same fraction adds nothing.
    """
    if not 0 < fraction <= 1:
        raise ReliabilityInputError(f"--fraction must be in (0, 1], got {fraction}.")
    rng = random.Random(seed)
    have = {s.id for s in already}
    by_case: dict[str, list[SessionInfo]] = defaultdict(list)
    for s in sessions:
        by_case[s.case].append(s)
    target = max(len(by_case), math.ceil(fraction * len(sessions) - 1e-9))
    picked: list[SessionInfo] = []
    rest: list[SessionInfo] = []
    for case in sorted(by_case):
        pool = sorted(by_case[case], key=lambda s: s.number)
        free = [s for s in pool if s.id not in have]
        rng.shuffle(free)
        if free and len(free) == len(pool):
            picked.append(free.pop(0))
        rest.extend(free)
    rng.shuffle(rest)
    n_have = sum(1 for s in sessions if s.id in have)
    picked.extend(rest[: max(0, target - n_have - len(picked))])
    return sorted(picked, key=lambda s: (s.case, s.number))


@dataclass(frozen=True)
class PlanResult:
    eligible: int
    had: list[SessionInfo]
    assigned: list[SessionInfo]


def plan_reliability(
    study: Study, coder: str, fraction: float, seed: int | None = None, *,
    recode: bool = False, by: str | None = None,
) -> PlanResult:
    """Assign ``coder`` blind reliability codings of a stratified sample of the sessions coded
    (primary) by another coder, topping up earlier plans rather than adding to them.

    With ``recode``, sample the sessions ``coder`` coded themself instead, for re-coding
    (intra-rater drift: ``--coders A A``)."""
    if not 0 < fraction <= 1:
        raise ReliabilityInputError(f"--fraction must be in (0, 1], got {fraction}.")
    if not study.has_coder(coder):
        study.add_coder(coder)
    assignments = study.assignments()
    by_other = {a.session_id for a in assignments if a.purpose == "primary" and a.coder != coder}
    own = {a.session_id for a in assignments if a.purpose == "primary" and a.coder == coder}
    have_ids = {a.session_id for a in assignments
                if a.purpose == "reliability" and a.coder == coder}
    if recode:
        eligible = [s for s in study.sessions() if s.id in own]
    else:
        eligible = [s for s in study.sessions() if s.id in by_other and s.id not in own]
    had = [s for s in eligible if s.id in have_ids]
    picked = plan_sample(eligible, fraction, seed, had) if eligible else []
    for s in picked:
        study.assign(s.id, coder, "reliability", by=by)
    return PlanResult(len(eligible), had, picked)
