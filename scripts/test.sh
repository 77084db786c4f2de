#!/usr/bin/env bash
# Sets up (if needed) and runs every check: lint, types, layer contracts and the whole test suite.
# Widget tests run offscreen; the end-to-end test starts its own Xvfb server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
echo "== ruff";        ruff check kiosk tests
echo "== mypy";        mypy kiosk
echo "== lint-imports"; lint-imports
echo "== pytest";      python -m pytest "$@"
