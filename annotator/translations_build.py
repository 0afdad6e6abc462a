"""Keep the interface translations: update ``translations/*.ts`` from the source with
``pyside6-lupdate`` and compile them into ``.qm`` catalogues with ``pyside6-lrelease``.

Used by ``scripts/build-translations.sh`` (a checkout), ``hatch_build.py`` (a wheel) and the
translation tests. Needs PySide6's own ``lupdate``/``lrelease`` binaries, which ship in the
PySide6-Essentials wheel. ``translations/qt_nb.ts`` (Qt's standard buttons, which Qt ships
no Bokmål catalogue for) is kept by hand, not by lupdate.

    python annotator/translations_build.py update    # .ts from the source (keeps translations)
    python annotator/translations_build.py fill F.ts  # take translations from another .ts
    python annotator/translations_build.py [OUT]     # .qm into OUT (default annotator/_i18n)
"""

from __future__ import annotations

import copy
import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

LANGUAGES = ("nb",)
SOURCE_DIR = Path("annotator") / "ui"
TS_DIR = Path("translations")


def tool(name: str) -> Path:
    """PySide6's bundled ``lupdate`` or ``lrelease``."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise RuntimeError("PySide6 is needed to build the translations")
    base = Path(spec.origin).parent
    for candidate in (base / name, base / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    raise RuntimeError(f"PySide6 has no {name} binary in {base}")


def app_catalogue(repo: Path, language: str) -> Path:
    return repo / TS_DIR / f"annotator_{language}.ts"


def update_sources(repo: Path, ts: Path | None = None, language: str = "nb") -> str:
    """Run lupdate over ``annotator/ui`` into the app catalogue (or ``ts``); obsolete
    entries are dropped. Returns lupdate's report."""
    target = ts or app_catalogue(repo, language)
    files = sorted(str(p.relative_to(repo)) for p in (repo / SOURCE_DIR).rglob("*.py"))
    done = subprocess.run(
        [str(tool("lupdate")), "-no-obsolete", "-locations", "relative",
         "-target-language", language, *files, "-ts", str(target)],
        cwd=repo, check=True, capture_output=True, text=True)
    return done.stdout + done.stderr


def build_translations(repo: Path, out: Path) -> list[Path]:
    """Compile every ``translations/*_<lang>.ts`` into ``out``; the ``.qm`` files."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for language in LANGUAGES:
        for ts in sorted((repo / TS_DIR).glob(f"*_{language}.ts")):
            qm = out / (ts.stem + ".qm")
            subprocess.run([str(tool("lrelease")), "-silent", str(ts), "-qm", str(qm)],
                           check=True)
            made.append(qm)
    return made


def _finished(msg: ET.Element) -> ET.Element | None:
    tr = msg.find("translation")
    if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
        return None
    texts = [n.text for n in tr.findall("numerusform")] or [tr.text]
    return tr if all(t and t.strip() for t in texts) else None


def fill(target: Path, donors: list[Path]) -> tuple[int, int]:
    """Copy finished translations from ``donors`` into ``target``'s unfinished messages of
    the same context and source (a translator's file, or a branch's part). Returns
    (filled, still unfinished)."""
    found: dict[tuple[str, str], ET.Element] = {}
    for donor in donors:
        for ctx in ET.parse(donor).getroot().iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                tr = _finished(msg)
                if tr is not None:
                    found[(name, msg.findtext("source") or "")] = tr
    tree = ET.parse(target)
    filled = left = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            if _finished(msg) is not None:
                continue
            donor_tr = found.get((name, msg.findtext("source") or ""))
            if donor_tr is None:
                left += 1
                continue
            old = msg.find("translation")
            if old is not None:
                msg.remove(old)
            msg.append(copy.deepcopy(donor_tr))
            filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    target.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                      encoding="utf-8")
    return filled, left


def main(argv: list[str]) -> int:
    repo = Path(__file__).resolve().parent.parent
    if argv[:1] == ["fill"]:
        for language in LANGUAGES:
            done, left = fill(app_catalogue(repo, language), [Path(a) for a in argv[1:]])
            print(f"{language}: {done} filled, {left} still unfinished")
        return 0
    if argv[:1] == ["update"]:
        for language in LANGUAGES:
            print(update_sources(repo, language=language), end="")
        return 0
    out = Path(argv[0]) if argv else repo / "annotator" / "_i18n"
    for qm in build_translations(repo, out):
        print(f"built {qm}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
