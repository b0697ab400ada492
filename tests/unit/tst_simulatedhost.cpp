#include "testsupport.h"

#include <hosts/backendfactory.h>
#include <hosts/demofleet.h>
#include <hosts/simulatedhost.h>
#include <json/snapshotjson.h>
#include <plan/matrixplan.h>
#include <store/store.h>

#include <QFutureWatcher>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace ap;

namespace {
const QString kPayments = demo::uuids::payments;

template <typename T>
T await(QFuture<T> f)
{
    QFutureWatcher<T> w;
    QSignalSpy spy(&w, &QFutureWatcherBase::finished);
    w.setFuture(f);
    if (!w.isFinished())
        [&] { QVERIFY(spy.wait(10000)); }();
    return f.result();
}

/// Records that cannot be saved: a full disk, a database locked for good.
class FailingRecords final : public HostRecords {
public:
    Status appendJournal(const QList<JournalEntry> &) override { return failure(); }
    Status saveSimulatedHost(const QString &, const QJsonObject &) override { return failure(); }
    Result<std::optional<QJsonObject>> simulatedHost(const QString &) const override { return std::optional<QJsonObject>(); }

private:
    static Error failure() { return makeError(ErrorCode::Timeout, QStringLiteral("test.db"), QStringLiteral("database is locked")); }
};

HostSnapshot withoutApConfig(const QString &name)
{
    HostSnapshot s = *demo::initialState(name);
    s.matrix.features.removeAll(QStringLiteral("ap_config")); // an older kernel: one write per id
    return s;
}

std::unique_ptr<SimulatedHost> demoHost(const QString &name, std::shared_ptr<Store> store = {})
{
    return std::make_unique<SimulatedHost>(*HostUri::parse(QStringLiteral("demo:") + name), *demo::initialState(name), store);
}
} // namespace

