#!/usr/bin/env bash
# Builds apconsole and opens the console on the built-in demo fleet. Arguments go to apconsole.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/build.sh"
build="${APCONSOLE_BUILD_DIR:-$here/build}"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "apconsole: no display found; running under Xvfb (xvfb-run)" >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$build/app/apconsole" "$@"
fi
exec "$build/app/apconsole" "$@"
