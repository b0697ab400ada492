#include "simulatedhost.h"

#include "../plan/matrixplan.h"
#include "../plan/planexecutor.h"
#include "../definitions/drift.h"
#include "../driver/vfioapdriver.h"
#include "../json/snapshotjson.h"
#include "hostrecords.h"
#include "../sysfs/attributeformat.h"
#include "../sysfs/attributeparsers.h"
#include "../sysfs/paths.h"

#include <QThread>

#include <cerrno>

namespace ap {

/// The simulated kernel's sysfs as the plan executor sees it. Called with m_mutex held.
class SimulatedHost::Access final : public AttributeAccess {
public:
    explicit Access(SimulatedHost &host) : m_host(host) {}

    WriteAnswer write(const SysfsWrite &w) override
    {
        ++m_host.m_writes;
        if (const int err = m_host.m_failures.take(m_host.m_writes))
            return {err, {}};
        const driver::Outcome o = driver::writeAttribute(m_host.m_state, w.path, w.value);
        m_host.logLocked(o.log);
        // Normal operations show in the host's log too (as the driver's debug lines would), not
        // only refusals; the write's own answer keeps just what the kernel prints by default.
        if (o.ok())
            m_host.logLocked({operationLine(w)});
        return {o.err, o.log};
    }

    std::optional<QByteArray> read(const QString &path) override
    {
        const HostSnapshot &h = m_host.m_state;
        if (path == sysfs::paths::bus() + u"/apmask")
            return sysfs::formatMask(h.bus.apmask);
        if (path == sysfs::paths::bus() + u"/aqmask")
            return sysfs::formatMask(h.bus.aqmask);
        const QString prefix = sysfs::paths::matrix() + QLatin1Char('/');
        if (!path.startsWith(prefix))
            return std::nullopt;
        const QStringView rest = QStringView(path).mid(prefix.size());
        const qsizetype slash = rest.indexOf(QLatin1Char('/'));
        if (slash < 0)
            return std::nullopt;
        const Mdev *m = h.mdev(rest.first(slash));
        if (!m)
            return std::nullopt;
        const QStringView attr = rest.mid(slash + 1);
        if (attr == u"ap_config" && h.matrix.has(u"ap_config"))
            return sysfs::formatApConfig({m->adapters, m->domains, m->controlDomains});
        if (attr == u"matrix")
            return sysfs::formatMatrixListing(m->adapters, m->domains, h.bus.maxAdapterId, h.bus.maxDomainId);
        if (attr == u"control_domains")
            return sysfs::formatControlDomains(m->controlDomains, h.bus.maxDomainId);
        return std::nullopt;
    }

private:
    static QString operationLine(const SysfsWrite &w)
    {
        const QString value = QString::fromLatin1(w.value).trimmed();
        const QString prefix = sysfs::paths::matrix() + QLatin1Char('/');
        if (w.path.startsWith(prefix)) {
            const QStringView rest = QStringView(w.path).mid(prefix.size());
            const qsizetype slash = rest.indexOf(QLatin1Char('/'));
            if (slash > 0)
                return driver::mdevLogPrefix(rest.first(slash)) + QStringLiteral("%1 %2").arg(rest.mid(slash + 1), value);
            return QStringLiteral("vfio_ap matrix: %1 %2").arg(rest, value);
        }
        return QStringLiteral("ap: %1 %2").arg(w.path.section(QLatin1Char('/'), -1), value);
    }

    SimulatedHost &m_host;
};

SimulatedHost::SimulatedHost(HostUri uri, HostSnapshot initial, std::shared_ptr<HostRecords> store)
    : HostBackend(std::move(uri))
    , m_state(std::move(initial))
    , m_store(std::move(store))
{
    m_state.host = this->uri().text;
    driver::refreshDerivedState(m_state);
    m_uptime.start();
}

SimulatedHost::~SimulatedHost()
{
    drain();
}

HostSnapshot SimulatedHost::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    HostSnapshot h = m_state;
    definitions::applyDefinitions(h); // mdevs created by plans are persistent once defined
    return h;
}

void SimulatedHost::load(HostSnapshot snapshot)
{
    QMutexLocker lock(&m_mutex);
    m_state = std::move(snapshot);
    m_state.host = uri().text;
    driver::refreshDerivedState(m_state);
}

QStringList SimulatedHost::kernelLog() const
{
    QMutexLocker lock(&m_mutex);
    return m_kernelLog;
}

void SimulatedHost::logLocked(const QStringList &lines)
{
    // dmesg's stamp: seconds since the (simulated) kernel started.
    const QString stamp = QStringLiteral("[%1] ").arg(double(m_uptime.nsecsElapsed()) / 1e9 + kBootSeconds, 12, 'f', 6);
    for (const QString &l : lines)
        m_kernelLog.append(stamp + l);
}

