"""``annotator codebook show|validate|list``."""

from __future__ import annotations

import argparse

from annotator.core.codebook_files import load_codebook, shipped_codebooks


def cmd_show(ns: argparse.Namespace) -> int:
    cb, _ = load_codebook(ns.codebook)
    lang = ns.lang
    print(f"{cb.name} (version {cb.version}; languages {', '.join(cb.languages)})")
    for cat in cb.categories:
        kind = "exclusive" if cat.exclusive else "non-exclusive"
        print(f"\n{cat.label_in(lang)} [{cat.id}, {kind}]")
        for code in cat.codes:
            key = code.key or "-"
            print(f"  {key:>3}  {code.id:<24} {code.label_in(lang)}"
                  f"{'  (point)' if code.kind == 'point' else ''}")
            definition = code.definition.get(lang)
            if definition:
                print(f"       {' '.join(definition.split())}")
    return 0


def cmd_validate(ns: argparse.Namespace) -> int:
    cb, _ = load_codebook(ns.codebook)
    print(f"{ns.codebook}: ok — {cb.name!r} version {cb.version}, {len(cb.categories)} "
          f"categories, {len(cb.codes)} codes.")
    return 0


def cmd_list(ns: argparse.Namespace) -> int:
    for name, path in shipped_codebooks().items():
        cb, _ = load_codebook(str(path))
        print(f"{name:<20} {cb.name} ({len(cb.codes)} codes)")
    return 0
