#include "migrationplan.h"

#include "../driver/migration/stream.h"
#include "../driver/vfioapdriver.h"
#include "../plan/matrixplan.h"

namespace ap::migration {

const PlanStep *MigrationPlan::step(StepId id) const
{
    for (const PlanStep &s : steps) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

QStringList MigrationPlan::stepIds() const
{
    QStringList ids;
    for (const PlanStep &s : steps)
        ids.append(stepIdName(s.id));
    return ids;
}

namespace {

PlanStep vfioStep(StepId id, Side side, VfioState from, VfioState to)
{
    PlanStep s;
    s.id = id;
    s.side = side;
    s.from = from;
    s.path = statePath(from, to, StopCopyFlag).valueOr(QList<VfioState>());
    return s;
}

PlanStep plainStep(StepId id, Side side)
{
    PlanStep s;
    s.id = id;
    s.side = side;
    return s;
}

MdevCreation validateCreation(const HostSnapshot &target, const Mdev &source)
{
    MdevCreation c;
    c.matrix = MatrixAssignment::of(source);
    MdevDefinition wanted;
    wanted.uuid = source.uuid;
    wanted.matrix = c.matrix;
    c.startRules = definitions::checkStartTransient(target, wanted).findings;
    if (!c.startRules.isEmpty())
        return c;
    HostSnapshot probe = target;
    const driver::Outcome created = driver::createMdev(probe, source.uuid.toLatin1());
    if (!created.ok()) {
        c.err = created.err;
        c.log = created.log;
        return c;
    }
    const driver::Outcome assigned = judgeMatrices(probe, {{source.uuid, c.matrix}}).replay.outcome;
    c.err = assigned.err;
    c.log = assigned.log;
    c.unknown = assigned.unknown;
    return c;
}

/// The definition-only hostdevs and what the plan says about them and a guest without a live one.
void noteDefinition(MigrationPlan &p, const Guest &guest, const HostSnapshot &target)
{
    p.definitionOnlyMdevs = guest.definitionOnlyMdevs();
    if (guest.mdev.isEmpty() && p.definitionOnlyMdevs.isEmpty())
        p.findings.append(QStringLiteral("no-ap-device"));
    if (p.definitionOnlyMdevs.isEmpty())
        return;
    p.findings.append(QStringLiteral("ap-device-in-definition-only"));
    // Its next start there needs the mdev; the migration itself does not.
    for (const QString &uuid : std::as_const(p.definitionOnlyMdevs))
        if (!target.mdev(uuid) && !target.inactiveMdev(uuid)) {
            p.findings.append(QStringLiteral("definition-mdev-missing-on-destination"));
            break;
        }
}

} // namespace

Result<MigrationPlan> buildPlan(const HostSnapshot &source, const HostSnapshot &target, const MigrationRequest &request)
{
    const Guest *guest = source.guest(request.guest);
    if (!guest)
        return makeError(ErrorCode::NotFound, source.host, QStringLiteral("no guest named '%1' on this host").arg(request.guest));
    if (guest->state != Guest::State::Running)
        return makeError(ErrorCode::Usage, request.guest, QStringLiteral("the guest is %1, not running").arg(guestStateName(guest->state)),
                         QStringLiteral("Only a running guest is migrated; start it or move its definition instead."));
    if (target.guest(request.guest))
        return makeError(ErrorCode::Usage, target.host, QStringLiteral("a guest named '%1' already exists on the destination").arg(request.guest));
    if (guest->mdev.isEmpty() && request.viaLibvirt) {
        // No device in the running guest: libvirt's plain live migration is the whole job, and
        // a hostdev of the definition only travels inside the definition (PERSIST_DEST).
        MigrationPlan p;
        p.sourceHost = source.host;
        p.targetHost = target.host;
        p.guest = request.guest;
        p.strategy = Strategy::Live;
        p.profile = request.profile;
        p.viaLibvirt = true;
        noteDefinition(p, *guest, target);
        p.steps.append(plainStep(StepId::LibvirtMigrate, Side::Source));
        return p;
    }
    const Mdev *mdev = guest->mdev.isEmpty() ? nullptr : source.mdev(guest->mdev);
    if (!mdev)
        return makeError(ErrorCode::Usage, request.guest, QStringLiteral("the guest has no vfio-ap mediated device on this host"),
                         QStringLiteral("Guests without AP pass-through are migrated with the usual tools."));

    MigrationPlan p;
    p.sourceHost = source.host;
    p.targetHost = target.host;
    p.guest = request.guest;
    p.mdev = mdev->uuid;
    p.profile = request.profile;
    p.choice = chooseStrategy(source, target, request.blockedReasons);
    if (request.strategy) {
        const bool possible = *request.strategy == Strategy::Live ? p.choice.liveAvailable : p.choice.replugAvailable;
        if (!possible) {
            const QStringList why = *request.strategy == Strategy::Live ? p.choice.liveBlockers : p.choice.replugBlockers;
            return makeError(ErrorCode::Unsupported, request.guest,
                             QStringLiteral("the %1 strategy is not possible: %2").arg(strategyName(*request.strategy), why.join(u", ")));
        }
        p.strategy = *request.strategy;
    } else {
        if (!p.choice.liveAvailable && !p.choice.replugAvailable)
            return makeError(ErrorCode::Unsupported, request.guest,
                             QStringLiteral("no strategy is possible: %1").arg(p.choice.replugBlockers.join(u", ")));
        p.strategy = p.choice.chosen;
    }
    p.queues = int(mdev->guestMatrix().size());
    p.streamBytes = streamSize(p.profile, p.queues);
    p.destinationHasMdev = target.mdev(mdev->uuid) != nullptr;
    if (!p.destinationHasMdev) {
        p.creation = validateCreation(target, *mdev);
        p.createMdev = request.createMdev && p.creation->ok();
    }

    p.viaLibvirt = request.viaLibvirt;
    noteDefinition(p, *guest, target);
    if (p.viaLibvirt) {
        // libvirt and QEMU stage the device states themselves; the console starts, watches and
        // (for replug) unplugs and plugs around the job. The mdev must already exist.
        p.createMdev = false;
        p.steps.append(plainStep(StepId::VerifyDestination, Side::Destination));
        if (p.strategy == Strategy::Replug)
            p.steps.append(plainStep(StepId::Unplug, Side::Source));
        PlanStep job = plainStep(StepId::LibvirtMigrate, Side::Source);
        job.driverChecks = p.strategy == Strategy::Live;
        p.steps.append(job);
        if (p.strategy == Strategy::Replug) {
            PlanStep plug = plainStep(StepId::Plug, Side::Destination);
            plug.driverChecks = true;
            p.steps.append(plug);
        }
        return p;
    }
    if (p.createMdev)
        p.steps.append(plainStep(StepId::CreateMdev, Side::Destination));
    p.steps.append(plainStep(StepId::VerifyDestination, Side::Destination));
    if (p.strategy == Strategy::Live) {
        p.steps.append(vfioStep(StepId::DestinationOpen, Side::Destination, VfioState::Running, VfioState::Stop));
        p.steps.append(plainStep(StepId::MemoryCopy, Side::Source));
        p.steps.append(vfioStep(StepId::SourceStopCopy, Side::Source, VfioState::Running, VfioState::StopCopy));
        PlanStep resuming = vfioStep(StepId::DestinationResuming, Side::Destination, VfioState::Stop, VfioState::Resuming);
        resuming.driverChecks = true;
        p.steps.append(resuming);
        PlanStep running = vfioStep(StepId::DestinationRunning, Side::Destination, VfioState::Resuming, VfioState::Running);
        running.pointOfNoReturn = true;
        p.steps.append(running);
        p.steps.append(vfioStep(StepId::SourceStop, Side::Source, VfioState::StopCopy, VfioState::Stop));
    } else {
        p.steps.append(plainStep(StepId::Unplug, Side::Source));
        p.steps.append(plainStep(StepId::MemoryCopy, Side::Source));
        PlanStep switchover = plainStep(StepId::Switchover, Side::Destination);
        switchover.pointOfNoReturn = true;
        p.steps.append(switchover);
        PlanStep plug = plainStep(StepId::Plug, Side::Destination);
        plug.driverChecks = true;
        p.steps.append(plug);
    }
    return p;
}

} // namespace ap::migration
