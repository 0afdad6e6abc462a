#!/usr/bin/env bash
# Install (or name) the Debian/Ubuntu packages annotator needs.
#   scripts/system-packages.sh app    what the desktop app needs
#   scripts/system-packages.sh test   plus what the test suite needs
# As root it installs them with apt-get; with sudo it uses sudo; otherwise it prints the
# exact command to run and stops.
set -euo pipefail
want="${1:-app}"

APP_PKGS=(python3-venv libpulse0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
  libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
TEST_PKGS=(xvfb xauth xdotool ffmpeg postgresql util-linux poppler-utils pulseaudio
  pulseaudio-utils)

pkgs=("${APP_PKGS[@]}")
[ "$want" = "test" ] && pkgs+=("${TEST_PKGS[@]}")

command -v dpkg-query >/dev/null 2>&1 || {
  echo "Not a Debian/Ubuntu system: install the equivalents of: ${pkgs[*]}" >&2
  exit 0
}

missing=()
for p in "${pkgs[@]}"; do
  # python3-venv is only needed when this Python lacks a working venv + ensurepip
  if [ "$p" = python3-venv ] && python3 -c 'import ensurepip, venv' 2>/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
if [ "$(id -u)" = 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${cmd[@]}" -qq
elif command -v sudo >/dev/null 2>&1; then
  echo "Installing system packages with sudo: ${missing[*]}"
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive "${cmd[@]}" -qq
else
  echo "annotator needs these system packages. Run as root, then try again:" >&2
  echo "  apt-get update && ${cmd[*]}" >&2
  exit 1
fi
