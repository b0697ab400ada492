// Fleet planning: where a guest can go (placement cases), the evacuation planner (competition,
// capacity, spreading) and the property that every offered plan runs on simulated hosts.
#include "testsupport.h"

#include <common/errnonames.h>
#include <driver/vfioapdriver.h>
#include <fleet/evacuationrun.h>
#include <fleet/fleetmap.h>
#include <hosts/demofleet.h>
#include <hosts/simulatedhost.h>

#include <QRandomGenerator>
#include <QTest>

#include <cerrno>

using namespace ap;
using namespace ap::fleet;

Q_DECLARE_METATYPE(ap::HostSnapshot)

namespace {

const QString kGuestMdev = QStringLiteral("11111111-2222-4333-8444-555555555501");
const QString kOtherMdev = QStringLiteral("11111111-2222-4333-8444-555555555502");

HostSnapshot host(const char *name, int adapters = 4, bool migratable = true)
{
    HostSnapshot h = test::makeHost(adapters, 16);
    h.host = QString::fromLatin1(name);
    if (migratable)
        h.matrix.features.append(QStringLiteral("migratable"));
    return h;
}

/// CCA master keys of `keySet` on every queue, as last seen while bound to the host.
void loadKeys(HostSnapshot &h, const QByteArray &keySet)
{
    using R = MkvpRegister;
    for (const Queue &q : h.queues) {
        Mkvps m;
        m.registers = {{R::Kind::Aes, R::Slot::Cur, R::State::Valid, keySet + QByteArray::number(q.apqn.domain).rightJustified(8, '0')}};
        h.lastSeenMkvps.insert(q.apqn, m);
    }
}

void addGuest(HostSnapshot &h, const QString &name, const QString &uuid, const QList<int> &adapters, const QList<int> &domains)
{
    test::addMdev(h, uuid, adapters, domains);
    h.guests.append(Guest{name, Guest::State::Running, uuid});
}

HostSnapshot source()
{
    HostSnapshot s = host("src");
    addGuest(s, QStringLiteral("g1"), kGuestMdev, {0, 1}, {1, 2});
    return s;
}

HostSnapshot olderGeneration()
{
    HostSnapshot h = host("dst");
    for (Card &c : h.cards)
        c.rawHwtype = c.hwtype = 13;
    return h;
}

QSet<Apqn> apqnsOf(const Placement &p)
{
    const QList<Apqn> l = p.apqns();
    return QSet<Apqn>(l.cbegin(), l.cend());
}

} // namespace