void SimulatedHost::failWrite(int nth, int err)
{
    QMutexLocker lock(&m_mutex);
    m_failures.insert(m_writes + nth, err);
}

void SimulatedHost::setLatency(int ms)
{
    QMutexLocker lock(&m_mutex);
    m_latencyMs = ms;
}

void SimulatedHost::setReachable(bool reachable)
{
    QMutexLocker lock(&m_mutex);
    m_reachable = reachable;
}

bool SimulatedHost::isReachable() const
{
    QMutexLocker lock(&m_mutex);
    return m_reachable;
}

Status SimulatedHost::persistLocked()
{
    // A failing disk must not undo what the (simulated) kernel did, but it is not kept quiet: the
    // failure stays an issue of every read until a save succeeds, and applies report it.
    if (!m_store)
        return {};
    Status saved = m_store->saveSimulatedHost(uri().name, snapshotToJson(m_state));
    m_saveError = saved ? std::nullopt : std::optional<Error>(saved.error());
    return saved;
}

Status SimulatedHost::modify(const std::function<Status(HostSnapshot &, QStringList &)> &change)
{
    QMutexLocker lock(&m_mutex);
    if (Status s = reachableLocked(); !s)
        return s;
    HostSnapshot next = m_state;
    QStringList log;
    Status s = change(next, log);
    logLocked(log);
    if (!s)
        return s;
    next.sort();
    driver::refreshDerivedState(next);
    m_state = std::move(next);
    if (Status saved = persistLocked(); !saved)
        logLocked({QStringLiteral("apconsole: the simulated host's state was not saved: %1").arg(saved.error().toString())});
    return {};
}

Status SimulatedHost::reachableLocked() const
{
    if (m_reachable)
        return {};
    return makeError(ErrorCode::Unreachable, uri().text, QStringLiteral("the simulated host is not reachable")).withHint(Hint::DemoHostTakenAway);
}

Result<migration::VfioMigrationDevice *> SimulatedHost::deviceLocked(const QString &uuid) const
{
    if (Status s = reachableLocked(); !s)
        return s.error();
    const auto it = m_devices.constFind(uuid);
    if (it == m_devices.constEnd())
        return makeError(ErrorCode::NotFound, uri().text, QStringLiteral("no open migration device for mdev %1").arg(uuid));
    return it.value().get();
}

Status SimulatedHost::openMigrationDevice(const QString &uuid, migration::DriverProfile profile)
{
    QMutexLocker lock(&m_mutex);
    if (Status s = reachableLocked(); !s)
        return s;
    if (!m_state.mdev(uuid))
        return makeError(ErrorCode::NotFound, uri().text, QStringLiteral("device not found: mediated device '%1' not found").arg(uuid), {}, ENODEV);
    m_devices.insert(uuid, std::make_shared<migration::VfioMigrationDevice>(profile, uuid));
    return {};
}

void SimulatedHost::closeMigrationDevice(const QString &uuid)
{
    QMutexLocker lock(&m_mutex);
    m_devices.remove(uuid);
}

Result<migration::VfioState> SimulatedHost::migrationState(const QString &uuid) const
{
    QMutexLocker lock(&m_mutex);
    const auto d = deviceLocked(uuid);
    if (!d)
        return d.error();
    return (*d)->state();
}

Result<migration::VfioMigrationDevice::Transition> SimulatedHost::setMigrationState(const QString &uuid, migration::VfioState requested)
{
    QMutexLocker lock(&m_mutex);
    const auto d = deviceLocked(uuid);
    if (!d)
        return d.error();
    migration::VfioMigrationDevice::Transition t = (*d)->setState(requested, m_state);
    logLocked(t.log);
    return t;
}

Result<QByteArray> SimulatedHost::readMigrationData(const QString &uuid, qint64 max)
{
    QMutexLocker lock(&m_mutex);
    const auto d = deviceLocked(uuid);
    if (!d)
        return d.error();
    return (*d)->read(max, m_state);
}

Result<migration::ResumingFile::Answer> SimulatedHost::writeMigrationData(const QString &uuid, const QByteArray &chunk)
{
    QMutexLocker lock(&m_mutex);
    const auto d = deviceLocked(uuid);
    if (!d)
        return d.error();
    const bool appliedBefore = (*d)->configApplied();
    migration::ResumingFile::Answer a = (*d)->write(chunk, m_state);
    logLocked(a.log);
    if ((*d)->configApplied() != appliedBefore && !persistLocked().ok())
        a.log.append(QStringLiteral("apconsole: the simulated host's state was not saved: %1").arg(m_saveError->toString()));
    return a;
}

