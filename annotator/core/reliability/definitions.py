"""The definitions every report states (what was computed, on what, and how)."""

from __future__ import annotations

from .bands import ALPHA_BANDS_SOURCE, ICC_BANDS_SOURCE, KAPPA_BANDS_SOURCE
from .bootstrap import LEVEL, MIN_BOOTSTRAP_SESSIONS, MIN_DEFINED_SHARE
from .fields import MIN_ICC_SESSIONS


def definitions(
    *,
    resolution_ms: int | None,
    alpha_resolution_ms: int,
    tolerance_ms: int,
    resamples: int,
    seed: int,
    n_coders: int,
) -> dict[str, str]:
    if resolution_ms is None:
        units = (
            "Exact durations: every coder's segment boundaries cut each session into "
            "elementary intervals, each weighted by its length; tables are in seconds."
        )
    else:
        units = (
            f"Slices of {resolution_ms} ms from the start of each session (the last slice may "
            "be shorter and counts as one slice). A slice has a code when the coder codes it "
            "at the slice's midpoint, floor((slice start + slice end) / 2); tables count slices."
        )
    d = {
        "empty_value": (
            "∅ is a value: the time in which a coder has no code of the category. In a code's "
            "2x2 table 'not the code' includes ∅; an exclusive category's table has its codes "
            "plus ∅ as values, so agreeing that nothing happened counts as agreement."
        ),
        "units": units,
        "sessions": (
            "Only sessions coded by all the listed coders are used. Tables are pooled by "
            "summing them over sessions, so longer sessions weigh more."
        ),
        "segments": (
            "Segments are half-open [start, end). Overlapping segments of one code by one coder "
            "count once in durations and separately as events. Zero-length segments of state "
            "codes are ignored; segments are cut at the session's end."
        ),
        "point_codes": (
            "Point codes have no duration: they are left out of all duration and slice tables "
            "and are assessed by event agreement only."
        ),
        "code_kappa": (
            "Per code: Cohen's kappa of the 2x2 table [[a, b], [c, d]] of the code vs. not the "
            "code (a = both coders code it, d = neither); percent agreement p_o; PABAK = 2 p_o "
            "- 1 (Byrt, Bishop & Carlin 1993), the same as Brennan & Prediger's (1981) kappa "
            "for 2 values; kappa_max from the table's margins (Cohen 1960); prevalence index "
            "|a - d| / n and bias index |b - c| / n (Byrt, Bishop & Carlin 1993); positive "
            "specific agreement 2a / (2a + b + c) and negative specific agreement 2d / (2d + b "
            "+ c) (Cicchetti & Feinstein 1990); Gwet's (2008) AC1 = (p_o - p_e) / (1 - p_e) "
            "with p_e = sum_k pi_k (1 - pi_k) / (K - 1), pi_k the mean of the two coders' "
            "shares of value k."
        ),
        "category_kappa": (
            "Exclusive category: multi-class Cohen's kappa over the codes plus ∅, with the "
            "confusion matrix; PABAK (Brennan-Prediger) = (K p_o - 1) / (K - 1) and AC1 with "
            "K values (the codes plus ∅): these two depend on K by definition, so a code "
            "nobody used changes them (the report says so beside them). Non-exclusive "
            "category: pooled kappa exactly as de Vries, Elliott, Kanouse & Teleki (2008) "
            "define it, (mean p_o - mean p_e) / (1 - mean p_e), where the means run over the "
            "category's codes, and 'the category's codes' are its state codes that at least "
            "one compared coder used in the analysed sessions (in a bootstrap resample: in "
            "that resample). A code nobody used has p_o = p_e = 1 and is left out, so adding "
            "an unused code to the codebook changes no category measure. It is not the kappa "
            "of the summed 2x2 tables. The category's p_o is mean p_o, its PABAK the mean of "
            "the codes' PABAK (2 mean p_o - 1), and its AC1 is pooled the same way, (mean p_o "
            "- mean p_e,AC1) / (1 - mean p_e,AC1). 'pooled_codes' lists the codes pooled."
        ),
        "alpha": (
            f"Krippendorff's alpha (nominal) on slices of {alpha_resolution_ms} ms, sampled at "
            "each slice's midpoint. Exclusive category: values are its codes plus ∅. "
            "Non-exclusive category (stacked alpha): the units are (slice, code) pairs with the "
            "values present/absent, over the codes in use (their coincidence matrices are "
            "summed); by definition it depends on how many codes are stacked. Per code: "
            "present/absent per slice."
        ),
        "events": (
            "Segments are linked within a category when their overlap is at least 60% of the "
            "longer segment (Holle & Rein 2015); point codes link when they lie within "
            f"{tolerance_ms} ms of each other (the tolerance); a state segment never links "
            "with a point. Links are one-to-one, chosen greedily: same code first, then larger "
            "overlap (points: smaller distance). Preferring links between the same code is this "
            "tool's addition to Holle & Rein's procedure, which links on overlap alone. "
            "matched: links of the code with itself; "
            "unmatched_A / unmatched_B: the first / second coder's segments that link to "
            "nothing; linked_to_other_code: linked to a segment of another code."
        ),
        "event_kappa": (
            "Event kappa (after Holle & Rein 2015): kappa of the category's event confusion "
            "matrix (codes plus ∅ for an unmatched segment; ∅ vs ∅ is 0), with the unmatched "
            "segments (kappa_with_unmatched) and over linked pairs only (kappa_matched_only). "
            "Per code: the same tables collapsed to the code vs. the other values."
        ),
        "icc": (
            "ICC(2,1): two-way random effects, absolute agreement, single rater (Shrout & "
            "Fleiss 1979; McGraw & Wong's ICC(A,1)), with sessions as subjects, on each "
            "code's coded seconds and on its segment count per session; reported when at "
            f"least {MIN_ICC_SESSIONS} sessions are coded by all the coders. icc_*_ci: the 95% "
            "confidence interval of ICC(A,1) by McGraw & Wong's (1996) F method (their "
            "Table 7, case 2A, with Satterthwaite's degrees of freedom)."
        ),
        "bootstrap": (
            "kappa_ci, ac1_ci, light_kappa_ci and alpha_ci: "
            f"{LEVEL:.0%} percentile intervals from {resamples} "
            f"bootstrap resamples of sessions (seed {seed}), never of time slices, because "
            "slices of a session are not independent. Each resample draws as many sessions as "
            "there are, with replacement, and sums their tables. Resamples in which a "
            "measure is undefined are dropped; when fewer than "
            f"{MIN_DEFINED_SHARE:.0%} remain, the interval is null. With fewer than "
            f"{MIN_BOOTSTRAP_SESSIONS} sessions there is no interval (null, with the reason)."
        ),
        "bands": " ".join([KAPPA_BANDS_SOURCE + ".", ALPHA_BANDS_SOURCE + ".",
                           ICC_BANDS_SOURCE + "."]),
        "undefined": (
            "A measure that is undefined (e.g. kappa when both coders used one and the same "
            "value throughout, so expected agreement is 1) is null, with the reason in "
            "'<measure>_reason'. It is never reported as 1, 0 or NaN."
        ),
        "coder_roles": (
            "In two-coder tables the first coder (A) gives the rows and the second (B) the "
            "columns; unmatched_A / unmatched_B refer to them."
        ),
    }
    if n_coders >= 3:
        d["multi_coder"] = (
            "With three or more coders, 'kappa' in the categories list is Fleiss' (1971) "
            "kappa (weighted by duration for exact durations), 'percent_agreement' is the mean "
            "pairwise agreement P-bar, 'pabak' is (K P-bar - 1) / (K - 1) for K values, 'ac1' "
            "is Gwet's (2008) multi-rater AC1, 'light_kappa' is Light's (1971) kappa, the mean "
            "of every pair's Cohen's kappa, and alpha is computed over all coders. A "
            "non-exclusive category's Fleiss' kappa and AC1 are pooled over its codes in use "
            "with the same construction as for two coders: (mean P-bar - mean P_e) / (1 - mean "
            "P_e); its Light's kappa is the mean of the pairs' pooled kappas. Every pair's "
            "Cohen's kappa, events and confusion matrices are in 'pairs'."
        )
    return d
