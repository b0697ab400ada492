#!/usr/bin/env bash
# Two real libvirt hosts on this machine: a libvirtd + QEMU (TCG) "host-a" and "host-b", each in
# its own mount and UTS namespace with its own configuration, state and loopback address; no
# systemd. Guests boot a tiny kernel built here from tests/support/libvirt/guest (no downloads)
# that fills its RAM and, with --dirty, keeps rewriting it so a migration takes several passes.
# Needs root (namespaces, bind mounts). See README.md, "Real libvirt hosts".
#
#   libvirt-hosts.sh up DIR [--net 127.X.Y]  start both hosts (those not running), print their URIs
#   libvirt-hosts.sh down DIR [a|b]          stop both hosts (or one) and their guests
#   libvirt-hosts.sh status DIR              print "a URI running|stopped" per host
#   libvirt-hosts.sh guest DIR NAME [--host a|b] [--memory MIB] [--dirty] [--ap-config UUID]
#                                            define and start a guest (--ap-config: a vfio-ap
#                                            hostdev in its persistent definition only)
#
# Host a listens on NET.2, host b on NET.3 (default NET 127.0.0; libvirt port 16509, migration
# ports 49152-49215 on the same address), so several harnesses can run side by side.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
src="$here/tests/support/libvirt"

die() { echo "libvirt-hosts: $*" >&2; exit 1; }

[ $# -ge 2 ] || die "usage: $0 up|down|status|guest DIR ..."
cmd=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)
shift 2

net_of() { cat "$dir/net" 2>/dev/null || echo 127.0.0; }
addr_of() { if [ "$1" = a ]; then echo "$(net_of).2"; else echo "$(net_of).3"; fi; }
uri_of() { echo "qemu+tcp://$(addr_of "$1"):16509/system"; }
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

build_tools() {
  mkdir -p "$dir/bin"
  local cflags=(-O2 -Wall -Wextra -Werror)
  if [ ! -x "$dir/bin/subreaper" ] || [ "$src/subreaper.c" -nt "$dir/bin/subreaper" ]; then
    cc "${cflags[@]}" "$src/subreaper.c" -o "$dir/bin/subreaper"
  fi
  if [ ! -f "$dir/guest.elf" ] || [ "$src/guest/guest.c" -nt "$dir/guest.elf" ] || [ "$src/guest/entry.S" -nt "$dir/guest.elf" ]; then
    cc -m32 -ffreestanding -fno-pic -fno-stack-protector "${cflags[@]}" -c "$src/guest/guest.c" -o "$dir/bin/guest.o"
    cc -m32 -c "$src/guest/entry.S" -o "$dir/bin/entry.o"
    ld -m elf_i386 -nostdlib -z noexecstack --no-warn-rwx-segments -T "$src/guest/guest.ld" \
       -o "$dir/guest.elf" "$dir/bin/entry.o" "$dir/bin/guest.o"
  fi
}

write_config() { # host
  local h=$1 d="$dir/$1" addr
  addr=$(addr_of "$h")
  mkdir -p "$d/etc" "$d/run" "$d/lib" "$d/log" "$d/cache"
  [ -f "$d/host_uuid" ] || cat /proc/sys/kernel/random/uuid > "$d/host_uuid"
  cat > "$d/etc/libvirtd.conf" <<EOF
host_uuid = "$(cat "$d/host_uuid")"
listen_tls = 0
listen_tcp = 1
listen_addr = "$addr"
auth_tcp = "none"
auth_unix_rw = "none"
auth_unix_ro = "none"
log_outputs = "3:file:/var/log/libvirt/libvirtd.log"
EOF
  local first=49152
  [ "$h" = b ] && first=49184
  cat > "$d/etc/qemu.conf" <<EOF
user = "root"
group = "root"
dynamic_ownership = 0
remember_owner = 0
security_driver = "none"
cgroup_controllers = [ ]
namespaces = [ ]
stdio_handler = "file"
migration_address = "$addr"
migration_host = "$addr"
migration_port_min = $first
migration_port_max = $((first + 31))
EOF
  printf '127.0.0.1 localhost\n%s host-a\n%s host-b\n' "$(addr_of a)" "$(addr_of b)" > "$d/hosts"
}

start_host() { # host
  local h=$1 d="$dir/$1"
  pid_alive "$d/subreaper.pid" && return 0
  write_config "$h"
  # The daemon resolves its own name (private /etc/hosts) and keeps everything in private
  # directories; the network namespace stays shared, each host on its own loopback address.
  setsid unshare --mount --uts --propagation private -- /bin/sh -c '
    set -e
    d=$1
    hostname "host-$2"
    mkdir -p /etc/libvirt /run/libvirt /var/lib/libvirt /var/log/libvirt /var/cache/libvirt
    mount --bind "$d/etc" /etc/libvirt
    mount --bind "$d/run" /run/libvirt
    mount --bind "$d/lib" /var/lib/libvirt
    mount --bind "$d/log" /var/log/libvirt
    mount --bind "$d/cache" /var/cache/libvirt
    mount --bind "$d/hosts" /etc/hosts
    echo $$ > "$d/subreaper.pid"
    exec "$3" libvirtd --listen --config /etc/libvirt/libvirtd.conf --pid-file "$d/libvirtd.pid"
  ' sh "$d" "$h" "$dir/bin/subreaper" < /dev/null > "$d/daemon.log" 2>&1 &
}

wait_host() { # host
  local h=$1 i
  for i in $(seq 1 300); do
    if virsh -q -c "$(uri_of "$h")" version > /dev/null 2>&1; then return 0; fi
    if [ "$i" -gt 5 ] && ! pid_alive "$dir/$h/subreaper.pid"; then break; fi
    sleep 0.1
  done
  die "host $h did not start; see $dir/$h/daemon.log and $dir/$h/log/libvirtd.log: $(tail -3 "$dir/$h/daemon.log" 2>/dev/null)"
}

