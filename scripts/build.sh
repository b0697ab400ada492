#!/usr/bin/env bash
# Configures and builds apconsole into build/ (Ninja, RelWithDebInfo). Extra args go to cmake.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/install-deps.sh"
build="${APCONSOLE_BUILD_DIR:-$here/build}"
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAPCONSOLE_WERROR=$werror "$@" >/dev/null
cmake --build "$build" --parallel "$(nproc)"
