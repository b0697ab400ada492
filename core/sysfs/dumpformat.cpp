#include "dumpformat.h"
#include "dumpcodes.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <limits>

namespace ap::sysfs {

using namespace dumpcodes;

namespace {

constexpr char kLink = '>';
constexpr qint64 kMaxAttribute = 1 << 20; // what DirectorySource reads of a file at most
constexpr qsizetype kMaxPath = 4096;
/// Chunks (received dumps) kept before the contents are copied into one again.
constexpr qsizetype kMaxChunks = 8;

bool printableLine(QByteArrayView t)
{
    for (char c : t)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return false;
    return true;
}

/// A directory path the host may name: relative, below sys/ (or proc/sys/kernel, for the
/// kernel release), plain components.
bool validPath(QByteArrayView p)
{
    if (p.size() > kMaxPath || !(p.startsWith("sys/") || p == "proc/sys/kernel") || p.endsWith('/') || !printableLine(p))
        return false;
    for (QByteArrayView part : QByteArray::fromRawData(p.data(), p.size()).split('/'))
        if (part.isEmpty() || part == "." || part == "..")
            return false;
    return true;
}

/// A sysfs path as UTF-8: in `buffer` when it is short and ASCII (as sysfs paths are), else in
/// `other`.
QByteArrayView utf8(QStringView path, std::array<char, 256> &buffer, QByteArray &other)
{
    if (path.size() <= qsizetype(buffer.size())) {
        char16_t all = 0;
        for (qsizetype i = 0; i < path.size(); ++i) {
            const char16_t c = path[i].unicode();
            all |= c;
            buffer[size_t(i)] = char(c);
        }
        if (all < 0x80)
            return QByteArrayView(buffer.data(), path.size());
    }
    other = path.toUtf8();
    return other;
}

/// An attribute length apply() accepted (decimal digits, as the script prints them, in practice).
qsizetype lengthOf(QByteArrayView digits)
{
    qsizetype v = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return qsizetype(digits.toLongLong());
        v = v * 10 + (c - '0');
    }
    return v;
}

/// The bit of an attribute code (or the driver link) in the set a record has.
quint64 codeBit(char c)
{
    return quint64(1) << (c == kLink ? 63 : codeIndex(c));
}

} // namespace

struct DumpSource::Entry {
    char code;   ///< attribute code, or '>' for the driver link
    bool failed; ///< '!' record: the slice is the error text
    QByteArrayView bytes;
};

namespace {

/// Walks the attribute lines of a record apply() accepted, from `pos` (after its path line) in
/// `chunk`, until visit(entry) returns true. Returns where the record ends (the next record, a
/// removal, the end marker or the end of the chunk).
template <typename Entry, typename Visit>
qsizetype walkRecord(QByteArrayView chunk, qsizetype pos, const Visit &visit)
{
    while (pos < chunk.size()) {
        const char kind = chunk[pos];
        if (kind == '@' || kind == '-' || kind == '#')
            break;
        const qsizetype nl = chunk.indexOf('\n', pos);
        qsizetype next = nl + 1;
        Entry e;
        if (kind == kLink || kind == '!') {
            const qsizetype from = pos + (kind == kLink ? 1 : 2);
            e = Entry{kind == kLink ? kLink : chunk[pos + 1], kind == '!', chunk.sliced(from, nl - from)};
        } else {
            const qsizetype length = lengthOf(chunk.sliced(pos + 1, nl - pos - 1));
            e = Entry{kind, false, chunk.sliced(next, length)};
            next += length;
        }
        if (visit(e))
            break;
        pos = next;
    }
    return pos;
}

} // namespace

qint32 DumpSource::dirIndex(QStringView path) const
{
    std::array<char, 256> buffer;
    QByteArray other;
    const QByteArrayView p = utf8(path, buffer, other);
    return m_index.find(p, m_index.hash(p), [this](qint32 i) { return pathOf(m_dirs[size_t(i)]); });
}

/// The directory a thread looked at last, with its attribute lines: the tree reader asks for a
/// directory's attributes one after the other, so most lookups end here instead of in the index
/// and the record.
struct DumpSource::Record {
    quint64 source = 0; ///< DumpSource::m_id; 0: none
    QString path;
    qint32 dir = -1; ///< -1: no such directory
    qsizetype count = 0;
    std::array<Entry, kNames.size() + 1> entries; ///< each code at most once, and the driver link
};

