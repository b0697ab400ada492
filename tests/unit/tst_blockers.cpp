// What libvirt and QEMU say blocks a migration, as the pre-check shows it.
#include <migration/blockers.h>
#include <migration/check.h>
#include <migration/strategy.h>

#include <hosts/demofleet.h>

#include <QTest>

using namespace ap;
using namespace ap::migration;

class TstBlockers : public QObject {
    Q_OBJECT
private slots:
    void queryMigrateReplies_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QStringList>("reasons");
        QTest::newRow("nothing blocks") << R"({"return":{"status":"none"},"id":"libvirt-42"})" << true << QStringList();
        QTest::newRow("mainline QEMU and vfio-ap") << R"({"return":{"blocked-reasons":["non-migratable device: vfio-ap"]}})" << true
                                                   << QStringList{QStringLiteral("non-migratable device: vfio-ap")};
        QTest::newRow("two reasons") << R"({"return":{"blocked-reasons":["vfio-ap0: Migration is disabled for VFIO device","x: vIOMMU"]}})" << true
                                     << QStringList{QStringLiteral("vfio-ap0: Migration is disabled for VFIO device"), QStringLiteral("x: vIOMMU")};
        QTest::newRow("QMP error") << R"({"error":{"class":"CommandNotFound","desc":"no such command"}})" << false << QStringList();
        QTest::newRow("not JSON") << "error: monitor gone" << false << QStringList();
        QTest::newRow("reasons not a list") << R"({"return":{"blocked-reasons":"vfio-ap"}})" << false << QStringList();
        QTest::newRow("reason not text") << R"({"return":{"blocked-reasons":[7]}})" << false << QStringList();
    }
    void queryMigrateReplies()
    {
        QFETCH(QString, reply);
        QFETCH(bool, ok);
        QFETCH(QStringList, reasons);
        const auto r = parseQueryMigrate(reply);
        QCOMPARE(r.ok(), ok);
        if (ok)
            QCOMPARE(*r, reasons);
        else
            QVERIFY(!r.error().detail.isEmpty());
    }

    void strategyFollowsTheBlockers_data()
    {
        QTest::addColumn<QStringList>("reasons");
        QTest::addColumn<bool>("live");
        QTest::addColumn<bool>("replug");
        QTest::newRow("none") << QStringList() << true << true;
        QTest::newRow("the device") << QStringList{QStringLiteral("non-migratable device: vfio-ap")} << false << true;
        QTest::newRow("the guest") << QStringList{QStringLiteral("disk vda is not shared")} << false << false;
        QTest::newRow("both") << QStringList{QStringLiteral("vfio-ap0: Migration is disabled for VFIO device"), QStringLiteral("disk vda")} << false << false;
    }
    void strategyFollowsTheBlockers()
    {
        QFETCH(QStringList, reasons);
        QFETCH(bool, live);
        QFETCH(bool, replug);
        HostSnapshot a = *demo::initialState(QStringLiteral("zlab-a"));
        HostSnapshot b = a;
        const StrategyChoice c = chooseStrategy(a, b, reasons);
        QCOMPARE(c.liveAvailable, live);
        QCOMPARE(c.replugAvailable, replug);
        QCOMPARE(c.chosen, live ? Strategy::Live : Strategy::Replug);
    }

    void findings_data()
    {
        QTest::addColumn<bool>("asked");
        QTest::addColumn<QStringList>("reasons");
        QTest::addColumn<bool>("unavailable");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<bool>("ready"); // with an otherwise ready check
        QTest::newRow("not a libvirt host") << false << QStringList() << false << QStringList() << true;
        QTest::newRow("nothing blocks") << true << QStringList() << false << QStringList() << true;
        QTest::newRow("the device: replug helps") << true << QStringList{QStringLiteral("non-migratable device: vfio-ap")} << false
                                                  << QStringList{QStringLiteral("libvirt-blocked-device")} << true;
        QTest::newRow("something else: no strategy helps") << true << QStringList{QStringLiteral("disk vda is not shared")} << false
                                                           << QStringList{QStringLiteral("libvirt-blocked")} << false;
        QTest::newRow("libvirt cannot say") << true << QStringList() << true << QStringList{QStringLiteral("libvirt-blockers-unknown")} << true;
    }
    void findings()
    {
        QFETCH(bool, asked);
        QFETCH(QStringList, reasons);
        QFETCH(bool, unavailable);
        QFETCH(QStringList, ids);
        QFETCH(bool, ready);
        // A check that is ready but for what libvirt says (as in tst_check).
        CheckInput in;
        in.source = *demo::initialState(QStringLiteral("zlab-a"));
        in.target = *demo::initialState(QStringLiteral("zlab-b"));
        in.target.lastSeenMkvps = in.source.lastSeenMkvps;
        in.mdev = demo::uuids::payments;
        const QString guest = in.source.guestOfMdev(in.mdev)->name;
        in.blockers.asked = asked;
        in.blockers.reasons = reasons;
        if (unavailable)
            in.blockers.unavailable = makeError(ErrorCode::Unsupported, QStringLiteral("test:///x"), QStringLiteral("not supported"));
        const auto report = runCheck(in);
        QVERIFY(report.ok());
        QStringList found;
        for (const Finding &f : report->findings)
            if (f.id.startsWith(QLatin1String("libvirt-"))) {
                found.append(f.id);
                QVERIFY2(f.message.contains(guest), qPrintable(f.message));
            }
        QCOMPARE(found, ids);
        QCOMPARE(report->ready, ready);
    }
};

QTEST_GUILESS_MAIN(TstBlockers)
#include "tst_blockers.moc"
