#pragma once

#include "hosturi.h"
#include "../definitions/definitionrequest.h"
#include "../plan/writeplan.h"
#include "../common/result.h"
#include "../model/hostsnapshot.h"

#include <QFuture>
#include <QMutex>
#include <QThreadPool>
#include <QWaitCondition>

#include <memory>

namespace ap {

struct RequestOptions {
    int timeoutMs = 30000; ///< past it the request ends with ErrorCode::Timeout
};

/// One host, whatever reaches it. Every call returns at once; the work runs on the backend's
/// own worker thread, one request at a time (so writes to a host never interleave), and the
/// result arrives through the QFuture (continue on the GUI thread with QFuture::then(context)).
/// Cancelling the future stops a read between cards; a write plan is never cut in half — it is
/// finished or rolled back.
class HostBackend {
public:
    virtual ~HostBackend();

    const HostUri &uri() const { return m_uri; }

    /// Reads the whole AP configuration. Fails with the host and the cause (Unreachable,
    /// NotFound, Timeout, Canceled); malformed attributes are only `issues` of the snapshot.
    QFuture<Result<HostSnapshot>> readInventory(const RequestOptions &options = {});

    /// Applies a plan as one transaction (see executePlan) and journals every write; the future's
    /// progress counts the steps done (range 0..steps). The Result
    /// fails only if the plan could not be started (host unreachable, writes unsupported); a
    /// write the kernel refused is an ApplyReport with ok == false.
    QFuture<Result<ApplyReport>> apply(const WritePlan &plan, const RequestOptions &options = {});

    /// Changes a persistent definition or starts/stops an mdev the way mdevctl does (SSH hosts run
    /// mdevctl; simulated hosts obey the same rules; local trees keep the definition files). The
    /// caller asks definitions::check() first; a host that offers no such change answers
    /// Unsupported, a refusal names mdevctl's or the kernel's words.
    QFuture<Status> changeDefinition(const definitions::DefinitionRequest &request, const RequestOptions &options = {});

    /// The kernel log lines the host produced since the backend was created, oldest first.
    virtual QStringList kernelLog() const { return {}; }

    /// The backends this host is reached through: itself, and for a host with both an SSH and
    /// a libvirt address also each of the two.
    virtual QList<HostBackend *> views() { return {this}; }
    /// Keeps the backend alive for work that calls it outside its worker (a migration run on its
    /// own thread): retire() destroys the backend only once every lease is released.
    std::shared_ptr<void> lease();

    /// The view of type T (SshHost, LibvirtHost, SimulatedHost…), nullptr if the host has none.
    template <class T> T *view()
    {
        for (HostBackend *b : views())
            if (auto *t = dynamic_cast<T *>(b))
                return t;
        return nullptr;
    }

protected:
    friend class MergedHost; // runs its views' requests on its own worker
    explicit HostBackend(HostUri uri);
    /// Runs on the worker thread. `canceled` polls the caller's cancellation.
    virtual Result<HostSnapshot> doReadInventory(const std::function<bool()> &canceled, QDeadlineTimer deadline) = 0;
    virtual Result<ApplyReport> doApply(const WritePlan &plan, const std::function<void(int)> &progress) = 0;
    /// Runs on the worker thread. Unsupported unless overridden.
    virtual Status doChangeDefinition(const definitions::DefinitionRequest &request, QDeadlineTimer deadline);
    /// Waits for the worker to finish (subclasses call it first in their destructor).
    void drain();
    /// The backend's single worker thread, for requests of a subclass's own.
    QThreadPool *worker() { return &m_worker; }

private:
    friend void retire(std::unique_ptr<HostBackend> backend);
    void waitForLeases();

    HostUri m_uri;
    QThreadPool m_worker;
    QMutex m_leaseMutex;
    QWaitCondition m_leasesReleased;
    int m_leases = 0;
};

/// Destroys `backend` on a background thread once its worker is idle and its leases are
/// released. Never blocks the caller: the GUI hands a host over here instead of waiting for a
/// read or a write (which is finished, never cut) to end.
void retire(std::unique_ptr<HostBackend> backend);
/// Waits up to `timeoutMs` until every retired backend is destroyed. QCoreApplication waits for
/// them without limit as it is destroyed.
bool waitForRetiredBackends(int timeoutMs = -1);

} // namespace ap
