#!/usr/bin/env bash
# Builds apconsole and makes its Debian package with CPack: build/package/apconsole_VERSION_ARCH.deb
# (version from `git describe`, dependencies from dpkg-shlibdeps). Extra arguments go to cmake
# (e.g. -DAPCONSOLE_BUILD_TESTS=OFF). Install it with
#   sudo apt install ./build/package/apconsole_*.deb
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/build.sh" "$@"
build="${APCONSOLE_BUILD_DIR:-$here/build}"
cpack --config "$build/CPackConfig.cmake" -B "$build/package" >/dev/null
deb=$(ls -t "$build"/package/apconsole_*.deb | head -n1)
echo "$deb"
dpkg-deb --field "$deb" Package Version Depends Recommends
