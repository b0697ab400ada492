// Migration runs on simulated hosts: whole live and replug runs, every injected failure, cancel,
// the arcs against the state machine, and the stored record.
#include <hosts/demofleet.h>
#include <hosts/simulatedhost.h>
#include <migration/migrationjob.h>
#include <migration/migrationplan.h>
#include <store/runrecord.h>
#include <migration/simulatedrun.h>
#include <store/store.h>

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <memory>

using namespace ap;
using namespace ap::migration;

namespace {

struct Fleet {
    std::unique_ptr<SimulatedHost> a;
    std::unique_ptr<SimulatedHost> b;
    Fleet()
    {
        a = std::make_unique<SimulatedHost>(*HostUri::parse(QStringLiteral("demo:zlab-a")), *demo::initialState(QStringLiteral("zlab-a")));
        b = std::make_unique<SimulatedHost>(*HostUri::parse(QStringLiteral("demo:zlab-b")), *demo::initialState(QStringLiteral("zlab-b")));
    }
};

MigrationPlan planFor(Fleet &f, const QString &guest, std::optional<Strategy> s, DriverProfile p = DriverProfile::V2)
{
    MigrationRequest r;
    r.guest = guest;
    r.strategy = s;
    r.profile = p;
    auto plan = buildPlan(f.a->snapshot(), f.b->snapshot(), r);
    if (!plan)
        qFatal("%s", qPrintable(plan.error().toString()));
    return *plan;
}

struct Recorded {
    QList<RunEvent> events;
    RunEvent result;
};

Recorded runIt(Fleet &f, const MigrationPlan &plan, RunOptions o = {}, const std::function<bool(const RunEvent &)> &cancelWhen = {})
{
    Recorded r;
    std::atomic_bool cancel = false;
    r.result = runSimulatedMigration(*f.a, *f.b, plan, o, [&](const RunEvent &e) {
        r.events.append(e);
        if (cancelWhen && cancelWhen(e))
            cancel.store(true);
    }, cancel);
    return r;
}

QList<RunEvent> ofKind(const QList<RunEvent> &events, RunEvent::Kind k)
{
    QList<RunEvent> out;
    for (const RunEvent &e : events)
        if (e.kind == k)
            out.append(e);
    return out;
}

/// Every request's arcs, grouped as the runner announced them, must equal statePath().
void verifyArcsFollowTheStateMachine(const QList<RunEvent> &events)
{
    for (const Side side : {Side::Source, Side::Destination}) {
        QList<RunEvent> states;
        for (const RunEvent &e : ofKind(events, RunEvent::Kind::State))
            if (e.side == side)
                states.append(e);
        qsizetype i = 0;
        while (i < states.size()) {
            const VfioState start = states.at(i).from;
            const VfioState requested = states.at(i).requested;
            QList<VfioState> taken;
            VfioState at = start;
            while (i < states.size() && states.at(i).requested == requested && states.at(i).from == at) {
                taken.append(states.at(i).to);
                at = states.at(i).to;
                ++i;
                if (at == requested)
                    break;
            }
            const auto expected = statePath(start, requested, StopCopyFlag);
            QVERIFY(expected.ok());
            QCOMPARE(taken, *expected);
        }
    }
}

} // namespace

