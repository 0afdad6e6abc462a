"""What the Analysis window says about a computation, in the interface's language: the line
above the tables (which coding counts, the selection, the grouping, the codebook) and the
notes under the filters (durations inferred or unknown, sessions without a coding).

The reports the exports write say the same in English
(:meth:`annotator.exchange.analysis.meta.ReportMeta.lines`); the notes the reader adds
(``meta.notes``) come from there, in English.
"""

from __future__ import annotations

from annotator.exchange.analysis.reader import CONSENSUS_FIRST, PRIMARY
from annotator.ui.analysis.data import Computed
from annotator.ui.i18n import translate


def counted_text(coding: str) -> str:
    if coding == PRIMARY:
        return translate("AnalysisHeader", "the primary coding of each session")
    if coding == CONSENSUS_FIRST:
        return translate("AnalysisHeader", "each session's consensus coding where it has one, "
                                           "else its primary coding")
    return translate("AnalysisHeader", "coder {coder}'s coding of each session (primary, else "
                                       "reliability)").format(coder=coding)


def grouping_text(by: str) -> str:
    if by == "case":
        return translate("AnalysisHeader", "per case (sessions pooled)")
    if by == "coder":
        return translate("AnalysisHeader", "per coder (sessions pooled)")
    if by == "all":
        return translate("AnalysisHeader", "the whole selection pooled")
    return translate("AnalysisHeader", "per session and coder")


def selection_text(comp: Computed) -> str:
    sel = comp.choices.selection
    filters = []
    if sel.cases:
        filters.append(translate("AnalysisHeader", "cases {cases}").format(
            cases=", ".join(sel.cases)))
    if sel.sessions:
        filters.append(translate("AnalysisHeader", "sessions {sessions}").format(
            sessions=", ".join(sel.sessions)))
    units = comp.results.data.units
    sessions = {(u.case, u.session) for u in units}
    return translate(
        "AnalysisHeader", "{filters}: {sessions} session(s) of {cases} case(s), {codings} "
        "coding(s)").format(
            filters="; ".join(filters) or translate("AnalysisHeader", "all sessions"),
            sessions=len(sessions), cases=len({c for c, _ in sessions}),
            codings=sum(1 for u in units if u.purpose != "none"))


def header_text(comp: Computed) -> str:
    """The line above the tables."""
    return translate(
        "AnalysisHeader", "Counted: {counted} · {selection} · rows {grouping} · {codebook}").format(
            counted=counted_text(comp.choices.selection.coding), selection=selection_text(comp),
            grouping=grouping_text(comp.results.by), codebook=comp.meta.codebook)


def note_lines(comp: Computed) -> list[str]:
    """The notes under the filters (none: nothing to say)."""
    meta = comp.meta
    out = []
    if meta.inferred_durations:
        out.append(translate(
            "AnalysisHeader", "Durations: no media and no explicit duration, so the latest "
            "segment end (any coder) is used for: {sessions}").format(
                sessions=", ".join(meta.inferred_durations)))
    if meta.unknown_durations:
        out.append(translate(
            "AnalysisHeader", "No duration: no media, no explicit duration and no segment, so "
            "% of session and rates are empty for: {sessions}").format(
                sessions=", ".join(meta.unknown_durations)))
    if meta.uncoded:
        out.append(translate(
            "AnalysisHeader", "Not coded: no coding that counts, shown with zeros (left out of "
            "trends): {sessions}").format(sessions=", ".join(meta.uncoded)))
    out += [translate("AnalysisHeader", "Note: {note}").format(note=n) for n in meta.notes]
    return out
