#pragma once

#include "placement.h"

namespace ap::fleet {

/// One guest's move in an evacuation: where it goes and the writes that prepare its mdev there.
struct PlannedMove {
    Placement placement;
    WritePlan creation; ///< no steps when the destination already has the mdev
};

/// A guest of the evacuated host that has no place, with each destination's refusal.
struct Unplaced {
    QString guest;
    QString mdev;
    Reason reason;               ///< the first destination's refusal (or why the guest cannot move at all)
    QList<Placement> candidates; ///< every destination's answer, in the destinations' order
};

/// The plan to drain one host: moves in the order they run, what stays, and the replay's verdict.
struct EvacuationPlan {
    QString sourceHost;
    migration::DriverProfile profile = migration::DriverProfile::V2;
    QList<PlannedMove> moves;
    QList<Unplaced> unplaced;
    /// What replaying the plan through the driver model found wrong; empty = it holds.
    QStringList replayProblems;

    bool validated() const { return replayProblems.isEmpty(); }
    /// Every guest of the host has a move and the replay found nothing.
    bool complete() const { return unplaced.isEmpty() && validated(); }
    /// The destinations that need mdevs created, in the order of their first move.
    QStringList creationHosts() const;
    /// All creation writes for one destination, as one plan (one Apply per host).
    WritePlan creationPlan(const QString &host) const;
};

/// Plans the evacuation of every AP guest of `source` onto `destinations` (the source itself is
/// skipped if listed). Guests with the fewest possible destinations are placed first; each one
/// goes live where it can, else by replug, and among equal choices to the destination with the
/// fewest guests placed so far (then the fewest running guests). Each placement sees the
/// destinations as the earlier ones left them (their mdevs, APQNs and mdev instances taken,
/// their guests). The result is replayed (replayEvacuation) before it is returned.
EvacuationPlan planEvacuation(const HostSnapshot &source, const QList<HostSnapshot> &destinations,
                              migration::DriverProfile profile);

/// Replays a plan on copies of the hosts: each move's creation writes go through the driver
/// model as the simulated kernel takes them, then the move is checked as the migration engine
/// would run it (buildPlan with the planned strategy; for live the destination driver's decision
/// on the stream; for replug the guest matrix the guest gets) and the guest is moved. Returns
/// the problems, each naming the guest and host; empty when the plan holds.
QStringList replayEvacuation(const EvacuationPlan &plan, const HostSnapshot &source, const QList<HostSnapshot> &destinations);

} // namespace ap::fleet
