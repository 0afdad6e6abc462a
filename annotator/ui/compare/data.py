"""What the comparison view reads and writes, as plain values (runs on worker threads).

Every function here opens its own :class:`Study` connection and closes it again, so it may
run on any thread; nothing here touches a widget. The window calls them through
:func:`annotator.ui.workers.run_task`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.codebook import Codebook
from annotator.core.reliability import ReliabilityCancelled, compute_reliability
from annotator.core.segments import CodedSession, SegmentView
from annotator.exchange.reliability_data import (
    CONSENSUS_SUFFIX,
    RECODE_SUFFIX,
    Selection,
    coder_slots,
    match_slots,
    read_codings,
    select_codings,
)
from annotator.store import AssignmentInfo, CoderInfo, SessionInfo, Study
from annotator.store.consensus import (
    AcceptedRange,
    accept_version,
    accepted_ranges,
    create_consensus,
    find_consensus,
)
from annotator.ui.i18n import translate
from annotator.ui.workers import Cancelled, TaskContext


@dataclass(frozen=True)
class CoderChoice:
    """One entry of the coder picker.

    ``kind`` is ``coder`` (their primary, else reliability coding), ``recode`` (their re-coding
    of sessions they also coded as primary: compared with the ``coder`` entry, this is
    intra-rater drift) or ``consensus`` (their consensus coding).
    """

    coder: str
    kind: str
    sessions: int

    @property
    def label(self) -> str:
        return {"coder": self.coder, "recode": f"{self.coder}{RECODE_SUFFIX}",
                "consensus": f"{self.coder}{CONSENSUS_SUFFIX}"}[self.kind]

    @property
    def text(self) -> str:
        n, label = self.sessions, self.label
        if self.kind == "recode":
            text = (translate("CoderChoice", "{label}  ·  re-coding, 1 session") if n == 1 else
                    translate("CoderChoice", "{label}  ·  re-coding, {n} sessions"))
        elif self.kind == "consensus":
            text = (translate("CoderChoice", "{label}  ·  consensus, 1 session") if n == 1 else
                    translate("CoderChoice", "{label}  ·  consensus, {n} sessions"))
        else:
            text = (translate("CoderChoice", "{label}  ·  coding, 1 session") if n == 1 else
                    translate("CoderChoice", "{label}  ·  coding, {n} sessions"))
        return text.format(label=label, n=n)


@dataclass(frozen=True)
class Catalog:
    """The study's coders, sessions and assignments, read once when the window opens."""

    coders: list[CoderInfo]
    sessions: list[SessionInfo]
    assignments: list[AssignmentInfo]

    def choices(self) -> list[CoderChoice]:
        out: list[CoderChoice] = []
        for c in self.coders:
            mine = [a for a in self.assignments if a.coder == c.id]
            coded = {a.session_id for a in mine if a.purpose in ("primary", "reliability")}
            primary = {a.session_id for a in mine if a.purpose == "primary"}
            recoded = {a.session_id for a in mine if a.purpose == "reliability"} & primary
            cons = {a.session_id for a in mine if a.purpose == "consensus"}
            if coded:
                out.append(CoderChoice(c.id, "coder", len(coded)))
            if recoded:
                out.append(CoderChoice(c.id, "recode", len(recoded)))
            if cons:
                out.append(CoderChoice(c.id, "consensus", len(cons)))
        return out

    def default_choices(self) -> list[CoderChoice]:
        """The first primary coder (most primary codings) and the reliability coder."""
        choices = [c for c in self.choices() if c.kind == "coder"]

        def count(coder: str, purpose: str) -> int:
            return sum(1 for a in self.assignments if a.coder == coder and a.purpose == purpose)

        if len(choices) < 2:
            return choices
        first = max(choices, key=lambda c: (count(c.coder, "primary"), -choices.index(c)))
        rest = [c for c in choices if c is not first]
        second = max(rest, key=lambda c: (count(c.coder, "reliability"), -rest.index(c)))
        return [first, second]

    def common_sessions(self, coders: Sequence[str]) -> list[SessionInfo]:
        """The sessions every one of ``coders`` (as for :func:`select_codings`) coded."""
        slots = coder_slots(coders)
        chosen = match_slots(slots, self.assignments)
        labels = [s.label for s in slots]
        return [s for s in self.sessions
                if s.id in chosen and all(lbl in chosen[s.id] for lbl in labels)]


