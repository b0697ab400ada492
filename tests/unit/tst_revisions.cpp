// Every revision of the vfio_ap migration driver (driver-revisions.md): log lines byte for
// byte, the rule per revision against an independent formulation, the cases where revisions
// disagree, stream layouts, and the RESUMING write algorithms under every split of a stream.
#include "testsupport.h"

#include <driver/migration/compatibility.h>
#include <driver/migration/driverlog.h>
#include <driver/migration/hwinfosource.h>
#include <driver/migration/resumingfile.h>
#include <driver/migration/revision.h>
#include <driver/migration/sourcestream.h>
#include <driver/migration/stream.h>
#include <driver/migration/vfiodevice.h>
#include <driver/migration/vfiostate.h>
#include <migration/check.h>
#include <migration/revisionguess.h>
#include <report/checkrender.h>
#include <store/store.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <tuple>
#include <QTest>

#include <cerrno>

using namespace ap;
using namespace ap::migration;

namespace {
const QString U = QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10");
const Apqn Q{0x05, 0x04};
using P = DriverProfile;

constexpr quint64 kBase = 0x928000000E550307ULL; // CCA CEX8, APSC, APXA, native, AT 14
quint64 withType(quint64 v, int at) { return (v & ~0xff000000ULL) | quint64(at) << 24; }
quint64 withClass(quint64 v, int cls) { return (v & ~0x00ff000000000000ULL) | quint64(cls) << 48; }
quint64 withBs(quint64 v, int bs) { return (v & ~0x0000c00000000000ULL) | quint64(bs) << 46; }
quint64 withBits18(quint64 v, int bits) { return (v & ~0x00003fff00000000ULL) | quint64(bits & 0x3fff) << 32; }

/// The rules written a second way, from the field definitions (driver-revisions §2.5, §3.4;
/// kernel-interfaces §6.6), not from the code's clauses.
bool independent(P p, quint64 s, quint64 t)
{
    const int sBs = int(s >> 46 & 3), tBs = int(t >> 46 & 3);
    const int sAt = int(s >> 24 & 0xff), tAt = int(t >> 24 & 0xff);
    const int sCls = int(s >> 48 & 0xff), tCls = int(t >> 48 & 0xff);
    const bool bits0to17 = (s >> 46) == (t >> 46);
    const bool bits18to31 = ((s >> 32) & 0x3fff) == ((t >> 32) & 0x3fff);
    switch (p) {
    case P::V2:
        return bits0to17 && (sAt == tAt || (bits18to31 && sAt < tAt));
    case P::V3:
    case P::V4:
        return bits0to17 && (sAt == tAt || (bits18to31 && sBs == 0 && tBs == 0 && sAt < tAt));
    case P::B:
    case P::C:
        return sBs == 0 && tBs == 0 && (s >> 56) == (t >> 56) && sAt <= tAt && !((sCls & 0x80) && !(tCls & 0x80));
    }
    return false;
}

/// 4 adapters x 8 domains, mdev U on `adapters` x `domains`.
HostSnapshot host(const QList<int> &adapters, const QList<int> &domains, const QList<int> &cdoms = {})
{
    HostSnapshot h = test::makeHost(4, 8);
    test::addMdev(h, U, adapters, domains, cdoms);
    return h;
}

QByteArray sourceStream(P p, const HostSnapshot &h)
{
    const SourceStream s = buildSourceStream(p, h, U);
    return s.bytes;
}

/// Writes `stream` in the chunks `cuts` marks (offsets, ascending) and returns the last answer.
ResumingFile::Answer writeSplit(ResumingFile &f, const QByteArray &stream, const QList<int> &cuts)
{
    ResumingFile::Answer a;
    int from = 0;
    QList<int> ends = cuts;
    ends.append(stream.size());
    for (const int to : ends) {
        a = f.write(stream.mid(from, to - from));
        if (a.err() || a.isUndefined())
            return a;
        from = to;
    }
    return a;
}
} // namespace

class TstRevisions : public QObject {
    Q_OBJECT
private slots:
    // ---- Log lines, byte for byte ---------------------------------------------------------

