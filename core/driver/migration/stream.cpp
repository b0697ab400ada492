#include "stream.h"

#include <QSet>
#include <QtEndian>

namespace ap::migration {

int headerSize(DriverProfile p) { return p == DriverProfile::V2 ? 8 : 16; }

qint64 streamSize(DriverProfile p, qsizetype queues) { return headerSize(p) + 16 * qint64(queues); }

quint32 readU32(const char *p) { return qFromBigEndian<quint32>(p); }
quint64 readU64(const char *p) { return qFromBigEndian<quint64>(p); }

QByteArray encodeStream(DriverProfile p, const QList<StreamEntry> &entries)
{
    QByteArray out(streamSize(p, entries.size()), '\0');
    char *d = out.data();
    qToBigEndian<quint32>(quint32(entries.size()), d);
    // v3's config_sz stays 0: the source never sets it.
    qsizetype off = headerSize(p);
    for (const StreamEntry &e : entries) {
        qToBigEndian<quint64>(e.hwinfo.value(), d + off);
        qToBigEndian<quint16>(e.apqn.value(), d + off + 8);
        off += 16;
    }
    return out;
}

Result<Stream> decodeStream(DriverProfile p, const QByteArray &bytes)
{
    auto corrupt = [&](const QString &what) {
        return makeError(ErrorCode::Corrupt, QStringLiteral("%1 migration stream").arg(profileName(p)), what,
                         QStringLiteral("Is it a %1 stream, and was it copied whole?").arg(profileName(p)));
    };
    const int hdr = headerSize(p);
    if (bytes.size() < hdr)
        return corrupt(QStringLiteral("truncated header: %1 of %2 bytes").arg(bytes.size()).arg(hdr));
    const char *d = bytes.constData();
    Stream s;
    s.profile = p;
    const quint32 n = readU32(d);
    if (n > 65536)
        return corrupt(QStringLiteral("num_queues %1 exceeds 65536").arg(n));
    if (readU32(d + 4) != 0)
        return corrupt(QStringLiteral("non-zero padding at offset 4"));
    if (p == DriverProfile::V3)
        s.configSize = readU64(d + 8);
    const qint64 expected = streamSize(p, n);
    if (bytes.size() < expected)
        return corrupt(QStringLiteral("truncated: num_queues %1 needs %2 bytes, got %3").arg(n).arg(expected).arg(bytes.size()));
    if (bytes.size() > expected)
        return corrupt(QStringLiteral("%1 bytes after the %2 queues the header announces").arg(bytes.size() - expected).arg(n));
    QSet<quint16> seen;
    for (quint32 i = 0; i < n; ++i) {
        const char *e = d + hdr + 16 * qsizetype(i);
        const quint16 apqn = qFromBigEndian<quint16>(e + 8);
        for (int k = 10; k < 16; ++k)
            if (e[k] != 0)
                return corrupt(QStringLiteral("non-zero padding in entry %1 at offset %2").arg(i).arg(hdr + 16 * qint64(i) + k));
        if (seen.contains(apqn))
            return corrupt(QStringLiteral("entry %1 repeats APQN %2").arg(i).arg(Apqn::fromValue(apqn).toString()));
        seen.insert(apqn);
        s.entries.append({Apqn::fromValue(apqn), Hwinfo(readU64(e))});
    }
    return s;
}

} // namespace ap::migration
