"""ELAN .eaf (EAF 3.0) export and reading.

One .eaf per session, as ELAN expects: when the export holds one session it is written to
OUT; when it holds several, OUT names a folder (one ``CASE_N.eaf`` per session inside) or,
if OUT is a file name, the files are ``OUT-stem_CASE_N.eaf`` beside it. ``--case`` and
``--coder`` narrow the export.

Tiers: one per coding and category, named ``CODER:CATEGORY``, with `` (reliability)`` or
`` (consensus)`` appended for those purposes. ELAN does not allow overlapping annotations on
a tier, so overlapping segments of a non-exclusive category go to extra tiers named
``CODER:CATEGORY #2``, ``#3``... Annotation values are code ids; each category's tiers use a
controlled vocabulary (``cv_CATEGORY``) whose entries carry the code ids as values and the
codebook labels as descriptions, one per codebook language. A point code becomes a 1 ms
annotation (ELAN has no zero-length annotations); importing turns it back into an instant.
Segment notes go to a symbolic-association child tier ``<tier> note``. The header holds the
case and session (properties ``annotator:case``, ``annotator:session``) and links the media
by a path relative to the .eaf file; no absolute path is written.
"""

from __future__ import annotations

import mimetypes
import os
import re
import xml.parsers.expat
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from pympi.Elan import Eaf, to_eaf

from annotator import __version__
from annotator.core.filenames import file_part
from annotator.core.timeline_rows import RowProblem, RowsRejected, TimelineRow
from annotator.exchange.atomic import atomic_path
from annotator.store.errors import StudyError
from annotator.store.queries import iter_segments

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook
    from annotator.core.segments import SegmentView
    from annotator.exchange.exporters import ExportOptions
    from annotator.store.records import SessionInfo
    from annotator.store.study import Study

EAF_VERSION = "3.0"
NOTE_SUFFIX = " note"
PROP_CASE = "annotator:case"
PROP_SESSION = "annotator:session"
TIER_RE = re.compile(
    r"^(?P<coder>[^\s:]+):(?P<category>[a-z][a-z0-9_]*)"
    r"(?: \((?P<purpose>primary|reliability|consensus)\))?(?: #(?P<lane>\d+))?$"
)


class EafExportError(StudyError):
    """Nothing (or nothing consistent) to write to ELAN."""


class EafMapError(StudyError):
    """A ``--map`` that does not fit the file."""


def tier_name(coder: str, purpose: str, category: str, lane: int = 1) -> str:
    name = f"{coder}:{category}"
    if purpose != "primary":
        name += f" ({purpose})"
    return name if lane == 1 else f"{name} #{lane}"


def cv_id(category: str) -> str:
    return f"cv_{category}"


# ---------------------------------------------------------------------------- export
def _new_eaf(codebook: Codebook) -> Eaf:
    eaf = Eaf(author=f"annotator {__version__}")
    eaf.adocument.update({
        "VERSION": EAF_VERSION, "FORMAT": EAF_VERSION,
        "xsi:noNamespaceSchemaLocation": f"http://www.mpi.nl/tools/elan/EAFv{EAF_VERSION}.xsd",
    })
    eaf.header = {"TIME_UNITS": "milliseconds"}
    eaf.remove_tier("default")
    eaf.remove_linguistic_type("default-lt")
    langs = list(codebook.languages) or ["en"]
    for lang in langs:
        eaf.add_language(lang, lang_label=lang)
    for cat in codebook.categories:
        cid = cv_id(cat.id)
        eaf.add_controlled_vocabulary(cid)
        for lang in langs:
            eaf.add_cv_description(cid, lang, cat.label.get(lang) or cat.label_in(lang))
        for code in cat.codes:
            eaf.add_cv_entry(cid, f"cve_{code.id}", [
                (code.id, lang, code.label.get(lang) or code.label_in(lang)) for lang in langs
            ])
        eaf.add_linguistic_type(cat.id, param_dict={
            "LINGUISTIC_TYPE_ID": cat.id, "TIME_ALIGNABLE": "true",
            "GRAPHIC_REFERENCES": "false", "CONTROLLED_VOCABULARY_REF": cid,
        })
    eaf.add_linguistic_type("note", constraints="Symbolic_Association", timealignable=False)
    return eaf


def _media_link(study: Study, session: SessionInfo, folder: Path) -> tuple[str, str] | None:
    if session.media is None:
        return None
    stored = Path(session.media.path)
    if not stored.is_absolute() and study.path is not None:
        stored = study.path.parent / stored
    try:
        rel = Path(os.path.relpath(os.path.normpath(stored), folder)).as_posix()
    except ValueError:  # another drive: no relative path exists; link by name only
        rel = stored.name
    if not rel.startswith("../"):
        rel = f"./{rel}"
    mime = mimetypes.guess_type(stored.name)[0] or "video/*"
    return quote(rel, safe="/._-~"), mime


