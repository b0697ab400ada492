// A report collapses alike queues into one line per group, differences first; its verdict is
// one sentence naming what blocks; unknown queue depth and message size read "unknown".
#include "testsupport.h"

#include <hosts/demofleet.h>
#include <report/checkrender.h>
#include <report/queuegroups.h>
#include <report/reportwords.h>

#include <QRegularExpression>
#include <QTest>

using namespace ap;
using namespace ap::migration;
using namespace ap::report;

Q_DECLARE_METATYPE(ap::migration::QueueComparison)

namespace {
const Hwinfo cca8 = Hwinfo::fromFunctions(Hwinfo::kFacCca | Hwinfo::kFacApxa, 14);
const Hwinfo ep11 = Hwinfo::fromFunctions(Hwinfo::kFacEp11 | Hwinfo::kFacApxa, 14);

QueueComparison queue(int adapter, int domain, Hwinfo src, std::optional<Hwinfo> dst, std::optional<bool> ok)
{
    QueueComparison q;
    q.apqn = {quint8(adapter), quint8(domain)};
    q.source = src;
    q.target = dst;
    q.compatible = ok;
    q.sourceType = QStringLiteral("CEX8C");
    q.targetType = dst ? QStringLiteral("CEX8C") : QString();
    return q;
}

int count(const QString &hay, const QString &needle) { return int(hay.count(needle)); }
} // namespace

class TstReportGroups : public QObject {
    Q_OBJECT
private slots:
    void groups_data()
    {
        QTest::addColumn<QList<QueueComparison>>("queues");
        QTest::addColumn<QList<int>>("kinds");  // QueueGroup::Kind in report order
        QTest::addColumn<QList<int>>("sizes");

        using K = QueueGroup::Kind;
        QList<QueueComparison> same;
        for (int d = 0; d < 8; ++d)
            same << queue(5, d, cca8, cca8, true);
        QTest::newRow("eight identical") << same << QList<int>{int(K::Identical)} << QList<int>{8};

        QList<QueueComparison> mixed = same;
        mixed << queue(6, 0, cca8, ep11, false) << queue(6, 1, cca8, ep11, false); // refused
        mixed << queue(7, 0, cca8, std::nullopt, std::nullopt);                    // missing
        QueueComparison bs = queue(8, 0, cca8, Hwinfo(cca8.value() | 1ULL << 46), true); // accepted, BS differs
        mixed.prepend(bs);
        QTest::newRow("differences first") << mixed
                                           << QList<int>{int(K::Refused), int(K::Missing), int(K::Differs), int(K::Identical)}
                                           << QList<int>{2, 1, 1, 8};

        QList<QueueComparison> depths = same;
        depths[3].targetDepth = 3; // only the card's depth differs: not identical any more
        QTest::newRow("depth differs") << depths << QList<int>{int(K::Differs), int(K::Identical)} << QList<int>{1, 7};
    }

    void groups()
    {
        QFETCH(QList<QueueComparison>, queues);
        QFETCH(QList<int>, kinds);
        QFETCH(QList<int>, sizes);
        const QList<QueueGroup> g = groupQueues(queues);
        QCOMPARE(g.size(), kinds.size());
        int total = 0;
        for (qsizetype i = 0; i < g.size(); ++i) {
            QCOMPARE(int(g[i].kind), kinds[i]);
            QCOMPARE(int(g[i].apqns.size()), sizes[i]);
            QVERIFY(std::is_sorted(g[i].apqns.cbegin(), g[i].apqns.cend()));
            QCOMPARE(g[i].sample.apqn, g[i].apqns.first());
            total += int(g[i].apqns.size());
        }
        QCOMPARE(total, int(queues.size()));
    }

    void apqnSetsAreShort()
    {
        QList<Apqn> cross;
        for (int a = 0; a < 32; ++a)
            for (int d = 0; d < 64; ++d)
                cross.append({quint8(a), quint8(d)});
        QCOMPARE(ReportWords::apqnSet(cross), QStringLiteral("adapters 0x00-0x1f × domains 0x00-0x3f"));
        QCOMPARE(ReportWords::apqnSet({{5, 4}}), QStringLiteral("05.0004"));
        QCOMPARE(ReportWords::apqnSet({{5, 4}, {5, 5}, {6, 9}}), QStringLiteral("0x05: domains 0x04-0x05; 0x06: domains 0x09"));
    }

