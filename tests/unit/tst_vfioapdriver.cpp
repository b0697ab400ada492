#include "testsupport.h"

#include <driver/apqnstate.h>
#include <driver/vfioapdriver.h>
#include <sysfs/paths.h>

#include <QTest>

#include <cerrno>

using namespace ap;
using namespace ap::driver;

namespace {
const QString A = QStringLiteral("aaaaaaaa-1111-4111-8111-111111111111");
const QString B = QStringLiteral("22222222-2222-4222-8222-222222222222");

/// 8 adapters x 16 domains; adapters 0-5 and domains 0-11 released to vfio_ap, so APQNs of
/// adapters 6-7 x domains 12-15 are reserved for the host. Mdev B holds 02.0003.
HostSnapshot fixture()
{
    HostSnapshot h = test::makeHost(8, 16);
    h.bus.maxAdapterId = 63;
    h.bus.maxDomainId = 15;
    h.bus.apmask = IdMask::range(6, 255);
    h.bus.aqmask = IdMask::range(12, 255);
    for (Queue &q : h.queues)
        q.driver = h.isReservedForHost(q.apqn) ? drivers::cex4queue() : drivers::vfioAp();
    test::addMdev(h, A, {}, {});
    test::addMdev(h, B, {2}, {3});
    return h;
}

QString attr(const QString &uuid, const char *name) { return sysfs::paths::mdev(uuid) + QLatin1Char('/') + QLatin1String(name); }
} // namespace

class TstVfioApDriver : public QObject {
    Q_OBJECT
private slots:
    // Each row starts from the fixture with mdev A holding `adapters` x `domains`, writes `value`
    // to `attribute` of mdev A and expects the kernel's errno and log lines.
    void assignment_data()
    {
        QTest::addColumn<QList<int>>("adapters");
        QTest::addColumn<QList<int>>("domains");
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("err");
        QTest::addColumn<QStringList>("log");

        const QStringList none;
        QTest::newRow("adapter ok") << QList<int>{} << QList<int>{1} << "assign_adapter" << QByteArray("1\n") << 0 << none;
        QTest::newRow("adapter hex") << QList<int>{} << QList<int>{1} << "assign_adapter" << QByteArray("0x1") << 0 << none;
        QTest::newRow("adapter octal 010 = 8") << QList<int>{} << QList<int>{} << "assign_adapter" << QByteArray("010") << 0 << none;
        QTest::newRow("adapter above max") << QList<int>{} << QList<int>{} << "assign_adapter" << QByteArray("64") << ENODEV << none;
        QTest::newRow("adapter 255 above max") << QList<int>{} << QList<int>{} << "assign_adapter" << QByteArray("0xff") << ENODEV << none;
        QTest::newRow("adapter garbage") << QList<int>{} << QList<int>{} << "assign_adapter" << QByteArray("one") << EINVAL << none;
        QTest::newRow("adapter two newlines") << QList<int>{} << QList<int>{} << "assign_adapter" << QByteArray("1\n\n") << EINVAL << none;
        QTest::newRow("adapter overflow") << QList<int>{} << QList<int>{} << "assign_adapter" << QByteArray("99999999999999999999") << ERANGE << none;
        QTest::newRow("host-owned adapter, no domains yet") << QList<int>{} << QList<int>{} << "assign_adapter" << QByteArray("6") << 0 << none;
        QTest::newRow("host-owned APQN") << QList<int>{} << QList<int>{12} << "assign_adapter" << QByteArray("6") << EADDRNOTAVAIL << none;
        QTest::newRow("host-owned via domain") << QList<int>{7} << QList<int>{} << "assign_domain" << QByteArray("13") << EADDRNOTAVAIL << none;
        QTest::newRow("adapter only host-owned, domain free") << QList<int>{6} << QList<int>{} << "assign_domain" << QByteArray("3") << 0 << none;
        QTest::newRow("shared APQN") << QList<int>{} << QList<int>{3} << "assign_adapter" << QByteArray("2") << EADDRINUSE
                                     << QStringList{QStringLiteral("vfio_ap_mdev %1: Userspace may not assign queue 02.0003 to mdev: already assigned to %2").arg(A, B)};
        QTest::newRow("shared via domain") << QList<int>{2} << QList<int>{} << "assign_domain" << QByteArray("3") << EADDRINUSE
                                           << QStringList{QStringLiteral("vfio_ap_mdev %1: Userspace may not assign queue 02.0003 to mdev: already assigned to %2").arg(A, B)};
        QTest::newRow("reserved wins over shared") << QList<int>{} << QList<int>{3, 12} << "assign_adapter" << QByteArray("6") << EADDRNOTAVAIL << none;
        QTest::newRow("already assigned is a no-op") << QList<int>{1} << QList<int>{1} << "assign_adapter" << QByteArray("1") << 0 << none;
        QTest::newRow("domain above max") << QList<int>{} << QList<int>{} << "assign_domain" << QByteArray("16") << ENODEV << none;
        QTest::newRow("control domain shared") << QList<int>{} << QList<int>{} << "assign_control_domain" << QByteArray("3") << 0 << none;
        QTest::newRow("control domain host-owned") << QList<int>{} << QList<int>{} << "assign_control_domain" << QByteArray("13") << 0 << none;
        QTest::newRow("control domain above max") << QList<int>{} << QList<int>{} << "assign_control_domain" << QByteArray("16") << ENODEV << none;
        QTest::newRow("unassign not assigned") << QList<int>{} << QList<int>{} << "unassign_adapter" << QByteArray("4") << 0 << none;
        QTest::newRow("unassign above max") << QList<int>{} << QList<int>{} << "unassign_domain" << QByteArray("16") << ENODEV << none;
        QTest::newRow("unassign garbage") << QList<int>{} << QList<int>{} << "unassign_domain" << QByteArray("x") << EINVAL << none;
    }
    void assignment()
    {
        QFETCH(QList<int>, adapters);
        QFETCH(QList<int>, domains);
        QFETCH(QString, attribute);
        QFETCH(QByteArray, value);
        QFETCH(int, err);
        QFETCH(QStringList, log);
        HostSnapshot h = fixture();
        h.mdev(A)->adapters = IdMask::fromIds(adapters);
        h.mdev(A)->domains = IdMask::fromIds(domains);
        const HostSnapshot before = h;
        const Outcome o = writeAttribute(h, attr(A, attribute.toLatin1().constData()), value);
        QCOMPARE(o.err, err);
        QCOMPARE(o.log, log);
        if (err)
            QCOMPARE(*h.mdev(A), *before.mdev(A)); // a refused write changes nothing
    }

