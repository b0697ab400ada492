#pragma once

#include "placement.h"

#include <QFuture>

namespace ap::fleet {

/// One guest with a vfio-ap mdev, against every host of the fleet.
struct FleetRow {
    QString host;   ///< where the guest runs now
    Guest guest;
    /// One per FleetMap::hosts, in that order; nullopt in the guest's own host's column.
    QList<std::optional<Placement>> cells;
};

/// The fleet compatibility map: every AP guest (rows, by host then name) against every host.
struct FleetMap {
    QStringList hosts;  ///< the columns, in the order the snapshots were given
    QList<FleetRow> rows;
    migration::DriverProfile profile = migration::DriverProfile::V2;
};

/// Computes the map from the hosts' snapshots, rows in parallel on the global thread pool.
/// Blocks the calling thread: call it from a worker (or use computeFleetMapAsync).
FleetMap computeFleetMap(const QList<HostSnapshot> &hosts, migration::DriverProfile profile);
/// The same on a worker; the future carries the map.
QFuture<FleetMap> computeFleetMapAsync(QList<HostSnapshot> hosts, migration::DriverProfile profile);

} // namespace ap::fleet
