#include "dumpscript.h"
#include "dumpcodes.h"

namespace ap::sysfs {

using namespace dumpcodes;

namespace {

// find walks once and names what exists (GNU find prints link targets itself and names a file
// by its depth and base name, which keeps the pipe 2.6x thinner and spares awk a regex per
// line; elsewhere ls and printf do, through -exec … + so a few processes run, not one per file;
// busybox 1.35 never runs an -exec … + inside parentheses, so that expression has none).
// It names every file: awk keeps the attributes by a hash lookup, where 34 -name tests per file
// cost find three times the walk. One awk reads the attributes, groups them by directory and,
// given the state of the last dump, leaves out the directories that did not change. A file is
// read in one getline (RS \001, which no attribute holds; one that does is reported, not
// carried): line by line, the 65,536 lines of a 256 x 256 mdev's matrix cost awk 1.4 s of
// copying each. The host's state file frames its records the same way. A failed read asks cat
// once for the error text.
//
// The kernel counts the uevents it sends (/sys/kernel/uevent_seqnum). When the count is the one
// the last walk saw, and that walk is recent, nothing that changes only with a uevent can have
// changed: the walk is skipped and only the volatile attributes of the directories already known
// are read again (the "quick" refresh). A walk older than the age limit is done anyway, so a
// kernel that changed something silently is caught up with.
constexpr char kScript[] = R"SH(export LC_ALL=C
cd -- "$1" 2>/dev/null || exit 97
st=$2 have=$3 new=$4
base=${XDG_RUNTIME_DIR:-${TMPDIR:-/tmp}}
case $st in
'') ;;
"$base"/apconsole-dump.*) [ -d "$st" ] || st=new;;
*) st=new;;
esac
[ "$st" = new ] && { st=$(mktemp -d "$base/apconsole-dump.XXXXXX" 2>/dev/null) || st=; }
seq=; [ -r sys/kernel/uevent_seqnum ] && read -r seq < sys/kernel/uevent_seqnum 2>/dev/null
case $seq in *[!0-9]*) seq=;; esac
quick= walked=
if [ -n "$st" ] && [ -n "$have" ] && [ -n "$seq" ] && [ -f "$st/records" ]; then
  read -r tag gen was at < "$st/records" 2>/dev/null
  case $at in ''|*[!0-9]*) at=;; esac
  if [ "$tag $gen $was" = "#gen $have $seq" ] && [ -n "$at" ]; then
    now=$(date +%s 2>/dev/null)
    case $now in ''|*[!0-9]*) ;; *) [ "$at" -le "$now" ] && [ $((now - at)) -lt %4 ] && quick=1 walked=$at;; esac
  fi
fi
osr=; [ -f proc/sys/kernel/osrelease ] && osr=proc/sys/kernel/osrelease
# Workers pay off from a few thousand queues; a small host is read by one (and nproc not asked).
workers=1
set -- sys/devices/ap/card*
if [ -n "$st" ] && [ $# -ge 16 ]; then
  workers=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null)
  case $workers in ''|*[!0-9]*|0) workers=1;; esac
  [ "$workers" -gt %5 ] && workers=%5
