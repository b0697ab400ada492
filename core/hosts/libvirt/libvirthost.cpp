#include "libvirthost.h"

#include "libvirtevents.h"
#include "libvirtxml.h"

#include <QtConcurrent>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

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

} // namespace

LibvirtHost::LibvirtHost(HostUri uri)
    : HostBackend(std::move(uri))
{
    libvirtevents::ensureRunning();
}

LibvirtHost::~LibvirtHost()
{
    // The connection belongs to the worker: close it there.
    QtConcurrent::run(worker(), [this] {
        if (m_conn)
            virConnectClose(m_conn);
        m_conn = nullptr;
    }).waitForFinished();
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
    QString hint;
    switch (code) {
    case VIR_ERR_NO_SUPPORT:
    case VIR_ERR_ARGUMENT_UNSUPPORTED:
        c = ErrorCode::Unsupported;
        hint = QStringLiteral("Not supported by this host: its libvirt driver does not offer %1.").arg(what);
        break;
    case VIR_ERR_AUTH_FAILED:
    case VIR_ERR_AUTH_CANCELLED:
    case VIR_ERR_AUTH_UNAVAILABLE:
        c = ErrorCode::AuthenticationFailed;
        hint = QStringLiteral("Use SSH keys and an agent; apconsole never answers a password prompt.");
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
    return makeError(c, uri().text, QStringLiteral("%1: %2").arg(what, message), hint);
}

Result<virConnectPtr> LibvirtHost::connection()
{
    if (m_conn && virConnectIsAlive(m_conn) == 1)
        return m_conn;
    if (m_conn) {
        virConnectClose(m_conn);
        m_conn = nullptr;
    }
    int credTypes[] = {VIR_CRED_AUTHNAME, VIR_CRED_PASSPHRASE, VIR_CRED_ECHOPROMPT, VIR_CRED_NOECHOPROMPT};
    virConnectAuth auth{credTypes, int(std::size(credTypes)), refuseCredentials, nullptr};
    m_conn = virConnectOpenAuth(connectUri(uri().text).toUtf8().constData(), &auth, 0);
    if (!m_conn) {
        Error e = lastError(QStringLiteral("virConnectOpenAuth"));
        if (e.code == ErrorCode::Io)
            e.code = ErrorCode::Unreachable;
        return e;
    }
    (void)virConnectSetKeepAlive(m_conn, 5, 3); // the test driver has no keepalive: not an error
    virResetLastError();
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
    h.issues += problems;
    return h;
}

Result<ApplyReport> LibvirtHost::doApply(const WritePlan &, const std::function<void(int)> &)
{
    return makeError(ErrorCode::Unsupported, uri().text, QStringLiteral("sysfs writes are not possible through libvirt"),
                     QStringLiteral("Add the host's SSH address (ssh://…) to change its AP matrix; libvirt defines and starts persistent mdevs."));
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
    return QStringLiteral("<device>\n  <parent>ap_matrix</parent>\n  <capability type='mdev'>\n    <type id='vfio_ap-passthrough'/>\n"
                          "    <uuid>%1</uuid>\n%2  </capability>\n</device>\n").arg(uuid, attrs);
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

QFuture<Status> LibvirtHost::changeApHostdev(const QString &guest, const QString &uuid, bool attach)
{
    return QtConcurrent::run(worker(), [this, guest, uuid, attach]() -> Status {
        auto conn = connection();
        if (!conn)
            return conn.error();
        virDomainPtr dom = virDomainLookupByName(*conn, guest.toUtf8().constData());
        if (!dom)
            return lastError(QStringLiteral("virDomainLookupByName"));
        const QByteArray xml = hostdevXml(uuid).toUtf8();
        Status s;
        const int rc = attach ? virDomainAttachDeviceFlags(dom, xml.constData(), VIR_DOMAIN_AFFECT_LIVE)
                              : virDomainDetachDeviceFlags(dom, xml.constData(), VIR_DOMAIN_AFFECT_LIVE);
        if (rc < 0)
            s = lastError(attach ? QStringLiteral("virDomainAttachDeviceFlags") : QStringLiteral("virDomainDetachDeviceFlags"));
        virDomainFree(dom);
        return s;
    });
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
