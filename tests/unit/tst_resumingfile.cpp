#include "testsupport.h"

#include <driver/migration/compatibility.h>
#include <driver/migration/hwinfosource.h>
#include <driver/migration/resumingfile.h>
#include <driver/migration/stream.h>

#include <QTest>

#include <cerrno>

using namespace ap;
using namespace ap::migration;

namespace {
const QString U = QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10");
const QString OTHER = QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e11");

/// A destination with its mdev U holding `adapters` x `domains` (4 CEX8C adapters, 8 domains).
HostSnapshot destination(const QList<int> &adapters, const QList<int> &domains)
{
    HostSnapshot h = test::makeHost(4, 8);
    test::addMdev(h, U, adapters, domains);
    return h;
}

QByteArray streamFor(DriverProfile p, const HostSnapshot &h, const QList<Apqn> &apqns)
{
    QList<StreamEntry> e;
    for (const Apqn q : apqns)
        e.append({q, driverHwinfo(p, h, q).value_or(Hwinfo())});
    return encodeStream(p, e);
}

QList<Apqn> grid(const QList<int> &a, const QList<int> &d) { return crossProduct(IdMask::fromIds(a), IdMask::fromIds(d)); }
const QString P = QStringLiteral("vfio_ap_mdev 0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10: ");
} // namespace

class TstResumingFile : public QObject {
    Q_OBJECT
private slots:
    void v2Accepts()
    {
        const HostSnapshot d = destination({0, 1}, {2, 3});
        ResumingFile f(DriverProfile::V2, d, U);
        QCOMPARE(f.expectedSize(), 8 + 16 * 4);
        const auto a = f.write(streamFor(DriverProfile::V2, d, grid({0, 1}, {2, 3})));
        QCOMPARE(a.result, qint64(72));
        QVERIFY(a.log.isEmpty());
        QVERIFY(f.accepted());
    }

    void v2MoreQueuesInOneWriteIsEio()
    {
        const HostSnapshot d = destination({0}, {2, 3});
        ResumingFile f(DriverProfile::V2, d, U);
        const auto a = f.write(streamFor(DriverProfile::V2, d, grid({0, 1}, {2, 3})));
        QCOMPARE(a.err(), EIO);
        QCOMPARE(a.log, QStringList{P + QStringLiteral("migration failed: source guest's AP config size (72) larger than target's (40)")});
        QCOMPARE(f.position(), 0); // nothing copied
    }

    void v2MoreQueuesInChunksIsE2big()
    {
        const HostSnapshot d = destination({0}, {2, 3});
        ResumingFile f(DriverProfile::V2, d, U);
        const QByteArray s = streamFor(DriverProfile::V2, d, grid({0, 1}, {2, 3}));
        const auto a = f.write(s.left(8));
        QCOMPARE(a.err(), E2BIG);
        QCOMPARE(a.log, QStringList{P + QStringLiteral("migration failed: number of queues on source (4) and target (2) guests differ")});
        QCOMPARE(f.position(), 8); // committed although the check failed
    }

    void v2FewerQueuesIsEnodev()
    {
        const HostSnapshot d = destination({0, 1}, {2, 3});
        ResumingFile f(DriverProfile::V2, d, U);
        const auto a = f.write(streamFor(DriverProfile::V2, d, grid({0}, {2, 3})));
        QCOMPARE(a.err(), ENODEV);
        QCOMPARE(a.log, QStringList{P + QStringLiteral("migration failed: number of queues on source (2) and target (4) guests differ")});
    }

    void v2QueuesNotInGuestMatrix()
    {
        const HostSnapshot d = destination({0, 1}, {2, 3});
        ResumingFile f(DriverProfile::V2, d, U);
        const auto a = f.write(streamFor(DriverProfile::V2, d, grid({0, 2}, {2, 4})));
        QCOMPARE(a.err(), ENODEV);
        QCOMPARE(a.log, (QStringList{P + QStringLiteral("migration failed: queue 00.0004 not assigned to guest matrix"),
                                     P + QStringLiteral("migration failed: queue 02.0002 not assigned to guest matrix"),
                                     P + QStringLiteral("migration failed: queue 02.0004 not assigned to guest matrix")}));
    }

    void v2FirstIncompatibleQueueOnly()
    {
        HostSnapshot d = destination({0, 1}, {2});
        HostSnapshot s = d;
        for (Card &c : s.cards)
            c.functions &= ~Hwinfo::kFacApxa; // every source queue differs
        ResumingFile f(DriverProfile::V2, d, U);
        const auto a = f.write(streamFor(DriverProfile::V2, s, grid({0, 1}, {2})));
        QCOMPARE(a.err(), EFAULT);
        QCOMPARE(a.log.first(), P + QStringLiteral("Migration failed: Source and target queue (00.0002) not compatible"));
        QVERIFY(!a.log.join(QLatin1Char('\n')).contains(QLatin1String("01.0002"))); // later queues not examined
    }

