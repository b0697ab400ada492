#pragma once

#include "../hostbackend.h"
#include "domainevent.h"
#include "../../model/mdev.h"

#include <QHash>
#include <QMutex>

#include <memory>

struct _virConnect;
struct _virNodeDevice;
struct _virDomain;

namespace ap {

struct LibvirtEventHub;

/// A host reached through libvirt (`qemu:///system`, `qemu+ssh://…`, `test:///FILE.xml`). The
/// connection belongs to the backend's worker thread and every call runs there; the libvirt event
/// loop runs on its own thread and keepalive is on. Authentication never waits on a TTY: an
/// interactive credential request is refused (qemu+ssh gets `no_tty=1`; use keys and the agent).
/// Reads the AP node devices (cards, queues, the matrix device, mdevs matched by UUID in both name
/// forms) and the guests with their vfio-ap hostdev; sysfs writes are not possible through
/// libvirt (Unsupported: use the host's SSH address for matrix changes).
class LibvirtHost final : public HostBackend {
public:
    explicit LibvirtHost(HostUri uri);
    ~LibvirtHost() override;

    /// The URI handed to libvirt (`no_tty=1` added to SSH transports).
    static QString connectUri(const QString &uri);

    /// Persistent mdevs (virNodeDeviceDefineXML, Create, SetAutostart, Undefine) and the
    /// vfio-ap hostdev of a guest (attach/detach, live). Unsupported naming libvirt's message
    /// where the host's driver lacks the call (the test driver lacks all of them).
    QFuture<Status> defineMdev(const QString &uuid, const MatrixAssignment &matrix, bool start, bool autostart);
    QFuture<Status> startMdev(const QString &uuid);
    QFuture<Status> setMdevAutostart(const QString &uuid, bool autostart);
    QFuture<Status> undefineMdev(const QString &uuid);
    QFuture<Status> attachApHostdev(const QString &guest, const QString &uuid);
    QFuture<Status> detachApHostdev(const QString &guest, const QString &uuid);

    using DomainEventHandler = std::function<void(const migration::DomainEvent &)>;
    /// Subscribes to the lifecycle, migration-iteration and job-completed events of `guest`
    /// (of every guest when empty) on this host's connection; `handler` runs on libvirt's event
    /// thread and may be called until unwatchDomainEvents(id) has finished. Any number of
    /// subscriptions share one set of libvirt callbacks (libvirt refuses the same callback
    /// twice on a connection), registered again when the connection is reopened.
    QFuture<Result<int>> watchDomainEvents(const QString &guest, DomainEventHandler handler);
    QFuture<void> unwatchDomainEvents(int id);
    /// QEMU's answer to `query-migrate` for the guest (virDomainQemuMonitorCommand, a read-only
    /// QMP command; libvirt notes the domain as tainted by "custom-monitor" in its log).
    /// Unsupported on drivers without a QEMU monitor (the test driver).
    QFuture<Result<QString>> queryMigrate(const QString &guest);
    /// virDomainSuspend / virDomainResume.
    QFuture<Status> setGuestPaused(const QString &guest, bool paused);
    /// virDomainGetJobStats of the guest's current job. Runs on the calling thread (next to a
    /// migration blocking the worker); Unreachable before the host was first read.
    Result<migration::JobStats> jobStats(const QString &guest);
    /// virDomainAbortJob, on the calling thread like jobStats.
    Status abortJob(const QString &guest);

    /// The node device XML for a vfio_ap mdev with this assignment (mdevctl attrs order).
    static QString mdevXml(const QString &uuid, const MatrixAssignment &matrix);
    /// The hostdev XML for a guest's vfio-ap device.
    static QString hostdevXml(const QString &uuid);

private:
    friend class LibvirtMigrationCallsImpl;
    Result<HostSnapshot> doReadInventory(const std::function<bool()> &canceled, QDeadlineTimer deadline) override;
    Result<ApplyReport> doApply(const WritePlan &plan, const std::function<void(int)> &progress) override;
    /// The worker's connection, (re)opened as needed (worker only).
    Result<_virConnect *> connection();
    /// Replaces the connection under the mutex and drops the old one's reference (worker only).
    void setConnection(_virConnect *conn);
    using SharedConnection = std::unique_ptr<_virConnect, int (*)(_virConnect *)>;
    /// A reference of its own to the current connection, for calls off the worker: the worker
    /// may replace the connection meanwhile, the reference keeps this one open. Null if none.
    SharedConnection sharedConnection();
    /// Runs `action` on the mdev's node device (looked up in both name forms) on the worker.
    QFuture<Status> withMdev(const QString &uuid, const QString &call, const std::function<int(_virNodeDevice *)> &action);
    /// Runs `action` on the guest's domain; a failure carries libvirt's message under `call`.
    Status onDomain(_virConnect *conn, const QString &guest, const QString &call, const std::function<int(_virDomain *)> &action);
    /// onDomain on the worker, with the connection opened as needed.
    QFuture<Status> withDomain(const QString &guest, const QString &call, const std::function<int(_virDomain *)> &action);
    QFuture<Status> changeApHostdev(const QString &guest, const QString &uuid, bool attach);
    Error lastError(const QString &what) const;
    /// Registers the event callbacks on `conn` unless they already are (worker only).
    Status ensureEventCallbacks(_virConnect *conn);
    using HostBackend::worker;

    mutable QMutex m_connMutex;  ///< guards m_conn's value: the worker writes it, runner threads read it
    _virConnect *m_conn = nullptr;
    std::shared_ptr<LibvirtEventHub> m_events; ///< the subscriptions, shared with the callbacks
    _virConnect *m_eventsConn = nullptr;       ///< the connection the callbacks are on (worker only)
    QList<int> m_eventCallbacks;               ///< their libvirt ids (worker only)
};

} // namespace ap
