#pragma once

#include "migrationjob.h"
#include "migrationplan.h"
#include "simulatedrun.h"
#include "../hosts/hostbackend.h"

namespace ap::migration {

/// The work of a migration run between two hosts, for a MigrationJob or to call directly.
/// Both hosts must be reached the same way; Unsupported (naming the host) when no runner drives
/// this kind of host. The backends must outlive the work.
Result<MigrationJob::Work> migrationWork(HostBackend &source, HostBackend &target, const MigrationPlan &plan,
                                         const RunOptions &options);

} // namespace ap::migration
