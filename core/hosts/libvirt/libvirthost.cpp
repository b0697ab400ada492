#include "libvirthost.h"

#include "libvirtevents.h"
#include "libvirtlibrary.h"
#include "libvirtxml.h"

#include <QMutex>
#include <QThreadPool>
#include <QtConcurrent>

#include <libvirt/libvirt.h>
#include <libvirt/libvirt-qemu.h>
#include <libvirt/virterror.h>

#include <utility>

namespace ap {

namespace {

/// Refuses every interactive credential: nothing may wait on a prompt.
int refuseCredentials(virConnectCredentialPtr, unsigned int, void *)
{
    return -1;
}

Guest::State guestState(int state)
{
    switch (state) {
    case VIR_DOMAIN_RUNNING:
    case VIR_DOMAIN_BLOCKED:
        return Guest::State::Running;
    case VIR_DOMAIN_PAUSED:
    case VIR_DOMAIN_PMSUSPENDED:
        return Guest::State::Paused;
    default:
        return Guest::State::ShutOff;
    }
}

migration::JobStats jobStatsFrom(virTypedParameterPtr params, int n, int type)
{
    migration::JobStats s;
    s.type = migration::JobStats::Type(type);
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
    return s;
}

} // namespace

/// The subscriptions of one host, shared by its libvirt callbacks (each frees its reference).
/// Handlers run under the mutex, so none runs once its subscription is removed.
struct LibvirtEventHub {
    struct Subscription {
        QString guest;
        LibvirtHost::DomainEventHandler handler;
    };
    QMutex mutex;
    QHash<int, Subscription> subscriptions;
    int nextId = 1;

