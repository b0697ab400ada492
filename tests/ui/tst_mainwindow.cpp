#include <fleet/fleet.h>
#include <fleet/addhostdialog.h>
#include <fleet/fleetmodel.h>
#include <mainwindow.h>
#include <matrix/matrixmodel.h>

#include <hosts/demofleet.h>
#include <hosts/hostbackend.h>

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSemaphore>
#include <QTranslator>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace ap;
using namespace ap::ui;

namespace {

/// A host whose worker hangs in its first read until the test lets it go: the state every
/// console meets when a host stops answering mid-request.
class HangingHost final : public HostBackend {
public:
    struct Gates {
        QSemaphore entered;     ///< released once the worker is stuck
        QSemaphore release;     ///< what the worker waits for
        std::atomic_bool destroyed = false;
    };
    explicit HangingHost(std::shared_ptr<Gates> gates)
        : HostBackend(*HostUri::parse(QStringLiteral("sysfs:/nonexistent/hanging-host")))
        , m_gates(std::move(gates))
    {
    }
    ~HangingHost() override
    {
        drain();
        m_gates->destroyed = true;
    }

protected:
    Result<HostSnapshot> doReadInventory(const std::function<bool()> &, QDeadlineTimer) override
    {
        m_gates->entered.release();
        // Bounded, so that a console that waits for the worker fails the test instead of hanging it.
        m_gates->release.tryAcquire(1, 10000);
        return makeError(ErrorCode::Unreachable, uri().text, QStringLiteral("no answer"));
    }
    Result<ApplyReport> doApply(const WritePlan &, const std::function<void(int)> &) override
    {
        return makeError(ErrorCode::Unsupported, uri().text, QStringLiteral("read-only"));
    }

private:
    std::shared_ptr<Gates> m_gates;
};

} // namespace

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

    // Dialogs open without a nested event loop: the action returns with the dialog still open,
    // and the host is added when the operator accepts it.
    void addHostDialogDoesNotBlock()
    {
        Fleet fleet(nullptr);
        QVERIFY(fleet.addHost(QStringLiteral("demo:zlab-a"), false));
        MainWindow w(&fleet);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction *add = nullptr;
        for (QAction *a : w.findChildren<QAction *>())
            if (a->text() == MainWindow::tr("&Add host…"))
                add = a;
        QVERIFY(add);
        add->trigger(); // returns at once
        auto *dialog = w.findChild<AddHostDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(fleet.sessions().size(), 1);
        dialog->findChildren<QLineEdit *>().first()->setText(QStringLiteral("demo:zlab-b"));
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTRY_VERIFY(ok->isEnabled());
        ok->click();
        QTRY_COMPARE(fleet.sessions().size(), 2);
        QVERIFY(fleet.session(QStringLiteral("demo:zlab-b")));
        QTRY_VERIFY(!w.findChild<AddHostDialog *>()); // deleted on close
    }

    void closesWithinASecondWhileAHostHangs()
    {
        auto gates = std::make_shared<HangingHost::Gates>();
        auto *fleet = new Fleet(nullptr);
        QVERIFY(fleet->addHost(QStringLiteral("demo:zlab-a"), false));
        const QString hanging = fleet->addBackend(std::make_unique<HangingHost>(gates))->uri().text;
        auto *w = new MainWindow(fleet);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QTRY_VERIFY(gates->entered.available() > 0);

        // While one worker hangs, the window serves the other host and shows the hanging one
        // as being read.
        QTRY_VERIFY_WITH_TIMEOUT(fleet->session(QStringLiteral("demo:zlab-a"))->snapshot() != nullptr, 10000);
        QVERIFY(w->selectNode(FleetNode(QStringLiteral("demo:zlab-a"), NodeKind::Mdev, demo::uuids::payments)));
        QTRY_COMPARE(w->matrixModel()->mdevUuid(), demo::uuids::payments);
        QVERIFY(w->selectNode(FleetNode(hanging, NodeKind::Host, hanging)));
        auto *title = w->findChild<QLabel *>(QStringLiteral("matrixTitle"));
        QVERIFY(title);
        QTRY_VERIFY(title->text().contains(hanging));
        QCOMPARE(w->matrixModel()->session(), nullptr);

        QElapsedTimer closing;
        closing.start();
        QVERIFY(w->close());
        delete w;
        delete fleet;
        const qint64 elapsed = closing.elapsed();
        QVERIFY2(elapsed < 1000, qPrintable(QStringLiteral("closing took %1 ms").arg(elapsed)));
        QVERIFY(!gates->destroyed); // nothing waited for the hanging worker

        // Let go, the host ends on its own thread.
        gates->release.release();
        QVERIFY(waitForRetiredBackends(10000));
        QVERIFY(gates->destroyed);
    }
};

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
