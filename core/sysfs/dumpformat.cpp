#include "dumpformat.h"

#include <QSet>

#include <array>
#include <limits>

namespace ap::sysfs {

namespace {

/// The attributes the console reads; a name's code is the letter at its index in kCodes.
constexpr std::array<const char *, 34> kNames = {
    // bus
    "ap_max_adapter_id", "ap_max_domain_id", "apmask", "aqmask", "features", "ap_adapter_mask",
    "ap_usage_domain_mask", "ap_control_domain_mask", "ap_domain",
    // cards and queues
    "hwtype", "raw_hwtype", "ap_functions", "depth", "max_msg_size", "config", "chkstop", "type",
    "online", "request_count", "serialnr", "op_modes", "mkvps", "status", "se_bind", "se_associate",
    // vfio_ap
    "available_instances", "matrix", "guest_matrix", "control_domains", "ap_config",
    // firmware, kernel and module (the driver revision's hints)
    "prot_virt_guest", "osrelease", "version", "srcversion",
};
constexpr char kCodes[] = "abcdefghijklmnopqrstuvwxyzABCDEFGH";
static_assert(sizeof kCodes - 1 == kNames.size());
constexpr char kLink = '>';
constexpr qint64 kMaxAttribute = 1 << 20; // what DirectorySource reads of a file at most
constexpr qsizetype kMaxPath = 4096;
/// Chunks (received dumps) kept before the contents are copied into one again.
constexpr qsizetype kMaxChunks = 8;

int codeIndex(char c)
{
    for (int i = 0; i < int(kNames.size()); ++i)
        if (kCodes[i] == c)
            return i;
    return -1;
}

char codeOf(QStringView name)
{
    static const QHash<QString, char> codes = [] {
        QHash<QString, char> h;
        for (int i = 0; i < int(kNames.size()); ++i)
            h.insert(QLatin1String(kNames[i]), kCodes[i]);
        return h;
    }();
    return codes.value(name.toString(), 0);
}

/// A directory path the host may name: relative, below sys/ (or proc/sys/kernel, for the
/// kernel release), plain components.
bool validPath(QByteArrayView p)
{
    if (p.size() > kMaxPath || !(p.startsWith("sys/") || p == "proc/sys/kernel") || p.endsWith('/'))
        return false;
    for (char c : p)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return false;
    for (QByteArrayView part : QByteArray::fromRawData(p.data(), p.size()).split('/'))
        if (part.isEmpty() || part == "." || part == "..")
            return false;
    return true;
}

bool printableLine(QByteArrayView t)
{
    for (char c : t)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return false;
    return true;
}

} // namespace

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

const DumpSource::Entry *DumpSource::find(const QString &path, char *code) const
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash <= 0)
        return nullptr;
    const QStringView name = QStringView(path).sliced(slash + 1);
    const char c = name == QLatin1String("driver") ? kLink : codeOf(name);
    if (!c)
        return nullptr;
    auto it = m_index.constFind(path.left(slash));
    if (it == m_index.constEnd())
        return nullptr;
    for (const Entry &e : m_dirs[size_t(*it)].entries)
        if (e.code == c) {
            if (code)
                *code = c;
            return &e;
        }
    return nullptr;
}

SysfsSource::File DumpSource::read(const QString &path) const
{
    File f;
    const Entry *e = find(path, nullptr);
    if (!e || e->code == kLink)
        return f;
    if (e->failed) {
        f.status = File::Status::Error;
        f.error = QString::fromUtf8(bytes(*e));
        return f;
    }
    f.status = File::Status::Ok;
    f.content = bytes(*e);
    return f;
}

std::optional<QString> DumpSource::readLink(const QString &path) const
{
    const Entry *e = find(path, nullptr);
    if (!e || e->code != kLink)
        return std::nullopt;
    return QString::fromUtf8(bytes(*e));
}

QStringList DumpSource::list(const QString &dir) const
{
    auto it = m_index.constFind(dir);
    if (it == m_index.constEnd())
        return {};
    const Dir &d = m_dirs[size_t(*it)];
    QStringList names;
    names.reserve(d.entries.size() + d.subdirs.size());
    for (const Entry &e : d.entries)
        names.append(e.code == kLink ? QStringLiteral("driver") : QLatin1String(kNames[size_t(codeIndex(e.code))]));
    for (qint32 s : d.subdirs) {
        const QString &p = m_dirs[size_t(s)].path;
        names.append(p.sliced(p.lastIndexOf(QLatin1Char('/')) + 1));
    }
    return names;
}

qsizetype DumpSource::footprint() const
{
    qsizetype n = qsizetype(m_dirs.capacity() * sizeof(Dir)) + m_index.capacity() * qsizetype(sizeof(QString) + sizeof(qint32) + 8);
    for (const QByteArray &c : m_chunks)
        n += c.capacity();
    for (const Dir &d : m_dirs)
        n += d.path.capacity() * 2 + 24 + d.entries.capacity() * qsizetype(sizeof(Entry)) + d.subdirs.capacity() * 4;
    return n;
}

