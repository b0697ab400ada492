#!/usr/bin/env bash
# `cmake --install` into a staging prefix lays out exactly the files in expected-install.txt
# (relative to the prefix), no more and no less, executables executable.
# Usage: install_layout.sh BUILD_DIR
set -euo pipefail
. "$(dirname "$0")/common.sh"
build=$1
here=$(cd "$(dirname "$0")" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cmake --install "$build" --prefix "$stage/usr" >/dev/null
(cd "$stage/usr" && find . -type f -o -type l | sed 's|^\./||' | LC_ALL=C sort) > "$stage/actual.txt"
grep -v '^#' "$here/expected-install.txt" | LC_ALL=C sort > "$stage/expected.txt"
if ! diff -u "$stage/expected.txt" "$stage/actual.txt"; then
    fail "the installed files differ from tests/packaging/expected-install.txt (- expected, + installed)"
fi
for exe in bin/apconsole bin/apconsole-cli; do
    [ -x "$stage/usr/$exe" ] || fail "$exe is not executable"
done
"$stage/usr/bin/apconsole-cli" --version >/dev/null || fail "the installed apconsole-cli does not run"
echo "installed $(wc -l < "$stage/actual.txt") files, as expected"
