#!/bin/sh
# Make sure the Debian/Ubuntu packages FrontDesk needs are present.
#   tools/system-deps.sh run    Qt for a real window (xcb) + a CJK font
#   tools/system-deps.sh test   Qt offscreen + CJK font + poppler (pdftotext/pdffonts)
#   tools/system-deps.sh package  what test needs + binutils (PyInstaller's strip and objdump)
#                               + desktop-file-utils (the smoke test checks the desktop entry)
# Installs what is missing when running as root with apt-get; otherwise prints
# the exact apt-get line and stops with exit code 1.
set -eu
mode=${1:-run}

qt_offscreen="libglib2.0-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0"
qt_xcb="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
fonts="fonts-wqy-microhei"

case "$mode" in
  run)   wanted="$qt_offscreen $qt_xcb $fonts" ;;
  test)  wanted="$qt_offscreen $fonts poppler-utils" ;;
  bench) wanted="$qt_offscreen $fonts" ;;
  package) wanted="$qt_offscreen $fonts poppler-utils binutils desktop-file-utils" ;;
  *) echo "usage: $0 run|test|bench|package" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian/Ubuntu system; make sure Qt 6's runtime libraries and a CJK font are installed." >&2
  exit 0
fi

# python3 -m venv needs python3-venv on Debian's own Python.
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  wanted="$wanted python3-venv"
fi

missing=""
for pkg in $wanted; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in
    *" installed") ;;
    *) missing="$missing $pkg" ;;
  esac
done
[ -z "$missing" ] && exit 0

line="apt-get install -y$missing"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing$missing"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $line -qq
else
  echo "FrontDesk needs these system packages. Run, then try again:" >&2
  echo "  sudo $line" >&2
  exit 1
fi
