#include "gunzip.h"

#include <zlib.h>

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
    QByteArray out;
    out.resize(std::min<qsizetype>(limit, std::max<qsizetype>(64 * 1024, data.size() * 8)));
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