    // 2,048 identical queues are one line, not 2,048 field tables.
    void largeIdenticalMdevIsOneLine()
    {
        CheckReport r;
        r.decision.compatible = true;
        r.ready = true;
        for (int a = 0; a < 32; ++a)
            for (int d = 0; d < 64; ++d)
                r.queues << queue(a, d, cca8, cca8, true);
        const QString html = checkReportHtml(r);
        QCOMPARE(count(html, QStringLiteral("<h4>")), 0);
        QVERIFY(html.contains(QStringLiteral("adapters 0x00-0x1f × domains 0x00-0x3f")));
        QVERIFY(html.size() < 8000);
        r.queues[100].target = ep11;
        r.queues[100].compatible = false;
        const QString one = checkReportHtml(r);
        QCOMPARE(count(one, QStringLiteral("<h4>")), 1);
        // The refused queue's group comes before the identical ones.
        QVERIFY(one.indexOf(r.queues[100].apqn.toString()) < one.indexOf(QStringLiteral("identical on both sides")));
    }

    void verdictNamesWhatBlocks()
    {
        auto r = runCheck([] {
            CheckInput in;
            in.source = *demo::initialState(QStringLiteral("zlab-a"));
            in.target = *demo::initialState(QStringLiteral("zlab-b"));
            in.mdev = demo::uuids::payments;
            return in;
        }());
        QVERIFY(r);
        QVERIFY(r->decision.compatible && !r->ready);
        const QString v = ReportWords::verdict(*r);
        QVERIFY2(v.startsWith(QLatin1String("Not ready: the destination driver accepts")), qPrintable(v));
        QVERIFY2(v.contains(QLatin1String("different master keys")), qPrintable(v));
        QVERIFY(!v.contains(QLatin1String("will accept")));
        QVERIFY(checkReportHtml(*r).contains(v.toHtmlEscaped()));

        CheckReport refused = *r;
        refused.decision.compatible = false;
        refused.decision.err = 22;
        refused.findings.clear();
        QVERIFY(ReportWords::verdict(refused).startsWith(QLatin1String("Not ready: the destination driver refuses")));
        QVERIFY(ReportWords::verdict(refused).contains(QLatin1String("EINVAL")));
        refused.ready = true;
        refused.decision.compatible = true;
        QVERIFY(ReportWords::verdict(refused).startsWith(QLatin1String("Ready to migrate")));
    }

    // qd and ml come from the card (demo adapters: depth 7, 24576 bytes); unknown reads "unknown".
    void depthAndMessageSize()
    {
        CheckInput in;
        in.source = *demo::initialState(QStringLiteral("zlab-a"));
        in.target = *demo::initialState(QStringLiteral("zlab-c"));
        in.mdev = demo::uuids::payments;
        auto r = runCheck(in);
        QVERIFY(r);
        QVERIFY(!r->queues.isEmpty());
        const QueueComparison &q = r->queues.first();
        const Card *card = in.source.card(q.apqn.adapter);
        QVERIFY(card && card->depth > 0);
        QCOMPARE(q.sourceDepth, std::optional<int>(card->depth));
        QCOMPARE(q.sourceMaxMessage, std::optional<int>(card->maxMessageSize));
        const QString html = checkReportHtml(*r);
        const QRegularExpression depthRow(QStringLiteral("<td>queue depth \\(qd\\)</td><td>%1</td>").arg(card->depth));
        QVERIFY2(depthRow.match(html).hasMatch(), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("<td>%1 bytes</td>").arg(card->maxMessageSize)));
        QVERIFY(!html.contains(QLatin1String("<td>queue depth (qd)</td><td>0</td>")));

        // A stored report from before these fields, whose stream words carry no qd/ml either
        // (a v3 stream masks them): unknown, never 0.
        CheckReport old = *r;
        for (QueueComparison &c : old.queues) {
            c.sourceDepth = c.targetDepth = c.sourceMaxMessage = c.targetMaxMessage = std::nullopt;
            c.source = Hwinfo(c.source.value() & ~std::uint64_t(0xffffff));
            if (c.target)
                c.target = Hwinfo(c.target->value() & ~std::uint64_t(0xffffff));
        }
        const QString oldHtml = checkReportHtml(old);
        QVERIFY(oldHtml.contains(QLatin1String("<td>queue depth (qd)</td><td>unknown</td>")));
        QVERIFY(!oldHtml.contains(QLatin1String("<td>max message (ml)</td><td>0</td>")));

        // The JSON carries them and reads them back.
        auto back = checkReportFromJson(checkReportJson(*r));
        QVERIFY(back);
        QCOMPARE(back->queues, r->queues);
        QCOMPARE(back->findings.first().text, r->findings.first().text);
    }
};

QTEST_GUILESS_MAIN(TstReportGroups)
#include "tst_reportgroups.moc"
