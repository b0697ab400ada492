// The migration wizard on the demo fleet: a whole live run with the override of a blocked
// pre-check, a run with an injected failure, what the diagrams and the timeline show, the
// stored run, and the CLI printing exactly the events the wizard recorded.
#include <fleet/fleet.h>
#include <migration/migrationpages.h>
#include <migration/migrationrunpage.h>
#include <migration/migrationrunswindow.h>
#include <migration/migrationtimeline.h>
#include <migration/migrationwizard.h>
#include <migration/vfiostatediagram.h>

#include <hosts/demofleet.h>
#include <store/runrecord.h>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace ap;
using namespace ap::ui;
using namespace ap::migration;

namespace {

bool waitConnected(Fleet &fleet)
{
    return QTest::qWaitFor([&] {
        return std::all_of(fleet.sessions().cbegin(), fleet.sessions().cend(),
                           [](HostSession *s) { return s->state() == HostSession::State::Connected; });
    }, 10000);
}

/// Walks the wizard to the end of its run. Returns false if a page never became complete.
bool drive(MigrationWizard &w, const QString &target, InjectedFailure failure)
{
    w.show();
    auto *dest = qobject_cast<DestinationPage *>(w.page(MigrationWizard::DestinationPageId));
    if (!dest->selectDestination(target))
        return false;
    w.next();
    auto *pre = qobject_cast<PrecheckPage *>(w.page(MigrationWizard::PrecheckPageId));
    if (!QTest::qWaitFor([&] { return !pre->isBusy() && w.report.has_value(); }, 10000))
        return false;
    if (!w.report->ready) {
        if (pre->isComplete()) // a report with errors must block until overridden
            return false;
        pre->overrideEdit()->setText(w.guest() + QStringLiteral("x"));
        if (pre->isComplete())
            return false;
        pre->overrideEdit()->setText(w.guest());
    }
    if (!pre->isComplete())
        return false;
    w.next();
    auto *strategy = qobject_cast<StrategyPage *>(w.page(MigrationWizard::StrategyPageId));
    strategy->failureBox()->setCurrentIndex(strategy->failureBox()->findData(int(failure)));
    w.next();
    if (w.currentId() != MigrationWizard::PlanPageId)
        return false;
    w.next(); // commit: the run starts
    return QTest::qWaitFor([&] { return w.page(MigrationWizard::RunPageId)->isComplete(); }, 20000);
}

QList<QJsonObject> withoutTime(const QList<RunEvent> &events)
{
    QList<QJsonObject> out;
    for (const RunEvent &e : events)
        out.append(e.toJson(false));
    return out;
}

} // namespace

