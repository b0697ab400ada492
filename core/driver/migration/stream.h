#pragma once

#include "profile.h"
#include "../../common/result.h"
#include "../../model/apqn.h"
#include "../../model/hwinfo.h"

#include <QByteArray>
#include <QList>

/// The vfio_ap migration stream (kernel-interfaces §6.2): what the source device's STOP_COPY
/// file yields and the destination's RESUMING file takes. Big-endian, as on s390x.
///   v2: u32 num_queues, 4 bytes padding, then 16-byte entries {u64 hwinfo, u16 apqn, 6 pad}.
///   v3: u32 num_queues, 4 reserved, u64 config_sz (never set by the source: 0), then entries.
namespace ap::migration {

struct StreamEntry {
    Apqn apqn;
    Hwinfo hwinfo;
    friend bool operator==(const StreamEntry &, const StreamEntry &) = default;
};

struct Stream {
    DriverProfile profile = DriverProfile::V2;
    QList<StreamEntry> entries;
    quint64 configSize = 0; ///< v3 header field as found in the stream
};

int headerSize(DriverProfile p);                ///< 8 or 16
qint64 streamSize(DriverProfile p, qsizetype queues); ///< header + 16 per queue

QByteArray encodeStream(DriverProfile p, const QList<StreamEntry> &entries);
/// Decodes a whole stream. Fails (ErrorCode::Corrupt, naming the offset) on a short header, a
/// length that does not match num_queues, non-zero padding or a repeated APQN.
Result<Stream> decodeStream(DriverProfile p, const QByteArray &bytes);

/// Big-endian helpers shared with the destination model.
quint32 readU32(const char *p);
quint64 readU64(const char *p);

} // namespace ap::migration
