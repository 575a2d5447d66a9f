#!/usr/bin/env bash
# Install hrdwatch in a local virtual environment and run the demo site on http://127.0.0.1:8000
# (SQLite in ./hrdwatch-data, fictional demo data). Extra arguments go to `hrdwatch demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/hrdwatch demo "$@"