    void logLines_data()
    {
        QTest::addColumn<int>("profile");
        QTest::addColumn<int>("id");
        QTest::addColumn<QList<qint64>>("numbers");
        QTest::addColumn<QString>("expected"); // empty: the revision has no such line
        const QString u = U;
        auto row = [](const char *name, P p, LogId id, QList<qint64> n, const QString &e) {
            QTest::newRow(name) << int(p) << int(id) << n << e;
        };
        auto fl = [](Feature f, FeatureLine l) { return featureLine(f, l); };
        using enum Feature;
        using enum FeatureLine;
        const QList<qint64> q = {5, 4};
        const QString pre = QStringLiteral("vfio_ap_mdev %1: ").arg(u);

        // v2 (dev_err prefix), including the two-blank position line and the CCA lines.
        row("v2 not linked", P::V2, LogId::NotLinked, {}, QStringLiteral("migration failed: matrix_mdev object not linked to migration file"));
        row("v2 position", P::V2, LogId::InvalidPosition, {-3}, pre + QStringLiteral("migration failed: invalid migration file position  (-3) for write"));
        row("v2 overflow", P::V2, LogId::PosOverflow, {9, 17}, pre + QStringLiteral("migration failed: pos (9) plus len (17) operation overflowed loff_t precision"));
        row("v2 too large", P::V2, LogId::ConfigTooLarge, {72, 40}, pre + QStringLiteral("migration failed: source guest's AP config size (72) larger than target's (40)"));
        row("v2 disabled", P::V2, LogId::FileDisabled, {}, pre + QStringLiteral("migration failed: migration file is disabled"));
        row("v2 count", P::V2, LogId::QueueCountDiffers, {0xFFFFFFFFLL, 4}, pre + QStringLiteral("migration failed: number of queues on source (-1) and target (4) guests differ"));
        row("v2 not assigned", P::V2, LogId::NotAssigned, q, pre + QStringLiteral("migration failed: queue 05.0004 not assigned to guest matrix"));
        row("v2 header", P::V2, LogId::Header, q, pre + QStringLiteral("Migration failed: Source and target queue (05.0004) not compatible"));
        row("v2 cca target lacks", P::V2, fl(Cca, TargetLacks), q, pre + QStringLiteral("Coprocessor-mode  facility not installed target queue 05.0004"));
        row("v2 cca target has", P::V2, fl(Cca, TargetHas), q, pre + QStringLiteral("Coprocessor-mode  facility installed target queue 05.0004"));
        row("v2 apsc target has", P::V2, fl(Apsc, TargetHas), q, pre + QStringLiteral("APSC facility installed in target queue 05.0004"));
        row("v2 bs", P::V2, LogId::BindState, {0, 1, 5, 4}, pre + QStringLiteral("Bind/associate state for source (0) and target (1) queue 05.0004 are not compatible"));
        row("v2 aptype", P::V2, LogId::ApType, {14, 13}, pre + QStringLiteral("AP type of source (0e) not compatible with target (0d)"));
        row("v2 se", P::V2, LogId::SecureExecution, {}, pre + QStringLiteral("Migration not allowed from or to a Secure Execution guest"));
        row("v2 no tapq line", P::V2, LogId::TapqFailed, {5, 4, 6}, QString());
        row("v2 no availability line", P::V2, LogId::QueueNotAvailable, q, QString());
        row("v2 no cdom line", P::V2, LogId::ControlDomainNotAvailable, {5}, QString());

        // v3 (§5.1), the whole list.
        const QList<std::tuple<const char *, LogId, QList<qint64>, QString>> v3 = {
            {"tapq rc01", LogId::TapqNotAvailable, {5, 4, 1}, QStringLiteral("migration failed: Failed to get hwinfo for queue 05.0004 on target host: TAPQ rc=1")},
            {"tapq other", LogId::TapqFailed, {5, 4, 6}, QStringLiteral("Failed to get hwinfo for queue 05.0004: TAPQ rc=6")},
            {"not available", LogId::QueueNotAvailable, q, QStringLiteral("Queue 05.0004 not available to vfio_ap driver on target host")},
            {"apsc 1", fl(Apsc, SourceHas), q, QStringLiteral("APSC facility installed in source queue 05.0004")},
            {"apsc 2", fl(Apsc, TargetLacks), q, QStringLiteral("APSC facility not installed in target queue 05.0004")},
            {"apsc 3", fl(Apsc, SourceLacks), q, QStringLiteral("APSC facility not installed in source queue 05.0004")},
            {"mex4k 1", fl(Mex4k, SourceHas), q, QStringLiteral("mex4k facility installed in source queue 05.0004")},
            {"mex4k 2", fl(Mex4k, TargetLacks), q, QStringLiteral("mex4k facility not installed in target queue 05.0004")},
            {"mex4k 3", fl(Mex4k, SourceLacks), q, QStringLiteral("mex4k facility not installed in source queue 05.0004")},
            {"mex4k 4", fl(Mex4k, TargetHas), q, QStringLiteral("mex4k facility installed in target queue 05.0004")},
            {"crt4k 1", fl(Crt4k, SourceHas), q, QStringLiteral("crt4k facility installed in source queue 05.0004")},
            {"crt4k 2", fl(Crt4k, TargetLacks), q, QStringLiteral("crt4k facility not installed in target queue 05.0004")},
            {"crt4k 3", fl(Crt4k, SourceLacks), q, QStringLiteral("crt4k facility not installed in source queue 05.0004")},
            {"crt4k 4", fl(Crt4k, TargetHas), q, QStringLiteral("crt4k facility installed in target queue 05.0004")},
            {"cca 1", fl(Cca, SourceHas), q, QStringLiteral("Coprocessor-mode facility installed in source queue 05.0004")},
            {"cca 2", fl(Cca, TargetLacks), q, QStringLiteral("Coprocessor-mode  facility not installed target queue 05.0004")},
            {"cca 3", fl(Cca, SourceLacks), q, QStringLiteral("Coprocessor-mode facility not installed in source queue 05.0004")},
            {"cca 4", fl(Cca, TargetHas), q, QStringLiteral("Coprocessor-mode  facility installed target queue 05.0004")},
            {"accel 1", fl(Accel, SourceHas), q, QStringLiteral("Accelerator-mode facility installed source queue 05.0004")},
            {"accel 2", fl(Accel, TargetLacks), q, QStringLiteral("Accelerator-mode facility not installed target queue 05.0004")},
            {"accel 3", fl(Accel, SourceLacks), q, QStringLiteral("Accelerator-mode facility not installed source queue 05.0004")},
            {"accel 4", fl(Accel, TargetHas), q, QStringLiteral("Accelerator-mode facility installed target queue 05.0004")},
            {"xcp 1", fl(Xcp, SourceHas), q, QStringLiteral("XCP-mode facility installed source queue 05.0004")},
            {"xcp 2", fl(Xcp, TargetLacks), q, QStringLiteral("XCP-mode facility not installed target queue 05.0004")},
            {"xcp 3", fl(Xcp, SourceLacks), q, QStringLiteral("XCP-mode facility not installed source queue 05.0004")},
            {"xcp 4", fl(Xcp, TargetHas), q, QStringLiteral("XCP-mode facility installed target queue 05.0004")},
            {"apxa 1", fl(Apxa, SourceHas), q, QStringLiteral("AP-extended-addressing (APXA) facility installed in source queue 05.0004")},
            {"apxa 2", fl(Apxa, TargetLacks), q, QStringLiteral("AP-extended-addressing (APXA) facility not installed in target queue 05.0004")},
            {"apxa 3", fl(Apxa, SourceLacks), q, QStringLiteral("AP-extended-addressing (APXA) facility not installed in source queue 05.0004")},
            {"apxa 4", fl(Apxa, TargetHas), q, QStringLiteral("AP-extended-addressing (APXA) facility installed in target queue 05.0004")},
            {"slcf 1", fl(Slcf, SourceHas), q, QStringLiteral("Stateless-command-filtering (SLCF) available in source queue 05.0004")},
            {"slcf 2", fl(Slcf, TargetLacks), q, QStringLiteral("Stateless-command-filtering (SLCF) not available in target queue 05.0004")},
            {"slcf 3", fl(Slcf, SourceLacks), q, QStringLiteral("Stateless-command-filtering (SLCF) not available in source queue 05.0004")},
            {"slcf 4", fl(Slcf, TargetHas), q, QStringLiteral("Stateless-command-filtering (SLCF) available in target queue 05.0004")},
            {"bs", LogId::BindState, {1, 1, 5, 4}, QStringLiteral("Bind/associate state for source (1) and target (1) queue 05.0004 must be 0")},
            {"aptype", LogId::ApType, {14, 13}, QStringLiteral("AP type of source (0e) not compatible with target (0d)")},
            {"class 1", LogId::ClassSourceNative, q, QStringLiteral("Full native card function available on source queue 05.0004")},
            {"class 2", LogId::ClassTargetStateless, q, QStringLiteral("Only stateless functions available on target queue 05.0004")},
            {"header", LogId::Header, q, QStringLiteral("Migration failed: Source and target queue (05.0004) not compatible")},
            {"se", LogId::SecureExecution, {}, QStringLiteral("Migration not allowed from or to a Secure Execution guest")},
        };
        // v3 and v4 print the same list; B and C inherit every line they do not change.
        const QList<LogId> changedInB = {LogId::TapqNotAvailable, LogId::TapqFailed, LogId::SecureExecution};
        const QList<LogId> changedInC = changedInB
            + QList<LogId>{fl(Cca, TargetLacks), fl(Cca, TargetHas), fl(Accel, SourceHas), fl(Accel, TargetLacks), fl(Accel, SourceLacks),
                           fl(Accel, TargetHas), fl(Xcp, SourceHas), fl(Xcp, TargetLacks), fl(Xcp, SourceLacks), fl(Xcp, TargetHas)};
        for (const auto &[name, id, n, text] : v3) {
            for (const P p : {P::V3, P::V4, P::B, P::C}) {
                if ((p == P::B && changedInB.contains(id)) || (p == P::C && changedInC.contains(id)))
                    continue;
                QTest::newRow(qPrintable(profileName(p) + QLatin1Char(' ') + QLatin1String(name))) << int(p) << int(id) << n << (pre + text);
            }
        }
        // The v3 typo: no colon after the device name in the reversed APSC target line (C fixes it).
        for (const P p : {P::V3, P::V4, P::B})
            QTest::newRow(qPrintable(profileName(p) + QStringLiteral(" apsc 4"))) << int(p) << int(fl(Apsc, TargetHas)) << q
                                                                                 << QStringLiteral("vfio_ap_mdev %1 APSC facility installed in target queue 05.0004").arg(u);
        row("v3 no cdom line", P::V3, LogId::ControlDomainNotAvailable, {5}, QString());
        row("v3 no v2 line", P::V3, LogId::NotAssigned, q, QString());

        // B (§5.2).
        row("b tapq rc01", P::B, LogId::TapqNotAvailable, {5, 4, 1}, pre + QStringLiteral("Failed to get hwinfo for queue 05.0004: TAPQ rc=1"));
        row("b tapq other", P::B, LogId::TapqFailed, {5, 4, 6}, QStringLiteral("vfio_ap_mdev %1:Failed to get hwinfo for queue 05.0004: TAPQ rc=6").arg(u));
        row("b cdom", P::B, LogId::ControlDomainNotAvailable, {5}, QStringLiteral("vfio_ap_mdev: %1: Control domain 0005 not available on the destination host").arg(u));
        row("b se unreachable", P::B, LogId::SecureExecution, {}, QString());

        // C (§5.3).
        row("c tapq rc01", P::C, LogId::TapqNotAvailable, {5, 4, 1}, pre + QStringLiteral("Failed to get hwinfo for queue 05.0004: TAPQ rc=1"));
        row("c tapq other", P::C, LogId::TapqFailed, {5, 4, 6}, pre + QStringLiteral("Failed to get hwinfo for queue 05.0004: TAPQ rc=6"));
        row("c cdom", P::C, LogId::ControlDomainNotAvailable, {0xab}, QStringLiteral("vfio_ap_mdev: %1: Control domain 00ab not available on the destination host").arg(u));
        row("c apsc 4", P::C, fl(Apsc, TargetHas), q, pre + QStringLiteral("APSC facility installed in target queue 05.0004"));
        row("c cca 2", P::C, fl(Cca, TargetLacks), q, pre + QStringLiteral("Coprocessor-mode facility not installed in target queue 05.0004"));
        row("c cca 4", P::C, fl(Cca, TargetHas), q, pre + QStringLiteral("Coprocessor-mode facility installed in target queue 05.0004"));
        row("c accel 1", P::C, fl(Accel, SourceHas), q, pre + QStringLiteral("Accelerator-mode facility installed in source queue 05.0004"));
        row("c accel 2", P::C, fl(Accel, TargetLacks), q, pre + QStringLiteral("Accelerator-mode facility not installed in target queue 05.0004"));
        row("c accel 3", P::C, fl(Accel, SourceLacks), q, pre + QStringLiteral("Accelerator-mode facility not installed in source queue 05.0004"));
        row("c accel 4", P::C, fl(Accel, TargetHas), q, pre + QStringLiteral("Accelerator-mode facility installed in target queue 05.0004"));
        row("c xcp 1", P::C, fl(Xcp, SourceHas), q, pre + QStringLiteral("XCP-mode facility installed in source queue 05.0004"));
        row("c xcp 2", P::C, fl(Xcp, TargetLacks), q, pre + QStringLiteral("XCP-mode facility not installed in target queue 05.0004"));
        row("c xcp 3", P::C, fl(Xcp, SourceLacks), q, pre + QStringLiteral("XCP-mode facility not installed in source queue 05.0004"));
        row("c xcp 4", P::C, fl(Xcp, TargetHas), q, pre + QStringLiteral("XCP-mode facility installed in target queue 05.0004"));
        row("c se unreachable", P::C, LogId::SecureExecution, {}, QString());
    }
    void logLines()
    {
        QFETCH(int, profile);
        QFETCH(int, id);
        QFETCH(QList<qint64>, numbers);
        QFETCH(QString, expected);
        KernelLog log(P(profile), U);
        switch (numbers.size()) {
        case 0: log.add(LogId(id)); break;
        case 1: log.add(LogId(id), {numbers[0]}); break;
        case 2: log.add(LogId(id), {numbers[0], numbers[1]}); break;
        case 3: log.add(LogId(id), {numbers[0], numbers[1], numbers[2]}); break;
        default: log.add(LogId(id), {numbers[0], numbers[1], numbers[2], numbers[3]}); break;
        }
        QCOMPARE(log.lines(), expected.isEmpty() ? QStringList() : QStringList{expected});
        // Bytes, not just characters: the blanks are where the kernel has them.
        if (!expected.isEmpty())
            QCOMPARE(log.lines().first().toLatin1(), expected.toLatin1());
    }

