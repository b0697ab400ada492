// The libvirt migration runner through a scripted fake of exactly the libvirt calls it makes.
#include <migration/libvirtmigration.h>

#include <QMutex>
#include <QTest>
#include <QThread>

#include <cerrno>

using namespace ap;
using namespace ap::migration;

namespace {

/// Replays a script: job statistics in order, then the migration's answer. Records every call.
class ScriptedCalls final : public LibvirtMigrationCalls {
public:
    QList<JobStats> stats;
    std::optional<Error> migrateError;
    int migrateMs = 200;
    QStringList calls;
    MigrationFlags flags;
    std::atomic_bool aborted = false;
    /// Delivered during the migration from its own thread (as libvirt's event thread would).
    QList<std::pair<Side, DomainEvent>> domainEvents;
    bool watchFails = false;
    int watches = 0;
    int unwatches = 0;

    Status migrateToURI3(const QString &guest, const QString &uri, const MigrationFlags &f) override
    {
        record(QStringLiteral("migrateToURI3 %1 %2").arg(guest, uri));
        flags = f;
        qsizetype delivered = 0;
        for (int waited = 0; waited < migrateMs && !aborted.load(); waited += 5) {
            QThread::msleep(5);
            // Spread the scripted events over the job.
            for (; delivered < domainEvents.size() && delivered * migrateMs <= waited * domainEvents.size(); ++delivered)
                deliver(domainEvents.at(delivered));
        }
        for (; delivered < domainEvents.size(); ++delivered)
            deliver(domainEvents.at(delivered));
        if (aborted.load())
            return makeError(ErrorCode::Canceled, guest, QStringLiteral("operation aborted: migration out job: canceled by client"));
        if (migrateError)
            return *migrateError;
        return {};
    }
    Result<JobStats> getJobStats(const QString &) override
    {
        QMutexLocker l(&m_mutex);
        if (m_next < stats.size())
            return stats.at(m_next++);
        JobStats none;
        return none;
    }
    Status abortJob(const QString &guest) override
    {
        record(QStringLiteral("abortJob %1").arg(guest));
        aborted.store(true);
        return {};
    }
    Status detachApHostdev(Side side, const QString &guest, const QString &uuid) override
    {
        record(QStringLiteral("detach %1 %2 %3").arg(sideName(side), guest, uuid));
        return {};
    }
    Status attachApHostdev(Side side, const QString &guest, const QString &uuid) override
    {
        record(QStringLiteral("attach %1 %2 %3").arg(sideName(side), guest, uuid));
        return {};
    }

    Status watchDomainEvents(const QString &, const std::function<void(Side, const DomainEvent &)> &h) override
    {
        if (watchFails)
            return makeError(ErrorCode::Unsupported, QStringLiteral("a"), QStringLiteral("virConnectDomainEventRegisterAny: not supported"));
        QMutexLocker l(&m_mutex);
        ++watches;
        m_handler = h;
        return {};
    }
    void unwatchDomainEvents() override
    {
        QMutexLocker l(&m_mutex);
        ++unwatches;
        m_handler = {};
    }

private:
    void deliver(const std::pair<Side, DomainEvent> &e)
    {
        std::function<void(Side, const DomainEvent &)> h;
        {
            QMutexLocker l(&m_mutex);
            h = m_handler;
        }
        if (h)
            h(e.first, e.second);
    }
    void record(const QString &c)
    {
        QMutexLocker l(&m_mutex);
        calls.append(c);
    }
    QMutex m_mutex;
    qsizetype m_next = 0;
    std::function<void(Side, const DomainEvent &)> m_handler;
};

MigrationPlan plan(Strategy s)
{
    MigrationPlan p;
    p.sourceHost = QStringLiteral("qemu+ssh://a/system");
    p.targetHost = QStringLiteral("qemu+ssh://b/system");
    p.guest = QStringLiteral("guest1");
    p.mdev = QStringLiteral("783e6dbb-ea0e-411f-94e2-717eaad438bf");
    p.strategy = s;
    p.destinationHasMdev = true;
    p.viaLibvirt = true;
    const auto step = [](StepId id, Side side) { PlanStep st; st.id = id; st.side = side; return st; };
    p.steps.append(step(StepId::VerifyDestination, Side::Destination));
    if (s == Strategy::Replug)
        p.steps.append(step(StepId::Unplug, Side::Source));
    p.steps.append(step(StepId::LibvirtMigrate, Side::Source));
    if (s == Strategy::Replug)
        p.steps.append(step(StepId::Plug, Side::Destination));
    return p;
}

JobStats sample(qint64 processed, qint64 remaining, int iteration)
{
    JobStats s;
    s.type = JobStats::Type::Unbounded;
    s.dataTotal = 4LL << 30;
    s.dataProcessed = processed;
    s.dataRemaining = remaining;
    s.memIteration = iteration;
    s.expectedDowntimeMs = remaining / 1000000;
    return s;
}

RunEvent run(ScriptedCalls &calls, const MigrationPlan &p, QList<RunEvent> &events, std::atomic_bool &cancel,
             const std::function<void(const RunEvent &)> &onEvent = {})
{
    return runLibvirtMigration(calls, p, p.targetHost, 20, [&](const RunEvent &e) {
        events.append(e);
        if (onEvent)
            onEvent(e);
    }, cancel);
}

DomainEvent lifecycle(int event, int detail, const char *guest = "guest1")
{
    DomainEvent e;
    e.kind = DomainEvent::Kind::Lifecycle;
    e.guest = QLatin1String(guest);
    e.event = event;
    e.detail = detail;
    return e;
}

DomainEvent iteration(int n)
{
    DomainEvent e;
    e.kind = DomainEvent::Kind::Iteration;
    e.guest = QStringLiteral("guest1");
    e.iteration = n;
    return e;
}

} // namespace

