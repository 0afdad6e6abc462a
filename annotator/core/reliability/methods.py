"""A Methods paragraph for a journal article, generated from the report, in English and
Norwegian (bokmål). It states only what the report computed, with the numbers and references.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from typing import Any

from ..codebook import Codebook
from .fields import MIN_ICC_SESSIONS

REFERENCES = {
    "bakeman": "Bakeman, R., Quera, V., & Gnisci, A. (2009). Observer agreement for timed-event "
               "sequential data: A comparison of time-based and event-based algorithms. "
               "Behavior Research Methods, 41(1), 137–147.",
    "cohen": "Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and "
             "Psychological Measurement, 20(1), 37–46.",
    "devries": "de Vries, H., Elliott, M. N., Kanouse, D. E., & Teleki, S. S. (2008). Using "
               "pooled kappa to summarize interrater agreement across many items. Field "
               "Methods, 20(3), 272–282.",
    "fleiss": "Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. "
              "Psychological Bulletin, 76(5), 378–382.",
    "holle": "Holle, H., & Rein, R. (2015). EasyDIAg: A tool for easy determination of "
             "interrater agreement. Behavior Research Methods, 47(3), 837–847.",
    "koo": "Koo, T. K., & Li, M. Y. (2016). A guideline of selecting and reporting intraclass "
           "correlation coefficients for reliability research. Journal of Chiropractic "
           "Medicine, 15(2), 155–163.",
    "krippendorff": "Krippendorff, K. (2004). Content analysis: An introduction to its "
                    "methodology (2nd ed.). Sage.",
    "landis": "Landis, J. R., & Koch, G. G. (1977). The measurement of observer agreement for "
              "categorical data. Biometrics, 33(1), 159–174.",
    "mcgraw": "McGraw, K. O., & Wong, S. P. (1996). Forming inferences about some intraclass "
              "correlation coefficients. Psychological Methods, 1(1), 30–46.",
}

_WORDS = {"en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                 "ten"],
          "nb": ["null", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti"]}


def _n(n: int, lang: str, capital: bool = False) -> str:
    word = _WORDS[lang][n] if 0 <= n <= 10 else str(n)
    return word[0].upper() + word[1:] if capital else word


def coef(value: float, lang: str) -> str:
    """APA style for a coefficient bounded by 1: no leading zero (.54, −.12); Norwegian
    decimal comma (,54). Never −.00."""
    text = f"{value:.2f}"
    if text in ("-0.00", "0.00"):
        text = "0.00"
    text = text.replace("-", "−")
    text = text.replace("0.", ".", 1) if text.lstrip("−").startswith("0.") else text
    return text.replace(".", ",") if lang == "nb" else text


def _decimal(value: float, digits: int, lang: str) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nb" else text


def _and(items: Sequence[str], lang: str) -> str:
    word = " and " if lang == "en" else " og "
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + word + items[-1]


def _ci(d: Mapping[str, Any], name: str, lang: str) -> str:
    ci = d.get(f"{name}_ci")
    if not ci:
        return ""
    lo, hi = coef(ci[0], lang), coef(ci[1], lang)
    return f" (95% CI {lo} to {hi})" if lang == "en" else f" (95 % KI {lo} til {hi})"


def _range(values: list[float], lang: str) -> str:
    lo, hi, med = min(values), max(values), statistics.median(values)
    if lang == "en":
        return f"ranged from {coef(lo, lang)} to {coef(hi, lang)} (median {coef(med, lang)})"
    return f"varierte fra {coef(lo, lang)} til {coef(hi, lang)} (median {coef(med, lang)})"


def _state_codes(report: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [c for cat in report["categories"] for c in cat["codes"] if c.get("kind") == "state"]


def methods_paragraph(report: Mapping[str, Any], lang: str,
                      category_labels: Mapping[str, str] | None = None) -> str:
    """The paragraph in ``lang`` ("en" or "nb"), followed by its reference list.
    ``category_labels`` (id -> label in ``lang``) name the categories; default their ids."""
    en = lang == "en"
    names = dict(category_labels or {})
    coders = list(report["coders"])
    m = len(coders)
    n = len(report["sessions"])
    total = n + len(report.get("excluded_sessions") or [])
    hours = sum(s["duration_s"] for s in report["sessions"]) / 3600
    share = round(100 * n / total) if total else 100
    refs = {"landis", "krippendorff"}
    who = _and(coders, lang)
    h = _decimal(hours, 1, lang)
    if en:
        which = (f"all {n} sessions" if n == total else
                 f"{n} of the {total} sessions ({share}%")
        out = [f"{_n(m, lang, True)} coders ({who}) independently coded {which}"
               + ("; " if n != total else " (") + f"{h} h of recordings)."]
    else:
        which = (f"alle {n} sesjonene" if n == total else
                 f"{n} av de {total} sesjonene ({share} %")
        out = [f"{_n(m, lang, True)} kodere ({who}) kodet uavhengig av hverandre {which}"
               + ("; " if n != total else " (") + f"{h} timer opptak)."]
    res = report.get("resolution_ms")
    if res is None:
        out.append("Agreement was computed on exact durations, with uncoded time (∅) as a "
                   "value." if en else
                   "Samsvar ble beregnet på eksakte varigheter, med ukodet tid (∅) som en egen "
                   "verdi.")
    else:
        out.append(f"Agreement was computed on {res}-ms time slices, with uncoded time (∅) as "
                   "a value." if en else
                   f"Samsvar ble beregnet på tidsintervaller på {res} ms, med ukodet tid (∅) "
                   "som en egen verdi.")
    kname = ("Fleiss' κ (Fleiss, 1971)" if m >= 3 else
             ("Cohen's κ (Cohen, 1960)" if en else "Cohens κ (Cohen, 1960)"))
    refs.add("fleiss" if m >= 3 else "cohen")
    codes = _state_codes(report)
    kappas = [float(c["kappa"]) for c in codes if c.get("kappa") is not None]
    if kappas:
        k = len(kappas)
        unit = ("code" if k == 1 else "codes") if en else ("koden" if k == 1 else "kodene")
        count = (f"{_n(k, lang)} " if en else f"de {_n(k, lang)} ") if k > 1 else ""
        out.append((f"Time-based {kname} for the {count}{unit} " if en else
                    f"Tidsbasert {kname} for {count}{unit} ")
                   + (_range(kappas, lang) if k > 1 else
                      ("was " if en else "var ") + coef(kappas[0], lang)) + ".")
    undefined = len(codes) - len(kappas)
    if undefined:
        out.append(f"For {_n(undefined, lang)} code(s) κ is undefined (neither coder used the "
                   "code)." if en else
                   f"For {_n(undefined, lang)} kode(r) er κ udefinert (ingen av koderne brukte "
                   "koden).")
    pooled_parts: list[str] = []
    own_parts: list[str] = []
    for cat in report["categories"]:
        if cat.get("kappa") is None:
            continue
        value = coef(float(cat["kappa"]), lang) + _ci(cat, "kappa", lang)
        part = f"{value} for {names.get(cat['id'], cat['id'])}"
        (own_parts if cat["exclusive"] else pooled_parts).append(part)
    if pooled_parts:
        refs.add("devries")
        out.append(("Per category, pooled κ (de Vries et al., 2008) was " if en else
                    "Per kategori var samlet (pooled) κ (de Vries mfl., 2008) ")
                   + "; ".join(pooled_parts) + ".")
    if own_parts:
        out.append(("For the exclusive categories, κ over the codes and ∅ was " if en else
                    "For de gjensidig utelukkende kategoriene var κ over kodene og ∅ ")
                   + "; ".join(own_parts) + ".")
    alphas = [f"{coef(float(c['alpha']), lang)} for {names.get(c['id'], c['id'])}"
              for c in report["categories"] if c.get("alpha") is not None]
    if alphas:
        secs = _decimal(report["alpha_resolution_ms"] / 1000, 1, lang).rstrip("0").rstrip(".,")
        out.append((f"Krippendorff's α (nominal, on {secs}-s slices) was " if en else
                    f"Krippendorffs α (nominal, på intervaller på {secs} s) var ")
                   + "; ".join(alphas) + ".")
    out += _events(report, lang, refs, names)
    out += _icc(report, lang, refs)
    out.append(_bootstrap(report, lang))
    out.append("κ was interpreted with Landis and Koch's (1977) bands, α with Krippendorff's "
               "(2004) thresholds (.667 and .800)" + (" and ICC with Koo and Li's (2016)" if
                                                      "koo" in refs else "") + "."
               if en else
               "κ ble tolket etter Landis og Kochs (1977) grenser og α etter Krippendorffs "
               "(2004) terskler (,667 og ,800)" + (", ICC etter Koo og Lis (2016)" if
                                                  "koo" in refs else "") + ".")
    head = "References" if en else "Referanser"
    return " ".join(out) + f"\n\n{head}:\n" + "\n".join(REFERENCES[r] for r in sorted(refs))


def _events(report: Mapping[str, Any], lang: str, refs: set[str],
            names: Mapping[str, str]) -> list[str]:
    en = lang == "en"
    if len(report["coders"]) != 2:
        return ["Event agreement is reported for each pair of coders." if en else
                "Hendelsessamsvar rapporteres for hvert par av kodere."]
    matched = total = 0
    for cat in report["categories"]:
        for c in cat["codes"]:
            ev = c.get("event_agreement")
            if isinstance(ev, Mapping):
                matched += 2 * int(ev["matched"])
                total += sum(int(v) for v in c["events"].values())
    if total == 0:
        return []
    refs.update({"holle", "bakeman"})
    tol = report["tolerance_ms"]
    kap = [f"{coef(float(c['events']['kappa_with_unmatched']), lang)} for "
           f"{names.get(c['id'], c['id'])}" for c in report["categories"]
           if isinstance(c.get("events"), Mapping)
           and c["events"].get("kappa_with_unmatched") is not None]
    pct = round(100 * matched / total)
    if en:
        text = ("Segments were linked as one event when they overlapped by at least 60% of the "
                f"longer segment (Holle & Rein, 2015), point codes when within {tol} ms; "
                f"{pct}% of the {total} segments were linked to a segment of the same code.")
        if kap:
            text += " Event-based κ, counting unlinked segments, was " + "; ".join(kap) + "."
        text += (" Following Bakeman, Quera and Gnisci (2009), both time-based and event-based "
                 "agreement are reported.")
    else:
        text = ("Segmenter ble koblet som én hendelse når de overlappet med minst 60 % av det "
                f"lengste segmentet (Holle & Rein, 2015), punktkoder når de lå innenfor {tol} "
                f"ms; {pct} % av de {total} segmentene ble koblet til et segment med samme kode.")
        if kap:
            text += (" Hendelsesbasert κ, der ukoblede segmenter teller med, var "
                     + "; ".join(kap) + ".")
        text += (" I tråd med Bakeman, Quera og Gnisci (2009) rapporteres både tidsbasert og "
                 "hendelsesbasert samsvar.")
    return [text]


def _icc(report: Mapping[str, Any], lang: str, refs: set[str]) -> list[str]:
    en = lang == "en"
    codes = _state_codes(report)
    values = [float(c["icc_seconds"]) for c in codes if c.get("icc_seconds") is not None]
    if len(report["sessions"]) < MIN_ICC_SESSIONS:
        return [f"ICC was not computed because fewer than {MIN_ICC_SESSIONS} sessions were "
                "coded by all coders." if en else
                f"ICC ble ikke beregnet fordi færre enn {MIN_ICC_SESSIONS} sesjoner var kodet "
                "av alle koderne."]
    if not values:
        return []
    refs.update({"mcgraw", "koo"})
    rng = _range(values, lang) if len(values) > 1 else (
        ("was " if en else "var ") + coef(values[0], lang))
    return [("ICC(2,1) (absolute agreement, single rater; McGraw & Wong, 1996) of the codes' "
             f"total seconds per session {rng}." if en else
             "ICC(2,1) (absolutt samsvar, én koder; McGraw & Wong, 1996) for kodenes samlede "
             f"sekunder per sesjon {rng}.")]


def _bootstrap(report: Mapping[str, Any], lang: str) -> str:
    en = lang == "en"
    boot = report.get("bootstrap") or {}
    from .bootstrap import MIN_BOOTSTRAP_SESSIONS

    if not boot.get("resamples"):
        return ("No bootstrap confidence intervals were computed." if en else
                "Det ble ikke beregnet bootstrap-konfidensintervaller.")
    if len(report["sessions"]) < MIN_BOOTSTRAP_SESSIONS:
        return (f"Confidence intervals were not computed because fewer than "
                f"{MIN_BOOTSTRAP_SESSIONS} sessions were coded by all coders." if en else
                f"Konfidensintervaller ble ikke beregnet fordi færre enn "
                f"{MIN_BOOTSTRAP_SESSIONS} sesjoner var kodet av alle koderne.")
    r = boot["resamples"]
    return (f"95% confidence intervals are percentile intervals from {r} bootstrap resamples "
            "of sessions." if en else
            f"95 % konfidensintervaller er persentilintervaller fra {r} bootstrap-trekninger "
            "av sesjoner.")


def methods(report: Mapping[str, Any], codebook: Codebook) -> dict[str, str]:
    """The paragraph in English and Norwegian, naming categories in that language (when the
    codebook has it; else in its first language)."""
    return {lang: methods_paragraph(report, lang,
                                    {c.id: c.label_in(lang) for c in codebook.categories})
            for lang in ("en", "nb")}