class TstMigrationWizard : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    std::shared_ptr<Store> openStore(const QString &name)
    {
        auto s = Store::open(m_dir.filePath(name));
        return s ? *s : nullptr;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!qEnvironmentVariableIsSet("APCONSOLE_MIGRATION_PACE_MS"))
            qputenv("APCONSOLE_MIGRATION_PACE_MS", "0"); // set it to watch a run at the console's pace
    }

    void liveRunThroughTheWizard()
    {
        auto store = openStore(QStringLiteral("wizard.db"));
        QVERIFY(store);
        Fleet fleet(store);
        fleet.loadDefault();
        QVERIFY(waitConnected(fleet));
        MigrationWizard w(&fleet, fleet.session(QStringLiteral("demo:zlab-a")), QStringLiteral("payments-01"));
        QVERIFY(drive(w, QStringLiteral("demo:zlab-b"), InjectedFailure::None));
        QCOMPARE(w.plan->strategy, Strategy::Live);
        QVERIFY(!w.report->ready); // the APKA master keys differ between zlab-a and zlab-b: overridden above

        // The plan page listed every step, the checkpoint and the point of no return marked.
        auto *plan = qobject_cast<PlanPage *>(w.page(MigrationWizard::PlanPageId));
        QCOMPARE(plan->steps()->topLevelItemCount(), int(w.plan->steps.size()));

        const RunEvent result = w.job->events().constLast();
        QVERIFY(result.ok);
        auto *run = qobject_cast<RunPage *>(w.page(MigrationWizard::RunPageId));
        // The diagrams drew exactly the arcs of the run's state events.
        QList<std::pair<VfioState, VfioState>> src, dst;
        for (const RunEvent &e : w.job->events())
            if (e.kind == RunEvent::Kind::State)
                (e.side == Side::Source ? src : dst).append({e.from, e.to});
        QCOMPARE(run->sourceDiagram()->arcs(), src);
        QCOMPARE(run->destinationDiagram()->arcs(), dst);
        QCOMPARE(run->sourceDiagram()->current(), std::optional<VfioState>()); // closed
        QCOMPARE(run->destinationDiagram()->current(), std::optional<VfioState>(VfioState::Running));
        QVERIFY(run->timeline()->pointCount() > 10);
        QVERIFY(run->isComplete());

        // Screenshot of the run page for the README and for a human to look at.
        const QString artifacts = QStringLiteral(APCONSOLE_ARTIFACTS);
        QDir().mkpath(artifacts);
        w.grab().save(artifacts + QStringLiteral("/wizard-run.png"));

        w.next();
        auto *res = qobject_cast<ResultPage *>(w.page(MigrationWizard::ResultPageId));
        QVERIFY(res->summaryText().contains(QLatin1String("payments-01 now runs on demo:zlab-b")));
        QVERIFY(w.storedRunId > 0);
        QTRY_VERIFY(fleet.session(QStringLiteral("demo:zlab-b"))->snapshot()->guest(u"payments-01"));

        // Stored: the same events, in order; the history lists it with its steps.
        const auto stored = store->migrationRun(w.storedRunId);
        QVERIFY(stored.ok());
        QCOMPARE(stored->events.size(), w.job->events().size());
        QVERIFY(stored->ok);
        MigrationRunsWindow history(store, QString());
        QAbstractItemModelTester tester(history.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(history.model()->rowCount(), 1);
        const QString exported = m_dir.filePath(QStringLiteral("run.json"));
        QVERIFY(history.exportSelected(exported).ok());
        QFile f(exported);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(json.value(QLatin1String("events")).toArray().size(), w.job->events().size());
        QCOMPARE(json.value(QLatin1String("steps")).toArray().size(), w.plan->steps.size());
    }

    void injectedFailureShowsWhereAndBringsTheGuestBack()
    {
        Fleet fleet(openStore(QStringLiteral("failure.db")));
        fleet.loadDefault();
        QVERIFY(waitConnected(fleet));
        MigrationWizard w(&fleet, fleet.session(QStringLiteral("demo:zlab-a")), QStringLiteral("payments-01"));
        QVERIFY(drive(w, QStringLiteral("demo:zlab-b"), InjectedFailure::Incompatible));
        const RunEvent result = w.job->events().constLast();
        QVERIFY(!result.ok);
        QCOMPARE(result.step, QStringLiteral("destination-resuming"));
        auto *run = qobject_cast<RunPage *>(w.page(MigrationWizard::RunPageId));
        QCOMPARE(run->sourceDiagram()->current(), std::optional<VfioState>(VfioState::Running));
        QCOMPARE(run->destinationDiagram()->current(), std::optional<VfioState>()); // closed after the failure
        QVERIFY(run->kernelLog()->toPlainText().contains(QLatin1String("not compatible")));
        w.next();
        auto *res = qobject_cast<ResultPage *>(w.page(MigrationWizard::ResultPageId));
        QVERIFY(res->summaryText().contains(QLatin1String("EFAULT")));
        QVERIFY(res->summaryText().contains(QLatin1String("payments-01 runs on demo:zlab-a again")));
        QTRY_COMPARE(fleet.session(QStringLiteral("demo:zlab-a"))->snapshot()->guest(u"payments-01")->state, Guest::State::Running);
        // The history keeps the typed override past the blocking findings and the injected failure.
        const auto stored = fleet.store()->migrationRun(w.storedRunId);
        QVERIFY(stored.ok());
        QCOMPARE(stored->overrideText, QStringLiteral("payments-01"));
        QVERIFY(stored->overriddenFindings.contains(QStringLiteral("master_key_mismatch")));
        QCOMPARE(stored->injectedFailure, QStringLiteral("incompatible"));
        MigrationRunsWindow history(fleet.store(), QString());
        const QString decisions = history.model()->index(0, MigrationRunsModel::Decisions).data().toString();
        QVERIFY2(decisions.contains(QLatin1String("master_key_mismatch")) && decisions.contains(QLatin1String("injected")), qPrintable(decisions));
    }

    void cliPrintsWhatTheWizardRecorded_data()
    {
        QTest::addColumn<int>("failure");
        QTest::newRow("success") << int(InjectedFailure::None);
        QTest::newRow("fewer queues") << int(InjectedFailure::FewerQueues);
    }
    void cliPrintsWhatTheWizardRecorded()
    {
        QFETCH(int, failure);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
        Fleet fleet(openStore(QStringLiteral("gui-%1.db").arg(tag)));
        fleet.loadDefault();
        QVERIFY(waitConnected(fleet));
        MigrationWizard w(&fleet, fleet.session(QStringLiteral("demo:zlab-a")), QStringLiteral("payments-01"));
        QVERIFY(drive(w, QStringLiteral("demo:zlab-b"), InjectedFailure(failure)));

        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("APCONSOLE_DB"), m_dir.filePath(QStringLiteral("cli-%1.db").arg(tag)));
        cli.setProcessEnvironment(env);
        QStringList args{QStringLiteral("migrate"), QStringLiteral("--source"), QStringLiteral("demo:zlab-a"), QStringLiteral("--target"),
                         QStringLiteral("demo:zlab-b"), QStringLiteral("--guest"), QStringLiteral("payments-01")};
        if (InjectedFailure(failure) != InjectedFailure::None)
            args << QStringLiteral("--inject") << injectedFailureName(InjectedFailure(failure));
        cli.start(QStringLiteral(APCONSOLE_CLI), args);
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), failure == int(InjectedFailure::None) ? 0 : 1);
        QList<RunEvent> printed;
        for (const QByteArray &line : cli.readAllStandardOutput().split('\n')) {
            if (line.isEmpty())
                continue;
            const auto e = RunEvent::fromJson(QJsonDocument::fromJson(line).object());
            QVERIFY2(e, line.constData());
            printed.append(*e);
        }
        QCOMPARE(withoutTime(printed), withoutTime(w.job->events()));
    }
};

QTEST_MAIN(TstMigrationWizard)
#include "tst_migrationwizard.moc"