    void deliver(virDomainPtr dom, migration::DomainEvent e)
    {
        e.guest = QString::fromUtf8(virDomainGetName(dom));
        QMutexLocker l(&mutex);
        for (const Subscription &s : std::as_const(subscriptions))
            if (s.guest.isEmpty() || s.guest == e.guest)
                s.handler(e);
    }
};

namespace {

using SubscriptionRef = std::shared_ptr<LibvirtEventHub>;

void freeSubscription(void *opaque)
{
    delete static_cast<SubscriptionRef *>(opaque);
}

void onLifecycle(virConnectPtr, virDomainPtr dom, int event, int detail, void *opaque)
{
    migration::DomainEvent e;
    e.kind = migration::DomainEvent::Kind::Lifecycle;
    e.event = event;
    e.detail = detail;
    (*static_cast<SubscriptionRef *>(opaque))->deliver(dom, e);
}

void onIteration(virConnectPtr, virDomainPtr dom, int iteration, void *opaque)
{
    migration::DomainEvent e;
    e.kind = migration::DomainEvent::Kind::Iteration;
    e.iteration = iteration;
    (*static_cast<SubscriptionRef *>(opaque))->deliver(dom, e);
}

void onJobCompleted(virConnectPtr, virDomainPtr dom, virTypedParameterPtr params, int n, void *opaque)
{
    migration::DomainEvent e;
    e.kind = migration::DomainEvent::Kind::JobCompleted;
    e.stats = jobStatsFrom(params, n, int(migration::JobStats::Type::Completed));
    (*static_cast<SubscriptionRef *>(opaque))->deliver(dom, e);
}

} // namespace

LibvirtHost::LibvirtHost(HostUri uri)
    : HostBackend(std::move(uri))
    , m_events(std::make_shared<LibvirtEventHub>())
{
    libvirtevents::ensureRunning();
}

LibvirtHost::~LibvirtHost()
{
    // The connection belongs to the worker: it is closed there, after the requests before it.
    // The destructor waits for the worker, so the console never destroys a host itself but
    // hands it to retire().
    worker()->start([this] {
        if (!m_conn)
            return;
        if (m_eventsConn == m_conn)
            for (const int id : std::as_const(m_eventCallbacks))
                (void)virConnectDomainEventDeregisterAny(m_conn, id);
        setConnection(nullptr);
    });
    drain();
}

QString LibvirtHost::connectUri(const QString &uri)
{
    if (uri.contains(QLatin1String("+ssh://")) && !uri.contains(QLatin1String("no_tty=")))
        return uri + (uri.contains(QLatin1Char('?')) ? QStringLiteral("&no_tty=1") : QStringLiteral("?no_tty=1"));
    return uri;
}

Error LibvirtHost::lastError(const QString &what) const
{
    const virError *e = virGetLastError();
    const QString message = e && e->message ? QString::fromUtf8(e->message) : QStringLiteral("unknown libvirt error");
    const int code = e ? e->code : 0;
    ErrorCode c = ErrorCode::Io;
    Hint hint = Hint::None;
    switch (code) {
    case VIR_ERR_NO_SUPPORT:
    case VIR_ERR_ARGUMENT_UNSUPPORTED:
        c = ErrorCode::Unsupported;
        hint = Hint::LibvirtCallUnsupported;
        break;
    case VIR_ERR_AUTH_FAILED:
    case VIR_ERR_AUTH_CANCELLED:
    case VIR_ERR_AUTH_UNAVAILABLE:
        c = ErrorCode::AuthenticationFailed;
        hint = Hint::UseKeysAndAgent;
        break;
    case VIR_ERR_NO_CONNECT:
    case VIR_ERR_SYSTEM_ERROR:
    case VIR_ERR_RPC:
        c = ErrorCode::Unreachable;
        break;
    case VIR_ERR_NO_DOMAIN:
    case VIR_ERR_NO_NODE_DEVICE:
        c = ErrorCode::NotFound;
        break;
    case VIR_ERR_OPERATION_INVALID:
    case VIR_ERR_OPERATION_UNSUPPORTED:
        c = ErrorCode::Unsupported;
        break;
    default:
        break;
    }
    // A daemon that went away mid-call ("client socket is closed") is a lost host, not an I/O error.
    if (c == ErrorCode::Io) {
        QMutexLocker l(&m_connMutex);
        if (m_conn && virConnectIsAlive(m_conn) == 0)
            c = ErrorCode::Unreachable;
    }
    return makeError(c, uri().text, QStringLiteral("%1: %2").arg(what, message)).withHint(hint);
}

void LibvirtHost::setConnection(virConnectPtr conn)
{
    virConnectPtr old = nullptr;
    {
        QMutexLocker l(&m_connMutex);
        old = std::exchange(m_conn, conn);
    }
    // A runner thread holding its own reference (sharedConnection) keeps the old one alive.
    if (old)
        virConnectClose(old);
}

LibvirtHost::SharedConnection LibvirtHost::sharedConnection()
{
    QMutexLocker l(&m_connMutex);
    if (!m_conn || virConnectRef(m_conn) < 0)
        return {nullptr, virConnectClose};
    return {m_conn, virConnectClose};
}

Result<virConnectPtr> LibvirtHost::connection()
{
    if (m_conn && virConnectIsAlive(m_conn) == 1)
        return m_conn;
    setConnection(nullptr);
    if (const QString missing = loadLibvirt(); !missing.isEmpty())
        return makeError(ErrorCode::Unsupported, uri().text, QStringLiteral("libvirt's client library cannot be loaded: ") + missing,
                         QStringLiteral("Install libvirt's client libraries (libvirt0) to reach libvirt hosts."));
    int credTypes[] = {VIR_CRED_AUTHNAME, VIR_CRED_PASSPHRASE, VIR_CRED_ECHOPROMPT, VIR_CRED_NOECHOPROMPT};
    virConnectAuth auth{credTypes, int(std::size(credTypes)), refuseCredentials, nullptr};
    setConnection(virConnectOpenAuth(connectUri(uri().text).toUtf8().constData(), &auth, 0));
    if (!m_conn) {
        Error e = lastError(QStringLiteral("virConnectOpenAuth"));
        if (e.code == ErrorCode::Io)
            e.code = ErrorCode::Unreachable;
        return e;
    }
    (void)virConnectSetKeepAlive(m_conn, 5, 3); // the test driver has no keepalive: not an error
    virResetLastError();
    bool subscribed = false;
    {
        QMutexLocker l(&m_events->mutex);
        subscribed = !m_events->subscriptions.isEmpty();
    }
    if (subscribed)
        (void)ensureEventCallbacks(m_conn); // a reopened connection: follow the events again
    return m_conn;
}

Result<HostSnapshot> LibvirtHost::doReadInventory(const std::function<bool()> &canceled, QDeadlineTimer)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QList<libvirtxml::NodeDevice> devices;
    virNodeDevicePtr *list = nullptr;
    const unsigned caps = VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_CARD | VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_QUEUE
        | VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_MATRIX | VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV;
    // Defined-but-stopped mdevs are listed only when asked for; drivers without persistent
    // node devices (the test driver, libvirt < 7.3) refuse the flags, so ask again without.
    int n = virConnectListAllNodeDevices(*conn, &list, caps | VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE | VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE);
    if (n < 0) {
        virResetLastError();
        n = virConnectListAllNodeDevices(*conn, &list, caps);
    }
    if (n < 0)
        return lastError(QStringLiteral("virConnectListAllNodeDevices"));
    QList<Error> problems;
    const auto flag = [](int rc) { return rc < 0 ? std::optional<bool>() : std::optional<bool>(rc == 1); };
    for (int i = 0; i < n; ++i) {
        if (char *xml = virNodeDeviceGetXMLDesc(list[i], 0)) {
            auto d = libvirtxml::parseNodeDevice(QString::fromUtf8(xml));
            free(xml);
            if (d && d->kind == libvirtxml::NodeDevice::Kind::Mdev) {
                d->active = flag(virNodeDeviceIsActive(list[i]));
                d->persistent = flag(virNodeDeviceIsPersistent(list[i]));
                int autostart = 0;
                d->autostart = flag(virNodeDeviceGetAutostart(list[i], &autostart) < 0 ? -1 : autostart);
                virResetLastError();
            }
            if (d)
                devices.append(*d);
            else
                problems.append(d.error());
        }
        virNodeDeviceFree(list[i]);
    }
    free(list);
    if (canceled && canceled())
        return makeError(ErrorCode::Canceled, uri().text, QStringLiteral("read canceled"));