class TstLibvirtMigration : public QObject {
    Q_OBJECT
private slots:
    void liveMigrationIsPeerToPeerNeverPostCopyAndReportsProgress()
    {
        ScriptedCalls calls;
        calls.stats = {sample(1000, 9000, 1), sample(6000, 4000, 1), sample(5000, 6000, 2), sample(9000, 100, 3)};
        QList<RunEvent> events;
        std::atomic_bool cancel = false;
        const RunEvent r = run(calls, plan(Strategy::Live), events, cancel);
        QVERIFY(r.ok);
        QVERIFY(calls.flags.live && calls.flags.peerToPeer && !calls.flags.postCopy);
        QCOMPARE(calls.calls, QStringList{QStringLiteral("migrateToURI3 guest1 qemu+ssh://b/system")});
        qint64 last = -1;
        int memory = 0;
        for (const RunEvent &e : events) {
            if (e.kind != RunEvent::Kind::Memory)
                continue;
            ++memory;
            QVERIFY(e.bytes >= last); // 6000 then 5000 from libvirt: shown as 6000
            last = e.bytes;
        }
        QVERIFY(memory >= 3);
        QCOMPARE(last, 9000);
    }

    void lifecycleEventsSayWhereTheGuestRuns_data()
    {
        QTest::addColumn<int>("event");
        QTest::addColumn<QString>("state");
        QTest::newRow("started (migrated)") << int(DomainEvent::Started) << "running";
        QTest::newRow("suspended (migrated)") << int(DomainEvent::Suspended) << "paused";
        QTest::newRow("resumed") << int(DomainEvent::Resumed) << "running";
        QTest::newRow("stopped (migrated)") << int(DomainEvent::Stopped) << "gone";
        QTest::newRow("crashed") << int(DomainEvent::Crashed) << "gone";
        QTest::newRow("defined") << int(DomainEvent::Defined) << "";
    }
    void lifecycleEventsSayWhereTheGuestRuns()
    {
        QFETCH(int, event);
        QFETCH(QString, state);
        QCOMPARE(lifecycle(event, 1).guestState(), state);
    }

    void domainEventsDriveTheProgress_data()
    {
        QTest::addColumn<bool>("watchFails");
        QTest::newRow("events") << false;
        QTest::newRow("no events: statistics only") << true;
    }
    void domainEventsDriveTheProgress()
    {
        QFETCH(bool, watchFails);
        ScriptedCalls calls;
        calls.watchFails = watchFails;
        calls.stats = {sample(1000, 9000, 1)};
        DomainEvent completed;
        completed.kind = DomainEvent::Kind::JobCompleted;
        completed.guest = QStringLiteral("guest1");
        completed.stats = sample(8000, 0, 3);
        completed.stats.type = JobStats::Type::Completed;
        // The sequence of a successful live migration (ecosystem §3.5), plus another guest's event.
        calls.domainEvents = {{Side::Source, iteration(2)},
                              {Side::Source, lifecycle(DomainEvent::Suspended, 1, "other-guest")},
                              {Side::Source, iteration(3)},
                              {Side::Source, lifecycle(DomainEvent::Suspended, 1)},
                              {Side::Source, completed},
                              {Side::Destination, lifecycle(DomainEvent::Started, 1)},
                              {Side::Destination, lifecycle(DomainEvent::Resumed, 1)},
                              {Side::Source, lifecycle(DomainEvent::Stopped, 3)}};
        QList<RunEvent> events;
        std::atomic_bool cancel = false;
        const RunEvent r = run(calls, plan(Strategy::Live), events, cancel);
        QVERIFY(r.ok);
        QStringList guest;
        int lastIteration = 0;
        qint64 lastBytes = 0;
        for (const RunEvent &e : std::as_const(events)) {
            if (e.kind == RunEvent::Kind::Guest)
                guest.append(sideName(e.side) + QLatin1Char(' ') + e.text);
            if (e.kind == RunEvent::Kind::Memory) {
                QVERIFY(e.iteration >= lastIteration);
                QVERIFY(e.bytes >= lastBytes);
                lastIteration = e.iteration;
                lastBytes = e.bytes;
            }
        }
        if (watchFails) {
            QVERIFY(guest.isEmpty());
            QCOMPARE(lastBytes, 1000); // the polled statistics still moved the progress
            QCOMPARE(calls.unwatches, 0);
            return;
        }
        QCOMPARE(guest, (QStringList{QStringLiteral("source paused"), QStringLiteral("destination running"),
                                     QStringLiteral("destination running"), QStringLiteral("source gone")}));
        QCOMPARE(lastIteration, 3);
        QCOMPARE(lastBytes, 8000); // the job-completed statistics end the memory progress
        QCOMPARE(calls.watches, 1);
        QCOMPARE(calls.unwatches, 1);
    }

