#include "evacuationrun.h"

#include "../common/errnonames.h"
#include "../migration/runnerfactory.h"

#include <QFutureSynchronizer>
#include <QMutex>
#include <QtConcurrent/QtConcurrentRun>

namespace ap::fleet {

namespace {

Result<HostSnapshot> read(HostBackend &b)
{
    auto f = b.readInventory();
    f.waitForFinished();
    if (f.resultCount() == 0)
        return makeError(ErrorCode::Canceled, b.uri().text, QStringLiteral("read canceled"));
    return f.result();
}

MoveRun runMove(const EvacuationPlan &plan, int index, HostBackend &source, HostBackend &target, const EvacuationRunOptions &options,
                const EvacuationCallbacks &cb, const std::atomic_bool &cancel)
{
    MoveRun r;
    r.index = index;
    r.started = QDateTime::currentDateTimeUtc();
    const Placement &p = plan.moves.at(index).placement;
    const auto src = read(source);
    const auto dst = src ? read(target) : Result<HostSnapshot>(src.error());
    if (!src || !dst) {
        r.error = (src ? dst.error() : src.error()).toString();
        return r;
    }
    migration::MigrationRequest request;
    request.guest = p.guest;
    request.profile = plan.profile;
    request.strategy = p.verdict == Verdict::Live ? migration::Strategy::Live : migration::Strategy::Replug;
    request.createMdev = false;
    request.viaLibvirt = migration::runsThroughLibvirt(source, target);
    const auto staged = migration::buildPlan(*src, *dst, request);
    if (!staged) {
        r.error = staged.error().toString();
        return r;
    }
    r.plan = *staged;
    const auto work = migration::migrationWork(source, target, r.plan, options.run);
    if (!work) {
        r.error = work.error().toString();
        return r;
    }
    if (cb.moveStarted)
        cb.moveStarted(index, r.plan);
    const migration::RunEvent result = (*work)([&](const migration::RunEvent &e) {
        r.events.append(e);
        if (cb.moveEvent)
            cb.moveEvent(index, e);
    }, cancel);
    r.ok = result.ok;
    if (!r.ok)
        r.error = QStringLiteral("%1%2: %3").arg(result.step.isEmpty() ? QString() : result.step + QStringLiteral(" "),
                                                result.err ? errnoName(result.err) : QStringLiteral("failed"), result.text);
    return r;
}

} // namespace

EvacuationRun runEvacuation(const EvacuationPlan &plan, const QHash<QString, HostBackend *> &backends,
                            const EvacuationRunOptions &options, const EvacuationCallbacks &cb, const std::atomic_bool &cancel)
{
    EvacuationRun run;
    auto remainingFrom = [&](int first) {
        for (int i = first; i < plan.moves.size(); ++i)
            run.remaining.append(plan.moves.at(i).placement.guest);
    };
    HostBackend *source = backends.value(plan.sourceHost);
    if (!source) {
        run.failure = QStringLiteral("%1: the source has no backend").arg(plan.sourceHost);
        remainingFrom(0);
        return run;
    }
    for (const QString &host : plan.creationHosts()) {
        HostBackend *b = backends.value(host);
        if (!b) {
            run.failure = QStringLiteral("%1: the destination has no backend").arg(host);
            remainingFrom(0);
            return run;
        }
        auto f = b->apply(plan.creationPlan(host));
        f.waitForFinished();
        const Result<ApplyReport> applied = f.resultCount() ? f.result() : Result<ApplyReport>(makeError(ErrorCode::Canceled, host, QStringLiteral("apply canceled")));
        if (!applied) {
            run.failure = applied.error().toString();
            remainingFrom(0);
            return run;
        }
        run.creations.append({host, *applied});
        if (cb.created)
            cb.created(host, *applied);
        if (!applied->ok) {
            run.failure = applied->transport
                ? QStringLiteral("%1: creating the mdevs failed: %2").arg(host, applied->transport->toString())
                : QStringLiteral("%1: creating the mdevs is refused (%2); the host was rolled back").arg(host, errnoName(applied->err));
            remainingFrom(0);
            return run;
        }
    }

    const int parallel = std::max(1, options.parallel);
    QThreadPool pool;
    pool.setMaxThreadCount(parallel);
    QMutex lock;
    for (int first = 0; first < plan.moves.size(); first += parallel) {
        if (cancel.load()) {
            run.failure = QStringLiteral("canceled by the operator");
            remainingFrom(first);
            return run;
        }
        const int last = std::min<int>(int(plan.moves.size()), first + parallel);
        QFutureSynchronizer<void> batch;
        for (int i = first; i < last; ++i) {
            HostBackend *target = backends.value(plan.moves.at(i).placement.targetHost);
            batch.addFuture(QtConcurrent::run(&pool, [&, i, target] {
                MoveRun r;
                if (!target) {
                    r.index = i;
                    r.error = QStringLiteral("%1: the destination has no backend").arg(plan.moves.at(i).placement.targetHost);
                } else {
                    r = runMove(plan, i, *source, *target, options, cb, cancel);
                }
                if (cb.moveFinished)
                    cb.moveFinished(r);
                QMutexLocker l(&lock);
                run.moves.append(r);
            }));
        }
        batch.waitForFinished();
        // The moves are read under the lock they were appended under: that, not the wait on the
        // futures inside Qt, is the ordering this function's own code states.
        const QMutexLocker l(&lock);
        bool failed = false;
        for (int i = first; i < last; ++i) {
            const auto it = std::find_if(run.moves.cbegin(), run.moves.cend(), [i](const MoveRun &m) { return m.index == i; });
            if (it != run.moves.cend() && !it->ok) {
                if (!failed)
                    run.failure = QStringLiteral("%1: %2").arg(plan.moves.at(i).placement.guest, it->error);
                failed = true;
                run.remaining.append(plan.moves.at(i).placement.guest);
            }
        }
        if (failed) {
            remainingFrom(last);
            return run;
        }
    }
    run.ok = true;
    return run;
}

} // namespace ap::fleet