fi
names='%1' codes='%2' volatile='%3'
gnu=; [ -z "$quick" ] && find . -maxdepth 0 -printf '' >/dev/null 2>&1 && gnu=1
common='
function failure(p, q, c, m, l) {
  q = p; gsub(Q, Q "\\" Q Q, q); c = "cat -- " Q q Q " 2>&1 >/dev/null"; m = "read failed"
  while ((c | getline l) > 0) { sub(/.*: /, "", l); if (l != "") m = l }
  close(c); return m
}
function item(p, c, s, r, l, n, rs) {
  rs = RS; RS = "\001"; s = ""; n = 0
  while ((r = (getline l < p)) > 0) { s = l; n++ }
  RS = rs; close(p)
  if (r < 0) return "!" c failure(p) "\n"
  return n > 1 ? "!" c "control characters in the contents\n" : c length(s) "\n" s
}
function dir(d) { if (!(d in rec)) { ord[++nd] = d; rec[d] = "" } }
function setup(i, n) {
  Q = "\047"
  n = split(NAMES, nm, " "); for (i = 1; i <= n; i++) { code[nm[i]] = substr(CODES, i, 1); name[substr(CODES, i, 1)] = nm[i] }
  for (i = 1; i <= length(VOLATILE); i++) vol[substr(VOLATILE, i, 1)] = 1
}
function load(f, l, g, i, d, rs) {
  if (ST == "") return
  f = ST "/records"
  if (HAVE != "" && (getline l < f) > 0 && split(l, g, " ") >= 2 && g[1] == "#gen" && g[2] == HAVE) {
    diff = 1; rs = RS; RS = "\001"
    while ((getline l < f) > 0) {
      i = index(l, "\n"); if (!i) continue
      d = substr(l, 2, i - 2); old[d] = substr(l, i + 1)
    }
    RS = rs
  }
  close(f)
}
function emit(k, d, r, out, same, m) {
  if (QUICK == "" && OSR != "") { d = "proc/sys/kernel"; dir(d); rec[d] = rec[d] item(OSR, code["osrelease"]) }
  printf "#apconsole-dump 2 %s\n", diff ? "diff" : "full"
  if (WALKED == "") { srand(); WALKED = srand() } # srand() seeds from the clock and returns the seed before
  if (ST != "") { printf "#state %s\n", ST; out = ST "/records.new"; print "#gen " NEW " " SEQ " " WALKED > out }
  for (k = 1; k <= nd; k++) {
    d = ord[k]; r = rec[d]
    if (ST != "") printf "@%s\n%s\001", d, r > out
    if (diff) { same = (d in old) && old[d] == r; delete old[d]; if (same) continue }
    printf "@%s\n%s", d, r; m++
  }
  if (diff) for (d in old) printf "-%s\n", d
  if (ST != "") close(out)
  printf "#end %d\n", m
}
'
reader='
function parent(p, d) { d = p; sub(/\/[^\/]*$/, "", d); return d }
function share(p, h) {
  if (substr(p, 1, 19) != "sys/devices/ap/card") return 1
  h = "0123456789abcdef"
  return ((index(h, substr(p, 20, 1)) * 16 + index(h, substr(p, 21, 1))) % N) + 1
}
function fresh(d, r, o, k, i, n, t) {
  o = ""
  while (r != "") {
    k = substr(r, 1, 1); i = index(r, "\n"); if (!i) break
    if (k == ">") { o = o substr(r, 1, i); r = substr(r, i + 1); continue }
    if (k == "!") { o = o item(d "/" name[substr(r, 2, 1)], substr(r, 2, 1)); r = substr(r, i + 1); continue }
    n = substr(r, 2, i - 2) + 0; t = substr(r, 1, i + n); r = substr(r, i + n + 1)
    o = o ((k in vol) ? item(d "/" name[k], k) : t)
  }
  return o
}
BEGIN {
  setup()
  if (ALONE != "") { load(); if (QUICK != "" && !diff) { bad = 1; exit 98 } }
  if (QUICK != "") RS = "\001"
}
QUICK != "" {
  r = $0; if (substr(r, 1, 4) == "#gen") r = substr(r, index(r, "\n") + 1)
  i = index(r, "\n"); if (!i) next
  d = substr(r, 2, i - 2); if (share(d) != K) next
  dir(d); rec[d] = fresh(d, substr(r, i + 1)); next
}
{ t = substr($0, 1, 1) }
t == "f" {
  i = index($0, " "); c = code[substr($0, i + 1)]; if (c == "") next
  d = at[substr($0, 2, i - 2) - 1]; dir(d); rec[d] = rec[d] item(d "/" substr($0, i + 1), c); next
}
t == "d" { i = index($0, " "); d = substr($0, i + 1); at[substr($0, 2, i - 2)] = d; dir(d); next }
t == "L" { i = index($0, " "); d = at[substr($0, 2, i - 2) - 1]; l = substr($0, i + 1); sub(/.*\//, "", l); dir(d); rec[d] = rec[d] ">" l "\n"; next }
t == "D" { dir(substr($0, 2)); next }
t == "F" {
  p = substr($0, 2); d = parent(p); c = code[substr(p, length(d) + 2)]
  if (c == "") next
  dir(d); rec[d] = rec[d] item(p, c)
  next
}
{
  i = index($0, " -> "); if (!i) next
  j = index($0, " sys/"); if (!j || j > i) next; p = substr($0, j + 1, i - j - 1)
  t = substr($0, i + 4); sub(/.*\//, "", t); d = parent(p); dir(d); rec[d] = rec[d] ">" t "\n"
}
END {
  if (bad) exit 98
  if (ALONE != "") emit(); else for (k = 1; k <= nd; k++) printf "@%s\n%s\001", ord[k], rec[ord[k]]
}
'
alone=
run_awk() {
  awk -v ST="$st" -v HAVE="$have" -v NEW="$new" -v QUICK="$quick" -v SEQ="$seq" -v WALKED="$walked" -v OSR="$osr" \
      -v ALONE="$alone" -v NAMES="$names" -v CODES="$codes" -v VOLATILE="$volatile" "$@"
}
# walk DEPTH ROOT...: what find names below the roots, as the reader takes it.
walk() {
  n=$1; shift
  if [ -n "$gnu" ]; then
    find "$@" -maxdepth "$n" \( -type l -name driver -printf 'L%d %l\n' \) -o \( -type d -printf 'd%d %p\n' \) -o \( -type f -printf 'f%d %f\n' \)
  else
    find "$@" -maxdepth "$n" -type l -name driver -exec ls -ld -- {} + -o -type d -exec printf 'D%s\n' {} + -o -type f -exec printf 'F%s\n' {} +
  fi 2>/dev/null
}
# work K: worker K of $workers prints its share of the records (the cards dealt round-robin, the
# rest of the tree to the first), walked or, for a quick refresh, re-read from the last state.
work() {
  k=$1
  if [ -n "$quick" ]; then
    run_awk -v K="$k" -v N="$workers" "$common$reader" "$st/records"
    return
  fi
  set --
  i=0
  if [ -d sys/devices/ap ]; then
    for c in sys/devices/ap/card*; do
      [ -d "$c" ] && [ $((i % workers + 1)) -eq "$k" ] && set -- "$@" "$c"
      i=$((i + 1))
    done
  fi
  {
    if [ "$k" -eq 1 ]; then
      if [ -d sys/devices/ap ]; then if [ -n "$gnu" ]; then echo 'd0 sys/devices/ap'; else echo 'Dsys/devices/ap'; fi; fi
      walk 4 sys/bus/ap sys/devices/vfio_ap sys/firmware/uv sys/module/vfio_ap # those missing: find says so, to /dev/null
    fi
    [ $# -gt 0 ] && walk 3 "$@"
  } | run_awk -v K="$k" -v N="$workers" "$common$reader"
}
# One worker prints the dump itself; several leave their records to one awk that diffs and prints.
if [ "$workers" -gt 1 ]; then
  k=1
  while [ $k -le "$workers" ]; do work $k > "$st/part$k" & k=$((k + 1)); done
  wait
  { cat "$st"/part*; rm -f "$st"/part*; } | run_awk "$common"'
BEGIN { setup(); load(); if (QUICK != "" && !diff) { bad = 1; exit 98 }; RS = "\001" }
{ i = index($0, "\n"); if (!i) next; d = substr($0, 2, i - 2); dir(d); rec[d] = rec[d] substr($0, i + 1) }
END { if (bad) exit 98; emit() }'
else
  alone=1
  work 1
fi
rc=$?
[ $rc -eq 0 ] && [ -n "$st" ] && [ -f "$st/records.new" ] && mv -f -- "$st/records.new" "$st/records"
exit $rc
)SH";

} // namespace

QString dumpScript()
{
    QString names;
    for (const char *n : kNames)
        names += (names.isEmpty() ? QString() : QStringLiteral(" ")) + QLatin1String(n);
    QString volatileCodes;
    for (const char *v : kVolatileNames)
        volatileCodes += QLatin1Char(codeOf(QString::fromLatin1(v)));
    return QString::fromLatin1(kScript).arg(names, QLatin1String(kCodes), volatileCodes, QString::number(kFullWalkAgeSeconds),
                                            QString::number(kMaxWalkers));
}

} // namespace ap::sysfs
