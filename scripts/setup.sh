#!/usr/bin/env bash
# Prepare this checkout to run VCS Desk: Qt's system libraries, a virtualenv, the package.
# Safe to run again: it only does what is missing.
#   scripts/setup.sh          libraries for offscreen Qt + venv
#   scripts/setup.sh --gui    also the X11 (xcb) libraries a real window needs
#   scripts/setup.sh --test   also poppler-utils (pdftotext/pdftoppm) for the letter tests,
#                             faketime (make test-clock moves the clock under the suite),
#                             xvfb (a real X server for the display check's test), and
#                             CUPS with a PDF printer (cups, cups-client, cups-pdf): the
#                             printing tests start their own throwaway CUPS server
# Every mode installs libcups2: without it Qt sees no printer at all.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
# shared library -> Debian package that provides it
libs=(
  "libglib-2.0.so.0:libglib2.0-0" "libEGL.so.1:libegl1" "libGL.so.1:libgl1"
  "libX11.so.6:libx11-6" "libdbus-1.so.3:libdbus-1-3" "libfontconfig.so.1:libfontconfig1"
  "libfreetype.so.6:libfreetype6" "libxkbcommon.so.0:libxkbcommon0"
  "libcups.so.2:libcups2"
)
if [ "$mode" = "--gui" ]; then
  libs+=(
    "libxcb-cursor.so.0:libxcb-cursor0" "libxkbcommon-x11.so.0:libxkbcommon-x11-0"
    "libxcb-icccm.so.4:libxcb-icccm4" "libxcb-image.so.0:libxcb-image0"
    "libxcb-keysyms.so.1:libxcb-keysyms1" "libxcb-randr.so.0:libxcb-randr0"
    "libxcb-render-util.so.0:libxcb-render-util0" "libxcb-shape.so.0:libxcb-shape0"
    "libxcb-xinerama.so.0:libxcb-xinerama0" "libxcb-xkb.so.1:libxcb-xkb1"
  )
fi

missing=()
known_libs=$({ ldconfig -p || /sbin/ldconfig -p; } 2>/dev/null || true)
for pair in "${libs[@]}"; do
  grep -qF "${pair%%:*}" <<<"$known_libs" || missing+=("${pair##*:}")
done
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=("fonts-dejavu-core")
if [ "$mode" = "--test" ] && ! command -v pdftotext >/dev/null; then missing+=("poppler-utils"); fi
if [ "$mode" = "--test" ] && ! command -v faketime >/dev/null; then missing+=("faketime"); fi
if [ "$mode" = "--test" ] && ! command -v Xvfb >/dev/null; then missing+=("xvfb"); fi
if [ "$mode" = "--test" ]; then
  [ -x /usr/sbin/cupsd ] || missing+=("cups")
  command -v lpstat >/dev/null || missing+=("cups-client")
  [ -e /usr/lib/cups/backend/cups-pdf ] || missing+=("printer-driver-cups-pdf")
fi

py=python3
if ! command -v "$py" >/dev/null || ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "VCS Desk needs Python 3.11 or newer as python3." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ] && ! "$py" -c 'import ensurepip, venv' 2>/dev/null; then
  missing+=("python3-venv")
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Please install these system packages first:" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv"
  "$py" -m venv .venv
fi
stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "Installing VCS Desk and its dependencies into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  # sqlcipher3-binary (the extra's package before sqlcipher3) owns the same files: remove it
  # first, or removing it later would take sqlcipher3's files with it.
  .venv/bin/python -m pip uninstall -q -y sqlcipher3-binary >/dev/null 2>&1 || true
  # The SQLCipher extra is optional: sqlcipher3 has wheels for Linux (glibc 2.28+), Windows
  # and macOS; elsewhere pip builds it, which needs libsqlcipher-dev. Without it the
  # encryption tests are skipped (CI refuses to run without them: tests/conftest.py).
  if ! .venv/bin/python -m pip install -q -e ".[test,encrypted]"; then
    echo "The encrypted extra (sqlcipher3) did not install: its tests will be skipped." >&2
    echo "  (no sqlcipher3 wheel here: building it needs a C compiler and libsqlcipher-dev)" >&2
    .venv/bin/python -m pip install -q -e ".[test]"
  fi
  touch "$stamp"
fi