namespace {

std::atomic<quint64> g_sources{0};

} // namespace

const DumpSource::Record *DumpSource::record(QStringView path) const
{
    thread_local Record last;
    if (last.source != m_id || last.path != path) {
        last.source = m_id;
        last.path.resize(path.size());
        std::copy(path.cbegin(), path.cend(), last.path.begin());
        last.dir = dirIndex(path);
        last.count = 0;
        if (last.dir >= 0) {
            const Dir &d = m_dirs[size_t(last.dir)];
            walkRecord<Entry>(chunkOf(d), d.offset + d.pathLength + 2, [](const Entry &e) {
                last.entries[size_t(last.count++)] = e;
                return false;
            });
        }
    }
    return last.dir >= 0 ? &last : nullptr;
}

bool DumpSource::find(const QString &path, Entry *entry) const
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash <= 0)
        return false;
    const QStringView name = QStringView(path).sliced(slash + 1);
    const char c = name == QLatin1String("driver") ? kLink : codeOf(name);
    if (!c)
        return false;
    const Record *r = record(QStringView(path).first(slash));
    if (!r)
        return false;
    for (qsizetype i = 0; i < r->count; ++i)
        if (r->entries[size_t(i)].code == c) {
            *entry = r->entries[size_t(i)];
            return true;
        }
    return false;
}

SysfsSource::File DumpSource::read(const QString &path) const
{
    File f;
    Entry e;
    if (!find(path, &e) || e.code == kLink)
        return f;
    if (e.failed) {
        f.status = File::Status::Error;
        f.error = QString::fromUtf8(e.bytes);
        return f;
    }
    f.status = File::Status::Ok;
    f.content = e.bytes.toByteArray();
    return f;
}

std::optional<QString> DumpSource::readLink(const QString &path) const
{
    Entry e;
    if (!find(path, &e) || e.code != kLink)
        return std::nullopt;
    return QString::fromUtf8(e.bytes);
}

QStringList DumpSource::list(const QString &dir) const
{
    const Record *r = record(dir);
    if (!r)
        return {};
    const Dir &d = m_dirs[size_t(r->dir)];
    QStringList names;
    for (qsizetype i = 0; i < r->count; ++i) {
        const char c = r->entries[size_t(i)].code;
        names.append(c == kLink ? QStringLiteral("driver") : QLatin1String(kNames[size_t(codeIndex(c))]));
    }
    for (qint32 s = d.firstChild; s >= 0; s = m_dirs[size_t(s)].nextSibling) {
        const QByteArrayView p = pathOf(m_dirs[size_t(s)]);
        names.append(QString::fromUtf8(p.sliced(p.lastIndexOf('/') + 1)));
    }
    return names;
}

qsizetype DumpSource::footprint() const
{
    qsizetype n = qsizetype(m_dirs.capacity() * sizeof(Dir)) + m_index.bytes();
    for (const QByteArray &c : m_chunks)
        n += c.capacity();
    return n;
}

void DumpSource::linkSubdirectories()
{
    const auto pathAt = [this](qint32 i) { return pathOf(m_dirs[size_t(i)]); };
    // Backwards, each one put first in its parent's chain: the chains come out in m_dirs order.
    // A directory whose parent is not (or no longer) there stays unlisted until it comes back.
    for (qint32 i = qint32(m_dirs.size()) - 1; i >= 0; --i) {
        const QByteArrayView p = pathAt(i);
        const QByteArrayView parent = p.first(p.lastIndexOf('/'));
        if (const qint32 up = m_index.find(parent, m_index.hash(parent), pathAt); up >= 0) {
            m_dirs[size_t(i)].nextSibling = m_dirs[size_t(up)].firstChild;
            m_dirs[size_t(up)].firstChild = i;
        }
    }
}

