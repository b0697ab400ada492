#include "gunzip.h"

#include <zlib.h>

#include <algorithm>

namespace ap {

Result<QByteArray> gunzip(QByteArrayView data, const QString &origin, qsizetype limit)
{
    auto corrupt = [&](const QString &what) {
        return makeError(ErrorCode::Corrupt, origin, QStringLiteral("compressed output: %1").arg(what),
                         QStringLiteral("The host's output was cut off or altered; refresh to read it again."));
    };
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) // 16: expect a gzip header
        return corrupt(QStringLiteral("cannot start inflating"));
    // The trailer's last four bytes are the inflated size (mod 4 GiB): the output is allocated
    // once instead of grown by doubling. A trailer that lies (host data) only means growing
    // after all; the first allocation never exceeds what deflate can inflate to (1032:1).
    qsizetype expected = data.size() * 8;
    if (data.size() >= 18) {
        const auto *t = reinterpret_cast<const uchar *>(data.data() + data.size() - 4);
        expected = qsizetype(quint32(t[0]) | quint32(t[1]) << 8 | quint32(t[2]) << 16 | quint32(t[3]) << 24);
    }
    QByteArray out;
    out.resize(std::min({limit, data.size() * 1032 + 64 * 1024, std::max<qsizetype>(64 * 1024, expected + 1)}));
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    z.avail_in = uInt(data.size());
    qsizetype produced = 0;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (produced == out.size()) {
            if (out.size() >= limit) {
                inflateEnd(&z);
                return corrupt(QStringLiteral("larger than %1 bytes").arg(limit));
            }
            out.resize(std::min(limit, out.size() * 2));
        }
        z.next_out = reinterpret_cast<Bytef *>(out.data() + produced);
        z.avail_out = uInt(std::min<qsizetype>(out.size() - produced, 1 << 30));
        rc = inflate(&z, Z_NO_FLUSH);
        produced = qsizetype(z.total_out);
        if (rc == Z_BUF_ERROR && z.avail_in == 0) {
            inflateEnd(&z);
            return corrupt(QStringLiteral("cut off"));
        }
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            inflateEnd(&z);
            return corrupt(QString::fromLatin1(z.msg ? z.msg : "damaged"));
        }
    }
    const bool trailing = z.avail_in != 0;
    inflateEnd(&z);
    if (trailing)
        return corrupt(QStringLiteral("data after the end"));
    out.truncate(produced);
    return out;
}

} // namespace ap