    void printfConversions()
    {
        QCOMPARE(formatKernelLine("%02lx.%04lx", u"", {0xab, 0x1f}), QStringLiteral("ab.001f"));
        QCOMPARE(formatKernelLine("(%d) (%u) (%lli)\n", u"", {0xFFFFFFFFLL, 0xFFFFFFFFLL, -7}), QStringLiteral("(-1) (4294967295) (-7)"));
        QCOMPARE(formatKernelLine("%01x|%02x|%s", u"uuid", {3, 14}), QStringLiteral("3|0e|uuid"));
        QCOMPARE(formatKernelLine("100%%", u"", {}), QStringLiteral("100%"));
    }

    // ---- The rule per revision ------------------------------------------------------------

    void workedCases_data()
    {
        QTest::addColumn<quint64>("source");
        QTest::addColumn<quint64>("target");
        QTest::addColumn<QString>("verdicts"); // v2 v3 v4 B C: 1 accept, 0 reject
        QTest::newRow("identical") << kBase << kBase << "11111";
        QTest::newRow("older source type") << withType(kBase, 13) << kBase << "11111";
        QTest::newRow("newer source type") << kBase << withType(kBase, 13) << "00000";
        QTest::newRow("stateless to native") << withClass(kBase, 0x40) << kBase << "00011";
        QTest::newRow("native to stateless") << kBase << withClass(kBase, 0x40) << "00000";
        QTest::newRow("equal non-zero BS") << withBs(kBase, 1) << withBs(kBase, 1) << "11100";
        QTest::newRow("BS 0 to 1") << kBase << withBs(kBase, 1) << "00000";
        QTest::newRow("BS 1/1, older source") << withBs(withType(kBase, 13), 1) << withBs(kBase, 1) << "10000";
        QTest::newRow("class bit 0x01 differs") << withClass(kBase, 0x81) << kBase << "00011";
        QTest::newRow("bits 18-31 differ, equal type") << withBits18(kBase, 0x123) << kBase << "11111";
        QTest::newRow("bits 18-31 differ, older source") << withBits18(withType(kBase, 13), 0x123) << kBase << "00011";
        QTest::newRow("nd ml qd differ") << kBase << (kBase & ~0xffffULL) << "11111";
    }
    void workedCases()
    {
        QFETCH(quint64, source);
        QFETCH(quint64, target);
        QFETCH(QString, verdicts);
        const QList<P> ps = allProfiles();
        for (int i = 0; i < ps.size(); ++i) {
            const bool expected = verdicts[i] == QLatin1Char('1');
            QVERIFY2(queueCompatible(ps[i], Hwinfo(source), Hwinfo(target)) == expected, qPrintable(profileName(ps[i])));
            QCOMPARE(incompatibilityLog(ps[i], U, Q, Hwinfo(source), Hwinfo(target)).isEmpty(), expected);
        }
    }

