#include <model/card.h>
#include <model/hwinfo.h>

#include <QTest>

using namespace ap;

class TstHwinfo : public QObject {
    Q_OBJECT
private slots:
    void fields()
    {
        // CCA CEX8: APSC, CCA, APXA, native class, AT 14, nd 0x55, ml 3, qd 7 (kernel-interfaces §3.2).
        const Hwinfo h(0x928000000E550307ULL);
        QVERIFY(h.apsc());
        QVERIFY(!h.mex4k());
        QVERIFY(h.cca());
        QVERIFY(!h.accel());
        QVERIFY(h.apxa());
        QCOMPARE(h.classification(), quint8(0x80));
        QCOMPARE(h.bs(), 0);
        QCOMPARE(h.apType(), 14);
        QCOMPARE(h.domains(), 0x55);
        QCOMPARE(h.maxMessageUnits(), 3);
        QCOMPARE(h.queueDepth(), 7);
        QCOMPARE(h.facilities(), 0x92800000u);
        QCOMPARE(h.toHex(), QStringLiteral("0x928000000e550307"));
    }

    void cardMaskClearsBsAndReserved()
    {
        const Hwinfo live(0x9280FFFF0E55F3F7ULL); // BS = 3, bits 18-31 set, reserved nibbles set
        QCOMPARE(live.bs(), 3);
        const Hwinfo card = live.cardMasked();
        QCOMPARE(card.bs(), 0);
        QCOMPARE(card.reserved18to31(), 0u);
        QCOMPARE(card.value(), 0x928000000E550307ULL);
    }

    void modes_data()
    {
        QTest::addColumn<quint32>("functions");
        QTest::addColumn<int>("hwtype");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("mode");
        QTest::newRow("CEX8C") << quint32(0x92800000) << 14 << "CEX8C" << "cca";
        QTest::newRow("CEX7A") << quint32(0x88800000) << 13 << "CEX7A" << "accel";
        QTest::newRow("CEX6P") << quint32(0x84800000) << 12 << "CEX6P" << "ep11";
        QTest::newRow("accel wins over cca") << quint32(0x98000000) << 14 << "CEX8A" << "accel";
        QTest::newRow("no mode") << quint32(0x80000000) << 14 << "" << "";
        QTest::newRow("unsupported type") << quint32(0x92800000) << 9 << "" << "cca";
    }
    void modes()
    {
        QFETCH(quint32, functions);
        QFETCH(int, hwtype);
        QFETCH(QString, name);
        QFETCH(QString, mode);
        Card c;
        c.functions = functions;
        c.hwtype = hwtype;
        QCOMPARE(c.typeName(), name);
        QCOMPARE(modeKey(c.mode()), mode);
    }
};

QTEST_GUILESS_MAIN(TstHwinfo)
#include "tst_hwinfo.moc"
