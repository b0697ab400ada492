#include "libvirtmigration.h"

#include "../common/errnonames.h"

#include <QMutex>
#include <QThread>

#include <cerrno>
#include <memory>
#include <thread>

namespace ap::migration {

namespace {

/// libvirt forwards QEMU's and the kernel's complaint as text: "...: Bad address".
int errnoOf(const Error &e)
{
    if (e.kernelErrno)
        return e.kernelErrno;
    const int fromText = errnoFromMessage(e.detail.section(QStringLiteral(": "), -1));
    return fromText ? fromText : EIO;
}

/// Domain events arrive on libvirt's event thread; the runner takes them in its own loop, so
/// they keep their order among the polled statistics. Shared: a callback may still be running
/// while the subscription ends.
struct EventQueue {
    QMutex mutex;
    QList<std::pair<Side, DomainEvent>> events;
    QList<std::pair<Side, DomainEvent>> take()
    {
        QMutexLocker l(&mutex);
        return std::exchange(events, {});
    }
};

/// The steps of a run that libvirt performs: verify, unplug and plug around the job for replug,
/// and the job itself, watched.
class LibvirtSteps : public RunSteps {
public:
    LibvirtSteps(StepRunner &runner, LibvirtMigrationCalls &calls, const MigrationPlan &plan, const QString &destinationUri,
                 int pollMs, const std::atomic_bool &cancel)
        : m_runner(runner), m_calls(calls), m_plan(plan), m_destinationUri(destinationUri), m_pollMs(pollMs), m_cancel(cancel)
    {
    }

    StepEnd run(const PlanStep &step) override;
    void finish(RunEvent &result, const PlanStep *failed, bool pastNoReturn) override;

private:
    StepEnd migrate();
    StepEnd end(const Status &st, bool canceled = false) const
    {
        if (st.ok())
            return StepEnd::ok();
        return {canceled ? ECANCELED : errnoOf(st.error()), st.error().detail, {}, canceled};
    }

    StepRunner &m_runner;
    LibvirtMigrationCalls &m_calls;
    const MigrationPlan &m_plan;
    const QString &m_destinationUri;
    const int m_pollMs;
    const std::atomic_bool &m_cancel;
    bool m_unplugged = false;
};

StepEnd LibvirtSteps::run(const PlanStep &step)
{
    switch (step.id) {
    case StepId::VerifyDestination:
        if (!m_plan.destinationHasMdev && !m_plan.createMdev)
            return end(makeError(ErrorCode::NotFound, m_plan.targetHost,
                                 QStringLiteral("device not found: mediated device '%1' not found").arg(m_plan.mdev), {}, ENODEV));
        return StepEnd::ok();
    case StepId::Unplug: {
        const Status st = m_calls.detachApHostdev(Side::Source, m_plan.guest, m_plan.mdev);
        m_unplugged = st.ok();
        return end(st);
    }
    case StepId::Plug: return end(m_calls.attachApHostdev(Side::Destination, m_plan.guest, m_plan.mdev));
    case StepId::LibvirtMigrate: return migrate();
    case StepId::CreateMdev:
    case StepId::DestinationOpen:
    case StepId::MemoryCopy:
    case StepId::SourceStopCopy:
    case StepId::DestinationResuming:
    case StepId::DestinationRunning:
    case StepId::SourceStop:
    case StepId::Switchover:
        break;
    }
    return end(makeError(ErrorCode::Internal, m_plan.guest, QStringLiteral("step %1 is not a libvirt step").arg(stepIdName(step.id))));
}

StepEnd LibvirtSteps::migrate()
{
    Status migrated;
    std::atomic_bool done = false;
    auto queue = std::make_shared<EventQueue>();
    const bool watching = m_calls.watchDomainEvents(m_plan.guest, [queue](Side side, const DomainEvent &e) {
        QMutexLocker l(&queue->mutex);
        queue->events.append({side, e});
    }).ok(); // without events the polled statistics still show the progress
    qint64 shown = 0;
    JobStats last;
    const auto memory = [&](const JobStats &stats) {
        // Re-sent dirty pages make "processed" jitter; what is shown only grows.
        shown = std::max(shown, stats.dataProcessed);
        RunEvent m;
        m.kind = RunEvent::Kind::Memory;
        m.iteration = int(stats.memIteration);
        m.bytes = shown;
        m.remaining = stats.dataRemaining;
        m.downtimeMs = stats.expectedDowntimeMs;
        m.total = stats.dataTotal;
        m_runner.emitEvent(m);
    };
    const auto takeEvents = [&] {
        for (const auto &[side, d] : queue->take()) {
            if (d.guest != m_plan.guest)
                continue;
            switch (d.kind) {
            case DomainEvent::Kind::Lifecycle:
                if (const QString state = d.guestState(); !state.isEmpty()) {
                    RunEvent g;
                    g.kind = RunEvent::Kind::Guest;
                    g.side = side;
                    g.text = state;
                    m_runner.emitEvent(g);
                }
                break;
            case DomainEvent::Kind::Iteration:
                last.memIteration = std::max<qint64>(last.memIteration, d.iteration);
                memory(last);
                break;
            case DomainEvent::Kind::JobCompleted:
                last = d.stats;
                memory(last);
                break;
            }
        }
    };
    std::thread job([&] {
        migrated = m_calls.migrateToURI3(m_plan.guest, m_destinationUri, MigrationFlags{});
        done.store(true);
    });
    bool aborted = false;
    while (!done.load()) {
        if (m_cancel.load() && !aborted) {
            aborted = true;
            (void)m_calls.abortJob(m_plan.guest);
        }
        takeEvents();
        if (const auto stats = m_calls.getJobStats(m_plan.guest);
            stats && (stats->type == JobStats::Type::Bounded || stats->type == JobStats::Type::Unbounded)) {
            last = *stats;
            memory(last);
        }
        for (int waited = 0; waited < m_pollMs && !done.load(); waited += 10)
            QThread::msleep(10);
    }
    job.join();
    if (watching) {
        m_calls.unwatchDomainEvents();
        takeEvents();
    }
    return end(migrated, aborted && !migrated.ok());
}

void LibvirtSteps::finish(RunEvent &, const PlanStep *failed, bool)
{
    if (!failed || !m_unplugged || failed->id == StepId::Plug)
        return;
    // The guest stayed on the source: give it its crypto adapters back.
    if (m_calls.attachApHostdev(Side::Source, m_plan.guest, m_plan.mdev).ok()) {
        RunEvent g;
        g.kind = RunEvent::Kind::Guest;
        g.side = Side::Source;
        g.text = QStringLiteral("running");
        m_runner.emitEvent(g);
    }
}

} // namespace

RunEvent runLibvirtMigration(LibvirtMigrationCalls &calls, const MigrationPlan &plan, const QString &destinationUri,
                             int pollMs, const EventSink &sink, const std::atomic_bool &cancel)
{
    StepRunner runner(plan, sink, cancel);
    LibvirtSteps steps(runner, calls, plan, destinationUri, pollMs, cancel);
    return runner.run(steps);
}

} // namespace ap::migration
