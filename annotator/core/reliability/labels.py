"""The codebook's labels in the report, in one of its languages (ids stay the keys)."""

from __future__ import annotations

from typing import Any

from ..codebook import Codebook
from .errors import ReliabilityInputError
from .tables import EMPTY


def report_language(codebook: Codebook, lang: str | None) -> str:
    """``lang``, checked against the codebook; default: the codebook's first language."""
    langs = tuple(codebook.languages) or ("en",)
    if lang is None:
        return langs[0]
    if lang not in langs:
        raise ReliabilityInputError(
            f"the codebook {codebook.name!r} has no labels in {lang!r} "
            f"(its languages: {', '.join(langs)}); choose one of those")
    return lang


def add_labels(report: dict[str, Any], codebook: Codebook, lang: str) -> None:
    """Put ``label`` on every category and code and ``label_names`` on every confusion matrix,
    in the main analysis and in each pair."""
    cats = {c.id: c for c in codebook.categories}
    codes = {c.id: c for c in codebook.codes}

    def names(ids: list[str]) -> list[str]:
        return [EMPTY if i == EMPTY else codes[i].label_in(lang) if i in codes else i
                for i in ids]

    for section in [report, *report.get("pairs", [])]:
        for cat in section["categories"]:
            cat["label"] = cats[cat["id"]].label_in(lang)
            for key in ("confusion",):
                conf = cat.get(key)
                if isinstance(conf, dict):
                    conf["label_names"] = names(list(conf["labels"]))
            ev = cat.get("events")
            if isinstance(ev, dict) and isinstance(ev.get("confusion"), dict):
                ev["confusion"]["label_names"] = names(list(ev["confusion"]["labels"]))
            if "pooled_codes" in cat:
                cat["pooled_code_labels"] = names(list(cat["pooled_codes"]))
            for cd in cat["codes"]:
                cd["label"] = codes[cd["id"]].label_in(lang)
