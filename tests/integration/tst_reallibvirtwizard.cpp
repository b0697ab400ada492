// The migration wizard against two real libvirt daemons with real QEMU (TCG) guests
// (scripts/libvirt-hosts.sh, the harness tst_reallibvirt uses): a guest whose vfio-ap hostdev is
// in its persistent definition only migrates live, with progress from libvirt's job statistics,
// and its definition arrives with the hostdev; Cancel leaves a guest running on the source.
#include "libvirthostsfixture.h"
#include "skip.h"

#include <fleet/fleet.h>
#include <fleet/hostsession.h>
#include <migration/migrationpages.h>
#include <migration/migrationrunpage.h>
#include <migration/migrationwizard.h>
#include <store/store.h>

#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace ap;
using namespace ap::ui;
using namespace ap::migration;

namespace {

const QString kApMdev = QStringLiteral("8e4c1f0a-3b2d-4c6e-9a7f-5d1b0c2e3f4a");

/// Every Memory event that carries job figures from the source's statistics while the job ran
/// (not the JOB_COMPLETED summary, which comes last).
QList<RunEvent> progressWhileRunning(const QList<RunEvent> &events)
{
    QList<RunEvent> out;
    for (const RunEvent &e : events)
        if (e.kind == RunEvent::Kind::Memory && e.bytes > 0 && e.remaining > 0)
            out.append(e);
    return out;
}

} // namespace

class TstRealLibvirtWizard : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::LibvirtHostsFixture> m_hosts;
    std::unique_ptr<Fleet> m_fleet;

    QString domState(char h, const QString &guest) const
    {
        return m_hosts->virsh(h, {QStringLiteral("domstate"), guest}).valueOr(QStringLiteral("(none)")).trimmed();
    }

    HostSession *session(char h) const { return m_fleet->session(m_hosts->uri(h)); }

    /// Reads both hosts again until the console sees `guest` on host a (started after the
    /// fleet's last read).
    bool sees(const QString &guest)
    {
        for (const char h : {'a', 'b'})
            session(h)->refresh();
        return QTest::qWaitFor([this, &guest] {
            const auto a = session('a')->snapshot();
            return a && a->guest(guest) && session('b')->snapshot();
        }, 20000);
    }

    /// Walks the wizard from the destination to the started run, checking the pages a guest
    /// without a vfio-ap device in it shows.
    void startRun(MigrationWizard &w)
    {
        w.show();
        auto *dest = qobject_cast<DestinationPage *>(w.page(MigrationWizard::DestinationPageId));
        QVERIFY2(dest->selectDestination(m_hosts->uri('b')), "host b is offered although it has no vfio_ap driver");
        w.next();
        auto *pre = qobject_cast<PrecheckPage *>(w.page(MigrationWizard::PrecheckPageId));
        QVERIFY(QTest::qWaitFor([&] { return !pre->isBusy() && w.report.has_value(); }, 30000));
        QVERIFY2(w.report->ready, qPrintable(w.findChild<QLabel *>(QStringLiteral("precheckBanner"))->text()));
        QVERIFY(pre->isComplete());
        w.next();
        QCOMPARE(w.currentId(), int(MigrationWizard::StrategyPageId));
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("plainMigration"))->isVisible());
        w.next();
        QCOMPARE(w.currentId(), int(MigrationWizard::PlanPageId));
        QCOMPARE(w.plan->stepIds(), QStringList{QStringLiteral("libvirt-migrate")});
        w.next(); // commit: the run starts
        QCOMPARE(w.currentId(), int(MigrationWizard::RunPageId));
    }

