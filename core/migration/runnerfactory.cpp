#include "runnerfactory.h"

#include "../hosts/simulatedhost.h"

namespace ap::migration {

Result<MigrationJob::Work> migrationWork(HostBackend &source, HostBackend &target, const MigrationPlan &plan,
                                         const RunOptions &options)
{
    auto *src = dynamic_cast<SimulatedHost *>(&source);
    auto *dst = dynamic_cast<SimulatedHost *>(&target);
    if (!src || !dst) {
        const HostBackend &other = src ? target : source;
        return makeError(ErrorCode::Unsupported, other.uri().text, QStringLiteral("migration runs are not supported by this host yet"),
                         QStringLiteral("Run the pre-migration check, then migrate with libvirt; simulated hosts can run the whole migration."));
    }
    return MigrationJob::Work([src, dst, plan, options](const MigrationJob::Sink &sink, const std::atomic_bool &cancel) {
        return runSimulatedMigration(*src, *dst, plan, options, sink, cancel);
    });
}

} // namespace ap::migration
