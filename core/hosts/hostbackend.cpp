#include "hostbackend.h"

#include <QPromise>
#include <QtConcurrent>

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

QFuture<Result<HostSnapshot>> HostBackend::readInventory(const RequestOptions &options)
{
    const int timeout = options.timeoutMs;
    return QtConcurrent::run(&m_worker, [this, timeout](QPromise<Result<HostSnapshot>> &promise) {
        const QDeadlineTimer deadline(timeout);
        auto canceled = [&promise] { return promise.isCanceled(); };
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
                     QStringLiteral("this host offers no mdevctl: cannot %1 mdev %2").arg(request.actionName(), request.uuid),
                     QStringLiteral("Use the host's SSH address for persistent definitions."));
}

} // namespace ap