    void sharingLogsEverySharedApqn()
    {
        HostSnapshot h = fixture();
        h.mdev(B)->adapters = IdMask::fromIds({1, 2});
        h.mdev(B)->domains = IdMask::fromIds({3, 4});
        h.mdev(A)->domains = IdMask::fromIds({3, 4, 5});
        const Outcome o = assign(h, A, MatrixPart::Adapter, "0x2");
        QCOMPARE(o.err, EADDRINUSE);
        QCOMPARE(o.log.size(), 2);
        QVERIFY(o.log[0].contains(QLatin1String("queue 02.0003")));
        QVERIFY(o.log[1].contains(QLatin1String("queue 02.0004")));
    }

    void checkAssignAgreesWithAssign()
    {
        // The editor's question and the simulated kernel's answer come from the same rule.
        const HostSnapshot h = fixture();
        for (int id : {0, 2, 6, 7, 63, 64, 255}) {
            for (MatrixPart part : {MatrixPart::Adapter, MatrixPart::Domain, MatrixPart::ControlDomain}) {
                HostSnapshot copy = h;
                copy.mdev(A)->domains = IdMask::fromIds({3, 12});
                copy.mdev(A)->adapters = IdMask::fromIds({2});
                const Outcome asked = checkAssign(copy, A, part, id);
                const Outcome done = assign(copy, A, part, QByteArray::number(id));
                QCOMPARE(asked.err, done.err);
                QCOMPARE(asked.log, done.log);
            }
        }
    }