stop_host() { # host
  local d="$dir/$1" i
  pid_alive "$d/subreaper.pid" || return 0
  # libvirtd leaves its guests running when it stops; the subreaper then kills what it adopted.
  kill -TERM "$(cat "$d/subreaper.pid")" 2>/dev/null || true
  for i in $(seq 1 100); do
    pid_alive "$d/subreaper.pid" || { rm -f "$d/subreaper.pid"; return 0; }
    sleep 0.05
  done
  kill -KILL "$(cat "$d/subreaper.pid")" 2>/dev/null || true
  [ -f "$d/libvirtd.pid" ] && kill -KILL "$(cat "$d/libvirtd.pid")" 2>/dev/null || true
  rm -f "$d/subreaper.pid"
}

case "$cmd" in
up)
  net=127.0.0
  while [ $# -gt 0 ]; do
    case "$1" in
      --net) net=$2; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ "$net" =~ ^127\.[0-9]{1,3}\.[0-9]{1,3}$ ]] || die "--net wants 127.X.Y, not $net"
  [ "$(id -u)" -eq 0 ] || die "needs root (mount namespaces and bind mounts)"
  for c in libvirtd qemu-system-x86_64 virsh unshare cc ld; do
    command -v "$c" > /dev/null || die "$c is missing: run scripts/install-deps.sh"
  done
  if pid_alive "$dir/a/subreaper.pid" || pid_alive "$dir/b/subreaper.pid"; then
    [ "$(net_of)" = "$net" ] || die "already running on $(net_of)"
  fi
  echo "$net" > "$dir/net"
  # The qemu driver resolves this user before it reads qemu.conf (which says root).
  getent group libvirt-qemu > /dev/null || groupadd --system libvirt-qemu
  getent passwd libvirt-qemu > /dev/null || useradd --system -g libvirt-qemu -d /var/lib/libvirt -s /usr/sbin/nologin libvirt-qemu
  build_tools
  start_host a
  start_host b
  wait_host a
  wait_host b
  echo "a $(uri_of a)"
  echo "b $(uri_of b)"
  ;;
down)
  hosts=(a b)
  [ $# -ge 1 ] && hosts=("$1")
  for h in "${hosts[@]}"; do stop_host "$h"; done
  ;;
status)
  for h in a b; do
    if pid_alive "$dir/$h/subreaper.pid"; then echo "$h $(uri_of "$h") running"; else echo "$h $(uri_of "$h") stopped"; fi
  done
  ;;
guest)
  [ $# -ge 1 ] || die "guest needs a NAME"
  name=$1; shift
  host=a memory=128 cmdline="" apconfig=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --host) host=$2; shift 2 ;;
      --memory) memory=$2; shift 2 ;;
      --dirty) cmdline=dirty; shift ;;
      --ap-config) apconfig=$2; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ "$name" =~ ^[A-Za-z0-9_.-]+$ ]] || die "guest names are letters, digits, '.', '_' and '-'"
  [[ "$memory" =~ ^[0-9]+$ ]] || die "--memory wants MiB"
  [ -f "$dir/guest.elf" ] || die "the hosts are not set up in $dir (run up first)"
  cat > "$dir/$name.xml" <<EOF
<domain type='qemu'>
  <name>$name</name>
  <memory unit='MiB'>$memory</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>$dir/guest.elf</kernel>
    <cmdline>$cmdline</cmdline>
  </os>
  <devices>
    <memballoon model='none'/>
  </devices>
</domain>
EOF
  uri=$(uri_of "$host")
  virsh -q -c "$uri" define "$dir/$name.xml" > /dev/null
  virsh -q -c "$uri" start "$name" > /dev/null
  if [ -n "$apconfig" ]; then
    [[ "$apconfig" =~ ^[0-9a-fA-F-]{36}$ ]] || die "--ap-config wants an mdev UUID"
    # Not attachable live here (no VFIO). `attach-device --config` is what an operator does, but
    # libvirt validates a definition against the emulator: x86 QEMU has no vfio-ap device ("VFIO AP
    # device assignment is not supported by this version of QEMU"). A definition libvirt reloads
    # from its own directory (SIGHUP) is not validated, so the hostdev goes in there; the running
    # guest keeps none. Its mdev need not exist: libvirt looks for it only when the guest starts.
    hostdev="<hostdev mode='subsystem' type='mdev' model='vfio-ap'><source><address uuid='$apconfig'/></source></hostdev>"
    echo "$hostdev" > "$dir/$name-ap.xml"
    if ! virsh -q -c "$uri" attach-device "$name" "$dir/$name-ap.xml" --config > /dev/null 2> "$dir/$name-ap.err"; then
      grep -q "not supported by this version of QEMU" "$dir/$name-ap.err" || die "attach-device --config: $(cat "$dir/$name-ap.err")"
      sed -i "s#</devices>#  $hostdev\n  </devices>#" "$dir/$host/etc/qemu/$name.xml"
      kill -HUP "$(cat "$dir/$host/libvirtd.pid")"
      for i in $(seq 1 100); do
        virsh -q -c "$uri" dumpxml --inactive "$name" | grep -qi "uuid='$apconfig'" && break
        [ "$i" -lt 100 ] || die "libvirt did not reload the definition of $name"
        sleep 0.05
      done
    fi
  fi
  echo "$name $uri"
  ;;
*)
  die "unknown command $cmd (up, down, status, guest)"
  ;;
esac
