#!/usr/bin/env bash
# Build the user manual (English and Norwegian) into annotator/_manual for a checkout,
# where Help > User manual finds it. A wheel build does the same (hatch_build.py).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
[ -x "$PY" ] || PY=python3
"$PY" annotator/manual_build.py "$@"
