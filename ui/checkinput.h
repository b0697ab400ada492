#pragma once

#include <hosts/hostbackend.h>
#include <migration/check.h>

namespace ap::ui {

/// Reads both hosts afresh, each on its own backend worker and at the same time, and returns the
/// migration engine's input for `mdev`. Blocks the calling thread: call it from a worker.
Result<migration::CheckInput> readCheckInput(HostBackend *source, HostBackend *target, const QString &mdev,
                                             migration::DriverProfile profile = migration::DriverProfile::V2);

} // namespace ap::ui
