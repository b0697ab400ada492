#pragma once

#include "runevent.h"

#include <QList>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

namespace ap::migration {

/// A migration run on its own thread. The work (e.g. runSimulatedMigration) reports events
/// through the sink it is given; the job re-emits each on the thread that owns the job, keeps
/// them all (events()) and emits finished() with the Result event. Destroying a running job does
/// not wait: the run goes on to its end on its own thread (a run past the point of no return must
/// finish, never be cut), and its thread ends itself; the work keeps what it needs (leases).
class MigrationJob : public QObject {
    Q_OBJECT
public:
    using Sink = std::function<void(const RunEvent &)>;
    using Work = std::function<RunEvent(const Sink &sink, const std::atomic_bool &cancel)>;

    explicit MigrationJob(Work work, QObject *parent = nullptr);
    ~MigrationJob() override;

    void start();
    /// Asks the run to stop; honoured only until the point of no return.
    void cancel();
    bool isRunning() const { return m_running; }
    bool cancelRequested() const { return m_cancel->load(); }
    const QList<RunEvent> &events() const { return m_events; }

signals:
    /// One event of the run (named so as not to hide QObject::event).
    void runEvent(const ap::migration::RunEvent &event);
    void finished(const ap::migration::RunEvent &result);

private:
    Work m_work;
    std::shared_ptr<std::atomic_bool> m_cancel; ///< shared with the run, which may outlive the job
    bool m_started = false;
    bool m_running = false;
    QList<RunEvent> m_events;
};

} // namespace ap::migration
