"""What to report and why: the opening summary of every reliability report, with its numbers.

Time-based kappa per code and pooled per category, event-based agreement (Bakeman, Quera &
Gnisci 2009 advise giving both), and ICC for session totals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

DASH = "—"


def _fixed(value: float) -> str:
    text = f"{float(value):.2f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def _num(value: Any) -> str:
    return DASH if value is None else _fixed(value)


def _ci(ci: Any) -> str:
    return f"[{_fixed(ci[0])}, {_fixed(ci[1])}]" if ci else DASH


def _label(d: Mapping[str, Any]) -> str:
    return str(d.get("label") or d["id"])


def _spread(values: Sequence[float]) -> str:
    if not values:
        return "none defined"
    if len(values) == 1:
        return _fixed(values[0])
    ordered = sorted(values)
    mid = len(ordered) // 2
    med = ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    return f"{_fixed(ordered[0])} to {_fixed(ordered[-1])}, median {_fixed(med)}"


def summary(report: Mapping[str, Any]) -> list[dict[str, str]]:
    """What to report and why, with this report's numbers: (heading, text) items."""
    cats = list(report["categories"])
    multi = len(report["coders"]) >= 3
    kname = "Fleiss' kappa" if multi else "Cohen's kappa"
    codes = [c for cat in cats for c in cat["codes"] if c.get("kind") == "state"]
    kappas = [float(c["kappa"]) for c in codes if c.get("kappa") is not None]

    def cat_value(cat: Mapping[str, Any], name: str) -> str:
        v = cat.get(name)
        ci = cat.get(f"{name}_ci")
        return f"{_label(cat)} {_num(v)}" + (f" {_ci(ci)}" if ci else "")

    pooled = "; ".join(cat_value(c, "kappa") for c in cats if c.get("kappa") is not None)
    out = [("1. Time-based agreement (the main result)",
            f"{kname} per code ({_spread(kappas)}) and per category: {pooled or 'none'}. A "
            "non-exclusive category's value is de Vries et al.'s (2008) pooled kappa; an "
            "exclusive category's is kappa over its codes plus ∅. Read each value with its "
            "Landis & Koch band. Give Krippendorff's alpha as well only if the journal asks "
            "for it, and judge it by Krippendorff's .667 / .800, not by the kappa bands.")]
    if multi:
        out.append(("2. Event-based agreement",
                    "Events are linked pair by pair: see each pair's section. Give both "
                    "time-based and event-based agreement (Bakeman, Quera & Gnisci 2009)."))
    else:
        ev = [f"{_label(c)} {_num(c['events'].get('kappa_with_unmatched'))}" for c in cats
              if isinstance(c.get("events"), Mapping)]
        out.append(("2. Event-based agreement",
                    "Event kappa counting unmatched segments, per category: "
                    f"{'; '.join(ev) or 'none'}, with the matched and unmatched counts. "
                    "Bakeman, Quera & Gnisci (2009) advise giving both: time-based agreement "
                    "says whether the coders agree on when a code applies, event-based "
                    "whether they found the same events. Event kappa over matched pairs only "
                    "ignores the events one coder missed: a supplement, not the result."))
    iccs = [float(c["icc_seconds"]) for c in codes if c.get("icc_seconds") is not None]
    n = len(report["sessions"])
    out.append(("3. Session totals",
                f"ICC(2,1) of each code's seconds per session ({_spread(iccs)}), and of its "
                "counts, if your analyses use session-level scores; read with Koo & Li's "
                "bands." if iccs else
                f"ICC(2,1) of session totals needs at least 5 sessions coded by all coders "
                f"(this report has {n}), so there is none to report."))
    out.append(("Supplementary, not the headline",
                "PABAK (Brennan–Prediger), Gwet's AC1, kappa_max, the prevalence and bias "
                "indices and the specific agreements explain a low kappa (rare codes, one "
                "coder coding more). For exclusive categories PABAK and AC1 depend on the "
                "number of codes by definition."))
    return [{"heading": h, "text": t} for h, t in out]
