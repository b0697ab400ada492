// The one rule for matrix changes: what the editor accepts is exactly what its plan does on a
// (simulated) kernel, and the host afterwards is the preview.
#include "testsupport.h"

#include <common/errnonames.h>
#include <driver/vfioapdriver.h>
#include <editing/matrixedits.h>
#include <hosts/demofleet.h>
#include <hosts/simulatedhost.h>
#include <plan/desiredmatrices.h>
#include <plan/matrixplan.h>
#include <plan/planexecutor.h>

#include <QRandomGenerator>
#include <QTest>

#include <cerrno>
#include <set>
#include <vector>

using namespace ap;

namespace {

QString uuidN(int n) { return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0')); }

HostSnapshot withoutApConfig(HostSnapshot h)
{
    h.matrix.features.removeAll(QStringLiteral("ap_config"));
    return h;
}

/// Everything that makes an end state unreachable by any order of writes, independent of the
/// planner: an unknown mdev, an id above its maximum, a reserved APQN, an APQN in two mdevs.
std::set<int> endStateErrors(const HostSnapshot &h, const MatrixTargets &targets)
{
    std::set<int> errs;
    QHash<QString, MatrixAssignment> end;
    for (const Mdev &m : h.mdevs)
        end.insert(m.uuid, MatrixAssignment::of(m));
    for (auto it = targets.cbegin(); it != targets.cend(); ++it) {
        if (!h.mdev(it.key()))
            errs.insert(ENOENT);
        end.insert(it.key(), it.value());
    }
    for (auto it = targets.cbegin(); it != targets.cend(); ++it) {
        const MatrixAssignment &t = it.value();
        const MatrixAssignment now = h.mdev(it.key()) ? MatrixAssignment::of(*h.mdev(it.key())) : MatrixAssignment{};
        if (t == now)
            continue;
        if (t.adapters.highest() > h.bus.maxAdapterId || t.domains.highest() > h.bus.maxDomainId
            || t.controlDomains.highest() > h.bus.maxDomainId)
            errs.insert(ENODEV);
        if (!(t.adapters & h.bus.apmask).isEmpty() && !(t.domains & h.bus.aqmask).isEmpty())
            errs.insert(EADDRNOTAVAIL);
        for (auto o = end.cbegin(); o != end.cend(); ++o)
            if (o.key() != it.key() && !(t.adapters & o->adapters).isEmpty() && !(t.domains & o->domains).isEmpty())
                errs.insert(EADDRINUSE);
    }
    return errs;
}

/// A small host with a reserved APQN 00.00, 2-4 mdevs (some sharing adapters) and guests.
HostSnapshot generatedHost(QRandomGenerator &rng, int n)
{
    const int adapters = 3 + int(rng.bounded(4)), domains = 3 + int(rng.bounded(6));
    HostSnapshot h = test::makeHost(adapters, domains);
    h.host = QStringLiteral("generated-%1").arg(n);
    h.bus.apmask = IdMask::fromIds({0});
    h.bus.aqmask = IdMask::fromIds({0});
    if (Queue *q = h.queue({0, 0}))
        q->driver = drivers::cex4queue();
    if (rng.bounded(2))
        h = withoutApConfig(h);
    // Domains are dealt out so that the mdevs' matrices are disjoint while sharing adapters.
    const int mdevs = 2 + int(rng.bounded(3));
    QList<int> freeDomains;
    for (int d = 1; d < domains; ++d)
        freeDomains.append(d);
    for (int i = 0; i < mdevs; ++i) {
        QList<int> as, ds, cs;
        for (int a = 1; a < adapters; ++a)
            if (rng.bounded(2))
                as.append(a);
        for (int k = 0; k < 2 && !freeDomains.isEmpty(); ++k)
            ds.append(freeDomains.takeAt(int(rng.bounded(freeDomains.size()))));
        if (rng.bounded(2))
            cs.append(int(rng.bounded(domains)));
        test::addMdev(h, uuidN(i), as, ds, cs);
        if (rng.bounded(3))
            h.guests.append(Guest{QStringLiteral("guest-%1").arg(i), rng.bounded(2) ? Guest::State::Running : Guest::State::ShutOff, uuidN(i)});
    }
    driver::refreshDerivedState(h);
    return h;
}

QList<MatrixItem> randomItems(QRandomGenerator &rng, const HostSnapshot &h, const Mdev *source)
{
    QList<MatrixItem> items;
    const int n = 1 + int(rng.bounded(3));
    const int maxA = h.bus.configuredAdapters.highest() + 2, maxD = h.bus.configuredDomains.highest() + 2;
    for (int i = 0; i < n; ++i) {
        // Mostly what the source mdev holds (a drag out of it), sometimes anything, rarely an id
        // past the host's maximum.
        const QList<int> srcA = source ? source->adapters.ids() : QList<int>();
        const QList<int> srcD = source ? source->domains.ids() : QList<int>();
        const int a = !srcA.isEmpty() && rng.bounded(3) ? srcA.at(int(rng.bounded(srcA.size()))) : int(rng.bounded(maxA));
        const int d = rng.bounded(50) == 0 ? h.bus.maxDomainId + 1
            : !srcD.isEmpty() && rng.bounded(3) ? srcD.at(int(rng.bounded(srcD.size())))
                                                 : int(rng.bounded(maxD));
        switch (rng.bounded(4)) {
        case 0: items.append({MatrixItem::Kind::Adapter, a, {}}); break;
        case 1: items.append({MatrixItem::Kind::Domain, d, {}}); break;
        case 2: items.append({MatrixItem::Kind::ControlDomain, d, {}}); break;
        default: items.append({MatrixItem::Kind::Apqn, 0, Apqn{quint8(a), quint8(d)}}); break;
        }
    }
    return items;
}

/// Applies a plan to the simulated kernel loaded with `base`; the host's state afterwards.
struct Applied {
    ApplyReport report;
    HostSnapshot after;
};
Applied applyOn(SimulatedHost &kernel, const HostSnapshot &base, const WritePlan &plan)
{
    kernel.load(base);
    Result<ApplyReport> r = kernel.apply(plan).result();
    return {r ? *r : ApplyReport{}, kernel.snapshot()};
}

} // namespace

class TstMatrixPlan : public QObject {
    Q_OBJECT

private:
    /// The swap of the issue: zlab-e's database and ml mdevs share adapters 01-03; domain 0x10
    /// goes to ml and domain 0x20 to database, in two drags.
    void swapInTwoDrags(const HostSnapshot &host)
    {
        SimulatedHost kernel(*HostUri::parse(QStringLiteral("demo:zlab-e")), host);
        const HostSnapshot base = kernel.snapshot();
        MatrixEdits edits;
        edits.setBase(std::make_shared<const HostSnapshot>(base));
        const QList<MatrixItem> d10{{MatrixItem::Kind::Domain, 0x10, {}}}, d20{{MatrixItem::Kind::Domain, 0x20, {}}};
        const QString &db = demo::uuids::database, &ml = demo::uuids::machineLearning;

        QVERIFY(edits.check(ml, d10, true, db).ok());
        edits.setPending(edits.afterChange(ml, d10, true, db));
        const driver::Outcome second = edits.check(db, d20, true, ml);
        QVERIFY2(second.ok(), qPrintable(errnoName(second.err)));
        edits.setPending(edits.afterChange(db, d20, true, ml));
        QVERIFY(edits.preview().mdev(db)->domains.test(0x20));
        QVERIFY(edits.preview().mdev(ml)->domains.test(0x10));

        const WritePlan plan = edits.plan();
        const Applied applied = applyOn(kernel, base, plan);
        QVERIFY2(applied.report.ok, qPrintable(errnoName(applied.report.err) + QLatin1Char(' ') + applied.report.kernelLog.join(u'\n')));
        QVERIFY(applied.after.sameSysfsState(edits.preview()));
    }

private slots:
    // The `matrix --desired` file: what it accepts and how it names what it refuses.
    void desiredMatrices_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("mdevs");      ///< -1: refused
        QTest::addColumn<QString>("detail"); ///< the refusal's detail starts with this
        const QByteArray u = "5a0f6c0e-4d0c-4a5e-9d7e-2f1b8c3a9e01";
        QTest::newRow("one mdev") << QByteArray("{\"" + u + "\": {\"adapters\": [1, 2], \"domains\": [16], \"control_domains\": []}}") << 1 << QString();
        QTest::newRow("upper-case UUID") << QByteArray("{\"" + u.toUpper() + "\": {\"adapters\": [255], \"domains\": [0], \"control_domains\": [0]}}") << 1
                                         << QString();
        QTest::newRow("not JSON") << QByteArray("{") << -1 << QStringLiteral("not a JSON object of mdev UUIDs");
        QTest::newRow("empty object") << QByteArray("{}") << -1 << QStringLiteral("not a JSON object of mdev UUIDs (no mdev named)");
        QTest::newRow("array") << QByteArray("[]") << -1 << QStringLiteral("not a JSON object");
        QTest::newRow("hostile key") << QByteArray("{\"../../x\": {}}") << -1 << QStringLiteral("'../../x' is not an mdev UUID");
        QTest::newRow("same mdev twice, differently cased")
            << QByteArray("{\"" + u + "\": {\"adapters\": [], \"domains\": [], \"control_domains\": []}, \"" + u.toUpper()
                          + "\": {\"adapters\": [], \"domains\": [], \"control_domains\": []}}")
            << -1 << QString::fromLatin1(u + " is named twice");
        QTest::newRow("list missing") << QByteArray("{\"" + u + "\": {\"adapters\": [1], \"domains\": [2]}}") << -1
                                      << QString::fromLatin1(u + ": needs exactly the lists");
        QTest::newRow("id 256") << QByteArray("{\"" + u + "\": {\"adapters\": [256], \"domains\": [2], \"control_domains\": []}}") << -1
                                << QString::fromLatin1(u + ": 'adapters' must be one of");
        QTest::newRow("fractional id") << QByteArray("{\"" + u + "\": {\"adapters\": [1.5], \"domains\": [2], \"control_domains\": []}}") << -1
                                       << QString::fromLatin1(u + ": 'adapters' must be one of");
        QTest::newRow("unknown list") << QByteArray("{\"" + u + "\": {\"adapters\": [1], \"usage\": [2], \"control_domains\": []}}") << -1
                                      << QString::fromLatin1(u + ": 'usage' must be one of");
    }

