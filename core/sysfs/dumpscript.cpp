#include "dumpscript.h"
#include "dumpcodes.h"

namespace ap::sysfs {

using namespace dumpcodes;

QString dumpScript()
{
    QString names;
    for (const char *n : kNames)
        names += (names.isEmpty() ? QString() : QStringLiteral(" ")) + QLatin1String(n);
    // find walks once and names what exists (GNU find prints link targets itself; elsewhere ls
    // does, through -exec … + so a few processes run, not one per file). It names every file:
    // awk keeps the attributes by a hash lookup, where 34 -name tests per file cost find three
    // times the walk (6.7 of 8.4 s at 256 x 256). One awk reads the
    // attributes, groups them by directory and, given the state of the last dump, leaves out
    // the directories that did not change. Files are read with getline: contents always end in
    // a newline, which every attribute of the kernel does. A failed read asks cat once for the
    // error text.
    return QStringLiteral(
               "export LC_ALL=C\n"
               "cd -- \"$1\" 2>/dev/null || exit 97\n"
               "st=$2 have=$3 new=$4\n"
               "base=${XDG_RUNTIME_DIR:-${TMPDIR:-/tmp}}\n"
               "case $st in\n"
               "'') ;;\n"
               "\"$base\"/apconsole-dump.*) [ -d \"$st\" ] || st=new;;\n"
               "*) st=new;;\n"
               "esac\n"
               "[ \"$st\" = new ] && { st=$(mktemp -d \"$base/apconsole-dump.XXXXXX\" 2>/dev/null) || st=; }\n"
               "set --\n"
               "for d in sys/bus/ap sys/devices/ap sys/devices/vfio_ap sys/firmware/uv sys/module/vfio_ap proc/sys/kernel/osrelease; do [ -e \"$d\" ] && set -- \"$@\" \"$d\"; done\n"
               "{\n"
               "if [ $# -gt 0 ]; then\n"
               "  if find . -maxdepth 0 -printf '' >/dev/null 2>&1; then\n"
               "    find \"$@\" -maxdepth 4 \\( -type l -name driver -printf 'L%p -> %l\\n' \\) -o \\( -type d -printf 'D%p\\n' \\)"
               " -o \\( -type f -printf 'F%p\\n' \\)\n"
               "  else\n"
               "    find \"$@\" -maxdepth 4 \\( -type l -name driver -exec ls -ld -- {} + \\) -o \\( -type d -exec printf 'D%s\\n' {} + \\)"
               " -o \\( -type f -exec printf 'F%s\\n' {} + \\)\n"
               "  fi 2>/dev/null\n"
               "fi\n"
               "} | awk -v ST=\"$st\" -v HAVE=\"$have\" -v NEW=\"$new\" -v \"Q='\" -v NAMES='%1' -v CODES='%2' '\n"
               "function parent(p, d) { d = p; sub(/\\/[^\\/]*$/, \"\", d); return d }\n"
               "function dir(d) { if (!(d in rec)) { ord[++nd] = d; rec[d] = \"\" } }\n"
               "function failure(p, q, c, m, l) {\n"
               "  q = p; gsub(Q, Q \"\\\\\" Q Q, q); c = \"cat -- \" Q q Q \" 2>&1 >/dev/null\"; m = \"read failed\"\n"
               "  while ((c | getline l) > 0) { sub(/.*: /, \"\", l); if (l != \"\") m = l }\n"
               "  close(c); return m\n"
               "}\n"
               "BEGIN {\n"
               "  n = split(NAMES, nm, \" \"); for (i = 1; i <= n; i++) code[nm[i]] = substr(CODES, i, 1)\n"
               "  if (ST != \"\") {\n"
               "    f = ST \"/records\"\n"
               "    if (HAVE != \"\" && (getline l < f) > 0 && l == \"#gen \" HAVE) {\n"
               "      diff = 1\n"
               "      while ((getline l < f) > 0) {\n"
               "        d = substr(l, 2); if ((getline len < f) <= 0) break\n"
               "        s = \"\"; while (length(s) < len + 0 && (getline l < f) > 0) s = s l \"\\n\"\n"
               "        old[d] = s\n"
               "      }\n"
               "    }\n"
               "    close(f)\n"
               "  }\n"
               "}\n"
               "substr($0, 1, 1) == \"D\" { dir(substr($0, 2)); next }\n"
               "substr($0, 1, 1) == \"F\" {\n"
               "  p = substr($0, 2); d = parent(p); c = code[substr(p, length(d) + 2)]\n"
               "  if (c == \"\") next\n"
               "  dir(d); s = \"\"\n"
               "  while ((r = (getline l < p)) > 0) s = s l \"\\n\"\n"
               "  close(p)\n"
               "  if (r < 0) rec[d] = rec[d] \"!\" c failure(p) \"\\n\"; else rec[d] = rec[d] c length(s) \"\\n\" s\n"
               "  next\n"
               "}\n"
               "{\n"
               "  i = index($0, \" -> \"); if (!i) next\n"
               "  if (substr($0, 1, 1) == \"L\") p = substr($0, 2, i - 2)\n"
               "  else { j = index($0, \" sys/\"); if (!j || j > i) next; p = substr($0, j + 1, i - j - 1) }\n"
               "  t = substr($0, i + 4); sub(/.*\\//, \"\", t); d = parent(p); dir(d); rec[d] = rec[d] \">\" t \"\\n\"\n"
               "}\n"
               "END {\n"
               "  printf \"#apconsole-dump 2 %s\\n\", diff ? \"diff\" : \"full\"\n"
               "  if (ST != \"\") { printf \"#state %s\\n\", ST; out = ST \"/records.new\"; print \"#gen \" NEW > out }\n"
               "  for (k = 1; k <= nd; k++) {\n"
               "    d = ord[k]; r = rec[d]\n"
               "    if (ST != \"\") printf \"@%s\\n%d\\n%s\", d, length(r), r > out\n"
               "    if (diff) { same = (d in old) && old[d] == r; delete old[d]; if (same) continue }\n"
               "    printf \"@%s\\n%s\", d, r; m++\n"
               "  }\n"
               "  if (diff) for (d in old) printf \"-%s\\n\", d\n"
               "  if (ST != \"\") close(out)\n"
               "  printf \"#end %d\\n\", m\n"
               "}'\n"
               "[ -n \"$st\" ] && [ -f \"$st/records.new\" ] && mv -f -- \"$st/records.new\" \"$st/records\"\n"
               "exit 0\n")
        .arg(names, QLatin1String(kCodes));
}

} // namespace ap::sysfs
