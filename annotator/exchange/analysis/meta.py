"""What a report says about itself: which coding counts, filters, durations, notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.analysis.results import Results


@dataclass
class ReportMeta:
    study: str
    codebook: str
    counted: str
    filters: str
    lang: str
    notes: list[str] = field(default_factory=list)
    inferred_durations: list[str] = field(default_factory=list)
    unknown_durations: list[str] = field(default_factory=list)
    uncoded: list[str] = field(default_factory=list)

    def lines(self, results: Results) -> list[tuple[str, str]]:
        """``(what, text)`` pairs for the header of every report."""
        units = results.data.units
        coded = [u for u in units if u.purpose != "none"]
        sessions = sorted({(u.case, u.session) for u in units})
        out = [
            ("Study", self.study),
            ("Codebook", self.codebook),
            ("Coding that counts", self.counted),
            ("Selection", f"{self.filters}: {len(sessions)} session(s) of "
                          f"{len({c for c, _ in sessions})} case(s), {len(coded)} coding(s)"),
            ("Grouping", {"session": "per session and coder", "case": "per case (sessions "
                          "pooled)", "coder": "per coder (sessions pooled)",
                          "all": "the whole selection pooled"}[results.by]),
            ("Labels", f"codebook language {self.lang}"),
        ]
        if self.inferred_durations:
            out.append(("Durations", "no media and no explicit duration, so the latest "
                        "segment end (any coder) is used for: "
                        + ", ".join(self.inferred_durations)))
        if self.unknown_durations:
            out.append(("No duration", "no media, no explicit duration and no segment, so "
                        "% of session and rates are empty for: "
                        + ", ".join(self.unknown_durations)))
        if self.uncoded:
            out.append(("Not coded", "no coding that counts, shown with zeros (left out of "
                        "trends): " + ", ".join(self.uncoded)))
        for n in self.notes:
            out.append(("Note", n))
        return out
