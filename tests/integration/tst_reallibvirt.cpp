// The console against two real libvirt daemons with real QEMU (TCG) guests
// (scripts/libvirt-hosts.sh): live migrations through the console's own runner and CLI, what
// libvirt really reports (its event order, its job statistics, its refusals), cancel, a
// destination that dies mid-migration and a daemon restart.
#include "libvirthostsfixture.h"
#include "skip.h"

#include <hosts/libvirt/libvirthost.h>
#include <migration/migrationplan.h>
#include <migration/runnerfactory.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <thread>

using namespace ap;
using namespace ap::migration;

namespace {

struct RawEvent {
    Side side;
    DomainEvent event;
};

/// Ends a subscription however the test function is left.
struct Unwatch {
    LibvirtHost &host;
    int id;
    ~Unwatch() { host.unwatchDomainEvents(id).waitForFinished(); }
};

/// A migration run on its own thread, its events collected for the test thread.
class BackgroundRun {
public:
    BackgroundRun(MigrationJob::Work work)
        : m_thread([this, work = std::move(work)] {
            const RunEvent r = work([this](const RunEvent &e) {
                QMutexLocker l(&m_mutex);
                m_events.append(e);
            }, cancel);
            QMutexLocker l(&m_mutex);
            m_result = r;
            m_done = true;
        })
    {
    }
    ~BackgroundRun() { m_thread.join(); }
    bool done()
    {
        QMutexLocker l(&m_mutex);
        return m_done;
    }
    QList<RunEvent> events()
    {
        QMutexLocker l(&m_mutex);
        return m_events;
    }
    RunEvent result()
    {
        QMutexLocker l(&m_mutex);
        return m_result;
    }
    bool sawProgress()
    {
        for (const RunEvent &e : events())
            if (e.kind == RunEvent::Kind::Memory && e.bytes > 0)
                return true;
        return false;
    }
    std::atomic_bool cancel = false;

private:
    QMutex m_mutex;
    QList<RunEvent> m_events;
    RunEvent m_result;
    bool m_done = false;
    std::thread m_thread;
};

} // namespace

class TstRealLibvirt : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::LibvirtHostsFixture> m_hosts;
    std::unique_ptr<LibvirtHost> m_a;
    std::unique_ptr<LibvirtHost> m_b;

    std::unique_ptr<LibvirtHost> host(char h) const { return std::make_unique<LibvirtHost>(*HostUri::parse(m_hosts->uri(h))); }

    Result<HostSnapshot> read(LibvirtHost &h) const { return h.readInventory().result(); }

    /// The plan the console makes for `guest` from both hosts' current state.
    Result<MigrationPlan> plan(const QString &guest)
    {
        const auto src = read(*m_a);
        const auto dst = read(*m_b);
        if (!src)
            return src.error();
        if (!dst)
            return dst.error();
        MigrationRequest r;
        r.guest = guest;
        r.viaLibvirt = runsThroughLibvirt(*m_a, *m_b);
        return buildPlan(*src, *dst, r);
    }

    QString domState(char h, const QString &guest) const
    {
        return m_hosts->virsh(h, {QStringLiteral("domstate"), guest}).valueOr(QStringLiteral("(none)")).trimmed();
    }

    /// Starts a guest on host a that a migration cannot finish quickly: dirtying its memory, at
    /// `mibPerSecond` of bandwidth.
    void startSlowGuest(const QString &name, int mibPerSecond)
    {
        QVERIFY2(m_hosts->startGuest(name, 'a', 64, true).ok(), qPrintable(name));
        QVERIFY(m_hosts->virsh('a', {QStringLiteral("migrate-setspeed"), name, QString::number(mibPerSecond)}).ok());
    }