    void desiredMatrices()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, mdevs);
        QFETCH(QString, detail);
        const auto targets = parseDesiredMatrices(json, QStringLiteral("want.json"));
        if (mdevs < 0) {
            QVERIFY(!targets);
            QCOMPARE(targets.error().code, ErrorCode::Parse);
            QCOMPARE(targets.error().where, QStringLiteral("want.json"));
            QVERIFY2(targets.error().detail.startsWith(detail), qPrintable(targets.error().detail));
            return;
        }
        QVERIFY2(targets, qPrintable(targets ? QString() : targets.error().toString()));
        QCOMPARE(targets->size(), mdevs);
        QVERIFY(targets->contains(QStringLiteral("5a0f6c0e-4d0c-4a5e-9d7e-2f1b8c3a9e01")));
    }

    void swapBetweenMdevsSharingAnAdapter_data()
    {
        QTest::addColumn<bool>("apConfig");
        QTest::newRow("ap_config") << true;
        QTest::newRow("assign/unassign") << false;
    }
    void swapBetweenMdevsSharingAnAdapter()
    {
        QFETCH(bool, apConfig);
        const HostSnapshot host = *demo::initialState(QStringLiteral("zlab-e"));
        QCOMPARE(host.matrix.has(u"ap_config"), true);
        swapInTwoDrags(apConfig ? host : withoutApConfig(host));
    }

    // One write per mdev cannot swap (each end state collides with the other's start), so the
    // plan first writes what one mdev keeps: three writes, the first only removing.
    void swapNeedsOneIntermediateApConfigWrite()
    {
        const HostSnapshot h = *demo::initialState(QStringLiteral("zlab-e"));
        const QString &db = demo::uuids::database, &ml = demo::uuids::machineLearning;
        MatrixAssignment dbT = MatrixAssignment::of(*h.mdev(db)), mlT = MatrixAssignment::of(*h.mdev(ml));
        dbT.domains.clear(0x10);
        dbT.domains.set(0x20);
        mlT.domains.clear(0x20);
        mlT.domains.set(0x10);
        const MatrixVerdict v = judgeMatrices(h, {{db, dbT}, {ml, mlT}}, ReplayDepth::Full);
        QVERIFY(v.accepted());
        QCOMPARE(v.plan.steps.size(), 3);
        QCOMPARE(v.replay.after.mdev(db)->domains, dbT.domains);
        QCOMPARE(v.replay.after.mdev(ml)->domains, mlT.domains);
    }

    // A state no order of writes reaches is refused with the kernel's reason, and nothing moves.
    void unreachableEndStateIsRefusedAsTheKernelRefuses_data()
    {
        QTest::addColumn<bool>("apConfig");
        QTest::newRow("ap_config") << true;
        QTest::newRow("assign/unassign") << false;
    }
    void unreachableEndStateIsRefusedAsTheKernelRefuses()
    {
        QFETCH(bool, apConfig);
        HostSnapshot h = *demo::initialState(QStringLiteral("zlab-e"));
        if (!apConfig)
            h = withoutApConfig(h);
        const QString &db = demo::uuids::database;
        MatrixAssignment t = MatrixAssignment::of(*h.mdev(db));
        t.domains.set(0x21); // ml keeps 0x21 on the same adapters
        const MatrixVerdict v = judgeMatrices(h, {{db, t}});
        QVERIFY(!v.accepted());
        QCOMPARE(v.replay.outcome.err, EADDRINUSE);
        QVERIFY(!v.replay.outcome.log.isEmpty());
        SimulatedHost kernel(*HostUri::parse(QStringLiteral("demo:zlab-e")), h);
        const HostSnapshot base = kernel.snapshot();
        const Applied applied = applyOn(kernel, base, v.plan);
        QVERIFY(!applied.report.ok);
        QCOMPARE(applied.report.err, EADDRINUSE);
        QVERIFY(applied.after.sameSysfsState(base));
    }

    // A write that never reached the kernel (the connection failed) is reported as such, with
    // no errno of the kernel's, and the steps before it are undone.
    void transportFailureIsNotAKernelAnswer()
    {
        struct Flaky : AttributeAccess {
            int writes = 0;
            WriteAnswer write(const SysfsWrite &) override
            {
                if (++writes == 2)
                    return WriteAnswer::notDelivered(makeError(ErrorCode::Unreachable, QStringLiteral("ssh://h"), QStringLiteral("ssh: connect: Connection refused")));
                return {};
            }
            std::optional<QByteArray> read(const QString &) override { return QByteArray("x"); }
        } flaky;
        HostSnapshot h = withoutApConfig(*demo::initialState(QStringLiteral("zlab-a")));
        MatrixAssignment t = MatrixAssignment::of(*h.mdev(demo::uuids::spare));
        t.domains.set(0x31);
        t.domains.set(0x32);
        const WritePlan plan = plans::changeMatrix(h, demo::uuids::spare, t);
        QCOMPARE(plan.steps.size(), 2);
        const ApplyReport r = executePlan(flaky, plan, QStringLiteral("ssh://h"));
        QVERIFY(!r.ok);
        QCOMPARE(r.failedStep, 1);
        QVERIFY(r.transport);
        QCOMPARE(r.transport->code, ErrorCode::Unreachable);
        QCOMPARE(r.err, 0);
        QVERIFY(r.kernelLog.isEmpty());
        QVERIFY(r.rolledBack);
    }

    // The property: random edit sequences (drags, moves, swaps, undo, redo) over the demo fleet
    // and generated hosts. Accepted <=> the plan succeeds on a simulated kernel and leaves the
    // preview exactly; refused <=> the end state is unreachable, and the kernel answers the
    // verdict's errno (and is left as it was).
    void editorVerdictIsTheKernelsAnswer()
    {
        QRandomGenerator rng(20261201);
        QList<HostSnapshot> hosts;
        for (const QString &name : demo::hostNames()) {
            hosts.append(*demo::initialState(name));
            hosts.append(withoutApConfig(*demo::initialState(name)));
        }
        for (int i = 0; i < 24; ++i)
            hosts.append(generatedHost(rng, i));
        std::vector<std::unique_ptr<SimulatedHost>> kernels;
        QList<HostSnapshot> bases;
        for (const HostSnapshot &h : std::as_const(hosts)) {
            kernels.push_back(std::make_unique<SimulatedHost>(*HostUri::parse(QStringLiteral("demo:prop")), h));
            bases.append(kernels.back()->snapshot());
        }

        constexpr int kSequences = 10000;
        int accepted = 0, refused = 0, multiMdevPlans = 0;
        for (int seq = 0; seq < kSequences; ++seq) {
            const int hi = int(rng.bounded(bases.size()));
            const HostSnapshot &base = bases.at(hi);
            SimulatedHost &kernel = *kernels.at(size_t(hi));
            MatrixEdits edits;
            edits.setBase(std::make_shared<const HostSnapshot>(base));
            QList<QHash<QString, MatrixAssignment>> history{{}};
            int at = 0;
            const int ops = 1 + int(rng.bounded(6));
            for (int op = 0; op < ops; ++op) {
                const int kind = int(rng.bounded(10));
                if (kind == 0 && at > 0) {
                    edits.setPending(history.at(--at)); // undo
                    continue;
                }
                if (kind == 1 && at + 1 < history.size()) {
                    edits.setPending(history.at(++at)); // redo
                    continue;
                }
                if (base.mdevs.isEmpty())
                    break;
                const Mdev &target = base.mdevs.at(int(rng.bounded(base.mdevs.size())));
                const Mdev &other = base.mdevs.at(int(rng.bounded(base.mdevs.size())));
                const bool move = other.uuid != target.uuid && rng.bounded(2);
                const bool assign = move || rng.bounded(4) != 0;
                QList<MatrixItem> items = randomItems(rng, base, move ? edits.preview().mdev(other.uuid) : nullptr);
                QList<std::pair<QString, QList<MatrixItem>>> drags{{target.uuid, items}};
                const Mdev *t = edits.preview().mdev(target.uuid), *o = edits.preview().mdev(other.uuid);
                if (move && kind == 2 && !o->domains.isEmpty() && !t->domains.isEmpty()) {
                    // A swap: one domain each way, in two drags.
                    drags = {{target.uuid, {{MatrixItem::Kind::Domain, o->domains.ids().first(), {}}}},
                             {other.uuid, {{MatrixItem::Kind::Domain, t->domains.ids().last(), {}}}}};
                }
                for (const auto &[to, dragged] : drags) {
                    const QString from = move ? (to == target.uuid ? other.uuid : target.uuid) : QString();
                    const QHash<QString, MatrixAssignment> next = edits.afterChange(to, dragged, assign, from);
                    const driver::Outcome verdict = edits.check(to, dragged, assign, from);
                    const std::set<int> unreachable = endStateErrors(base, next);
                    QVERIFY2(verdict.ok() == unreachable.empty(),
                             qPrintable(QStringLiteral("seq %1 host %2: verdict %3, end state %4").arg(seq).arg(base.host, errnoName(verdict.err))
                                            .arg(unreachable.empty() ? QStringLiteral("reachable") : errnoName(*unreachable.begin()))));
                    if (!verdict.ok()) {
                        ++refused;
                        QVERIFY(unreachable.count(verdict.err));
                        const Applied a = applyOn(kernel, base, edits.judge(next).plan);
                        QVERIFY(!a.report.ok);
                        QCOMPARE(a.report.err, verdict.err);
                        QVERIFY(a.after.sameSysfsState(base));
                        continue;
                    }
                    ++accepted;
                    history.resize(at + 1);
                    history.append(next);
                    ++at;
                    edits.setPending(next);
                }
            }
            const WritePlan plan = edits.plan();
            if (edits.pending().size() > 1)
                ++multiMdevPlans;
            const Applied a = applyOn(kernel, base, plan);
            QVERIFY2(a.report.ok, qPrintable(QStringLiteral("seq %1 host %2: the kernel refused the plan: %3 %4")
                                                 .arg(seq).arg(base.host, errnoName(a.report.err), a.report.kernelLog.join(u' '))));
            QVERIFY2(a.after.sameSysfsState(edits.preview()), qPrintable(QStringLiteral("seq %1 host %2: host differs from the preview").arg(seq).arg(base.host)));
        }
        // The generator exercises both answers and changes across mdevs.
        QVERIFY(accepted > kSequences / 2);
        QVERIFY(refused > kSequences / 20);
        QVERIFY(multiMdevPlans > kSequences / 10);
    }
};

QTEST_GUILESS_MAIN(TstMatrixPlan)
#include "tst_matrixplan.moc"
