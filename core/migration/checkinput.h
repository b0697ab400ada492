#pragma once

#include "check.h"
#include "../hosts/hostbackend.h"

namespace ap::migration {

/// Reads both hosts afresh, each on its own backend worker and at the same time, asks the
/// source's libvirt (if it has a libvirt address) what blocks the guest's migration, and returns
/// the engine's input for `mdev` (empty: for `guest`, which has no vfio-ap device in it).
/// Blocks the calling thread: call it from a worker.
Result<CheckInput> readCheckInput(HostBackend *source, HostBackend *target, const QString &mdev,
                                  DriverProfile profile = DriverProfile::V2, const QString &guest = {});

} // namespace ap::migration
