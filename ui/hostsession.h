#pragma once

#include <hosts/hostbackend.h>

#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace ap::ui {

/// One host in the console: its backend, the last snapshot read and the connection state.
/// Lives on the GUI thread; reads run on the backend's worker and report back through signals.
class HostSession : public QObject {
    Q_OBJECT
public:
    enum class State { Connecting, Connected, Failed };

    HostSession(HostUri uri, std::unique_ptr<HostBackend> backend, QObject *parent = nullptr);
    /// A host whose backend could not even be created (unsupported or malformed); it stays in
    /// the fleet in the Failed state so the operator sees why.
    HostSession(HostUri uri, Error error, QObject *parent = nullptr);
    ~HostSession() override;

    const HostUri &uri() const { return m_uri; }
    State state() const { return m_state; }
    const Error &error() const { return m_error; }
    /// The last snapshot read; null before the first successful read.
    std::shared_ptr<const HostSnapshot> snapshot() const { return m_snapshot; }
    HostBackend *backend() const { return m_backend.get(); }

public slots:
    /// Reads the inventory again (the previous read, if still running, is cancelled).
    void refresh();

signals:
    void stateChanged();
    void snapshotChanged();

private:
    HostUri m_uri;
    std::unique_ptr<HostBackend> m_backend;
    std::shared_ptr<const HostSnapshot> m_snapshot;
    State m_state = State::Connecting;
    Error m_error;
    QFutureWatcher<Result<HostSnapshot>> m_watcher;
};

} // namespace ap::ui
