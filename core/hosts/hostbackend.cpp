#include "hostbackend.h"

#include "readscheduler.h"

#include <QCoreApplication>
#include <QPromise>
#include <QtConcurrent>

#include <limits>

namespace ap {

HostBackend::HostBackend(HostUri uri)
    : m_uri(std::move(uri))
{
    m_worker.setMaxThreadCount(1);
    m_worker.setExpiryTimeout(-1);
}

HostBackend::~HostBackend()
{
    m_worker.waitForDone();
}

void HostBackend::drain()
{
    m_worker.waitForDone();
}

std::shared_ptr<void> HostBackend::lease()
{
    QMutexLocker l(&m_leaseMutex);
    ++m_leases;
    return std::shared_ptr<void>(nullptr, [this](void *) {
        QMutexLocker released(&m_leaseMutex);
        if (--m_leases == 0)
            m_leasesReleased.wakeAll();
    });
}

void HostBackend::waitForLeases()
{
    QMutexLocker l(&m_leaseMutex);
    while (m_leases > 0)
        m_leasesReleased.wait(&m_leaseMutex);
}

namespace {

/// Reads that mostly wait on the network (SSH, libvirt) take no CPU slot of the ReadScheduler.
bool readWaitsOnNetwork(const HostUri &uri)
{
    return uri.scheme == HostUri::Scheme::Ssh || uri.scheme == HostUri::Scheme::Libvirt || !uri.libvirt.isEmpty();
}

/// Threads that end retired backends; unbounded, so one host that hangs delays no other. The
/// application waits for them as it ends (a post routine of QCoreApplication's destructor), so
/// no backend is cut off by the process exiting under it.
QThreadPool &retirement()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(std::numeric_limits<int>::max());
        qAddPostRoutine([] { waitForRetiredBackends(); });
        return p;
    }();
    return *pool;
}

} // namespace

void retire(std::unique_ptr<HostBackend> backend)
{
    if (!backend)
        return;
    retirement().start([b = std::shared_ptr<HostBackend>(std::move(backend))]() mutable {
        b->waitForLeases();
        b.reset(); // the destructor waits for the worker, here rather than on the caller's thread
    });
}

bool waitForRetiredBackends(int timeoutMs)
{
    return retirement().waitForDone(timeoutMs);
}

QFuture<Result<HostSnapshot>> HostBackend::readInventory(const RequestOptions &options)
{
    const int timeout = options.timeoutMs;
    return QtConcurrent::run(&m_worker, [this, timeout](QPromise<Result<HostSnapshot>> &promise) {
        auto canceled = [&promise] { return promise.isCanceled(); };
        ReadScheduler::lowerThisThread();
        ReadScheduler::Slot slot;
        // A local read first waits for a CPU slot shared by every host of the process.
        if (!readWaitsOnNetwork(m_uri)) {
            slot = ReadScheduler::instance().acquire(canceled);
            if (!slot) {
                promise.addResult(makeError(ErrorCode::Canceled, m_uri.text, QStringLiteral("inventory read canceled")));
                return;
            }
        }
        // The deadline covers the host's own work, not its wait for a slot.
        const QDeadlineTimer deadline(timeout);
        promise.addResult(doReadInventory(canceled, deadline));
    });
}

QFuture<Result<ApplyReport>> HostBackend::apply(const WritePlan &plan, const RequestOptions &)
{
    return QtConcurrent::run(&m_worker, [this, plan](QPromise<Result<ApplyReport>> &promise) {
        promise.setProgressRange(0, int(plan.steps.size()));
        promise.addResult(doApply(plan, [&promise](int done) { promise.setProgressValue(done); }));
    });
}

QFuture<Status> HostBackend::changeDefinition(const definitions::DefinitionRequest &request, const RequestOptions &options)
{
    const int timeout = options.timeoutMs;
    return QtConcurrent::run(&m_worker, [this, request, timeout] { return doChangeDefinition(request, QDeadlineTimer(timeout)); });
}

Status HostBackend::doChangeDefinition(const definitions::DefinitionRequest &request, QDeadlineTimer)
{
    return makeError(ErrorCode::Unsupported, m_uri.text,
                     QStringLiteral("this host offers no mdevctl: cannot %1 mdev %2").arg(request.actionName(), request.uuid)).withHint(Hint::UseSshForDefinitions);
}

} // namespace ap
