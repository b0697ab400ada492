#!/usr/bin/env bash
# The Debian package installs into a clean Debian 12 root and runs from it.
#   1. cpack builds the .deb from this build (dependencies computed by dpkg-shlibdeps);
#   2. a minimal Debian 12 root made by debootstrap (cached as a tarball in the build folder,
#      made once per build folder) is unpacked afresh;
#   3. apt installs the package there with its dependencies from the machine's Debian mirror
#      (the downloaded .debs are cached beside the root) without recommended packages, so the
#      Depends alone must be enough;
#   4. apconsole-cli --version, apconsole-cli inventory --host demo:zlab-a, apconsole --version
#      and a screenshot of the console on the offscreen platform run inside the root.
# Needs root (chroot), debootstrap and the mirror: under CI=true their absence fails the test.
# Usage: debian_root.sh BUILD_DIR CPACK EXPECTED_VERSION
set -euo pipefail
. "$(dirname "$0")/common.sh"
build=$(cd "$1" && pwd) cpack=$2 version=$3
need debootstrap dpkg-deb dpkg-shlibdeps chroot zstd tar
if [ "$(id -u)" -ne 0 ]; then
    [ "${CI:-}" = "true" ] && fail "the chroot needs root"
    echo "SKIP: the chroot needs root" >&2
    exit 77
fi
start=$SECONDS
step() { echo "[$((SECONDS - start))s] $*"; }

cache="$build/debian-root"
mkdir -p "$cache/archives"
root="$cache/root"
pkgdir="$cache/package"

# The last root stays in the build folder for a look (removing ~25,000 files costs most of a
# minute); the next run replaces it.
mounted=()
unmount()
{
    local m
    for m in "${mounted[@]}"; do umount -l "$m" 2>/dev/null || true; done
}
trap unmount EXIT

# 1. The package.
step "building the package with cpack"
rm -rf "$pkgdir"
"$cpack" --config "$build/CPackConfig.cmake" -B "$pkgdir" >"$cache/cpack.log" 2>&1 || { cat "$cache/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$pkgdir"/apconsole_*.deb)
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the package's version is $(dpkg-deb -f "$deb" Version), not $version"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libqt6core6 libqt6widgets6 libvirt0 libc6; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib (dpkg-shlibdeps did not run?): $depends"
done
step "$(basename "$deb"): Depends: $depends"

# 2. A clean Debian 12 root.
mirror=${APCONSOLE_DEBIAN_MIRROR:-}
if [ -z "$mirror" ]; then
    # The machine's own Debian mirror, from its apt sources (deb822 or one-line form).
    mirror=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n1)
    [ -n "$mirror" ] || mirror=$(sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\([^ ]*\) bookworm .*/\2/p' /etc/apt/sources.list 2>/dev/null | head -n1)
fi
[ -n "$mirror" ] || fail "no Debian mirror found in the apt sources (set APCONSOLE_DEBIAN_MIRROR)"
tarball="$cache/bookworm-minbase.tar.zst"
if [ ! -s "$tarball" ]; then
    step "debootstrap bookworm (minbase) from $mirror"
    rm -rf "$root"
    debootstrap --variant=minbase bookworm "$root" "$mirror" >"$cache/debootstrap.log" 2>&1 \
        || { tail -n 20 "$cache/debootstrap.log" >&2; fail "debootstrap could not make a Debian 12 root"; }
    rm -rf "$root"/var/cache/apt/archives/*.deb
    tar -C "$root" -cf - . | zstd -q -T0 -3 -o "$tarball.tmp"
    mv "$tarball.tmp" "$tarball"
    rm -rf "$root"
fi
step "unpacking the clean root"
# A run that was killed may have left its /proc mounted: never walk into it.
umount -l "$root/proc" 2>/dev/null || true
rm -rf --one-file-system "$root"
mkdir -p "$root"
zstd -q -dc "$tarball" | tar -C "$root" -xf -
grep -q '^12' "$root/etc/debian_version" || fail "the root is not Debian 12: $(cat "$root/etc/debian_version")"
mount -t proc proc "$root/proc" && mounted+=("$root/proc")
cp "$deb" "$root/tmp/"
cp -l "$cache"/archives/*.deb "$root/var/cache/apt/archives/" 2>/dev/null || true

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"; }

# 3. Install.
step "apt-get install ./$(basename "$deb") in the root"
in_root apt-get -q update >"$cache/apt.log" 2>&1 || { tail -n 20 "$cache/apt.log" >&2; fail "apt-get update failed in the root"; }
in_root apt-get -q -y --no-install-recommends -o DPkg::Options::=--force-unsafe-io \
    install "/tmp/$(basename "$deb")" >>"$cache/apt.log" 2>&1 \
    || { tail -n 30 "$cache/apt.log" >&2; fail "the package does not install into a clean Debian 12 root"; }
cp -ln "$root"/var/cache/apt/archives/*.deb "$cache/archives/" 2>/dev/null || true
step "installed ($(grep -c '^Unpacking' "$cache/apt.log") packages unpacked)"

# 4. Run.
out=$(in_root apconsole-cli --version) || fail "apconsole-cli --version failed in the root"
[ "$out" = "apconsole-cli $version" ] || fail "apconsole-cli --version printed '$out'"
echo "$out"
out=$(in_root apconsole --version) || fail "apconsole --version failed in the root (no display there)"
[ "$out" = "apconsole $version" ] || fail "apconsole --version printed '$out'"
echo "$out"
inv=$(in_root apconsole-cli inventory --host demo:zlab-a) || fail "apconsole-cli inventory --host demo:zlab-a failed in the root"
grep -q '"host"' <<<"$inv" || fail "the inventory is not the host's JSON: $(head -c 300 <<<"$inv")"
echo "apconsole-cli inventory --host demo:zlab-a: $(wc -c <<<"$inv") bytes of JSON"
in_root QT_QPA_PLATFORM=offscreen apconsole --screenshot /tmp/shot.png --quit-after 30000 >"$cache/gui.log" 2>&1 \
    || { cat "$cache/gui.log" >&2; fail "the console did not start from the package"; }
[ -s "$root/tmp/shot.png" ] || fail "the console started from the package wrote no screenshot"
step "the package installs and runs in a clean Debian 12 root"
