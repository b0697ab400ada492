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
const QStringList kAnyLog{QStringLiteral("<not looked at>")};
} // namespace

Q_DECLARE_METATYPE(ap::migration::DriverProfile)
Q_DECLARE_METATYPE(ap::HostSnapshot)

class TstResumingFile : public QObject {
    Q_OBJECT
private slots:
    void writes_data()
    {
        QTest::addColumn<DriverProfile>("profile");
        QTest::addColumn<HostSnapshot>("target");
        QTest::addColumn<HostSnapshot>("source");      ///< whose hwinfo the stream carries
        QTest::addColumn<QList<Apqn>>("apqns");        ///< the stream's queues
        QTest::addColumn<QList<int>>("chunks");        ///< write sizes in order; -1: the rest
        QTest::addColumn<int>("err");                  ///< of the last write; the earlier ones succeed
        QTest::addColumn<QStringList>("log");          ///< of the last write; kAnyLog: not looked at
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<qint64>("position");       ///< after the writes; -1: not looked at

        const QList<int> whole{-1};
        const HostSnapshot d0123 = destination({0, 1}, {2, 3});
        const HostSnapshot d023 = destination({0}, {2, 3});
        const HostSnapshot empty = destination({}, {});
        HostSnapshot accelerators = d0123;
        for (Card &c : accelerators.cards)
            c.functions = Hwinfo::kFacAccel; // incompatible, but the check never runs
        HostSnapshot unbound = empty;
        unbound.queue(Apqn{1, 3})->driver = drivers::cex4queue();
        const QString moreQueues = P + QStringLiteral("migration failed: number of queues on source (4) and target (2) guests differ");

        QTest::newRow("v2 accepts")
            << DriverProfile::V2 << d0123 << d0123 << grid({0, 1}, {2, 3}) << whole << 0 << QStringList() << true << qint64(72);
        QTest::newRow("v2 more queues in one write: EIO, nothing copied")
            << DriverProfile::V2 << d023 << d023 << grid({0, 1}, {2, 3}) << whole << EIO
            << QStringList{P + QStringLiteral("migration failed: source guest's AP config size (72) larger than target's (40)")} << false << qint64(0);
        QTest::newRow("v2 more queues in chunks: E2BIG, committed although the check failed")
            << DriverProfile::V2 << d023 << d023 << grid({0, 1}, {2, 3}) << QList<int>{8} << E2BIG << QStringList{moreQueues} << false << qint64(8);
        QTest::newRow("v2 fewer queues: ENODEV")
            << DriverProfile::V2 << d0123 << d0123 << grid({0}, {2, 3}) << whole << ENODEV
            << QStringList{P + QStringLiteral("migration failed: number of queues on source (2) and target (4) guests differ")} << false << qint64(-1);
        QTest::newRow("v2 queues not in the guest matrix: ENODEV, each named")
            << DriverProfile::V2 << d0123 << d0123 << grid({0, 2}, {2, 4}) << whole << ENODEV
            << QStringList{P + QStringLiteral("migration failed: queue 00.0004 not assigned to guest matrix"),
                           P + QStringLiteral("migration failed: queue 02.0002 not assigned to guest matrix"),
                           P + QStringLiteral("migration failed: queue 02.0004 not assigned to guest matrix")}
            << false << qint64(-1);
        QTest::newRow("v2 chunked writes work")
            << DriverProfile::V2 << d0123 << d0123 << grid({0, 1}, {2, 3}) << QList<int>{10, 10, 10, 10, 10, 10, 10, -1} << 0
            << QStringList() << true << qint64(72);
        QTest::newRow("v2 truncated stream is not checked")
            << DriverProfile::V2 << d0123 << accelerators << grid({0, 1}, {2, 3}) << QList<int>{40} << 0 << QStringList() << false << qint64(40);
        QTest::newRow("v3 chunked writes fail: the first chunk's buffer was never remembered")
            << DriverProfile::V3 << empty << empty << grid({0, 1}, {2, 3}) << QList<int>{32, -1} << EFAULT << kAnyLog << false << qint64(-1);
        QTest::newRow("v3 queue not bound to vfio_ap: ENODEV, each named")
            << DriverProfile::V3 << unbound << unbound << grid({0, 1}, {2, 3}) + QList<Apqn>{Apqn{9, 9}} << whole << ENODEV
            << QStringList{P + QStringLiteral("Queue 01.0003 not available to vfio_ap driver on target host"),
                           P + QStringLiteral("Queue 09.0009 not available to vfio_ap driver on target host")}
            << false << qint64(-1);
    }

    void writes()
    {
        QFETCH(DriverProfile, profile);
        QFETCH(HostSnapshot, target);
        QFETCH(HostSnapshot, source);
        QFETCH(QList<Apqn>, apqns);
        QFETCH(QList<int>, chunks);
        QFETCH(int, err);
        QFETCH(QStringList, log);
        QFETCH(bool, accepted);
        QFETCH(qint64, position);

        ResumingFile f(profile, target, U);
        const QByteArray stream = streamFor(profile, source, apqns);
        qsizetype offset = 0;
        for (qsizetype i = 0; i < chunks.size(); ++i) {
            const QByteArray chunk = chunks[i] < 0 ? stream.mid(offset) : stream.mid(offset, chunks[i]);
            offset += chunk.size();
            const auto a = f.write(chunk);
            if (i + 1 < chunks.size()) {
                QCOMPARE(a.err(), 0);
                continue;
            }
            QCOMPARE(a.err(), err);
            if (err == 0)
                QCOMPARE(a.result, qint64(chunk.size()));
            if (log != kAnyLog)
                QCOMPARE(a.log, log);
        }
        QCOMPARE(f.accepted(), accepted);
        if (position >= 0)
            QCOMPARE(f.position(), position);
    }

    void v2ExpectsTheHeaderAndSixteenBytesPerQueue()
    {
        ResumingFile f(DriverProfile::V2, destination({0, 1}, {2, 3}), U);
        QCOMPARE(f.expectedSize(), 8 + 16 * 4);
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