def _lanes(segments: Iterable[SegmentView]) -> list[list[tuple[int, int, SegmentView]]]:
    """Pack segments into as few lanes as needed so that no lane has overlaps."""
    lanes: list[list[tuple[int, int, SegmentView]]] = []
    ends: list[int] = []
    items = sorted(((s.start_ms, max(s.end_ms, s.start_ms + 1), s) for s in segments),
                   key=lambda t: (t[0], t[1], t[2].code, t[2].id))
    for start, end, seg in items:
        for i, last in enumerate(ends):
            if last <= start:
                lanes[i].append((start, end, seg))
                ends[i] = end
                break
        else:
            lanes.append([(start, end, seg)])
            ends.append(end)
    return lanes


def session_eaf(
    study: Study, session: SessionInfo, codings: dict[tuple[str, str], list[SegmentView]],
    codebook: Codebook, folder: Path,
) -> tuple[Eaf, int]:
    """The EAF document of one session; ``codings`` maps (coder, purpose) to segments."""
    eaf = _new_eaf(codebook)
    link = _media_link(study, session, folder)
    if link is not None:
        eaf.add_linked_file(link[0], relpath=link[0], mimetype=link[1])
    eaf.add_property(PROP_CASE, session.case)
    eaf.add_property(PROP_SESSION, str(session.number))
    count = 0
    for (coder, purpose), segs in sorted(codings.items()):
        by_cat: dict[str, list[SegmentView]] = defaultdict(list)
        for s in segs:
            by_cat[codebook.category_of(s.code).id].append(s)
        for cat in codebook.categories:
            lanes = _lanes(by_cat.get(cat.id, [])) or [[]]
            for k, lane in enumerate(lanes, start=1):
                tier = tier_name(coder, purpose, cat.id, k)
                eaf.add_tier(tier, ling=cat.id, part=coder, ann=coder)
                notes: list[tuple[str, str]] = []
                for start, end, seg in lane:
                    eaf.add_annotation(tier, start, end, seg.code)
                    count += 1
                    if seg.note:
                        notes.append((f"a{eaf.maxaid}", seg.note))
                if notes:
                    child = tier + NOTE_SUFFIX
                    eaf.add_tier(child, ling="note", parent=tier, part=coder, ann=coder)
                    for parent_aid, note in notes:
                        aid = eaf.generate_annotation_id()
                        eaf.annotations[aid] = child
                        eaf.tiers[child][1][aid] = (parent_aid, note, None, None)
    eaf.properties = [(k, v) for k, v in eaf.properties if k != "lastUsedAnnotation"]
    eaf.properties.append(("lastUsedAnnotation", str(eaf.maxaid)))
    _order_time_slots(eaf)
    return eaf, count


def _order_time_slots(eaf: Eaf) -> None:
    """Renumber time slots in time order, as ELAN writes them (pympi numbers by creation)."""
    order = sorted(eaf.timeslots, key=lambda ts: (eaf.timeslots[ts], int(ts[2:])))
    new_id = {old: f"ts{i}" for i, old in enumerate(order, start=1)}
    eaf.timeslots = {new_id[old]: eaf.timeslots[old] for old in order}
    for aligned, _refs, _attrs, _ordinal in eaf.tiers.values():
        for aid, (ts1, ts2, value, svg) in list(aligned.items()):
            aligned[aid] = (new_id[ts1], new_id[ts2], value, svg)
    eaf.maxts = len(order)


def _targets(out: Path, keys: list[tuple[str, int]]) -> dict[tuple[str, int], Path]:
    if out.is_dir():
        return {k: out / f"{file_part(k[0])}_{k[1]}.eaf" for k in keys}
    if len(keys) == 1:
        return {keys[0]: out}
    stem = out.name[: -len(out.suffix)] if out.suffix else out.name
    return {k: out.with_name(f"{stem}_{file_part(k[0])}_{k[1]}.eaf") for k in keys}


