#include "testsupport.h"

#include <hosts/demofleet.h>
#include <migration/check.h>
#include <report/checkrender.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <functional>

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

/// What a table row changes in the check's input before running it.
using Change = std::function<void(CheckInput &)>;
Q_DECLARE_METATYPE(Change)
Q_DECLARE_METATYPE(ap::migration::CheckInput)

namespace {

/// A host of 16 adapters x 32 domains with one mdev of 16 x 20 queues, on both ends.
CheckInput bigPair()
{
    const QString uuid = QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10");
    HostSnapshot big = test::makeHost(16, 32);
    QList<int> adapters, domains;
    for (int i = 0; i < 16; ++i)
        adapters.append(i);
    for (int i = 0; i < 20; ++i)
        domains.append(i);
    test::addMdev(big, uuid, adapters, domains);
    big.matrix.features.append(QStringLiteral("migratable"));
    CheckInput in;
    in.source = big;
    in.target = big;
    in.mdev = uuid;
    in.profile = DriverProfile::V3;
    return in;
}

} // namespace

class TstCheck : public QObject {
    Q_OBJECT
private slots:
    void decision_data()
    {
        QTest::addColumn<CheckInput>("base");
        QTest::addColumn<Change>("change");
        QTest::addColumn<int>("compatible");      ///< 1 or 0; -1: not looked at
        QTest::addColumn<int>("err");             ///< -1: not looked at
        QTest::addColumn<QString>("kernelLine");   ///< the end of the first kernel line; empty: no line
        QTest::addColumn<int>("streamBytes");      ///< -1: not looked at
        QTest::addColumn<QStringList>("errors");   ///< finding ids that must be errors
        QTest::addColumn<QStringList>("warnings");
        QTest::addColumn<QStringList>("infos");
        QTest::addColumn<bool>("ready");

        const Change none = [](CheckInput &) {};
        const QString payments = demo::uuids::payments;
        QTest::newRow("compatible, master keys differ")
            << input("zlab-a", "zlab-b") << none << 1 << 0 << QString() << 8 + 16 * 4
            << QStringList{QStringLiteral("master_key_mismatch")} << QStringList() << QStringList() << false;
        QTest::newRow("older destination rejected")
            << input("zlab-a", "zlab-c") << none << 0 << EFAULT
            << QStringLiteral("Migration failed: Source and target queue (01.0011) not compatible") << -1
            << QStringList{QStringLiteral("target_not_migratable")} << QStringList() << QStringList() << false;
        QTest::newRow("destination mdev missing")
            << input("zlab-a", "zlab-b", demo::uuids::hsm) << none << -1 << ENODEV << QString() << -1
            << QStringList{QStringLiteral("target_mdev_missing")} << QStringList() << QStringList() << false;
        QTest::newRow("ready when everything matches")
            << input("zlab-a", "zlab-b") << Change([](CheckInput &in) { in.target.lastSeenMkvps = in.source.lastSeenMkvps; })
            << -1 << -1 << QString() << -1 << QStringList() << QStringList() << QStringList() << true;
        QTest::newRow("destination queues checkstopped or not vfio")
            << input("zlab-a", "zlab-b") << Change([](CheckInput &in) {
                   in.target.queue(Apqn{1, 0x11})->chkstop = true;
                   in.target.queue(Apqn{2, 0x12})->driver = drivers::cex4queue();
               })
            << -1 << -1 << QString() << -1
            << QStringList{QStringLiteral("target_queue_checkstopped"), QStringLiteral("target_queue_not_vfio")} << QStringList()
            << QStringList() << false;
        QTest::newRow("control domains differ")
            << input("zlab-a", "zlab-b") << Change([payments](CheckInput &in) { in.target.mdev(payments)->controlDomains = IdMask::fromIds({0x11}); })
            << -1 << -1 << QString() << -1 << QStringList() << QStringList{QStringLiteral("control_domains_differ")} << QStringList() << false;
        QTest::newRow("secure execution guest")
            << input("zlab-a", "zlab-b") << Change([](CheckInput &in) { in.target.secureExecutionGuest = true; })
            << -1 << EPERM << QStringLiteral("%1: Migration not allowed from or to a Secure Execution guest").arg(payments) << -1
            << QStringList() << QStringList() << QStringList() << false;
        // Native source, stateless-only destination class: v3 rejects with only the header, v2
        // sees the probe-time card words, which did not change: the profiles disagree.
        QTest::newRow("v3 class quirk, profiles disagree")
            << input("zlab-a", "zlab-b", payments, DriverProfile::V3) << Change([](CheckInput &in) {
                   for (Queue &q : in.target.queues)
                       if (q.functions)
                           *q.functions = (*q.functions & ~0x00ff0000u) | 0x00400000u;
                   for (Queue &q : in.source.queues)
                       if (q.functions)
                           *q.functions = (*q.functions & ~0x00ff0000u) | 0x00c00000u; // native + stateless bit
               })
            << -1 << EFAULT << QString() << -1 << QStringList() << QStringList() << QStringList{QStringLiteral("revisions_disagree")} << false;
        QTest::newRow("v2 AP-type line quirk")
            << input("zlab-a", "zlab-b") << Change([](CheckInput &in) { in.target.card(1)->functions |= 0x00400000u; }) // class 0xc0 vs 0x80
            << -1 << -1 << QString() << -1 << QStringList()
            << QStringList{QStringLiteral("class_rejected_without_reason")} << QStringList{QStringLiteral("v2_aptype_line")} << false;
        QTest::newRow("v3 chunked write is an error")
            << bigPair() << none << 1 << -1 << QString() << 16 + 16 * 320
            << QStringList{QStringLiteral("chunked_write_differs")} << QStringList() << QStringList() << false;
    }

