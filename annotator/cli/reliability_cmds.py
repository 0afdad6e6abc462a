"""``annotator reliability`` and ``annotator plan-reliability``.

Every unusable input (one coder, no sessions in common, a coder without segments, a session
without a known duration, codings made with different codebook versions, bad numbers, an output
folder that does not exist) ends with a one-line message and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.cli.progress import Progress


def add_parsers(sub: Any, study_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("reliability", help="inter-rater reliability between coders")
    study_arg(p)
    p.add_argument("--coders", nargs="+", required=True, metavar="ID",
                   help="two or more coders; the same coder twice compares their re-coding "
                        "with their primary coding (intra-rater drift); ID@consensus is a "
                        "consensus coding")
    p.add_argument("--sessions", nargs="+", metavar="CASE:N", help="limit to these sessions")
    p.add_argument("--resolution-ms", type=int, default=None, metavar="N",
                   help="use slices of N ms instead of exact durations")
    p.add_argument("--tolerance-ms", type=int, default=1000, metavar="N",
                   help="linking tolerance for point codes (default 1000)")
    p.add_argument("--alpha-resolution-ms", type=int, default=None, metavar="N",
                   help="slice length for Krippendorff's alpha (default: --resolution-ms, "
                        "else 1000)")
    p.add_argument("--bootstrap", type=int, default=1000, metavar="N",
                   help="bootstrap resamples over sessions for CIs (default 1000; 0 = none)")
    p.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    p.add_argument("--format", choices=["table", "json", "csv", "html", "pdf"], default="table",
                   help="pdf: the HTML report laid out on A4 (needs -o FILE)")
    p.add_argument("--lang", choices=["en", "nb"], default=None,
                   help="language of the code and category labels (default: the codebook's "
                        "first language)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to a file instead of stdout")
    p.add_argument("--raw", action="store_true",
                   help="(csv) write text cells as they are: no ' before =, +, -, @")
    p.set_defaults(handler="reliability_cmds:cmd_reliability")

    p = sub.add_parser("plan-reliability",
                       help="assign a stratified sample of sessions to a second coder, blind")
    study_arg(p)
    p.add_argument("--fraction", type=float, default=0.2,
                   help="share of the sessions coded by others to double-code (default 0.2); "
                        "every case gets at least one")
    p.add_argument("--coder", required=True, metavar="ID")
    p.add_argument("--seed", type=int, default=None, help="random seed, for a reproducible plan")
    p.add_argument("--recode", action="store_true",
                   help="sample sessions the coder coded themself, to re-code them "
                        "(intra-rater drift: reliability --coders ID ID)")
    p.set_defaults(handler="reliability_cmds:cmd_plan")


def _check_numbers(ns: argparse.Namespace) -> None:
    from annotator.cli.errors import UsageError

    for flag, value in (("--resolution-ms", ns.resolution_ms),
                        ("--alpha-resolution-ms", ns.alpha_resolution_ms)):
        if value is not None and value <= 0:
            raise UsageError(f"{flag} must be a positive number of ms, got {value}.")
    if ns.tolerance_ms < 0:
        raise UsageError(f"--tolerance-ms must be 0 or more, got {ns.tolerance_ms}.")
    if ns.bootstrap < 0:
        raise UsageError(f"--bootstrap must be 0 (no intervals) or more, got {ns.bootstrap}.")
    if ns.seed < 0:
        raise UsageError(f"--seed must be 0 or more, got {ns.seed}.")


def _check_output(output: str | None) -> Path | None:
    from annotator.cli.errors import UsageError

    if output is None:
        return None
    path = Path(output)
    if path.is_dir():
        raise UsageError(f"-o {output}: is a folder; give a file name.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"-o {output}: the folder {folder} does not exist.")
    return path


def cmd_reliability(ns: argparse.Namespace) -> int:
    from annotator.cli.common import open_reader
    from annotator.cli.errors import UsageError
    from annotator.core.reliability import compute_reliability
    from annotator.exchange.atomic import atomic_text
    from annotator.exchange.reliability_data import read_codings, select_codings

    _check_numbers(ns)
    out = _check_output(ns.output)
    if ns.format == "pdf" and out is None:
        raise UsageError("--format pdf writes a binary file: give -o FILE.pdf.")
    study = open_reader(ns.study)  # a current study file: sqlite3, no SQLAlchemy to load
    try:
        sel = select_codings(study, ns.coders, ns.sessions)
        codebook, sessions = read_codings(study, sel)
        labels = sel.labels
    finally:
        study.close()
    progress = Progress("reliability", enabled=out is not None)
    report = compute_reliability(
        codebook, sessions, labels, resolution_ms=ns.resolution_ms,
        tolerance_ms=ns.tolerance_ms, alpha_resolution_ms=ns.alpha_resolution_ms,
        bootstrap=ns.bootstrap, seed=ns.seed, progress=lambda f: progress.update(f),
        excluded=sel.excluded, lang=ns.lang,
    )
    from annotator.exchange import reliability_report as rr

    if ns.format in ("html", "pdf"):
        from annotator.core.reliability import timeline_diff

        diffs = {f"{s.case}:{s.session}": timeline_diff(s, labels[0], labels[1], codebook,
                                                        tolerance_ms=ns.tolerance_ms)
                 for s in sessions}
        text = rr.to_html(report, diffs)
        if ns.format == "pdf":
            assert out is not None
            from annotator.exchange.pdf import write_pdf

            try:
                write_pdf(text, out)
            except OSError as exc:
                raise UsageError(f"-o {ns.output}: cannot write it "
                                 f"({exc.strerror or exc}).") from exc
            progress.done(f"wrote {ns.output}")
            return 0
    else:
        text = (rr.to_csv(report, raw=ns.raw) if ns.format == "csv" else
                {"json": rr.to_json, "table": rr.to_table}[ns.format](report))
    if out is not None:
        try:
            with atomic_text(out) as fh:
                fh.write(text)
        except OSError as exc:
            raise UsageError(f"-o {ns.output}: cannot write it ({exc.strerror or exc}).") from exc
        progress.done(f"wrote {ns.output}")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def cmd_plan(ns: argparse.Namespace) -> int:
    from annotator.cli.common import open_study
    from annotator.exchange.reliability_data import plan_reliability

    if ns.seed is not None and ns.seed < 0:
        from annotator.cli.errors import UsageError

        raise UsageError(f"--seed must be 0 or more, got {ns.seed}.")
    study = open_study(ns.study)
    try:
        result = plan_reliability(study, ns.coder, ns.fraction, ns.seed, recode=ns.recode)
    finally:
        study.close()
    if not result.eligible:
        whose = "by them" if ns.recode else "by another coder"
        print(f"No session to plan for {ns.coder}: no session has a primary coding {whose} yet.")
    elif not result.assigned:
        print(f"Nothing to add: {ns.coder} already has {len(result.had)} of the "
              f"{result.eligible} eligible session(s) for reliability coding, which covers every "
              f"case and --fraction {ns.fraction:g}.")
    else:
        print(f"Assigned {len(result.assigned)} session(s) to {ns.coder} for blind reliability "
              "coding: " + ", ".join(s.key for s in result.assigned)
              + (f" (they already had {len(result.had)})." if result.had else "."))
    return 0
