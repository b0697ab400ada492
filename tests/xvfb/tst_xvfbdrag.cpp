#include "skip.h"

// One real mouse drag and drop under a real X server (Xvfb, xcb): adapter 0x03 from the fleet
// tree onto the payments mdev's matrix. The pointer is moved by xdotool through XTEST, so the X
// server delivers genuine button and motion events and Qt's XDND code runs as with a hand on a
// mouse. (Offscreen starts drags but never drops; synthetic QTest events do not reach XDND.)
#include <fleet/fleet.h>
#include <fleet/fleetmodel.h>
#include <mainwindow.h>
#include <matrix/matrixmodel.h>

#include <hosts/demofleet.h>
#include <hosts/simulatedhost.h>

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

using namespace ap;
using namespace ap::ui;

class TstXvfbDrag : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            AP_SKIP("needs a real X server (run under xvfb-run with -platform xcb)");
    }

    void dragAdapterOntoMatrix()
    {
        Fleet fleet(nullptr);
        HostSession *s = fleet.addBackend(std::make_unique<SimulatedHost>(*HostUri::parse(QStringLiteral("demo:zlab-a")),
                                                                          *demo::initialState(QStringLiteral("zlab-a"))));
        QSignalSpy read(s, &HostSession::snapshotChanged);
        QVERIFY(read.wait(5000));
        MainWindow w(&fleet);
        w.resize(1400, 900);
        w.move(0, 0);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.selectNode(FleetNode(QStringLiteral("demo:zlab-a"), FleetModel::Kind::Mdev, demo::uuids::payments)));
        QTreeView *tree = w.fleetView();
        const QModelIndex adapter = w.fleetModel()->find({QStringLiteral("demo:zlab-a"), FleetModel::Kind::Adapter, QStringLiteral("3")});
        tree->expand(adapter.parent());
        tree->scrollTo(adapter);
        QTableView *matrix = w.matrixView();
        MatrixModel *m = w.matrixModel();
        const QModelIndex target = m->index(m->rowOfAdapter(1), m->columnOfDomain(0x11));
        matrix->scrollTo(target);
        QTest::qWait(200);
        const QPoint from = tree->visualRect(adapter).center();
        const QPoint to = matrix->visualRect(target).center();

        const QPoint start = tree->viewport()->mapToGlobal(from);
        const QPoint end = matrix->viewport()->mapToGlobal(to);
        auto xy = [](QPoint p) { return QStringList{QString::number(p.x()), QString::number(p.y())}; };
        QStringList gesture = QStringList{QStringLiteral("mousemove")} + xy(start)
            + QStringList{QStringLiteral("sleep"), QStringLiteral("0.3"), QStringLiteral("mousedown"), QStringLiteral("1"),
                          QStringLiteral("sleep"), QStringLiteral("0.3"), QStringLiteral("mousemove")} + xy(start + QPoint(15, 0))
            + QStringList{QStringLiteral("sleep"), QStringLiteral("0.3"), QStringLiteral("mousemove")} + xy(start + QPoint(60, 5))
            + QStringList{QStringLiteral("sleep"), QStringLiteral("0.3"), QStringLiteral("mousemove")} + xy(end - QPoint(8, 0))
            + QStringList{QStringLiteral("sleep"), QStringLiteral("0.3"), QStringLiteral("mousemove")} + xy(end)
            + QStringList{QStringLiteral("sleep"), QStringLiteral("0.5"), QStringLiteral("mouseup"), QStringLiteral("1")};
        QStringList verdicts;
        QObject::connect(m, &MatrixModel::dropVerdict, &w, [&verdicts](const QString &msg, bool) { verdicts.append(msg); });
        QProcess xdotool;
        xdotool.start(QStringLiteral("xdotool"), gesture);
        QVERIFY2(xdotool.waitForStarted(5000), "xdotool is missing (apt-get install xdotool)");
        QTRY_VERIFY_WITH_TIMEOUT(xdotool.state() == QProcess::NotRunning, 15000);
        QCOMPARE(xdotool.exitCode(), 0);
        // While hovering over the matrix, the driver model's answer was shown.
        QTRY_VERIFY_WITH_TIMEOUT(!verdicts.isEmpty(), 5000);
        QVERIFY2(verdicts.last().startsWith(QStringLiteral("Drop to assign adapter 0x03 to payments-01")), qPrintable(verdicts.join(QLatin1Char('\n'))));
        QTRY_COMPARE_WITH_TIMEOUT(s->undoStack()->count(), 1, 5000);
        QVERIFY(s->preview()->mdev(demo::uuids::payments)->adapters.test(3));
        QVERIFY(!s->snapshot()->mdev(demo::uuids::payments)->adapters.test(3)); // pending only
        const QString dir = QStringLiteral(APCONSOLE_BINARY_DIR "/artifacts");
        QDir().mkpath(dir);
        QVERIFY(w.grab().save(dir + QStringLiteral("/after-real-drag.png")));
    }
};

QTEST_MAIN(TstXvfbDrag)
#include "tst_xvfbdrag.moc"
