#pragma once

#include "profile.h"
#include "../../common/result.h"
#include "../../model/apqn.h"
#include "../../model/hwinfo.h"
#include "../../model/idmask.h"

#include <QByteArray>
#include <QList>

/// The vfio_ap migration stream: what the source device's STOP_COPY file yields and the
/// destination's RESUMING file takes. Big-endian, as on s390x. The header differs per revision
/// (revision.h HeaderLayout; driver-revisions §1); entries are {u64 data, u16 apqn, 6 zero}.
namespace ap::migration {

struct StreamEntry {
    Apqn apqn;
    Hwinfo hwinfo;
    friend bool operator==(const StreamEntry &, const StreamEntry &) = default;
};

struct Stream {
    DriverProfile profile = DriverProfile::V2;
    QList<StreamEntry> entries;
    quint64 configSize = 0;  ///< v3/v4 header field as found (the source never sets it)
    IdMask controlDomains;   ///< B, C: adm[4]
    friend bool operator==(const Stream &, const Stream &) = default;
};

inline constexpr quint32 kStreamMagic = 0x76666170; ///< C: "vfap"
inline constexpr quint32 kStreamVersion = 1;         ///< C

int headerSize(DriverProfile p);                      ///< 8, 16, 40 or 48
qint64 streamSize(DriverProfile p, qsizetype queues); ///< header + 16 per queue

/// The stream a source of revision `p` produces (control domains only where the revision
/// carries them; C's magic and version filled in).
QByteArray encodeStream(DriverProfile p, const QList<StreamEntry> &entries, const IdMask &controlDomains = {});
/// Decodes a whole stream. Fails (ErrorCode::Corrupt, naming the offset) on a short header, a
/// wrong magic or version (C), a length that does not match num_queues, non-zero padding or a
/// repeated APQN.
Result<Stream> decodeStream(DriverProfile p, const QByteArray &bytes);

/// The u32 num_queues of a header (nullopt when `bytes` is too short to hold it).
std::optional<quint32> headerQueueCount(DriverProfile p, QByteArrayView bytes);

/// B and C's 256-bit left-to-right ADM bitmap (domain d = byte d/8, mask 0x80 >> d%8).
void writeAdm(char *at, const IdMask &m);
IdMask readAdm(const char *at);

/// Big-endian helpers shared with the destination model.
quint32 readU32(const char *p);
quint64 readU64(const char *p);

} // namespace ap::migration
