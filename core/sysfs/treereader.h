#pragma once

#include "sysfssource.h"
#include "../common/result.h"
#include "../model/hostsnapshot.h"

#include <QDeadlineTimer>

#include <functional>

namespace ap::sysfs {

struct ReadOptions {
    /// Polled between cards; returning true ends the read with ErrorCode::Canceled.
    std::function<bool()> canceled;
    /// Past it the read ends with ErrorCode::Timeout.
    QDeadlineTimer deadline = QDeadlineTimer::Forever;
    /// Reader threads; 0 = one per core. Sources must be thread-safe (all of ours are).
    int threads = 0;
};

/// Reads everything the console needs about a host's AP configuration from a sysfs source:
/// the bus, every card and queue, the vfio_ap matrix device and its mdevs. Only attributes the
/// console uses are read. Fails only when there is no AP bus at all (ErrorCode::NotFound), on
/// cancellation or at the deadline; a malformed or unreadable attribute becomes an entry in
/// `issues` naming the file and its text, and the rest of the host is still read.
Result<HostSnapshot> readHost(const SysfsSource &source, const QString &hostName, const ReadOptions &options = {});

} // namespace ap::sysfs
