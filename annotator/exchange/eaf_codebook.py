"""A codebook built from an ELAN file (``annotator codebook from-eaf``).

One category per linguistic type (``by="type"``, the default; tiers of one type share a
category) or per tier (``by="tier"``). A category's codes are the entries of the type's
controlled vocabulary when it has one (plus any values its tiers hold outside the
vocabulary, which ELAN files do have; the notes list them), else the distinct values on its
tiers in the order they first appear (values that differ only in case or blanks are one
code). Groups with more than ``max_codes`` distinct values and no vocabulary hold free
text (transcriptions, translations) and are left out, as are groups with no values at all;
the notes say which.

Ids are derived from the values: lower-case ASCII letters, digits and ``_`` (``Head_butt``
becomes ``head_butt``, ``part.retraction`` becomes ``part_retraction``). Code ids are unique
across the codebook, so a value that two categories share gets its category's id in front
in the second one (``yes`` and ``understood_yes``); both keep the value as their label, and
import matches each within its own category. Labels are the values (per language for
multilingual vocabularies), definitions the vocabulary's descriptions. Keys go to the first
codes in turn (``1``..``0``, then free letters), colours from the palette. Categories are
non-exclusive (tiers of one type often code two speakers at once); edit the file to change
that, or anything else, before starting a study with it.
"""

from __future__ import annotations

import re
import shlex
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from annotator.core.codebook_yaml import PALETTE, RESERVED_KEYS, parse_codebook
from annotator.exchange.code_match import norm
from annotator.exchange.eaf_read import EafDocument, EafTier

_KEYS = [k for k in [*"1234567890", *"abcdefgiopqrtuvwxyz", *(f"F{i}" for i in range(1, 13))]
         if k.lower() not in RESERVED_KEYS]
_SIMPLE_ID = re.compile(r"^[A-Za-z0-9_.-]+$")


_TRANSLIT = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe",
                           "Œ": "OE", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i"})


def slug(text: str, fallback: str) -> str:
    """An id (``[a-z][a-z0-9_]*``, at most 40 characters) derived from ``text``."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLIT)).encode(
        "ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[:40].strip("_")
    if not out:
        return fallback
    return out if out[0].isalpha() else f"v_{out}"[:40]


@dataclass
class _Code:
    labels: dict[str, str]
    definition: dict[str, str] = field(default_factory=dict)


@dataclass
class EafCodebook:
    """The codebook text, which tiers went to which category, and what was left out."""

    text: str
    tier_categories: dict[str, str]
    notes: list[str]

    def map_options(self, doc: EafDocument) -> list[str]:
        """``--map`` options that import the file's tiers into this codebook."""
        out = []
        for tier_id, cat in self.tier_categories.items():
            tier = doc.tiers[tier_id]
            if not tier.annotations:
                continue
            coder = next((c for c in (tier.annotator, tier.participant)
                          if c and len(c) <= 20 and _SIMPLE_ID.match(c)), "CODER")
            out.append(f"--map {shlex.quote(f'{tier_id}={coder}:{cat}')}")
        return out


def _cv_codes(doc: EafDocument, tier: EafTier, langs: list[str]) -> list[_Code] | None:
    cv = doc.cv_of(tier)
    if cv is None or not cv.entries:
        return None
    codes = []
    for entry in cv.entries:
        first = next((v for v in entry.values.values() if v), "")
        if not first:
            continue
        labels = {lang: entry.values.get(lang) or first for lang in langs}
        first_desc = next((d for d in entry.descriptions.values() if d), "")
        definition = ({lang: entry.descriptions.get(lang) or first_desc for lang in langs}
                      if first_desc else {})
        codes.append(_Code(labels, definition))
    return codes


def codebook_from_eaf(
    doc: EafDocument, *, name: str, by: str = "type", max_codes: int = 60,
) -> EafCodebook:
    """Build (and validate) a codebook from the file's vocabularies or values."""
    if by not in ("type", "tier"):
        raise ValueError(f"by must be 'type' or 'tier', not {by!r}")
    ml_langs: list[str] = []
    for cv in doc.cvs.values():
        for cve in cv.entries:
            for lang in cve.values:
                if lang and lang not in ml_langs:
                    ml_langs.append(lang)
    langs = ml_langs or ["en"]
    groups: dict[str, list[EafTier]] = {}
    for tier in doc.tiers.values():
        key = tier.type_ref if by == "type" else tier.id
        groups.setdefault(key, []).append(tier)
    notes: list[str] = []
    categories: list[dict[str, Any]] = []
    tier_categories: dict[str, str] = {}
    cat_ids: set[str] = set()
    code_ids: set[str] = set()
    n_codes = 0
    for group, tiers in groups.items():
        names = ", ".join(repr(t.id) for t in tiers)
        seen: dict[str, str] = {}
        for t in tiers:
            for a in t.annotations:
                value = " ".join(a.value.split())
                if value and norm(value) not in seen:
                    seen[norm(value)] = value
        codes = _cv_codes(doc, tiers[0], langs)
        if codes is not None:
            known = {norm(v) for c in codes for v in c.labels.values()}
            extra = [v for k, v in seen.items() if k not in known]
            if extra:
                notes.append(f"{by} {group!r}: values outside its controlled vocabulary "
                             f"became codes too: {', '.join(map(repr, extra))}")
                codes += [_Code({lang: v for lang in langs}) for v in extra]
        else:
            if not seen:
                notes.append(f"left out {by} {group!r} (tiers {names}): no values")
                continue
            if len(seen) > max_codes:
                notes.append(f"left out {by} {group!r} (tiers {names}): {len(seen)} distinct "
                             f"values look like free text (more than {max_codes}; raise "
                             "--max-codes to keep them)")
                continue
            codes = [_Code({lang: v for lang in langs}) for v in seen.values()]
        cat_id = slug(group, "category")
        base, k = cat_id, 2
        while cat_id in cat_ids:
            cat_id, k = f"{base}_{k}", k + 1
        cat_ids.add(cat_id)
        entries: list[dict[str, Any]] = []
        for code in codes:
            first = next(iter(code.labels.values()))
            cid = slug(first, f"{cat_id}_code")
            if cid in code_ids:
                cid = f"{cat_id}_{cid}"[:40]
            base, k = cid, 2
            while cid in code_ids:
                cid, k = f"{base}_{k}", k + 1
            code_ids.add(cid)
            entry: dict[str, Any] = {"id": cid, "label": dict(code.labels)}
            if n_codes < len(_KEYS):
                entry["key"] = _KEYS[n_codes]
            entry["color"] = PALETTE[n_codes % len(PALETTE)]
            entry["kind"] = "state"
            if code.definition:
                entry["definition"] = dict(code.definition)
            entries.append(entry)
            n_codes += 1
        categories.append({"id": cat_id, "label": {lang: group for lang in langs},
                           "exclusive": False, "codes": entries})
        for t in tiers:
            tier_categories[t.id] = cat_id
    if not categories:
        raise ValueError("the file has no tier with values or a controlled vocabulary to "
                         "build a codebook from")
    body = {"name": name, "version": "1", "language": langs, "categories": categories}
    text = yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)
    parse_codebook(text, "<from-eaf>")  # what we write must be a valid codebook
    return EafCodebook(text, tier_categories, notes)