class TstFleetPlanning : public QObject {
    Q_OBJECT
private slots:
    void placement_data()
    {
        QTest::addColumn<HostSnapshot>("src");
        QTest::addColumn<HostSnapshot>("dst");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("reason");  // the blocker id ("" = none)
        QTest::addColumn<int>("err");
        QTest::addColumn<QString>("adapters"); // the destination mdev's adapters (accepted placements)

        QTest::newRow("live onto the same APQNs") << source() << host("dst") << "live" << "" << 0 << "0-1";
        {
            HostSnapshot d = host("dst");
            addGuest(d, QStringLiteral("other"), kOtherMdev, {0, 1, 2, 3}, {1, 2});
            QTest::newRow("fits nowhere: every adapter's APQNs taken") << source() << d << "refused" << "mdev-refused" << EADDRINUSE << "";
        }
        {
            HostSnapshot d = host("dst", 6);
            addGuest(d, QStringLiteral("other"), kOtherMdev, {0, 1}, {1, 2});
            QTest::newRow("APQNs taken: replug onto free adapters") << source() << d << "replug" << "mdev-refused" << EADDRINUSE << "2-3";
        }
        {
            HostSnapshot s = source(), d = host("dst");
            loadKeys(s, "aaaa");
            loadKeys(d, "bbbb");
            QTest::newRow("master key mismatch") << s << d << "refused" << "master_key_mismatch" << 0 << "";
        }
        {
            HostSnapshot s = source(), d = host("dst");
            loadKeys(s, "aaaa");
            loadKeys(d, "aaaa");
            QTest::newRow("master keys match") << s << d << "live" << "" << 0 << "0-1";
        }
        {
            HostSnapshot d = host("dst");
            d.bus.apmask = IdMask::fromIds({0, 1});
            d.bus.aqmask = IdMask::all();
            QTest::newRow("host masks: replug onto released adapters") << source() << d << "replug" << "mdev-refused" << EADDRNOTAVAIL << "2-3";
            d.bus.apmask = IdMask::all();
            QTest::newRow("host masks everywhere") << source() << d << "refused" << "mdev-refused" << EADDRNOTAVAIL << "";
        }
        QTest::newRow("replug-only destination (not migratable)") << source() << host("dst", 4, false) << "replug"
                                                                   << "target-not-migratable" << 0 << "0-1";
        QTest::newRow("older adapter generation") << source() << olderGeneration() << "refused" << "queue-incompatible" << 0 << "";
        {
            HostSnapshot d = host("dst");
            d.guests.append(Guest{QStringLiteral("g1"), Guest::State::ShutOff, {}});
            QTest::newRow("a guest of that name on the destination") << source() << d << "refused" << "guest-not-movable" << 0 << "";
        }
        {
            HostSnapshot d = host("dst");
            addGuest(d, QStringLiteral("squatter"), kGuestMdev, {0, 1}, {1, 2});
            QTest::newRow("the mdev exists and is in use") << source() << d << "refused" << "target_mdev_in_use" << 0 << "";
        }
        {
            HostSnapshot d = host("dst");
            d.matrix.availableInstances = 0;
            QTest::newRow("no mdev instance left") << source() << d << "refused" << "mdev-refused" << EUSERS << "";
        }
        {
            HostSnapshot s = source();
            s.guests.first().state = Guest::State::ShutOff;
            QTest::newRow("guest shut off") << s << host("dst") << "refused" << "guest-not-movable" << 0 << "";
        }
    }
    void placement()
    {
        QFETCH(HostSnapshot, src);
        QFETCH(HostSnapshot, dst);
        QFETCH(QString, verdict);
        QFETCH(QString, reason);
        QFETCH(int, err);
        QFETCH(QString, adapters);
        const Placement p = placeGuest(src, QStringLiteral("g1"), dst, migration::DriverProfile::V2);
        QCOMPARE(verdictName(p.verdict), verdict);
        QCOMPARE(p.blocker ? p.blocker->id : QString(), reason);
        QCOMPARE(p.blocker ? p.blocker->err : 0, err);
        if (p.accepted()) {
            QCOMPARE(p.matrix.adapters.toRanges(), adapters);
            QCOMPARE(p.matrix.domains, IdMask::fromIds({1, 2}));
            QCOMPARE(p.remapped, adapters != QLatin1String("0-1"));
            QVERIFY(p.createMdev);
            // The creation writes go through the driver model without a refusal.
            HostSnapshot after = dst;
            QVERIFY(applyThroughDriver(after, mdevCreationPlan(dst, p)).ok());
            QCOMPARE(MatrixAssignment::of(*after.mdev(p.mdev)), p.matrix);
        } else {
            QVERIFY(p.blocker && !p.blocker->text.isEmpty());
        }
    }

    // Two guests whose only possible place is the same last free APQN: one gets it, the other is
    // listed with the reason; the APQN is never given twice.
    void twoGuestsCompeteForTheLastFreeApqns()
    {
        HostSnapshot s = host("src");
        addGuest(s, QStringLiteral("g1"), kGuestMdev, {0}, {1});
        addGuest(s, QStringLiteral("g2"), kOtherMdev, {1}, {1});
        HostSnapshot d = host("dst", 3, false); // replug only
        addGuest(d, QStringLiteral("resident"), QStringLiteral("11111111-2222-4333-8444-555555555503"), {0, 1}, {1});
        const EvacuationPlan plan = planEvacuation(s, {d}, migration::DriverProfile::V2);
        QCOMPARE(plan.moves.size(), 1);
        QCOMPARE(plan.moves.first().placement.matrix.adapters, IdMask::fromIds({2}));
        QCOMPARE(plan.unplaced.size(), 1);
        QCOMPARE(plan.unplaced.first().reason.id, QStringLiteral("mdev-refused"));
        QVERIFY(plan.validated());
        QVERIFY(!plan.complete());
    }

    void capacityIsTakenIntoAccount()
    {
        HostSnapshot s = host("src");
        addGuest(s, QStringLiteral("g1"), kGuestMdev, {0}, {1});
        addGuest(s, QStringLiteral("g2"), kOtherMdev, {1}, {1});
        HostSnapshot d = host("dst");
        d.matrix.availableInstances = 1;
        const EvacuationPlan plan = planEvacuation(s, {d}, migration::DriverProfile::V2);
        QCOMPARE(plan.moves.size(), 1);
        QCOMPARE(plan.unplaced.size(), 1);
        QCOMPARE(plan.unplaced.first().reason.err, EUSERS);
    }

