"""The comparison's result tables: per category and per code.

:func:`category_rows` and :func:`code_rows` turn one section of the reliability report (see
:func:`annotator.core.reliability.compute_reliability`) into rows of :class:`Cell`;
:class:`CellTableModel` is the thin read-only Qt model that shows them. An undefined measure
shows as a dash whose tooltip gives the reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from annotator.core.codebook import Codebook
from annotator.exchange.report.common import DASH, ci_text, num
from annotator.ui.i18n import translate

BAND_TINTS = {
    "poor": "#f6d5d8", "slight": "#f6d5d8", "fair": "#fbe5c8", "moderate": "#fbe5c8",
    "substantial": "#dcefd6", "almost perfect": "#c6e5bc",
    "unreliable": "#f6d5d8", "tentative": "#fbe5c8", "reliable": "#c6e5bc",
}
ICC_TINTS = {"poor": "#f6d5d8", "moderate": "#fbe5c8", "good": "#dcefd6",
             "excellent": "#c6e5bc"}
BAND_NAMES = {
    "poor": str(QT_TRANSLATE_NOOP("ReliabilityBands", "poor")),
    "slight": str(QT_TRANSLATE_NOOP("ReliabilityBands", "slight")),
    "fair": str(QT_TRANSLATE_NOOP("ReliabilityBands", "fair")),
    "moderate": str(QT_TRANSLATE_NOOP("ReliabilityBands", "moderate")),
    "substantial": str(QT_TRANSLATE_NOOP("ReliabilityBands", "substantial")),
    "almost perfect": str(QT_TRANSLATE_NOOP("ReliabilityBands", "almost perfect")),
    "unreliable": str(QT_TRANSLATE_NOOP("ReliabilityBands", "unreliable")),
    "tentative": str(QT_TRANSLATE_NOOP("ReliabilityBands", "tentative")),
    "reliable": str(QT_TRANSLATE_NOOP("ReliabilityBands", "reliable")),
    "good": str(QT_TRANSLATE_NOOP("ReliabilityBands", "good")),
    "excellent": str(QT_TRANSLATE_NOOP("ReliabilityBands", "excellent")),
}
"""The report's band names (Landis & Koch, Krippendorff, Koo & Li), as shown."""

KAPPA_TIP = str(QT_TRANSLATE_NOOP(
    "CompareTables", "Cohen's kappa (two coders) or Fleiss' kappa (three or more), on time"))
ALPHA_TIP = str(QT_TRANSLATE_NOOP("CompareTables", "Krippendorff's alpha (nominal) on time slices"))
AC1_TIP = str(QT_TRANSLATE_NOOP(
    "CompareTables", "Gwet's AC1 (pooled like kappa for a non-exclusive category)"))
ID_TIP = str(QT_TRANSLATE_NOOP("CompareTables", "Id in the codebook (stable; labels may change)"))
PABAK_TIP = str(QT_TRANSLATE_NOOP(
    "CompareTables", "Prevalence- and bias-adjusted kappa, also Brennan–Prediger"))


def band_text(band: object) -> str:
    """A band's name as shown (the report's own word if it is not a known band)."""
    name = str(band)
    return translate("ReliabilityBands", BAND_NAMES[name]) if name in BAND_NAMES else name


def _tr(text: str) -> str:
    return translate("CompareTables", text)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    tip: str = ""
    numeric: bool = False
    tint: str | None = None
    bold: bool = False


def _measure(d: Mapping[str, Any], name: str, digits: int = 2, band: bool = False) -> Cell:
    value = d.get(name)
    if value is None:
        return Cell(DASH, str(d.get(f"{name}_reason") or translate("CompareTables",
                                                                    "not computed")),
                    numeric=True)
    tint = BAND_TINTS.get(str(d.get(f"{name}_band"))) if band else None
    return Cell(num(value, digits), f"{float(value):.4f}", numeric=True, tint=tint)


def _ci(d: Mapping[str, Any], name: str) -> Cell:
    ci = d.get(f"{name}_ci")
    if not ci:
        return Cell(DASH, str(d.get(f"{name}_ci_reason") or ""), numeric=True)
    return Cell(ci_text(ci), translate("CompareTables", "95% percentile bootstrap over sessions"),
                numeric=True)