bool DumpSource::packChunks()
{
    // Dumps no directory points into any more go; past kMaxChunks, the records still in use are
    // copied into one, so refreshes do not keep old dumps alive.
    std::vector<qint32> uses(size_t(m_chunks.size()), 0);
    for (const Dir &d : m_dirs)
        ++uses[d.chunk];
    QList<QByteArray> kept;
    std::vector<quint16> renumbered(uses.size(), 0);
    for (size_t c = 0; c < uses.size(); ++c) {
        if (uses[c] == 0)
            continue;
        renumbered[c] = quint16(kept.size());
        kept.append(m_chunks[qsizetype(c)]);
    }
    if (kept.size() <= kMaxChunks) {
        for (Dir &d : m_dirs)
            d.chunk = renumbered[d.chunk];
        m_chunks = std::move(kept);
        return true;
    }
    const auto recordEnd = [this](const Dir &d) {
        return walkRecord<Entry>(chunkOf(d), d.offset + d.pathLength + 2, [](const Entry &) { return false; });
    };
    qsizetype total = 0;
    for (const Dir &d : m_dirs)
        total += recordEnd(d) - d.offset;
    if (total > std::numeric_limits<qint32>::max())
        return false;
    QByteArray one;
    one.reserve(total);
    for (Dir &d : m_dirs) {
        const qsizetype start = one.size();
        one.append(chunkOf(d).sliced(d.offset, recordEnd(d) - d.offset));
        d.offset = quint32(start);
        d.chunk = 0;
    }
    m_chunks = {one};
    return true;
}

