#include <driver/migration/stream.h>

#include <QTest>

using namespace ap;
using namespace ap::migration;

class TstStream : public QObject {
    Q_OBJECT
private slots:
    void layoutMatchesTheKernel()
    {
        const QList<StreamEntry> one = {{Apqn{0x05, 0x04}, Hwinfo(0x928000000E550307ULL)}};
        QCOMPARE(encodeStream(DriverProfile::V2, one).toHex(), QByteArray("00000001" "00000000" "928000000e550307" "0504" "000000000000"));
        QCOMPARE(encodeStream(DriverProfile::V3, one).toHex(),
                 QByteArray("00000001" "00000000" "0000000000000000" "928000000e550307" "0504" "000000000000"));
        QCOMPARE(encodeStream(DriverProfile::V2, {}).size(), 8);
        QCOMPARE(streamSize(DriverProfile::V3, 65536), 16 + 16 * 65536);
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("profile");
        QTest::addColumn<int>("queues");
        for (int p : {0, 1})
            for (int n : {0, 1, 7, 256, 4096})
                QTest::newRow(qPrintable(QStringLiteral("%1 x%2").arg(profileName(DriverProfile(p))).arg(n))) << p << n;
    }
    void roundTrip()
    {
        QFETCH(int, profile);
        QFETCH(int, queues);
        QList<StreamEntry> entries;
        for (int i = 0; i < queues; ++i)
            entries.append({Apqn::fromValue(quint16(i * 17)), Hwinfo(0x1234567890abcdefULL * quint64(i + 1))});
        const auto p = DriverProfile(profile);
        auto s = decodeStream(p, encodeStream(p, entries));
        QVERIFY(s);
        QCOMPARE(s->entries, entries);
    }

    void corrupt_data()
    {
        QTest::addColumn<int>("profile");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("says");
        const QByteArray good = encodeStream(DriverProfile::V2, {{Apqn{1, 2}, Hwinfo(1)}, {Apqn{1, 3}, Hwinfo(2)}});
        QTest::newRow("empty") << 0 << QByteArray() << "truncated header";
        QTest::newRow("short header") << 0 << good.left(5) << "truncated header";
        QTest::newRow("truncated entry") << 0 << good.left(good.size() - 1) << "truncated";
        QTest::newRow("trailing bytes") << 0 << good + QByteArray(3, '\0') << "after the 2 queues";
        QByteArray pad = good;
        pad[5] = 1;
        QTest::newRow("header padding") << 0 << pad << "padding at offset 4";
        QByteArray tail = good;
        tail[8 + 12] = 7;
        QTest::newRow("entry padding") << 0 << tail << "padding in entry 0";
        QByteArray dup = good;
        dup[8 + 16 + 9] = 2;
        QTest::newRow("repeated apqn") << 0 << dup << "repeats APQN 01.0002";
        QByteArray huge = good;
        huge[0] = 0x7f;
        QTest::newRow("absurd count") << 0 << huge << "exceeds 65536";
        QTest::newRow("v2 read as v3") << 1 << good << "truncated";
    }
    void corrupt()
    {
        QFETCH(int, profile);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, says);
        auto s = decodeStream(DriverProfile(profile), bytes);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Corrupt);
        QVERIFY2(s.error().detail.contains(says), qPrintable(s.error().detail));
    }
};

QTEST_GUILESS_MAIN(TstStream)
#include "tst_stream.moc"