class TstSimulatedHost : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void readIsAsynchronous()
    {
        auto host = demoHost(QStringLiteral("zlab-a"));
        QFutureWatcher<Result<HostSnapshot>> w;
        QSignalSpy spy(&w, &QFutureWatcherBase::finished);
        w.setFuture(host->readInventory());
        QVERIFY(spy.wait(5000));
        const Result<HostSnapshot> r = w.result();
        QVERIFY(r);
        QCOMPARE(r->host, QStringLiteral("demo:zlab-a"));
        QCOMPARE(r->cards.size(), 6);
        QVERIFY(r->mdev(kPayments));
    }

    void applyChangesAndJournals()
    {
        auto host = demoHost(QStringLiteral("zlab-a"));
        const HostSnapshot before = host->snapshot();
        MatrixAssignment target{IdMask::fromIds({1, 2}), IdMask::fromIds({0x11, 0x12, 0x13}), IdMask::fromIds({0x11})};
        const WritePlan plan = plans::changeMatrix(before, kPayments, target);
        QCOMPARE(plan.steps.size(), 1); // zlab-a has ap_config: one write
        auto r = await(host->apply(plan));
        QVERIFY(r);
        QVERIFY(r->ok);
        QCOMPARE(r->journal.size(), 1);
        const JournalEntry &e = r->journal[0];
        QVERIFY(e.path.endsWith(QLatin1String("/ap_config")));
        QCOMPARE(e.err, 0);
        QVERIFY(e.before != e.after);
        const HostSnapshot after = host->snapshot(); // a copy: the pointer below points into it
        const Mdev *m = after.mdev(kPayments);
        QCOMPARE(m->domains.ids(), (QList<int>{0x11, 0x12, 0x13}));
        QCOMPARE(m->guestMatrix().size(), 6);
        // A normal operation shows in the host's kernel log too, stamped like dmesg.
        const QStringList log = host->kernelLog();
        QCOMPARE(log.size(), 1);
        QVERIFY2(QRegularExpression(QStringLiteral("^\\[ *\\d+\\.\\d{6}\\] vfio_ap_mdev ")).match(log.first()).hasMatch(), qPrintable(log.first()));
        QVERIFY(log.first().contains(QLatin1String("ap_config")));
    }

    void kernelRefusalSurfaces()
    {
        auto host = demoHost(QStringLiteral("zlab-a"));
        const HostSnapshot s = host->snapshot();
        // Take 03.0020, which belongs to the hsm mdev.
        MatrixAssignment target{IdMask::fromIds({1, 2, 3}), IdMask::fromIds({0x11, 0x12, 0x20}), IdMask::fromIds({0x11, 0x12})};
        auto r = await(host->apply(plans::changeMatrix(s, kPayments, target)));
        QVERIFY(r);
        QVERIFY(!r->ok);
        QCOMPARE(r->err, EADDRINUSE);
        QVERIFY(!r->kernelLog.isEmpty());
        QVERIFY(r->kernelLog.first().contains(QLatin1String("already assigned to 7c1d2e3f")));
        QCOMPARE(*host->snapshot().mdev(kPayments), *s.mdev(kPayments));
        // The host's log has the refusal, stamped like dmesg, among the lines of the writes
        // around it (normal operations are logged too).
        const QStringList log = host->kernelLog();
        QVERIFY(log.size() >= r->kernelLog.size());
        static const QRegularExpression stamp(QStringLiteral("^\\[ *\\d+\\.\\d{6}\\] "));
        QStringList bare;
        for (const QString &l : log) {
            const auto m = stamp.match(l);
            QVERIFY2(m.hasMatch(), qPrintable(l));
            bare.append(l.mid(m.capturedLength()));
        }
        QVERIFY2(bare.join(u'\n').contains(r->kernelLog.join(u'\n')), qPrintable(log.join(u'\n')));
    }

    void halfFailedWriteRollsBack()
    {
        HostSnapshot initial = *demo::initialState(QStringLiteral("zlab-a"));
        initial.matrix.features.removeAll(QStringLiteral("ap_config")); // an older kernel: one write per id
        SimulatedHost host(*HostUri::parse(QStringLiteral("demo:zlab-a")), initial);
        const HostSnapshot s = host.snapshot();
        MatrixAssignment target{IdMask::fromIds({1, 5}), IdMask::fromIds({0x11, 0x14, 0x15}), IdMask::fromIds({0x11})};
        const WritePlan plan = plans::changeMatrix(s, kPayments, target);
        // unassign cd 0x12, unassign domain 0x12, unassign adapter 2, assign adapter 5, domains 0x14, 0x15
        QCOMPARE(plan.steps.size(), 6);
        host.failWrite(4, EIO);
        auto r = await(host.apply(plan));
        QVERIFY(r);
        QVERIFY(!r->ok);
        QCOMPARE(r->failedStep, 3);
        QCOMPARE(r->err, EIO);
        QVERIFY(r->rolledBack);
        QCOMPARE(r->journal.size(), 4 + 3); // three steps done, one failed, three undone
        QVERIFY(r->journal.last().rollback);
        QCOMPARE(*host.snapshot().mdev(kPayments), *s.mdev(kPayments)); // nothing lost
    }

    void failingAuditWriteIsReported()
    {
        SimulatedHost host(*HostUri::parse(QStringLiteral("demo:zlab-b")), *demo::initialState(QStringLiteral("zlab-b")),
                           std::make_shared<FailingRecords>());
        auto r = await(host.apply(plans::createMdev(QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001"))));
        QVERIFY(r);
        QVERIFY(r->ok); // the write happened ...
        QVERIFY(r->notRecorded); // ... but its record did not, and the caller hears it
        QVERIFY(r->notRecorded->detail.contains(QLatin1String("locked")));
        // The unsaved state stays visible in every read until a save succeeds.
        auto snap = await(host.readInventory());
        QVERIFY(snap);
        QVERIFY(std::any_of(snap->issues.cbegin(), snap->issues.cend(),
                            [](const Error &e) { return e.detail.contains(QLatin1String("not saved")); }));
    }

    // A step fails, then the undo of the step before it fails too: the host is read back, the
    // report names what differs, and the store's journal holds every write including the failed undo.
    void failingUndoIsReadBack()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("j.db")));
        QVERIFY(store);
        SimulatedHost host(*HostUri::parse(QStringLiteral("demo:zlab-a")), withoutApConfig(QStringLiteral("zlab-a")), *store);
        const HostSnapshot s = host.snapshot();
        MatrixAssignment target{IdMask::fromIds({1, 5}), IdMask::fromIds({0x11, 0x14, 0x15}), IdMask::fromIds({0x11})};
        const WritePlan plan = plans::changeMatrix(s, kPayments, target);
        QCOMPARE(plan.steps.size(), 6);
        host.failWrite(4, EIO); // "assign adapter 5"
        host.failWrite(5, EIO); // its first undo: "assign adapter 2" again
        auto r = await(host.apply(plan));
        QVERIFY(r);
        QVERIFY(!r->ok);
        QCOMPARE(r->failedStep, 3);
        QVERIFY(!r->rolledBack);
        QCOMPARE(r->differences.size(), 1);
        QVERIFY(r->differences.first().startsWith(QStringLiteral("mdev ") + kPayments));
        QVERIFY(*host.snapshot().mdev(kPayments) != *s.mdev(kPayments)); // the read-back tells the truth
        QVERIFY(!r->notRecorded);

        auto journal = (*store)->journal(QStringLiteral("demo:zlab-a"));
        QVERIFY(journal);
        QCOMPARE(journal->size(), 4 + 3);
        const JournalEntry &failedUndo = journal->at(2); // newest first: undo 3, undo 2, undo 1 (failed), ...
        QVERIFY(failedUndo.rollback);
        QCOMPARE(failedUndo.err, EIO);
        QCOMPARE(failedUndo.before, failedUndo.after);
        QCOMPARE(journal->at(3).err, EIO); // the failed step itself
        QVERIFY(!journal->at(3).rollback);
    }

    // With ap_config the change is one write: when it fails there is nothing to undo, and the
    // host, read back, is as before.
    void failingApConfigWriteLeavesHostAsBefore()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("c.db")));
        QVERIFY(store);
        SimulatedHost host(*HostUri::parse(QStringLiteral("demo:zlab-a")), *demo::initialState(QStringLiteral("zlab-a")), *store);
        const HostSnapshot s = host.snapshot();
        MatrixAssignment target{IdMask::fromIds({1, 2}), IdMask::fromIds({0x11, 0x12, 0x13}), IdMask::fromIds({0x11})};
        const WritePlan plan = plans::changeMatrix(s, kPayments, target);
        QCOMPARE(plan.steps.size(), 1);
        host.failWrite(1, EIO);
        auto r = await(host.apply(plan));
        QVERIFY(r);
        QVERIFY(!r->ok);
        QCOMPARE(r->failedStep, 0);
        QVERIFY(r->rolledBack);
        QCOMPARE(r->differences, QStringList());
        QCOMPARE(*host.snapshot().mdev(kPayments), *s.mdev(kPayments));
        auto journal = (*store)->journal(QStringLiteral("demo:zlab-a"));
        QVERIFY(journal);
        QCOMPARE(journal->size(), 1);
        QCOMPARE(journal->first().err, EIO);
        QVERIFY(journal->first().path.endsWith(QLatin1String("/ap_config")));
        QCOMPARE(journal->first().before, journal->first().after);
    }

    void persistsAcrossRestart()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("apconsole.db"));
        {
            auto store = Store::open(db);
            QVERIFY(store);
            auto backend = createBackend(*HostUri::parse(QStringLiteral("demo:zlab-b")), *store);
            QVERIFY(backend);
            auto snap = await((*backend)->readInventory());
            QVERIFY(snap);
            auto r = await((*backend)->apply(plans::createMdev(QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001"))));
            QVERIFY(r && r->ok);
            auto journal = (*store)->journal(QStringLiteral("demo:zlab-b"));
            QVERIFY(journal);
            QCOMPARE(journal->size(), 1);
        }
        auto store = Store::open(db);
        QVERIFY(store);
        auto backend = createBackend(*HostUri::parse(QStringLiteral("demo:zlab-b")), *store);
        auto snap = await((*backend)->readInventory());
        QVERIFY(snap);
        QVERIFY(snap->mdev(QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001")));
        QVERIFY((*store)->resetSimulatedHosts().ok());
        auto fresh = createBackend(*HostUri::parse(QStringLiteral("demo:zlab-b")), *store);
        auto snap2 = await((*fresh)->readInventory());
        QVERIFY(!snap2->mdev(QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001")));
    }

    void slowHostTimesOut()
    {
        // The deadline, not the host, ends the read: a minute of latency would outlast any load.
        auto host = demoHost(QStringLiteral("zlab-c"));
        host->setLatency(60000);
        QElapsedTimer t;
        t.start();
        auto r = await(host->readInventory({100}));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Timeout);
        QCOMPARE(r.error().where, QStringLiteral("demo:zlab-c"));
        QVERIFY(t.elapsed() < 30000);
    }

    void cancelStopsRead()
    {
        // Cancelled once running, the read ends at once instead of after its minute of latency.
        auto host = demoHost(QStringLiteral("zlab-c"));
        host->setLatency(60000);
        QFutureWatcher<Result<HostSnapshot>> watcher;
        QSignalSpy started(&watcher, &QFutureWatcherBase::started);
        QFuture<Result<HostSnapshot>> f = host->readInventory();
        watcher.setFuture(f);
        QVERIFY(started.count() > 0 || started.wait(10000));
        f.cancel();
        QElapsedTimer t;
        t.start();
        f.waitForFinished();
        QVERIFY(t.elapsed() < 30000);
        QVERIFY(f.isCanceled());
    }

    void unreachableHost()
    {
        auto host = demoHost(QStringLiteral("zlab-c"));
        host->setReachable(false);
        auto r = await(host->readInventory());
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Unreachable);
        auto w = await(host->apply(plans::removeMdev(demo::uuids::legacy)));
        QVERIFY(!w);
        QVERIFY(host->snapshot().mdev(demo::uuids::legacy)); // nothing written
    }

    void demoFleetShape()
    {
        // Three hosts; two carry the migration series; a deconfigured adapter; host-owned queues;
        // running guests; master keys that differ between zlab-a and zlab-b.
        const HostSnapshot a = *demo::initialState(QStringLiteral("zlab-a"));
        const HostSnapshot b = *demo::initialState(QStringLiteral("zlab-b"));
        const HostSnapshot c = *demo::initialState(QStringLiteral("zlab-c"));
        QVERIFY(a.matrix.has(u"migratable") && b.matrix.has(u"migratable") && !c.matrix.has(u"migratable"));
        QVERIFY(std::any_of(a.cards.cbegin(), a.cards.cend(), [](const Card &x) { return !x.config; }));
        QVERIFY(std::any_of(a.queues.cbegin(), a.queues.cend(), [](const Queue &q) { return q.isBoundToZcrypt(); }));
        QCOMPARE(a.bus.maxDomainId, 84);
        QCOMPARE(c.cards.first().typeName(), QStringLiteral("CEX7C"));
        const Apqn q{1, 0x12};
        QVERIFY(a.knownMkvps(q) && b.knownMkvps(q));
        QVERIFY(!(*a.knownMkvps(q) == *b.knownMkvps(q)));
        QCOMPARE(a.queue(Apqn{1, 0x11})->vfioStatus, VfioQueueStatus::InUse);
    }

    void unknownDemoHost()
    {
        auto b = createBackend(*HostUri::parse(QStringLiteral("demo:nowhere")));
        QVERIFY(!b);
        QCOMPARE(b.error().code, ErrorCode::NotFound);
        QVERIFY(b.error().hint.contains(QLatin1String("zlab-a")));
    }
};

QTEST_GUILESS_MAIN(TstSimulatedHost)
#include "tst_simulatedhost.moc"
