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

    Status migrateToURI3(const QString &guest, const QString &uri, const MigrationFlags &f) override
    {
        record(QStringLiteral("migrateToURI3 %1 %2").arg(guest, uri));
        flags = f;
        for (int waited = 0; waited < migrateMs && !aborted.load(); waited += 5)
            QThread::msleep(5);
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

private:
    void record(const QString &c)
    {
        QMutexLocker l(&m_mutex);
        calls.append(c);
    }
    QMutex m_mutex;
    qsizetype m_next = 0;
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
    const auto step = [](const char *id, Side side) { PlanStep st; st.id = QLatin1String(id); st.side = side; return st; };
    p.steps.append(step("verify-destination", Side::Destination));
    if (s == Strategy::Replug)
        p.steps.append(step("unplug", Side::Source));
    p.steps.append(step("libvirt-migrate", Side::Source));
    if (s == Strategy::Replug)
        p.steps.append(step("plug", Side::Destination));
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
