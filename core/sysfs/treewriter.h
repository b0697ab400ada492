#pragma once

#include "../common/result.h"
#include "../model/hostsnapshot.h"

namespace ap::sysfs {

/// Lays a snapshot out below `root` as a real host's sysfs: /sys/devices/ap/cardXX/XX.YYYY with
/// every attribute the kernel shows (not only those the console reads), `driver` links, the
/// /sys/bus/ap/devices links, and /sys/devices/vfio_ap/matrix with its mdev type and mdevs.
/// Used for tests, benchmarks and exporting a host for offline analysis. `root` must be empty
/// or absent.
Status writeTree(const HostSnapshot &host, const QString &root);

} // namespace ap::sysfs
