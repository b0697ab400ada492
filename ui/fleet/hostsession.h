#pragma once

#include <editing/matrixedits.h>
#include <hosts/hostbackend.h>

#include <QFutureWatcher>
#include <QObject>

#include <memory>

class QTimer;
class QUndoStack;

namespace ap {
class LineStream;
}

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
    /// Kernel lines streamed live from the host (SSH hosts follow their kernel log once
    /// connected), oldest first; empty for hosts without a live log.
    const QStringList &liveKernelLog() const { return m_liveLog; }

    /// Pending matrix changes over the last snapshot, and their undo history.
    const MatrixEdits &edits() const { return m_edits; }
    QUndoStack *undoStack() const { return m_undo; }
    /// The host as it will be once the pending changes are applied (the snapshot if none).
    std::shared_ptr<const HostSnapshot> preview() const;
    /// Replaces the pending changes (called by undo commands).
    void setPending(const QHash<QString, MatrixAssignment> &pending);
    /// Pushes an undoable change of the pending targets.
    void changePending(const QHash<QString, MatrixAssignment> &next, const QString &text);

    /// Writes the pending changes as one transaction (or `plan`, for mdev create/remove), then
    /// reads the host again. Progress and the result arrive as signals.
    void apply(const WritePlan &plan);

public slots:
    /// Reads the inventory again (the previous read, if still running, is cancelled).
    void refresh();

signals:
    void stateChanged();
    void snapshotChanged();
    /// The preview changed (an edit, undo or redo, or a new snapshot).
    void previewChanged();
    void applyProgress(int done, int total);
    void applyFinished(const ap::Result<ap::ApplyReport> &result);
    void kernelLine(const QString &line);

private:
    void followKernelLog();
    /// Hosts with a libvirt address: a guest starting, pausing or stopping refreshes the host.
    void followGuestEvents();

    HostUri m_uri;
    std::unique_ptr<HostBackend> m_backend;
    std::shared_ptr<const HostSnapshot> m_snapshot;
    State m_state = State::Connecting;
    Error m_error;
    QFutureWatcher<Result<HostSnapshot>> m_watcher;
    QFutureWatcher<Result<ApplyReport>> m_applyWatcher;
    MatrixEdits m_edits;
    QUndoStack *m_undo;
    LineStream *m_logStream = nullptr;
    QStringList m_liveLog;
    QTimer *m_guestEvents = nullptr;
};

} // namespace ap::ui
