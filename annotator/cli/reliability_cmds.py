"""``annotator reliability`` and ``annotator plan-reliability``."""

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
                   help="two or more coders; the same coder twice compares a re-coding")
    p.add_argument("--sessions", nargs="+", metavar="CASE:N", help="limit to these sessions")
    p.add_argument("--resolution-ms", type=int, default=None, metavar="N",
                   help="use slices of N ms instead of exact durations")
    p.add_argument("--tolerance-ms", type=int, default=1000, metavar="N",
                   help="linking tolerance for point codes (default 1000)")
    p.add_argument("--bootstrap", type=int, default=1000, metavar="N",
                   help="bootstrap resamples over sessions for CIs (default 1000; 0 = none)")
    p.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    p.add_argument("--format", choices=["table", "json", "csv", "html"], default="table")
    p.add_argument("-o", "--output", metavar="FILE", help="write to a file instead of stdout")
    p.set_defaults(handler="reliability_cmds:cmd_reliability")

    p = sub.add_parser("plan-reliability",
                       help="assign a stratified sample of sessions to a second coder, blind")
    study_arg(p)
    p.add_argument("--fraction", type=float, default=0.2)
    p.add_argument("--coder", required=True, metavar="ID")
    p.add_argument("--seed", type=int, default=None)
    p.set_defaults(handler="reliability_cmds:cmd_plan")


def cmd_reliability(ns: argparse.Namespace) -> int:
    from annotator.core.reliability import compute_reliability
    from annotator.exchange import reliability_report as rr
    from annotator.exchange.atomic import atomic_text
    from annotator.exchange.reliability_data import gather

    if ns.resolution_ms is not None and ns.resolution_ms <= 0:
        from annotator.core.reliability.errors import ReliabilityInputError

        raise ReliabilityInputError("--resolution-ms must be a positive number of ms.")
    from annotator.cli.common import open_study

    study = open_study(ns.study)
    try:
        codebook, sessions, labels = gather(study, ns.coders, ns.sessions)
    finally:
        study.close()
    progress = Progress("reliability", enabled=ns.output is not None)
    report = compute_reliability(
        codebook, sessions, labels, resolution_ms=ns.resolution_ms,
        tolerance_ms=ns.tolerance_ms, bootstrap=ns.bootstrap, seed=ns.seed,
        progress=lambda f: progress.update(f),
    )
    if ns.format == "html":
        from annotator.core.reliability import timeline_diff

        diffs = {}
        if len(labels) >= 2:
            for s in sessions:
                diffs[f"{s.case}:{s.session}"] = timeline_diff(s, labels[0], labels[1], codebook)
        text = rr.to_html(report, diffs)
    else:
        text = {"json": rr.to_json, "table": rr.to_table, "csv": rr.to_csv}[ns.format](report)
    if ns.output:
        with atomic_text(Path(ns.output)) as fh:
            fh.write(text)
        progress.done(f"wrote {ns.output}")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def cmd_plan(ns: argparse.Namespace) -> int:
    from annotator.cli.common import open_study
    from annotator.exchange.reliability_data import plan_sample

    study = open_study(ns.study)
    try:
        if not study.has_coder(ns.coder):
            study.add_coder(ns.coder)
        primary_by_other = {a.session_id for a in study.assignments(purpose="primary")
                            if a.coder != ns.coder}
        already = {a.session_id for a in study.assignments(coder=ns.coder,
                                                           purpose="reliability")}
        pool = [s for s in study.sessions() if s.id in primary_by_other and s.id not in already]
        if not pool:
            print(f"No session left to plan for {ns.coder}: every session coded by another "
                  "coder already has a reliability assignment for them.")
            return 0
        picked = plan_sample(pool, ns.fraction, ns.seed)
        for s in picked:
            study.assign(s.id, ns.coder, "reliability")
        print(f"Assigned {len(picked)} session(s) to {ns.coder} for blind reliability coding: "
              + ", ".join(s.key for s in picked))
    finally:
        study.close()
    return 0