private slots:
    void initTestCase()
    {
        if (const QString why = test::LibvirtHostsFixture::unavailableReason(); !why.isEmpty())
            AP_SKIP(qPrintable(QStringLiteral("real libvirt hosts cannot run: ") + why));
        QVERIFY(m_dir.isValid());
        qputenv("APCONSOLE_MIGRATION_PACE_MS", "0");
        m_hosts = std::make_unique<test::LibvirtHostsFixture>(QStringLiteral(APCONSOLE_SOURCE_DIR "/scripts/libvirt-hosts.sh"), m_dir.path());
        const Status up = m_hosts->up();
        QVERIFY2(up.ok(), qPrintable(up.ok() ? QString() : up.error().toString()));
        auto store = Store::open(m_dir.filePath(QStringLiteral("wizard.db")));
        QVERIFY(store);
        m_fleet = std::make_unique<Fleet>(*store);
        QVERIFY(m_fleet->addHost(m_hosts->uri('a'), false));
        QVERIFY(m_fleet->addHost(m_hosts->uri('b'), false));
    }

    void cleanupTestCase()
    {
        m_fleet.reset();
        if (m_hosts)
            QVERIFY(m_hosts->down().ok());
    }

    void migratesAGuestWhoseApDeviceIsInItsDefinitionOnly()
    {
        const QString guest = QStringLiteral("wizard-1");
        QVERIFY(m_hosts->startGuest(guest, 'a', 64, false, kApMdev).ok());
        // Slow enough that the runner's polls see the job's figures before it completes.
        QVERIFY(m_hosts->virsh('a', {QStringLiteral("migrate-setspeed"), guest, QStringLiteral("40")}).ok());
        QVERIFY(sees(guest));
        const Guest *g = session('a')->snapshot()->guest(guest);
        QVERIFY(g);
        QVERIFY(g->mdev.isEmpty());
        QCOMPARE(g->definitionOnlyMdevs(), QStringList{kApMdev});

        MigrationWizard w(m_fleet.get(), session('a'), guest);
        startRun(w);
        if (QTest::currentTestFailed())
            return;
        QStringList findings;
        for (const Finding &f : w.report->findings)
            findings.append(f.id);
        QCOMPARE(findings, (QStringList{QStringLiteral("ap_device_in_definition_only"), QStringLiteral("definition_mdev_missing_on_destination")}));
        QCOMPARE(w.plan->definitionOnlyMdevs, QStringList{kApMdev});

        QVERIFY(QTest::qWaitFor([&] { return w.page(MigrationWizard::RunPageId)->isComplete(); }, 60000));
        const RunEvent result = w.job->events().constLast();
        QVERIFY2(result.ok, qPrintable(result.text));
        QCOMPARE(w.job->events().first().log, (QStringList{QStringLiteral("ap-device-in-definition-only"),
                                                           QStringLiteral("definition-mdev-missing-on-destination")}));
        // Progress from libvirt's job statistics while it ran, shown on the run page.
        const QList<RunEvent> progress = progressWhileRunning(w.job->events());
        QVERIFY2(!progress.isEmpty(), "no job figures while the migration ran");
        QVERIFY(progress.first().total >= 64ll << 20);
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("memoryProgress"))->text().contains(QLatin1String("iteration")));

        // Migrated: running on b without the device, whose definition carries it.
        QCOMPARE(domState('b', guest), QStringLiteral("running"));
        QCOMPARE(domState('a', guest), QStringLiteral("(none)"));
        const auto live = m_hosts->virsh('b', {QStringLiteral("dumpxml"), guest});
        const auto defined = m_hosts->virsh('b', {QStringLiteral("dumpxml"), QStringLiteral("--inactive"), guest});
        QVERIFY(live && defined);
        QVERIFY(!live->contains(kApMdev));
        QVERIFY(defined->contains(kApMdev));
        w.next();
        QVERIFY(qobject_cast<ResultPage *>(w.page(MigrationWizard::ResultPageId))->summaryText().contains(guest + QStringLiteral(" now runs on ")));
        // The console's read of b after the run sees it the same way (reads made on the events
        // during the run may see the guest before its definition arrived).
        const auto definedOnB = [&] {
            const auto snap = session('b')->snapshot();
            const Guest *there = snap ? snap->guest(guest) : nullptr;
            return there ? there->definitionOnlyMdevs() : QStringList();
        };
        QTRY_COMPARE_WITH_TIMEOUT(definedOnB(), QStringList{kApMdev}, 20000);
        QVERIFY(m_hosts->virsh('b', {QStringLiteral("destroy"), guest}).ok());
        QVERIFY(m_hosts->virsh('b', {QStringLiteral("undefine"), guest}).ok());
    }

    void cancelLeavesTheGuestRunningOnTheSource()
    {
        const QString guest = QStringLiteral("wizard-2");
        QVERIFY(m_hosts->startGuest(guest, 'a', 64, true).ok());
        QVERIFY(m_hosts->virsh('a', {QStringLiteral("migrate-setspeed"), guest, QStringLiteral("5")}).ok());
        QVERIFY(sees(guest));

        MigrationWizard w(m_fleet.get(), session('a'), guest);
        startRun(w);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(w.report->findings.first().id, QStringLiteral("no_ap_device"));
        QVERIFY(QTest::qWaitFor([&] { return !progressWhileRunning(w.job->events()).isEmpty(); }, 30000));
        auto *cancel = w.findChild<QPushButton *>(QStringLiteral("cancelRun"));
        QVERIFY(cancel->isEnabled());
        cancel->click();
        QVERIFY(QTest::qWaitFor([&] { return w.page(MigrationWizard::RunPageId)->isComplete(); }, 30000));
        const RunEvent result = w.job->events().constLast();
        QVERIFY(!result.ok);
        QCOMPARE(result.text, QStringLiteral("canceled"));
        QCOMPARE(domState('a', guest), QStringLiteral("running"));
        QCOMPARE(domState('b', guest), QStringLiteral("(none)"));
        w.next();
        QVERIFY(qobject_cast<ResultPage *>(w.page(MigrationWizard::ResultPageId))->summaryText().contains(QLatin1String("Cancelled.")));
        QVERIFY(m_hosts->virsh('a', {QStringLiteral("destroy"), guest}).ok());
        QVERIFY(m_hosts->virsh('a', {QStringLiteral("undefine"), guest}).ok());
    }
};

QTEST_MAIN(TstRealLibvirtWizard)
#include "tst_reallibvirtwizard.moc"
