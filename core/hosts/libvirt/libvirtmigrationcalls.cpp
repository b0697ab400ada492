#include "libvirtmigrationcalls.h"

#include <QtConcurrent>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

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
    LibvirtHost &src = m_source;
    return QtConcurrent::run(src.worker(), [&src, guest, destinationUri, flags]() -> Status {
        auto conn = src.connection();
        if (!conn)
            return conn.error();
        virDomainPtr dom = virDomainLookupByName(*conn, guest.toUtf8().constData());
        if (!dom)
            return src.lastError(QStringLiteral("virDomainLookupByName"));
        const QByteArray dest = LibvirtHost::connectUri(destinationUri).toUtf8();
        Status s;
        if (virDomainMigrateToURI3(dom, dest.constData(), nullptr, 0, toLibvirt(flags)) < 0)
            s = src.lastError(QStringLiteral("virDomainMigrateToURI3"));
        virDomainFree(dom);
        return s;
    }).result();
}

Result<JobStats> LibvirtMigrationCallsImpl::getJobStats(const QString &guest)
{
    if (!m_source.m_conn)
        return makeError(ErrorCode::Unreachable, m_source.uri().text, QStringLiteral("not connected"));
    virDomainPtr dom = virDomainLookupByName(m_source.m_conn, guest.toUtf8().constData());
    if (!dom)
        return m_source.lastError(QStringLiteral("virDomainLookupByName"));
    int type = 0;
    virTypedParameterPtr params = nullptr;
    int n = 0;
    const int rc = virDomainGetJobStats(dom, &type, &params, &n, 0);
    virDomainFree(dom);
    if (rc < 0)
        return m_source.lastError(QStringLiteral("virDomainGetJobStats"));
    JobStats s;
    s.type = JobStats::Type(type);
    const auto field = [&](const char *name) {
        unsigned long long v = 0;
        (void)virTypedParamsGetULLong(params, n, name, &v);
        return qint64(v);
    };
    s.timeElapsedMs = field(VIR_DOMAIN_JOB_TIME_ELAPSED);
    s.dataTotal = field(VIR_DOMAIN_JOB_DATA_TOTAL);
    s.dataProcessed = field(VIR_DOMAIN_JOB_DATA_PROCESSED);
    s.dataRemaining = field(VIR_DOMAIN_JOB_DATA_REMAINING);
    s.memIteration = field(VIR_DOMAIN_JOB_MEMORY_ITERATION);
    s.expectedDowntimeMs = field(VIR_DOMAIN_JOB_DOWNTIME);
    virTypedParamsFree(params, n);
    return s;
}

Status LibvirtMigrationCallsImpl::abortJob(const QString &guest)
{
    if (!m_source.m_conn)
        return makeError(ErrorCode::Unreachable, m_source.uri().text, QStringLiteral("not connected"));
    virDomainPtr dom = virDomainLookupByName(m_source.m_conn, guest.toUtf8().constData());
    if (!dom)
        return m_source.lastError(QStringLiteral("virDomainLookupByName"));
    Status s;
    if (virDomainAbortJob(dom) < 0)
        s = m_source.lastError(QStringLiteral("virDomainAbortJob"));
    virDomainFree(dom);
    return s;
}

Status LibvirtMigrationCallsImpl::detachApHostdev(Side side, const QString &guest, const QString &uuid)
{
    return (side == Side::Destination ? m_target : m_source).detachApHostdev(guest, uuid).result();
}

Status LibvirtMigrationCallsImpl::attachApHostdev(Side side, const QString &guest, const QString &uuid)
{
    return (side == Side::Destination ? m_target : m_source).attachApHostdev(guest, uuid).result();
}

} // namespace ap
