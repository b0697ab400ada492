#include "hostsession.h"

#include "../matrix/editcommands.h"

#include <hosts/libvirt/libvirthost.h>
#include <hosts/ssh/linestream.h>
#include <hosts/ssh/sshhost.h>

#include <QTimer>
#include <QUndoStack>

#include <atomic>

namespace ap::ui {

HostSession::HostSession(HostUri uri, std::unique_ptr<HostBackend> backend, QObject *parent)
    : QObject(parent)
    , m_uri(std::move(uri))
    , m_backend(std::move(backend))
    , m_undo(new QUndoStack(this))
{
    connect(&m_applyWatcher, &QFutureWatcherBase::progressValueChanged, this, [this](int done) {
        emit applyProgress(done, m_applyWatcher.progressMaximum());
    });
    connect(&m_applyWatcher, &QFutureWatcherBase::finished, this, [this] {
        const QFuture<Result<ApplyReport>> f = m_applyWatcher.future();
        if (f.resultCount() == 0)
            return;
        const Result<ApplyReport> r = f.result();
        if (r && r->ok) {
            // What was pending is now the host's state: the history no longer applies.
            m_edits.setPending({});
            m_undo->clear();
            emit previewChanged();
        }
        emit applyFinished(r);
        refresh();
    });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const QFuture<Result<HostSnapshot>> f = m_watcher.future();
        if (f.isCanceled() || f.resultCount() == 0)
            return;
        const Result<HostSnapshot> r = f.result();
        if (r) {
            m_snapshot = std::make_shared<const HostSnapshot>(r.value());
            m_state = State::Connected;
            m_error = {};
            m_edits.setBase(m_snapshot);
            followKernelLog();
            followGuestEvents();
            emit snapshotChanged();
            emit previewChanged();
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
    , m_undo(new QUndoStack(this))
{
}

HostSession::~HostSession()
{
    // Nothing waits here: the read is told to stop, and the backend ends on a thread of its own
    // once its worker is idle (a write being applied is finished, never cut).
    m_watcher.cancel();
    retire(std::move(m_backend));
}

std::shared_ptr<const HostSnapshot> HostSession::preview() const
{
    return m_edits.hasPending() ? m_edits.previewShared() : m_snapshot;
}

void HostSession::setPending(const QHash<QString, MatrixAssignment> &pending)
{
    m_edits.setPending(pending);
    emit previewChanged();
}

void HostSession::changePending(const QHash<QString, MatrixAssignment> &next, const QString &text)
{
    m_undo->push(new ChangePendingCommand(this, m_edits.pending(), next, text));
}

void HostSession::apply(const WritePlan &plan)
{
    if (!m_backend || m_applyWatcher.isRunning())
        return;
    m_applyWatcher.setFuture(m_backend->apply(plan));
}

void HostSession::followGuestEvents()
{
    auto *lv = m_backend ? m_backend->view<LibvirtHost>() : nullptr;
    if (!lv || m_guestEvents)
        return;
    // libvirt calls back on its event thread; a flag it sets is all it touches, and a timer on
    // this thread turns it into one refresh however many events came.
    auto changed = std::make_shared<std::atomic_bool>(false);
    m_guestEvents = new QTimer(this);
    m_guestEvents->setInterval(500);
    connect(m_guestEvents, &QTimer::timeout, this, [this, changed] {
        if (!m_watcher.isRunning() && changed->exchange(false))
            refresh();
    });
    m_guestEvents->start();
    // The subscription ends with the backend (LibvirtHost deregisters it).
    (void)lv->watchDomainEvents({}, [changed](const migration::DomainEvent &e) {
        if (e.kind == migration::DomainEvent::Kind::Lifecycle)
            changed->store(true);
    });
}

void HostSession::followKernelLog()
{
    auto *ssh = m_backend ? m_backend->view<SshHost>() : nullptr;
    if (!ssh || (m_logStream && m_logStream->isRunning()))
        return;
    if (!m_logStream) {
        m_logStream = new LineStream(this);
        connect(m_logStream, &LineStream::line, this, [this](const QString &l) {
            m_liveLog.append(l);
            if (m_liveLog.size() > 5000)
                m_liveLog.removeFirst();
            emit kernelLine(l);
        });
    }
    // Through the connection the inventory just opened: no new login, no prompt.
    m_logStream->start(ssh->client().program(), ssh->client().commandArguments(SshHost::kernelLogCommand(m_uri.root)));
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
