#pragma once

// Helpers shared by the tests: temporary trees and snapshots built to order.

#include <model/hostsnapshot.h>

#include <QString>

namespace ap::test {

/// A host with `adapters` CEX8C adapters (ids 0..) and `domains` usage domains (0..), all
/// released to vfio_ap except as the masks say, and no mdevs.
HostSnapshot makeHost(int adapters, int domains, bool releaseAll = true);

/// Adds an mdev with the given ids.
Mdev &addMdev(HostSnapshot &h, const QString &uuid, const QList<int> &adapters, const QList<int> &domains,
              const QList<int> &controlDomains = {});

} // namespace ap::test
