#!/usr/bin/env bash
# Build the wheel, install it into a fresh venv and run the command from there.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m pip wheel -q --no-deps -w "$work/dist" .
whl=$(ls "$work"/dist/annotator-*.whl)
.venv/bin/python - "$whl" <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
need = [f"annotator/_codebooks/{n}.yaml"
        for n in ("helper-maneuvers", "alliance-obstacles", "bordin-alliance")]
need += [f"annotator/_manual/{lang}/index.html" for lang in ("en", "nb")]
need += [f"annotator/_i18n/{name}_nb.qm" for name in ("annotator", "qt")]
missing = [n for n in need if n not in names]
if missing:
    sys.exit(f"the wheel lacks {missing}")
PY
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q "$whl"
cd "$work"
"$work/venv/bin/annotator" --version
"$work/venv/bin/annotator" codebook show helper-maneuvers | head -5
echo "clean wheel ok"
