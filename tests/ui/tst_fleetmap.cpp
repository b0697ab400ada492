// The fleet map window (its model under QAbstractItemModelTester, sorting, filtering, export,
// refresh when a host changes) and the evacuation dialog running a demo evacuation.
#include <fleet/fleet.h>
#include <planning/evacuationdialog.h>
#include <planning/fleetmapmodel.h>
#include <planning/fleetmapwindow.h>

#include <hosts/demofleet.h>

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace ap;
using namespace ap::ui;

class TstFleetMap : public QObject {
    Q_OBJECT
private:
    static bool allConnected(const Fleet &fleet)
    {
        return std::all_of(fleet.sessions().cbegin(), fleet.sessions().cend(),
                           [](HostSession *s) { return s->state() == HostSession::State::Connected; });
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void modelUnderTester()
    {
        FleetMapModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(FleetMapModel::SortRole);
        proxy.setFilterKeyColumn(-1);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<HostSnapshot> hosts;
        for (const QString &n : demo::hostNames())
            hosts.append(*demo::initialState(n));
        model.setMap(fleet::computeFleetMap(hosts, migration::DriverProfile::V2));
        QCOMPARE(model.columnCount(), FleetMapModel::FirstDestinationColumn + int(hosts.size()));
        QVERIFY(model.rowCount() >= 9);
        // The guest's own host is a dash; every other cell says its verdict in words.
        const int zlabA = FleetMapModel::FirstDestinationColumn;
        const int zlabD = FleetMapModel::FirstDestinationColumn + 3;
        int payments = -1;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.index(r, FleetMapModel::GuestColumn).data().toString() == QLatin1String("payments-01"))
                payments = r;
        QVERIFY(payments >= 0);
        QCOMPARE(model.index(payments, zlabA).data().toString(), QStringLiteral("—"));
        QVERIFY(!model.placement(model.index(payments, zlabA)));
        QCOMPARE(model.index(payments, zlabD).data().toString(), QStringLiteral("live, new mdev"));
        QVERIFY(model.index(payments, zlabD).data(Qt::ToolTipRole).toString().contains(QLatin1String("01.0011")));
        QVERIFY(model.index(payments, zlabD + 2).data(Qt::ToolTipRole).toString().contains(QLatin1String("master keys")));
        QCOMPARE(model.headerData(zlabD, Qt::Horizontal).toString(), QStringLiteral("→ demo:zlab-d"));

        // Sorting a destination column puts live before replug before refused.
        proxy.sort(zlabD, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, zlabD).data(FleetMapModel::VerdictRole).toInt(), int(fleet::Verdict::Live));
        QVERIFY(proxy.index(proxy.rowCount() - 1, zlabD).data(FleetMapModel::SortRole).toInt() >= int(fleet::Verdict::Refused));
        proxy.setFilterFixedString(QStringLiteral("legacy"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterFixedString(QString());

        // A second map replaces the first (a reset the tester checks).
        model.setMap(fleet::computeFleetMap(hosts.mid(0, 2), migration::DriverProfile::V3));
        QCOMPARE(model.columnCount(), FleetMapModel::FirstDestinationColumn + 2);
    }

    void windowFollowsTheFleetAndExports()
    {
        Fleet fleet(nullptr);
        fleet.loadDefault();
        QTRY_VERIFY_WITH_TIMEOUT(allConnected(fleet), 10000);
        FleetMapWindow window(&fleet);
        QAbstractItemModelTester tester(window.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy updated(&window, &FleetMapWindow::mapUpdated);
        QTRY_VERIFY_WITH_TIMEOUT(window.model()->rowCount() >= 9, 10000);
        QCOMPARE(window.model()->map().hosts.size(), fleet.sessions().size());

        // A host changes: the map is computed again.
        updated.clear();
        fleet.sessions().first()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(updated.count() >= 1, 10000);

        QTemporaryDir dir;
        for (const char *name : {"map.csv", "map.json", "map.html"}) {
            const QString path = dir.filePath(QString::fromLatin1(name));
            QVERIFY(window.exportTo(path));
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.readAll().contains("payments-01"));
        }
        QVERIFY(!window.exportTo(dir.filePath(QStringLiteral("map.xls"))));
    }

    void evacuationDialogDrainsADemoHost()
    {
        Fleet fleet(nullptr);
        fleet.loadDefault();
        QTRY_VERIFY_WITH_TIMEOUT(allConnected(fleet), 10000);
        HostSession *a = fleet.session(QStringLiteral("demo:zlab-a"));
        EvacuationDialog dialog(&fleet, a, migration::DriverProfile::V2);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.planReady(), 10000);
        QCOMPARE(dialog.plan().moves.size(), 2);
        QVERIFY(dialog.plan().validated());
        QCOMPARE(dialog.movesView()->topLevelItemCount(), 2);
        QSignalSpy finished(&dialog, &EvacuationDialog::runFinished);
        dialog.startRun();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(a->snapshot() && !std::any_of(a->snapshot()->guests.cbegin(), a->snapshot()->guests.cend(),
                                                                  [](const Guest &g) { return !g.mdev.isEmpty(); }), 10000);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(dialog.movesView()->topLevelItem(i)->text(4), QStringLiteral("moved"));
    }
};

QTEST_MAIN(TstFleetMap)
#include "tst_fleetmap.moc"
