#!/usr/bin/env bash
# Builds apconsole and runs the whole test suite; exits non-zero on any failure. Needs no display:
# widget tests run offscreen, the few tests that need a real X server start their own Xvfb.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/build.sh"
build="${APCONSOLE_BUILD_DIR:-$here/build}"
export LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d /tmp/apconsole-xdg.XXXXXX)}"
chmod 700 "$XDG_RUNTIME_DIR"
ctest --test-dir "$build" --output-on-failure --timeout 600 -j "$(nproc)"