    void reporterOrder_data()
    {
        QTest::addColumn<int>("profile");
        QTest::addColumn<QStringList>("lines");
        const QString pre = QStringLiteral("vfio_ap_mdev %1: ").arg(U);
        const QString hdr = pre + QStringLiteral("Migration failed: Source and target queue (05.0004) not compatible");
        const QString cls1 = pre + QStringLiteral("Full native card function available on source queue 05.0004");
        const QString cls2 = pre + QStringLiteral("Only stateless functions available on target queue 05.0004");
        const QString type = pre + QStringLiteral("AP type of source (0e) not compatible with target (0d)");
        const QString bsV2 = pre + QStringLiteral("Bind/associate state for source (0) and target (1) queue 05.0004 are not compatible");
        const QString bsV3 = pre + QStringLiteral("Bind/associate state for source (0) and target (1) queue 05.0004 must be 0");
        QTest::newRow("v2") << int(P::V2) << QStringList{hdr, cls1, cls2, type, bsV2};
        QTest::newRow("v3") << int(P::V3) << QStringList{hdr, type, bsV3, cls1, cls2};
        QTest::newRow("v4") << int(P::V4) << QStringList{hdr, type, bsV3, cls1, cls2};
        QTest::newRow("b") << int(P::B) << QStringList{hdr, type, bsV3, cls1, cls2};
        QTest::newRow("c") << int(P::C) << QStringList{hdr, type, bsV3, cls1, cls2};
    }
    void reporterOrder()
    {
        QFETCH(int, profile);
        QFETCH(QStringList, lines);
        // Native source on a stateless, older, BS-1 target: class, type and BS lines all print.
        const quint64 t = withBs(withClass(withType(kBase, 13), 0x40), 1);
        QCOMPARE(incompatibilityLog(P(profile), U, Q, Hwinfo(kBase), Hwinfo(t)), lines);
    }

    void randomisedAgainstIndependentRule()
    {
        QRandomGenerator rng(20261201);
        const quint64 facs[] = {0xF3, 0xF2, 0x92, 0x87, 0x86, 0xEB, 0x00};
        const quint64 classes[] = {0x80, 0x40, 0x00, 0xC0, 0x81};
        int accepted[5] = {};
        for (int i = 0; i < 100000; ++i) {
            auto draw = [&] {
                quint64 v = facs[rng.bounded(7)] << 56 | classes[rng.bounded(5)] << 48;
                v |= quint64(rng.bounded(4)) << 46;
                v |= quint64(rng.bounded(3) == 0 ? rng.bounded(0x4000) : 0) << 32;
                v |= quint64(11 + rng.bounded(5)) << 24;
                v |= quint64(rng.generate() & 0xffffff);
                return v;
            };
            const quint64 s = draw();
            const quint64 t = rng.bounded(4) == 0 ? s : draw();
            for (const P p : allProfiles()) {
                const bool a = queueCompatible(p, Hwinfo(s), Hwinfo(t));
                if (a != independent(p, s, t))
                    QFAIL(qPrintable(QStringLiteral("%1: %2 -> %3").arg(profileName(p), Hwinfo(s).toHex(), Hwinfo(t).toHex())));
                const QStringList log = incompatibilityLog(p, U, Q, Hwinfo(s), Hwinfo(t));
                QCOMPARE(log.isEmpty(), a);
                accepted[int(p)] += a;
            }
        }
        for (const int n : accepted)
            QVERIFY(n > 5000);
    }

    // ---- Streams --------------------------------------------------------------------------