    QList<std::pair<libvirtxml::DomainInfo, Guest::State>> domains;
    virDomainPtr *doms = nullptr;
    const int nd = virConnectListAllDomains(*conn, &doms, 0);
    if (nd < 0)
        return lastError(QStringLiteral("virConnectListAllDomains"));
    for (int i = 0; i < nd; ++i) {
        int state = 0, reason = 0;
        (void)virDomainGetState(doms[i], &state, &reason, 0);
        if (char *xml = virDomainGetXMLDesc(doms[i], 0)) {
            auto d = libvirtxml::parseDomain(QString::fromUtf8(xml));
            free(xml);
            if (d)
                domains.append({*d, guestState(state)});
            else
                problems.append(d.error());
        }
        virDomainFree(doms[i]);
    }
    free(doms);
    HostSnapshot h = libvirtxml::buildSnapshot(uri().text, devices, domains);
    h.writes.state = WritePermission::State::NotApplicable; // libvirt's own calls, not sysfs writes
    h.issues += problems;
    return h;
}

Result<ApplyReport> LibvirtHost::doApply(const WritePlan &, const std::function<void(int)> &)
{
    return makeError(ErrorCode::Unsupported, uri().text, QStringLiteral("sysfs writes are not possible through libvirt")).withHint(Hint::UseSshForMatrix);
}

QString LibvirtHost::mdevXml(const QString &uuid, const MatrixAssignment &m)
{
    QString attrs;
    const auto add = [&attrs](const char *name, const IdMask &ids) {
        for (const int id : ids.ids())
            attrs += QStringLiteral("    <attr name='%1' value='0x%2'/>\n").arg(QLatin1String(name)).arg(id, 0, 16);
    };
    add("assign_adapter", m.adapters);
    add("assign_domain", m.domains);
    add("assign_control_domain", m.controlDomains);
    QString name = uuid;
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    return QStringLiteral("<device>\n  <name>mdev_%1_matrix</name>\n  <parent>ap_matrix</parent>\n  <capability type='mdev'>\n"
                          "    <type id='vfio_ap-passthrough'/>\n    <uuid>%2</uuid>\n%3  </capability>\n</device>\n").arg(name, uuid, attrs);
}

QString LibvirtHost::hostdevXml(const QString &uuid)
{
    return QStringLiteral("<hostdev mode='subsystem' type='mdev' model='vfio-ap'>\n  <source>\n    <address uuid='%1'/>\n  </source>\n</hostdev>\n").arg(uuid);
}

