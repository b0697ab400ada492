#pragma once

// Helpers shared by the tests: temporary trees and snapshots built to order.

#include <model/hostsnapshot.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ap::test {

/// A host with `adapters` CEX8C adapters (ids 0..) and `domains` usage domains (0..), all
/// released to vfio_ap except as the masks say, and no mdevs.
HostSnapshot makeHost(int adapters, int domains, bool releaseAll = true);

/// A host as the benchmarks measure it: half the adapters released to vfio_ap (their queues
/// bound there, the others to cex4queue and online) and one mdev `uuid` over all of them.
HostSnapshot makeHalfReleasedHost(int adapters, int domains, const QString &uuid);

/// The dump script run locally on `root` as an SSH host runs it, with `args` after the root;
/// `path` prefixes PATH (e.g. a find without -printf). Empty on a hang of over a minute.
QByteArray runDump(const QString &root, const QStringList &args = {}, const QString &path = {});

/// Adds an mdev with the given ids.
Mdev &addMdev(HostSnapshot &h, const QString &uuid, const QList<int> &adapters, const QList<int> &domains,
              const QList<int> &controlDomains = {});

} // namespace ap::test