    void layouts()
    {
        const QList<StreamEntry> one = {{Q, Hwinfo(kBase)}};
        const IdMask cdoms = IdMask::fromIds({0, 9, 255});
        const QByteArray entry("928000000e550307" "0504" "000000000000");
        QCOMPARE(encodeStream(P::V2, one, cdoms).toHex(), QByteArray("00000001" "00000000") + entry);
        QCOMPARE(encodeStream(P::V3, one, cdoms).toHex(), QByteArray("00000001" "00000000" "0000000000000000") + entry);
        QCOMPARE(encodeStream(P::V4, one, cdoms), encodeStream(P::V3, one, cdoms));
        const QByteArray adm = "80400000000000000000000000000000" "00000000000000000000000000000001";
        QCOMPARE(encodeStream(P::B, one, cdoms).toHex(), QByteArray("00000001" "00000000") + adm + entry);
        QCOMPARE(encodeStream(P::C, one, cdoms).toHex(), QByteArray("76666170" "00000001" "00000001" "00000000") + adm + entry);
        QCOMPARE(headerSize(P::V2), 8);
        QCOMPARE(headerSize(P::V3), 16);
        QCOMPARE(headerSize(P::B), 40);
        QCOMPARE(headerSize(P::C), 48);
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("profile");
        QTest::addColumn<int>("queues");
        for (const P p : allProfiles())
            for (int n : {0, 1, 7, 300})
                QTest::newRow(qPrintable(QStringLiteral("%1 x%2").arg(profileName(p)).arg(n))) << int(p) << n;
    }
    void roundTrip()
    {
        QFETCH(int, profile);
        QFETCH(int, queues);
        const P p = P(profile);
        QList<StreamEntry> entries;
        for (int i = 0; i < queues; ++i)
            entries.append({Apqn::fromValue(quint16(i * 17 + 1)), Hwinfo(0x1234567890abcdefULL * quint64(i + 1))});
        const IdMask cdoms = IdMask::fromIds({1, 2, 200});
        const auto s = decodeStream(p, encodeStream(p, entries, cdoms));
        QVERIFY(s);
        QCOMPARE(s->entries, entries);
        QCOMPARE(s->controlDomains, revision(p).controlDomains ? cdoms : IdMask());
    }

    void cWrongMagicIsCorrupt()
    {
        QByteArray bytes = encodeStream(P::C, {{Q, Hwinfo(kBase)}});
        bytes[0] = 'x';
        QVERIFY(!decodeStream(P::C, bytes));
        bytes = encodeStream(P::C, {{Q, Hwinfo(kBase)}});
        bytes[7] = 2;
        const auto s = decodeStream(P::C, bytes);
        QVERIFY(!s);
        QVERIFY(s.error().detail.contains(QLatin1String("version 2")));
    }

    // ---- RESUMING writes ------------------------------------------------------------------

    /// Every two- and three-way split of a two-queue stream, per revision: which splits the
    /// destination accepts, and what the others answer.
    void everySplit_data()
    {
        QTest::addColumn<int>("profile");
        for (const P p : allProfiles())
            QTest::newRow(qPrintable(profileName(p))) << int(p);
    }
    void everySplit()
    {
        QFETCH(int, profile);
        const P p = P(profile);
        const HostSnapshot d = host({1}, {2, 3});
        const QByteArray stream = sourceStream(p, d);
        QCOMPARE(stream.size(), headerSize(p) + 32);
        const int n = int(stream.size());
        for (int i = 1; i < n; ++i) {
            for (int j = i; j < n; ++j) {
                const QList<int> cuts = j == i ? QList<int>{i} : QList<int>{i, j};
                ResumingFile f(p, d, U);
                const ResumingFile::Answer a = writeSplit(f, stream, cuts);
                const QString where = QStringLiteral("%1 split at %2,%3").arg(profileName(p)).arg(i).arg(j);
                switch (revision(p).write) {
                case WriteAlgorithm::FixedBuffer:
                case WriteAlgorithm::Staged:
                    QVERIFY2(!a.err() && !a.isUndefined() && f.accepted(), qPrintable(where));
                    break;
                case WriteAlgorithm::Chunked:
                    if (i < 4)
                        QVERIFY2(a.err() == EINVAL, qPrintable(where));
                    else
                        QVERIFY2(!a.err() && f.accepted(), qPrintable(where));
                    break;
                case WriteAlgorithm::OneShot:
                    if (i < 16)
                        QVERIFY2(a.isUndefined(), qPrintable(where)); // the header never arrived whole
                    else
                        QVERIFY2(a.err() == EFAULT && !f.accepted(), qPrintable(where));
                    break;
                }
            }
        }
        ResumingFile whole(p, d, U);
        const ResumingFile::Answer a = whole.write(stream);
        QCOMPARE(a.result, qint64(n));
        QVERIFY(whole.accepted());
    }

    void zeroLengthWrite_data()
    {
        QTest::addColumn<int>("profile");
        QTest::addColumn<int>("err"); // -1: undefined
        QTest::newRow("v2") << int(P::V2) << 0;
        QTest::newRow("v3") << int(P::V3) << -1;
        QTest::newRow("v4") << int(P::V4) << -1;
        QTest::newRow("b") << int(P::B) << EINVAL;
        QTest::newRow("c") << int(P::C) << EINVAL;
    }
    void zeroLengthWrite()
    {
        QFETCH(int, profile);
        QFETCH(int, err);
        const HostSnapshot d = host({1}, {2, 3});
        ResumingFile f(P(profile), d, U);
        const ResumingFile::Answer a = f.write({});
        if (err < 0)
            QVERIFY(a.isUndefined());
        else
            QCOMPARE(a.err(), err);
    }

    void cOverlongFirstWriteIsUndefined()
    {
        const HostSnapshot d = host({1}, {2, 3});
        ResumingFile f(P::C, d, U);
        const ResumingFile::Answer a = f.write(sourceStream(P::C, d) + QByteArray(1, '\0'));
        QVERIFY(a.isUndefined());
        QVERIFY(a.undefined.contains(QLatin1String("heap overflow")));
        // The other revisions answer EIO to the same write.
        for (const P p : {P::V2, P::V3, P::B}) {
            ResumingFile g(p, d, U);
            QCOMPARE(g.write(sourceStream(p, d) + QByteArray(1, '\0')).err(), EIO);
        }
    }

