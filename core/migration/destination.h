#pragma once

#include "../model/hostsnapshot.h"

#include <QString>

namespace ap::migration {

/// What the console knows of a host offered as a migration destination.
struct DestinationCandidate {
    bool isSource = false;                 ///< the guest's own host
    bool unreachable = false;              ///< its last read failed
    const HostSnapshot *snapshot = nullptr; ///< as last read; nullptr: not read yet
    /// false: no vfio-ap device is in the running guest and libvirt moves it (a plain live
    /// migration), so the host needs no vfio_ap driver.
    bool needsVfioAp = true;
};

/// Whether a host can be a destination, and if not why. The one rule behind the check
/// dialog's and the migration wizard's host lists. A host whose vfio_ap driver lacks
/// `migratable` still qualifies for the replug strategy (ReplugOnly), labelled as such.
enum class DestinationEligibility {
    Eligible,       ///< live migration and replug
    ReplugOnly,     ///< no `migratable`: only hot-unplug, migrate, hot-plug
    SourceHost,     ///< the guest's own host
    Unreachable,    ///< the last read failed
    NotRead,        ///< no data yet
    NoVfioAp,       ///< vfio_ap is not loaded: no mdev can take the guest's queues
    GuestNameTaken, ///< a guest of the same name exists there (libvirt refuses to define it)
};

/// `guest` is the guest's name; empty when the mdev has no guest (then the name cannot clash).
DestinationEligibility destinationEligibility(const DestinationCandidate &candidate, const QString &guest);

/// Eligible and ReplugOnly can be picked; every other answer is shown with its reason.
constexpr bool isSelectable(DestinationEligibility e)
{
    return e == DestinationEligibility::Eligible || e == DestinationEligibility::ReplugOnly;
}

} // namespace ap::migration
