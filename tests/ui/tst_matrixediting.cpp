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
#include <QApplication>
#include <QCheckBox>
#include <QDropEvent>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QTextBrowser>
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
        QTest::newRow("free APQN") << QList<MatrixItem>{apqn(1, 0x13)} << 1 << true
                                   << QStringLiteral("Drop to assign APQN 01.0013 to payments-01 (running: gains domain 0x13: 4 → 6 queues).");
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

    // Every drop zone: what the hover says is what the release does (accepted <=> one undo step
    // that changes the pending state; refused <=> nothing).
    void hoverVerdictIsDropResult_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QList<MatrixItem>>("items");
        QTest::addColumn<QString>("from");
        QTest::addColumn<bool>("move");
        QTest::addColumn<bool>("accepted");
        const QList<MatrixItem> adapter3{{MatrixItem::Kind::Adapter, 3, {}}};
        QTest::newRow("cell") << "cell" << QList<MatrixItem>{apqn(1, 0x13)} << QString() << false << true;
        QTest::newRow("cell, refused") << "cell" << QList<MatrixItem>{apqn(3, 0x20)} << QString() << false << false;
        QTest::newRow("whole row (adapter)") << "cell" << adapter3 << QString() << false << true;
        QTest::newRow("whole column (domain)") << "cell" << QList<MatrixItem>{{MatrixItem::Kind::Domain, 0x14, {}}} << QString() << false << true;
        QTest::newRow("control row") << "control" << QList<MatrixItem>{apqn(3, 0x20)} << QString() << false << true;
        QTest::newRow("control row, adapter") << "control" << adapter3 << QString() << false << false;
        QTest::newRow("empty area") << "empty" << adapter3 << QString() << false << true;
        QTest::newRow("empty area, refused") << "empty" << QList<MatrixItem>{apqn(0, 0)} << QString() << false << false;
        QTest::newRow("host-wide view") << "hostwide" << adapter3 << QString() << false << false;
        QTest::newRow("another mdev (move)") << "cell" << QList<MatrixItem>{apqn(3, 0x20)} << demo::uuids::hsm << true << true;
        QTest::newRow("already held") << "cell" << QList<MatrixItem>{apqn(1, 0x11)} << QString() << false << false;
        QTest::newRow("tree: mdev node") << "tree-mdev" << adapter3 << QString() << false << true;
        QTest::newRow("tree: other mdev node (move)") << "tree-mdev" << QList<MatrixItem>{apqn(3, 0x20)} << demo::uuids::hsm << true << true;
        QTest::newRow("tree: adapter node") << "tree-adapter" << adapter3 << QString() << false << false;
        QTest::newRow("tree: empty area") << "tree-root" << adapter3 << QString() << false << false;
    }
    void hoverVerdictIsDropResult()
    {
        QFETCH(QString, zone);
        QFETCH(QList<MatrixItem>, items);
        QFETCH(QString, from);
        QFETCH(bool, move);
        QFETCH(bool, accepted);
        const Qt::DropAction action = move ? Qt::MoveAction : Qt::CopyAction;
        std::unique_ptr<QMimeData> data(dragOf(items, from));
        MatrixModel matrix;
        matrix.setSession(m_session, zone == QLatin1String("hostwide") ? QString() : demo::uuids::payments);
        FleetModel tree(m_fleet);
        QAbstractItemModel *model = zone.startsWith(QLatin1String("tree")) ? static_cast<QAbstractItemModel *>(&tree) : &matrix;
        QModelIndex target;
        if (zone == QLatin1String("cell") || zone == QLatin1String("hostwide"))
            target = matrix.index(1, 0);
        else if (zone == QLatin1String("control"))
            target = matrix.index(0, 0);
        else if (zone == QLatin1String("tree-mdev"))
            target = tree.find({kHost, FleetModel::Kind::Mdev, demo::uuids::payments});
        else if (zone == QLatin1String("tree-adapter"))
            target = tree.find({kHost, FleetModel::Kind::Adapter, QStringLiteral("3")});
        // "empty" and "tree-root": the view's root, as QAbstractItemView asks for the empty area.
        QSignalSpy matrixSays(&matrix, &MatrixModel::dropVerdict), treeSays(&tree, &FleetModel::dropVerdict);
        const bool hoverSays = model->canDropMimeData(data.get(), action, -1, -1, target);
        // A drop zone that takes drops at all must be drop-enabled, or the release goes nowhere.
        const bool zoneTakesDrops = model->flags(target) & Qt::ItemIsDropEnabled;
        QCOMPARE(matrixSays.count() + treeSays.count(), 1);
        const QList<QVariant> said = matrixSays.isEmpty() ? treeSays.first() : matrixSays.first();
        QCOMPARE(said.at(1).toBool(), hoverSays);
        QCOMPARE(hoverSays, accepted);

        const QHash<QString, MatrixAssignment> before = m_session->edits().pending();
        const int steps = m_session->undoStack()->count();
        if (zoneTakesDrops)
            model->dropMimeData(data.get(), action, -1, -1, target);
        const bool dropped = m_session->undoStack()->count() == steps + 1 && m_session->edits().pending() != before;
        QCOMPARE(dropped, hoverSays);
        QCOMPARE(m_session->undoStack()->count(), steps + (hoverSays ? 1 : 0));
    }

    // Through real drag events: hovering the empty area below the rows and releasing there.
    void emptyAreaDropThroughTheView()
    {
        MainWindow w(m_fleet);
        w.resize(1000, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.selectNode(FleetNode(kHost, FleetModel::Kind::Mdev, demo::uuids::payments)));
        QTableView *view = w.matrixView();
        const QPoint below(5, view->viewport()->height() - 5);
        QVERIFY(!view->indexAt(below).isValid());
        std::unique_ptr<QMimeData> data(dragOf({{MatrixItem::Kind::Adapter, 3, {}}}));
        QDragEnterEvent enter(below, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &enter);
        QDragMoveEvent hover(below, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &hover);
        QVERIFY(hover.isAccepted());
        QVERIFY2(w.statusBar()->currentMessage().startsWith(QLatin1String("Drop to assign adapter 0x03 to payments-01")),
                 qPrintable(w.statusBar()->currentMessage()));
        QDropEvent drop(QPointF(below), Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &drop);
        QCOMPARE(m_session->undoStack()->count(), 1);
        QVERIFY(m_session->preview()->mdev(demo::uuids::payments)->adapters.test(3));
    }

    // The cell of a running guest's mdev moved onto another: the words name both guests, what
    // each gains and loses and the queues before and after.
    void moveWordsNameBothGuests()
    {
        MatrixModel model;
        model.setSession(m_session, demo::uuids::payments);
        QSignalSpy says(&model, &MatrixModel::dropVerdict);
        std::unique_ptr<QMimeData> data(dragOf({apqn(3, 0x20)}, demo::uuids::hsm));
        QVERIFY(model.canDropMimeData(data.get(), Qt::MoveAction, -1, -1, model.index(1, 0)));
        QCOMPARE(says.first().at(0).toString(),
                 QStringLiteral("Drop to move domain 0x20 from batch-07 (running: loses domain 0x20: 8 → 6 queues) "
                                "to payments-01 (running: gains adapter 0x03 and domain 0x20: 4 → 9 queues)."));
    }

    // Apply leads with the plain change; a hot plug into a running guest waits for a confirmation;
    // the writes are complete.
    void applyDialogSaysWhatChanges()
    {
        m_session->changePending(m_session->edits().afterChange(demo::uuids::payments, {{MatrixItem::Kind::Domain, 0x13, {}}}, true),
                                 QStringLiteral("one domain"));
        ApplyDialog dialog(m_session, m_session->edits().plan());
        const QString summary = dialog.summaryText();
        QVERIFY2(summary.contains(QLatin1String("Domains: + 0x13")), qPrintable(summary));
        QVERIFY(summary.contains(QStringLiteral("APQNs: 4 → 6")));
        QVERIFY(summary.contains(QLatin1String("the running guest payments-01 gets 2 queue(s) now")));
        QVERIFY(summary.contains(QLatin1String("Persistent definition: holds another matrix")));
        QVERIFY(dialog.updateDefinitionBox(demo::uuids::payments));
        QVERIFY2(dialog.definitionNote(demo::uuids::payments).contains(QLatin1String("lost at the next reboot")),
                 qPrintable(dialog.definitionNote(demo::uuids::payments)));
        QVERIFY(dialog.needsConfirmation());
        auto *confirm = dialog.findChild<QCheckBox *>(QStringLiteral("applyConfirm"));
        QVERIFY(confirm);
        confirm->setChecked(true);
        QVERIFY(!dialog.needsConfirmation());
        const QString writes = dialog.findChild<QPlainTextEdit *>(QStringLiteral("applySteps"))->toPlainText();
        QVERIFY(writes.contains(QString::fromLatin1(m_session->edits().plan().steps.first().write.value.trimmed())));
    }

    // The inspector follows the preview through an edit, undo and redo without re-selecting.
    void inspectorFollowsUndoRedo()
    {
        MainWindow w(m_fleet);
        w.show();
        QVERIFY(w.selectNode(FleetNode(kHost, FleetModel::Kind::Mdev, demo::uuids::payments)));
        auto *inspector = w.findChild<QTextBrowser *>(QStringLiteral("inspector"));
        QVERIFY(inspector);
        QVERIFY(inspector->toPlainText().contains(QLatin1String("0x11-0x12")));
        m_session->changePending(m_session->edits().afterChange(demo::uuids::payments, {{MatrixItem::Kind::Domain, 0x13, {}}}, true),
                                 QStringLiteral("one domain"));
        QVERIFY2(inspector->toPlainText().contains(QLatin1String("0x11-0x13")), qPrintable(inspector->toPlainText()));
        m_session->undoStack()->undo();
        QVERIFY(inspector->toPlainText().contains(QLatin1String("0x11-0x12")));
        m_session->undoStack()->redo();
        QVERIFY(inspector->toPlainText().contains(QLatin1String("0x11-0x13")));
    }

    // Closing with pending edits asks first, without a nested event loop: close() returns at once
    // with the question open; Cancel keeps the window and the edits, Discard closes.
    void closeWithPendingEditsAsks()
    {
        MainWindow w(m_fleet);
        w.show();
        m_session->changePending(m_session->edits().afterChange(demo::uuids::payments, {{MatrixItem::Kind::Domain, 0x13, {}}}, true),
                                 QStringLiteral("one domain"));
        const auto question = [&w]() -> QMessageBox * {
            const QList<QMessageBox *> boxes = w.findChildren<QMessageBox *>();
            return boxes.size() == 1 && boxes.first()->isVisible() ? boxes.first() : nullptr;
        };
        QVERIFY(!w.close());
        QTRY_VERIFY(question());
        QVERIFY2(question()->text().contains(kHost), qPrintable(question()->text()));
        QVERIFY(!w.close()); // a second close raises the same question, it does not ask twice
        QCOMPARE(w.findChildren<QMessageBox *>().size(), 1);
        question()->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(w.findChildren<QMessageBox *>().isEmpty());
        QVERIFY(w.isVisible());
        QVERIFY(m_session->edits().hasPending());
        QVERIFY(!w.close());
        QTRY_VERIFY(question());
        question()->button(QMessageBox::Discard)->click();
        QTRY_VERIFY(!w.isVisible());
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