    void cChecksMagicOnlyAfterAnEarlierPrefix()
    {
        const HostSnapshot d = host({1}, {2, 3});
        QByteArray stream = sourceStream(P::C, d);
        stream[0] = 'X';
        for (int i = 1; i < stream.size(); ++i) {
            ResumingFile f(P::C, d, U);
            const ResumingFile::Answer a = writeSplit(f, stream, {i});
            if (i < 12)
                QVERIFY2(!a.err() && f.accepted(), qPrintable(QString::number(i))); // never checked
            else
                QVERIFY2(a.err() == EINVAL && a.log.isEmpty(), qPrintable(QString::number(i)));
        }
    }

    void v2NumQueuesSign()
    {
        const HostSnapshot d = host({0, 1}, {2, 3});
        ResumingFile f(P::V2, d, U);
        QByteArray header(8, '\0');
        header[0] = header[1] = header[2] = header[3] = char(0xff);
        const ResumingFile::Answer a = f.write(header);
        QCOMPARE(a.err(), ENODEV);
        QCOMPARE(a.log, QStringList{QStringLiteral("vfio_ap_mdev %1: migration failed: number of queues on source (-1) and target (4) guests differ").arg(U)});
    }

    void v2RecomputesTheDestinationCount()
    {
        HostSnapshot d = host({0, 1}, {2, 3});
        ResumingFile f(P::V2, d, U); // buffer sized for 4 queues
        const QByteArray stream = sourceStream(P::V2, d);
        d.mdev(U)->guestDomains = IdMask::fromIds({2}); // the matrix changed after STOP -> RESUMING
        const ResumingFile::Answer a = f.write(stream);
        QCOMPARE(a.err(), E2BIG);
        QCOMPARE(a.log, QStringList{QStringLiteral("vfio_ap_mdev %1: migration failed: number of queues on source (4) and target (2) guests differ").arg(U)});
    }

    void v2SkipsQueuesWithoutDevice()
    {
        HostSnapshot s = host({0, 1}, {2, 3});
        s.queues.removeIf([](const Queue &q) { return q.apqn == Apqn{1, 2}; }); // gone; the shadow APCB still has it
        const SourceStream v2 = buildSourceStream(P::V2, s, U);
        QCOMPARE(v2.err, 0);
        const auto decoded = decodeStream(P::V2, v2.bytes);
        QVERIFY(decoded);
        QCOMPARE(decoded->entries.size(), 4);
        QCOMPARE(decoded->entries.last(), (StreamEntry{Apqn{0, 0}, Hwinfo()}));
        const HostSnapshot d = host({0, 1}, {2, 3});
        ResumingFile f(P::V2, d, U);
        const ResumingFile::Answer a = f.write(v2.bytes);
        QCOMPARE(a.err(), ENODEV);
        QCOMPARE(a.log, QStringList{QStringLiteral("vfio_ap_mdev %1: migration failed: queue 00.0000 not assigned to guest matrix").arg(U)});
        // v3 asks TAPQ instead, and the read fails on the source.
        const SourceStream v3 = buildSourceStream(P::V3, s, U);
        QCOMPARE(v3.err, ENODEV);
        QCOMPARE(v3.log, QStringList{QStringLiteral("vfio_ap_mdev %1: migration failed: Failed to get hwinfo for queue 01.0002 on target host: TAPQ rc=1").arg(U)});
    }

    void v2DataKeepsCardFields()
    {
        const HostSnapshot h = host({1}, {2});
        const Hwinfo hw = *driverHwinfo(P::V2, h, Apqn{1, 2});
        QCOMPARE(hw.queueDepth(), 7);       // depth
        QCOMPARE(hw.maxMessageUnits(), 6);  // max_msg_size 24576 / 4096
        QCOMPARE(hw.domains(), 85);         // domains 0..84
        QCOMPARE(hw.bs(), 0);
        QCOMPARE(hw.reserved18to31(), 0u);
    }

    // ---- Checks that differ per revision ---------------------------------------------------

    void incompatibleErrno_data()
    {
        QTest::addColumn<int>("profile");
        QTest::addColumn<int>("err");
        QTest::addColumn<int>("headers"); // one block per incompatible queue; v2 stops at the first
        QTest::newRow("v2") << int(P::V2) << EFAULT << 1;
        QTest::newRow("v3") << int(P::V3) << EFAULT << 2;
        QTest::newRow("v4") << int(P::V4) << EFAULT << 2;
        QTest::newRow("b") << int(P::B) << EINVAL << 2;
        QTest::newRow("c") << int(P::C) << EINVAL << 2;
    }
    void incompatibleErrno()
    {
        QFETCH(int, profile);
        QFETCH(int, err);
        QFETCH(int, headers);
        const P p = P(profile);
        const HostSnapshot s = host({1}, {2, 3});
        HostSnapshot d = host({1}, {2, 3});
        d.card(1)->functions &= ~Hwinfo::kFacApsc; // both seen by v2 (card) and later (queue)
        for (Queue &q : d.queues)
            if (q.functions)
                *q.functions &= ~Hwinfo::kFacApsc;
        ResumingFile f(p, d, U);
        const ResumingFile::Answer a = f.write(sourceStream(p, s));
        QCOMPARE(a.err(), err);
        QCOMPARE(a.log.filter(QStringLiteral("not compatible")).size() - a.log.filter(QStringLiteral("AP type")).size(), headers);
    }

    void controlDomainCheck_data()
    {
        QTest::addColumn<int>("profile");
        QTest::addColumn<int>("err");
        QTest::addColumn<QStringList>("log");
        const QString line = QStringLiteral("vfio_ap_mdev: %1: Control domain 0005 not available on the destination host").arg(U);
        QTest::newRow("v2") << int(P::V2) << 0 << QStringList();
        QTest::newRow("v3") << int(P::V3) << 0 << QStringList();
        QTest::newRow("b") << int(P::B) << ENODEV << QStringList{line};
        QTest::newRow("c") << int(P::C) << ENODEV << QStringList{line};
    }
    void controlDomainCheck()
    {
        QFETCH(int, profile);
        QFETCH(int, err);
        QFETCH(QStringList, log);
        const P p = P(profile);
        const HostSnapshot s = host({1}, {2, 3}, {2, 5});
        HostSnapshot d = host({1}, {2, 3});
        d.bus.configuredControlDomains.clear(5);
        ResumingFile f(p, d, U);
        const ResumingFile::Answer a = f.write(sourceStream(p, s));
        QCOMPARE(a.err(), err);
        QCOMPARE(a.log, log);
        if (!err && revision(p).controlDomains)
            QCOMPARE(f.appliedMatrix()->controlDomains, IdMask::fromIds({2, 5}));
    }

