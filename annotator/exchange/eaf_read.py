"""Reading ELAN .eaf files (EAF 2.x and 3.0) with line numbers, and placing every annotation
in time the way ELAN shows it.

Times:

- An *aligned* time slot has a ``TIME_VALUE``. An *unaligned* one (no value; ELAN writes
  them on Time_Subdivision and Included_In tiers) gets its time as ELAN computes it for
  display: the slots of a tier are followed along its chain of annotations (one annotation's
  end slot is the next one's start slot), and each run of unaligned slots divides the span
  between the aligned slots before and after it evenly. A slot with no aligned slot before
  or after it on its tier cannot be placed, and is reported.
- A ``REF_ANNOTATION`` on a Symbolic_Subdivision tier is one of the ``n`` parts its parent
  annotation is divided into, in ``PREVIOUS_ANNOTATION`` order; part ``k`` (from 0) spans
  ``[start + k*d/n, start + (k+1)*d/n)`` (rounded down to the millisecond) of its parent's
  span ``[start, start + d)``, as ELAN draws it. Parents may be subdivisions themselves.
- A ``REF_ANNOTATION`` on any other tier (Symbolic_Association) has its parent's span.
- An ``ALIGNABLE_ANNOTATION`` (also on Included_In and Time_Subdivision tiers) keeps its own
  slots' times.

Controlled vocabularies are read in both forms: EAF 2.8+ ``CV_ENTRY_ML`` with ``CVE_VALUE``
per language, and older ``CV_ENTRY`` elements whose text is the value.
"""

from __future__ import annotations

import bisect
import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.timeline_rows import RowProblem, RowsRejected


@dataclass
class EafAnnotation:
    line: int
    id: str
    value: str
    ts1: str | None = None
    ts2: str | None = None
    ref: str | None = None
    previous: str | None = None
    cve_ref: str | None = None


@dataclass
class EafTier:
    id: str
    line: int
    parent: str | None
    type_ref: str = ""
    participant: str = ""
    annotator: str = ""
    annotations: list[EafAnnotation] = field(default_factory=list)


@dataclass
class LinguisticType:
    id: str
    constraint: str | None = None
    cv: str | None = None


@dataclass
class CvEntry:
    """One entry: ``values`` and ``descriptions`` by language ("" when the file names none)."""

    id: str | None
    values: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)


@dataclass
class ControlledVocabulary:
    id: str
    line: int
    entries: list[CvEntry] = field(default_factory=list)


@dataclass
class EafDocument:
    slots: dict[str, int | None]
    tiers: dict[str, EafTier]
    properties: dict[str, str]
    types: dict[str, LinguisticType] = field(default_factory=dict)
    cvs: dict[str, ControlledVocabulary] = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)
    _spans: dict[str, tuple[int, int]] | None = field(default=None, repr=False)
    _why: dict[str, str] = field(default_factory=dict, repr=False)

    def constraint(self, tier: EafTier) -> str | None:
        lt = self.types.get(tier.type_ref)
        return lt.constraint if lt is not None else None

    def cv_of(self, tier: EafTier) -> ControlledVocabulary | None:
        lt = self.types.get(tier.type_ref)
        return self.cvs.get(lt.cv or "") if lt is not None else None

    def annotation(self, ann_id: str) -> EafAnnotation | None:
        for tier in self.tiers.values():
            for a in tier.annotations:
                if a.id == ann_id:
                    return a
        return None

    def span(self, ann: EafAnnotation) -> tuple[int, int]:
        """An annotation's (start, end) in ms; raises ValueError saying why it has none."""
        if self._spans is None:
            self._spans, self._why = _resolve(self)
        if ann.id in self._spans:
            return self._spans[ann.id]
        raise ValueError(self._why.get(ann.id, "it cannot be placed in time"))


