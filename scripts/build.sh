#!/usr/bin/env bash
# Configures and builds apconsole into build/ (Ninja, RelWithDebInfo). Extra args go to cmake.
# APCONSOLE_WERROR=ON (what .ci/run sets; CI=true implies it) makes every warning an error.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/install-deps.sh"
build="${APCONSOLE_BUILD_DIR:-$here/build}"
werror=${APCONSOLE_WERROR:-OFF}
[ "${CI:-}" = "true" ] && werror=ON
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAPCONSOLE_WERROR=$werror "$@" >/dev/null
cmake --build "$build" --parallel "$(nproc)"
