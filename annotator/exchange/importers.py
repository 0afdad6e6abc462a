"""Imports other than the timeline CSV: ELAN .eaf and BORIS (tabular and aggregated events,
``.boris`` projects).

Each file is turned into timeline rows and written by the same all-or-nothing import as
the CSV (:func:`annotator.store.timeline_import.import_timeline`): a bad file changes nothing
and every bad annotation, line or event is reported. A result's ``summary`` says what came
in (per tier, or per observation and coder) and what was left out.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.timeline_rows import RowProblem, RowsRejected, TimelineRow
from annotator.exchange.boris import SUBJECT_CHOICES, Who, observation_rows, read_boris_file
from annotator.exchange.code_match import CodeMatcher, read_value_map
from annotator.exchange.eaf import (
    PROP_CASE,
    PROP_SESSION,
    TierTarget,
    eaf_rows,
    parse_target,
    read_eaf,
    tier_targets,
)
from annotator.store.errors import StudyError
from annotator.store.study import Study
from annotator.store.timeline_import import ImportResult, import_timeline


class ImportOptionsError(StudyError):
    """Options that do not fit the file (missing --case, a bad --map...)."""


@dataclass
class OtherImportResult(ImportResult):
    ignored_tiers: list[str] = field(default_factory=list)
    skipped_empty: int = 0
    summary: list[str] = field(default_factory=list)


def parse_maps(maps: list[str]) -> dict[str, TierTarget]:
    """``TIER=CODER:CATEGORY`` options (the tier name may itself contain ``=``)."""
    out: dict[str, TierTarget] = {}
    for m in maps:
        tier, sep, target_text = m.rpartition("=")
        target = parse_target(target_text) if sep else None
        if not tier or target is None:
            raise ImportOptionsError(
                f"--map {m!r}: write TIER=CODER:CATEGORY, for example \"Tier 1=AK:implicit\" "
                "(add ' (reliability)' after the category for a reliability coding).")
        out[tier] = target
    return out


def import_eaf(
    study: Study, path: Path, *, case: str | None = None, session: int | None = None,
    maps: list[str] | None = None, create_sessions: bool = False, by: str | None = None,
    map_values: Path | None = None, skip_empty: bool = False,
) -> OtherImportResult:
    """Import the coder tiers of an ELAN file into one session (all or nothing)."""
    targets_given = parse_maps(maps or [])
    codebook = study.codebook
    matcher = CodeMatcher(codebook, read_value_map(map_values, codebook)
                          if map_values is not None else {})
    doc = read_eaf(path)
    case = case or doc.properties.get(PROP_CASE)
    if session is None and doc.properties.get(PROP_SESSION, "").isdigit():
        session = int(doc.properties[PROP_SESSION])
    if not case or session is None:
        raise ImportOptionsError(
            f"{path.name}: say which session the ELAN file codes, with --case and --session.")
    targets, ignored, problems = tier_targets(doc, codebook, targets_given)
    found = eaf_rows(doc, codebook, targets, case, session, matcher=matcher,
                     skip_empty=skip_empty)
    rows = found.rows
    problems += found.problems
    if problems:
        raise RowsRejected(path.name, sorted(problems, key=lambda p: p.line))
    if not targets:
        raise ImportOptionsError(
            f"{path.name}: no tier holds codings. Name tiers CODER:CATEGORY (as annotator "
            "exports them) or map them with --map TIER=CODER:CATEGORY. The file's tiers: "
            f"{', '.join(map(repr, doc.tiers)) or 'none'}.")
    result = import_timeline(study, rows, source=path.name, create_sessions=create_sessions,
                             by=by)
    per_tier: dict[str, int] = {}
    for r in rows:
        label = f"{r.coder}:{r.category}" + ("" if r.purpose == "primary" else f" ({r.purpose})")
        per_tier[label] = per_tier.get(label, 0) + 1
    summary = [f"{n} segment(s) as {label}" for label, n in sorted(per_tier.items())]
    if found.skipped_empty:
        summary.append(f"{found.skipped_empty} empty annotation(s) skipped (--skip-empty)")
    return OtherImportResult(result.segments, result.new_coders, result.new_sessions, ignored,
                             found.skipped_empty, summary)


def parse_sessions(maps: list[str]) -> dict[str, tuple[str, int] | None]:
    """``OBS=CASE:SESSION`` options (the observation id may itself contain ``=``);
    ``OBS=-`` leaves the observation out."""
    out: dict[str, tuple[str, int] | None] = {}
    for m in maps:
        obs, sep, target = m.rpartition("=")
        if sep and obs and target.strip() == "-":
            out[obs] = None
            continue
        case, colon, number = target.rpartition(":")
        if not sep or not obs or not colon or not case or not number.isdigit() \
                or int(number) < 1:
            raise ImportOptionsError(
                f"--map {m!r}: write OBS=CASE:SESSION, for example \"observation 1=C01:1\" "
                "(or OBS=- to leave an observation out).")
        out[obs] = (case, int(number))
    return out


def _pattern_sessions(pattern: str, ids: list[str]) -> dict[str, tuple[str, int]]:
    try:
        rx = re.compile(pattern)
    except re.error as exc:
        raise ImportOptionsError(f"--obs-pattern {pattern!r} is not a regular expression: "
                                 f"{exc}.") from None
    if not {"case", "session"} <= set(rx.groupindex):
        raise ImportOptionsError(
            f"--obs-pattern {pattern!r} needs the groups (?P<case>...) and (?P<session>...), "
            r"for example '(?P<case>C\d+)_s(?P<session>\d+)'.")
    out: dict[str, tuple[str, int]] = {}
    for obs in ids:
        m = rx.search(obs)
        if m is not None and m.group("session").isdigit() and int(m.group("session")) >= 1:
            out[obs] = (m.group("case"), int(m.group("session")))
    return out


def import_boris(
    study: Study, path: Path, *, case: str | None = None, session: int | None = None,
    coder: str | None = None, subject_as: str | None = None, maps: list[str] | None = None,
    obs_pattern: str | None = None, map_values: Path | None = None,
    create_sessions: bool = False, by: str | None = None,
) -> OtherImportResult:
    """Import a BORIS tabular or aggregated events file or a ``.boris`` project, all or
    nothing (see :mod:`annotator.exchange.boris`)."""
    codebook = study.codebook
    if subject_as is not None and subject_as not in SUBJECT_CHOICES:
        raise ImportOptionsError(f"--subject-as {subject_as!r}: use one of "
                                 f"{', '.join(SUBJECT_CHOICES)}.")
    matcher = CodeMatcher(codebook, read_value_map(map_values, codebook)
                          if map_values is not None else {})
    data, problems = read_boris_file(path)
    subjects = data.subjects()
    if subject_as is None and len(subjects) > 1:
        found = ", ".join(f"{s!r} ({n} event(s))" if s else f"no subject ({n} event(s))"
                          for s, n in subjects.most_common())
        raise ImportOptionsError(
            f"{path.name}: the events have {len(subjects)} subjects: {found}. They are not "
            "merged silently; say what a subject is with --subject-as coder (each subject is "
            "a coder), --subject-as category (the subject names the category of its events) "
            "or --subject-as ignore (drop the subject: all events are --coder's).")
    if subject_as == "coder":
        unfit = [sub for sub in subjects if sub and (
            len(sub) > 20 or ":" in sub or any(ch.isspace() for ch in sub))]
        if unfit:
            raise ImportOptionsError(
                f"{path.name}: --subject-as coder makes each subject a coder id, which is "
                "short initials without spaces or ':' (1-20 characters); these subjects are "
                f"not: {', '.join(map(repr, unfit))}. Rename them in BORIS, or use "
                "--subject-as category or ignore.")
    if coder is None and (subject_as != "coder" or "" in subjects):
        raise ImportOptionsError(
            f"{path.name}: a BORIS import needs --coder (whose coding it is"
            + (", for the events without a subject)" if subject_as == "coder" else ")") + ".")
    with_events = [o for o in data.observations.values() if o.events]
    targets: dict[str, tuple[str, int] | None] = {}
    if maps or obs_pattern:
        targets = parse_sessions(maps or [])
        unknown = [o for o in targets if o not in data.observations]
        if unknown:
            raise ImportOptionsError(
                f"--map names the observation(s) {', '.join(map(repr, unknown))}, which "
                f"{path.name} does not have (it has: "
                f"{', '.join(map(repr, data.observations))}).")
        if obs_pattern:
            found_by = _pattern_sessions(obs_pattern, [o.id for o in with_events])
            targets = {**found_by, **targets}
        missing = [o.id for o in with_events if o.id not in targets]
        if missing:
            raise ImportOptionsError(
                f"{path.name}: say which session each observation is: "
                f"{', '.join(map(repr, missing))} "
                f"{'do' if len(missing) > 1 else 'does'} not match --obs-pattern and "
                "have no --map OBS=CASE:SESSION (OBS=- leaves one out).")
    elif case is not None and session is not None:
        if with_events:
            targets[with_events[0].id] = (case, session)
        for extra in with_events[1:]:
            ev = extra.events[0]
            problems.append(RowProblem(ev.line, "Observation id", (
                f"a second observation ({extra.id!r}; the first is {with_events[0].id!r}): "
                "export one observation per file, or map each observation with --map "
                "OBS=CASE:SESSION"), where=ev.where))
    else:
        ids = ", ".join(repr(o.id) for o in with_events) or "none"
        raise ImportOptionsError(
            f"{path.name}: say which session the events code: --case and --session for one "
            "observation, or --map OBS=CASE:SESSION (repeatable) or --obs-pattern REGEX with "
            f"(?P<case>...) and (?P<session>...) groups. The file's observations: {ids}.")
    rows: list[TimelineRow] = []
    where_of: dict[int, str] = {}
    summary: list[str] = []
    line_base = 0
    who = Who(subject_as, coder)
    for obs in with_events:
        target = targets.get(obs.id)
        if target is None:
            if obs.id in targets:
                summary.append(f"observation {obs.id!r} left out (--map {obs.id}=-)")
            continue
        c, n = target
        got = observation_rows(obs, data.kind, codebook, matcher, who, c, n,
                               data.point_behaviors, problems, line_base)
        if data.kind == "project":
            for ev in obs.events:
                where_of[line_base + ev.line] = ev.where
            line_base += len(obs.events)
        rows += got.rows
        coders = ", ".join(f"{k}: {v}" for k, v in sorted(got.coders.items()))
        offset = f"; time offset {obs.offset_s:g} s subtracted" if obs.offset_s else ""
        summary.append(f"observation {obs.id!r} -> {c}:{n}: {len(got.rows)} segment(s) "
                       f"({coders or 'none'}){offset}")
    for obs in data.observations.values():
        if not obs.events:
            summary.append(f"observation {obs.id!r} has no events; nothing to import")
    if subject_as is not None and len(subjects) > 1:
        names = ", ".join(s or "(none)" for s in sorted(subjects))
        summary.append(f"subjects ({names}) taken as {subject_as}"
                       + ("" if subject_as != "ignore" else " (dropped)"))
    if problems:
        raise RowsRejected(path.name, sorted(problems, key=lambda p: p.line))
    try:
        result = import_timeline(study, rows, source=path.name,
                                 create_sessions=create_sessions, by=by)
    except RowsRejected as exc:
        if not where_of:
            raise
        raise RowsRejected(exc.source, [RowProblem(p.line, p.column, p.reason,
                                                   where_of.get(p.line, p.where))
                                        for p in exc.problems]) from None
    mods = sum(1 for r in rows if r.modifiers)
    if mods:
        summary.append(f"{mods} segment(s) with modifiers")
    return OtherImportResult(result.segments, result.new_coders, result.new_sessions, [], 0,
                             [f"{data.kind}: " + summary[0], *summary[1:]] if summary else [])


def import_other(study: Study, path: Path, fmt: str, ns: argparse.Namespace) -> ImportResult:
    """The CLI's entry point for ``annotator import --format eaf|boris``."""
    create = bool(getattr(ns, "create_sessions", False))
    if fmt == "eaf":
        map_values = getattr(ns, "map_values", None)
        return import_eaf(study, path, case=ns.case, session=ns.session, maps=ns.map,
                          create_sessions=create,
                          map_values=Path(map_values) if map_values else None,
                          skip_empty=bool(getattr(ns, "skip_empty", False)))
    if fmt == "boris":
        map_values = getattr(ns, "map_values", None)
        return import_boris(study, path, case=ns.case, session=ns.session, coder=ns.coder,
                            subject_as=getattr(ns, "subject_as", None), maps=ns.map,
                            obs_pattern=getattr(ns, "obs_pattern", None),
                            map_values=Path(map_values) if map_values else None,
                            create_sessions=create)
    raise ImportOptionsError(f"Unknown import format {fmt!r}; use csv, eaf or boris.")
