// The one destination rule shared by the check dialog and the migration wizard, as a table.
#include <migration/destination.h>

#include <QTest>

using namespace ap;
using namespace ap::migration;

Q_DECLARE_METATYPE(ap::migration::DestinationEligibility)

class TstDestination : public QObject {
    Q_OBJECT
private slots:
    void rule_data()
    {
        QTest::addColumn<bool>("isSource");
        QTest::addColumn<bool>("unreachable");
        QTest::addColumn<bool>("read");
        QTest::addColumn<bool>("vfioAp");
        QTest::addColumn<QStringList>("features");
        QTest::addColumn<QString>("guestThere");
        QTest::addColumn<QString>("guest");
        QTest::addColumn<DestinationEligibility>("expected");
        QTest::addColumn<bool>("needsVfioAp");
        using E = DestinationEligibility;
        const QStringList live{QStringLiteral("guest_matrix"), QStringLiteral("hotplug"), QStringLiteral("ap_config"), QStringLiteral("migratable")};
        const QStringList old{QStringLiteral("guest_matrix"), QStringLiteral("hotplug")};
        const QString g = QStringLiteral("payments-01");
        QTest::newRow("migratable host") << false << false << true << true << live << QString() << g << E::Eligible << true;
        QTest::newRow("no migratable: replug only") << false << false << true << true << old << QString() << g << E::ReplugOnly << true;
        QTest::newRow("own host") << true << false << true << true << live << QString() << g << E::SourceHost << true;
        QTest::newRow("own host wins over failure") << true << true << false << false << live << QString() << g << E::SourceHost << true;
        QTest::newRow("unreachable") << false << true << true << true << live << QString() << g << E::Unreachable << true;
        QTest::newRow("unreachable, never read") << false << true << false << true << live << QString() << g << E::Unreachable << true;
        QTest::newRow("not read yet") << false << false << false << true << live << QString() << g << E::NotRead << true;
        QTest::newRow("vfio_ap not loaded") << false << false << true << false << live << QString() << g << E::NoVfioAp << true;
        QTest::newRow("vfio_ap missing beats replug") << false << false << true << false << old << QString() << g << E::NoVfioAp << true;
        QTest::newRow("guest name taken") << false << false << true << true << live << g << g << E::GuestNameTaken << true;
        QTest::newRow("name taken beats replug") << false << false << true << true << old << g << g << E::GuestNameTaken << true;
        QTest::newRow("other guest there") << false << false << true << true << live << QStringLiteral("web-01") << g << E::Eligible << true;
        QTest::newRow("mdev without guest") << false << false << true << true << live << QStringLiteral("web-01") << QString() << E::Eligible << true;
        // A guest with no vfio-ap device in it, moved by libvirt: any host that can run it.
        QTest::newRow("no device: no vfio_ap needed") << false << false << true << false << QStringList() << QString() << g << E::Eligible << false;
        QTest::newRow("no device: no migratable needed") << false << false << true << true << old << QString() << g << E::Eligible << false;
        QTest::newRow("no device: name still taken") << false << false << true << false << QStringList() << g << g << E::GuestNameTaken << false;
        QTest::newRow("no device: unreachable still") << false << true << true << false << QStringList() << QString() << g << E::Unreachable << false;
        QTest::newRow("mdev without guest, old kernel") << false << false << true << true << old << QString() << QString() << E::ReplugOnly << true;
    }

    void rule()
    {
        QFETCH(bool, isSource);
        QFETCH(bool, unreachable);
        QFETCH(bool, read);
        QFETCH(bool, vfioAp);
        QFETCH(QStringList, features);
        QFETCH(QString, guestThere);
        QFETCH(QString, guest);
        QFETCH(DestinationEligibility, expected);
        QFETCH(bool, needsVfioAp);
        HostSnapshot snap;
        snap.host = QStringLiteral("demo:zlab-x");
        snap.matrix.present = vfioAp;
        snap.matrix.features = features;
        if (!guestThere.isEmpty())
            snap.guests.append(Guest{guestThere, Guest::State::ShutOff, {}});
        const DestinationEligibility got = destinationEligibility({isSource, unreachable, read ? &snap : nullptr, needsVfioAp}, guest);
        QCOMPARE(int(got), int(expected));
        QCOMPARE(isSelectable(got), expected == DestinationEligibility::Eligible || expected == DestinationEligibility::ReplugOnly);
    }
};

QTEST_GUILESS_MAIN(TstDestination)
#include "tst_destination.moc"