def coders_for(choices: Sequence[CoderChoice]) -> list[str]:
    """The ``--coders`` list for the checked entries: a re-coding repeats the coder id."""
    out: list[str] = []
    for c in choices:
        out.append(f"{c.coder}{CONSENSUS_SUFFIX}" if c.kind == "consensus" else c.coder)
    return out


def load_catalog(target: str) -> Catalog:
    with Study.open(target) as study:
        return Catalog(study.coders(), study.sessions(), study.assignments())


@dataclass(frozen=True)
class Options:
    resolution_ms: int | None = None
    tolerance_ms: int = 1000
    alpha_resolution_ms: int | None = None
    bootstrap: int = 1000
    seed: int = 0
    lang: str | None = None  # labels' language; None: the codebook's first


@dataclass
class Comparison:
    """A computed comparison: the report, and what the timeline diff needs."""

    report: dict[str, Any]
    codebook: Codebook
    labels: list[str]
    sessions: list[SessionInfo]
    coded: dict[int, CodedSession]  # by session id
    assignments: dict[int, dict[str, AssignmentInfo]]  # session id -> label -> assignment
    consensus: dict[int, AssignmentInfo] = field(default_factory=dict)
    options: Options = field(default_factory=Options)
    coders: list[str] = field(default_factory=list)  # every coder id in the study

    @property
    def lang(self) -> str:
        return str(self.report.get("language") or "en")


def compute(
    target: str, coders: Sequence[str], session_keys: Sequence[str] | None, options: Options,
    ctx: TaskContext,
) -> Comparison:
    """Read the codings and compute the report (raises ReliabilityInputError for bad input)."""
    ctx.progress(0.0, translate("CompareData", "reading codings"))
    with Study.open(target) as study:
        sel: Selection = select_codings(study, coders, session_keys)
        codebook, coded = read_codings(study, sel)
        consensus = {a.session_id: a for a in study.assignments(purpose="consensus")}
        all_coders = [c.id for c in study.coders()]
    ctx.check()
    computing = translate("CompareData", "computing")
    try:
        report = compute_reliability(
            codebook, coded, sel.labels, resolution_ms=options.resolution_ms,
            tolerance_ms=options.tolerance_ms, alpha_resolution_ms=options.alpha_resolution_ms,
            bootstrap=options.bootstrap, seed=options.seed,
            progress=lambda f: ctx.progress(0.1 + 0.9 * f, computing),
            cancelled=lambda: ctx.cancelled, excluded=sel.excluded, lang=options.lang,
        )
    except ReliabilityCancelled:
        raise Cancelled() from None
    return Comparison(
        report=report, codebook=codebook, labels=sel.labels, sessions=sel.sessions,
        coded={s.id: cs for s, cs in zip(sel.sessions, coded, strict=True)},
        assignments=sel.assignments,
        consensus={sid: a for sid, a in consensus.items() if sid in sel.assignments},
        options=options, coders=all_coders,
    )


@dataclass(frozen=True)
class ConsensusState:
    """A session's consensus coding and its segments (``assignment`` None: there is none)."""

    session_id: int
    assignment: AssignmentInfo | None
    segments: list[SegmentView]
    accepted: list[AcceptedRange] = field(default_factory=list)  # versions accepted so far


def load_consensus(target: str, session_id: int) -> ConsensusState:
    with Study.open(target) as study:
        a = find_consensus(study, session_id)
        if a is None:
            return ConsensusState(session_id, None, [])
        return ConsensusState(session_id, a, study.segments(a.id), accepted_ranges(study, a.id))


def start_consensus(
    target: str, session_id: int, coder: str, from_assignment: int, by: str | None,
) -> ConsensusState:
    with Study.open(target) as study:
        a = create_consensus(study, session_id, coder, from_assignment, by)
        return ConsensusState(session_id, a, study.segments(a.id), accepted_ranges(study, a.id))


def take_version(
    target: str, session_id: int, consensus_id: int, source_id: int, start_ms: int,
    end_ms: int, category_id: str | None, code_id: list[str] | None, by: str | None,
) -> ConsensusState:
    with Study.open(target) as study:
        accept_version(study, consensus_id, source_id, start_ms, end_ms,
                       category_id=category_id, code_id=code_id, by=by)
        return ConsensusState(session_id, study.assignment(consensus_id),
                              study.segments(consensus_id), accepted_ranges(study, consensus_id))
