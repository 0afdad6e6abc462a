"""Build the user manual (docs/mkdocs-{en,nb}.yml) into a folder: ``OUT/en``, ``OUT/nb`` and the
screenshots in ``OUT/img/<lang>`` (each language its own), as the wheel holds it under
``annotator/_manual``.

Used by ``scripts/build-manual.sh`` (a checkout) and ``hatch_build.py`` (a wheel). Needs
MkDocs, which is a build and test dependency, never a runtime one.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

LANGUAGES = ("en", "nb")

WEB_SERVER_ONLY = ("404.html", "sitemap.xml", "sitemap.xml.gz")
"""Pages MkDocs makes for a web server (absolute /css links, site URLs): useless from disk."""


def build_manual(repo: Path, out: Path) -> list[Path]:
    """Build every language of the manual from ``repo/docs`` into ``out``; the index pages."""
    docs = repo / "docs"
    out.mkdir(parents=True, exist_ok=True)
    pages = []
    for lang in LANGUAGES:
        site = out / lang
        if site.exists():
            shutil.rmtree(site)
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet",
                        "-f", str(docs / f"mkdocs-{lang}.yml"), "-d", str(site.resolve())],
                       check=True)
        for name in WEB_SERVER_ONLY:
            (site / name).unlink(missing_ok=True)
        pages.append(site / "index.html")
    img = out / "img"
    if img.exists():
        shutil.rmtree(img)
    shutil.copytree(docs / "manual" / "img", img)
    return pages


def main(argv: list[str]) -> int:
    repo = Path(__file__).resolve().parent.parent
    out = Path(argv[0]) if argv else repo / "annotator" / "_manual"
    for page in build_manual(repo, out):
        print(f"built {page}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