private slots:
    void initTestCase()
    {
        if (const QString why = test::LibvirtHostsFixture::unavailableReason(); !why.isEmpty())
            AP_SKIP(qPrintable(QStringLiteral("real libvirt hosts cannot run: ") + why));
        QVERIFY(m_dir.isValid());
        m_hosts = std::make_unique<test::LibvirtHostsFixture>(QStringLiteral(APCONSOLE_SOURCE_DIR "/scripts/libvirt-hosts.sh"), m_dir.path());
        QElapsedTimer t;
        t.start();
        const Status up = m_hosts->up();
        QVERIFY2(up.ok(), qPrintable(up.ok() ? QString() : up.error().toString()));
        qInfo("both hosts up in %lld ms", t.elapsed());
        m_a = host('a');
        m_b = host('b');
    }

    void cleanupTestCase()
    {
        m_a.reset();
        m_b.reset();
        if (m_hosts)
            QVERIFY(m_hosts->down().ok());
    }

    void harnessHostsAreTwoHosts()
    {
        // Two daemons, each its own host: its own hostname and its own host UUID.
        const auto ha = m_hosts->virsh('a', {QStringLiteral("hostname")});
        const auto hb = m_hosts->virsh('b', {QStringLiteral("hostname")});
        QVERIFY(ha && hb);
        QCOMPARE(ha->trimmed(), QStringLiteral("host-a"));
        QCOMPARE(hb->trimmed(), QStringLiteral("host-b"));
        const auto sa = read(*m_a);
        QVERIFY2(sa.ok(), qPrintable(sa ? QString() : sa.error().toString()));
        QVERIFY(sa->guests.isEmpty());
    }

    void plainLiveMigrationThroughTheRunner()
    {
        const QString guest = QStringLiteral("plain-1");
        QVERIFY(m_hosts->startGuest(guest).ok());

        // What libvirt itself reports, on both hosts, while the console's runner drives it.
        QMutex mutex;
        QList<RawEvent> raw;
        const auto record = [&](Side side) {
            return [&, side](const DomainEvent &e) {
                QMutexLocker l(&mutex);
                raw.append({side, e});
            };
        };
        const auto wa = m_a->watchDomainEvents(guest, record(Side::Source)).result();
        const auto wb = m_b->watchDomainEvents(guest, record(Side::Destination)).result();
        QVERIFY(wa && wb);
        const Unwatch ua{*m_a, *wa};
        const Unwatch ub{*m_b, *wb};

        const auto p = plan(guest);
        QVERIFY2(p.ok(), qPrintable(p ? QString() : p.error().toString()));
        QCOMPARE(p->stepIds(), QStringList{QStringLiteral("libvirt-migrate")});
        QVERIFY(p->viaLibvirt && p->mdev.isEmpty()); // no AP device: a plain live migration
        const auto work = migrationWork(*m_a, *m_b, *p, {});
        QVERIFY(work.ok());
        QList<RunEvent> events;
        const std::atomic_bool cancel = false;
        const RunEvent result = (*work)([&](const RunEvent &e) { events.append(e); }, cancel);
        QVERIFY2(result.ok, qPrintable(result.text));
        QCOMPARE(events.first().kind, RunEvent::Kind::Plan);
        QCOMPARE(events.first().log, QStringList{QStringLiteral("no-ap-device")});

        QCOMPARE(domState('b', guest), QStringLiteral("running"));
        QCOMPARE(domState('a', guest), QStringLiteral("(none)")); // UNDEFINE_SOURCE
        const auto after = read(*m_b);
        QVERIFY(after && after->guest(guest) && after->guest(guest)->state == Guest::State::Running);

        // Progress: the bytes shown never go back; the final figures come from JOB_COMPLETED.
        qint64 last = -1;
        int memory = 0;
        for (const RunEvent &e : events) {
            if (e.kind != RunEvent::Kind::Memory)
                continue;
            ++memory;
            QVERIFY(e.bytes >= last);
            last = e.bytes;
        }
        QVERIFY(memory > 0);
        QVERIFY2(last >= 32ll << 20, "the guest's filled memory crossed");

        // The guest's run state in the run, in libvirt's order: running on the destination,
        // paused on the source, running on the destination, gone from the source.
        QStringList guestStates;
        for (const RunEvent &e : events)
            if (e.kind == RunEvent::Kind::Guest)
                guestStates.append(sideName(e.side) + u' ' + e.text);
        QCOMPARE(guestStates, QStringList({QStringLiteral("destination running"), QStringLiteral("source paused"),
                                           QStringLiteral("destination running"), QStringLiteral("source gone")}));

        // libvirt's own order (real-libvirt.md): destination STARTED/MIGRATED; source
        // iterations, SUSPENDED/MIGRATED, its last iteration; destination DEFINED/ADDED then
        // RESUMED/MIGRATED; source STOPPED/MIGRATED then JOB_COMPLETED. No UNDEFINED on the
        // source, no JOB_COMPLETED on the destination.
        QStringList order;
        int lastIteration = 0;
        for (const RawEvent &r : raw) {
            const QString side = r.side == Side::Source ? QStringLiteral("src") : QStringLiteral("dst");
            switch (r.event.kind) {
            case DomainEvent::Kind::Lifecycle:
                order.append(QStringLiteral("%1 %2/%3").arg(side).arg(r.event.event).arg(r.event.detail));
                break;
            case DomainEvent::Kind::Iteration:
                QCOMPARE(r.side, Side::Source);
                QVERIFY(r.event.iteration > lastIteration);
                lastIteration = r.event.iteration;
                break;
            case DomainEvent::Kind::JobCompleted:
                order.append(side + QStringLiteral(" job-completed"));
                QCOMPARE(r.event.stats.type, JobStats::Type::Completed);
                QVERIFY(r.event.stats.dataProcessed >= 32ll << 20);
                break;
            }
        }
        QVERIFY2(lastIteration >= 2, "at least two passes over guest memory");
        QCOMPARE(order, QStringList({QStringLiteral("dst 2/1"), QStringLiteral("src 3/1"), QStringLiteral("dst 0/0"), QStringLiteral("dst 4/1"),
                                     QStringLiteral("src 5/3"), QStringLiteral("src job-completed")}));
        QVERIFY(m_hosts->virsh('b', {QStringLiteral("destroy"), guest}).ok());
    }

    void apDeviceInTheDefinitionOnlyTravelsInTheDefinition()
    {
        // libvirt refuses `attach-device --config` of a vfio-ap hostdev to an x86 guest ("VFIO AP
        // device assignment is not supported by this version of QEMU": definitions are validated
        // against the emulator); the harness puts it in the definition libvirt reloads on SIGHUP,
        // which is not validated. Its mdev exists nowhere: libvirt needs it only to start the guest.
        const QString guest = QStringLiteral("apdef-1");
        const QString uuid = QStringLiteral("2f6d0c1e-7a3b-4e5d-8c9f-0a1b2c3d4e5f");
        QVERIFY(m_hosts->startGuest(guest, 'a', 64, false, uuid).ok());
        const auto before = read(*m_a);
        QVERIFY(before.ok());
        const Guest *g = before->guest(guest);
        QVERIFY(g);
        QCOMPARE(g->mdev, QString()); // nothing in the running guest
        QVERIFY(g->apHostdevs == (QList<Guest::ApHostdev>{{uuid, Guest::Presence::Persistent}}));

        const auto p = plan(guest);
        QVERIFY2(p.ok(), qPrintable(p ? QString() : p.error().toString()));
        QCOMPARE(p->stepIds(), QStringList{QStringLiteral("libvirt-migrate")}); // nothing to unplug
        QCOMPARE(p->definitionOnlyMdevs, QStringList{uuid});
        const std::atomic_bool cancel = false;
        QList<RunEvent> events;
        const RunEvent r = (*migrationWork(*m_a, *m_b, *p, {}))([&](const RunEvent &e) { events.append(e); }, cancel);
        QVERIFY2(r.ok, qPrintable(r.text));
        QCOMPARE(events.first().log, (QStringList{QStringLiteral("ap-device-in-definition-only"), QStringLiteral("definition-mdev-missing-on-destination")}));

        // PERSIST_DEST took the source's definition with the hostdev; the running guest has none.
        const auto after = read(*m_b);
        QVERIFY(after.ok());
        QVERIFY(after->guest(guest));
        QVERIFY(after->guest(guest)->apHostdevs == (QList<Guest::ApHostdev>{{uuid, Guest::Presence::Persistent}}));
        QVERIFY(m_hosts->virsh('b', {QStringLiteral("dumpxml"), QStringLiteral("--inactive"), guest})->contains(uuid));
        QVERIFY(!m_hosts->virsh('b', {QStringLiteral("dumpxml"), guest})->contains(uuid));
        QVERIFY(m_hosts->virsh('b', {QStringLiteral("destroy"), guest}).ok());
        // Its next start on b gets the hostdev from the definition: refused here, an x86 QEMU has
        // no vfio-ap (an s390x host would want the mdev, as the finding said).
        const auto start = m_hosts->virsh('b', {QStringLiteral("start"), guest});
        QVERIFY(!start.ok());
        QVERIFY2(start.error().detail.contains(QLatin1String("VFIO AP")), qPrintable(start.error().detail));
        QVERIFY(m_hosts->virsh('b', {QStringLiteral("undefine"), guest}).ok());
    }

    void jobStatisticsWhileMigrating()
    {
        const QString guest = QStringLiteral("stats-1");
        QVERIFY(m_hosts->startGuest(guest).ok());
        QVERIFY(m_hosts->virsh('a', {QStringLiteral("migrate-setspeed"), guest, QStringLiteral("40")}).ok());
        const auto p = plan(guest);
        QVERIFY(p.ok());
        const auto work = migrationWork(*m_a, *m_b, *p, {});
        QVERIFY(work.ok());
        BackgroundRun run(*work);
        // Polled from the test thread beside the runner's own polls, as a second client would.
        QList<JobStats> seen;
        QElapsedTimer t;
        t.start();
        while (!run.done() && t.elapsed() < 60000) {
            if (const auto s = m_a->jobStats(guest); s && s->type == JobStats::Type::Unbounded)
                seen.append(*s);
            QTest::qWait(50);
        }
        QVERIFY(run.done());
        QVERIFY2(run.result().ok, qPrintable(run.result().text));
        QVERIFY(seen.size() >= 3);
        qint64 elapsed = -1;
        qint64 iteration = 0;
        qint64 total = 0;
        for (const JobStats &s : seen) {
            // libvirt: the elapsed time and the pass number only grow; the total is the guest's RAM.
            QVERIFY(s.timeElapsedMs >= elapsed);
            QVERIFY(s.memIteration >= iteration);
            elapsed = s.timeElapsedMs;
            iteration = s.memIteration;
            if (s.dataTotal > 0) {
                if (total)
                    QCOMPARE(s.dataTotal, total);
                total = s.dataTotal;
                QVERIFY(s.dataRemaining <= s.dataTotal); // "processed" counts re-sent pages too
            }
        }
        QVERIFY2(total >= 64ll << 20, "memory figures after the destination is prepared");
        QVERIFY(m_hosts->virsh('b', {QStringLiteral("destroy"), guest}).ok());
    }

    void cancelLeavesTheGuestRunningOnTheSource()
    {
        const QString guest = QStringLiteral("cancel-1");
        startSlowGuest(guest, 5);
        const auto p = plan(guest);
        QVERIFY(p.ok());
        const auto work = migrationWork(*m_a, *m_b, *p, {});
        QVERIFY(work.ok());
        BackgroundRun run(*work);
        QTRY_VERIFY_WITH_TIMEOUT(run.sawProgress(), 30000);
        run.cancel = true;
        QTRY_VERIFY_WITH_TIMEOUT(run.done(), 30000);
        const RunEvent r = run.result();
        QVERIFY(!r.ok);
        QCOMPARE(r.step, QStringLiteral("libvirt-migrate"));
        QCOMPARE(r.err, ECANCELED);
        QCOMPARE(r.text, QStringLiteral("canceled"));
        // The step ends as cancelled (not failed), carrying libvirt's words.
        QString cancelled;
        for (const RunEvent &e : run.events()) {
            QVERIFY(!(e.kind == RunEvent::Kind::Step && e.status == RunEvent::StepStatus::Failed));
            if (e.kind == RunEvent::Kind::Step && e.status == RunEvent::StepStatus::Cancelled)
                cancelled = e.text;
        }
        QVERIFY2(cancelled.contains(QLatin1String("canceled by client")), qPrintable(cancelled));
        QCOMPARE(domState('a', guest), QStringLiteral("running"));
        QCOMPARE(domState('b', guest), QStringLiteral("(none)"));
        QVERIFY(m_hosts->virsh('a', {QStringLiteral("destroy"), guest}).ok());
        QVERIFY(m_hosts->virsh('a', {QStringLiteral("undefine"), guest}).ok());
    }

    void destinationRefusesAGuestOfTheSameName()
    {
        const QString guest = QStringLiteral("twin-1");
        QVERIFY(m_hosts->startGuest(guest).ok());
        const auto p = plan(guest); // made before the destination had the name
        QVERIFY(p.ok());
        // Another guest of that name (its own UUID) is defined on the destination meanwhile.
        QVERIFY(m_hosts->virsh('b', {QStringLiteral("define"), m_dir.filePath(guest + QStringLiteral(".xml"))}).ok());
        QVERIFY(plan(guest).error().detail.contains(QLatin1String("already exists on the destination")));

        const auto work = migrationWork(*m_a, *m_b, *p, {});
        QVERIFY(work.ok());
        const std::atomic_bool cancel = false;
        const RunEvent r = (*work)([](const RunEvent &) {}, cancel);
        QVERIFY(!r.ok);
        QCOMPARE(r.step, QStringLiteral("libvirt-migrate"));
        QVERIFY2(r.text.contains(QLatin1String("already exists with uuid")), qPrintable(r.text)); // libvirt's words
        QCOMPARE(domState('a', guest), QStringLiteral("running"));
        QCOMPARE(domState('b', guest), QStringLiteral("shut off"));
        QVERIFY(m_hosts->virsh('b', {QStringLiteral("undefine"), guest}).ok());
        QVERIFY(m_hosts->virsh('a', {QStringLiteral("destroy"), guest}).ok());
        QVERIFY(m_hosts->virsh('a', {QStringLiteral("undefine"), guest}).ok());
    }

    void destinationDyingMidMigrationAndReconnect()
    {
        const QString guest = QStringLiteral("orphan-1");
        startSlowGuest(guest, 5);
        const auto p = plan(guest);
        QVERIFY(p.ok());
        const auto work = migrationWork(*m_a, *m_b, *p, {});
        QVERIFY(work.ok());
        {
            BackgroundRun run(*work);
            QTRY_VERIFY_WITH_TIMEOUT(run.sawProgress(), 30000);
            QVERIFY(m_hosts->down('b').ok()); // its daemon and its QEMU gone, as a crash would
            QTRY_VERIFY_WITH_TIMEOUT(run.done(), 60000);
            const RunEvent r = run.result();
            QVERIFY(!r.ok);
            QCOMPARE(r.step, QStringLiteral("libvirt-migrate"));
            QVERIFY(!r.text.isEmpty());
            qInfo("libvirt said: %s", qPrintable(r.text));
        }
        QCOMPARE(domState('a', guest), QStringLiteral("running"));
        const auto away = read(*m_b);
        QVERIFY(!away.ok());
        QCOMPARE(away.error().code, ErrorCode::Unreachable);

        // The daemon comes back: the console's next request opens a new connection.
        QVERIFY(m_hosts->up().ok());
        const auto back = read(*m_b);
        QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error().toString()));
        QVERIFY(!back->guest(guest));
        QVERIFY(m_hosts->virsh('a', {QStringLiteral("migrate-setspeed"), guest, QStringLiteral("8796093022207")}).ok());
        const auto again = plan(guest);
        QVERIFY(again.ok());
        const std::atomic_bool cancel = false;
        const RunEvent r = (*migrationWork(*m_a, *m_b, *again, {}))([](const RunEvent &) {}, cancel);
        QVERIFY2(r.ok, qPrintable(r.text));
        QCOMPARE(domState('b', guest), QStringLiteral("running"));
        QVERIFY(m_hosts->virsh('b', {QStringLiteral("destroy"), guest}).ok());
    }

    void cliMigratesAGuestWithoutAnApDevice()
    {
        const QString guest = QStringLiteral("cli-1");
        QVERIFY(m_hosts->startGuest(guest).ok());
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("APCONSOLE_DB"), m_dir.filePath(QStringLiteral("cli.db")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(APCONSOLE_CLI), {QStringLiteral("migrate"), QStringLiteral("--source"), m_hosts->uri('a'), QStringLiteral("--target"),
                                                m_hosts->uri('b'), QStringLiteral("--guest"), guest});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QList<QJsonObject> lines;
        for (const QByteArray &line : p.readAllStandardOutput().split('\n'))
            if (!line.isEmpty())
                lines.append(QJsonDocument::fromJson(line).object());
        QVERIFY(lines.size() >= 3);
        QCOMPARE(lines.first().value(QLatin1String("event")).toString(), QStringLiteral("plan"));
        QCOMPARE(lines.first().value(QLatin1String("findings")).toArray().first().toString(), QStringLiteral("no-ap-device"));
        QCOMPARE(lines.last().value(QLatin1String("event")).toString(), QStringLiteral("result"));
        QCOMPARE(lines.last().value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(domState('b', guest), QStringLiteral("running"));
        QVERIFY(m_hosts->virsh('b', {QStringLiteral("destroy"), guest}).ok());
    }
};

QTEST_GUILESS_MAIN(TstRealLibvirt)
#include "tst_reallibvirt.moc"
