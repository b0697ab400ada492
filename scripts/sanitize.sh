#!/usr/bin/env bash
# Builds apconsole with clang and a sanitizer into a build directory of its own and runs tests
# there; exits non-zero on any test failure or sanitizer report (each one aborts its test).
#   ./scripts/sanitize.sh address [CTEST-ARGS...]  ASan + UBSan, build-asan/: the unit, integration,
#                                                  model and widget tests (offscreen)
#   ./scripts/sanitize.sh thread  [CTEST-ARGS...]  TSan, build-tsan/: the tests labelled "threads"
# Only the targets those tests need are built.
# The suppression files in .ci/ name third-party code only (Qt, fontconfig, libvirt, SQLite),
# never apconsole's. APCONSOLE_WERROR=ON makes warnings errors here too.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
kind=${1:-}
shift || true
case "$kind" in
    # tst_reallibvirt and tst_reallibvirtwizard boot QEMU guests as root: the plain build's run covers them.
    address) dir=build-asan; select=(-L 'unit|integration|model|ui' -E 'tst_reallibvirt') ;;
    thread) dir=build-tsan; select=(-L threads) ;;
    *) echo "usage: $0 address|thread [ctest args...]" >&2; exit 2 ;;
esac
"$here/scripts/install-deps.sh"
build="${APCONSOLE_SANITIZE_BUILD_DIR:-$here/$dir}"
# Line tables are all a report's stack needs; full debug info costs 4-10 % more compiler time
# per file (snapshotjson.cpp 13.2 s -> 11.9 s under TSan).
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" \
    -DAPCONSOLE_SANITIZE="$kind" -DAPCONSOLE_WERROR="${APCONSOLE_WERROR:-OFF}" \
    ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} >/dev/null

# Every report also goes to a file of its own in $reports: a report in a child process (the CLI
# run by tst_cli, tst_store's workers) fails the run even when the test passed over its exit.
reports="$build/sanitizer-reports"
rm -rf "$reports" && mkdir -p "$reports"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:log_path=$reports/asan"
export LSAN_OPTIONS="suppressions=$here/.ci/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$here/.ci/ubsan.supp:log_path=$reports/ubsan"
# Qt is not built with TSan: the memory its own code allocates, frees and copies is left out
# (ignore_noninstrumented_modules), else every event a worker posts and the receiving thread
# deletes inside libQt6Core is a race; apconsole's code and Qt's inline code stay checked.
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:ignore_noninstrumented_modules=1:suppressions=$here/.ci/tsan.supp:log_path=$reports/tsan"

# Only what the selected tests need (each test is named after its executable).
mapfile -t targets < <(ctest --test-dir "$build" -N "${select[@]}" | awk '/Test +#[0-9]+:/ {print $3}')
[ ${#targets[@]} -gt 0 ] || { echo "sanitize.sh: no test selected by ${select[*]}" >&2; exit 1; }
cmake --build "$build" --parallel "$(nproc)" --target "${targets[@]}"

export LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d /tmp/apconsole-xdg.XXXXXX)}"
chmod 700 "$XDG_RUNTIME_DIR"
status=0
ctest --test-dir "$build" --output-on-failure --timeout 1200 -j "$(nproc)" "${select[@]}" "$@" || status=$?
if [ -n "$(ls -A "$reports")" ]; then
    for f in "$reports"/*; do echo "== $f" >&2; cat "$f" >&2; done
    echo "sanitize.sh: $(ls "$reports" | wc -l) sanitizer report(s), see above" >&2
    exit 1
fi
exit "$status"
