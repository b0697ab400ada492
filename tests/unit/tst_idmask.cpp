#include <model/idmask.h>

#include <QTest>

using ap::IdMask;

class TstIdMask : public QObject {
    Q_OBJECT
private slots:
    void bitOrder()
    {
        IdMask m;
        QVERIFY(IdMask::parseAbsolute("0x41", m));
        QCOMPARE(m.ids(), (QList<int>{1, 7}));
        QCOMPARE(m.toHex(), QStringLiteral("0x41") + QString(62, QLatin1Char('0')));
        m.set(255);
        QCOMPARE(m.highest(), 255);
        QVERIFY(m.toHex().endsWith(QLatin1Char('1')));
    }

    void absolute_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QList<int>>("ids");
        QTest::newRow("prefix, padded right") << QByteArray("0x41") << true << QList<int>{1, 7};
        QTest::newRow("no prefix") << QByteArray("8") << true << QList<int>{0};
        QTest::newRow("lone x") << QByteArray("x8") << true << QList<int>{0};
        QTest::newRow("trailing newline") << QByteArray("0xc0\n") << true << QList<int>{0, 1};
        QTest::newRow("empty clears") << QByteArray("") << true << QList<int>{};
        QTest::newRow("only prefix") << QByteArray("0x") << true << QList<int>{};
        QTest::newRow("only newline") << QByteArray("\n") << true << QList<int>{};
        QTest::newRow("upper hex digits") << QByteArray("0xF") << true << QList<int>{0, 1, 2, 3};
        QTest::newRow("64 digits") << QByteArray("0x") + QByteArray(63, '0') + "1" << true << QList<int>{255};
        QTest::newRow("65 digits") << QByteArray("0x") + QByteArray(65, '0') << false << QList<int>{};
        QTest::newRow("two newlines") << QByteArray("0x1\n\n") << false << QList<int>{};
        QTest::newRow("upper X prefix") << QByteArray("0X41") << false << QList<int>{};
        QTest::newRow("garbage") << QByteArray("0xzz") << false << QList<int>{};
        QTest::newRow("space") << QByteArray("0x4 1") << false << QList<int>{};
    }
    void absolute()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(QList<int>, ids);
        IdMask m = IdMask::all();
        QCOMPARE(IdMask::parseAbsolute(text, m), valid);
        if (valid)
            QCOMPARE(m.ids(), ids);
        else
            QCOMPARE(m, IdMask::all()); // a refused write changes nothing
    }

    void relative_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QList<int>>("base");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QList<int>>("ids");
        QTest::newRow("set one") << QByteArray("+5") << QList<int>{} << true << QList<int>{5};
        QTest::newRow("range") << QByteArray("+0-3") << QList<int>{} << true << QList<int>{0, 1, 2, 3};
        QTest::newRow("clear keeps rest") << QByteArray("-5") << QList<int>{4, 5, 6} << true << QList<int>{4, 6};
        QTest::newRow("doc example") << QByteArray("+0-15,+32,-128,-0xFF") << QList<int>{128, 200} << true
                                     << QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 32, 200};
        QTest::newRow("later terms win") << QByteArray("+1,-1") << QList<int>{} << true << QList<int>{};
        QTest::newRow("octal") << QByteArray("+010") << QList<int>{} << true << QList<int>{8};
        QTest::newRow("hex") << QByteArray("+0x10") << QList<int>{} << true << QList<int>{16};
        QTest::newRow("separators") << QByteArray("+1,,\n+2\n") << QList<int>{} << true << QList<int>{1, 2};
        QTest::newRow("space between terms") << QByteArray("+1 +2") << QList<int>{} << false << QList<int>{};
        QTest::newRow("term without sign") << QByteArray("+1,2") << QList<int>{} << false << QList<int>{};
        QTest::newRow("out of range") << QByteArray("+256") << QList<int>{} << false << QList<int>{};
        QTest::newRow("reversed range") << QByteArray("+5-3") << QList<int>{} << false << QList<int>{};
        QTest::newRow("range end too big") << QByteArray("+5-300") << QList<int>{} << false << QList<int>{};
        QTest::newRow("sign without number") << QByteArray("+") << QList<int>{} << false << QList<int>{};
        QTest::newRow("bad octal digit") << QByteArray("+08") << QList<int>{} << false << QList<int>{};
    }
    void relative()
    {
        QFETCH(QByteArray, text);
        QFETCH(QList<int>, base);
        QFETCH(bool, valid);
        QFETCH(QList<int>, ids);
        IdMask out;
        QCOMPARE(IdMask::parseMaskWrite(text, IdMask::fromIds(base), out), valid);
        if (valid)
            QCOMPARE(out.ids(), ids);
    }

    void formatsRoundTrip()
    {
        for (int seed = 0; seed < 50; ++seed) {
            IdMask m;
            for (int i = 0; i < 256; ++i)
                if ((i * 7919 + seed * 104729) % 5 == 0)
                    m.set(i);
            IdMask back;
            QVERIFY(IdMask::parseAbsolute(m.toHex().toLatin1(), back));
            QCOMPARE(back, m);
        }
    }

    void ranges()
    {
        QCOMPARE(IdMask::fromIds({0, 1, 2, 5, 7, 8}).toRanges(), QStringLiteral("0-2,5,7-8"));
        QCOMPARE(IdMask::fromIds({17, 18}).toRanges(true), QStringLiteral("0x11-0x12"));
        QCOMPARE(IdMask().toRanges(), QString());
    }
};

QTEST_GUILESS_MAIN(TstIdMask)
#include "tst_idmask.moc"
