#!/usr/bin/env bash
# Sets up (if needed) and starts the kiosk fullscreen on the bundled pack. Extra arguments go to `kiosk`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/kiosk "$@"