Status SimulatedHost::waitLatency(QDeadlineTimer deadline, const std::function<bool()> &canceled) const
{
    int latency = 0;
    bool reachable = true;
    {
        QMutexLocker lock(&m_mutex);
        latency = m_latencyMs;
        reachable = m_reachable;
    }
    QDeadlineTimer done(latency);
    while (!done.hasExpired()) {
        if (canceled && canceled())
            return makeError(ErrorCode::Canceled, uri().text, QStringLiteral("request canceled"));
        if (deadline.hasExpired())
            return makeError(ErrorCode::Timeout, uri().text, QStringLiteral("the host did not answer in time")).withHint(Hint::SlowHostRetry);
        QThread::msleep(std::min<qint64>(10, std::max<qint64>(1, done.remainingTime())));
    }
    if (!reachable) {
        QMutexLocker lock(&m_mutex);
        return reachableLocked();
    }
    return {};
}

Result<HostSnapshot> SimulatedHost::doReadInventory(const std::function<bool()> &canceled, QDeadlineTimer deadline)
{
    if (Status s = waitLatency(deadline, canceled); !s)
        return s.error();
    QMutexLocker lock(&m_mutex);
    HostSnapshot read = m_state;
    if (read.writes.state == WritePermission::State::Unknown)
        read.writes.state = WritePermission::State::Writable; // unless a test made it read-only, the simulated kernel decides
    definitions::applyDefinitions(read);
    if (m_saveError)
        read.issues.append(makeError(m_saveError->code, m_saveError->where,
                                     QStringLiteral("the simulated host's state was not saved: ") + m_saveError->detail, m_saveError->hint));
    return read;
}

Result<ApplyReport> SimulatedHost::doApply(const WritePlan &plan, const std::function<void(int)> &progress)
{
    if (Status s = waitLatency(QDeadlineTimer::Forever, {}); !s)
        return s.error();
    QMutexLocker lock(&m_mutex);
    Access access(*this);
    ApplyReport report = executePlan(access, plan, uri().text, progress);
    if (Status saved = persistLocked(); !saved)
        report.notRecorded = saved.error();
    if (m_store) {
        if (Status saved = m_store->appendJournal(report.journal); !saved)
            report.notRecorded = saved.error();
    }
    return report;
}

Status SimulatedHost::doChangeDefinition(const definitions::DefinitionRequest &request, QDeadlineTimer deadline)
{
    using Kind = definitions::DefinitionRequest::Kind;
    if (Status s = waitLatency(deadline, {}); !s)
        return s;
    QMutexLocker lock(&m_mutex);
    if (Status s = reachableLocked(); !s)
        return s;
    if (!m_state.definitions)
        m_state.definitions = HostDefinitions{{}, {}, QStringLiteral("simulated"), std::nullopt};
    const definitions::Verdict verdict = definitions::check(m_state, request);
    if (verdict.refused()) {
        // mdevctl prints the callout's lines, then its own error.
        QStringList lines;
        for (const definitions::Finding &f : verdict.findings)
            lines << f.message();
        const definitions::Finding &first = verdict.findings.first();
        return makeError(first.kernelErrno ? ErrorCode::Kernel : ErrorCode::Usage, uri().text,
                         QStringLiteral("mdevctl %1 %2: %3").arg(request.actionName(), request.uuid, lines.join(QStringLiteral("; "))),
                         first.hint(), first.kernelErrno);
    }
    HostSnapshot next = m_state;
    if (request.kind == Kind::Start || request.kind == Kind::StartTransient) {
        const MatrixAssignment target = request.kind == Kind::Start ? next.definitions->find(request.uuid)->matrix : request.definition.matrix;
        driver::Outcome o = driver::createMdev(next, request.uuid.toLatin1());
        logLocked(o.log);
        if (o.ok()) {
            PlanReplay assigned = replayPlan(next, plans::changeMatrix(next, request.uuid, target));
            logLocked(assigned.outcome.log);
            o = assigned.outcome;
            next = std::move(assigned.after);
        }
        if (!o.ok())
            return makeError(ErrorCode::Kernel, uri().text, QStringLiteral("mdevctl start %1: the kernel refused the matrix").arg(request.uuid),
                             o.log.join(QLatin1Char('\n')), o.err);
    } else if (request.kind == Kind::Stop) {
        const driver::Outcome o = driver::removeMdev(next, request.uuid, "1");
        logLocked(o.log);
        if (!o.ok())
            return makeError(ErrorCode::Kernel, uri().text, QStringLiteral("mdevctl stop %1").arg(request.uuid), {}, o.err);
    }
    definitions::applyToDefinitions(*next.definitions, request);
    next.sort();
    driver::refreshDerivedState(next);
    m_state = std::move(next);
    // The definition change is made; a failed save is the store's problem, reported beside it.
    if (Status saved = persistLocked(); !saved)
        logLocked({QStringLiteral("apconsole: the simulated host's state was not saved: %1").arg(saved.error().toString())});
    return {};
}

} // namespace ap
