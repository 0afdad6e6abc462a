"""``annotator init`` and ``annotator check``."""

from __future__ import annotations

import argparse

from annotator.cli.common import open_study, resolve_media
from annotator.core.codebook_files import load_codebook
from annotator.core.timefmt import format_tc
from annotator.store import Study


def cmd_init(ns: argparse.Namespace) -> int:
    codebook, text = load_codebook(ns.codebook)
    study = Study.create(ns.study, text, ns.codebook, name=ns.name)
    try:
        print(f"Created the study {study.where} with the codebook {codebook.name!r} "
              f"version {codebook.version} ({len(codebook.codes)} codes).")
        print(f"Next: annotator session add {ns.study} --case C01 --number 1 --media FILE")
    finally:
        study.close()
    return 0


def cmd_check(ns: argparse.Namespace) -> int:
    study = open_study(ns.study)
    problems = 0
    try:
        print(f"{study.where}: integrity ok, schema up to date.")
        sessions = study.sessions()
        missing = []
        for s in sessions:
            if s.media is None:
                continue
            path = resolve_media(study, s.media.path)
            if not path.is_file():
                missing.append(f"  {s.key}: media missing ({s.media.path})")
            elif path.stat().st_size != s.media.size:
                missing.append(f"  {s.key}: media changed size ({s.media.path}); relink it")
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
