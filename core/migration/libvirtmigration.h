#pragma once

#include "../hosts/libvirt/domainevent.h"
#include "migrationplan.h"
#include "runevent.h"
#include "steprunner.h"

#include <atomic>

namespace ap::migration {

/// The virDomainMigrateFlags the runner asks for. Post-copy is never used: QEMU refuses VFIO
/// devices with it (ecosystem §2.3).
struct MigrationFlags {
    bool live = true;
    bool peerToPeer = true;
    bool persistDestination = true;
    bool undefineSource = true;
    bool postCopy = false;
    friend bool operator==(const MigrationFlags &, const MigrationFlags &) = default;
};

/// Exactly the libvirt calls the migration runner makes, so a scripted fake can stand in for
/// libvirt in tests (its test driver cannot migrate). Called from the runner's thread;
/// migrateToURI3 blocks until the job ends while the others are called concurrently.
class LibvirtMigrationCalls {
public:
    virtual ~LibvirtMigrationCalls() = default;
    /// virDomainMigrateToURI3(guest, destinationUri, {}, flags) on the source.
    virtual Status migrateToURI3(const QString &guest, const QString &destinationUri, const MigrationFlags &flags) = 0;
    /// virDomainGetJobStats(guest) on the source.
    virtual Result<JobStats> getJobStats(const QString &guest) = 0;
    /// virDomainAbortJob(guest) on the source.
    virtual Status abortJob(const QString &guest) = 0;
    /// virDomainDetachDeviceFlags / AttachDeviceFlags of the vfio-ap hostdev (live), on the
    /// side named.
    virtual Status detachApHostdev(Side side, const QString &guest, const QString &uuid) = 0;
    virtual Status attachApHostdev(Side side, const QString &guest, const QString &uuid) = 0;
    /// virConnectDomainEventRegisterAny on both hosts for the guest's lifecycle, migration
    /// iteration and job-completed events, until unwatchDomainEvents. `handler` is called from
    /// libvirt's event thread.
    virtual Status watchDomainEvents(const QString &guest, const std::function<void(Side, const DomainEvent &)> &handler) = 0;
    virtual void unwatchDomainEvents() = 0;
};

/// Runs a plan built with MigrationRequest::viaLibvirt: libvirt (and QEMU, and the kernels)
/// perform the migration; the runner starts it, polls the job's statistics every `pollMs` into
/// Memory events (transferred bytes never go backwards), turns the domain events into Guest
/// (lifecycle) and Memory (iteration, job completed) events in the order they arrived, aborts it on cancel, and for replug
/// detaches and re-attaches the vfio-ap hostdev around it (back on the source if it fails).
RunEvent runLibvirtMigration(LibvirtMigrationCalls &calls, const MigrationPlan &plan, const QString &destinationUri,
                             int pollMs, const EventSink &sink, const std::atomic_bool &cancel);

} // namespace ap::migration
