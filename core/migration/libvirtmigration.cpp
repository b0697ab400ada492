#include "libvirtmigration.h"

#include "../common/errnonames.h"

#include <QElapsedTimer>
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

} // namespace

RunEvent runLibvirtMigration(LibvirtMigrationCalls &calls, const MigrationPlan &plan, const QString &destinationUri,
                             int pollMs, const EventSink &sink, const std::atomic_bool &cancel)
{
    QElapsedTimer clock;
    clock.start();
    const auto emitEvent = [&](RunEvent e) {
        e.timeMs = clock.elapsed();
        if (sink)
            sink(e);
    };
    const auto step = [&](const QString &id, RunEvent::StepStatus status, const QString &text = {}, int err = 0) {
        RunEvent e;
        e.kind = RunEvent::Kind::Step;
        e.step = id;
        e.status = status;
        e.text = text;
        e.err = err;
        emitEvent(e);
    };
    RunEvent p;
    p.kind = RunEvent::Kind::Plan;
    p.strategy = strategyName(plan.strategy);
    p.steps = plan.stepIds();
    for (const Finding &f : plan.findings)
        p.findings.append(f.id);
    emitEvent(p);

    RunEvent result;
    result.kind = RunEvent::Kind::Result;
    bool unplugged = false;
    QString failedStep;
    int failedErr = 0;
    QString failedText;
    bool canceled = false;
    for (const PlanStep &s : plan.steps) {
        if (cancel.load()) {
            failedStep = s.id;
            canceled = true;
            step(s.id, RunEvent::StepStatus::Skipped, QStringLiteral("canceled by the operator"), ECANCELED);
            break;
        }
        step(s.id, RunEvent::StepStatus::Started);
        Status st;
        if (s.id == u"verify-destination") {
            if (!plan.destinationHasMdev && !plan.createMdev)
                st = makeError(ErrorCode::NotFound, plan.targetHost,
                               QStringLiteral("device not found: mediated device '%1' not found").arg(plan.mdev), {}, ENODEV);
        } else if (s.id == u"unplug") {
            st = calls.detachApHostdev(Side::Source, plan.guest, plan.mdev);
            unplugged = st.ok();
        } else if (s.id == u"plug") {
            st = calls.attachApHostdev(Side::Destination, plan.guest, plan.mdev);
        } else if (s.id == u"libvirt-migrate") {
            Status migrated;
            std::atomic_bool done = false;
            auto queue = std::make_shared<EventQueue>();
            const bool watching = calls.watchDomainEvents(plan.guest, [queue](Side side, const DomainEvent &e) {
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
                emitEvent(m);
            };
            const auto takeEvents = [&] {
                for (const auto &[side, d] : queue->take()) {
                    if (d.guest != plan.guest)
                        continue;
                    switch (d.kind) {
                    case DomainEvent::Kind::Lifecycle:
                        if (const QString state = d.guestState(); !state.isEmpty()) {
                            RunEvent g;
                            g.kind = RunEvent::Kind::Guest;
                            g.side = side;
                            g.text = state;
                            emitEvent(g);
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
                migrated = calls.migrateToURI3(plan.guest, destinationUri, MigrationFlags{});
                done.store(true);
            });
            bool aborted = false;
            while (!done.load()) {
                if (cancel.load() && !aborted) {
                    aborted = true;
                    (void)calls.abortJob(plan.guest);
                }
                takeEvents();
                if (const auto stats = calls.getJobStats(plan.guest);
                    stats && (stats->type == JobStats::Type::Bounded || stats->type == JobStats::Type::Unbounded)) {
                    last = *stats;
                    memory(last);
                }
                for (int waited = 0; waited < pollMs && !done.load(); waited += 10)
                    QThread::msleep(10);
            }
            job.join();
            if (watching) {
                calls.unwatchDomainEvents();
                takeEvents();
            }
            st = migrated;
            canceled = aborted && !st.ok();
        } else {
            st = makeError(ErrorCode::Internal, plan.guest, QStringLiteral("step %1 is not a libvirt step").arg(s.id));
        }
        if (!st.ok()) {
            failedStep = s.id;
            failedErr = canceled ? ECANCELED : errnoOf(st.error());
            failedText = st.error().detail;
            step(s.id, RunEvent::StepStatus::Failed, failedText, failedErr);
            break;
        }
        step(s.id, RunEvent::StepStatus::Done);
    }
    if (!failedStep.isEmpty()) {
        result.step = failedStep;
        result.err = failedErr;
        result.text = canceled ? QStringLiteral("canceled") : failedText;
        if (unplugged && failedStep != u"plug") {
            // The guest stayed on the source: give it its crypto adapters back.
            if (calls.attachApHostdev(Side::Source, plan.guest, plan.mdev).ok()) {
                RunEvent g;
                g.kind = RunEvent::Kind::Guest;
                g.side = Side::Source;
                g.text = QStringLiteral("running");
                emitEvent(g);
            }
        }
    } else {
        result.ok = true;
    }
    emitEvent(result);
    return result;
}

} // namespace ap::migration
