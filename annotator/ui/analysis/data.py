"""The Analysis window's work, run on a worker thread (each call opens its own study
connection): the catalog for the filters, the analysis itself, the figures as PNG."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from annotator.core.analysis.results import Results
from annotator.exchange.analysis.meta import ReportMeta
from annotator.exchange.analysis.reader import Selection
from annotator.store import Study
from annotator.ui.analysis.table_model import TextTable, text_table
from annotator.ui.i18n import translate
from annotator.ui.workers import TaskContext

#: Figures in the window are drawn at screen resolution (the exports use 300 dpi).
SCREEN_DPI = 96

STEPS = {
    "reading segments": str(QT_TRANSLATE_NOOP("AnalysisSteps", "reading segments")),
    "reading": str(QT_TRANSLATE_NOOP("AnalysisSteps", "reading")),
    "read": str(QT_TRANSLATE_NOOP("AnalysisSteps", "read")),
    "coverage": str(QT_TRANSLATE_NOOP("AnalysisSteps", "coverage")),
    "time budget": str(QT_TRANSLATE_NOOP("AnalysisSteps", "time budget")),
    "co-occurrence": str(QT_TRANSLATE_NOOP("AnalysisSteps", "co-occurrence")),
    "sequences": str(QT_TRANSLATE_NOOP("AnalysisSteps", "sequences")),
    "trends": str(QT_TRANSLATE_NOOP("AnalysisSteps", "trends")),
    "done": str(QT_TRANSLATE_NOOP("AnalysisSteps", "done")),
}
"""The progress steps the analysis reports (core and exchange, in English), as shown."""


def step_text(text: str) -> str:
    return translate("AnalysisSteps", STEPS[text]) if text in STEPS else text


@dataclass(frozen=True)
class Catalog:
    coders: list[str]
    cases: list[str]
    numbers: list[int]
    languages: list[str]
    has_consensus: bool


@dataclass(frozen=True)
class Choices:
    """What the filter panel asks for; ``--by``, ``--sequences``, ``--min-expected``."""

    selection: Selection
    by: str = "session"
    sequence_scope: str = "category"
    min_expected: float = 5.0


@dataclass
class Computed:
    results: Results
    meta: ReportMeta
    choices: Choices
    texts: dict[str, TextTable] = field(default_factory=dict)


def load_catalog(target: str) -> Catalog:
    study = Study.open(target)
    try:
        sessions = study.sessions()
        return Catalog(
            coders=sorted(c.id for c in study.coders()),
            cases=sorted({s.case for s in sessions}),
            numbers=sorted({s.number for s in sessions}),
            languages=list(study.codebook.languages) or ["en"],
            has_consensus=any(a.purpose == "consensus" for a in study.assignments()),
        )
    finally:
        study.close()


def compute(target: str, choices: Choices, ctx: TaskContext | None = None) -> Computed:
    from annotator.exchange.analysis.run import analyse

    def progress(f: float, text: str) -> None:
        if ctx is not None:
            ctx.check()
            ctx.progress(f, step_text(text))

    study = Study.open(target)
    try:
        res, meta = analyse(study, target, choices.selection, by=choices.by,
                            sequence_scope=choices.sequence_scope,
                            min_expected=choices.min_expected, progress=progress)
    finally:
        study.close()
    from annotator.core.analysis.results import TABLES

    return Computed(res, meta, choices, {name: text_table(res.table(name)) for name in TABLES})


def figure_pngs(res: Results, ctx: TaskContext | None = None) -> dict[str, bytes]:
    from annotator.exchange.analysis.figures import figures, png_bytes

    figs = figures(res)
    out: dict[str, bytes] = {}
    for i, (name, fig) in enumerate(figs.items()):
        if ctx is not None:
            ctx.check()
            ctx.progress(i / max(1, len(figs)),
                         translate("AnalysisData", "drawing {figure}").format(figure=name))
        out[name] = png_bytes(fig, SCREEN_DPI)
    return out


def export(comp: Computed, fmt: str, path: Path, ctx: TaskContext | None = None,
           ) -> list[Path]:
    """Write what the CLI would write for the same choices (``figures``: a folder of PNGs)."""
    from annotator.exchange.analysis.run import write, write_figures

    if ctx is not None:
        ctx.progress(0.1, translate("AnalysisData", "writing {file}").format(file=path.name))
    if fmt == "figures":
        return write_figures(comp.results, path)
    return write(comp.results, comp.meta, fmt, path)


def cli_line(study_label: str, choices: Choices, fmt: str, out: str) -> str:
    """The `annotator summary` command that writes the same file (shown in the window)."""
    sel = choices.selection
    parts: list[Any] = ["annotator", "summary", study_label]
    if sel.coding == "consensus-first":
        parts.append("--consensus-first")
    elif sel.coding != "primary":
        parts += ["--coder", sel.coding]
    if sel.cases:
        parts += ["--cases", *sel.cases]
    if sel.sessions:
        parts += ["--sessions", *sel.sessions]
    if choices.by != "session":
        parts += ["--by", choices.by]
    if choices.sequence_scope != "category":
        parts += ["--sequences", choices.sequence_scope]
    if choices.min_expected != 5.0:
        parts += ["--min-expected", f"{choices.min_expected:g}"]
    if sel.lang:
        parts += ["--lang", sel.lang]
    parts += ["--format", fmt, "-o", out]
    return " ".join(str(p) for p in parts)