def _band(d: Mapping[str, Any], name: str) -> Cell:
    band = d.get(f"{name}_band")
    return Cell(band_text(band) if band else DASH, tint=BAND_TINTS.get(str(band)))


def _pct(d: Mapping[str, Any], name: str) -> Cell:
    value = d.get(name)
    if value is None:
        return Cell(DASH, str(d.get(f"{name}_reason") or ""), numeric=True)
    return Cell(f"{100 * float(value):.1f}", numeric=True)


def category_rows(
    categories: Sequence[Mapping[str, Any]], codebook: Codebook, lang: str = "en",
) -> tuple[list[str], list[str], list[list[Cell]]]:
    """(headers, header tooltips, rows): one row per category."""
    headers = [translate("CompareTables", "Category"), "id", translate("CompareTables", "Type"),
               "κ", translate("CompareTables", "95% CI"), translate("CompareTables", "κ band"),
               "AC1", translate("CompareTables", "% agree"), "PABAK", "α",
               translate("CompareTables", "α band")]
    tips = ["", translate("CompareTables", "The category's id in the codebook"),
            translate("CompareTables",
                      "Exclusive: at most one code at a time (multi-class kappa with ∅); "
                      "non-exclusive: de Vries et al.'s (2008) pooled kappa, (mean p_o − mean "
                      "p_e) / (1 − mean p_e) over the codes in use"),
            _tr(KAPPA_TIP), translate("CompareTables", "Bootstrap over sessions"),
            translate("CompareTables", "Landis & Koch (1977)"), _tr(AC1_TIP),
            translate("CompareTables", "Percentage of time both coders agree"),
            _tr(PABAK_TIP), _tr(ALPHA_TIP),
            translate("CompareTables", "Krippendorff: ≥ .800 reliable, ≥ .667 tentative")]
    exclusive = translate("CompareTables", "exclusive")
    non_exclusive = translate("CompareTables", "non-exclusive")
    rows = []
    for cat in categories:
        label = codebook.category(cat["id"]).label_in(lang)
        rows.append([
            Cell(label, cat["id"], bold=True), Cell(cat["id"], _tr(ID_TIP)),
            Cell(exclusive if cat.get("exclusive") else non_exclusive),
            _measure(cat, "kappa", band=True), _ci(cat, "kappa"), _band(cat, "kappa"),
            _measure(cat, "ac1"), _pct(cat, "percent_agreement"), _measure(cat, "pabak"),
            _measure(cat, "alpha", band=True), _band(cat, "alpha"),
        ])
    return headers, tips, rows


