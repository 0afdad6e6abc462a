"""One entry point for the CLI and the Analysis window: read, compute, write."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.analysis.results import Results, compute
from annotator.exchange.analysis.meta import ReportMeta
from annotator.exchange.analysis.reader import Selection, load

if TYPE_CHECKING:
    from annotator.store.reader import StudyReader

Progress = Callable[[float, str], None]
FORMATS = ("csv", "xlsx", "sav", "html", "pdf")


def study_label(target: str) -> str:
    """The study's name in a report: the file name or the URL without its password (never a
    folder path)."""
    if "://" not in target:  # store.engine.is_url, without loading SQLAlchemy for a file
        return Path(target).name
    from annotator.store.engine import describe_target

    return describe_target(target)


def analyse(study: StudyReader, target: str, sel: Selection, *, by: str = "session",
            sequence_scope: str = "category", min_expected: float = 5.0,
            progress: Progress | None = None) -> tuple[Results, ReportMeta]:
    report = progress or (lambda f, t: None)
    loaded = load(study, sel, lambda f, t: report(0.6 * f, t))
    res = compute(loaded.data, by=by, sequence_scope=sequence_scope, min_expected=min_expected,
                  progress=lambda f, t: report(0.6 + 0.4 * f, t))
    filters = []
    if sel.cases:
        filters.append("cases " + ", ".join(sel.cases))
    if sel.sessions:
        filters.append("sessions " + ", ".join(sel.sessions))
    cb = loaded.codebook
    meta = ReportMeta(
        study=study_label(target), codebook=f"{cb.name} {cb.version}",
        counted=sel.describe(), filters="; ".join(filters) or "all sessions",
        lang=loaded.lang, notes=loaded.notes, inferred_durations=loaded.inferred_durations,
        unknown_durations=loaded.unknown_durations, uncoded=loaded.uncoded)
    return res, meta


def render_html(res: Results, meta: ReportMeta, *, with_figures: bool = True) -> str:
    from annotator.exchange.analysis.figures import figures, svg_text
    from annotator.exchange.analysis.html_report import report_html

    svgs = {name: svg_text(fig) for name, fig in figures(res).items()} if with_figures else {}
    return report_html(res, meta, svgs)


def write_figures(res: Results, folder: Path) -> list[Path]:
    """Every figure as a 300-dpi PNG in ``folder`` (written atomically)."""
    from annotator.exchange.analysis.figures import figures, png_bytes
    from annotator.exchange.atomic import atomic_path

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, fig in figures(res).items():
        path = folder / f"{name}.png"
        with atomic_path(path) as tmp:
            tmp.write_bytes(png_bytes(fig))
        out.append(path)
    return out


def write(res: Results, meta: ReportMeta, fmt: str, path: Path, *, what: str | None = None,
          with_figures: bool = True, raw: bool = False) -> list[Path]:
    """Write ``fmt`` to ``path``; returns the files written. ``raw``: CSV and XLSX text cells
    as they are, without the ``'`` before a formula character."""
    from annotator.exchange.analysis import tables_out
    from annotator.exchange.atomic import atomic_text

    if fmt == "csv":
        with atomic_text(path) as fh:
            fh.write(tables_out.csv_text(res.table(what or "budget"), raw=raw))
        return [path]
    if fmt == "xlsx":
        tables_out.write_xlsx(res, meta, path, raw=raw)
        return [path]
    if fmt == "sav":
        return tables_out.write_sav(res, path, what)
    html = render_html(res, meta, with_figures=with_figures)
    if fmt == "html":
        with atomic_text(path) as fh:
            fh.write(html)
        return [path]
    from annotator.exchange.pdf import write_pdf

    write_pdf(html, path)
    return [path]
