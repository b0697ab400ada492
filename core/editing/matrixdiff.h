#pragma once

#include "../model/hostsnapshot.h"

#include <QList>

namespace ap {

/// What a matrix change does to one mdev, in the terms an operator checks before Apply: which
/// ids come and go, how many APQNs it holds and its guest sees before and after, which guest
/// notices (a running guest gets queues hot plugged or unplugged) and whether the persistent
/// definition still matches once the change is written.
struct MdevChange {
    QString uuid;
    MatrixAssignment before;
    MatrixAssignment after;
    IdMask adaptersAdded, adaptersRemoved;
    IdMask domainsAdded, domainsRemoved;
    IdMask controlDomainsAdded, controlDomainsRemoved;
    int apqnsBefore = 0;
    int apqnsAfter = 0;
    int guestApqnsBefore = 0; ///< queues in the guest matrix (what the guest sees)
    int guestApqnsAfter = 0;
    QString guest;            ///< the guest using the mdev, empty if none
    bool guestRunning = false;///< running or paused: the change is hot plugged / unplugged now
    /// The host keeps a persistent definition of this mdev (mdevctl, libvirt); the plan writes
    /// sysfs only, so a definition that differs from `after` brings the old matrix back at the
    /// next start.
    bool hasDefinition = false;
    bool definitionMatchesAfter = false;

    bool hotPlug() const { return guestRunning && guestApqnsAfter > guestApqnsBefore; }
    bool hotUnplug() const { return guestRunning && guestApqnsAfter < guestApqnsBefore; }
};

/// The changes between two states of a host (`after` typically the replay of a plan), one per
/// mdev whose assignment differs, in UUID order.
QList<MdevChange> describeChanges(const HostSnapshot &before, const HostSnapshot &after);

} // namespace ap