Result<std::shared_ptr<DumpSource>> DumpSource::apply(const DumpSource *base, QByteArray dump, const QString &origin, qsizetype *end)
{
    QByteArrayView where; // the directory being read, for the error
    qsizetype pos = 0;
    auto corrupt = [&](const QString &what) {
        return makeError(ErrorCode::Corrupt, origin,
                         QStringLiteral("sysfs dump: %1%2 (byte %3)").arg(what, where.isEmpty() ? QString() : QStringLiteral(" in %1").arg(QString::fromUtf8(where))).arg(pos),
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
    if (diff && state != (base ? base->m_state : QString()))
        return corrupt(QStringLiteral("a difference against a state this console does not hold"));

    // Checked first, into a table of its own: a source is made only if the whole dump is good.
    // `items` are the records and removals in the order received, `seen` their paths; for a full
    // dump (most of the bytes a console receives) they become the new source as they are.
    std::vector<Dir> items;
    PathIndex seen;
    const auto itemPath = [&](qint32 i) {
        const Dir &d = items[size_t(i)];
        return QByteArrayView(dump).sliced(d.offset + 1, d.pathLength);
    };
    {
        // Every record follows a newline: a count that is exact for a dump the script printed.
        const qsizetype expected = std::min(dump.count("\n@"), n / 7);
        items.reserve(size_t(expected));
        seen.reserve(expected);
    }
    qsizetype records = 0;
    quint64 codes = 0; // of the record being read
    bool ended = false;
    bool inRecord = false; // after an '@' line, attributes follow
    while (pos < n) {
        const char kind = dump.at(pos);
        if (kind == '#') {
            if (!line(l))
                return corrupt(QStringLiteral("cut off end marker"));
            bool ok = false;
            const qsizetype count = l.startsWith("#end ") ? l.sliced(5).toLongLong(&ok) : -1;
            if (!ok || count != records)
                return corrupt(QStringLiteral("end marker does not match the %1 directories received").arg(records));
            ended = true;
            break;
        }
        if (kind == '@' || kind == '-') {
            const qsizetype at = pos;
            if (!line(l))
                return corrupt(QStringLiteral("cut off directory name"));
            if (!validPath(l.sliced(1)))
                return corrupt(QStringLiteral("bad directory name \"%1\"").arg(QString::fromUtf8(l.sliced(1).first(std::min<qsizetype>(80, l.size() - 1))).toHtmlEscaped()));
            where = l.sliced(1);
            if (seen.insert(where, seen.hash(where), qint32(items.size()), itemPath) >= 0)
                return corrupt(QStringLiteral("directory listed twice"));
            items.push_back(Dir{quint32(at), 0, quint16(where.size())});
            inRecord = kind == '@';
            if (kind == '-') {
                if (!diff)
                    return corrupt(QStringLiteral("removal in a full dump"));
            } else {
                ++records;
                codes = 0;
            }
            continue;
        }
        if (!inRecord)
            return corrupt(QStringLiteral("attribute outside a directory"));
        char code = kind;
        if (kind == kLink || kind == '!') {
            if (!line(l) || l.size() < 2)
                return corrupt(QStringLiteral("cut off line"));
            code = kind == kLink ? kLink : l.at(1);
            const QByteArrayView text = l.sliced(kind == kLink ? 1 : 2);
            if (kind == '!' && codeIndex(code) < 0)
                return corrupt(QStringLiteral("unknown attribute code"));
            if (kind == kLink && (text.contains('/') || text.isEmpty()))
                return corrupt(QStringLiteral("bad driver name"));
            if (!printableLine(text))
                return corrupt(QStringLiteral("control characters in a line"));
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
            pos += len;
        }
        if (codes & codeBit(code))
            return corrupt(QStringLiteral("attribute listed twice"));
        codes |= codeBit(code);
    }
    where = {};
    if (!ended)
        return corrupt(QStringLiteral("missing end marker"));
    if (end)
        *end = pos;
    else if (pos != n)
        return corrupt(QStringLiteral("data after the end marker"));

    auto src = std::make_shared<DumpSource>();
    src->m_id = ++g_sources;
    src->m_origin = origin;
    src->m_state = state;
    src->m_lastWasDiff = diff;
    src->m_lastRecords = int(records);
    if (!diff) {
        // Everything is new: the records are the directories, `seen` is their index.
        src->m_chunks = {dump};
        src->m_dirs = std::move(items);
        src->m_index = std::move(seen);
    } else {
        // The directories kept, in their order (a replaced one keeps its place), then the new ones.
        if (base)
            src->m_chunks = base->m_chunks;
        const auto fresh = quint16(src->m_chunks.size());
        src->m_chunks.append(dump);
        std::vector<bool> placed(items.size(), false); // an item already put in place of an old directory
        std::vector<Dir> &dirs = src->m_dirs;
        dirs.reserve((base ? base->m_dirs.size() : 0) + size_t(records));
        const auto isRecord = [&](const Dir &item) { return dump.at(item.offset) == '@'; };
        static const std::vector<Dir> none;
        for (const Dir &d : base ? base->m_dirs : none) {
            const QByteArrayView p = base->pathOf(d);
            const qint32 i = seen.find(p, seen.hash(p), itemPath);
            if (i < 0) {
                dirs.push_back(d);
                continue;
            }
            placed[size_t(i)] = true;
            if (isRecord(items[size_t(i)]))
                dirs.push_back(Dir{items[size_t(i)].offset, fresh, items[size_t(i)].pathLength});
        }
        for (size_t i = 0; i < items.size(); ++i)
            if (!placed[i] && isRecord(items[i]))
                dirs.push_back(Dir{items[i].offset, fresh, items[i].pathLength});
        items = {};
        seen = PathIndex();
        src->m_index.reserve(qsizetype(dirs.size()));
        const auto pathAt = [&](qint32 i) { return src->pathOf(dirs[size_t(i)]); };
        for (qint32 i = 0; i < qint32(dirs.size()); ++i)
            src->m_index.insert(pathAt(i), src->m_index.hash(pathAt(i)), i, pathAt);
        for (Dir &d : dirs)
            d.firstChild = d.nextSibling = -1;
    }
    src->linkSubdirectories();
    if (!src->packChunks())
        return corrupt(QStringLiteral("more than 2 GiB"));
    return src;
}

Result<std::shared_ptr<DumpSource>> DumpSource::parse(QByteArray dump, const QString &origin, qsizetype *end)
{
    auto src = apply(nullptr, std::move(dump), origin, end);
    if (src && (*src)->m_lastWasDiff)
        return makeError(ErrorCode::Corrupt, origin, QStringLiteral("sysfs dump: a difference where a full dump was expected"));
    return src;
}

Result<std::shared_ptr<DumpSource>> DumpSource::merge(QByteArray dump, qsizetype *end) const
{
    return apply(this, std::move(dump), m_origin, end);
}

Result<std::shared_ptr<DumpSource>> parseDump(const QByteArray &dump, const QString &origin)
{
    return DumpSource::parse(dump, origin);
}

} // namespace ap::sysfs
