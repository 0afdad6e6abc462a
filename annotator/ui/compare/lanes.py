"""Lanes and segments of the comparison timeline (plain Python, no widgets; runs on workers).

Per code, under a heading with the code's label: one lane per compared coder, a diff lane (agree /
disagree / only one coder) and, when the session has one, the consensus lane. Diff segments
are the :class:`~annotator.core.reliability.DiffRun` runs; a disagreement inside an exclusive
category (A codes one code, B another) shows in the diff lanes of both codes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.codebook import Codebook
from annotator.core.reliability import DiffRun, disagreements, timeline_diff
from annotator.core.segments import CodedSession, SegmentView
from annotator.ui.i18n import translate
from annotator.ui.timeline import DiffStatus, Lane

DIFF = "diff"
CONSENSUS = "consensus"


def lane_id(code: str, row: str) -> str:
    """Lane id of a code's row: a coder label, ``diff`` or ``consensus``."""
    return f"{code}\x1f{row}"


def run_codes(run: DiffRun) -> list[str]:
    """The codes whose diff lanes show ``run``."""
    if run.code is not None:
        return [run.code]
    return [c for c in dict.fromkeys((run.code_a, run.code_b)) if c is not None]


def ui_status(run: DiffRun) -> DiffStatus:
    if run.status == "agree":
        return "agree"
    if run.status == "disagree":
        return "disagree"
    return "only_one"


def describe(run: DiffRun, codebook: Codebook, a: str, b: str, lang: str = "en",
             labels: dict[str, str] | None = None) -> str:
    """One line about a run, e.g. ``A: Therapist · B: Child`` or ``Only A: Praise``."""
    names = labels if labels is not None else code_labels(codebook, lang)

    def name(code: str | None) -> str:
        return translate("DiffLanes", "nothing") if code is None else names[code]

    if run.status == "agree":
        return translate("DiffLanes", "{a} and {b}: {code}").format(a=a, b=b, code=name(run.code))
    if run.status == "only_a":
        return translate("DiffLanes", "Only {coder}: {code}").format(coder=a,
                                                                     code=name(run.code_a))
    if run.status == "only_b":
        return translate("DiffLanes", "Only {coder}: {code}").format(coder=b,
                                                                     code=name(run.code_b))
    return f"{a}: {name(run.code_a)} · {b}: {name(run.code_b)}"


def code_labels(codebook: Codebook, lang: str = "en") -> dict[str, str]:
    return {c.id: c.label_in(lang) for c in codebook.codes}


@dataclass(frozen=True)
class DiffLayout:
    """Everything the timeline shows for one session and one pair of coders."""

    lanes: list[Lane]
    segments: list[tuple[str, SegmentView]]
    status: dict[str, DiffStatus]
    runs: dict[str, DiffRun]  # diff segment id -> its run


def build_layout(
    codebook: Codebook, session: CodedSession, pair: tuple[str, str], runs: Sequence[DiffRun],
    *, consensus: Sequence[SegmentView] | None = None, coder_lanes: bool = True,
    only_differences: bool = False, lang: str = "en",
) -> DiffLayout:
    a, b = pair
    differing = {c for r in runs if r.status != "agree" for c in run_codes(r)}
    lanes: list[Lane] = []
    diff_name = translate("DiffLanes", "{a} vs {b}").format(a=a, b=b)
    consensus_name = translate("DiffLanes", "consensus")
    for cat in codebook.categories:
        for code in cat.codes:
            if only_differences and code.id not in differing:
                continue
            group = code.label_in(lang)
            if coder_lanes:
                for who in (a, b):
                    lanes.append(Lane(lane_id(code.id, who), who, group, code.color, code.kind,
                                      editable=False))
            lanes.append(Lane(lane_id(code.id, DIFF), diff_name, group, code.color,
                              code.kind, style="diff", editable=False))
            if consensus is not None:
                lanes.append(Lane(lane_id(code.id, CONSENSUS), consensus_name, group, code.color,
                                  code.kind, editable=False))
    segments: list[tuple[str, SegmentView]] = []
    if coder_lanes:
        for who in (a, b):
            for i, sp in enumerate(session.codings.get(who, [])):
                segments.append((lane_id(sp.code, who), SegmentView(
                    f"{who}\x1f{i}", who, sp.code, sp.start_ms, sp.end_ms)))
    status: dict[str, DiffStatus] = {}
    by_id: dict[str, DiffRun] = {}
    names = code_labels(codebook, lang)
    for i, r in enumerate(runs):
        note = describe(r, codebook, a, b, lang, names)
        for code_id in run_codes(r):
            sid = f"{DIFF}\x1f{i}\x1f{code_id}"
            segments.append((lane_id(code_id, DIFF),
                             SegmentView(sid, "", code_id, r.start_ms, r.end_ms, note)))
            status[sid] = ui_status(r)
            by_id[sid] = r
    for seg in consensus or ():
        segments.append((lane_id(seg.code, CONSENSUS), seg))
    return DiffLayout(lanes, segments, status, by_id)


@dataclass(frozen=True)
class SessionView:
    """One session's diff for one pair of coders, ready for the timeline."""

    session_id: int
    pair: tuple[str, str]
    runs: list[DiffRun]
    times: list[int]  # sorted disagreement start times
    layout: DiffLayout


def session_view(
    codebook: Codebook, session: CodedSession, session_id: int, pair: tuple[str, str], *,
    tolerance_ms: int, consensus: Sequence[SegmentView] | None, coder_lanes: bool,
    only_differences: bool, lang: str = "en",
) -> SessionView:
    """Diff runs, disagreement times and timeline layout (pure; runs on a worker)."""
    a, b = pair
    runs = [] if a == b else timeline_diff(session, a, b, codebook, tolerance_ms=tolerance_ms)
    layout = build_layout(codebook, session, pair, runs, consensus=consensus,
                          coder_lanes=coder_lanes, only_differences=only_differences,
                          lang=lang)
    return SessionView(session_id, pair, runs, disagreements(runs), layout)


def resolved_runs(runs: Sequence[DiffRun], accepted: Sequence[Any],
                  codebook: Codebook) -> list[bool]:
    """For each run: a disagreement some accepted version covered (same category, or one of
    the run's codes, over the whole run). Agreeing runs are never 'resolved'."""
    out = []
    for r in runs:
        if r.status == "agree":
            out.append(False)
            continue
        codes = set(run_codes(r))
        out.append(any(
            a.start_ms <= r.start_ms and r.end_ms <= a.end_ms
            and (a.category == r.category if a.category is not None
                 else bool(codes & set(a.codes or ())))
            for a in accepted))
    return out


def settle_target(run: DiffRun, codebook: Codebook) -> tuple[str | None, list[str] | None]:
    """``(category_id, code_ids)`` to settle a run with: the whole category when it is
    exclusive (so its codes cannot overlap), else the run's code(s)."""
    if codebook.category(run.category).exclusive:
        return run.category, None
    return None, run_codes(run)