    void decision()
    {
        QFETCH(CheckInput, base);
        QFETCH(Change, change);
        QFETCH(int, compatible);
        QFETCH(int, err);
        QFETCH(QString, kernelLine);
        QFETCH(int, streamBytes);
        QFETCH(QStringList, errors);
        QFETCH(QStringList, warnings);
        QFETCH(QStringList, infos);
        QFETCH(bool, ready);

        change(base);
        const auto r = runCheck(base);
        QVERIFY(r);
        if (compatible >= 0)
            QCOMPARE(r->decision.compatible, compatible == 1);
        if (err >= 0)
            QCOMPARE(r->decision.err, err);
        if (kernelLine.isEmpty() && err == 0)
            QVERIFY(r->decision.kernelLog.isEmpty()); // an accepted stream leaves no kernel line
        if (!kernelLine.isEmpty()) {
            QVERIFY(!r->decision.kernelLog.isEmpty());
            QVERIFY2(r->decision.kernelLog.first().endsWith(kernelLine), qPrintable(r->decision.kernelLog.first()));
        }
        if (streamBytes >= 0)
            QCOMPARE(r->decision.streamBytes, streamBytes);
        const auto contains = [](const QStringList &have, const QStringList &want) {
            return std::all_of(want.cbegin(), want.cend(), [&have](const QString &id) { return have.contains(id); });
        };
        QVERIFY2(contains(ids(*r, Severity::Error), errors), qPrintable(ids(*r, Severity::Error).join(u',')));
        QVERIFY2(contains(ids(*r, Severity::Warning), warnings), qPrintable(ids(*r, Severity::Warning).join(u',')));
        QVERIFY2(contains(ids(*r, Severity::Info), infos), qPrintable(ids(*r, Severity::Info).join(u',')));
        QVERIFY2(r->ready == ready, qPrintable(ids(*r, Severity::Error).join(u',')));
    }

    void revisionsSideBySide()
    {
        // Native source, stateless-only destination class: v3 rejects, v2 (probe-time card
        // words, unchanged) accepts; the report shows every revision and says they disagree.
        CheckInput in = input("zlab-a", "zlab-b", demo::uuids::payments, DriverProfile::V3);
        for (Queue &q : in.target.queues)
            if (q.functions)
                *q.functions = (*q.functions & ~0x00ff0000u) | 0x00400000u;
        for (Queue &q : in.source.queues)
            if (q.functions)
                *q.functions = (*q.functions & ~0x00ff0000u) | 0x00c00000u;
        const auto r = runCheck(in);
        QVERIFY(r);
        QCOMPARE(r->decision.err, EFAULT);
        QCOMPARE(r->byRevision.size(), 4);
        QVERIFY(r->byRevision.first().decision.compatible);
        QVERIFY(!r->revisionNotes.isEmpty());
    }

    void whatTheReportNames()
    {
        // Beyond the verdict: the guest, every queue and which one the kernel stopped at.
        auto r = runCheck(input("zlab-a", "zlab-b"));
        QVERIFY(r);
        QCOMPARE(r->queues.size(), 4);
        QCOMPARE(r->guest, QStringLiteral("payments-01"));
        auto old = runCheck(input("zlab-a", "zlab-c"));
        QVERIFY(old);
        QCOMPARE(old->queues[0].compatible, std::optional<bool>(false));
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