def export_eaf(study: Study, out: Path, opts: ExportOptions) -> int:
    """Write one .eaf per session (see the module doc); returns the number of annotations."""
    out = Path(out)
    per_session: dict[int, dict[tuple[str, str], list[SegmentView]]] = defaultdict(dict)
    for a in study.assignments(coder=opts.coder):
        if opts.case is None or a.case == opts.case:
            per_session[a.session_id].setdefault((a.coder, a.purpose), [])
    codebook_ids: dict[int, int] = {}
    for st in iter_segments(study, coder=opts.coder, case=opts.case):
        per_session[st.session_id].setdefault((st.segment.coder, st.purpose), []).append(
            st.segment)
        codebook_ids[st.session_id] = max(codebook_ids.get(st.session_id, 0), st.codebook_id)
    sessions = {s.id: s for s in study.sessions(opts.case)}
    chosen = sorted((sid for sid in per_session if sid in sessions),
                    key=lambda sid: (sessions[sid].case, sessions[sid].number))
    if not chosen:
        raise EafExportError("There is no coding to export to ELAN (check --case and --coder).")
    targets = _targets(out, [(sessions[s].case, sessions[s].number) for s in chosen])
    total = 0
    for sid in chosen:
        s = sessions[sid]
        path = targets[(s.case, s.number)]
        codebook = study.codebook_by_id(codebook_ids.get(sid) or study.current_codebook_id)
        missing = sorted({seg.code for segs in per_session[sid].values() for seg in segs
                          if not codebook.has_code(seg.code)})
        if missing:
            raise EafExportError(
                f"Session {s.key} mixes codebook versions (codes {', '.join(missing)} are not "
                f"in {codebook.name!r} {codebook.version}); export it as CSV instead.")
        eaf, n = session_eaf(study, s, per_session[sid], codebook, path.parent.resolve())
        with atomic_path(path) as tmp:
            tmp.unlink()  # pympi renames an existing file to .bak; let it write a new one
            to_eaf(str(tmp), eaf)
        total += n
    return total


# ---------------------------------------------------------------------------- reading
@dataclass
class EafAnnotation:
    line: int
    id: str
    value: str
    ts1: str | None = None
    ts2: str | None = None
    ref: str | None = None


@dataclass
class EafTier:
    id: str
    line: int
    parent: str | None
    annotations: list[EafAnnotation] = field(default_factory=list)


@dataclass
class EafDocument:
    slots: dict[str, int | None]
    tiers: dict[str, EafTier]
    properties: dict[str, str]

    def times(self, ann: EafAnnotation, by_id: dict[str, EafAnnotation]) -> tuple[int, int]:
        """An annotation's (start, end) in ms; raises ValueError naming what is missing."""
        seen = 0
        while ann.ref is not None:
            parent = by_id.get(ann.ref)
            if parent is None or seen > 50:
                raise ValueError(f"it refers to the annotation {ann.ref!r}, which is missing")
            ann, seen = parent, seen + 1
        out = []
        for ts in (ann.ts1, ann.ts2):
            if ts is None or ts not in self.slots:
                raise ValueError(f"its time slot {ts!r} is missing from the file's TIME_ORDER")
            value = self.slots[ts]
            if value is None:
                raise ValueError(f"its time slot {ts!r} has no time value")
            out.append(value)
        return out[0], out[1]


def read_eaf(path: Path) -> EafDocument:
    """Parse an .eaf file, keeping line numbers; raise RowsRejected if it is not one."""
    source = path.name
    doc = EafDocument({}, {}, {})
    stack: list[str] = []
    text: list[str] = []
    state: dict[str, EafTier | EafAnnotation | str | None] = {"tier": None, "ann": None,
                                                              "prop": None}
    parser = xml.parsers.expat.ParserCreate()
    problems: list[RowProblem] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        line = parser.CurrentLineNumber
        if not stack and name != "ANNOTATION_DOCUMENT":
            raise RowsRejected(source, [RowProblem(line, "", f"this is not an ELAN file (the "
                                                   f"root element is <{name}>)")])
        stack.append(name)
        if name == "TIME_SLOT":
            value = attrs.get("TIME_VALUE")
            try:
                doc.slots[attrs["TIME_SLOT_ID"]] = None if value is None else int(value)
            except (KeyError, ValueError):
                problems.append(RowProblem(line, "", f"bad TIME_SLOT {attrs}"))
        elif name == "TIER":
            tier = EafTier(attrs.get("TIER_ID", ""), line, attrs.get("PARENT_REF"))
            doc.tiers[tier.id] = tier
            state["tier"] = tier
        elif name in ("ALIGNABLE_ANNOTATION", "REF_ANNOTATION"):
            ann = EafAnnotation(line, attrs.get("ANNOTATION_ID", ""), "",
                                attrs.get("TIME_SLOT_REF1"), attrs.get("TIME_SLOT_REF2"),
                                attrs.get("ANNOTATION_REF"))
            current = state["tier"]
            if isinstance(current, EafTier):
                current.annotations.append(ann)
            state["ann"] = ann
        elif name == "PROPERTY":
            state["prop"] = attrs.get("NAME")
        text.clear()

    def end(name: str) -> None:
        stack.pop()
        if name == "ANNOTATION_VALUE" and isinstance(state["ann"], EafAnnotation):
            state["ann"].value = "".join(text)
        elif name == "PROPERTY" and isinstance(state["prop"], str):
            doc.properties[state["prop"]] = "".join(text).strip()
        text.clear()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text.append
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RowsRejected(source, [RowProblem(0, "", f"cannot read the file: {exc}")]) from None
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        reason = xml.parsers.expat.errors.messages.get(exc.code, str(exc))
        raise RowsRejected(source, [RowProblem(
            exc.lineno, "", f"not well-formed XML ({reason}, column {exc.offset + 1}); "
            "the file is damaged or not an ELAN file")]) from None
    if problems:
        raise RowsRejected(source, problems)
    return doc


