#include "stream.h"

#include "revision.h"

#include <QSet>
#include <QtEndian>

namespace ap::migration {

int headerSize(DriverProfile p) { return revision(p).header.size; }

qint64 streamSize(DriverProfile p, qsizetype queues) { return headerSize(p) + 16 * qint64(queues); }

quint32 readU32(const char *p) { return qFromBigEndian<quint32>(p); }
quint64 readU64(const char *p) { return qFromBigEndian<quint64>(p); }

void writeAdm(char *at, const IdMask &m)
{
    for (int d = 0; d < IdMask::kBits; ++d)
        if (m.test(d))
            at[d / 8] = char(uchar(at[d / 8]) | (0x80 >> (d % 8)));
}

IdMask readAdm(const char *at)
{
    IdMask m;
    for (int d = 0; d < IdMask::kBits; ++d)
        if (uchar(at[d / 8]) & (0x80 >> (d % 8)))
            m.set(d);
    return m;
}

std::optional<quint32> headerQueueCount(DriverProfile p, QByteArrayView bytes)
{
    const int off = revision(p).header.countOffset;
    if (bytes.size() < off + 4)
        return std::nullopt;
    return readU32(bytes.data() + off);
}

QByteArray encodeStream(DriverProfile p, const QList<StreamEntry> &entries, const IdMask &controlDomains)
{
    const HeaderLayout &h = revision(p).header;
    QByteArray out(streamSize(p, entries.size()), '\0');
    char *d = out.data();
    if (h.magicAndVersion) {
        qToBigEndian<quint32>(kStreamMagic, d);
        qToBigEndian<quint32>(kStreamVersion, d + 4);
    }
    qToBigEndian<quint32>(quint32(entries.size()), d + h.countOffset);
    if (h.admOffset >= 0)
        writeAdm(d + h.admOffset, controlDomains);
    // v3's config_sz stays 0: the source never sets it.
    char *e = d + h.size;
    for (const StreamEntry &x : entries) {
        qToBigEndian<quint64>(x.hwinfo.value(), e);
        qToBigEndian<quint16>(x.apqn.value(), e + 8);
        e += 16;
    }
    return out;
}

Result<Stream> decodeStream(DriverProfile p, const QByteArray &bytes)
{
    auto corrupt = [&](const QString &what) {
        return makeError(ErrorCode::Corrupt, QStringLiteral("%1 migration stream").arg(profileName(p)), what,
                         QStringLiteral("Is it a %1 stream, and was it copied whole?").arg(profileName(p)));
    };
    const HeaderLayout &h = revision(p).header;
    if (bytes.size() < h.size)
        return corrupt(QStringLiteral("truncated header: %1 of %2 bytes").arg(bytes.size()).arg(h.size));
    const char *d = bytes.constData();
    Stream s;
    s.profile = p;
    if (h.magicAndVersion) {
        if (readU32(d) != kStreamMagic)
            return corrupt(QStringLiteral("magic 0x%1 at offset 0, expected 0x%2").arg(readU32(d), 8, 16, QLatin1Char('0')).arg(kStreamMagic, 8, 16, QLatin1Char('0')));
        if (readU32(d + 4) != kStreamVersion)
            return corrupt(QStringLiteral("version %1 at offset 4, expected %2").arg(readU32(d + 4)).arg(kStreamVersion));
    }
    const quint32 n = readU32(d + h.countOffset);
    if (n > 65536)
        return corrupt(QStringLiteral("num_queues %1 exceeds 65536").arg(n));
    if (readU32(d + h.countOffset + 4) != 0)
        return corrupt(QStringLiteral("non-zero padding at offset %1").arg(h.countOffset + 4));
    if (h.configSizeOffset >= 0)
        s.configSize = readU64(d + h.configSizeOffset);
    if (h.admOffset >= 0)
        s.controlDomains = readAdm(d + h.admOffset);
    const qint64 expected = streamSize(p, n);
    if (bytes.size() < expected)
        return corrupt(QStringLiteral("truncated: num_queues %1 needs %2 bytes, got %3").arg(n).arg(expected).arg(bytes.size()));
    if (bytes.size() > expected)
        return corrupt(QStringLiteral("%1 bytes after the %2 queues the header announces").arg(bytes.size() - expected).arg(n));
    QSet<quint16> seen;
    s.entries.reserve(n);
    for (quint32 i = 0; i < n; ++i) {
        const char *e = d + h.size + 16 * qsizetype(i);
        const quint16 apqn = qFromBigEndian<quint16>(e + 8);
        for (int k = 10; k < 16; ++k)
            if (e[k] != 0)
                return corrupt(QStringLiteral("non-zero padding in entry %1 at offset %2").arg(i).arg(h.size + 16 * qint64(i) + k));
        // v2 leaves a zero entry for each guest-matrix queue it found no queue device for.
        const bool unfilled = apqn == 0 && readU64(e) == 0;
        if (seen.contains(apqn) && !unfilled)
            return corrupt(QStringLiteral("entry %1 repeats APQN %2").arg(i).arg(Apqn::fromValue(apqn).toString()));
        seen.insert(apqn);
        s.entries.append({Apqn::fromValue(apqn), Hwinfo(readU64(e))});
    }
    return s;
}

} // namespace ap::migration
