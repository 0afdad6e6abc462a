#!/usr/bin/env bash
# Compile the interface translations (translations/*.ts) into annotator/_i18n/*.qm for a
# checkout. A wheel build does the same (hatch_build.py).
#   scripts/build-translations.sh update   first refresh the .ts files from the source
#                                          (pyside6-lupdate; keeps the translations)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
[ -x "$PY" ] || PY=python3
if [ "${1:-}" = update ]; then "$PY" annotator/translations_build.py update; shift; fi
"$PY" annotator/translations_build.py "$@"