    void prefersLiveAndSpreads()
    {
        HostSnapshot s = host("src");
        addGuest(s, QStringLiteral("g1"), kGuestMdev, {0}, {1});
        addGuest(s, QStringLiteral("g2"), kOtherMdev, {1}, {1});
        const HostSnapshot replugOnly = host("old", 4, false);
        const EvacuationPlan plan = planEvacuation(s, {replugOnly, host("d1"), host("d2")}, migration::DriverProfile::V2);
        QCOMPARE(plan.moves.size(), 2);
        QStringList targets;
        for (const PlannedMove &m : plan.moves) {
            QCOMPARE(m.placement.verdict, Verdict::Live);
            targets.append(m.placement.targetHost);
        }
        targets.sort();
        QCOMPARE(targets, (QStringList{QStringLiteral("d1"), QStringLiteral("d2")}));
    }

    void demoEvacuation()
    {
        QList<HostSnapshot> fleet;
        for (const QString &n : demo::hostNames())
            fleet.append(*demo::initialState(n));
        const EvacuationPlan plan = planEvacuation(fleet.first(), fleet.mid(1), migration::DriverProfile::V2);
        QVERIFY(plan.complete());
        QCOMPARE(plan.moves.size(), 2);
        for (const PlannedMove &m : plan.moves) {
            QCOMPARE(m.placement.verdict, Verdict::Live);
            if (m.placement.guest == QLatin1String("payments-01"))
                QCOMPARE(m.placement.targetHost, QStringLiteral("demo:zlab-d")); // zlab-b and zlab-f hold other master keys
        }
    }

    void fleetMapHasACellPerOtherHost()
    {
        QList<HostSnapshot> fleet;
        for (const QString &n : demo::hostNames())
            fleet.append(*demo::initialState(n));
        auto future = computeFleetMapAsync(fleet, migration::DriverProfile::V2);
        future.waitForFinished();
        const FleetMap map = future.result();
        QCOMPARE(map.hosts.size(), fleet.size());
        QVERIFY(map.rows.size() >= 9);
        for (const FleetRow &r : map.rows) {
            QCOMPARE(r.cells.size(), fleet.size());
            for (qsizetype i = 0; i < r.cells.size(); ++i) {
                QCOMPARE(!r.cells.at(i).has_value(), map.hosts.at(i) == r.host);
                if (r.cells.at(i))
                    QCOMPARE(r.cells.at(i)->accepted(), !r.cells.at(i)->blocker || r.cells.at(i)->verdict == Verdict::Replug);
            }
        }
        // The map and the planner agree: the same engine answers both.
        const FleetRow &payments = *std::find_if(map.rows.cbegin(), map.rows.cend(), [](const FleetRow &r) { return r.guest.name == QLatin1String("payments-01"); });
        QCOMPARE(payments.cells.at(map.hosts.indexOf(QStringLiteral("demo:zlab-f")))->blocker->id, QStringLiteral("master_key_mismatch"));
        QCOMPARE(payments.cells.at(map.hosts.indexOf(QStringLiteral("demo:zlab-d")))->verdict, Verdict::Live);
    }

