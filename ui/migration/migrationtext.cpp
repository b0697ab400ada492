#include "migrationtext.h"

#include <QCoreApplication>

namespace ap::ui::migrationtext {

using namespace ap::migration;

QString stepTitle(StepId id)
{
    switch (id) {
    case StepId::CreateMdev: return QCoreApplication::translate("MigrationText", "Create the mdev on the destination");
    case StepId::VerifyDestination: return QCoreApplication::translate("MigrationText", "Verify the destination mdev");
    case StepId::DestinationOpen: return QCoreApplication::translate("MigrationText", "Destination: open the device and stop it");
    case StepId::MemoryCopy: return QCoreApplication::translate("MigrationText", "Copy guest memory");
    case StepId::SourceStopCopy: return QCoreApplication::translate("MigrationText", "Source: stop the device and save its state");
    case StepId::DestinationResuming: return QCoreApplication::translate("MigrationText", "Destination: write the device state");
    case StepId::DestinationRunning: return QCoreApplication::translate("MigrationText", "Destination: resume the guest");
    case StepId::SourceStop: return QCoreApplication::translate("MigrationText", "Source: stop and close the device");
    case StepId::Unplug: return QCoreApplication::translate("MigrationText", "Source: hot-unplug the vfio-ap device");
    case StepId::Switchover: return QCoreApplication::translate("MigrationText", "Switch the guest over to the destination");
    case StepId::Plug: return QCoreApplication::translate("MigrationText", "Destination: hot-plug the mdev with the same UUID");
    case StepId::LibvirtMigrate: return QCoreApplication::translate("MigrationText", "libvirt: migrate the guest (peer to peer, live)");
    }
    return stepIdName(id);
}

QString stepTitle(const QString &name)
{
    const auto id = parseStepId(name);
    return id ? stepTitle(*id) : name;
}

QString stepDescription(const PlanStep &step, const MigrationPlan &plan)
{
    QString path;
    if (step.from) {
        path = vfioStateName(*step.from);
        for (const VfioState s : step.path)
            path += QStringLiteral(" → ") + vfioStateName(s);
    }
    switch (step.id) {
    case StepId::CreateMdev:
        return QCoreApplication::translate("MigrationText", "Create mdev %1 with the source's matrix (the destination driver accepts it).").arg(plan.mdev);
    case StepId::VerifyDestination:
        return QCoreApplication::translate("MigrationText", "mdev %1 exists on the destination and no guest uses it.").arg(plan.mdev);
    case StepId::MemoryCopy:
        return QCoreApplication::translate("MigrationText", "Pre-copy of the guest's memory while it keeps running; iterations until the rest fits the downtime limit.");
    case StepId::SourceStopCopy:
        return QCoreApplication::translate("MigrationText", "%1; the device's stream holds %2 bytes (%3 queues).").arg(path).arg(plan.streamBytes).arg(plan.queues);
    case StepId::DestinationResuming:
        return QCoreApplication::translate("MigrationText", "%1; the stream is written in chunks. The destination driver's checks run here.").arg(path);
    case StepId::DestinationRunning:
        return QCoreApplication::translate("MigrationText", "%1; the guest runs on the destination. Point of no return.").arg(path);
    case StepId::Unplug:
        return QCoreApplication::translate("MigrationText", "The guest loses its crypto adapters until the hot-plug on the destination.");
    case StepId::Switchover:
        return QCoreApplication::translate("MigrationText", "The guest pauses on the source and resumes on the destination. Point of no return.");
    case StepId::Plug:
        return QCoreApplication::translate("MigrationText", "The destination driver derives the guest matrix of mdev %1.").arg(plan.mdev);
    case StepId::LibvirtMigrate:
        return QCoreApplication::translate("MigrationText", "virDomainMigrateToURI3, never post-copy; QEMU stages the device states and the destination driver checks "
                                                            "the AP configuration. Progress from the job statistics.");
    case StepId::DestinationOpen:
    case StepId::SourceStop:
        break;
    }
    return path;
}

QString sideName(Side side)
{
    switch (side) {
    case Side::Source: return QCoreApplication::translate("MigrationText", "Source");
    case Side::Destination: return QCoreApplication::translate("MigrationText", "Destination");
    case Side::None: break;
    }
    return {};
}

QString strategyTitle(Strategy s)
{
    return s == Strategy::Live ? QCoreApplication::translate("MigrationText", "Live (VFIO migration)") : QCoreApplication::translate("MigrationText", "Replug (hot-unplug, migrate, hot-plug)");
}

QString strategyExplanation(Strategy s)
{
    return s == Strategy::Live
        ? QCoreApplication::translate("MigrationText", "The guest keeps its crypto adapters: the AP configuration travels in the device's migration stream and the "
            "destination driver checks it before the guest resumes. Needs the vfio_ap migration support ('migratable') on both hosts.")
        : QCoreApplication::translate("MigrationText", "The vfio-ap device is hot-unplugged, the guest migrates without it and an mdev with the same UUID is hot-plugged "
            "on the destination. Works on today's kernels; the guest has no crypto adapters while it moves.");
}

QString blocker(const QString &id)
{
    if (id == u"source-not-migratable")
        return QCoreApplication::translate("MigrationText", "the source's vfio_ap driver has no migration support ('migratable' missing from its features)");
    if (id == u"target-not-migratable")
        return QCoreApplication::translate("MigrationText", "the destination's vfio_ap driver has no migration support ('migratable' missing from its features)");
    if (id == u"qemu-blocks-device")
        return QCoreApplication::translate("MigrationText", "the source's QEMU cannot migrate the vfio-ap device (libvirt reports it as a migration blocker)");
    if (id == u"qemu-blocks-guest")
        return QCoreApplication::translate("MigrationText", "the source's QEMU reports a migration blocker that is not about the vfio-ap device");
    if (id == u"secure-execution")
        return QCoreApplication::translate("MigrationText", "a host runs as a Secure Execution guest; the driver refuses migration");
    if (id == u"source-no-vfio-ap")
        return QCoreApplication::translate("MigrationText", "the vfio_ap driver is not loaded on the source");
    if (id == u"target-no-vfio-ap")
        return QCoreApplication::translate("MigrationText", "the vfio_ap driver is not loaded on the destination");
    return id;
}

QString destinationNote(DestinationEligibility e, const QString &guest, const QString &failure)
{
    switch (e) {
    case DestinationEligibility::Eligible: return {};
    case DestinationEligibility::ReplugOnly:
        return QCoreApplication::translate("MigrationText", "replug only: its vfio_ap driver has no 'migratable'");
    case DestinationEligibility::SourceHost: return QCoreApplication::translate("MigrationText", "the guest's own host");
    case DestinationEligibility::Unreachable: return QCoreApplication::translate("MigrationText", "unavailable: %1").arg(failure);
    case DestinationEligibility::NotRead: return QCoreApplication::translate("MigrationText", "not read yet");
    case DestinationEligibility::NoVfioAp: return QCoreApplication::translate("MigrationText", "vfio_ap is not loaded");
    case DestinationEligibility::GuestNameTaken:
        return QCoreApplication::translate("MigrationText", "a guest named %1 already exists there").arg(guest);
    }
    return {};
}

QString failureTitle(InjectedFailure f)
{
    switch (f) {
    case InjectedFailure::None: return QCoreApplication::translate("MigrationText", "No failure");
    case InjectedFailure::Incompatible: return QCoreApplication::translate("MigrationText", "Incompatible destination adapter");
    case InjectedFailure::FewerQueues: return QCoreApplication::translate("MigrationText", "Destination mdev with fewer queues");
    case InjectedFailure::MoreQueues: return QCoreApplication::translate("MigrationText", "Destination mdev with more queues");
    case InjectedFailure::MissingMdev: return QCoreApplication::translate("MigrationText", "Destination mdev missing");
    case InjectedFailure::ConfigChange: return QCoreApplication::translate("MigrationText", "Configuration change during the run");
    case InjectedFailure::HostAway: return QCoreApplication::translate("MigrationText", "Destination host goes away");
    }
    return {};
}

QString guestState(const QString &state)
{
    if (state == u"running")
        return QCoreApplication::translate("MigrationText", "running");
    if (state == u"paused")
        return QCoreApplication::translate("MigrationText", "paused");
    if (state == u"gone")
        return QCoreApplication::translate("MigrationText", "gone");
    if (state == u"shut off")
        return QCoreApplication::translate("MigrationText", "shut off");
    return state;
}

QString stepStatus(const QString &status)
{
    if (status == u"started")
        return QCoreApplication::translate("MigrationText", "running");
    if (status == u"done")
        return QCoreApplication::translate("MigrationText", "done");
    if (status == u"failed")
        return QCoreApplication::translate("MigrationText", "failed");
    if (status == u"skipped")
        return QCoreApplication::translate("MigrationText", "skipped");
    if (status == u"cancelled")
        return QCoreApplication::translate("MigrationText", "cancelled");
    if (status == u"not run")
        return QCoreApplication::translate("MigrationText", "not run");
    return status;
}

} // namespace ap::ui::migrationtext
