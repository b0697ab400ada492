#pragma once

#include "../hosts/libvirt/libvirthost.h"
#include "libvirtmigration.h"

namespace ap {

/// The migration runner's libvirt calls on two libvirt hosts. The blocking migration runs on the
/// source backend's worker (which owns the connection); statistics and abort are issued
/// concurrently from the runner's thread, which libvirt connections allow. Domain events are
/// watched on both hosts.
class LibvirtMigrationCallsImpl final : public migration::LibvirtMigrationCalls {
public:
    LibvirtMigrationCallsImpl(LibvirtHost &source, LibvirtHost &target) : m_source(source), m_target(target) {}

    Status migrateToURI3(const QString &guest, const QString &destinationUri, const migration::MigrationFlags &flags) override;
    Result<migration::JobStats> getJobStats(const QString &guest) override;
    Status abortJob(const QString &guest) override;
    Status detachApHostdev(migration::Side side, const QString &guest, const QString &uuid) override;
    Status attachApHostdev(migration::Side side, const QString &guest, const QString &uuid) override;
    Status watchDomainEvents(const QString &guest, const std::function<void(migration::Side, const migration::DomainEvent &)> &handler) override;
    void unwatchDomainEvents() override;

private:
    LibvirtHost &m_source;
    LibvirtHost &m_target;
    QList<std::pair<LibvirtHost *, int>> m_watches;
};

} // namespace ap