def code_rows(
    categories: Sequence[Mapping[str, Any]], coders: Sequence[str], codebook: Codebook,
    lang: str = "en",
) -> tuple[list[str], list[str], list[list[Cell]]]:
    """(headers, header tooltips, rows): one row per code."""
    events = any(isinstance(cd.get("event_agreement"), Mapping)
                 for cat in categories for cd in cat["codes"])
    headers = [translate("CompareTables", "Code"), "id", "κ",
               translate("CompareTables", "95% CI"), "AC1", "PABAK",
               translate("CompareTables", "κ max"), translate("CompareTables", "% agree"),
               "PA+", "PA−", "α"]
    tips = ["", translate("CompareTables", "The code's id in the codebook"), _tr(KAPPA_TIP),
            translate("CompareTables", "Bootstrap over sessions"), _tr(AC1_TIP), _tr(PABAK_TIP),
            translate("CompareTables", "The largest kappa the coders' marginal totals allow"),
            "",
            translate("CompareTables", "Positive specific agreement 2a / (2a + b + c)"),
            translate("CompareTables", "Negative specific agreement 2d / (2d + b + c)"),
            _tr(ALPHA_TIP)]
    seconds_tip = translate("CompareTables", "Seconds coded by {coder}")
    events_tip = translate("CompareTables", "Events coded by {coder}")
    headers += [f"s {c}" for c in coders] + [f"n {c}" for c in coders]
    tips += ([seconds_tip.format(coder=c) for c in coders]
             + [events_tip.format(coder=c) for c in coders])
    if events:
        only = translate("CompareTables", "only {coder}")
        alone = translate("CompareTables", "Events of {coder} without a partner")
        headers += [translate("CompareTables", "matched"), only.format(coder=coders[0]),
                    only.format(coder=coders[1])]
        tips += [translate("CompareTables", "Events linked (overlap ≥ 60% of the longer; "
                                            "points within the tolerance)"),
                 alone.format(coder=coders[0]), alone.format(coder=coders[1])]
    icc = any(cd.get(k) is not None for cat in categories for cd in cat["codes"]
              for k in ("icc_seconds", "icc_counts"))
    if icc:
        headers += [translate("CompareTables", "ICC s"), translate("CompareTables", "ICC n")]
        tips += [translate("CompareTables", "ICC(2,1), absolute agreement, on each session's "
                                            "seconds of the code (Koo & Li bands)"),
                 translate("CompareTables", "ICC(2,1) on each session's number of events")]
    point = translate("CompareTables", " (point)")
    where = translate("CompareTables", "{label}\ncode {code} in category {category}")
    rows = []
    for cat in categories:
        for cd in cat["codes"]:
            code = codebook.code(cd["id"])
            kind = point if code.kind == "point" else ""
            row = [
                Cell(code.label_in(lang) + kind,
                     where.format(label=code.label_in(lang), code=cd["id"], category=cat["id"])),
                Cell(cd["id"], _tr(ID_TIP)),
                _measure(cd, "kappa", band=True), _ci(cd, "kappa"), _measure(cd, "ac1"),
                _measure(cd, "pabak"), _measure(cd, "kappa_max"),
                _pct(cd, "percent_agreement"), _measure(cd, "positive_agreement"),
                _measure(cd, "negative_agreement"), _measure(cd, "alpha", band=True),
            ]
            secs = cd.get("seconds") or {}
            counts = cd.get("events") or {}
            row += [Cell(f"{float(secs[c]):.1f}" if c in secs else DASH, numeric=True)
                    for c in coders]
            row += [Cell(str(counts.get(c, DASH)), numeric=True) for c in coders]
            if events:
                ev = cd.get("event_agreement")
                if isinstance(ev, Mapping):
                    row += [Cell(str(ev.get(k, DASH)), numeric=True)
                            for k in ("matched", "unmatched_A", "unmatched_B")]
                else:
                    row += [Cell(DASH, str(cd.get("event_agreement_reason") or ""), True)] * 3
            if icc:
                row += [_measure(cd, "icc_seconds"), _measure(cd, "icc_counts")]
                for cell, name in ((-2, "icc_seconds"), (-1, "icc_counts")):
                    band = cd.get(f"{name}_band")
                    if band:
                        row[cell] = Cell(row[cell].text, f"{row[cell].tip} · {band_text(band)}",
                                         True,
                                         ICC_TINTS.get(str(band)))
            rows.append(row)
    return headers, tips, rows


class CellTableModel(QAbstractTableModel):
    """Read-only rows of :class:`Cell` (text, tooltip, alignment, tint, bold)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._tips: list[str] = []
        self._rows: list[list[Cell]] = []
        self._keys: list[str] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, headers: list[str], tips: list[str], rows: list[list[Cell]],
                 keys: list[str] | None = None) -> None:
        """Replace the table; ``keys`` name the rows (category or code ids)."""
        self.beginResetModel()
        self._headers, self._tips, self._rows = headers, tips, rows
        self._keys = keys if keys is not None else [str(i) for i in range(len(rows))]
        self.endResetModel()

    def key(self, row: int) -> str:
        return self._keys[row]

    def row_of(self, key: str) -> int:
        return self._keys.index(key)

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column].text

    def column(self, header: str) -> int:
        return self._headers.index(header)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        cell = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tip or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            h = Qt.AlignmentFlag.AlignRight if cell.numeric else Qt.AlignmentFlag.AlignLeft
            return int(h | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and cell.tint:
            return QBrush(QColor(cell.tint))
        if role == Qt.ItemDataRole.FontRole and cell.bold:
            return self._bold
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or section >= len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[section] or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
