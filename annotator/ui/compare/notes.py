"""The notes beside the comparison's tables: undefined measures, warnings, definitions."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from annotator.core.codebook import Codebook
from annotator.exchange.report.common import undefined_notes

MEASURES = ("kappa", "alpha", "pabak", "kappa_max", "icc_seconds", "icc_counts")
SHOWN = ("units", "empty_value", "category_kappa", "code_kappa", "alpha", "events",
         "point_codes", "bootstrap", "bands", "icc", "multi_coder", "sessions", "segments")


def notes_html(report: Mapping[str, Any], categories: Sequence[Mapping[str, Any]],
               codebook: Codebook, lang: str = "en") -> str:
    """Short HTML: what could not be computed and why, warnings, then the definitions."""
    items: list[tuple[str, Mapping[str, Any]]] = []
    for cat in categories:
        items.append((codebook.category(cat["id"]).label_in(lang), cat))
        items += [(codebook.code(cd["id"]).label_in(lang), cd) for cd in cat["codes"]]
    parts: list[str] = []
    undefined = undefined_notes(items, MEASURES)
    problems = [*(report.get("warnings") or []),
                *(f"{e['case']}:{e['session']} left out: {e['reason']}"
                  for e in report.get("excluded_sessions") or [])]
    if problems:
        parts.append("<b>Warnings</b><ul>" + "".join(
            f"<li>{html.escape(str(p))}</li>" for p in problems) + "</ul>")
    if undefined:
        parts.append("<b>Undefined measures</b><ul>" + "".join(
            f"<li>{html.escape(u)}</li>" for u in undefined) + "</ul>")
    defs = report.get("definitions") or {}
    parts.append("<b>Definitions</b>" + "".join(
        f"<p><i>{html.escape(k.replace('_', ' '))}</i>: {html.escape(str(defs[k]))}</p>"
        for k in SHOWN if k in defs))
    return "".join(parts)
