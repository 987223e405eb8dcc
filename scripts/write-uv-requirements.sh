#!/usr/bin/env bash
# Writes scripts/uv-requirements.txt: the uv release that uv.lock holds, with its hashes.
# `make setup` installs uv from it with pip --require-hashes before uv installs the rest.
set -euo pipefail
cd "$(dirname "$0")/.."
uv_version=$(python3 -c 'import tomllib; print(next(p["version"] for p in tomllib.load(open("uv.lock", "rb"))["package"] if p["name"] == "uv"))')
echo "uv==${uv_version}" | .venv/bin/uv pip compile - --generate-hashes --no-header --quiet \
  --python-version 3.11 --output-file scripts/uv-requirements.txt