    void v2ChunkedWritesWork()
    {
        const HostSnapshot d = destination({0, 1}, {2, 3});
        ResumingFile f(DriverProfile::V2, d, U);
        const QByteArray s = streamFor(DriverProfile::V2, d, grid({0, 1}, {2, 3}));
        for (qsizetype off = 0; off < s.size(); off += 10)
            QCOMPARE(f.write(s.mid(off, 10)).err(), 0);
        QVERIFY(f.accepted());
    }

    void v2TruncatedStreamIsNotChecked()
    {
        const HostSnapshot d = destination({0, 1}, {2, 3});
        HostSnapshot s = d;
        for (Card &c : s.cards)
            c.functions = Hwinfo::kFacAccel; // incompatible, but the check never runs
        ResumingFile f(DriverProfile::V2, d, U);
        const QByteArray bytes = streamFor(DriverProfile::V2, s, grid({0, 1}, {2, 3}));
        QCOMPARE(f.write(bytes.left(40)).err(), 0);
        QVERIFY(!f.accepted());
    }

    void v3OneWriteApplies()
    {
        const HostSnapshot d = destination({}, {});
        ResumingFile f(DriverProfile::V3, d, U);
        const auto a = f.write(streamFor(DriverProfile::V3, d, grid({0, 1}, {2, 3})));
        QCOMPARE(a.err(), 0);
        QVERIFY(f.accepted());
        QCOMPARE(f.appliedMatrix()->adapters.ids(), (QList<int>{0, 1}));
        QCOMPARE(f.appliedMatrix()->domains.ids(), (QList<int>{2, 3}));
        // A further write lands in the realloc path that trusts config_sz (0): EIO.
        QCOMPARE(f.write(QByteArray(16, '\0')).err(), EIO);
    }

    void v3ChunkedWritesFail()
    {
        const HostSnapshot d = destination({}, {});
        ResumingFile f(DriverProfile::V3, d, U);
        const QByteArray s = streamFor(DriverProfile::V3, d, grid({0, 1}, {2, 3}));
        QCOMPARE(f.write(s.left(32)).err(), 0);
        QCOMPARE(f.write(s.mid(32)).err(), EFAULT); // the first chunk's buffer was never remembered
        QVERIFY(!f.accepted());
    }

    void v3QueueNotBound()
    {
        HostSnapshot d = destination({}, {});
        d.queue(Apqn{1, 3})->driver = drivers::cex4queue();
        ResumingFile f(DriverProfile::V3, d, U);
        const auto a = f.write(streamFor(DriverProfile::V3, d, grid({0, 1}, {2, 3}) + QList<Apqn>{Apqn{9, 9}}));
        QCOMPARE(a.err(), ENODEV);
        QCOMPARE(a.log, (QStringList{P + QStringLiteral("Queue 01.0003 not available to vfio_ap driver on target host"),
                                     P + QStringLiteral("Queue 09.0009 not available to vfio_ap driver on target host")}));
    }

    void v3AllQueuesExamined()
    {
        const HostSnapshot d = destination({}, {});
        HostSnapshot s = d;
        for (Queue &q : s.queues)
            *q.functions &= ~Hwinfo::kFacApxa; // v3 reads the queues live
        ResumingFile f(DriverProfile::V3, d, U);
        const auto a = f.write(streamFor(DriverProfile::V3, s, grid({0, 1}, {2})));
        QCOMPARE(a.err(), EFAULT);
        const QString all = a.log.join(QLatin1Char('\n'));
        QVERIFY(all.contains(QLatin1String("(00.0002) not compatible")));
        QVERIFY(all.contains(QLatin1String("(01.0002) not compatible")));
    }

    void v3ApplyRules_data()
    {
        QTest::addColumn<int>("err");
        QTest::newRow("shared with another mdev") << EADDRINUSE;
        QTest::newRow("host-owned") << EADDRNOTAVAIL;
        QTest::newRow("would be filtered") << ECANCELED;
    }
    void v3ApplyRules()
    {
        QFETCH(int, err);
        HostSnapshot d = destination({}, {});
        const QByteArray tag = QTest::currentDataTag();
        // The stream's APQNs 00.0002 and 01.0003 make the matrix {0,1} x {2,3}.
        const QList<Apqn> apqns = {Apqn{0, 2}, Apqn{1, 3}};
        if (tag.startsWith("shared"))
            test::addMdev(d, OTHER, {1}, {2});
        else if (tag.startsWith("host"))
            d.bus.apmask.set(0), d.bus.aqmask.set(3); // 00.0003 is host-owned
        else
            d.queue(Apqn{1, 2})->driver.clear();      // 01.0002 not passable: adapter 1 would be filtered
        ResumingFile f(DriverProfile::V3, d, U);
        const auto a = f.write(streamFor(DriverProfile::V3, d, apqns));
        QCOMPARE(a.err(), err);
        QVERIFY(!f.accepted());
        QVERIFY(!f.appliedMatrix());
    }
};

QTEST_GUILESS_MAIN(TstResumingFile)
#include "tst_resumingfile.moc"
