#!/usr/bin/env bash
# Quick start: set up annotator and open the demo study (built on first run in ./demo).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh app
bash scripts/venv.sh
exec .venv/bin/annotator demo demo "$@"
