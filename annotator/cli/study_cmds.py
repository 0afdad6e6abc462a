"""``annotator init`` and ``annotator check``."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.common import open_reader, resolve_media
from annotator.cli.output import safe
from annotator.core.codebook_files import load_codebook
from annotator.core.timefmt import format_tc


def cmd_init(ns: argparse.Namespace) -> int:
    codebook, text = load_codebook(ns.codebook)
    if "://" in ns.study:  # a server: the migrations build the schema
        from annotator.store.study import Study

        Study.create(ns.study, text, ns.codebook, name=ns.name).close()
        from annotator.store.engine import describe_target

        where = describe_target(ns.study)
    else:  # a file: from the schema snapshot, without SQLAlchemy (store/create_file.py)
        from annotator.store.create_file import create_study_file

        create_study_file(Path(ns.study), codebook, text, ns.name)
        where = ns.study
    print(f"Created the study {safe(where)} with the codebook {codebook.name!r} "
          f"version {codebook.version} ({len(codebook.codes)} codes).")
    print(f"Next: annotator session add {safe(where)} --case C01 --number 1 "
          "--media FILE")
    return 0


def cmd_check(ns: argparse.Namespace) -> int:
    study = open_reader(ns.study)
    problems = 0
    try:
        if not study.integrity_checked:  # a migration on open already ran it
            study.check_integrity()
        from annotator.store.integrity import audit

        findings = audit(study)
        if findings:
            problems += len(findings)
            print(f"{safe(study.where)}: {len(findings)} sign(s) of damage or tampering:")
            for f in findings:
                print(f"  {safe(f.problem)}.\n    What to do: {safe(f.todo)}.")
        else:
            print(f"{safe(study.where)}: integrity ok, schema up to date, no foreign-key "
                  "violations, no foreign triggers or views, codebooks intact.")
        sessions = study.sessions()
        missing = []
        for s in sessions:
            if s.media is None:
                continue
            path = resolve_media(study, s.media.path)
            if not path.is_file():
                missing.append(f"  {safe(s.key)}: media missing ({safe(s.media.path)})")
            elif path.stat().st_size != s.media.size:
                missing.append(f"  {safe(s.key)}: media changed size ({safe(s.media.path)}); "
                               "relink it")
        with_media = sum(1 for s in sessions if s.media is not None)
        print(f"{len(sessions)} session(s), {with_media} with media, {len(study.coders())} "
              f"coder(s).")
        if missing:
            problems += len(missing)
            print(f"{len(missing)} media problem(s):")
            print("\n".join(missing))
            print("Relink moved recordings in the app (Session ▸ Relink media…).")
        else:
            print("All linked media are present.")
        recordings = study.open_recordings()
        if recordings:
            print(f"{len(recordings)} open recording(s): codes still being recorded, not "
                  "segments until they are ended (they are left out of exports):")
            for r in recordings:
                print(f"  {r.case}:{r.session} coder {r.coder} ({r.purpose}) code {r.code} "
                      f"({r.code_label}) since {format_tc(r.start_ms)}")
            print("Open the session in the app to end or discard them.")
    finally:
        study.close()
    return 1 if problems else 0
