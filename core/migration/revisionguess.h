#pragma once

#include "../driver/migration/profile.h"
#include "../model/hostsnapshot.h"

#include <optional>

namespace ap::migration {

/// The revision an operator said a host runs, with what the host showed at the time.
struct HostRevisionRecord {
    QString host;
    DriverProfile profile = DriverProfile::V2;
    QString kernelRelease;
    QString vfioApSrcversion;
};

/// Which revision of the migration series a host most likely runs, and why. The console cannot
/// tell the revisions apart from sysfs alone; it only carries an operator's word over to hosts
/// that show the same build.
struct RevisionGuess {
    enum class Basis {
        Operator,      ///< the operator set it for this host
        SameBuild,     ///< another host with the same vfio_ap srcversion was set to it
        SameKernel,    ///< another host with the same kernel release was set to it
        NotMigratable, ///< vfio_ap does not advertise `migratable`: no revision applies
        Unknown,
    };
    std::optional<DriverProfile> profile; ///< nullopt: unknown (or not migratable)
    Basis basis = Basis::Unknown;
    QString fromHost; ///< SameBuild / SameKernel: the host whose record matched
};

/// The operator's record for `host` wins; then a record of another host with the same module
/// srcversion, then the same kernel release; a host without `migratable` has none.
RevisionGuess proposeRevision(const HostSnapshot &host, const QList<HostRevisionRecord> &known);

} // namespace ap::migration
