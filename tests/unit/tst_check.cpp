#include "testsupport.h"

#include <hosts/demofleet.h>
#include <migration/check.h>
#include <report/checkrender.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <cerrno>

using namespace ap;
using namespace ap::migration;

namespace {
HostSnapshot demoHost(const char *name) { return *demo::initialState(QString::fromLatin1(name)); }

CheckInput input(const char *from, const char *to, const QString &mdev = demo::uuids::payments, DriverProfile p = DriverProfile::V2)
{
    CheckInput in;
    in.source = demoHost(from);
    in.target = demoHost(to);
    in.mdev = mdev;
    in.profile = p;
    return in;
}

QStringList ids(const CheckReport &r, Severity s)
{
    QStringList out;
    for (const Finding &f : r.findings)
        if (f.severity == s)
            out.append(f.id);
    return out;
}
} // namespace

class TstCheck : public QObject {
    Q_OBJECT
private slots:
    void compatibleButKeysDiffer()
    {
        auto r = runCheck(input("zlab-a", "zlab-b"));
        QVERIFY(r);
        QVERIFY(r->decision.compatible);
        QCOMPARE(r->decision.err, 0);
        QVERIFY(r->decision.kernelLog.isEmpty());
        QCOMPARE(r->decision.streamBytes, 8 + 16 * 4);
        QCOMPARE(r->queues.size(), 4);
        QCOMPARE(r->guest, QStringLiteral("payments-01"));
        QVERIFY(ids(*r, Severity::Error).contains(QStringLiteral("master_key_mismatch")));
        QVERIFY(!r->ready);
    }

    void olderDestinationIsRejected()
    {
        auto r = runCheck(input("zlab-a", "zlab-c"));
        QVERIFY(r);
        QVERIFY(!r->decision.compatible);
        QCOMPARE(r->decision.err, EFAULT);
        QVERIFY(r->decision.kernelLog.first().endsWith(QLatin1String("Migration failed: Source and target queue (01.0011) not compatible")));
        QVERIFY(ids(*r, Severity::Error).contains(QStringLiteral("target_not_migratable")));
        QCOMPARE(r->queues[0].compatible, std::optional<bool>(false));
    }

    void missingDestinationMdev()
    {
        auto r = runCheck(input("zlab-a", "zlab-b", demo::uuids::hsm));
        QVERIFY(r);
        QCOMPARE(r->decision.err, ENODEV);
        QVERIFY(ids(*r, Severity::Error).contains(QStringLiteral("target_mdev_missing")));
    }

    void readyWhenEverythingMatches()
    {
        CheckInput in = input("zlab-a", "zlab-b");
        in.target.lastSeenMkvps = in.source.lastSeenMkvps; // same master keys loaded
        auto r = runCheck(in);
        QVERIFY(r);
        QVERIFY2(r->ready, qPrintable(ids(*r, Severity::Error).join(QLatin1Char(','))));
    }

    void destinationQueueProblems()
    {
        CheckInput in = input("zlab-a", "zlab-b");
        in.target.queue(Apqn{1, 0x11})->chkstop = true;
        in.target.queue(Apqn{2, 0x12})->driver = drivers::cex4queue();
        auto r = runCheck(in);
        QVERIFY(r);
        const QStringList e = ids(*r, Severity::Error);
        QVERIFY(e.contains(QStringLiteral("target_queue_checkstopped")));
        QVERIFY(e.contains(QStringLiteral("target_queue_not_vfio")));
    }

    void controlDomainsDiffer()
    {
        CheckInput in = input("zlab-a", "zlab-b");
        in.target.mdev(demo::uuids::payments)->controlDomains = IdMask::fromIds({0x11});
        auto r = runCheck(in);
        QVERIFY(ids(*r, Severity::Warning).contains(QStringLiteral("control_domains_differ")));
    }

    void secureExecutionGuest()
    {
        CheckInput in = input("zlab-a", "zlab-b");
        in.target.secureExecutionGuest = true;
        auto r = runCheck(in);
        QCOMPARE(r->decision.err, EPERM);
        QCOMPARE(r->decision.kernelLog, QStringList{QStringLiteral("vfio_ap_mdev %1: Migration not allowed from or to a Secure Execution guest").arg(demo::uuids::payments)});
    }

