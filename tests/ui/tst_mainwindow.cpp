#include <fleet/fleet.h>
#include <fleet/fleetmodel.h>
#include <mainwindow.h>
#include <matrix/matrixmodel.h>

#include <hosts/demofleet.h>

#include <QDir>
#include <QTranslator>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace ap;
using namespace ap::ui;

class TstMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void germanTranslationIsCompiledIn()
    {
        QTranslator t;
        QVERIFY(t.load(QLocale(QStringLiteral("de")), QStringLiteral("apconsole"), QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCOMPARE(t.translate("ap::ui::FleetModel", "Fleet"), QStringLiteral("Flotte"));
        QCOMPARE(t.translate("ap::ui::MatrixDelegate", "reserved for the host"), QStringLiteral("für den Host reserviert"));
    }

    void opensOnDemoFleetAndShowsMatrix()
    {
        Fleet fleet(nullptr);
        fleet.loadDefault();
        MainWindow w(&fleet);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY_WITH_TIMEOUT(fleet.sessions().first()->snapshot() != nullptr, 10000);
        QVERIFY(w.selectNode(FleetNode(QStringLiteral("demo:zlab-a"), FleetModel::Kind::Mdev, demo::uuids::payments)));
        QTRY_COMPARE(w.matrixModel()->mdevUuid(), demo::uuids::payments);
        QCOMPARE(w.matrixModel()->rowCount(), 7);
        const QString dir = QStringLiteral(APCONSOLE_BINARY_DIR "/artifacts");
        QDir().mkpath(dir);
        QVERIFY(w.grab().save(dir + QStringLiteral("/mainwindow-offscreen.png")));

        // Clicking a cell shows the queue in the inspector and its description in the status bar.
        QTableView *view = w.matrixView();
        const QModelIndex cell = w.matrixModel()->index(w.matrixModel()->rowOfAdapter(1), w.matrixModel()->columnOfDomain(0x11));
        view->scrollTo(cell);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cell).center());
        QCOMPARE(view->currentIndex(), cell);
        auto *inspector = w.findChild<QWidget *>(QStringLiteral("inspector"));
        QVERIFY(inspector);
        QTRY_VERIFY(inspector->property("plainText").toString().contains(QLatin1String("Queue 01.0011")));
    }
};

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
