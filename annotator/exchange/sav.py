"""SPSS .sav: the timeline rows with variable labels and value labels from the codebook.

Variables, in order: ``case session coder category code start_s end_s note duration_s
start_tc end_tc category_id code_id codebook_version purpose modifiers``. ``category`` and ``code``
are numeric, nominal, with the codebook labels as value labels (numbered in codebook order:
the current version's codes first, then codes only older versions have); ``category_id``
and ``code_id`` keep the stable string ids. ``end_s`` is system-missing for a point code.

Value labels are in the codebook language ``lang`` (a code without a label in that language
keeps its first label). Notes and modifiers (JSON text) are kept
as they are: SPSS does not evaluate cells, so nothing is neutralised. String variables are
as wide as their longest value (at least 1 byte), so no note is cut.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyreadstat

from annotator.exchange.atomic import atomic_path
from annotator.exchange.timeline_csv import timeline_records

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook
    from annotator.exchange.exporters import ExportOptions
    from annotator.store.reader import StudyReader

VARIABLES: dict[str, str] = {
    "case": "Case (pseudonymous id)",
    "session": "Session number",
    "coder": "Coder id",
    "category": "Code category",
    "code": "Code",
    "start_s": "Start (seconds from the start of the recording)",
    "end_s": "End (seconds; missing for a point code)",
    "note": "Coder's note",
    "duration_s": "Duration (seconds)",
    "start_tc": "Start (HH:MM:SS.mmm)",
    "end_tc": "End (HH:MM:SS.mmm)",
    "category_id": "Category id in the codebook",
    "code_id": "Code id in the codebook",
    "codebook_version": "Codebook version",
    "purpose": "Coding purpose (primary, reliability, consensus)",
    "modifiers": "Modifiers (JSON object)",
}
_LABEL_MAX = 120  # SPSS value labels are at most 120 bytes


def _short(text: str) -> str:
    raw = text.encode("utf-8")[:_LABEL_MAX]
    return raw.decode("utf-8", errors="ignore")


def value_labels(
    codebooks: dict[int, Codebook], current_id: int, lang: str = "en"
) -> tuple[dict[str, int], dict[str, int], dict[float, str], dict[float, str]]:
    """Numbers and labels for categories and codes, in codebook order."""
    order = [current_id, *sorted(i for i in codebooks if i != current_id)]
    cat_num: dict[str, int] = {}
    code_num: dict[str, int] = {}
    cat_labels: dict[float, str] = {}
    code_labels: dict[float, str] = {}
    for cb_id in order:
        for cat in codebooks[cb_id].categories:
            if cat.id not in cat_num:
                cat_num[cat.id] = len(cat_num) + 1
                cat_labels[float(cat_num[cat.id])] = _short(cat.label_in(lang))
            for code in cat.codes:
                if code.id not in code_num:
                    code_num[code.id] = len(code_num) + 1
                    code_labels[float(code_num[code.id])] = _short(code.label_in(lang))
    return cat_num, code_num, cat_labels, code_labels


def export_sav(study: StudyReader, path: Path, opts: ExportOptions) -> int:
    """Write the .sav file atomically; returns the number of segment rows."""
    from annotator.exchange.exporters import codebooks_of, session_ids

    codebooks = codebooks_of(study)
    cat_num, code_num, cat_labels, code_labels = value_labels(
        codebooks, study.current_codebook_id, opts.lang)
    records: list[dict[str, Any]] = []
    for (case, session, coder, category, code, start, end, note, duration, start_tc, end_tc,
         _cat_label, _code_label, version, purpose, modifiers) in timeline_records(
            study.segment_rows(coder=opts.coder, case=opts.case,
                               session_ids=session_ids(study, opts)), codebooks, opts.lang):
        records.append({
            "case": case, "session": float(session), "coder": coder,
            "category": float(cat_num[category]) if category in cat_num else math.nan,
            "code": float(code_num[code]) if code in code_num else math.nan,
            "start_s": float(start), "end_s": float(end) if end else math.nan, "note": note,
            "duration_s": float(duration), "start_tc": start_tc, "end_tc": end_tc,
            "category_id": category, "code_id": code, "codebook_version": version,
            "purpose": purpose, "modifiers": modifiers,
        })
    frame = pd.DataFrame.from_records(records, columns=list(VARIABLES))
    for col in ("session", "category", "code", "start_s", "end_s", "duration_s"):
        frame[col] = frame[col].astype("float64")
    with atomic_path(Path(path)) as tmp:
        pyreadstat.write_sav(
            frame, str(tmp), column_labels=dict(VARIABLES),
            variable_value_labels={"category": cat_labels, "code": code_labels},
            variable_measure={"case": "nominal", "session": "ordinal", "coder": "nominal",
                              "category": "nominal", "code": "nominal", "start_s": "scale",
                              "end_s": "scale", "duration_s": "scale", "purpose": "nominal"},
            variable_format={"start_s": "F10.3", "end_s": "F10.3", "duration_s": "F10.3",
                             "session": "F4.0", "category": "F4.0", "code": "F4.0"},
        )
    return len(records)