    // Property: every plan the planner offers on random fleets runs on simulated hosts without a
    // refusal (creation writes, then each migration through the migration engine), and no APQN
    // ends up with two guests' mdevs.
    void everyOfferedPlanRunsOnSimulatedHosts()
    {
        QRandomGenerator rng(20261201);
        int movesRun = 0;
        for (int round = 0; round < 25; ++round) {
            QList<HostSnapshot> fleet;
            int serial = 0;
            for (int h = 0; h < 4; ++h) {
                HostSnapshot s = host(qPrintable(QStringLiteral("demo:h%1").arg(h)), 3 + int(rng.bounded(3)), rng.bounded(4) != 0);
                if (rng.bounded(4) == 0)
                    for (Card &c : s.cards)
                        c.rawHwtype = c.hwtype = 13;
                loadKeys(s, rng.bounded(3) == 0 ? "bbbb" : "aaaa");
                if (rng.bounded(3) == 0)
                    s.bus.apmask = IdMask::fromIds({0}), s.bus.aqmask = IdMask::all();
                s.matrix.availableInstances = 2 + int(rng.bounded(4));
                const int guests = int(rng.bounded(4));
                for (int g = 0; g < guests; ++g) {
                    const QString uuid = QStringLiteral("00000000-0000-4000-8000-%1").arg(++serial + h * 100, 12, 10, QLatin1Char('0'));
                    const int a = int(rng.bounded(s.cards.size()));
                    const int d = 1 + g * 3 + int(rng.bounded(2));
                    if (!driver::validateMatrix(s, uuid, IdMask::fromIds({a}), IdMask::fromIds({d, d + 1})).ok())
                        continue;
                    addGuest(s, QStringLiteral("h%1-g%2").arg(h).arg(g), uuid, {a}, {d, d + 1});
                }
                fleet.append(s);
            }
            for (qsizetype src = 0; src < fleet.size(); ++src) {
                QList<HostSnapshot> others = fleet;
                others.removeAt(src);
                const EvacuationPlan plan = planEvacuation(fleet.at(src), others, migration::DriverProfile::V2);
                QVERIFY2(plan.validated(), qPrintable(plan.replayProblems.join(u'\n')));
                QHash<QString, QSet<Apqn>> given;
                for (const PlannedMove &m : plan.moves) {
                    QSet<Apqn> &used = given[m.placement.targetHost];
                    QVERIFY2(!used.intersects(apqnsOf(m.placement)), qPrintable(m.placement.guest));
                    used.unite(apqnsOf(m.placement));
                }

                std::vector<std::unique_ptr<SimulatedHost>> sims;
                QHash<QString, HostBackend *> backends;
                for (const HostSnapshot &h : fleet) {
                    sims.push_back(std::make_unique<SimulatedHost>(*HostUri::parse(h.host), h));
                    backends.insert(h.host, sims.back().get());
                }
                const std::atomic_bool cancel = false;
                const EvacuationRun run = runEvacuation(plan, backends, {}, {}, cancel);
                QVERIFY2(run.ok, qPrintable(run.failure));
                QCOMPARE(run.moves.size(), plan.moves.size());
                movesRun += int(run.moves.size());
                for (const auto &sim : sims) {
                    const HostSnapshot after = sim->snapshot();
                    for (const Mdev &m : after.mdevs)
                        for (const Apqn q : m.matrix())
                            QVERIFY2(after.mdevsAssigning(q, m.uuid).isEmpty(), qPrintable(after.host + QLatin1Char(' ') + q.toString()));
                    for (const PlannedMove &m : plan.moves)
                        if (m.placement.targetHost == after.host)
                            QCOMPARE(after.guest(m.placement.guest)->mdev, m.placement.mdev);
                }
            }
        }
        QVERIFY2(movesRun > 20, "the random fleets offered too few moves to say anything");
    }

    // A failed move stops the run with its guest still running on the source and the rest listed.
    void aFailedMoveStopsTheRun()
    {
        HostSnapshot s = host("demo:src");
        addGuest(s, QStringLiteral("g1"), kGuestMdev, {0}, {1});
        addGuest(s, QStringLiteral("g2"), kOtherMdev, {1}, {1});
        const HostSnapshot d = host("demo:dst");
        const EvacuationPlan plan = planEvacuation(s, {d}, migration::DriverProfile::V2);
        QCOMPARE(plan.moves.size(), 2);
        SimulatedHost src(*HostUri::parse(s.host), s);
        SimulatedHost dst(*HostUri::parse(d.host), d);
        dst.setReachable(false);
        fleet::EvacuationPlan noCreation = plan;
        for (PlannedMove &m : noCreation.moves)
            m.creation.steps.clear();
        const std::atomic_bool cancel = false;
        const EvacuationRun run = runEvacuation(noCreation, {{s.host, &src}, {d.host, &dst}}, {}, {}, cancel);
        QVERIFY(!run.ok);
        QCOMPARE(run.remaining.size(), 2);
        const HostSnapshot after = src.snapshot();
        QCOMPARE(after.guest(QStringLiteral("g1"))->state, Guest::State::Running);
        QCOMPARE(after.guest(QStringLiteral("g2"))->state, Guest::State::Running);
    }
};

QTEST_GUILESS_MAIN(TstFleetPlanning)
#include "tst_fleetplanning.moc"