    void quirksAreReported()
    {
        // Native source, stateless-only destination class: v3 rejects with only the header.
        CheckInput in = input("zlab-a", "zlab-b", demo::uuids::payments, DriverProfile::V3);
        for (Queue &q : in.target.queues)
            if (q.functions)
                *q.functions = (*q.functions & ~0x00ff0000u) | 0x00400000u;
        for (Queue &q : in.source.queues)
            if (q.functions)
                *q.functions = (*q.functions & ~0x00ff0000u) | 0x00c00000u; // native + stateless bit
        auto r = runCheck(in);
        QVERIFY(r);
        QCOMPARE(r->decision.err, EFAULT);
        // v2 sees the probe-time card words, which did not change: the revisions disagree.
        QCOMPARE(r->byRevision.size(), 4);
        QVERIFY(r->byRevision.first().decision.compatible);
        QVERIFY(!r->revisionNotes.isEmpty());
        QVERIFY(ids(*r, Severity::Info).contains(QStringLiteral("revisions_disagree")));
    }

    void v2AptypeLineQuirk()
    {
        CheckInput in = input("zlab-a", "zlab-b");
        in.target.card(1)->functions |= 0x00400000u; // class 0xc0 vs 0x80: both native, types equal
        auto r = runCheck(in);
        QVERIFY(ids(*r, Severity::Info).contains(QStringLiteral("v2_aptype_line")));
        QVERIFY(ids(*r, Severity::Warning).contains(QStringLiteral("class_rejected_without_reason")));
    }

    void v3ChunkingIsAnError()
    {
        HostSnapshot big = test::makeHost(16, 32);
        test::addMdev(big, QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10"), QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
                      QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19});
        big.matrix.features.append(QStringLiteral("migratable"));
        CheckInput in;
        in.source = big;
        in.target = big;
        in.mdev = QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10");
        in.profile = DriverProfile::V3;
        auto r = runCheck(in);
        QVERIFY(r);
        QCOMPARE(r->decision.streamBytes, 16 + 16 * 320);
        QVERIFY(r->decision.compatible);
        QVERIFY(ids(*r, Severity::Error).contains(QStringLiteral("chunked_write_differs")));
    }

    void unknownMdev()
    {
        auto r = runCheck(input("zlab-a", "zlab-b", QStringLiteral("00000000-0000-4000-8000-000000000000")));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NotFound);
    }

    void jsonShape()
    {
        auto r = runCheck(input("zlab-a", "zlab-c"));
        const QJsonObject o = report::checkReportJson(*r);
        QCOMPARE(o.value(QStringLiteral("profile")).toString(), QStringLiteral("v2"));
        QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("incompatible"));
        QCOMPARE(o.value(QStringLiteral("errno")).toString(), QStringLiteral("EFAULT"));
        QVERIFY(o.value(QStringLiteral("kernel_log")).isArray());
        QCOMPARE(o.value(QStringLiteral("stream_bytes")).toInt(), 72);
        QCOMPARE(o.value(QStringLiteral("ready")).toBool(), false);
        const QRegularExpression hex(QStringLiteral("^0x[0-9a-f]{16}$"));
        for (const QJsonValue &v : o.value(QStringLiteral("queues")).toArray()) {
            const QJsonObject q = v.toObject();
            QVERIFY(hex.match(q.value(QStringLiteral("source_hwinfo")).toString()).hasMatch());
            QVERIFY(hex.match(q.value(QStringLiteral("target_hwinfo")).toString()).hasMatch());
            QVERIFY(q.value(QStringLiteral("compatible")).isBool());
        }
        for (const QJsonValue &v : o.value(QStringLiteral("findings")).toArray())
            for (const char *k : {"id", "severity", "message", "hint"})
                QVERIFY(v.toObject().value(QLatin1String(k)).isString());
        auto ok = runCheck(input("zlab-a", "zlab-b"));
        QVERIFY(report::checkReportJson(*ok).value(QStringLiteral("errno")).isNull());
        // CSV and HTML carry the same facts.
        const QByteArray csv = report::checkReportCsv(*r);
        QVERIFY(csv.contains("summary,errno,EFAULT"));
        QVERIFY(csv.contains("kernel_log,1,"));
        const QString html = report::checkReportHtml(*r);
        QVERIFY(html.indexOf(QLatin1String("Verdict")) < html.indexOf(QLatin1String("Destination kernel log")));
        QVERIFY(html.contains(QLatin1String("class=\"diff\"")));
    }
};

QTEST_GUILESS_MAIN(TstCheck)
#include "tst_check.moc"
