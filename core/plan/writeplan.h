#pragma once

#include "../common/error.h"
#include "../model/hostsnapshot.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace ap {

/// One sysfs write: an attribute path relative to the host root and the exact bytes.
struct SysfsWrite {
    QString path;
    QByteArray value;
    friend bool operator==(const SysfsWrite &, const SysfsWrite &) = default;
};

/// One step of a change, with the write that undoes it (if any).
struct WriteStep {
    SysfsWrite write;
    std::optional<SysfsWrite> undo;
    QString action; ///< what it does, in the operator's words ("assign adapter 0x05 to mdev ...")
};

/// An ordered list of writes applied as one transaction: if a step fails, the steps already
/// done are undone in reverse order.
struct WritePlan {
    QString summary;
    QList<WriteStep> steps;
};

/// Plans for the operations a console performs. Where the host's matrix features list
/// `ap_config`, an mdev change is one `ap_config` write (the kernel validates and applies it as a
/// whole); otherwise it is ordered assign/unassign writes: removals first (so they cannot
/// conflict), then adapters, domains and control domains, each undone by its inverse.
namespace plans {
WritePlan changeMatrix(const HostSnapshot &h, const QString &uuid, const MatrixAssignment &target);
WritePlan createMdev(const QString &uuid);
WritePlan removeMdev(const QString &uuid);
WritePlan setApmask(const HostSnapshot &h, const IdMask &mask);
WritePlan setAqmask(const HostSnapshot &h, const IdMask &mask);
} // namespace plans

/// The audit record of one write: what was written where, the state before and after, and the
/// kernel's answer.
struct JournalEntry {
    QDateTime time;
    QString host;
    QString action;
    QString path;
    QByteArray value;
    QString before;
    QString after;
    int err = 0;            ///< 0 = success
    QStringList kernelLog;  ///< the lines the kernel logged for this write
    bool rollback = false;  ///< written to undo an earlier step
    QString user;           ///< the local account that made the write (filled in when stored, if empty)
};

/// What applying a plan did.
struct ApplyReport {
    bool ok = true;
    int failedStep = -1;       ///< index into the plan's steps
    int err = 0;               ///< the failed step's errno
    bool rolledBack = false;   ///< every earlier step was undone and the host read back as before
    /// After a rollback, each place where the host read back differs from before the plan:
    /// "<what>: before <state>, now <state>". Empty when it is as before (or nothing was undone).
    QStringList differences;
    QList<JournalEntry> journal;
    QStringList kernelLog;
    /// Set when the audit journal (or a simulated host's state) could not be saved: the writes
    /// happened, but the record of them did not.
    std::optional<Error> notRecorded;
};

} // namespace ap