    void apConfig_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("err");
        const QByteArray z = "0x" + QByteArray(64, '0');
        QTest::newRow("ok") << QByteArray("0x03,0x18,0x1\n") << 0;
        QTest::newRow("two fields") << QByteArray("0x3,0x18") << EINVAL;
        QTest::newRow("bad hex") << QByteArray("0xg,0x1,0x1\n") << EINVAL;
        QTest::newRow("empty fields clear") << QByteArray(",,\n") << 0;
        QTest::newRow("host-owned") << QByteArray("0x02,0x0008,\n") << EADDRNOTAVAIL; // adapter 6 x domain 12
        QTest::newRow("shared") << QByteArray("0x2,0x1,\n") << EADDRINUSE;          // adapter 2 x domain 3
        QTest::newRow("above max") << QByteArray("0x0000000000000000" "8,0x1,\n") << ENODEV; // adapter 64
        QTest::newRow("validated before range") << QByteArray("0x2000000000000000" "8,0x1,\n") << EADDRINUSE;
        QTest::newRow("only 201 bytes count") << (z + "," + z + "," + z + "\n" + "garbage after the limit") << 0;
        QTest::newRow("65 digits") << (z + "0," + z + "," + z) << EINVAL;
    }
    void apConfig()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, err);
        HostSnapshot h = fixture();
        h.mdev(B)->adapters = IdMask::fromIds({2});
        h.mdev(B)->domains = IdMask::fromIds({3});
        const Mdev before = *h.mdev(A);
        const Outcome o = writeApConfig(h, A, text);
        if (QByteArray(QTest::currentDataTag()) == "ok") {
            // 0x3 = adapters 6,7 (host-owned adapters) x domains 3,4 (released): allowed.
            QCOMPARE(o.err, 0);
            QCOMPARE(h.mdev(A)->adapters.ids(), (QList<int>{6, 7}));
            QCOMPARE(h.mdev(A)->domains.ids(), (QList<int>{3, 4}));
            QCOMPARE(h.mdev(A)->controlDomains.ids(), (QList<int>{3}));
            return;
        }
        QCOMPARE(o.err, err);
        if (err)
            QCOMPARE(*h.mdev(A), before);
    }

    void guestMatrixFiltering()
    {
        HostSnapshot h = fixture();
        Mdev &a = *h.mdev(A);
        a.adapters = IdMask::fromIds({0, 1, 9});
        a.domains = IdMask::fromIds({0, 1, 20});
        a.controlDomains = IdMask::fromIds({0, 30});
        h.queue(Apqn{1, 1})->driver.clear(); // unbound: adapter 1 must leave the guest
        refreshDerivedState(h);
        QCOMPARE(a.guestAdapters.ids(), (QList<int>{0}));    // 9 not configured, 1 filtered
        QCOMPARE(a.guestDomains.ids(), (QList<int>{0, 1}));  // 20 not configured
        const GuestMatrix g = computeGuestMatrix(h, a.adapters, a.domains, a.controlDomains);
        QCOMPARE(g.controlDomains.ids(), (QList<int>{0}));
        QCOMPARE(g.filteredAdapters.size(), 1);
        QCOMPARE(g.filteredAdapters[0].first, 1);
        QCOMPARE(g.filteredAdapters[0].second, (Apqn{1, 1}));

        ApqnStateResolver r(h, A);
        QCOMPARE(r.state(Apqn{0, 0}).ownership, ApqnState::Ownership::InGuest);
        const ApqnState filtered = r.state(Apqn{1, 0});
        QCOMPARE(filtered.ownership, ApqnState::Ownership::AssignedFiltered);
        QVERIFY2(filtered.reason.contains(QLatin1String("01.0001")), qPrintable(filtered.reason));
        QCOMPARE(r.state(Apqn{2, 3}).ownership, ApqnState::Ownership::OtherMdev);
        QCOMPARE(r.state(Apqn{7, 13}).ownership, ApqnState::Ownership::ReservedForHost);
        QCOMPARE(r.state(Apqn{3, 3}).ownership, ApqnState::Ownership::Free);
    }

    void noDomainsNoFiltering()
    {
        HostSnapshot h = fixture();
        h.mdev(A)->adapters = IdMask::fromIds({0, 7});
        refreshDerivedState(h);
        QCOMPARE(h.mdev(A)->guestAdapters.ids(), (QList<int>{0, 7}));
        QVERIFY(h.mdev(A)->guestDomains.isEmpty());
    }

    void noQciMeansEmptyGuestMatrix()
    {
        HostSnapshot h = fixture();
        h.bus.qciAvailable = false;
        h.mdev(A)->adapters = IdMask::fromIds({0});
        h.mdev(A)->domains = IdMask::fromIds({0});
        refreshDerivedState(h);
        QVERIFY(h.mdev(A)->guestAdapters.isEmpty());
        QVERIFY(h.mdev(A)->guestDomains.isEmpty());
    }

    void queueStatus()
    {
        HostSnapshot h = fixture();
        h.guests.append(Guest{QStringLiteral("g"), Guest::State::Running, B});
        refreshDerivedState(h);
        QCOMPARE(h.queue(Apqn{2, 3})->vfioStatus, VfioQueueStatus::InUse);
        QCOMPARE(h.queue(Apqn{2, 4})->vfioStatus, VfioQueueStatus::Unassigned);
        QVERIFY(!h.queue(Apqn{7, 13})->vfioStatus); // bound to zcrypt: no vfio_ap status
        h.guests[0].state = Guest::State::ShutOff;
        refreshDerivedState(h);
        QCOMPARE(h.queue(Apqn{2, 3})->vfioStatus, VfioQueueStatus::Assigned);
    }

    void maskCommitRule_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QList<int>>("alsoReservedAdapters"); // set in apmask before the write
        QTest::addColumn<QList<int>>("alsoReservedDomains");  // set in aqmask before the write
        QTest::addColumn<int>("err");
        QTest::addColumn<QStringList>("log");
        const QString busy = QStringLiteral("vfio_ap_mdev %1: Can not reserve queue 02.0003 for host driver: in use by mdev").arg(B);
        const QList<int> none;
        // Mdev B holds 02.0003; the write fails only if that APQN would become host-owned.
        QTest::newRow("reserve adapter in use") << "apmask" << QByteArray("+2") << none << QList<int>{3} << EBUSY << QStringList{busy};
        QTest::newRow("reserve domain in use") << "aqmask" << QByteArray("+3\n") << QList<int>{2} << none << EBUSY << QStringList{busy};
        QTest::newRow("adapter in use, domain stays free") << "apmask" << QByteArray("+2") << none << none << 0 << QStringList();
        QTest::newRow("reserve unused adapter") << "apmask" << QByteArray("+4") << none << none << 0 << QStringList();
        QTest::newRow("release is never refused") << "apmask" << QByteArray("-6-7") << none << none << 0 << QStringList();
        QTest::newRow("absolute") << "aqmask" << QByteArray("0x000f") << none << none << 0 << QStringList();
        QTest::newRow("absolute takes in-use domain") << "aqmask" << QByteArray("0x1") << QList<int>{2} << none << EBUSY << QStringList{busy};
        QTest::newRow("syntax") << "apmask" << QByteArray("+2 +3") << none << none << EINVAL << QStringList();
    }
    void maskCommitRule()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, value);
        QFETCH(QList<int>, alsoReservedAdapters);
        QFETCH(QList<int>, alsoReservedDomains);
        QFETCH(int, err);
        QFETCH(QStringList, log);
        HostSnapshot h = fixture();
        h.bus.apmask = h.bus.apmask | IdMask::fromIds(alsoReservedAdapters);
        h.bus.aqmask = h.bus.aqmask | IdMask::fromIds(alsoReservedDomains);
        const BusInfo before = h.bus;
        const Outcome o = writeAttribute(h, QString(sysfs::paths::bus() + QLatin1Char('/') + file), value);
        QCOMPARE(o.err, err);
        QCOMPARE(o.log, log);
        if (err)
            QCOMPARE(h.bus, before);
    }

    void maskChangeRebindsQueues()
    {
        HostSnapshot h = fixture();
        QVERIFY(h.queue(Apqn{7, 13})->isBoundToZcrypt());
        QVERIFY(writeApmask(h, "-7").ok());
        const Queue *q = h.queue(Apqn{7, 13});
        QVERIFY(q->isBoundToVfio());
        QVERIFY(!q->requestCount); // "-": vfio_ap does not re-initialise a queue taken from zcrypt
        QCOMPARE(q->vfioStatus, VfioQueueStatus::Unassigned);
        QVERIFY(writeApmask(h, "+7").ok());
        QVERIFY(h.queue(Apqn{7, 13})->isBoundToZcrypt());
        QCOMPARE(h.queue(Apqn{7, 13})->requestCount, std::optional<quint64>(0));
    }

    void createMdev_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("err");
        QTest::newRow("ok") << QByteArray("33333333-3333-4333-8333-333333333333") << 0;
        QTest::newRow("ok newline") << QByteArray("33333333-3333-4333-8333-333333333333\n") << 0;
        QTest::newRow("upper case") << QByteArray("ABCDEF01-3333-4333-8333-333333333333") << 0;
        QTest::newRow("too short") << QByteArray("33333333-3333-4333-8333-33333333333") << EINVAL;
        QTest::newRow("38 bytes") << QByteArray("33333333-3333-4333-8333-333333333333\n\n") << EINVAL;
        QTest::newRow("malformed") << QByteArray("33333333x3333-4333-8333-333333333333") << EINVAL;
        QTest::newRow("exists") << A.toLatin1() << EEXIST;
    }
    void createMdev()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, err);
        HostSnapshot h = fixture();
        const int before = h.matrix.availableInstances;
        const Outcome o = writeAttribute(h, QString(sysfs::paths::mdevType() + QStringLiteral("/create")), text);
        QCOMPARE(o.err, err);
        if (!err) {
            QVERIFY(h.mdev(QString::fromLatin1(text.trimmed()).toLower()));
            QCOMPARE(h.matrix.availableInstances, before - 1);
        }
    }

    void noInstancesLeft()
    {
        HostSnapshot h = fixture();
        h.matrix.availableInstances = 0;
        QCOMPARE(ap::driver::createMdev(h, "33333333-3333-4333-8333-333333333333").err, EUSERS);
    }

    void removeMdev()
    {
        HostSnapshot h = fixture();
        h.guests.append(Guest{QStringLiteral("g"), Guest::State::Running, B});
        QCOMPARE(writeAttribute(h, attr(B, "remove"), "x").err, EINVAL);
        QVERIFY(writeAttribute(h, attr(B, "remove"), "0").ok());
        QVERIFY(h.mdev(B));
        const Outcome o = writeAttribute(h, attr(B, "remove"), "1\n");
        QVERIFY(o.ok());
        QCOMPARE(o.log, QStringList{QStringLiteral("vfio_ap_mdev %1: Relaying device request to user (#0)").arg(B)});
        QVERIFY(!h.mdev(B));
        QVERIFY(h.guests[0].mdev.isEmpty());
        QCOMPARE(h.queue(Apqn{2, 3})->vfioStatus, VfioQueueStatus::Unassigned);
    }

    void unknownPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("read-only attribute") << attr(A, "matrix");
        QTest::newRow("unknown mdev") << attr(QStringLiteral("99999999-9999-4999-8999-999999999999"), "assign_adapter");
        QTest::newRow("escape") << sysfs::paths::matrix() + QStringLiteral("/../../../etc/passwd");
        QTest::newRow("upper-case uuid") << attr(A.toUpper(), "assign_adapter");
        QTest::newRow("other file") << QStringLiteral("etc/shadow");
    }
    void unknownPaths()
    {
        QFETCH(QString, path);
        HostSnapshot h = fixture();
        QCOMPARE(writeAttribute(h, path, "1").err, ENOENT);
    }
};

QTEST_GUILESS_MAIN(TstVfioApDriver)
#include "tst_vfioapdriver.moc"
