#include <matrix/applydialog.h>
#include <fleet/fleet.h>
#include <fleet/fleetmodel.h>
#include <mainwindow.h>
#include <matrix/matrixmime.h>
#include <matrix/matrixmodel.h>

#include "testsupport.h"

#include <hosts/demofleet.h>
#include <hosts/simulatedhost.h>

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QUndoGroup>
#include <QUndoStack>

#include <cerrno>

using namespace ap;
using namespace ap::ui;

namespace {
const QString kHost = QStringLiteral("demo:zlab-a");

std::unique_ptr<HostBackend> demoBackend(const QString &name, HostSnapshot *changed = nullptr)
{
    HostSnapshot s = changed ? *changed : *demo::initialState(name);
    return std::make_unique<SimulatedHost>(*HostUri::parse(QStringLiteral("demo:") + name), s);
}

QMimeData *dragOf(const QList<MatrixItem> &items, const QString &from = {})
{
    return encodeMatrixDrag({kHost, from, items});
}

MatrixItem apqn(int a, int d) { return {MatrixItem::Kind::Apqn, 0, Apqn{quint8(a), quint8(d)}}; }
} // namespace

class TstMatrixEditing : public QObject {
    Q_OBJECT
private:
    Fleet *m_fleet = nullptr;
    HostSession *m_session = nullptr;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_fleet = new Fleet(nullptr);
        m_session = m_fleet->addBackend(demoBackend(QStringLiteral("zlab-a")));
        QSignalSpy spy(m_session, &HostSession::snapshotChanged);
        QVERIFY(spy.wait(5000));
    }
    void cleanup()
    {
        delete m_fleet;
        m_fleet = nullptr;
    }

    // Each kernel rule, dropped through the model API onto the payments mdev.
    void dropRules_data()
    {
        QTest::addColumn<QList<MatrixItem>>("items");
        QTest::addColumn<int>("row");       // 0 = the control-domain row, else any adapter row
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("says");
        QTest::newRow("free APQN") << QList<MatrixItem>{apqn(1, 0x13)} << 1 << true << QStringLiteral("Drop to assign 1 item");
        QTest::newRow("EADDRINUSE names the other mdev") << QList<MatrixItem>{apqn(3, 0x20)} << 1 << false
                                                         << QStringLiteral("EADDRINUSE (Address already in use): Userspace may not assign queue 03.0020 to mdev: already assigned to %1").arg(demo::uuids::hsm);
        QTest::newRow("EADDRNOTAVAIL host-owned") << QList<MatrixItem>{apqn(0, 0)} << 1 << false << QStringLiteral("EADDRNOTAVAIL");
        QTest::newRow("ENODEV above the maximum") << QList<MatrixItem>{{MatrixItem::Kind::Adapter, 70, {}}} << 1 << false << QStringLiteral("ENODEV");
        QTest::newRow("control domain row") << QList<MatrixItem>{apqn(3, 0x20)} << 0 << true << QStringLiteral("Drop to assign");
        QTest::newRow("adapter on control row") << QList<MatrixItem>{{MatrixItem::Kind::Adapter, 1, {}}} << 0 << false << QStringLiteral("cannot be control domains");
        QTest::newRow("whole domain") << QList<MatrixItem>{{MatrixItem::Kind::Domain, 0x14, {}}} << 1 << true << QStringLiteral("Drop to assign");
    }
    void dropRules()
    {
        QFETCH(QList<MatrixItem>, items);
        QFETCH(int, row);
        QFETCH(bool, accepted);
        QFETCH(QString, says);
        MatrixModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session, demo::uuids::payments);
        QSignalSpy verdicts(&model, &MatrixModel::dropVerdict);
        std::unique_ptr<QMimeData> data(dragOf(items));
        const QModelIndex target = model.index(row, 0);
        QCOMPARE(model.canDropMimeData(data.get(), Qt::CopyAction, -1, -1, target), accepted);
        QCOMPARE(verdicts.count(), 1);
        const QString message = verdicts.first().at(0).toString();
        QVERIFY2(message.contains(says), qPrintable(message));

        const MatrixAssignment before = MatrixAssignment::of(*m_session->snapshot()->mdev(demo::uuids::payments));
        model.dropMimeData(data.get(), Qt::CopyAction, -1, -1, target);
        QUndoStack *stack = m_session->undoStack();
        QCOMPARE(stack->count(), accepted ? 1 : 0);
        if (!accepted) {
            QVERIFY(!m_session->edits().hasPending()); // a refusal changes nothing
            return;
        }
        QVERIFY(m_session->edits().hasPending());
        const MatrixAssignment after = m_session->edits().pending().value(demo::uuids::payments);
        QVERIFY(after != before);
        // Pending cells are marked; undo and redo move the preview back and forth.
        const int pendingCells = [&] {
            int n = 0;
            for (int r = 0; r < model.rowCount(); ++r)
                for (int c = 0; c < model.columnCount(); ++c)
                    n += model.index(r, c).data(MatrixModel::PendingRole).toBool();
            return n;
        }();
        QVERIFY(pendingCells > 0);
        stack->undo();
        QVERIFY(!m_session->edits().hasPending());
        QCOMPARE(MatrixAssignment::of(*m_session->preview()->mdev(demo::uuids::payments)), before);
        stack->redo();
        QCOMPARE(MatrixAssignment::of(*m_session->preview()->mdev(demo::uuids::payments)), after);
        QVERIFY(!m_session->snapshot()->mdev(demo::uuids::payments)->domains.test(0x14)); // nothing written
    }

    void moveBetweenMdevsIsOneStep()
    {
        MatrixModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session, demo::uuids::payments);
        // 03.0020 belongs to hsm: copying it is refused, moving it frees it first.
        std::unique_ptr<QMimeData> data(dragOf({apqn(3, 0x20)}, demo::uuids::hsm));
        QVERIFY(!model.canDropMimeData(data.get(), Qt::CopyAction, -1, -1, model.index(1, 0)));
        QVERIFY(model.canDropMimeData(data.get(), Qt::MoveAction, -1, -1, model.index(1, 0)));
        model.dropMimeData(data.get(), Qt::MoveAction, -1, -1, model.index(1, 0));
        QCOMPARE(m_session->undoStack()->count(), 1);
        QCOMPARE(m_session->edits().pending().size(), 2);
        QVERIFY(m_session->preview()->mdev(demo::uuids::payments)->assigns(Apqn{3, 0x20}));
        QVERIFY(!m_session->preview()->mdev(demo::uuids::hsm)->assigns(Apqn{3, 0x20}));
        m_session->undoStack()->undo();
        QVERIFY(!m_session->edits().hasPending());
    }

    void fleetTreeDrops()
    {
        FleetModel model(m_fleet);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex adapter = model.find({kHost, FleetModel::Kind::Adapter, QStringLiteral("3")});
        const QModelIndex payments = model.find({kHost, FleetModel::Kind::Mdev, demo::uuids::payments});
        const QModelIndex spare = model.find({kHost, FleetModel::Kind::Mdev, demo::uuids::spare});
        QVERIFY(adapter.isValid() && payments.isValid() && spare.isValid());
        QVERIFY(model.flags(adapter) & Qt::ItemIsDragEnabled);
        std::unique_ptr<QMimeData> data(model.mimeData({adapter}));
        QVERIFY(data);
        // Adapter 3 onto payments: 03.0011 and 03.0012 are free -> accepted.
        QVERIFY(model.canDropMimeData(data.get(), Qt::CopyAction, -1, -1, payments));
        // Adapter 1 onto spare (domain 0x30): 01.0030 is free -> accepted; adapter 5 is spare's.
        QVERIFY(!model.canDropMimeData(data.get(), Qt::CopyAction, -1, -1, model.index(0, 0)));
        model.dropMimeData(data.get(), Qt::CopyAction, -1, -1, payments);
        QVERIFY(m_session->preview()->mdev(demo::uuids::payments)->adapters.test(3));
    }

    void halfFailedApplyRollsBack()
    {
        HostSnapshot old = *demo::initialState(QStringLiteral("zlab-b"));
        old.matrix.features.removeAll(QStringLiteral("ap_config")); // one write per id
        HostSession *session = m_fleet->addBackend(demoBackend(QStringLiteral("zlab-b"), &old));
        QSignalSpy read(session, &HostSession::snapshotChanged);
        QVERIFY(read.wait(5000));
        auto *sim = static_cast<SimulatedHost *>(session->backend());
        const HostSnapshot before = sim->snapshot();
        session->changePending(session->edits().afterChange(demo::uuids::payments,
                                                            {{MatrixItem::Kind::Domain, 0x13, {}}, {MatrixItem::Kind::Domain, 0x14, {}},
                                                             {MatrixItem::Kind::Domain, 0x15, {}}}, true),
                               QStringLiteral("three domains"));
        const WritePlan plan = session->edits().plan();
        QCOMPARE(plan.steps.size(), 3);
        sim->failWrite(2, EIO);
        ApplyDialog dialog(session, plan);
        QSignalSpy done(session, &HostSession::applyFinished);
        dialog.start();
        QVERIFY(done.wait(5000));
        QVERIFY(dialog.finished());
        QVERIFY(!dialog.succeeded());
        QVERIFY2(dialog.resultText().contains(QLatin1String("Step 2 failed: EIO")), qPrintable(dialog.resultText()));
        QVERIFY(dialog.resultText().contains(QLatin1String("Every earlier step was undone")));
        QCOMPARE(*sim->snapshot().mdev(demo::uuids::payments), *before.mdev(demo::uuids::payments));
        QVERIFY(session->edits().hasPending()); // the operator's edit is kept to retry or discard

        // Now without the fault: applied, the pending state and history are cleared.
        ApplyDialog again(session, session->edits().plan());
        again.start();
        QVERIFY(done.wait(5000));
        QVERIFY(again.succeeded());
        QVERIFY(sim->snapshot().mdev(demo::uuids::payments)->domains.test(0x15));
        QTRY_VERIFY(!session->edits().hasPending());
        QCOMPARE(session->undoStack()->count(), 0);
    }

    void screenshotAt256x256()
    {
        HostSnapshot big = test::makeHost(256, 256);
        big.host = QStringLiteral("demo:big");
        QList<int> all;
        for (int i = 0; i < 256; ++i)
            all.append(i);
        test::addMdev(big, QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10"), all, all, {0, 1});
        HostSession *s = m_fleet->addBackend(std::make_unique<SimulatedHost>(*HostUri::parse(QStringLiteral("demo:big")), big));
        QSignalSpy read(s, &HostSession::snapshotChanged);
        QVERIFY(read.wait(10000));
        MainWindow w(m_fleet);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.selectNode(FleetNode(QStringLiteral("demo:big"), FleetModel::Kind::Mdev, QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10"))));
        QCOMPARE(w.matrixModel()->rowCount(), 257);
        QCOMPARE(w.matrixModel()->columnCount(), 256);
        const QString dir = QStringLiteral(APCONSOLE_BINARY_DIR "/artifacts");
        QDir().mkpath(dir);
        const QImage shot = w.grab().toImage();
        QVERIFY(shot.save(dir + QStringLiteral("/mainwindow-256x256.png")));
        QVERIFY(shot.width() >= 1400);
    }

    void keyboardEquivalents()
    {
        MainWindow w(m_fleet);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.selectNode(FleetNode(kHost, FleetModel::Kind::Mdev, demo::uuids::payments)));
        QTableView *view = w.matrixView();
        MatrixModel *m = w.matrixModel();
        // Select the free cell 01.0013 and press Insert: the domain 0x13 is added (pending).
        view->setCurrentIndex(m->index(m->rowOfAdapter(1), m->columnOfDomain(0x13)));
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Insert);
        QVERIFY(m_session->preview()->mdev(demo::uuids::payments)->domains.test(0x13));
        // Select a host-owned cell: the kernel's refusal is shown and nothing changes.
        view->setCurrentIndex(m->index(m->rowOfAdapter(0), m->columnOfDomain(0)));
        QVERIFY(!w.assignSelection(demo::uuids::payments, true));
        QCOMPARE(m_session->undoStack()->count(), 1);
        // Delete unassigns: 01.0013 goes (its domain, the smaller cut).
        view->setCurrentIndex(m->index(m->rowOfAdapter(1), m->columnOfDomain(0x13)));
        QTest::keyClick(view, Qt::Key_Delete);
        QVERIFY(!m_session->preview()->mdev(demo::uuids::payments)->domains.test(0x13));
        QCOMPARE(m_session->undoStack()->count(), 2);
        QVERIFY(w.undoGroup()->canUndo());
    }
};

QTEST_MAIN(TstMatrixEditing)
#include "tst_matrixediting.moc"
