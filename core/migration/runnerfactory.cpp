#include "runnerfactory.h"

#include "libvirtmigration.h"
#include "libvirtmigrationcalls.h"
#include "../hosts/simulatedhost.h"

namespace ap::migration {

bool runsThroughLibvirt(HostBackend &source, HostBackend &target)
{
    return source.view<LibvirtHost>() && target.view<LibvirtHost>();
}

Result<MigrationJob::Work> migrationWork(HostBackend &source, HostBackend &target, const MigrationPlan &plan,
                                         const RunOptions &options)
{
    auto *lsrc = source.view<LibvirtHost>();
    auto *ldst = target.view<LibvirtHost>();
    if (lsrc && ldst) {
        if (!plan.viaLibvirt)
            return makeError(ErrorCode::Internal, source.uri().text, QStringLiteral("the plan was not made for libvirt hosts"));
        if (options.inject != InjectedFailure::None)
            return makeError(ErrorCode::Usage, source.uri().text, QStringLiteral("failures can only be injected on simulated hosts"));
        const QString destination = ldst->uri().text;
        return MigrationJob::Work([lsrc, ldst, plan, destination, leases = std::pair(source.lease(), target.lease())](const MigrationJob::Sink &sink, const std::atomic_bool &cancel) {
            LibvirtMigrationCallsImpl calls(*lsrc, *ldst);
            return runLibvirtMigration(calls, plan, destination, 500, sink, cancel);
        });
    }
    auto *src = source.view<SimulatedHost>();
    auto *dst = target.view<SimulatedHost>();
    if (!src || !dst) {
        const HostBackend &other = src ? target : source;
        return makeError(ErrorCode::Unsupported, other.uri().text, QStringLiteral("migration runs are not supported by this host yet")).withHint(Hint::MigrateThroughLibvirt);
    }
    return MigrationJob::Work([src, dst, plan, options, leases = std::pair(source.lease(), target.lease())](const MigrationJob::Sink &sink, const std::atomic_bool &cancel) {
        return runSimulatedMigration(*src, *dst, plan, options, sink, cancel);
    });
}

} // namespace ap::migration