# ---------------------------------------------------------------------------- to rows
@dataclass(frozen=True)
class TierTarget:
    coder: str
    category: str
    purpose: str = "primary"


def parse_target(text: str) -> TierTarget | None:
    """``CODER:CATEGORY`` (optionally `` (purpose)``) as a tier target, or None."""
    m = TIER_RE.match(text.strip())
    if m is None or m.group("lane"):
        return None
    return TierTarget(m.group("coder"), m.group("category"), m.group("purpose") or "primary")


def tier_targets(
    doc: EafDocument, codebook: Codebook, maps: dict[str, TierTarget]
) -> tuple[dict[str, TierTarget], list[str], list[RowProblem]]:
    """Which tiers hold codings: ``--map`` ones, and tiers named like ours."""
    categories = {c.id for c in codebook.categories}
    targets: dict[str, TierTarget] = {}
    ignored: list[str] = []
    problems: list[RowProblem] = []
    missing = [name for name in maps if name not in doc.tiers]
    if missing:
        raise EafMapError(f"--map names the tier(s) {', '.join(map(repr, missing))}, which the "
                          f"file does not have (it has: {', '.join(map(repr, doc.tiers))}).")
    for tier in doc.tiers.values():
        if tier.id in maps:
            target = maps[tier.id]
        else:
            m = TIER_RE.match(tier.id)
            if m is None or m.group("category") not in categories:
                ignored.append(tier.id)
                continue
            target = TierTarget(m.group("coder"), m.group("category"),
                                m.group("purpose") or "primary")
        if target.category not in categories:
            problems.append(RowProblem(tier.line, "", (
                f"tier {tier.id!r} maps to the category {target.category!r}, which the codebook "
                f"does not have (it has: {', '.join(sorted(categories))})")))
            continue
        targets[tier.id] = target
    notes = {t.id for t in doc.tiers.values()
             if t.parent in targets and t.id == f"{t.parent}{NOTE_SUFFIX}"}
    return targets, [t for t in ignored if t not in notes], problems


def eaf_rows(
    doc: EafDocument, codebook: Codebook, targets: dict[str, TierTarget], case: str,
    session: int,
) -> tuple[list[TimelineRow], list[RowProblem]]:
    """Timeline rows of the mapped tiers; every bad annotation is one problem."""
    by_id = {a.id: a for t in doc.tiers.values() for a in t.annotations}
    notes: dict[str, str] = {}
    for tier in doc.tiers.values():
        if tier.parent in targets and tier.id == tier.parent + NOTE_SUFFIX:
            for a in tier.annotations:
                if a.ref is not None and a.value.strip():
                    notes[a.ref] = a.value.strip()
    rows: list[TimelineRow] = []
    problems: list[RowProblem] = []
    for tier_id, target in targets.items():
        category = codebook.category(target.category)
        for a in doc.tiers[tier_id].annotations:
            value = a.value.strip()
            try:
                start, end = doc.times(a, by_id)
            except ValueError as exc:
                problems.append(RowProblem(a.line, "", f"tier {tier_id!r}, annotation {a.id}: "
                                                       f"{exc}"))
                continue
            where = f"tier {tier_id!r} at {start / 1000:.3f} s"
            if not codebook.has_code(value):
                problems.append(RowProblem(a.line, "", (
                    f"{where}: {value!r} is not a code of the codebook (the category "
                    f"{category.id!r} has: {', '.join(c.id for c in category.codes)})")))
                continue
            code = codebook.code(value)
            if code.category_id != category.id:
                problems.append(RowProblem(a.line, "", (
                    f"{where}: {value!r} belongs to the category {code.category_id!r}, but the "
                    f"tier holds {category.id!r}")))
                continue
            if code.kind == "point":
                end = start
            elif end <= start:
                problems.append(RowProblem(a.line, "", f"{where}: the annotation of the state "
                                                       f"code {value!r} has no duration"))
                continue
            rows.append(TimelineRow(
                line=a.line, case=case, session=session, coder=target.coder,
                category=category.id, code=value, start_ms=start, end_ms=end,
                note=notes.get(a.id, ""), purpose=target.purpose,
            ))
    rows.sort(key=lambda r: r.line)
    return rows, problems
