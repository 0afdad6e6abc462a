#!/usr/bin/env bash
# Quick start: set up everything and run the whole test suite (lint, types, import contracts,
# tests on SQLite and PostgreSQL, and a clean-wheel smoke test). CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh test
bash scripts/venv.sh
source scripts/postgres.sh   # starts a local PostgreSQL and exports ANNOTATOR_TEST_PG_URL
export QT_QPA_PLATFORM=offscreen

echo "== ruff"
.venv/bin/ruff check annotator tests bench
echo "== mypy --strict (the whole package)"
.venv/bin/mypy
echo "== import contracts"
.venv/bin/lint-imports
echo "== pytest"
set +e
.venv/bin/python -m pytest -p no:cacheprovider "$@"
rc=$?
set -e
if [ $rc -eq 5 ]; then echo "pytest collected no tests: that is a failure." >&2; exit 1; fi
[ $rc -eq 0 ] || exit $rc
echo "== clean wheel"
bash scripts/wheel-smoke.sh
