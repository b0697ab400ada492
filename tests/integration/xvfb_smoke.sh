#!/usr/bin/env bash
# Usage: xvfb_smoke.sh APCONSOLE ARTIFACT_DIR
set -euo pipefail
app=$1
out=$2
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shot="$out/mainwindow-xvfb.png"
rm -f "$shot"
export APCONSOLE_DB="$work/apconsole.db" XDG_CONFIG_HOME="$work/config" XDG_RUNTIME_DIR="$work/run"
mkdir -m 700 -p "$XDG_RUNTIME_DIR"
unset QT_QPA_PLATFORM
xvfb-run -a -s "-screen 0 1600x1000x24" "$app" -platform xcb --size 1500x900 --screenshot "$shot" --quit-after 15000
test -s "$shot" || { echo "no screenshot was written" >&2; exit 1; }
head -c 8 "$shot" | od -An -tx1 | grep -q "89 50 4e 47" || { echo "screenshot is not a PNG" >&2; exit 1; }
echo "screenshot: $shot"
