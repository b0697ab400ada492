#pragma once

#include "hostindex.h"
#include "profile.h"
#include "../../model/hostsnapshot.h"

#include <QByteArray>
#include <QStringList>

namespace ap::migration {

/// What a source device of revision `p` produces for mdev `uuid` on `host`: the stream, or the
/// errno its read() fails with and the lines it logs. v2 walks the guest matrix and skips
/// queues without a queue device linked to the mdev, leaving zero entries at the end (the count
/// is the guest matrix's). Later revisions query each queue with TAPQ: rc 01 -> ENODEV, an
/// unknown rc -> EIO where the revision rejects it; the first failure ends the read.
struct SourceStream {
    QByteArray bytes;
    int err = 0;
    QStringList log;
};
SourceStream buildSourceStream(DriverProfile p, const HostSnapshot &host, const QString &uuid);
/// The same with the host's index at hand (several revisions over one host).
SourceStream buildSourceStream(DriverProfile p, const HostIndex &host, const QString &uuid);

} // namespace ap::migration
