#!/usr/bin/env bash
# Prepares a fresh Debian machine to run and test the kiosk: the system libraries Qt needs, then a
# virtual environment in .venv with the kiosk installed in editable mode. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  # Qt on a real X display (and Xvfb for the end-to-end test)
  xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0
  # QtMultimedia, and read-aloud (speech-dispatcher-espeak-ng joins the two: without it there is no voice)
  libpulse0 speech-dispatcher espeak-ng speech-dispatcher-espeak-ng
  # the read-aloud end-to-end test: a silent sound server whose output is recorded and measured
  pulseaudio pulseaudio-utils sox
  # the end-to-end test: a finger on the X screen, and a screenshot of it
  xdotool imagemagick
  # the take-home QR test reads the drawn code back with a real decoder (zbarimg)
  zbar-tools
  # the screen-reader test: a private D-Bus session with the AT-SPI bus on it
  dbus-daemon at-spi2-core
)

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "Installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "warning: cannot install ${missing[*]} (no apt-get); install them with your package manager" >&2
  fi
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# pip runs only when the package description changed since the last install (or never ran), so
# start.sh and test.sh start in about a second on a machine that is already set up.
STAMP=.venv/.installed-from
wanted="$(cat pyproject.toml setup.py | sha256sum | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$wanted" ] && [ -x .venv/bin/kiosk ]; then
  exit 0
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
echo "$wanted" > "$STAMP"