QFuture<Status> LibvirtHost::defineMdev(const QString &uuid, const MatrixAssignment &matrix, bool start, bool autostart)
{
    return QtConcurrent::run(worker(), [this, uuid, matrix, start, autostart]() -> Status {
        auto conn = connection();
        if (!conn)
            return conn.error();
        virNodeDevicePtr dev = virNodeDeviceDefineXML(*conn, mdevXml(uuid, matrix).toUtf8().constData(), 0);
        if (!dev)
            return lastError(QStringLiteral("virNodeDeviceDefineXML"));
        Status s;
        if (autostart && virNodeDeviceSetAutostart(dev, 1) < 0)
            s = lastError(QStringLiteral("virNodeDeviceSetAutostart"));
        if (s && start && virNodeDeviceCreate(dev, 0) < 0)
            s = lastError(QStringLiteral("virNodeDeviceCreate"));
        virNodeDeviceFree(dev);
        return s;
    });
}

QFuture<Status> LibvirtHost::withMdev(const QString &uuid, const QString &call, const std::function<int(virNodeDevicePtr)> &action)
{
    return QtConcurrent::run(worker(), [this, uuid, call, action]() -> Status {
        auto conn = connection();
        if (!conn)
            return conn.error();
        // Current libvirt names mdevs mdev_<uuid>_<parent>, older ones mdev_<uuid>.
        QString name = QStringLiteral("mdev_%1_matrix").arg(uuid).replace(QLatin1Char('-'), QLatin1Char('_'));
        virNodeDevicePtr dev = virNodeDeviceLookupByName(*conn, name.toUtf8().constData());
        if (!dev) {
            name = QStringLiteral("mdev_%1").arg(uuid).replace(QLatin1Char('-'), QLatin1Char('_'));
            dev = virNodeDeviceLookupByName(*conn, name.toUtf8().constData());
        }
        if (!dev)
            return lastError(QStringLiteral("virNodeDeviceLookupByName"));
        Status s;
        if (action(dev) < 0)
            s = lastError(call);
        virNodeDeviceFree(dev);
        return s;
    });
}

QFuture<Status> LibvirtHost::startMdev(const QString &uuid)
{
    return withMdev(uuid, QStringLiteral("virNodeDeviceCreate"), [](virNodeDevicePtr d) { return virNodeDeviceCreate(d, 0); });
}

QFuture<Status> LibvirtHost::setMdevAutostart(const QString &uuid, bool autostart)
{
    return withMdev(uuid, QStringLiteral("virNodeDeviceSetAutostart"),
                    [autostart](virNodeDevicePtr d) { return virNodeDeviceSetAutostart(d, autostart ? 1 : 0); });
}

QFuture<Status> LibvirtHost::undefineMdev(const QString &uuid)
{
    return withMdev(uuid, QStringLiteral("virNodeDeviceUndefine"), [](virNodeDevicePtr d) { return virNodeDeviceUndefine(d, 0); });
}

Status LibvirtHost::onDomain(virConnectPtr conn, const QString &guest, const QString &call, const std::function<int(virDomainPtr)> &action)
{
    virDomainPtr dom = virDomainLookupByName(conn, guest.toUtf8().constData());
    if (!dom)
        return lastError(QStringLiteral("virDomainLookupByName"));
    Status s;
    if (action(dom) < 0)
        s = lastError(call); // before virDomainFree, which resets libvirt's last error
    virDomainFree(dom);
    return s;
}

QFuture<Status> LibvirtHost::withDomain(const QString &guest, const QString &call, const std::function<int(virDomainPtr)> &action)
{
    return QtConcurrent::run(worker(), [this, guest, call, action]() -> Status {
        auto conn = connection();
        if (!conn)
            return conn.error();
        return onDomain(*conn, guest, call, action);
    });
}

QFuture<Status> LibvirtHost::changeApHostdev(const QString &guest, const QString &uuid, bool attach)
{
    const QByteArray xml = hostdevXml(uuid).toUtf8();
    if (attach)
        return withDomain(guest, QStringLiteral("virDomainAttachDeviceFlags"),
                          [xml](virDomainPtr d) { return virDomainAttachDeviceFlags(d, xml.constData(), VIR_DOMAIN_AFFECT_LIVE); });
    return withDomain(guest, QStringLiteral("virDomainDetachDeviceFlags"),
                      [xml](virDomainPtr d) { return virDomainDetachDeviceFlags(d, xml.constData(), VIR_DOMAIN_AFFECT_LIVE); });
}