    void unknownTapqCode_data()
    {
        QTest::addColumn<int>("profile");
        QTest::addColumn<int>("err");
        QTest::addColumn<QString>("first");
        // rc above 05 without the async bit: v3 takes it (then compares a zero word), B and C refuse.
        QTest::newRow("v3") << int(P::V3) << EFAULT << QStringLiteral("vfio_ap_mdev %1: Migration failed: Source and target queue (01.0002) not compatible").arg(U);
        QTest::newRow("b") << int(P::B) << EIO << QStringLiteral("vfio_ap_mdev %1:Failed to get hwinfo for queue 01.0002: TAPQ rc=6").arg(U);
        QTest::newRow("c") << int(P::C) << EIO << QStringLiteral("vfio_ap_mdev %1: Failed to get hwinfo for queue 01.0002: TAPQ rc=6").arg(U);
    }
    void unknownTapqCode()
    {
        QFETCH(int, profile);
        QFETCH(int, err);
        QFETCH(QString, first);
        const HostSnapshot s = host({1}, {2, 3});
        HostSnapshot d = host({1}, {2, 3});
        d.queue(Apqn{1, 2})->functions.reset();
        ResumingFile f(P(profile), d, U);
        const ResumingFile::Answer a = f.write(sourceStream(P(profile), s));
        QCOMPARE(a.err(), err);
        QCOMPARE(a.log.value(0), first);
    }

    void cRateLimitsPerCallSite()
    {
        const HostSnapshot s = host({0, 1, 2}, {0, 1, 2, 3}); // 12 queues
        HostSnapshot d = s;
        for (Queue &q : d.queues)
            if (q.functions)
                *q.functions &= ~Hwinfo::kFacApsc;
        ResumingFile c(P::C, d, U);
        const ResumingFile::Answer a = c.write(sourceStream(P::C, s));
        QCOMPARE(a.err(), EINVAL);
        QCOMPARE(a.log.filter(QStringLiteral("Migration failed")).size(), kRatelimitBurst);
        QCOMPARE(c.suppressedLines(), 3 * (12 - kRatelimitBurst)); // header and two APSC lines
        ResumingFile b(P::B, d, U);
        QCOMPARE(b.write(sourceStream(P::B, s)).log.size(), 36);
    }

    void secureExecution_data()
    {
        QTest::addColumn<int>("profile");
        QTest::addColumn<int>("err");
        QTest::addColumn<int>("lines");
        QTest::newRow("v2") << int(P::V2) << EPERM << 1;
        QTest::newRow("v3") << int(P::V3) << EPERM << 1;
        QTest::newRow("v4") << int(P::V4) << EPERM << 1;
        QTest::newRow("b") << int(P::B) << ENOTTY << 0;
        QTest::newRow("c") << int(P::C) << ENOTTY << 0;
    }
    void secureExecution()
    {
        QFETCH(int, profile);
        QFETCH(int, err);
        QFETCH(int, lines);
        HostSnapshot h = host({1}, {2});
        h.secureExecutionGuest = true;
        VfioMigrationDevice dev(P(profile), U);
        const auto t = dev.setState(VfioState::StopCopy, h);
        QCOMPARE(t.err, err);
        QCOMPARE(t.log.size(), lines);
    }

    void bAndCCacheTheSourceSnapshot()
    {
        HostSnapshot h = host({1}, {2, 3});
        for (const P p : allProfiles()) {
            VfioMigrationDevice dev(p, U);
            QCOMPARE(dev.setState(VfioState::StopCopy, h).err, 0);
            const QByteArray first = *dev.read(20, h);
            h.queue(Apqn{1, 3})->functions = 0x12345678u; // the live answer changes between reads
            const QByteArray rest = *dev.read(1 << 20, h);
            const QByteArray whole = first + rest;
            const bool torn = whole != sourceStream(p, host({1}, {2, 3}));
            QVERIFY2(torn == (revision(p).snapshot == SourceSnapshot::EveryRead), qPrintable(profileName(p)));
            h = host({1}, {2, 3});
        }
    }

    void bStoredBufferSurvivesASession()
    {
        const HostSnapshot s = host({1}, {2, 3});
        HostSnapshot d = host({1}, {2, 3});
        VfioMigrationDevice dev(P::B, U);
        QCOMPARE(dev.setState(VfioState::Resuming, d).err, 0);
        QVERIFY(!dev.write(sourceStream(P::B, s), d).err());
        QCOMPARE(dev.setState(VfioState::Stop, d).err, 0);
        QCOMPARE(dev.setState(VfioState::Resuming, d).err, 0);
        QCOMPARE(dev.write(sourceStream(P::B, s), d).err(), EFAULT); // until reset or close
        VfioMigrationDevice v3(P::V3, U);
        QCOMPARE(v3.setState(VfioState::Resuming, d).err, 0);
        QVERIFY(!v3.write(sourceStream(P::V3, s), d).err());
        QCOMPARE(v3.setState(VfioState::Stop, d).err, 0);
        QCOMPARE(v3.setState(VfioState::Resuming, d).err, 0);
        QVERIFY(!v3.write(sourceStream(P::V3, s), d).err()); // a new file in v3
    }

    // ---- The report: every revision side by side ------------------------------------------------