def _slot_times(known: dict[str, int], tier: EafTier, why: dict[str, str]) -> dict[str, int]:
    """Times of the slots the tier's aligned annotations use, unaligned ones interpolated;
    ``known`` holds the aligned slots' times."""
    out: dict[str, int] = {}
    next_of: dict[str, str] = {}
    ends: set[str] = set()
    for a in tier.annotations:
        if a.ref is None and a.ts1 is not None and a.ts2 is not None:
            next_of.setdefault(a.ts1, a.ts2)
            ends.add(a.ts2)
    starts = [ts for ts in next_of if ts not in ends] or list(next_of)[:1]
    seen: set[str] = set()
    for first in starts:
        chain = [first]
        seen.add(first)
        while chain[-1] in next_of and next_of[chain[-1]] not in seen:
            chain.append(next_of[chain[-1]])
            seen.add(chain[-1])
        marks = [i for i, ts in enumerate(chain) if ts in known]
        for i, ts in enumerate(chain):
            if ts in known:
                out[ts] = known[ts]
                continue
            k = bisect.bisect_left(marks, i)
            before, after = marks[:k][-1:], marks[k:k + 1]
            if not before or not after:
                side = "before" if not before else "after"
                why[ts] = (f"its time slot {ts!r} has no time value, and no aligned time slot "
                           f"{side} it on the tier places it (ELAN interpolates only between "
                           "aligned slots)")
                continue
            p, q = before[-1], after[0]
            tp, tq = known[chain[p]], known[chain[q]]
            out[ts] = tp + (tq - tp) * (i - p) // (q - p)
    return out


