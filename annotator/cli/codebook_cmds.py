"""``annotator codebook show|validate|list|from-eaf``."""

from __future__ import annotations

import argparse
from pathlib import Path

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


def cmd_from_eaf(ns: argparse.Namespace) -> int:
    from annotator.cli.errors import UsageError
    from annotator.exchange.atomic import atomic_text
    from annotator.exchange.eaf_codebook import codebook_from_eaf
    from annotator.exchange.eaf_read import read_eaf

    src, out = Path(ns.eaf), Path(ns.output)
    if not src.is_file():
        raise UsageError(f"There is no file {src}.")
    if out.exists() and not ns.force:
        raise UsageError(f"{out} exists; give --force to overwrite it.")
    if not out.parent.exists():
        raise UsageError(f"The folder {out.parent} does not exist.")
    doc = read_eaf(src)
    try:
        built = codebook_from_eaf(doc, name=ns.name or src.stem, by=ns.by,
                                  max_codes=ns.max_codes)
    except ValueError as exc:
        raise UsageError(f"{src.name}: {exc}.") from None
    with atomic_text(out) as fh:
        fh.write(f"# Built by annotator from {src.name}: check labels, keys and colours.\n")
        fh.write(built.text)
    cb, _ = load_codebook(str(out))
    print(f"Wrote {out}: {len(cb.categories)} categories, {len(cb.codes)} codes.")
    for note in built.notes:
        print(f"  {note}")
    print("Import the file with: annotator import STUDY " + src.name
          + " --case CASE --session N " + " ".join(built.map_options(doc)))
    return 0
