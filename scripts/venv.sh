#!/usr/bin/env bash
# Create .venv (if needed) and install annotator into it in editable mode with test extras.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
  echo "annotator needs Python 3.11 or newer (found $("$PY" --version 2>&1))." >&2; exit 1; }
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test]'
  rm -f .venv/.installed-* && touch "$stamp"
fi
# the user manual for Help > User manual (annotator/_manual, git-ignored)
[ -f annotator/_manual/nb/index.html ] && [ -z "$(find docs/manual docs/mkdocs-*.yml -newer annotator/_manual/nb/index.html -print -quit)" ] \
  || PYTHON=.venv/bin/python bash scripts/build-manual.sh >/dev/null
# the interface translations (annotator/_i18n/*.qm, git-ignored)
[ -f annotator/_i18n/annotator_nb.qm ] && [ -z "$(find translations -newer annotator/_i18n/annotator_nb.qm -print -quit)" ] \
  || PYTHON=.venv/bin/python bash scripts/build-translations.sh >/dev/null