def _resolve(doc: EafDocument) -> tuple[dict[str, tuple[int, int]], dict[str, str]]:
    spans: dict[str, tuple[int, int]] = {}
    why: dict[str, str] = {}
    slot_why: dict[str, str] = {}
    by_id: dict[str, tuple[EafAnnotation, EafTier]] = {}
    for tier in doc.tiers.values():
        for a in tier.annotations:
            by_id[a.id] = (a, tier)
    known = {ts: t for ts, t in doc.slots.items() if t is not None}
    for tier in doc.tiers.values():
        times = _slot_times(known, tier, slot_why)
        for a in tier.annotations:
            if a.ref is not None:
                continue
            bad = [ts for ts in (a.ts1, a.ts2) if ts is None or ts not in doc.slots]
            if bad:
                why[a.id] = f"its time slot {bad[0]!r} is missing from the file's TIME_ORDER"
                continue
            assert a.ts1 is not None and a.ts2 is not None
            unplaced = [ts for ts in (a.ts1, a.ts2) if ts not in times]
            if unplaced:
                why[a.id] = slot_why.get(unplaced[0], f"its time slot {unplaced[0]!r} has no "
                                                      "time value")
                continue
            spans[a.id] = (times[a.ts1], times[a.ts2])

    parts: dict[tuple[str, str], list[str]] = {}
    for tier in doc.tiers.values():
        if doc.constraint(tier) != "Symbolic_Subdivision":
            continue
        groups: dict[str, list[EafAnnotation]] = {}
        for a in tier.annotations:
            if a.ref is not None:
                groups.setdefault(a.ref, []).append(a)
        for ref, anns in groups.items():
            parts[(tier.id, ref)] = _ordered(anns)

    def place(ann_id: str, depth: int = 0) -> tuple[int, int] | None:
        if ann_id in spans:
            return spans[ann_id]
        if ann_id in why:
            return None
        found = by_id.get(ann_id)
        if found is None:
            return None
        ann, tier = found
        if ann.ref is None or depth > 100:
            why.setdefault(ann_id, "it cannot be placed in time")
            return None
        if ann.ref not in by_id:
            why[ann_id] = f"it refers to the annotation {ann.ref!r}, which is missing"
            return None
        parent = place(ann.ref, depth + 1)
        if parent is None:
            why[ann_id] = (f"its parent annotation {ann.ref!r} cannot be placed: "
                           f"{why.get(ann.ref, 'no time')}")
            return None
        start, end = parent
        order = parts.get((tier.id, ann.ref))
        if order is not None and ann_id in order:
            k, n = order.index(ann_id), len(order)
            span = (start + (end - start) * k // n, start + (end - start) * (k + 1) // n)
        else:
            span = parent
        spans[ann_id] = span
        return span

    for ann_id in by_id:
        place(ann_id)
    return spans, why


def _ordered(anns: list[EafAnnotation]) -> list[str]:
    """Sibling subdivisions in PREVIOUS_ANNOTATION order (file order where that is broken)."""
    ids = {a.id for a in anns}
    after: dict[str | None, list[str]] = {}
    for a in anns:
        prev = a.previous if a.previous in ids else None
        after.setdefault(prev, []).append(a.id)
    order: list[str] = []
    todo = list(after.get(None, []))
    while todo:
        current = todo.pop(0)
        if current in order:
            continue
        order.append(current)
        todo = after.get(current, []) + todo
    order += [a.id for a in anns if a.id not in order]
    return order


def read_eaf(path: Path) -> EafDocument:
    """Parse an .eaf file, keeping line numbers; raise RowsRejected if it is not one."""
    source = path.name
    doc = EafDocument({}, {}, {})
    stack: list[str] = []
    text: list[str] = []
    tier: EafTier | None = None
    ann: EafAnnotation | None = None
    prop: str | None = None
    cv: ControlledVocabulary | None = None
    entry: CvEntry | None = None
    lang: str = ""
    parser = xml.parsers.expat.ParserCreate()
    problems: list[RowProblem] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal tier, ann, prop, cv, entry, lang
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
            tier = EafTier(attrs.get("TIER_ID", ""), line, attrs.get("PARENT_REF"),
                           attrs.get("LINGUISTIC_TYPE_REF", ""), attrs.get("PARTICIPANT", ""),
                           attrs.get("ANNOTATOR", ""))
            doc.tiers[tier.id] = tier
        elif name in ("ALIGNABLE_ANNOTATION", "REF_ANNOTATION"):
            ann = EafAnnotation(line, attrs.get("ANNOTATION_ID", ""), "",
                                attrs.get("TIME_SLOT_REF1"), attrs.get("TIME_SLOT_REF2"),
                                attrs.get("ANNOTATION_REF"), attrs.get("PREVIOUS_ANNOTATION"),
                                attrs.get("CVE_REF"))
            if name == "REF_ANNOTATION" and ann.ref is None:
                ann.ref = ""
            if tier is not None:
                tier.annotations.append(ann)
        elif name == "PROPERTY":
            prop = attrs.get("NAME")
        elif name == "LINGUISTIC_TYPE":
            lt = LinguisticType(attrs.get("LINGUISTIC_TYPE_ID", ""), attrs.get("CONSTRAINTS"),
                                attrs.get("CONTROLLED_VOCABULARY_REF"))
            doc.types[lt.id] = lt
        elif name == "LANGUAGE":
            doc.languages.append(attrs.get("LANG_ID", ""))
        elif name == "CONTROLLED_VOCABULARY":
            cv = ControlledVocabulary(attrs.get("CV_ID", ""), line)
            doc.cvs[cv.id] = cv
        elif name in ("CV_ENTRY_ML", "CV_ENTRY") and cv is not None:
            entry = CvEntry(attrs.get("CVE_ID"))
            if name == "CV_ENTRY" and attrs.get("DESCRIPTION"):
                entry.descriptions[""] = attrs["DESCRIPTION"]
            cv.entries.append(entry)
        elif name == "CVE_VALUE" and entry is not None:
            lang = attrs.get("LANG_REF", "")
            if attrs.get("DESCRIPTION"):
                entry.descriptions[lang] = attrs["DESCRIPTION"]
        text.clear()

    def end(name: str) -> None:
        nonlocal tier, ann, prop, cv, entry
        stack.pop()
        value = "".join(text)
        if name == "ANNOTATION_VALUE" and ann is not None:
            ann.value = value
        elif name == "PROPERTY" and prop is not None:
            doc.properties[prop] = value.strip()
        elif name == "CVE_VALUE" and entry is not None:
            entry.values[lang] = value.strip()
        elif name == "CV_ENTRY" and entry is not None:
            entry.values[""] = value.strip()
            entry = None
        elif name == "CV_ENTRY_ML":
            entry = None
        elif name == "CONTROLLED_VOCABULARY":
            cv = None
        elif name == "TIER":
            tier = None
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