qint32 DumpSource::addDir(const QString &path)
{
    auto it = m_index.constFind(path);
    if (it != m_index.constEnd())
        return *it;
    const qint32 index = qint32(m_dirs.size());
    Dir d;
    d.path = path;
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (auto p = m_index.constFind(path.left(slash)); p != m_index.constEnd()) {
        d.parent = *p;
        m_dirs[size_t(*p)].subdirs.append(index);
    }
    m_dirs.push_back(std::move(d));
    m_index.insert(path, index);
    // A parent may arrive after its children (awk prints directories in first-seen order, but
    // a diff can add a parent later): adopt children already present.
    return index;
}

void DumpSource::removeDir(qint32 index)
{
    Dir &d = m_dirs[size_t(index)];
    if (d.parent >= 0)
        m_dirs[size_t(d.parent)].subdirs.removeOne(index);
    for (qint32 s : std::as_const(d.subdirs))
        m_dirs[size_t(s)].parent = -1;
    m_index.remove(d.path);
    d = Dir();
}

Status DumpSource::apply(QByteArray dump, qsizetype *end)
{
    const QString origin = m_origin;
    QString where; // the directory being read, for the error
    qsizetype pos = 0;
    auto corrupt = [&](const QString &what) {
        return makeError(ErrorCode::Corrupt, origin,
                         QStringLiteral("sysfs dump: %1%2 (byte %3)").arg(what, where.isEmpty() ? QString() : QStringLiteral(" in %1").arg(where)).arg(pos),
                         QStringLiteral("The host's output was cut off or altered; refresh to read it again."));
    };
    const qsizetype n = dump.size();
    if (n > std::numeric_limits<qint32>::max())
        return corrupt(QStringLiteral("more than 2 GiB"));
    auto line = [&](QByteArrayView &out) -> bool {
        const qsizetype nl = dump.indexOf('\n', pos);
        if (nl < 0)
            return false;
        out = QByteArrayView(dump).sliced(pos, nl - pos);
        pos = nl + 1;
        return true;
    };

    QByteArrayView l;
    if (!line(l) || (l != "#apconsole-dump 2 full" && l != "#apconsole-dump 2 diff"))
        return corrupt(QStringLiteral("missing header"));
    const bool diff = l.endsWith("diff");
    QString state;
    if (pos < n && QByteArrayView(dump).sliced(pos).startsWith("#state ")) {
        if (!line(l) || !l.sliced(7).startsWith('/') || l.size() > kMaxPath || l.contains("..") || !printableLine(l))
            return corrupt(QStringLiteral("bad state line"));
        state = QString::fromUtf8(l.sliced(7));
    }
    if (diff && state != m_state)
        return corrupt(QStringLiteral("a difference against a state this console does not hold"));

    // Parsed into a fresh table first: the source changes only if the whole dump is good.
    struct Record {
        QString path;
        QList<Entry> entries;
    };
    QList<Record> records;
    QList<QString> removed;
    QSet<QString> seen;
    bool ended = false;
    bool inRecord = false; // after an '@' line, attributes follow
    while (pos < n) {
        const char kind = dump.at(pos);
        if (kind == '#') {
            if (!line(l))
                return corrupt(QStringLiteral("cut off end marker"));
            bool ok = false;
            const qsizetype count = l.startsWith("#end ") ? l.sliced(5).toLongLong(&ok) : -1;
            if (!ok || count != records.size())
                return corrupt(QStringLiteral("end marker does not match the %1 directories received").arg(records.size()));
            ended = true;
            break;
        }
        if (kind == '@' || kind == '-') {
            if (!line(l))
                return corrupt(QStringLiteral("cut off directory name"));
            if (!validPath(l.sliced(1)))
                return corrupt(QStringLiteral("bad directory name \"%1\"").arg(QString::fromUtf8(l.sliced(1).first(std::min<qsizetype>(80, l.size() - 1))).toHtmlEscaped()));
            where = QString::fromUtf8(l.sliced(1));
            if (seen.contains(where))
                return corrupt(QStringLiteral("directory listed twice"));
            seen.insert(where);
            inRecord = kind == '@';
            if (kind == '-') {
                if (!diff)
                    return corrupt(QStringLiteral("removal in a full dump"));
                removed.append(where);
            } else {
                records.append(Record{where, {}});
            }
            continue;
        }
        if (!inRecord)
            return corrupt(QStringLiteral("attribute outside a directory"));
        QList<Entry> &entries = records.last().entries;
        if (kind == kLink || kind == '!') {
            if (!line(l) || l.size() < 2)
                return corrupt(QStringLiteral("cut off line"));
            const char c = kind == kLink ? kLink : l.at(1);
            const QByteArrayView text = l.sliced(kind == kLink ? 1 : 2);
            if (kind == '!' && codeIndex(c) < 0)
                return corrupt(QStringLiteral("unknown attribute code"));
            if (kind == kLink && (text.contains('/') || text.isEmpty()))
                return corrupt(QStringLiteral("bad driver name"));
            if (!printableLine(text))
                return corrupt(QStringLiteral("control characters in a line"));
            entries.append(Entry{c, kind == '!', 0, qint32((pos - 1) - text.size()), qint32(text.size())});
        } else {
            const int index = codeIndex(kind);
            if (index < 0)
                return corrupt(QStringLiteral("unknown record type 0x%1").arg(int(static_cast<unsigned char>(kind)), 2, 16, QLatin1Char('0')));
            if (!line(l))
                return corrupt(QStringLiteral("cut off %1").arg(QLatin1String(kNames[size_t(index)])));
            bool ok = false;
            const qint64 len = l.sliced(1).toLongLong(&ok);
            if (!ok || len < 0 || len > kMaxAttribute || l.size() < 2 || l.at(1) == '+' || l.at(1) == '-')
                return corrupt(QStringLiteral("bad length for %1").arg(QLatin1String(kNames[size_t(index)])));
            if (len > n - pos)
                return corrupt(QStringLiteral("%1 cut off").arg(QLatin1String(kNames[size_t(index)])));
            entries.append(Entry{kind, false, 0, qint32(pos), qint32(len)});
            pos += len;
        }
        for (qsizetype i = 0; i + 1 < entries.size(); ++i)
            if (entries[i].code == entries.last().code)
                return corrupt(QStringLiteral("attribute listed twice"));
    }
    where.clear();
    if (!ended)
        return corrupt(QStringLiteral("missing end marker"));
    if (end)
        *end = pos;
    else if (pos != n)
        return corrupt(QStringLiteral("data after the end marker"));

    if (!diff) {
        m_dirs.clear();
        m_index.clear();
        m_chunks.clear();
        m_dirs.reserve(size_t(records.size()));
        m_index.reserve(records.size());
    }
    const auto newChunk = quint16(m_chunks.size());
    for (const QString &p : std::as_const(removed))
        if (auto it = m_index.constFind(p); it != m_index.constEnd())
            removeDir(*it);
    for (Record &r : records) {
        const qint32 d = addDir(r.path);
        for (Entry &e : r.entries)
            e.chunk = newChunk;
        m_dirs[size_t(d)].entries = std::move(r.entries);
    }
    // Children that arrived before their parent (a diff that adds a card after its queues).
    for (qint32 i = 0; i < qint32(m_dirs.size()); ++i) {
        Dir &d = m_dirs[size_t(i)];
        if (d.parent >= 0 || d.path.isEmpty())
            continue;
        if (auto p = m_index.constFind(d.path.left(d.path.lastIndexOf(QLatin1Char('/')))); p != m_index.constEnd()) {
            d.parent = *p;
            m_dirs[size_t(*p)].subdirs.append(i);
        }
    }
    m_chunks.append(std::move(dump));
    m_state = state;
    m_lastWasDiff = diff;
    m_lastRecords = int(records.size());
    if (m_chunks.size() > kMaxChunks) {
        // Copy what is still in use into one chunk, so refreshes do not keep old dumps alive.
        QByteArray one;
        for (Dir &d : m_dirs)
            for (Entry &e : d.entries) {
                const QByteArray b = bytes(e);
                e.offset = qint32(one.size());
                one += b;
            }
        for (Dir &d : m_dirs)
            for (Entry &e : d.entries)
                e.chunk = 0;
        m_chunks = {one};
    }
    return {};
}

Result<std::shared_ptr<DumpSource>> DumpSource::parse(QByteArray dump, const QString &origin, qsizetype *end)
{
    auto src = std::make_shared<DumpSource>();
    src->m_origin = origin;
    if (Status s = src->apply(std::move(dump), end); !s)
        return s.error();
    if (src->m_lastWasDiff)
        return makeError(ErrorCode::Corrupt, origin, QStringLiteral("sysfs dump: a difference where a full dump was expected"));
    return src;
}

Result<std::shared_ptr<DumpSource>> DumpSource::merge(QByteArray dump, qsizetype *end) const
{
    auto copy = std::make_shared<DumpSource>(*this);
    if (Status s = copy->apply(std::move(dump), end); !s)
        return s.error();
    return copy;
}

Result<std::shared_ptr<DumpSource>> parseDump(const QByteArray &dump, const QString &origin)
{
    return DumpSource::parse(dump, origin);
}

} // namespace ap::sysfs
