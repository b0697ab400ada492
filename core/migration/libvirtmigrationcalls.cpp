#include "libvirtmigrationcalls.h"

#include <libvirt/libvirt.h>

namespace ap {

using namespace ap::migration;

namespace {

unsigned int toLibvirt(const MigrationFlags &f)
{
    unsigned int v = 0;
    if (f.live)
        v |= VIR_MIGRATE_LIVE;
    if (f.peerToPeer)
        v |= VIR_MIGRATE_PEER2PEER;
    if (f.persistDestination)
        v |= VIR_MIGRATE_PERSIST_DEST;
    if (f.undefineSource)
        v |= VIR_MIGRATE_UNDEFINE_SOURCE;
    // VIR_MIGRATE_POSTCOPY is never set: QEMU refuses VFIO devices with post-copy.
    return v;
}

} // namespace

Status LibvirtMigrationCallsImpl::migrateToURI3(const QString &guest, const QString &destinationUri, const MigrationFlags &flags)
{
    const QByteArray dest = LibvirtHost::connectUri(destinationUri).toUtf8();
    const unsigned int f = toLibvirt(flags);
    return m_source.withDomain(guest, QStringLiteral("virDomainMigrateToURI3"), [dest, f](virDomainPtr d) {
        return virDomainMigrateToURI3(d, dest.constData(), nullptr, 0, f);
    }).result();
}

Result<JobStats> LibvirtMigrationCallsImpl::getJobStats(const QString &guest)
{
    return m_source.jobStats(guest);
}

Status LibvirtMigrationCallsImpl::abortJob(const QString &guest)
{
    return m_source.abortJob(guest);
}

Status LibvirtMigrationCallsImpl::detachApHostdev(Side side, const QString &guest, const QString &uuid)
{
    return (side == Side::Destination ? m_target : m_source).detachApHostdev(guest, uuid).result();
}

Status LibvirtMigrationCallsImpl::attachApHostdev(Side side, const QString &guest, const QString &uuid)
{
    return (side == Side::Destination ? m_target : m_source).attachApHostdev(guest, uuid).result();
}

Status LibvirtMigrationCallsImpl::watchDomainEvents(const QString &guest, const std::function<void(Side, const DomainEvent &)> &handler)
{
    unwatchDomainEvents();
    for (const Side side : {Side::Source, Side::Destination}) {
        LibvirtHost &host = side == Side::Source ? m_source : m_target;
        const auto id = host.watchDomainEvents(guest, [handler, side](const DomainEvent &e) { handler(side, e); }).result();
        if (!id) {
            unwatchDomainEvents();
            return id.error();
        }
        m_watches.append({&host, *id});
    }
    return {};
}

void LibvirtMigrationCallsImpl::unwatchDomainEvents()
{
    for (const auto &[host, id] : std::exchange(m_watches, {}))
        host->unwatchDomainEvents(id).waitForFinished();
}

} // namespace ap
