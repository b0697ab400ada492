#include "hostsession.h"

namespace ap::ui {

HostSession::HostSession(HostUri uri, std::unique_ptr<HostBackend> backend, QObject *parent)
    : QObject(parent)
    , m_uri(std::move(uri))
    , m_backend(std::move(backend))
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const QFuture<Result<HostSnapshot>> f = m_watcher.future();
        if (f.isCanceled() || f.resultCount() == 0)
            return;
        const Result<HostSnapshot> r = f.result();
        if (r) {
            m_snapshot = std::make_shared<const HostSnapshot>(r.value());
            m_state = State::Connected;
            m_error = {};
            emit snapshotChanged();
        } else {
            m_state = State::Failed;
            m_error = r.error();
        }
        emit stateChanged();
    });
}

HostSession::HostSession(HostUri uri, Error error, QObject *parent)
    : QObject(parent)
    , m_uri(std::move(uri))
    , m_state(State::Failed)
    , m_error(std::move(error))
{
}

HostSession::~HostSession()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void HostSession::refresh()
{
    if (!m_backend)
        return;
    if (m_watcher.isRunning())
        m_watcher.cancel();
    if (!m_snapshot) {
        m_state = State::Connecting;
        emit stateChanged();
    }
    m_watcher.setFuture(m_backend->readInventory());
}

} // namespace ap::ui
