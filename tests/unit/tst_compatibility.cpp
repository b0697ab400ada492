#include <driver/migration/compatibility.h>

#include <QRandomGenerator>
#include <QTest>

using namespace ap;
using namespace ap::migration;

namespace {
const QString U = QStringLiteral("5a0f6c0e-4d0c-4a5e-9d7e-2f1b8c3a9e01");
const QString P = QStringLiteral("vfio_ap_mdev 5a0f6c0e-4d0c-4a5e-9d7e-2f1b8c3a9e01: ");
const Apqn Q{0x05, 0x04};

// CCA CEX8 with APSC, CCA, APXA, class native, AT 14 (kernel-interfaces §3.2), plus variations.
constexpr quint64 kBase = 0x928000000E550307ULL;
quint64 withType(quint64 v, int at) { return (v & ~0xff000000ULL) | quint64(at) << 24; }
quint64 withClass(quint64 v, int cls) { return (v & ~0x00ff000000000000ULL) | quint64(cls) << 48; }
quint64 withBs(quint64 v, int bs) { return (v & ~0x0000c00000000000ULL) | quint64(bs) << 46; }
quint64 ep11(quint64 v) { return (v & ~0x1000000000000000ULL) | 0x0400000000000000ULL; }

/// The rule written a second, independent way (kernel-interfaces §6.6 "equivalently").
bool independent(DriverProfile p, quint64 s, quint64 t)
{
    const bool head = (s >> 46) == (t >> 46);                 // bits 0-17
    const bool mid = ((s >> 32) & 0x3fff) == ((t >> 32) & 0x3fff); // bits 18-31
    const int sa = int(s >> 24 & 0xff), ta = int(t >> 24 & 0xff);
    const bool bsZero = ((s >> 46) & 3) == 0 && ((t >> 46) & 3) == 0;
    if (!head)
        return false;
    if (sa == ta)
        return true;
    return mid && sa < ta && (p == DriverProfile::V2 || bsZero);
}
} // namespace

class TstCompatibility : public QObject {
    Q_OBJECT
private slots:
    // Every worked case of kernel-interfaces §6.7, for both profiles: verdict and exact lines.
    void workedCases_data()
    {
        QTest::addColumn<int>("profile");
        QTest::addColumn<quint64>("source");
        QTest::addColumn<quint64>("target");
        QTest::addColumn<bool>("compatible");
        QTest::addColumn<QStringList>("lines");

        const QString hdr = P + QStringLiteral("Migration failed: Source and target queue (05.0004) not compatible");
        auto type = [](int s, int t) -> QString { return P + QStringLiteral("AP type of source (%1) not compatible with target (%2)").arg(s, 2, 16, QLatin1Char('0')).arg(t, 2, 16, QLatin1Char('0')); };
        const int v2 = int(DriverProfile::V2), v3 = int(DriverProfile::V3);
        const QStringList classLines = {P + QStringLiteral("Full native card function available on source queue 05.0004"),
                                        P + QStringLiteral("Only stateless functions available on target queue 05.0004")};

        QTest::newRow("v2 identical") << v2 << kBase << kBase << true << QStringList();
        QTest::newRow("v3 identical") << v3 << kBase << kBase << true << QStringList();
        QTest::newRow("v2 older source") << v2 << withType(kBase, 13) << kBase << true << QStringList();
        QTest::newRow("v3 older source") << v3 << withType(kBase, 13) << kBase << true << QStringList();
        QTest::newRow("v2 newer source") << v2 << kBase << withType(kBase, 13) << false << QStringList{hdr, type(14, 13)};
        QTest::newRow("v3 newer source") << v3 << kBase << withType(kBase, 13) << false << QStringList{hdr, type(14, 13)};
        QTest::newRow("v2 stateless to native") << v2 << withClass(kBase, 0x40) << kBase << false << QStringList{hdr, type(14, 14)};
        QTest::newRow("v3 stateless to native") << v3 << withClass(kBase, 0x40) << kBase << false << QStringList{hdr};
        QTest::newRow("v2 native to stateless") << v2 << kBase << withClass(kBase, 0x40) << false << (QStringList{hdr} + classLines + QStringList{type(14, 14)});
        QTest::newRow("v3 native to stateless") << v3 << kBase << withClass(kBase, 0x40) << false << (QStringList{hdr} + classLines);
        const QStringList modeV2 = {P + QStringLiteral("Coprocessor-mode facility installed in source queue 05.0004"),
                                    P + QStringLiteral("Coprocessor-mode  facility not installed target queue 05.0004"),
                                    P + QStringLiteral("XCP-mode facility not installed source queue 05.0004"),
                                    P + QStringLiteral("XCP-mode facility installed target queue 05.0004")};
        const QStringList modeV3 = modeV2; // two blanks before "facility" in v2 and v3 alike
        QTest::newRow("v2 CCA to EP11") << v2 << kBase << ep11(kBase) << false << (QStringList{hdr} + modeV2 + QStringList{type(14, 14)});
        QTest::newRow("v3 CCA to EP11") << v3 << kBase << ep11(kBase) << false << (QStringList{hdr} + modeV3);
        QTest::newRow("v2 BS 1/1") << v2 << withBs(kBase, 1) << withBs(kBase, 1) << true << QStringList();
        QTest::newRow("v3 BS 1/1") << v3 << withBs(kBase, 1) << withBs(kBase, 1) << true << QStringList();
        QTest::newRow("v2 BS 0/1") << v2 << kBase << withBs(kBase, 1) << false
                                   << QStringList{hdr, type(14, 14), P + QStringLiteral("Bind/associate state for source (0) and target (1) queue 05.0004 are not compatible")};
        QTest::newRow("v3 BS 0/1") << v3 << kBase << withBs(kBase, 1) << false
                                   << QStringList{hdr, P + QStringLiteral("Bind/associate state for source (0) and target (1) queue 05.0004 must be 0")};
        QTest::newRow("v2 BS 1/1 older source") << v2 << withBs(withType(kBase, 13), 1) << withBs(kBase, 1) << true << QStringList();
        QTest::newRow("v3 BS 1/1 older source") << v3 << withBs(withType(kBase, 13), 1) << withBs(kBase, 1) << false
                                                << QStringList{hdr, P + QStringLiteral("Bind/associate state for source (1) and target (1) queue 05.0004 must be 0")};
        // The reversed APSC case: v3's line lacks the colon after the device name.
        const quint64 noApsc = kBase & ~0x8000000000000000ULL;
        QTest::newRow("v2 APSC only on target") << v2 << noApsc << kBase << false
            << QStringList{hdr, P + QStringLiteral("APSC facility not installed in source queue 05.0004"),
                           P + QStringLiteral("APSC facility installed in target queue 05.0004"), type(14, 14)};
        QTest::newRow("v3 APSC only on target") << v3 << noApsc << kBase << false
            << QStringList{hdr, P + QStringLiteral("APSC facility not installed in source queue 05.0004"),
                           QStringLiteral("vfio_ap_mdev %1 APSC facility installed in target queue 05.0004").arg(U)};
        QTest::newRow("nd, ml, qd ignored") << v2 << kBase << (kBase & ~0xffffULL) << true << QStringList();
    }
    void workedCases()
    {
        QFETCH(int, profile);
        QFETCH(quint64, source);
        QFETCH(quint64, target);
        QFETCH(bool, compatible);
        QFETCH(QStringList, lines);
        const auto p = DriverProfile(profile);
        QCOMPARE(queueCompatible(p, Hwinfo(source), Hwinfo(target)), compatible);
        QCOMPARE(incompatibilityLog(p, U, Q, Hwinfo(source), Hwinfo(target)), lines);
    }

