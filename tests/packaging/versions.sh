#!/usr/bin/env bash
# `apconsole --version` and `apconsole-cli --version` print the build's one version, and the
# console answers without a display (xcb asked for, no DISPLAY: it would abort if it needed one).
# Usage: versions.sh APCONSOLE APCONSOLE_CLI EXPECTED_VERSION
set -euo pipefail
. "$(dirname "$0")/common.sh"
gui=$1 cli=$2 expected=$3
g=$(env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=xcb "$gui" --version) || fail "apconsole --version failed without a display"
c=$("$cli" --version) || fail "apconsole-cli --version failed"
[ "$g" = "apconsole $expected" ] || fail "apconsole --version printed '$g', not 'apconsole $expected'"
[ "$c" = "apconsole-cli $expected" ] || fail "apconsole-cli --version printed '$c', not 'apconsole-cli $expected'"
env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=xcb "$gui" --help | grep -q -- --screenshot || fail "apconsole --help failed without a display"
echo "both print $expected"
