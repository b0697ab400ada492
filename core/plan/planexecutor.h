#pragma once

#include "writeplan.h"

#include <functional>

namespace ap {

/// The two things applying a plan needs from a host: writing an attribute (answering 0 or the
/// kernel's errno and the lines the kernel logged) and reading one (for the journal).
class AttributeAccess {
public:
    virtual ~AttributeAccess() = default;
    struct WriteAnswer {
        WriteAnswer(int e = 0, QStringList log = {}) : err(e), kernelLog(std::move(log)) {}
        static WriteAnswer notDelivered(Error e)
        {
            WriteAnswer a;
            a.transport = std::move(e);
            return a;
        }
        int err = 0;
        QStringList kernelLog;
        /// The write never reached the host's kernel (connection, timeout, authentication): not
        /// an errno of the driver's, and `err` is not looked at.
        std::optional<Error> transport;
    };
    virtual WriteAnswer write(const SysfsWrite &w) = 0;
    virtual std::optional<QByteArray> read(const QString &path) = 0;
};

/// Applies a plan step by step, journaling every write with the state before and after; on the
/// first failure the done steps are undone in reverse (journaled too), then everything the plan
/// touched is read back and compared with the state before it (ApplyReport::differences).
/// `hostName` goes into the journal; `progress`, if given, hears the number of steps done.
ApplyReport executePlan(AttributeAccess &access, const WritePlan &plan, const QString &hostName,
                        const std::function<void(int)> &progress = {});

} // namespace ap
