#pragma once

#include "migrationjob.h"
#include "migrationplan.h"
#include "simulatedrun.h"
#include "../hosts/hostbackend.h"

namespace ap::migration {

/// Whether libvirt performs migrations between these hosts (plan with MigrationRequest::viaLibvirt).
bool runsThroughLibvirt(HostBackend &source, HostBackend &target);

/// The work of a migration run between two hosts, for a MigrationJob or to call directly.
/// Both hosts must be reached the same way: simulated hosts run the simulated drivers, hosts
/// with a libvirt address (alone or merged with SSH) a libvirt migration job; Unsupported (naming the host) otherwise. The work
/// holds a lease on both backends (retire() waits for it); they must not be destroyed otherwise
/// before the work.
Result<MigrationJob::Work> migrationWork(HostBackend &source, HostBackend &target, const MigrationPlan &plan,
                                         const RunOptions &options);

} // namespace ap::migration