Status LibvirtHost::ensureEventCallbacks(virConnectPtr conn)
{
    if (m_eventsConn == conn)
        return {};
    m_eventCallbacks.clear(); // those of a closed connection went with it
    m_eventsConn = nullptr;
    const std::pair<int, virConnectDomainEventGenericCallback> kinds[] = {
        {VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_DOMAIN_EVENT_CALLBACK(onLifecycle)},
        {VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION, VIR_DOMAIN_EVENT_CALLBACK(onIteration)},
        {VIR_DOMAIN_EVENT_ID_JOB_COMPLETED, VIR_DOMAIN_EVENT_CALLBACK(onJobCompleted)},
    };
    QList<int> ids;
    for (const auto &[eventId, callback] : kinds) {
        // Every guest, filtered by name: on the destination the guest does not exist yet.
        const int id = virConnectDomainEventRegisterAny(conn, nullptr, eventId, callback, new SubscriptionRef(m_events), freeSubscription);
        if (id < 0) {
            const Error e = lastError(QStringLiteral("virConnectDomainEventRegisterAny"));
            for (const int done : std::as_const(ids))
                (void)virConnectDomainEventDeregisterAny(conn, done);
            return e;
        }
        ids.append(id);
    }
    m_eventCallbacks = ids;
    m_eventsConn = conn;
    return {};
}

QFuture<Result<int>> LibvirtHost::watchDomainEvents(const QString &guest, DomainEventHandler handler)
{
    return QtConcurrent::run(worker(), [this, guest, handler]() -> Result<int> {
        auto conn = connection();
        if (!conn)
            return conn.error();
        if (Status s = ensureEventCallbacks(*conn); !s)
            return s.error();
        QMutexLocker l(&m_events->mutex);
        const int id = m_events->nextId++;
        m_events->subscriptions.insert(id, {guest, handler});
        return id;
    });
}

QFuture<void> LibvirtHost::unwatchDomainEvents(int watch)
{
    // Not on the worker: a migration may hold it, and the hub's mutex is all it takes.
    QMutexLocker l(&m_events->mutex);
    m_events->subscriptions.remove(watch);
    return QtFuture::makeReadyFuture();
}

QFuture<Result<QString>> LibvirtHost::queryMigrate(const QString &guest)
{
    return QtConcurrent::run(worker(), [this, guest]() -> Result<QString> {
        auto conn = connection();
        if (!conn)
            return conn.error();
        QString text;
        const Status s = onDomain(*conn, guest, QStringLiteral("virDomainQemuMonitorCommand"), [&text](virDomainPtr d) {
            char *reply = nullptr;
            const int rc = virDomainQemuMonitorCommand(d, R"({"execute":"query-migrate"})", &reply, 0);
            if (rc == 0)
                text = QString::fromUtf8(reply);
            free(reply);
            return rc;
        });
        if (!s)
            return s.error();
        return text;
    });
}

QFuture<Status> LibvirtHost::setGuestPaused(const QString &guest, bool paused)
{
    if (paused)
        return withDomain(guest, QStringLiteral("virDomainSuspend"), virDomainSuspend);
    return withDomain(guest, QStringLiteral("virDomainResume"), virDomainResume);
}

Result<migration::JobStats> LibvirtHost::jobStats(const QString &guest)
{
    const SharedConnection conn = sharedConnection();
    if (!conn)
        return makeError(ErrorCode::Unreachable, uri().text, QStringLiteral("not connected"));
    migration::JobStats stats;
    const Status s = onDomain(conn.get(), guest, QStringLiteral("virDomainGetJobStats"), [&stats](virDomainPtr d) {
        int type = 0;
        virTypedParameterPtr params = nullptr;
        int n = 0;
        const int rc = virDomainGetJobStats(d, &type, &params, &n, 0);
        if (rc == 0) {
            stats = jobStatsFrom(params, n, type);
            virTypedParamsFree(params, n);
        }
        return rc;
    });
    if (!s)
        return s.error();
    return stats;
}

Status LibvirtHost::abortJob(const QString &guest)
{
    const SharedConnection conn = sharedConnection();
    if (!conn)
        return makeError(ErrorCode::Unreachable, uri().text, QStringLiteral("not connected"));
    return onDomain(conn.get(), guest, QStringLiteral("virDomainAbortJob"), virDomainAbortJob);
}

QFuture<Status> LibvirtHost::attachApHostdev(const QString &guest, const QString &uuid)
{
    return changeApHostdev(guest, uuid, true);
}

QFuture<Status> LibvirtHost::detachApHostdev(const QString &guest, const QString &uuid)
{
    return changeApHostdev(guest, uuid, false);
}

} // namespace ap
