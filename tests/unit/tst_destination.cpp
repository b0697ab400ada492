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
        using E = DestinationEligibility;
        const QStringList live{QStringLiteral("guest_matrix"), QStringLiteral("hotplug"), QStringLiteral("ap_config"), QStringLiteral("migratable")};
        const QStringList old{QStringLiteral("guest_matrix"), QStringLiteral("hotplug")};
        const QString g = QStringLiteral("payments-01");
        QTest::newRow("migratable host") << false << false << true << true << live << QString() << g << E::Eligible;
        QTest::newRow("no migratable: replug only") << false << false << true << true << old << QString() << g << E::ReplugOnly;
        QTest::newRow("own host") << true << false << true << true << live << QString() << g << E::SourceHost;
        QTest::newRow("own host wins over failure") << true << true << false << false << live << QString() << g << E::SourceHost;
        QTest::newRow("unreachable") << false << true << true << true << live << QString() << g << E::Unreachable;
        QTest::newRow("unreachable, never read") << false << true << false << true << live << QString() << g << E::Unreachable;
        QTest::newRow("not read yet") << false << false << false << true << live << QString() << g << E::NotRead;
        QTest::newRow("vfio_ap not loaded") << false << false << true << false << live << QString() << g << E::NoVfioAp;
        QTest::newRow("vfio_ap missing beats replug") << false << false << true << false << old << QString() << g << E::NoVfioAp;
        QTest::newRow("guest name taken") << false << false << true << true << live << g << g << E::GuestNameTaken;
        QTest::newRow("name taken beats replug") << false << false << true << true << old << g << g << E::GuestNameTaken;
        QTest::newRow("other guest there") << false << false << true << true << live << QStringLiteral("web-01") << g << E::Eligible;
        QTest::newRow("mdev without guest") << false << false << true << true << live << QStringLiteral("web-01") << QString() << E::Eligible;
        QTest::newRow("mdev without guest, old kernel") << false << false << true << true << old << QString() << QString() << E::ReplugOnly;
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
        HostSnapshot snap;
        snap.host = QStringLiteral("demo:zlab-x");
        snap.matrix.present = vfioAp;
        snap.matrix.features = features;
        if (!guestThere.isEmpty())
            snap.guests.append(Guest{guestThere, Guest::State::ShutOff, {}});
        const DestinationEligibility got = destinationEligibility({isSource, unreachable, read ? &snap : nullptr}, guest);
        QCOMPARE(int(got), int(expected));
        QCOMPARE(isSelectable(got), expected == DestinationEligibility::Eligible || expected == DestinationEligibility::ReplugOnly);
    }
};

QTEST_GUILESS_MAIN(TstDestination)
#include "tst_destination.moc"
