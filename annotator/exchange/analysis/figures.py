"""The analysis figures, drawn with matplotlib (object API and the Agg/SVG canvases only: no
pyplot, no GUI backend), labelled in the codebook language and coloured from the codebook.

:func:`figures` returns them by name: ``budget``, ``cooccurrence``, ``sequences-<scope>``,
``trends-percent``, ``trends-rate``, ``case-session``. :func:`svg_text` gives the inline SVG
of the HTML report (vectors in the PDF), :func:`png_bytes` the 300-dpi PNG of ``--figures``.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Callable
from typing import Any

import numpy as np

from annotator.core.analysis.budget import time_budget
from annotator.core.analysis.cooccurrence import overlap_matrix
from annotator.core.analysis.results import Results
from annotator.core.analysis.trends import case_session_matrix

PNG_DPI = 300
_RC: Any = {"font.family": "DejaVu Sans", "font.size": 8, "axes.titlesize": 8.5,
       "axes.labelsize": 8, "xtick.labelsize": 7, "ytick.labelsize": 7,
       "legend.fontsize": 7, "svg.fonttype": "none", "axes.spines.top": False,
       "axes.spines.right": False}

Figure = Any


def _new(width_in: float, height_in: float, *, constrained: bool = True) -> Figure:
    """A figure; small multiples use fixed margins (:func:`_margins`), which draws in half
    the time of the constrained layout."""
    from matplotlib.figure import Figure as MplFigure

    return MplFigure(figsize=(width_in, height_in),
                     layout="constrained" if constrained else None)


def _margins(fig: Figure, *, left: float, right: float, top: float, bottom: float,
             hspace: float, wspace: float) -> None:
    """Margins in inches."""
    w, h = fig.get_size_inches()
    fig.subplots_adjust(left=left / w, right=1 - right / w, top=1 - top / h,
                        bottom=bottom / h, hspace=hspace, wspace=wspace)


def _wrap(label: str, width: int = 28) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _text_width(labels: list[str], size_pt: float = 7.0) -> float:
    """About how wide (inches) the longest line of ``labels`` is in DejaVu Sans."""
    longest = max((len(line) for lb in labels for line in lb.split("\n")), default=1)
    return longest * size_pt * 0.0072 + 0.1


def _square(n: int, labels: list[str]) -> Figure:
    """A figure for an n x n heatmap with row and column labels and a colour bar, with fixed
    margins (the constrained layout doubles the drawing time)."""
    side = _text_width(labels)
    cell = 0.5
    width = side + 0.35 + cell * n + 1.35
    height = 0.45 + cell * 0.84 * n + side * 0.6 + 0.65
    fig = _new(width, height, constrained=False)
    _margins(fig, left=side + 0.35, right=0.2, top=0.4, bottom=side * 0.6 + 0.65,
             hspace=0.0, wspace=0.0)
    return fig


def _budget(res: Results) -> Figure | None:
    d = res.data
    if not d.n_codes:
        return None
    pooled = time_budget(d, "all", res.cover)
    names = [_wrap(c.label, 34) for c in d.codes]
    lines = sum(n.count("\n") + 1 for n in names)
    fig = _new(7.0, 0.16 * max(lines, 2 * d.n_codes) + 0.9, constrained=False)
    _margins(fig, left=_text_width(names) + 0.1, right=0.2, top=0.3, bottom=0.45, hspace=0,
             wspace=0.08)
    ax1, ax2 = fig.subplots(1, 2, sharey=True)
    y = np.arange(d.n_codes)
    colors = [c.color for c in d.codes]
    pct = np.asarray(pooled["percent_of_session"], dtype=float)
    ax1.barh(y, np.nan_to_num(pct), color=colors)
    ax1.set_yticks(y, names)
    ax1.invert_yaxis()
    ax1.set_xlabel("% of session time (pooled)")
    ax1.set_title("Time budget")
    for i, c in enumerate(d.codes):
        if c.is_point:
            ax1.text(0, i, " point code", va="center", fontsize=6.5, color="#666")
    ax2.barh(y, np.nan_to_num(np.asarray(pooled["rate_per_10min"], dtype=float)), color=colors)
    ax2.set_xlabel("events per 10 min (pooled)")
    ax2.set_title("Rate")
    return fig


def _cells(ax: Any, mat: np.ndarray, cmap: Any, vmin: float, vmax: float) -> Any:  # type: ignore[type-arg]
    """A matrix as vector cells (pcolormesh, not a raster image), row 0 at the top."""
    rows, cols = mat.shape
    masked = np.ma.masked_invalid(mat)  # type: ignore[no-untyped-call]
    im = ax.pcolormesh(np.arange(cols + 1) - 0.5, np.arange(rows + 1) - 0.5,
                       masked, cmap=cmap, vmin=vmin, vmax=vmax)
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    return im


def _colorbar(fig: Figure, im: Any, ax: Any, label: str) -> None:
    cb = fig.colorbar(im, ax=ax, shrink=0.8, label=label, fraction=0.08, pad=0.03)
    if cb.solids is not None:
        cb.solids.set_rasterized(False)  # vectors in the SVG and the PDF


def _heatmap(ax: Any, mat: np.ndarray, rows: list[str], cols: list[str],  # type: ignore[type-arg]
             cmap: str, vmin: float, vmax: float, fmt: Callable[[float], str]) -> Any:
    im = _cells(ax, mat, cmap, vmin, vmax)
    ax.set_xticks(range(len(cols)), cols, rotation=40, ha="right")
    ax.set_yticks(range(len(rows)), rows)
    ax.spines[:].set_visible(False)
    ax.set_facecolor("#eeeeee")
    for i in range(mat.shape[0]):
        for j in range(mat.shape[1]):
            v = mat[i, j]
            if not np.isnan(v):
                light = abs((v - vmin) / (vmax - vmin or 1) - 0.5) > 0.3 if cmap == "RdBu_r" \
                    else (v - vmin) / (vmax - vmin or 1) > 0.6
                ax.text(j, i, fmt(v), ha="center", va="center", fontsize=6,
                        color="white" if light else "black")
    return im


def _cooccurrence(res: Results) -> Figure | None:
    d = res.data
    state, _sec, share = overlap_matrix(d, res.cover)
    if len(state) < 2:
        return None
    share = share.copy()
    np.fill_diagonal(share, np.nan)
    labels = [_wrap(d.codes[i].label, 26) for i in state]
    n = len(state)
    fig = _square(n, labels)
    ax = fig.subplots()
    im = _heatmap(ax, share, labels, labels, "Blues", 0.0, 100.0, lambda v: f"{v:.0f}")
    ax.set_title("Co-occurrence: % of the row code's time with the column code on")
    _colorbar(fig, im, ax, "% of row code's time")
    return fig


def _sequences(res: Results) -> dict[str, Figure]:
    d = res.data
    out: dict[str, Figure] = {}
    for t in res.sequence_tables:
        if t.total == 0:
            continue
        labels = [_wrap(d.codes[i].label, 26) for i in t.codes]
        n = len(t.codes)
        fig = _square(n, labels)
        ax = fig.subplots()
        z = t.adjusted_residual
        lim = max(3.0, float(np.nanmax(np.abs(z)))) if np.isfinite(z).any() else 3.0
        im = _heatmap(ax, z, labels, labels, "RdBu_r", -lim, lim,
                      lambda v: f"{v:.1f}".replace("-0.0", "0.0"))
        scope = "all codes" if t.scope == "all" else next(
            c.label for c in d.categories if c.id == t.scope)
        ax.set_title(f"Lag-1 adjusted residuals, {scope} (grey: expected < "
                     f"{res.min_expected:g})")
        ax.set_ylabel("given")
        ax.set_xlabel("target")
        _colorbar(fig, im, ax, "adjusted residual z")
        out[f"sequences-{t.scope}"] = fig
    return out


def _grid(n: int) -> tuple[int, int]:
    cols = min(5, max(1, n))
    return math.ceil(n / cols), cols


def _trends(res: Results, metric: str) -> Figure | None:
    d = res.data
    per_case = res.frame("trends_by_case")
    summary = res.frame("trends")
    codes = [c for c in d.codes if metric == "rate_per_10min" or not c.is_point]
    if not codes or per_case.empty:
        return None
    rows, cols = _grid(len(codes))
    lines = max(_wrap(c.label, 24).count("\n") + 1 for c in codes)
    top = 0.3 + 0.13 * lines
    fig = _new(1.6 * cols + 0.6, (1.1 + 0.13 * lines) * rows + top + 0.45, constrained=False)
    _margins(fig, left=0.45, right=0.15, top=top, bottom=0.45, hspace=0.25 + 0.15 * lines,
             wspace=0.35)
    axes = np.atleast_1d(fig.subplots(rows, cols, sharex=True, squeeze=False)).ravel()
    sessions = sorted(int(s) for s in per_case["session"].unique())
    wide = per_case.pivot_table(index=["code", "case"], columns="session", values=metric,
                                dropna=False).reindex(columns=sessions)
    mine = summary[summary["metric"] == metric]
    for ax, c in zip(axes, codes, strict=False):
        if c.id in wide.index.get_level_values(0):
            mat = wide.loc[c.id].to_numpy(dtype=float)
            ax.plot(sessions, mat.T, color="#b8b8b8", lw=0.7)
        s = mine[mine["code"] == c.id]
        ax.fill_between(s["session"], s["ci_low"], s["ci_high"], color=c.color, alpha=0.25,
                        lw=0)
        ax.plot(s["session"], s["mean"], color=c.color, lw=1.8, marker="o", ms=2.5)
        ax.set_title(_wrap(c.label, 24), fontsize=7)
        ax.set_xticks(sessions)
        ax.set_ylim(bottom=0)
    for ax in axes[len(codes):]:
        ax.set_visible(False)
    what = "% of session time" if metric == "percent_of_session" else "rate per 10 min"
    fig.suptitle(f"{what} by session number: cases (grey), mean with 95% CI over cases",
                 fontsize=8.5)
    fig.supxlabel("session", fontsize=7.5)
    return fig


def _case_session(res: Results) -> Figure | None:
    d = res.data
    per_case = res.table("trends_by_case")
    if not len(per_case) or not d.n_codes:
        return None
    rows, cols = _grid(d.n_codes)
    cases = sorted(set(per_case["case"].tolist()))
    lines = max(_wrap(c.label, 24).count("\n") + 2 for c in d.codes)
    top = 0.3 + 0.12 * lines
    cell_h = min(0.14 * len(cases), 4.0)
    fig = _new(1.6 * cols + 0.6, (cell_h + 0.25 + 0.12 * lines) * rows + top + 0.3,
               constrained=False)
    _margins(fig, left=0.5, right=0.1, top=top, bottom=0.3,
             hspace=(0.25 + 0.12 * lines) / cell_h, wspace=0.45)
    axes = np.atleast_1d(fig.subplots(rows, cols, squeeze=False)).ravel()
    for i, (ax, c) in enumerate(zip(axes, d.codes, strict=False)):
        metric = "rate_per_10min" if c.is_point else "percent_of_session"
        names, sessions, mat = case_session_matrix(per_case, c.id, metric)
        from matplotlib.colors import LinearSegmentedColormap

        cmap = LinearSegmentedColormap.from_list(c.id, ["#ffffff", c.color])
        vmax = float(np.nanmax(mat)) if np.isfinite(mat).any() else 1.0
        _cells(ax, mat, cmap, 0.0, vmax or 1.0)
        ax.set_xticks(range(len(sessions)), [str(s) for s in sessions])
        if i % cols == 0 and len(names) <= 40:  # case labels once per row of panels
            ax.set_yticks(range(len(names)), names, fontsize=5.5)
        else:
            ax.set_yticks([])
        unit = "per 10 min" if c.is_point else "%"
        ax.set_title(f"{_wrap(c.label, 24)}\n({unit}, white 0 to full {vmax:.3g})",
                     fontsize=6.5)
        ax.spines[:].set_visible(False)
        ax.set_facecolor("#eeeeee")
    for ax in axes[d.n_codes:]:
        ax.set_visible(False)
    fig.suptitle("Case × session: % of session time (rate for point codes)", fontsize=8.5)
    return fig


def figures(res: Results) -> dict[str, Figure]:
    """Every figure that has something to show, by file name (without suffix)."""
    from matplotlib import rc_context

    out: dict[str, Figure] = {}
    with rc_context(_RC):
        for name, make in (("budget", _budget), ("cooccurrence", _cooccurrence)):
            fig = make(res)
            if fig is not None:
                out[name] = fig
        out.update(_sequences(res))
        for name, metric in (("trends-percent", "percent_of_session"),
                             ("trends-rate", "rate_per_10min")):
            fig = _trends(res, metric)
            if fig is not None:
                out[name] = fig
        fig = _case_session(res)
        if fig is not None:
            out["case-session"] = fig
    return out


def svg_text(fig: Figure) -> str:
    from matplotlib import rc_context

    buf = io.StringIO()
    with rc_context(_RC):
        fig.savefig(buf, format="svg")
    text = buf.getvalue()
    start = text.find("<svg")
    return text[start:] if start >= 0 else text


def png_bytes(fig: Figure, dpi: int = PNG_DPI) -> bytes:
    from matplotlib import rc_context

    buf = io.BytesIO()
    with rc_context(_RC):
        fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()
