#!/usr/bin/env bash
# The desktop entry and the AppStream metainfo validate, and they agree with each other and with
# the name the console gives Qt (APCONSOLE_DESKTOP_ID): file name, Icon, StartupWMClass, launchable.
# Usage: desktop_integration.sh BUILD_RESOURCES_DIR DESKTOP_ID APPSTREAM_ID
set -euo pipefail
. "$(dirname "$0")/common.sh"
need desktop-file-validate appstreamcli
dir=$1 id=$2 appstream=$3
desktop="$dir/$id.desktop"
metainfo="$dir/$appstream.metainfo.xml"
[ -f "$desktop" ] || fail "no $desktop"
[ -f "$metainfo" ] || fail "no $metainfo"

out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
[ -z "$out" ] || fail "desktop-file-validate warns: $out"
echo "desktop-file-validate $desktop: ok"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate --no-net $metainfo"

key() { sed -n "s/^$1=//p" "$desktop"; }
[ "$(key StartupWMClass)" = "$id" ] || fail "StartupWMClass is '$(key StartupWMClass)', not '$id'"
[ "$(key Icon)" = "$id" ] || fail "Icon is '$(key Icon)', not '$id'"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" || fail "the metainfo does not launch $id.desktop"
grep -q "<id>$appstream</id>" "$metainfo" || fail "the metainfo's id is not $appstream"
for b in apconsole apconsole-cli; do
    grep -q "<binary>$b</binary>" "$metainfo" || fail "the metainfo does not provide $b"
done
echo "desktop entry and metainfo agree on $id"