    void reportByRevision()
    {
        // BS 1 on both sides (queues bound for Secure Execution): equal masked words.
        HostSnapshot h = host({1}, {2, 3});
        h.matrix.features.append(QStringLiteral("migratable"));
        for (Queue &q : h.queues)
            if (q.functions)
                *q.functions |= 0x00004000u;
        CheckInput in;
        in.source = h;
        in.target = h;
        in.mdev = U;
        in.profile = P::B;
        const auto r = runCheck(in);
        QVERIFY(r);
        QCOMPARE(r->decision.err, EINVAL); // the report leads with the chosen revision
        QCOMPARE(r->byRevision.size(), 4);
        const QList<int> errs = {r->byRevision[0].decision.err, r->byRevision[1].decision.err, r->byRevision[2].decision.err,
                                 r->byRevision[3].decision.err};
        QCOMPARE(errs, (QList<int>{0, 0, EINVAL, EINVAL}));
        QStringList notes;
        for (const FindingText &n : r->revisionNotes)
            notes.append(n.english());
        QVERIFY2(notes.contains(QLatin1String("Rejected by B, C; accepted by v2, v3/v4: equal non-zero BS (1), APQN 01.0002, 01.0003.")),
                 qPrintable(notes.join(QLatin1Char('\n'))));
        QVERIFY(notes.contains(QLatin1String("Answer of B, C: EINVAL.")));
        const QString text = report::checkReportText(*r);
        QVERIFY(text.contains(QLatin1String("By revision:\n  v2     compatible")));
        QVERIFY(text.contains(QLatin1String("  v3/v4  compatible")));
        QVERIFY(text.contains(QStringLiteral("  B      incompatible EINVAL  vfio_ap_mdev %1: Migration failed: Source and target queue (01.0002) not compatible").arg(U)));
        const QJsonObject json = report::checkReportJson(*r);
        QCOMPARE(json.value(QStringLiteral("by_revision")).toArray().size(), 4);
        QCOMPARE(json.value(QStringLiteral("other_profile")).toObject().value(QStringLiteral("profile")).toString(), QStringLiteral("v2"));
        const auto back = report::checkReportFromJson(json);
        QVERIFY(back);
        QCOMPARE(back->byRevision.size(), 4);
        QCOMPARE(back->byRevision[2].decision.kernelLog, r->byRevision[2].decision.kernelLog);
        QCOMPARE(back->revisionNotes, r->revisionNotes);
        // All profiles share the decisions: v3 and v4 read the same.
        const auto all = runCheckAllProfiles(in);
        QVERIFY(all);
        QCOMPARE(all->size(), 5);
        QCOMPARE(all->at(1).decision.err, all->at(2).decision.err);
        QCOMPARE(all->at(2).profile, P::V4);
        QCOMPARE(all->at(2).queues, all->at(1).queues);
        QCOMPARE(all->at(2).findings.size(), all->at(1).findings.size());
        for (qsizetype i = 0; i < all->at(1).findings.size(); ++i)
            QCOMPARE(all->at(2).findings[i].message, all->at(1).findings[i].message);
        in.profile = P::V4;
        const auto v4 = runCheck(in);
        QVERIFY(v4);
        QCOMPARE(v4->queues, all->at(2).queues);
        QCOMPARE(v4->findings.size(), all->at(2).findings.size());
        QCOMPARE(all->at(4).decision.err, EINVAL);
    }

    // ---- Which revision a host runs ----------------------------------------------------------

    void proposals()
    {
        using B = RevisionGuess::Basis;
        HostSnapshot a = host({1}, {2});
        a.host = QStringLiteral("a");
        a.matrix.features.append(QStringLiteral("migratable"));
        a.kernelRelease = QStringLiteral("6.17.0-vfap");
        a.vfioApSrcversion = QStringLiteral("5E1F0C2A9B7D3E4F6A8B9C0");
        HostSnapshot sameBuild = a, sameKernel = a, nothing = a, old = a;
        sameBuild.host = QStringLiteral("b");
        sameKernel.host = QStringLiteral("c");
        sameKernel.vfioApSrcversion = QStringLiteral("0000");
        nothing.host = QStringLiteral("d");
        nothing.vfioApSrcversion.clear();
        nothing.kernelRelease = QStringLiteral("6.18.1");
        old.host = QStringLiteral("e");
        old.matrix.features.removeAll(QStringLiteral("migratable"));
        const QList<HostRevisionRecord> known = {{QStringLiteral("a"), P::B, a.kernelRelease, a.vfioApSrcversion}};
        auto check = [&](const HostSnapshot &h, std::optional<P> p, B basis, const QString &from) {
            const RevisionGuess g = proposeRevision(h, known);
            QCOMPARE(g.profile, p);
            QCOMPARE(g.basis, basis);
            QCOMPARE(g.fromHost, from);
        };
        check(a, P::B, B::Operator, QStringLiteral("a"));
        check(sameBuild, P::B, B::SameBuild, QStringLiteral("a"));
        check(sameKernel, P::B, B::SameKernel, QStringLiteral("a"));
        check(nothing, std::nullopt, B::Unknown, QString());
        check(old, std::nullopt, B::NotMigratable, QString());
        QCOMPARE(proposeRevision(a, {}).basis, B::Unknown);
    }

    void storeRemembersRevisions()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("rev.db")));
        QVERIFY(store);
        QVERIFY((*store)->setHostRevision({QStringLiteral("ssh:root@z1"), P::C, QStringLiteral("6.17.0"), QStringLiteral("ABC")}));
        QVERIFY((*store)->setHostRevision({QStringLiteral("demo:zlab-b"), P::V4, {}, {}}));
        QVERIFY((*store)->setHostRevision({QStringLiteral("ssh:root@z1"), P::B, QStringLiteral("6.17.1"), QStringLiteral("DEF")}));
        auto all = (*store)->hostRevisions();
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).host, QStringLiteral("demo:zlab-b"));
        QCOMPARE(all->at(0).profile, P::V4);
        QCOMPARE(all->at(1).profile, P::B);
        QCOMPARE(all->at(1).vfioApSrcversion, QStringLiteral("DEF"));
        QVERIFY((*store)->forgetHostRevision(QStringLiteral("demo:zlab-b")));
        QCOMPARE((*store)->hostRevisions()->size(), 1);
    }

    // ---- The VFIO state machine -------------------------------------------------------------

    void fsmErrorStepIsEinval()
    {
        const quint32 flags = StopCopyFlag | PreCopyFlag;
        const auto r = nextState(VfioState::StopCopy, VfioState::PreCopy, flags);
        QVERIFY(!r);
        QCOMPARE(r.error().kernelErrno, EINVAL);
        QVERIFY(unpatchedKernelLocksUp(VfioState::StopCopy, VfioState::PreCopy, flags));
        QVERIFY(!unpatchedKernelLocksUp(VfioState::Running, VfioState::StopCopy, StopCopyFlag));
        QVERIFY(!unpatchedKernelLocksUp(VfioState::Running, VfioState::PreCopy, StopCopyFlag)); // refused before the walk
    }
};

QTEST_GUILESS_MAIN(TstRevisions)
#include "tst_revisions.moc"
