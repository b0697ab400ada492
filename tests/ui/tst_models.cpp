#include <fleet/auditlogmodel.h>
#include <fleet/fleet.h>
#include <fleet/fleeticons.h>
#include <fleet/fleetmodel.h>
#include <matrix/matrixmodel.h>

#include <hosts/demofleet.h>
#include <hosts/libvirt/libvirthost.h>
#include <hosts/simulatedhost.h>
#include <store/store.h>
#include <sysfs/treewriter.h>

#include "../support/testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ap;
using namespace ap::ui;

class TstModels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void fleetModel()
    {
        Fleet fleet(nullptr);
        FleetModel model(&fleet);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fleet.loadDefault();
        const int demoHosts = int(demo::hostNames().size());
        QCOMPARE(model.rowCount(), demoHosts);
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(fleet.sessions().cbegin(), fleet.sessions().cend(),
                                             [](HostSession *s) { return s->state() == HostSession::State::Connected; }), 10000);
        const QModelIndex a = model.index(0, 0);
        QCOMPARE(a.data().toString(), QStringLiteral("demo:zlab-a"));
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("connected"));
        const QModelIndex mdevs = model.index(1, 0, a);
        QCOMPARE(model.rowCount(mdevs), 3);
        const QModelIndex payments = model.find({QStringLiteral("demo:zlab-a"), FleetModel::Kind::Mdev, demo::uuids::payments});
        QVERIFY(payments.isValid());
        // The State column names the guest; the lifetime is in the tooltip.
        QCOMPARE(payments.sibling(payments.row(), 1).data().toString(), QStringLiteral("payments-01 (running)"));
        QVERIFY(payments.data(Qt::ToolTipRole).toString().contains(QLatin1String("persistent, starts at boot")));
        // The node by value round-trips through the model and through the settings.
        const FleetNode node = model.nodeAt(payments);
        QCOMPARE(node, FleetNode(QStringLiteral("demo:zlab-a"), NodeKind::Mdev, demo::uuids::payments));
        QCOMPARE(model.find(node), payments);
        QCOMPARE(FleetNode::fromSettings(node.toSettings()), node);
        QVERIFY(!FleetNode::fromSettings(QStringLiteral("demo:zlab-a|5|x")).isValid()); // an older setting
        QVERIFY(!model.nodeAt({}).isValid());

        // A refresh with the same content keeps the rows (no remove/insert).
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        fleet.sessions().first()->refresh();
        QSignalSpy changed(&fleet, &Fleet::hostChanged);
        QVERIFY(changed.wait(5000));
        QCOMPARE(removed.count(), 0);

        // An unreachable host is listed, with what failed and its error.
        auto bad = fleet.addHost(QStringLiteral("sysfs:/nonexistent/apconsole-test"), false);
        QVERIFY(bad);
        QTRY_COMPARE_WITH_TIMEOUT((*bad)->state(), HostSession::State::Failed, 5000);
        const QModelIndex badIndex = model.index(demoHosts, 1);
        QCOMPARE(badIndex.data().toString(), QStringLiteral("unreachable"));
        QVERIFY(model.index(demoHosts, 0).data(Qt::ToolTipRole).toString().contains(QLatin1String("does not exist")));
        fleet.removeHost(*bad);
        QCOMPARE(model.rowCount(), demoHosts);
        QVERIFY(!fleet.addHost(QStringLiteral("demo:zlab-a"), false)); // already there
        QVERIFY(!fleet.addHost(QStringLiteral("demo:;rm"), false));    // refused
    }

    // Each row of the tree shows the icon of what it is: hosts by their state, adapters by mode.
    void fleetTreeIcons()
    {
        Fleet fleet(nullptr);
        FleetModel model(&fleet);
        fleet.loadDefault();
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(fleet.sessions().cbegin(), fleet.sessions().cend(),
                                             [](HostSession *s) { return s->state() == HostSession::State::Connected; }), 10000);
        const auto key = [](const QModelIndex &i) { return qvariant_cast<QIcon>(i.data(Qt::DecorationRole)).cacheKey(); };
        const QModelIndex a = model.index(0, 0);
        QCOMPARE(key(a), hostIcon(HostSession::State::Connected).cacheKey());
        QVERIFY(!hostIcon(HostSession::State::Connected).pixmap(16).isNull()); // the SVG renders

        // zlab-a has CCA (CEX8C), EP11 (CEX8P) and accelerator (CEX8A) adapters.
        QSet<qint64> adapterIcons;
        const QModelIndex adapters = model.index(0, 0, a);
        for (int r = 0; r < model.rowCount(adapters); ++r)
            adapterIcons.insert(key(model.index(r, 0, adapters)));
        QCOMPARE(adapterIcons, (QSet<qint64>{adapterIcon(CryptoMode::Cca).cacheKey(), adapterIcon(CryptoMode::Ep11).cacheKey(),
                                             adapterIcon(CryptoMode::Accelerator).cacheKey()}));
        QCOMPARE(key(model.index(0, 0, model.index(1, 0, a))), mdevIcon(true).cacheKey());
        QCOMPARE(key(model.index(0, 0, model.index(2, 0, a))), guestIcon().cacheKey());
        QVERIFY(!model.index(0, 1, adapters).data(Qt::DecorationRole).isValid()); // the state column has none

        auto bad = fleet.addHost(QStringLiteral("sysfs:/nonexistent/apconsole-test"), false);
        QVERIFY(bad);
        QTRY_COMPARE_WITH_TIMEOUT((*bad)->state(), HostSession::State::Failed, 5000);
        QCOMPARE(key(model.index(int(demo::hostNames().size()), 0)), hostIcon(HostSession::State::Failed).cacheKey());
    }

    void auditLogModel()
    {
        AuditLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), int(AuditLogModel::ColumnCount));
        QCOMPARE(model.headerData(AuditLogModel::Outcome, Qt::Horizontal).toString(), QStringLiteral("Result"));
        JournalEntry ok{QDateTime::currentDateTimeUtc(), QStringLiteral("demo:zlab-a"), QStringLiteral("assign domain 0x13"),
                        QStringLiteral("/sys/devices/vfio_ap/matrix/x/assign_domain"), "0x13", QStringLiteral("-"), QStringLiteral("0x13"), 0, {}, false, {}};
        JournalEntry busy = ok;
        busy.err = 16;
        model.setEntries({ok, busy});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, AuditLogModel::Outcome).data().toString(), QStringLiteral("ok"));
        QCOMPARE(model.index(1, AuditLogModel::Outcome).data().toString(), QStringLiteral("failed (errno 16)"));
        QCOMPARE(model.index(0, AuditLogModel::Path).data().toString(), ok.path);
        QCOMPARE(model.index(0, AuditLogModel::Host).data().toString(), QStringLiteral("demo:zlab-a"));
        // Full values, however long: in the cell, in the tooltip and in the export.
        JournalEntry wide = ok;
        wide.user = QStringLiteral("operator1");
        wide.before = QStringLiteral("0x") + QString(64, QLatin1Char('6'));
        wide.after = QStringLiteral("0x") + QString(64, QLatin1Char('7'));
        wide.kernelLog = {QStringLiteral("vfio_ap_mdev x: line")};
        model.setEntries({wide, busy});
        QCOMPARE(model.index(0, AuditLogModel::User).data().toString(), QStringLiteral("operator1"));
        QCOMPARE(model.index(0, AuditLogModel::Before).data().toString(), wide.before);
        const QString tip = model.index(0, AuditLogModel::Action).data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(wide.before) && tip.contains(wide.after) && tip.contains(QStringLiteral("vfio_ap_mdev x: line")));
        const QByteArray csv = model.toCsv();
        QVERIFY(csv.startsWith("time,host,user,action,"));
        QVERIFY(csv.contains(wide.after.toLatin1()) && csv.contains("operator1"));
        QCOMPARE(csv.count("\r\n"), 3);
        model.setEntries({});
        QCOMPARE(model.rowCount(), 0);
    }

    // Two sysfs hosts under one long folder read apart in the tree; a host can be renamed (kept
    // in the store across restarts), and one that was never reachable can be removed for good.
    void hostsRenamedAndRemoved()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("fleet.db"));
        const QString parent = QStringLiteral("sysfs:/srv/trees/customer-lab-frankfurt/");
        {
            auto store = Store::open(db);
            QVERIFY(store);
            Fleet fleet(*store);
            FleetModel model(&fleet);
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            auto a = fleet.addHost(parent + QStringLiteral("host-a"));
            auto b = fleet.addHost(parent + QStringLiteral("host-b"));
            QVERIFY(a && b);
            QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("sysfs:…/host-a"));
            QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("sysfs:…/host-b"));
            QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(parent + QStringLiteral("host-a")));
            QVERIFY(fleet.renameHost(*a, QStringLiteral("lab A")).ok());
            QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("lab A"));
            QVERIFY(!fleet.renameHost(*b, QStringLiteral("lab A")).ok()); // names stay distinct
            QTRY_COMPARE_WITH_TIMEOUT((*b)->state(), HostSession::State::Failed, 5000); // the folder does not exist
            fleet.removeHost(*b);
            QCOMPARE(model.rowCount(), 1);
        }
        auto store = Store::open(db);
        QVERIFY(store);
        Fleet fleet(*store);
        FleetModel model(&fleet);
        fleet.loadDefault();
        const int demoHosts = int(demo::hostNames().size());
        QCOMPARE(model.rowCount(), demoHosts + 1); // host-b stays removed
        QCOMPARE(model.index(demoHosts, 0).data().toString(), QStringLiteral("lab A"));
    }

    void hostWithSshOrSysfsAndLibvirt()
    {
        const QString mdev = QStringLiteral("783e6dbb-ea0e-411f-94e2-717eaad438bf");
        HostSnapshot tree = test::makeHost(7, 16);
        test::addMdev(tree, mdev, {5}, {4}, {4});
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(tree, dir.path()).ok());
        Fleet fleet(nullptr);
        FleetModel model(&fleet);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto added = fleet.addHost(QStringLiteral("sysfs:%1,test://%2/libvirt/ap-host.xml").arg(dir.path(), QStringLiteral(APCONSOLE_FIXTURES)), false);
        QVERIFY(added);
        HostSession *s = *added;
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), HostSession::State::Connected, 10000);
        QCOMPARE(model.rowCount(), 1); // one host, not two
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("sysfs:") + dir.path() + QStringLiteral(" + libvirt"));
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QLatin1String("ap-host.xml")));
        const QModelIndex guest = model.find({s->uri().text, FleetModel::Kind::Guest, QStringLiteral("guest1")});
        QVERIFY(guest.isValid());
        QCOMPARE(guest.sibling(guest.row(), 1).data().toString(), QStringLiteral("running"));
        const QModelIndex m = model.find({s->uri().text, FleetModel::Kind::Mdev, mdev});
        QCOMPARE(m.sibling(m.row(), 1).data().toString(), QStringLiteral("guest1 (running)"));
        // A lifecycle event from libvirt refreshes the host by itself.
        QVERIFY(s->backend()->view<LibvirtHost>()->setGuestPaused(QStringLiteral("guest1"), true).result().ok());
        QTRY_COMPARE_WITH_TIMEOUT(model.find(FleetNode(s->uri().text, FleetModel::Kind::Guest, QStringLiteral("guest1"))).siblingAtColumn(1).data().toString(),
                                  QStringLiteral("paused"), 5000);
    }

    void persistentAndStoppedMdevs()
    {
        HostSnapshot h = test::makeHost(4, 16);
        test::addMdev(h, QStringLiteral("783e6dbb-ea0e-411f-94e2-717eaad438bf"), {1}, {2}).persistent = true;
        Mdev stopped;
        stopped.uuid = QStringLiteral("4b1c7e2a-9d3f-4e8b-a6c5-2f0e1d9b8a76");
        stopped.adapters = IdMask::fromIds({2});
        stopped.domains = IdMask::fromIds({3});
        stopped.persistent = stopped.autostart = true;
        h.inactiveMdevs.append(stopped);
        Fleet fleet(nullptr);
        FleetModel model(&fleet);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        HostSession *s = fleet.addBackend(std::make_unique<SimulatedHost>(*HostUri::parse(QStringLiteral("demo:lifetimes")), h));
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), HostSession::State::Connected, 5000);
        const QModelIndex active = model.find({s->uri().text, FleetModel::Kind::Mdev, QStringLiteral("783e6dbb-ea0e-411f-94e2-717eaad438bf")});
        QCOMPARE(active.siblingAtColumn(1).data().toString(), QStringLiteral("no guest"));
        QVERIFY(active.data(Qt::ToolTipRole).toString().contains(QLatin1String(", persistent")));
        const QModelIndex inactive = model.find({s->uri().text, FleetModel::Kind::StoppedMdev, stopped.uuid});
        QVERIFY(inactive.isValid());
        QCOMPARE(inactive.siblingAtColumn(1).data().toString(), QStringLiteral("defined, not started, starts at boot"));
        QCOMPARE(inactive.flags() & Qt::ItemIsDropEnabled, Qt::ItemFlags()); // nothing can be assigned to it
    }

    void matrixModel()
    {
        auto host = std::make_shared<const HostSnapshot>(*demo::initialState(QStringLiteral("zlab-a")));
        MatrixModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(host, demo::uuids::hsm);
        // Adapters 0-5 of the host plus the over-provisioned 0x06; the control-domain row first.
        QCOMPARE(model.rowCount(), 1 + 7);
        QCOMPARE(model.columnCount(), 85);
        const int row3 = model.rowOfAdapter(3);
        const int col = model.columnOfDomain(0x20);
        const QModelIndex cell = model.index(row3, col);
        QCOMPARE(cell.data().toString(), QStringLiteral("8A"));
        QCOMPARE(cell.data(MatrixModel::OwnershipRole).toInt(), int(driver::ApqnState::Ownership::InGuest));
        QCOMPARE(cell.data(Qt::AccessibleTextRole).toString(),
                 QStringLiteral("Adapter 0x03, domain 0x0020: CEX8A, assigned to mdev %1, in the guest matrix, driver vfio_ap").arg(demo::uuids::hsm));
        const QModelIndex filtered = model.index(model.rowOfAdapter(6), col);
        QCOMPARE(filtered.data(MatrixModel::OwnershipRole).toInt(), int(driver::ApqnState::Ownership::AssignedFiltered));
        QVERIFY(filtered.data(Qt::AccessibleTextRole).toString().contains(QLatin1String("adapter 0x06 is not in the host configuration")));
        const QModelIndex other = model.index(model.rowOfAdapter(1), model.columnOfDomain(0x11));
        QCOMPARE(other.data(MatrixModel::OwnershipRole).toInt(), int(driver::ApqnState::Ownership::OtherMdev));
        const QModelIndex reserved = model.index(model.rowOfAdapter(0), model.columnOfDomain(0));
        QVERIFY(reserved.data(Qt::AccessibleTextRole).toString().contains(QLatin1String("reserved for the host")));
        const QModelIndex deconfigured = model.index(model.rowOfAdapter(4), model.columnOfDomain(0x11));
        QCOMPARE(deconfigured.data(MatrixModel::ProblemRole).toString(), QStringLiteral("deconfigured"));

        // Same shape: one dataChanged, no reset.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSource(std::make_shared<const HostSnapshot>(*host), demo::uuids::hsm);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);

        // Host-wide view and the control row.
        model.setSource(host, QString());
        QCOMPARE(model.rowCount(), 1 + 7);
        const QModelIndex cd = model.index(0, model.columnOfDomain(0x11));
        QVERIFY(cd.data(MatrixModel::ControlDomainRole).toBool());
        model.setSource(nullptr, QString());
        QCOMPARE(model.rowCount(), 0);
    }

    void matrixModelAt256x256()
    {
        HostSnapshot h;
        h.bus.maxAdapterId = h.bus.maxDomainId = 255;
        h.bus.configuredDomains = IdMask::range(0, 255);
        for (int a = 0; a < 256; ++a) {
            Card c;
            c.id = a;
            c.hwtype = 14;
            c.functions = Hwinfo::kFacCca;
            h.cards.append(c);
        }
        MatrixModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(std::make_shared<const HostSnapshot>(h), QString());
        QCOMPARE(model.rowCount(), 257);
        QCOMPARE(model.columnCount(), 256);
        QVERIFY(model.index(256, 255).data(Qt::AccessibleTextRole).toString().contains(QLatin1String("no queue device")));
    }
};

QTEST_MAIN(TstModels)
#include "tst_models.moc"