    // Randomised pairs against the independent formulation. Values are drawn from a small
    // alphabet per field so that equal and near-equal fields are common.
    void randomisedAgainstIndependentRule()
    {
        QRandomGenerator rng(20261120);
        const quint64 facs[] = {0xF3, 0xF2, 0x92, 0x87, 0x86, 0xEB, 0x00};
        const quint64 classes[] = {0x80, 0x40, 0x00, 0xC0};
        int compatibleSeen = 0;
        for (int i = 0; i < 200000; ++i) {
            auto draw = [&] {
                quint64 v = facs[rng.bounded(7)] << 56 | classes[rng.bounded(4)] << 48;
                v |= quint64(rng.bounded(4)) << 46;                     // BS
                v |= quint64(rng.bounded(3) == 0 ? rng.bounded(0x4000) : 0) << 32; // bits 18-31
                v |= quint64(11 + rng.bounded(5)) << 24;                // AP type
                v |= quint64(rng.generate() & 0xffffff);                // nd, ml, qd, reserved
                return v;
            };
            const quint64 s = draw();
            const quint64 t = rng.bounded(4) == 0 ? s : draw();
            for (DriverProfile p : {DriverProfile::V2, DriverProfile::V3}) {
                const bool a = queueCompatible(p, Hwinfo(s), Hwinfo(t));
                if (a != independent(p, s, t))
                    QFAIL(qPrintable(QStringLiteral("profile %1: %2 -> %3").arg(profileName(p), Hwinfo(s).toHex(), Hwinfo(t).toHex())));
                // Lines exactly when incompatible, and the header first.
                const QStringList log = incompatibilityLog(p, U, Q, Hwinfo(s), Hwinfo(t));
                QCOMPARE(log.isEmpty(), a);
                if (!a)
                    QVERIFY(log.first().endsWith(QLatin1String("not compatible")));
                compatibleSeen += a;
            }
        }
        QVERIFY(compatibleSeen > 10000);
    }
};

QTEST_GUILESS_MAIN(TstCompatibility)
#include "tst_compatibility.moc"
