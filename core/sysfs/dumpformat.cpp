#include "dumpformat.h"
#include "dumpcodes.h"

#include <QSet>

#include <array>
#include <limits>

namespace ap::sysfs {

using namespace dumpcodes;

namespace {

constexpr char kLink = '>';
constexpr qint64 kMaxAttribute = 1 << 20; // what DirectorySource reads of a file at most
constexpr qsizetype kMaxPath = 4096;
/// Chunks (received dumps) kept before the contents are copied into one again.
constexpr qsizetype kMaxChunks = 8;

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