    void failureCarriesTheErrnoFromLibvirtsMessage()
    {
        ScriptedCalls calls;
        calls.migrateError = makeError(ErrorCode::Io, QStringLiteral("qemu+ssh://a/system"),
                                       QStringLiteral("virDomainMigrateToURI3: operation failed: job 'migration out' failed: load of migration failed: Bad address"));
        QList<RunEvent> events;
        std::atomic_bool cancel = false;
        const RunEvent r = run(calls, plan(Strategy::Live), events, cancel);
        QVERIFY(!r.ok);
        QCOMPARE(r.step, QStringLiteral("libvirt-migrate"));
        QCOMPARE(r.err, EFAULT);
    }

    void cancelAbortsTheJob()
    {
        ScriptedCalls calls;
        calls.migrateMs = 5000;
        QList<RunEvent> events;
        std::atomic_bool cancel = false;
        QElapsedTimer t;
        t.start();
        const RunEvent r = run(calls, plan(Strategy::Live), events, cancel, [&](const RunEvent &e) {
            if (e.kind == RunEvent::Kind::Step && e.step == u"libvirt-migrate" && e.status == RunEvent::StepStatus::Started)
                cancel.store(true);
        });
        QVERIFY(!r.ok);
        QCOMPARE(r.text, QStringLiteral("canceled"));
        QVERIFY(calls.calls.contains(QStringLiteral("abortJob guest1")));
        QVERIFY(t.elapsed() < 3000);
    }

    void replugDetachesMigratesAndAttaches()
    {
        ScriptedCalls calls;
        QList<RunEvent> events;
        std::atomic_bool cancel = false;
        const RunEvent r = run(calls, plan(Strategy::Replug), events, cancel);
        QVERIFY(r.ok);
        const QString uuid = QStringLiteral("783e6dbb-ea0e-411f-94e2-717eaad438bf");
        QCOMPARE(calls.calls, (QStringList{QStringLiteral("detach source guest1 ") + uuid, QStringLiteral("migrateToURI3 guest1 qemu+ssh://b/system"),
                                           QStringLiteral("attach destination guest1 ") + uuid}));
    }

    void replugFailureGivesTheDeviceBackOnTheSource()
    {
        ScriptedCalls calls;
        calls.migrateError = makeError(ErrorCode::Unsupported, QStringLiteral("a"), QStringLiteral("cannot migrate domain: non-migratable device: vfio-ap"));
        QList<RunEvent> events;
        std::atomic_bool cancel = false;
        const RunEvent r = run(calls, plan(Strategy::Replug), events, cancel);
        QVERIFY(!r.ok);
        QCOMPARE(calls.calls.last(), QStringLiteral("attach source guest1 783e6dbb-ea0e-411f-94e2-717eaad438bf"));
    }

    void missingDestinationMdevStopsBeforeAnythingRuns()
    {
        ScriptedCalls calls;
        MigrationPlan p = plan(Strategy::Live);
        p.destinationHasMdev = false;
        QList<RunEvent> events;
        std::atomic_bool cancel = false;
        const RunEvent r = run(calls, p, events, cancel);
        QVERIFY(!r.ok);
        QCOMPARE(r.err, ENODEV);
        QVERIFY(calls.calls.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstLibvirtMigration)
#include "tst_libvirtmigration.moc"