class TstMigrationRun : public QObject {
    Q_OBJECT
private slots:
    void strategyIsChosenAndExplained()
    {
        const HostSnapshot a = *demo::initialState(QStringLiteral("zlab-a"));
        const HostSnapshot b = *demo::initialState(QStringLiteral("zlab-b"));
        const HostSnapshot c = *demo::initialState(QStringLiteral("zlab-c"));
        QCOMPARE(chooseStrategy(a, b).chosen, Strategy::Live);
        const StrategyChoice toC = chooseStrategy(a, c);
        QCOMPARE(toC.chosen, Strategy::Replug);
        QCOMPARE(toC.liveBlockers, QStringList{QStringLiteral("target-not-migratable")});
        MigrationRequest r;
        r.guest = QStringLiteral("payments-01");
        r.strategy = Strategy::Live;
        const auto refused = buildPlan(a, c, r);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Unsupported);
        r.guest = QStringLiteral("dev-sandbox");
        QCOMPARE(buildPlan(a, b, r).error().code, ErrorCode::Usage); // shut off
        r.guest = QStringLiteral("nobody");
        QCOMPARE(buildPlan(a, b, r).error().code, ErrorCode::NotFound);
    }

    void livePlanStagesTheVfioArcs()
    {
        Fleet f;
        const MigrationPlan p = planFor(f, QStringLiteral("payments-01"), std::nullopt);
        QCOMPARE(p.strategy, Strategy::Live);
        QCOMPARE(p.stepIds(), (QStringList{QStringLiteral("verify-destination"), QStringLiteral("destination-open"), QStringLiteral("memory-copy"),
                                           QStringLiteral("source-stop-copy"), QStringLiteral("destination-resuming"),
                                           QStringLiteral("destination-running"), QStringLiteral("source-stop")}));
        QCOMPARE(p.step(StepId::SourceStopCopy)->path, (QList<VfioState>{VfioState::Stop, VfioState::StopCopy}));
        QCOMPARE(p.step(StepId::DestinationRunning)->path, (QList<VfioState>{VfioState::Stop, VfioState::Running}));
        QVERIFY(p.step(StepId::DestinationResuming)->driverChecks);
        QVERIFY(p.step(StepId::DestinationRunning)->pointOfNoReturn);
        QCOMPARE(p.streamBytes, 8 + 16 * 4);
    }

    void missingDestinationMdevIsOfferedAndValidated()
    {
        Fleet f;
        const MigrationPlan p = planFor(f, QStringLiteral("batch-07"), std::nullopt);
        QVERIFY(!p.destinationHasMdev);
        QVERIFY(p.creation);
        QCOMPARE(p.creation->err, 0);
        QVERIFY(p.createMdev);
        QCOMPARE(p.steps.first().id, StepId::CreateMdev);
    }

    // The offer asks ap-check's start rules first: control domains without a usage domain are
    // refused before the driver model is asked, and the mdev is not created.
    void destinationMdevAsksTheStartRules()
    {
        Fleet f;
        HostSnapshot source = f.a->snapshot();
        const Guest *g = source.guest(u"batch-07");
        QVERIFY(g);
        Mdev *m = source.mdev(g->mdev);
        QVERIFY(m);
        m->domains = IdMask();
        m->controlDomains = IdMask::fromIds({0x10});
        MigrationRequest r;
        r.guest = QStringLiteral("batch-07");
        const auto plan = buildPlan(source, f.b->snapshot(), r);
        QVERIFY(plan);
        QVERIFY(plan->creation);
        QVERIFY(!plan->creation->ok());
        QCOMPARE(plan->creation->startRules.size(), 1);
        QCOMPARE(plan->creation->startRules.first().rule, definitions::Rule::ControlWithoutUsage);
        QVERIFY(!plan->createMdev);
    }

    void fullLiveRun_data()
    {
        QTest::addColumn<int>("profile");
        QTest::addColumn<qint64>("chunk");
        QTest::newRow("v2, 16-byte chunks") << int(DriverProfile::V2) << qint64(16);
        QTest::newRow("v2, one write") << int(DriverProfile::V2) << qint64(4096);
        QTest::newRow("v3, one write") << int(DriverProfile::V3) << qint64(4096);
    }
    void fullLiveRun()
    {
        QFETCH(int, profile);
        QFETCH(qint64, chunk);
        Fleet f;
        const MigrationPlan p = planFor(f, QStringLiteral("payments-01"), Strategy::Live, DriverProfile(profile));
        RunOptions o;
        o.chunkBytes = chunk;
        const Recorded r = runIt(f, p, o);
        QVERIFY2(r.result.ok, qPrintable(r.result.text));
        QCOMPARE(r.result.destinationState, std::optional<VfioState>(VfioState::Running));
        QCOMPARE(r.result.sourceState, std::optional<VfioState>()); // closed
        QVERIFY(!f.a->snapshot().guest(u"payments-01"));
        const HostSnapshot destination = f.b->snapshot(); // a copy: the pointer below points into it
        const Guest *moved = destination.guest(u"payments-01");
        QVERIFY(moved);
        QCOMPARE(moved->state, Guest::State::Running);
        QCOMPARE(moved->mdev, demo::uuids::payments);
        verifyArcsFollowTheStateMachine(r.events);
        const QList<RunEvent> stream = ofKind(r.events, RunEvent::Kind::Stream);
        QCOMPARE(stream.size(), (p.streamBytes + chunk - 1) / chunk);
        QCOMPARE(stream.last().bytes, p.streamBytes);
        // Memory progress never goes backwards.
        qint64 last = -1;
        for (const RunEvent &m : ofKind(r.events, RunEvent::Kind::Memory)) {
            QVERIFY(m.bytes > last);
            last = m.bytes;
        }
    }

    void fullReplugRun()
    {
        Fleet f;
        const MigrationPlan p = planFor(f, QStringLiteral("payments-01"), Strategy::Replug);
        const Recorded r = runIt(f, p);
        QVERIFY2(r.result.ok, qPrintable(r.result.text));
        QVERIFY(ofKind(r.events, RunEvent::Kind::State).isEmpty()); // no VFIO migration
        const HostSnapshot b = f.b->snapshot();
        QCOMPARE(b.guest(u"payments-01")->mdev, demo::uuids::payments);
        QCOMPARE(b.mdev(demo::uuids::payments)->guestMatrix().size(), qsizetype(p.queues));
        QVERIFY(!f.a->snapshot().guest(u"payments-01"));
    }

    void injectedFailureEndsInTheDocumentedState_data()
    {
        QTest::addColumn<QString>("failure");
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<QString>("failedStep");
        QTest::addColumn<int>("err");
        QTest::addColumn<QString>("logPart");
        QTest::addColumn<bool>("destinationOpen");
        QTest::newRow("incompatible") << "incompatible" << "live" << "destination-resuming" << EFAULT << "not compatible" << true;
        QTest::newRow("fewer queues") << "fewer-queues" << "live" << "destination-resuming" << EIO << "larger than target's" << true;
        QTest::newRow("more queues") << "more-queues" << "live" << "destination-resuming" << ENODEV << "guests differ" << true;
        QTest::newRow("missing mdev") << "missing-mdev" << "live" << "verify-destination" << ENODEV << "" << false;
        QTest::newRow("config change") << "config-change" << "live" << "destination-resuming" << EIO << "larger than target's" << true;
        QTest::newRow("host away") << "host-away" << "live" << "destination-resuming" << EHOSTUNREACH << "" << false;
        QTest::newRow("replug, missing mdev") << "missing-mdev" << "replug" << "verify-destination" << ENODEV << "" << false;
        QTest::newRow("replug, host away") << "host-away" << "replug" << "memory-copy" << EHOSTUNREACH << "" << false;
    }
    void injectedFailureEndsInTheDocumentedState()
    {
        QFETCH(QString, failure);
        QFETCH(QString, strategy);
        QFETCH(QString, failedStep);
        QFETCH(int, err);
        QFETCH(QString, logPart);
        QFETCH(bool, destinationOpen);
        Fleet f;
        const HostSnapshot before = f.a->snapshot();
        const HostSnapshot destinationBefore = f.b->snapshot();
        const MigrationPlan p = planFor(f, QStringLiteral("payments-01"), parseStrategy(strategy));
        RunOptions o;
        o.inject = *parseInjectedFailure(failure);
        const Recorded r = runIt(f, p, o);
        QVERIFY(!r.result.ok);
        QCOMPARE(r.result.step, failedStep);
        QCOMPARE(r.result.err, err);
        if (!logPart.isEmpty())
            QVERIFY2(r.result.log.join(u'\n').contains(logPart), qPrintable(r.result.log.join(u'\n')));
        QCOMPARE(r.result.destinationState.has_value(), destinationOpen);
        if (strategy == u"live")
            QCOMPARE(r.result.sourceState, std::optional<VfioState>(VfioState::Running));
        // Nothing lost: the guest runs on the source with its mdev, and the source is as it was.
        const HostSnapshot after = f.a->snapshot();
        QVERIFY(after.sameSysfsState(before));
        QCOMPARE(after.guest(u"payments-01")->state, Guest::State::Running);
        QCOMPARE(after.guest(u"payments-01")->mdev, demo::uuids::payments);
        QVERIFY(!f.b->snapshot().guest(u"payments-01"));
        QVERIFY(f.b->isReachable());
        // The injected failure is scoped to the run: the destination is as it was, too.
        QVERIFY(f.b->snapshot().sameSysfsState(destinationBefore));
        verifyArcsFollowTheStateMachine(r.events);
    }

    void cancelBeforeThePointOfNoReturnRestoresTheSource()
    {
        Fleet f;
        const MigrationPlan p = planFor(f, QStringLiteral("payments-01"), Strategy::Live);
        const Recorded r = runIt(f, p, {}, [](const RunEvent &e) { return e.kind == RunEvent::Kind::Memory && e.iteration == 1; });
        QVERIFY(!r.result.ok);
        QCOMPARE(r.result.step, QStringLiteral("memory-copy"));
        QCOMPARE(r.result.text, QStringLiteral("canceled"));
        QCOMPARE(f.a->snapshot().guest(u"payments-01")->state, Guest::State::Running);
        // The step the operator stopped is "cancelled", not a failure with ECANCELED.
        bool cancelled = false;
        for (const RunEvent &e : ofKind(r.events, RunEvent::Kind::Step)) {
            QVERIFY2(e.status != RunEvent::StepStatus::Failed, qPrintable(e.step));
            if (e.step == u"memory-copy" && e.status == RunEvent::StepStatus::Cancelled) {
                cancelled = true;
                QCOMPARE(e.err, 0);
            }
        }
        QVERIFY(cancelled);
        const Store::MigrationRun stored = runRecord(p, r.events, QDateTime::currentDateTimeUtc());
        const auto step = std::find_if(stored.steps.cbegin(), stored.steps.cend(), [](const auto &s) { return s.step == u"memory-copy"; });
        QVERIFY(step != stored.steps.cend());
        QCOMPARE(step->outcome, QStringLiteral("cancelled"));
        QVERIFY(step->errnoName.isEmpty());
        QVERIFY(RunEvent::fromJson(ofKind(r.events, RunEvent::Kind::Step).constLast().toJson())); // "cancelled" reads back
    }

    void cancelPastThePointOfNoReturnIsIgnored()
    {
        Fleet f;
        const MigrationPlan p = planFor(f, QStringLiteral("payments-01"), Strategy::Live);
        const Recorded r = runIt(f, p, {}, [](const RunEvent &e) {
            return e.kind == RunEvent::Kind::Step && e.step == u"destination-running" && e.status == RunEvent::StepStatus::Started;
        });
        QVERIFY(r.result.ok);
        QVERIFY(f.b->snapshot().guest(u"payments-01"));
    }

    void jobReportsEventsAndFinishes()
    {
        Fleet f;
        const MigrationPlan p = planFor(f, QStringLiteral("payments-01"), Strategy::Live);
        MigrationJob job([&](const MigrationJob::Sink &sink, const std::atomic_bool &cancel) {
            return runSimulatedMigration(*f.a, *f.b, p, {}, sink, cancel);
        });
        QSignalSpy finished(&job, &MigrationJob::finished);
        QSignalSpy events(&job, &MigrationJob::runEvent);
        job.start();
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.first().first().value<RunEvent>().ok);
        QCOMPARE(events.size(), job.events().size());
        QCOMPARE(job.events().last().kind, RunEvent::Kind::Result);
    }

    void destroyingARunningJobDoesNotWait()
    {
        QSemaphore release;
        auto ended = std::make_shared<std::atomic_bool>(false);
        auto *job = new MigrationJob([&release, ended](const MigrationJob::Sink &sink, const std::atomic_bool &) {
            // Bounded, so that a job that waits for its run fails the test instead of hanging it.
            release.tryAcquire(1, 5000);
            sink(RunEvent{}); // to a job that is gone: dropped
            ended->store(true);
            return RunEvent{};
        });
        QSignalSpy gone(job, &QObject::destroyed);
        job->start();
        QElapsedTimer t;
        t.start();
        delete job;
        QVERIFY2(t.elapsed() < 1000, qPrintable(QStringLiteral("%1 ms").arg(t.elapsed())));
        QCOMPARE(gone.size(), 1);
        QVERIFY(!ended->load()); // the run goes on without the job
        release.release();
        QTRY_VERIFY(ended->load());
    }

    void eventsRoundTripAndRunsAreStored()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("runs.db")));
        QVERIFY(store.ok());
        Fleet f;
        const MigrationPlan p = planFor(f, QStringLiteral("payments-01"), Strategy::Live);
        RunOptions o;
        o.inject = InjectedFailure::Incompatible;
        const Recorded r = runIt(f, p, o);
        for (const RunEvent &e : r.events) {
            const auto back = RunEvent::fromJson(e.toJson());
            QVERIFY(back);
            QCOMPARE(back->toJson(), e.toJson());
        }
        const auto id = (*store)->saveMigrationRun(runRecord(p, r.events, QDateTime::currentDateTimeUtc()));
        QVERIFY(id.ok());
        const auto runs = (*store)->migrationRuns(QStringLiteral("payments-01"));
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), 1);
        QCOMPARE(runs->first().failedStep, QStringLiteral("destination-resuming"));
        QCOMPARE(runs->first().errnoName, QStringLiteral("EFAULT"));
        QCOMPARE(runs->first().steps.size(), p.steps.size());
        QCOMPARE(runs->first().steps.at(4).outcome, QStringLiteral("failed"));
        QCOMPARE(runs->first().steps.last().outcome, QStringLiteral("not run"));
        const auto one = (*store)->migrationRun(*id);
        QVERIFY(one.ok());
        QCOMPARE(one->events.size(), r.events.size());
        QCOMPARE(runRecordToJson(*one).value(QLatin1String("events")).toArray().size(), r.events.size());
    }
};

QTEST_GUILESS_MAIN(TstMigrationRun)
#include "tst_migrationrun.moc"
