#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for SECONDS (default 30)
# on a copy of its seed corpus in tests/fuzz/corpus/. Exits non-zero on the first crash, leak,
# sanitizer report or timeout; the input that caused it is kept in $build/artifacts/.
#   ./scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. ./scripts/fuzz.sh 3600 dump stream
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(attributes dump stream snapshotjson libvirtxml querymigrate matrixmime hosturi desiredmatrices definitions gunzip)
build="${APCONSOLE_FUZZ_BUILD_DIR:-$here/build-fuzz}"
if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAPCONSOLE_FUZZ=ON \
        -DCMAKE_CXX_COMPILER=clang++ ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} >/dev/null
fi
ninja -C "$build" $(printf 'fuzz_%s ' "${targets[@]}")
mkdir -p "$build/artifacts"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export QT_QPA_PLATFORM=offscreen
for t in "${targets[@]}"; do
    work=$(mktemp -d "/tmp/apconsole-fuzz-$t.XXXXXX")
    echo "fuzz_$t: ${seconds}s" >&2
    # New inputs go to the scratch corpus; the seed corpus in the repository is only read.
    "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" "$work" "$here/tests/fuzz/corpus/$t" 2>"$build/fuzz_$t.log" \
        || { tail -n 60 "$build/fuzz_$t.log" >&2; echo "fuzz_$t: FAILED (input kept in $build/artifacts/)" >&2; exit 1; }
    grep -E '^stat::number_of_executed_units' "$build/fuzz_$t.log" >&2 || true
    rm -rf "$work"
done
