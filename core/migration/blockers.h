#pragma once

#include "findings.h"
#include "../common/result.h"

#include <QStringList>

#include <optional>

namespace ap {
class HostBackend;
struct HostSnapshot;
}

namespace ap::migration {

/// What stops a guest's migration in the source's libvirt and QEMU (ecosystem §2.3): QEMU's
/// `blocked-reasons`, which libvirt turns into "cannot migrate domain: …" when asked to migrate.
struct MigrationBlockers {
    bool asked = false;                ///< the source has a libvirt address and the mdev a guest
    QStringList reasons;               ///< empty: nothing blocks
    std::optional<Error> unavailable;  ///< libvirt could not say (its test driver, an old QEMU)
};

/// Whether a blocked reason is about the VFIO / vfio-ap device alone (hot-unplugging it, as the
/// replug strategy does, removes it), rather than about the guest.
bool blocksOnlyTheDevice(const QString &reason);

/// The `blocked-reasons` of a QMP `query-migrate` reply; Corrupt naming what is wrong.
Result<QStringList> parseQueryMigrate(const QString &reply);

/// The pre-check's findings: a reason about the VFIO / vfio-ap device is a warning (the replug
/// strategy unplugs it first), any other reason an error (libvirt refuses every strategy); an
/// unanswered question is an info finding.
QList<Finding> blockerFindings(const MigrationBlockers &blockers, const QString &guest);

/// Asks the libvirt view of `source` (if it has one) for the blockers of the guest that uses
/// `mdev` in `snapshot`. Blocks the calling thread; never call it on the GUI thread.
MigrationBlockers askMigrationBlockers(HostBackend &source, const HostSnapshot &snapshot, const QString &mdev);

} // namespace ap::migration
