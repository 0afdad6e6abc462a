"""The notes beside the comparison's tables: undefined measures, warnings, definitions.

The headings and the measures' names are the interface's; the reasons, warnings and
definitions come from the report (core), in English.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from annotator.core.codebook import Codebook
from annotator.ui.i18n import translate

MEASURES = {
    "kappa": str(QT_TRANSLATE_NOOP("CompareNotes", "kappa")),
    "alpha": str(QT_TRANSLATE_NOOP("CompareNotes", "alpha")),
    "pabak": str(QT_TRANSLATE_NOOP("CompareNotes", "pabak")),
    "kappa_max": str(QT_TRANSLATE_NOOP("CompareNotes", "kappa_max")),
    "icc_seconds": str(QT_TRANSLATE_NOOP("CompareNotes", "icc_seconds")),
    "icc_counts": str(QT_TRANSLATE_NOOP("CompareNotes", "icc_counts")),
}
"""The measures that may be undefined, and their names in the notes."""

SHOWN = {
    "units": str(QT_TRANSLATE_NOOP("CompareNotes", "units")),
    "empty_value": str(QT_TRANSLATE_NOOP("CompareNotes", "empty value")),
    "category_kappa": str(QT_TRANSLATE_NOOP("CompareNotes", "category kappa")),
    "code_kappa": str(QT_TRANSLATE_NOOP("CompareNotes", "code kappa")),
    "alpha": str(QT_TRANSLATE_NOOP("CompareNotes", "alpha")),
    "events": str(QT_TRANSLATE_NOOP("CompareNotes", "events")),
    "point_codes": str(QT_TRANSLATE_NOOP("CompareNotes", "point codes")),
    "bootstrap": str(QT_TRANSLATE_NOOP("CompareNotes", "bootstrap")),
    "bands": str(QT_TRANSLATE_NOOP("CompareNotes", "bands")),
    "icc": str(QT_TRANSLATE_NOOP("CompareNotes", "icc")),
    "multi_coder": str(QT_TRANSLATE_NOOP("CompareNotes", "multi coder")),
    "sessions": str(QT_TRANSLATE_NOOP("CompareNotes", "sessions")),
    "segments": str(QT_TRANSLATE_NOOP("CompareNotes", "segments")),
}
"""The report's definitions shown, in this order, with their names."""


def undefined_lines(items: Sequence[tuple[str, Mapping[str, Any]]]) -> list[str]:
    """'<measure> for a, b: reason' lines, grouped by identical reason."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for name, d in items:
        for m in MEASURES:
            reason = d.get(f"{m}_reason")
            if d.get(m) is None and reason:
                grouped.setdefault((m, str(reason)), []).append(name)
    return [translate("CompareNotes", "{measure} for {names}: {reason}").format(
                measure=translate("CompareNotes", MEASURES[m]), names=", ".join(names),
                reason=reason)
            for (m, reason), names in grouped.items()]


def notes_html(report: Mapping[str, Any], categories: Sequence[Mapping[str, Any]],
               codebook: Codebook, lang: str = "en") -> str:
    """Short HTML: what could not be computed and why, warnings, then the definitions."""
    items: list[tuple[str, Mapping[str, Any]]] = []
    for cat in categories:
        items.append((codebook.category(cat["id"]).label_in(lang), cat))
        items += [(codebook.code(cd["id"]).label_in(lang), cd) for cd in cat["codes"]]
    parts: list[str] = []
    undefined = undefined_lines(items)
    left_out = translate("CompareNotes", "{case}:{session} left out: {reason}")
    problems = [*(report.get("warnings") or []),
                *(left_out.format(case=e["case"], session=e["session"], reason=e["reason"])
                  for e in report.get("excluded_sessions") or [])]
    if problems:
        parts.append("<b>" + html.escape(translate("CompareNotes", "Warnings")) + "</b><ul>"
                     + "".join(f"<li>{html.escape(str(p))}</li>" for p in problems) + "</ul>")
    if undefined:
        parts.append("<b>" + html.escape(translate("CompareNotes", "Undefined measures"))
                     + "</b><ul>" + "".join(f"<li>{html.escape(u)}</li>" for u in undefined)
                     + "</ul>")
    defs = report.get("definitions") or {}
    parts.append("<b>" + html.escape(translate("CompareNotes", "Definitions")) + "</b>" + "".join(
        f"<p><i>{html.escape(translate('CompareNotes', name))}</i>: "
        f"{html.escape(str(defs[k]))}</p>"
        for k, name in SHOWN.items() if k in defs))
    return "".join(parts)
