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
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote
from xml.etree import ElementTree

from pympi.Elan import Eaf, to_eaf

from annotator import __version__
from annotator.core.filenames import file_part
from annotator.core.timeline_rows import RowProblem, TimelineRow
from annotator.exchange.atomic import atomic_path
from annotator.exchange.code_match import CodeMatcher
from annotator.exchange.eaf_read import EafAnnotation, EafDocument, EafTier, read_eaf
from annotator.store.errors import StudyError
from annotator.store.queries import iter_segments

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook
    from annotator.core.segments import SegmentView
    from annotator.exchange.exporters import ExportOptions
    from annotator.store.records import SessionInfo
    from annotator.store.study import Study

__all__ = [
    "EafAnnotation", "EafDocument", "EafExportError", "EafMapError", "EafRows", "EafTier",
    "TierTarget", "eaf_rows", "export_eaf", "parse_target", "read_eaf", "tier_targets",
]

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
    eaf.properties = [(k, v) for k, v in eaf.properties
                      if k not in ("lastUsedAnnotation", "lastUsedAnnotationId")]
    eaf.properties.append(("lastUsedAnnotationId", str(eaf.maxaid)))
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


def add_cve_refs(path: Path) -> None:
    """Give each annotation whose value is an entry of its tier's vocabulary that entry's
    ``CVE_REF``, as ELAN writes it (pympi does not)."""
    tree = ElementTree.parse(path)
    root = tree.getroot()
    cv_of_type = {lt.get("LINGUISTIC_TYPE_ID"): lt.get("CONTROLLED_VOCABULARY_REF")
                  for lt in root.iter("LINGUISTIC_TYPE")}
    entries: dict[tuple[str | None, str | None], str] = {}
    for cv in root.iter("CONTROLLED_VOCABULARY"):
        for entry in cv.iter("CV_ENTRY_ML"):
            for value in entry.iter("CVE_VALUE"):
                entries.setdefault((cv.get("CV_ID"), value.text), entry.get("CVE_ID", ""))
    for tier in root.iter("TIER"):
        cv_id = cv_of_type.get(tier.get("LINGUISTIC_TYPE_REF"))
        if cv_id is None:
            continue
        for ann in tier.iter("ALIGNABLE_ANNOTATION"):
            cve = entries.get((cv_id, ann.findtext("ANNOTATION_VALUE")))
            if cve:
                ann.set("CVE_REF", cve)
    tree.write(path, encoding="UTF-8", xml_declaration=True)


def _targets(out: Path, keys: list[tuple[str, int]]) -> dict[tuple[str, int], Path]:
    if out.is_dir():
        return {k: out / f"{file_part(k[0])}_{k[1]}.eaf" for k in keys}
    if len(keys) == 1:
        return {keys[0]: out}
    stem = out.name[: -len(out.suffix)] if out.suffix else out.name
    return {k: out.with_name(f"{stem}_{file_part(k[0])}_{k[1]}.eaf") for k in keys}


def export_eaf(study: Study, out: Path, opts: ExportOptions) -> int:
    """Write one .eaf per session (see the module doc); returns the number of annotations."""
    from annotator.exchange.exporters import session_ids

    out = Path(out)
    only = session_ids(study, opts)
    per_session: dict[int, dict[tuple[str, str], list[SegmentView]]] = defaultdict(dict)
    for a in study.assignments(coder=opts.coder):
        if (opts.case is None or a.case == opts.case) and (only is None
                                                           or a.session_id in only):
            per_session[a.session_id].setdefault((a.coder, a.purpose), [])
    codebook_ids: dict[int, int] = {}
    for st in iter_segments(study, coder=opts.coder, case=opts.case, session_ids=only):
        per_session[st.session_id].setdefault((st.segment.coder, st.purpose), []).append(
            st.segment)
        codebook_ids[st.session_id] = max(codebook_ids.get(st.session_id, 0), st.codebook_id)
    sessions = {s.id: s for s in study.sessions(opts.case)}
    chosen = sorted((sid for sid in per_session if sid in sessions),
                    key=lambda sid: (sessions[sid].case, sessions[sid].number))
    if not chosen:
        raise EafExportError(
            "There is no coding to export to ELAN (check --case, --session and --coder).")
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
            add_cve_refs(tmp)
        total += n
    return total


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


@dataclass
class EafRows:
    rows: list[TimelineRow]
    problems: list[RowProblem]
    skipped_empty: int = 0


def eaf_rows(
    doc: EafDocument, codebook: Codebook, targets: dict[str, TierTarget], case: str,
    session: int, *, matcher: CodeMatcher | None = None, skip_empty: bool = False,
) -> EafRows:
    """Timeline rows of the mapped tiers; every bad annotation is one problem. Values match
    codes as :mod:`annotator.exchange.code_match` says; empty annotations are problems
    unless ``skip_empty``, then they are counted."""
    matcher = matcher or CodeMatcher(codebook)
    notes: dict[str, str] = {}
    for tier in doc.tiers.values():
        if tier.parent in targets and tier.id == tier.parent + NOTE_SUFFIX:
            for a in tier.annotations:
                if a.ref is not None and a.value.strip():
                    notes[a.ref] = a.value.strip()
    out = EafRows([], [])
    for tier_id, target in targets.items():
        category = codebook.category(target.category)
        for a in doc.tiers[tier_id].annotations:
            value = a.value.strip()
            try:
                start, end = doc.span(a)
            except ValueError as exc:
                out.problems.append(RowProblem(a.line, "", f"tier {tier_id!r}, annotation "
                                                           f"{a.id}: {exc}"))
                continue
            where = f"tier {tier_id!r} at {start / 1000:.3f} s"
            if not value:
                if skip_empty:
                    out.skipped_empty += 1
                else:
                    out.problems.append(RowProblem(a.line, "", (
                        f"{where}: the annotation {a.id} is empty; fill it in ELAN, or "
                        "import with --skip-empty to leave empty annotations out")))
                continue
            code, reason = matcher.match(value, category)
            if code is None:
                out.problems.append(RowProblem(a.line, "", f"{where}: {reason}"))
                continue
            if code.kind == "point":
                end = start
            elif end <= start:
                out.problems.append(RowProblem(a.line, "", (
                    f"{where}: the annotation of the state code {code.id!r} has no duration")))
                continue
            out.rows.append(TimelineRow(
                line=a.line, case=case, session=session, coder=target.coder,
                category=category.id, code=code.id, start_ms=start, end_ms=end,
                note=notes.get(a.id, ""), purpose=target.purpose,
            ))
    out.rows.sort(key=lambda r: r.line)
    return out
