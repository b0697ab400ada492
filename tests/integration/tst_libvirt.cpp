// libvirt hosts against libvirt's own test driver (test:///FILE.xml) and the XML parsers.
#include <hosts/backendfactory.h>
#include <hosts/libvirt/libvirthost.h>
#include <hosts/libvirt/libvirtxml.h>
#include <hosts/viewmerge.h>
#include <json/snapshotjson.h>
#include <driver/apqnstate.h>
#include <migration/check.h>
#include <plan/matrixplan.h>
#include <report/checkrender.h>
#include <report/inventorytext.h>
#include <hosts/demofleet.h>
#include <sysfs/treewriter.h>
#include "../support/testsupport.h"
#include <migration/checkinput.h>
#include <migration/migrationplan.h>
#include <migration/runnerfactory.h>

#include <QFile>
#include <QJsonArray>
#include <QMutex>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace ap;
using namespace ap::migration;

namespace {
const QString kFixture = QStringLiteral(APCONSOLE_FIXTURES "/libvirt/ap-host.xml");
const QString kMdev1 = QStringLiteral("783e6dbb-ea0e-411f-94e2-717eaad438bf");
const QString kMdev2 = QStringLiteral("4b1c7e2a-9d3f-4e8b-a6c5-2f0e1d9b8a76");

std::unique_ptr<LibvirtHost> fixtureHost(const QString &file = kFixture)
{
    return std::make_unique<LibvirtHost>(*HostUri::parse(QStringLiteral("test://") + file));
}
} // namespace

class TstLibvirt : public QObject {
    Q_OBJECT
private slots:
    void mdevNamesInBothForms_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("uuid");
        QTest::newRow("with parent") << "mdev_783e6dbb_ea0e_411f_94e2_717eaad438bf_matrix" << kMdev1;
        QTest::newRow("plain") << "mdev_4b1c7e2a_9d3f_4e8b_a6c5_2f0e1d9b8a76" << kMdev2;
        QTest::newRow("not an mdev") << "ap_card05" << QString();
        QTest::newRow("short") << "mdev_1234" << QString();
    }
    void mdevNamesInBothForms()
    {
        QFETCH(QString, name);
        QFETCH(QString, uuid);
        QCOMPARE(libvirtxml::uuidFromMdevName(name).value_or(QString()), uuid);
    }

    void malformedNodeDevicesAreNamed_data()
    {
        QTest::addColumn<QString>("xml");
        QTest::addColumn<QString>("detail");
        QTest::newRow("adapter out of range") << "<device><name>ap_card99</name><capability type='ap_card'><ap-adapter>0x1ff</ap-adapter></capability></device>"
                                              << "ap-adapter";
        QTest::newRow("queue without domain") << "<device><name>ap_05_0004</name><capability type='ap_queue'><ap-adapter>5</ap-adapter></capability></device>"
                                              << "lacks";
        QTest::newRow("not XML") << "<device><name>x</name>" << "line";
        QTest::newRow("no name") << "<device><capability type='ap_matrix'/></device>" << "<name>";
    }
    void malformedNodeDevicesAreNamed()
    {
        QFETCH(QString, xml);
        QFETCH(QString, detail);
        const auto d = libvirtxml::parseNodeDevice(xml);
        QVERIFY(!d.ok());
        QCOMPARE(d.error().code, ErrorCode::Corrupt);
        QVERIFY2(d.error().detail.contains(detail), qPrintable(d.error().detail));
    }

    void domainHostdevs()
    {
        const auto d = libvirtxml::parseDomain(QStringLiteral(
            "<domain><name>g</name><devices>"
            "<hostdev mode='subsystem' type='pci'><source><address domain='0' bus='1' slot='0' function='0'/></source></hostdev>"
            "<hostdev mode='subsystem' type='mdev' model='vfio-ccw'><source><address uuid='aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'/></source></hostdev>"
            "<hostdev mode='subsystem' type='mdev' model='vfio-ap'><source><address uuid='783E6DBB-EA0E-411F-94E2-717EAAD438BF'/></source></hostdev>"
            "</devices></domain>"));
        QVERIFY(d.ok());
        QCOMPARE(d->name, QStringLiteral("g"));
        QCOMPARE(d->apMdevs, QStringList{kMdev1});
    }

    void inventoryFromTheTestDriver()
    {
        auto host = fixtureHost();
        const auto r = host->readInventory().result();
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->cards.size(), 2);
        QCOMPARE(r->queues.size(), 4);
        QVERIFY(r->queue(Apqn{0x05, 0xab}));
        QVERIFY(r->matrix.present);
        QCOMPARE(r->matrix.availableInstances, 65534);
        QCOMPARE(r->mdevs.size(), 2);
        const Mdev *m = r->mdev(kMdev1);
        QVERIFY(m);
        QCOMPARE(m->adapters.ids(), QList<int>{5});
        QCOMPARE(m->domains.ids(), (QList<int>{4, 0xab}));
        QCOMPARE(m->controlDomains.ids(), (QList<int>{4, 0xab}));
        // The guest-to-mdev link, and the run states.
        QCOMPARE(r->guestOfMdev(kMdev1)->name, QStringLiteral("guest1"));
        QCOMPARE(r->guest(u"guest1")->state, Guest::State::Running);
        QCOMPARE(r->guestOfMdev(kMdev2)->name, QStringLiteral("guest2"));
        QCOMPARE(r->guest(u"guest2")->state, Guest::State::ShutOff);
    }

    void operationsTheTestDriverLacksSayNotSupported()
    {
        auto host = fixtureHost();
        const Status define = host->defineMdev(QStringLiteral("5a0f6c0e-4d0c-4a5e-9d7e-2f1b8c3a9e01"), {IdMask::fromIds({5}), IdMask::fromIds({4}), {}}, true, true).result();
        QVERIFY(!define.ok());
        QCOMPARE(define.error().code, ErrorCode::Unsupported);
        QVERIFY2(define.error().hint.contains(QLatin1String("Not supported by this host")), qPrintable(define.error().hint));
        const Status attach = host->attachApHostdev(QStringLiteral("guest1"), kMdev1).result();
        QVERIFY(!attach.ok());
        QCOMPARE(attach.error().code, ErrorCode::Unsupported);
        const Status detach = host->detachApHostdev(QStringLiteral("guest1"), kMdev1).result();
        QCOMPARE(detach.error().code, ErrorCode::Unsupported);
        const Status undefine = host->undefineMdev(kMdev1).result();
        QVERIFY(!undefine.ok());
        const auto apply = host->apply(WritePlan{}).result();
        QVERIFY(!apply.ok());
        QCOMPARE(apply.error().code, ErrorCode::Unsupported);
    }

    void missingFixtureIsAClearError()
    {
        auto host = fixtureHost(QStringLiteral("/nonexistent/ap-host.xml"));
        const auto r = host->readInventory().result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Unreachable);
        QVERIFY(r.error().detail.contains(QLatin1String("virConnectOpenAuth")));
    }

    void migrationThroughTheTestDriverSaysWhyNot()
    {
        auto source = fixtureHost();
        auto target = fixtureHost();
        const auto snap = source->readInventory().result();
        QVERIFY(snap.ok());
        QVERIFY(migration::runsThroughLibvirt(*source, *target));
        migration::MigrationRequest request;
        request.guest = QStringLiteral("guest1");
        request.viaLibvirt = true;
        HostSnapshot other = *snap;
        other.host = QStringLiteral("destination");
        other.guests.clear();
        const auto plan = migration::buildPlan(*snap, other, request);
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
        QCOMPARE(plan->strategy, migration::Strategy::Replug); // libvirt shows no 'migratable'
        QCOMPARE(plan->stepIds(), (QStringList{QStringLiteral("verify-destination"), QStringLiteral("unplug"),
                                               QStringLiteral("libvirt-migrate"), QStringLiteral("plug")}));
        const auto work = migration::migrationWork(*source, *target, *plan, {});
        QVERIFY(work.ok());
        const std::atomic_bool cancel = false;
        const migration::RunEvent result = (*work)({}, cancel);
        QVERIFY(!result.ok);
        QCOMPARE(result.step, QStringLiteral("unplug")); // the test driver cannot detach devices
        QVERIFY2(result.text.contains(QLatin1String("not supported")), qPrintable(result.text));
    }

    void persistentAndInactiveMdevs()
    {
        libvirtxml::NodeDevice running;
        running.kind = libvirtxml::NodeDevice::Kind::Mdev;
        running.name = QStringLiteral("mdev_a");
        running.uuid = kMdev1;
        running.attrs = {{QStringLiteral("assign_adapter"), QStringLiteral("5")}};
        running.active = true;
        running.persistent = true;
        running.autostart = true;
        libvirtxml::NodeDevice defined = running;
        defined.uuid = kMdev2;
        defined.active = false;
        defined.autostart = false;
        libvirtxml::NodeDevice unknown = running; // the test driver answers none of the three
        unknown.uuid = QStringLiteral("5a0f6c0e-4d0c-4a5e-9d7e-2f1b8c3a9e01");
        unknown.active = unknown.persistent = unknown.autostart = std::nullopt;
        const HostSnapshot h = libvirtxml::buildSnapshot(QStringLiteral("x"), {running, defined, unknown}, {});
        QCOMPARE(h.mdevs.size(), 2);
        QCOMPARE(h.mdev(kMdev1)->persistent, std::optional<bool>(true));
        QCOMPARE(h.mdev(kMdev1)->autostart, std::optional<bool>(true));
        QCOMPARE(h.mdev(unknown.uuid)->persistent, std::optional<bool>());
        QCOMPARE(h.inactiveMdevs.size(), 1);
        QCOMPARE(h.inactiveMdevs.first().uuid, kMdev2);
        QVERIFY(!h.mdev(kMdev2)); // the driver rules never see a stopped mdev
        // The inventory JSON keeps all of it.
        const auto back = snapshotFromJson(snapshotToJson(h));
        QVERIFY(back.ok());
        QCOMPARE(back->mdevs, h.mdevs);
        QCOMPARE(back->inactiveMdevs, h.inactiveMdevs);
        // The test driver itself cannot tell: its mdevs are active, persistence unknown.
        const auto r = fixtureHost()->readInventory().result();
        QVERIFY(r.ok());
        QVERIFY(r->inactiveMdevs.isEmpty());
        QCOMPARE(r->mdev(kMdev1)->persistent, std::optional<bool>());
    }

    void viewsMerge_data()
    {
        QTest::addColumn<QString>("libvirtMdev");      // how libvirt sees the sysfs mdev: "same", "other", "absent"
        QTest::addColumn<bool>("definedElsewhere");    // libvirt also has a stopped persistent mdev
        QTest::addColumn<int>("mdevs");
        QTest::addColumn<int>("inactive");
        QTest::addColumn<QString>("issue");            // a word the merged issues must contain, or empty
        QTest::newRow("agree") << "same" << false << 1 << 0 << "";
        QTest::newRow("stopped definition") << "same" << true << 1 << 1 << "";
        QTest::newRow("definition differs") << "other" << false << 1 << 0 << "persistent definition";
        QTest::newRow("libvirt stale") << "absent" << false << 1 << 0 << "uses mdev";
    }
    void viewsMerge()
    {
        QFETCH(QString, libvirtMdev);
        QFETCH(bool, definedElsewhere);
        QFETCH(int, mdevs);
        QFETCH(int, inactive);
        QFETCH(QString, issue);
        HostSnapshot sysfsView = test::makeHost(8, 16);
        test::addMdev(sysfsView, kMdev1, {5}, {4});
        HostSnapshot lv;
        if (libvirtMdev != u"absent") {
            Mdev m;
            m.uuid = kMdev1;
            m.adapters = IdMask::fromIds({5});
            m.domains = IdMask::fromIds(libvirtMdev == u"same" ? QList<int>{4} : QList<int>{4, 6});
            m.persistent = true;
            m.autostart = false;
            lv.mdevs.append(m);
        }
        if (definedElsewhere) {
            Mdev d;
            d.uuid = kMdev2;
            d.adapters = IdMask::fromIds({6});
            d.domains = IdMask::fromIds({7});
            d.persistent = true;
            lv.inactiveMdevs.append(d);
        }
        lv.guests = {Guest{QStringLiteral("guest1"), Guest::State::Running, libvirtMdev == u"absent" ? kMdev2 : kMdev1}};
        lv.issues.append(makeError(ErrorCode::Unsupported, QStringLiteral("lv"), QStringLiteral("libvirt shows AP ids only")));
        const HostSnapshot h = mergeHostViews(sysfsView, lv, QStringLiteral("merged"));
        QCOMPARE(h.host, QStringLiteral("merged"));
        QCOMPARE(h.mdevs.size(), mdevs);
        QCOMPARE(h.inactiveMdevs.size(), inactive);
        // sysfs decides the running matrix; libvirt adds what only it knows.
        QCOMPARE(h.mdev(kMdev1)->domains.ids(), QList<int>{4});
        QCOMPARE(h.mdev(kMdev1)->persistent, libvirtMdev == u"absent" ? std::optional<bool>() : std::optional<bool>(true));
        QCOMPARE(h.queues, sysfsView.queues);
        QCOMPARE(h.guests.size(), 1);
        QStringList issues;
        for (const Error &e : h.issues)
            issues.append(e.detail);
        QVERIFY2(!issues.join(u'|').contains(QLatin1String("AP ids only")), qPrintable(issues.join(u'|')));
        if (issue.isEmpty())
            QVERIFY2(issues.isEmpty(), qPrintable(issues.join(u'|')));
        else
            QVERIFY2(issues.join(u'|').contains(issue), qPrintable(issues.join(u'|')));
    }

    void sshOrSysfsAndLibvirtAreOneHost()
    {
        // The sysfs view: the fixture's adapters and the first mdev, with real types and bindings.
        HostSnapshot tree = test::makeHost(7, 16);
        test::addMdev(tree, kMdev1, {5}, {4}, {4});
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(tree, dir.path()).ok());
        const auto uri = HostUri::parse(QStringLiteral("sysfs:%1,test://%2").arg(dir.path(), kFixture));
        QVERIFY2(uri.ok(), qPrintable(uri.ok() ? QString() : uri.error().toString()));
        auto backend = createBackend(*uri);
        QVERIFY(backend.ok());
        HostBackend &host = **backend;
        QVERIFY(host.view<LibvirtHost>());
        const auto r = host.readInventory().result();
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->host, uri->text);
        QCOMPARE(r->queues.size(), tree.queues.size()); // sysfs: every queue with its type
        QVERIFY(r->card(5)->typeName() == QLatin1String("CEX8C"));
        QCOMPARE(r->guestOfMdev(kMdev1)->name, QStringLiteral("guest1")); // libvirt: the guests
        QCOMPARE(r->guest(u"guest1")->state, Guest::State::Running);
        bool named = false;
        for (const Error &e : r->issues)
            named = named || (e.detail.contains(QLatin1String("guest2")) && e.detail.contains(kMdev2));
        QVERIFY2(named, "guest2's mdev exists only in libvirt's view");
        // Writes go through the sysfs view: the whole host can be edited.
        WritePlan plan;
        const auto applied = host.apply(plan).result();
        QVERIFY(applied.ok());
        // A libvirt address that does not answer leaves the sysfs view whole, with the reason.
        auto broken = createBackend(*HostUri::parse(QStringLiteral("sysfs:%1,test:///nonexistent.xml").arg(dir.path())));
        const auto partial = (*broken)->readInventory().result();
        QVERIFY(partial.ok());
        QCOMPARE(partial->queues.size(), tree.queues.size());
        QVERIFY(partial->guests.isEmpty());
        QVERIFY(std::any_of(partial->issues.cbegin(), partial->issues.cend(),
                            [](const Error &e) { return e.detail.contains(QLatin1String("libvirt view not read")); }));
    }

    void lifecycleEventsArriveFromLibvirt()
    {
        auto host = fixtureHost();
        QMutex mutex;
        QList<migration::DomainEvent> seen;
        const auto id = host->watchDomainEvents(QStringLiteral("guest1"), [&](const migration::DomainEvent &e) {
            QMutexLocker l(&mutex);
            seen.append(e);
        }).result();
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().toString()));
        const auto seenStates = [&] {
            QMutexLocker l(&mutex);
            QStringList states;
            for (const auto &e : std::as_const(seen))
                states.append(e.guest + QLatin1Char(' ') + e.guestState());
            return states;
        };
        QVERIFY(host->setGuestPaused(QStringLiteral("guest1"), true).result().ok());
        QTRY_COMPARE(seenStates(), QStringList{QStringLiteral("guest1 paused")});
        QVERIFY(host->setGuestPaused(QStringLiteral("guest1"), false).result().ok());
        QTRY_COMPARE(seenStates(), (QStringList{QStringLiteral("guest1 paused"), QStringLiteral("guest1 running")}));
        // guest2 is shut off: resuming it is refused with libvirt's words, and no event comes.
        const Status refused = host->setGuestPaused(QStringLiteral("guest2"), false).result();
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().detail.contains(QLatin1String("virDomainResume")), qPrintable(refused.error().detail));
        host->unwatchDomainEvents(*id).waitForFinished();
        // Unwatched, nothing more arrives: a second watch sees the next event, which the first
        // would have seen by then (one dispatch delivers to every subscription).
        std::atomic_int after = 0;
        const auto sentinel = host->watchDomainEvents(QStringLiteral("guest1"), [&after](const migration::DomainEvent &) { ++after; }).result();
        QVERIFY(sentinel.ok());
        QVERIFY(host->setGuestPaused(QStringLiteral("guest1"), true).result().ok());
        QTRY_VERIFY(after.load() > 0);
        host->unwatchDomainEvents(*sentinel).waitForFinished();
        QCOMPARE(seenStates().size(), 2);
        // The inventory shows what the events said.
        QCOMPARE(host->readInventory().result()->guest(u"guest1")->state, Guest::State::Paused);
    }

    void preCheckAsksLibvirtForBlockers()
    {
        auto source = fixtureHost();
        auto target = fixtureHost();
        const auto in = migration::readCheckInput(source.get(), target.get(), kMdev1);
        QVERIFY(in.ok());
        QVERIFY(in->blockers.asked);
        // The test driver has no QEMU monitor: the question is asked, the answer is "cannot say".
        QVERIFY(in->blockers.unavailable);
        QVERIFY2(in->blockers.unavailable->detail.contains(QLatin1String("virDomainQemuMonitorCommand")),
                 qPrintable(in->blockers.unavailable->detail));
        const auto report = migration::runCheck(*in);
        QVERIFY(report.ok());
        QVERIFY(std::any_of(report->findings.cbegin(), report->findings.cend(),
                            [](const migration::Finding &f) { return f.id == u"libvirt-blockers-unknown" && f.message.contains(QLatin1String("guest1")); }));
    }

    void generatedXmlRoundTrips()
    {
        const MatrixAssignment m{IdMask::fromIds({5, 6}), IdMask::fromIds({4, 0xab}), IdMask::fromIds({4})};
        const QString xml = LibvirtHost::mdevXml(kMdev1, m);
        const auto d = libvirtxml::parseNodeDevice(xml);
        QVERIFY(d.ok());
        QCOMPARE(d->name, QStringLiteral("mdev_783e6dbb_ea0e_411f_94e2_717eaad438bf_matrix"));
        // libvirt's own node-device schema accepts it.
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("mdev.xml")));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(xml.toUtf8()) > 0);
        file.close();
        QProcess validate;
        validate.start(QStringLiteral("virt-xml-validate"), {file.fileName(), QStringLiteral("nodedev")});
        QVERIFY2(validate.waitForFinished(30000), "virt-xml-validate (libvirt-clients) did not run");
        QVERIFY2(validate.exitStatus() == QProcess::NormalExit && validate.exitCode() == 0,
                 QByteArray(validate.readAllStandardError() + validate.readAllStandardOutput()).constData());
        const HostSnapshot h = libvirtxml::buildSnapshot(QStringLiteral("x"), {*d}, {});
        QCOMPARE(MatrixAssignment::of(*h.mdev(kMdev1)), m);
        QVERIFY(LibvirtHost::connectUri(QStringLiteral("qemu+ssh://root@h/system")).endsWith(QLatin1String("?no_tty=1")));
        QCOMPARE(LibvirtHost::connectUri(QStringLiteral("qemu:///system")), QStringLiteral("qemu:///system"));
    }
    void upstreamNodeDevices_data()
    {
        using K = libvirtxml::NodeDevice::Kind;
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("adapter");
        QTest::addColumn<int>("domain");
        QTest::addColumn<int>("available");
        QTest::newRow("ap_card07") << "ap_card07.xml" << int(K::Card) << 7 << -1 << -1;
        QTest::newRow("ap_07_0038") << "ap_07_0038.xml" << int(K::Queue) << 7 << 0x38 << -1;
        QTest::newRow("ap_matrix") << "ap_matrix.xml" << int(K::Matrix) << -1 << -1 << -1;
        QTest::newRow("ap_matrix_mdev_types") << "ap_matrix_mdev_types.xml" << int(K::Matrix) << -1 << -1 << 65536;
        QTest::newRow("mdev without attrs") << "mdev_ee0b88c4_f554_4dc1_809d_b2a01e8e48ad.xml" << int(K::Mdev) << -1 << -1 << -1;
        QTest::newRow("mdevctl README") << "mdevctl_readme_783e6dbb.xml" << int(K::Mdev) << -1 << -1 << -1;
    }
    void upstreamNodeDevices()
    {
        QFETCH(QString, file);
        QFETCH(int, kind);
        QFETCH(int, adapter);
        QFETCH(int, domain);
        QFETCH(int, available);
        QFile f(QStringLiteral(APCONSOLE_FIXTURES "/libvirt/upstream/") + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto d = libvirtxml::parseNodeDevice(QString::fromUtf8(f.readAll()));
        QVERIFY2(d.ok(), qPrintable(d ? QString() : d.error().toString()));
        QCOMPARE(int(d->kind), kind);
        QCOMPARE(d->adapter, adapter);
        QCOMPARE(d->domain, domain);
        QCOMPARE(d->availableInstances, available);
        if (d->kind == libvirtxml::NodeDevice::Kind::Mdev)
            QVERIFY(!d->uuid.isEmpty());
    }

    void mdevctlExampleReadsAsTheKernelAssigns()
    {
        QFile f(QStringLiteral(APCONSOLE_FIXTURES "/libvirt/upstream/mdevctl_readme_783e6dbb.xml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto d = libvirtxml::parseNodeDevice(QString::fromUtf8(f.readAll()));
        QVERIFY(d.ok());
        const HostSnapshot h = libvirtxml::buildSnapshot(QStringLiteral("x"), {*d}, {});
        QVERIFY(h.mdev(kMdev1));
        QCOMPARE(MatrixAssignment::of(*h.mdev(kMdev1)),
                 (MatrixAssignment{IdMask::fromIds({5, 6}), IdMask::fromIds({4, 0xab}), IdMask::fromIds({4, 0xab})}));
    }

    void mdevAttributesParsedAsTheKernelDoes_data()
    {
        QTest::addColumn<QString>("attrs");
        QTest::addColumn<QList<int>>("adapters");
        QTest::addColumn<QList<int>>("domains");
        QTest::addColumn<QList<int>>("controls");
        QTest::addColumn<bool>("issue");
        QTest::addColumn<bool>("known"); ///< the matrix is known (no attribute, or a malformed one: unknown)
        const auto a = [](const char *name, const char *value) {
            return QStringLiteral("<attr name='%1' value='%2'/>").arg(QLatin1String(name), QLatin1String(value));
        };
        QTest::newRow("020 is octal 16") << a("assign_adapter", "020") << QList<int>{16} << QList<int>{} << QList<int>{} << false << true;
        QTest::newRow("0107 is 71") << a("assign_domain", "0107") << QList<int>{} << QList<int>{71} << QList<int>{} << false << true;
        QTest::newRow("0X05 is 5") << a("assign_control_domain", "0X05") << QList<int>{} << QList<int>{} << QList<int>{5} << false << true;
        QTest::newRow("decimal 20") << a("assign_adapter", "20") << QList<int>{20} << QList<int>{} << QList<int>{} << false << true;
        QTest::newRow("08 is not a number") << a("assign_adapter", "08") << QList<int>{} << QList<int>{} << QList<int>{} << true << false;
        QTest::newRow("beyond 255") << a("assign_adapter", "0x100") << QList<int>{} << QList<int>{} << QList<int>{} << true << false;
        QTest::newRow("unassign in order") << a("assign_adapter", "5") + a("assign_adapter", "6") + a("unassign_adapter", "5")
                                           << QList<int>{6} << QList<int>{} << QList<int>{} << false << true;
        QTest::newRow("ap_config") << a("ap_config", "0x06,0x08,0x08") << QList<int>{5, 6} << QList<int>{4} << QList<int>{4} << false << true;
        QTest::newRow("ap_config replaces") << a("assign_adapter", "1") + a("ap_config", "0x04,0x80,0x") << QList<int>{5} << QList<int>{0}
                                            << QList<int>{} << false << true;
        QTest::newRow("no attribute: unknown, not empty") << QString() << QList<int>{} << QList<int>{} << QList<int>{} << false << false;
        QTest::newRow("ap_config missing a field") << a("ap_config", "0x06,0x08") << QList<int>{} << QList<int>{} << QList<int>{} << true << false;
    }
    void mdevAttributesParsedAsTheKernelDoes()
    {
        QFETCH(QString, attrs);
        QFETCH(QList<int>, adapters);
        QFETCH(QList<int>, domains);
        QFETCH(QList<int>, controls);
        QFETCH(bool, issue);
        QFETCH(bool, known);
        const QString xml = QStringLiteral("<device><name>mdev_x</name><parent>ap_matrix</parent><capability type='mdev'>"
                                           "<type id='vfio_ap-passthrough'/><uuid>%1</uuid>%2</capability></device>").arg(kMdev1, attrs);
        const auto d = libvirtxml::parseNodeDevice(xml);
        QVERIFY(d.ok());
        const HostSnapshot h = libvirtxml::buildSnapshot(QStringLiteral("x"), {*d}, {});
        QVERIFY(h.mdev(kMdev1));
        QCOMPARE(MatrixAssignment::of(*h.mdev(kMdev1)),
                 (MatrixAssignment{IdMask::fromIds(adapters), IdMask::fromIds(domains), IdMask::fromIds(controls)}));
        const bool flagged = std::any_of(h.issues.cbegin(), h.issues.cend(), [](const Error &e) { return e.code == ErrorCode::Parse; });
        QCOMPARE(flagged, issue);
        QCOMPARE(h.mdev(kMdev1)->matrixKnown, known);
        QVERIFY(!h.mdev(kMdev1)->guestMatrixKnown); // the driver derives it from bindings libvirt does not show
    }

    // A libvirt-only view: what libvirt does not show reads "unknown" everywhere (text, JSON, the
    // check, the matrix rule), never an empty matrix, a zero mask or a default count.
    void unknownIsNeverShownAsKnown()
    {
        const auto device = libvirtxml::parseNodeDevice(QStringLiteral(
            "<device><name>mdev_x</name><parent>ap_matrix</parent><capability type='mdev'><type id='vfio_ap-passthrough'/><uuid>%1</uuid>"
            "</capability></device>").arg(kMdev1));
        QVERIFY(device.ok());
        const auto domain = libvirtxml::parseDomain(QStringLiteral(
            "<domain type='kvm'><name>g</name><devices><hostdev mode='subsystem' type='mdev' model='vfio-ap'><source><address uuid='%1'/>"
            "</source></hostdev></devices></domain>").arg(kMdev1));
        QVERIFY(domain.ok());
        const HostSnapshot h = libvirtxml::buildSnapshot(QStringLiteral("lv"), {*device}, {{*domain, Guest::State::Running}});
        const Mdev *m = h.mdev(kMdev1);
        QVERIFY(m && !m->matrixKnown && !m->guestMatrixKnown);
        QVERIFY(!h.bus.apmaskKnown && !h.bus.aqmaskKnown && !h.matrix.availableInstancesKnown && !h.apDetailKnown);

        const QString text = report::inventoryText(h);
        for (const char *unknown : {"apmask unknown", "aqmask unknown", "features unknown", "matrix unknown", "guest matrix: unknown", "bindings unknown"})
            QVERIFY2(text.contains(QLatin1String(unknown)), unknown);
        QVERIFY(!text.contains(QLatin1String("0 of 0")) && !text.contains(QLatin1String("65536")));

        const QJsonObject json = snapshotToJson(h);
        QVERIFY(json.value(QStringLiteral("bus")).toObject().value(QStringLiteral("apmask")).isNull());
        QVERIFY(json.value(QStringLiteral("available_instances")).isNull());
        const QJsonObject mdev = json.value(QStringLiteral("mdevs")).toArray().first().toObject();
        for (const char *key : {"adapters", "domains", "control_domains", "matrix", "guest_matrix"})
            QVERIFY2(mdev.value(QLatin1String(key)).isNull(), key);
        const auto back = snapshotFromJson(json);
        QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error().toString()));
        QCOMPARE(snapshotToJson(*back), json);
        QVERIFY(!back->mdev(kMdev1)->matrixKnown && !back->bus.apmaskKnown && !back->apDetailKnown);

        // The check cannot decide, in every revision, and says what it lacks.
        CheckInput in;
        in.source = h;
        in.target = *demo::initialState(QStringLiteral("zlab-b"));
        in.mdev = kMdev1;
        in.allRevisions = true;
        const auto r = runCheck(in);
        QVERIFY(r);
        QVERIFY(!r->ready && !r->decision.compatible && !r->decision.unknown.isEmpty());
        for (const RevisionDecision &d : r->byRevision)
            QVERIFY(!d.decision.unknown.isEmpty());
        QVERIFY(r->queues.isEmpty());
        QVERIFY(std::all_of(r->findings.cbegin(), r->findings.cend(), [](const Finding &f) { return f.id == u"cannot_decide" || f.severity != Severity::Error; }));
        const QJsonObject reportJson = report::checkReportJson(*r);
        QCOMPARE(reportJson.value(QStringLiteral("verdict")).toString(), QStringLiteral("unknown"));
        QVERIFY(report::checkReportText(*r).contains(QLatin1String("stream unknown")));
        const auto reread = report::checkReportFromJson(reportJson);
        QVERIFY(reread && !reread->decision.unknown.isEmpty());

        // The matrix shows unknown cells: neither "free" nor "filtered out".
        using Own = driver::ApqnState::Ownership;
        QCOMPARE(driver::ApqnStateResolver(h, kMdev1).state({5, 4}).ownership, Own::Unknown);
        QCOMPARE(driver::ApqnStateResolver(h, QString()).state({5, 4}).ownership, Own::Unknown); // host masks unknown
        HostSnapshot known = h;
        known.mdev(kMdev1)->matrixKnown = true;
        known.mdev(kMdev1)->adapters = IdMask::fromIds({5});
        known.mdev(kMdev1)->domains = IdMask::fromIds({4});
        QCOMPARE(driver::ApqnStateResolver(known, kMdev1).state({5, 4}).ownership, Own::Assigned);

        // The matrix rule gives no verdict it cannot stand behind.
        const MatrixVerdict v = judgeMatrices(h, {{kMdev1, {IdMask::fromIds({5}), IdMask::fromIds({4}), {}}}});
        QVERIFY(!v.accepted());
        QCOMPARE(v.replay.outcome.unknown, driver::Unknown::ApDetail);
        QVERIFY(v.plan.steps.isEmpty());
    }

    void whereEachApHostdevIs()
    {
        using P = Guest::Presence;
        using D = QList<Guest::ApHostdev>;
        // A running guest's devices against its persistent definition, as the reader gets them.
        const libvirtxml::DomainInfo both{QStringLiteral("both"), {kMdev1}, true, QStringList{kMdev1, kMdev2}};
        const libvirtxml::DomainInfo liveOnly{QStringLiteral("live-only"), {kMdev1}, true, QStringList{}};
        const libvirtxml::DomainInfo configOnly{QStringLiteral("config-only"), {}, true, QStringList{kMdev2}};
        const libvirtxml::DomainInfo transient{QStringLiteral("transient"), {kMdev1}, false, std::nullopt};
        const libvirtxml::DomainInfo unread{QStringLiteral("unread"), {kMdev1}, true, std::nullopt};
        const libvirtxml::DomainInfo stopped{QStringLiteral("stopped"), {kMdev2}, true, std::nullopt};
        const HostSnapshot h = libvirtxml::buildSnapshot(QStringLiteral("x"), {},
                                                         {{both, Guest::State::Running}, {liveOnly, Guest::State::Running},
                                                          {configOnly, Guest::State::Running}, {transient, Guest::State::Running},
                                                          {unread, Guest::State::Paused}, {stopped, Guest::State::ShutOff}});
        QVERIFY(h.guest(u"both")->apHostdevs == (D{{kMdev1, P::Both}, {kMdev2, P::Persistent}}));
        QVERIFY(h.guest(u"live-only")->apHostdevs == (D{{kMdev1, P::Live}}));
        QVERIFY(h.guest(u"config-only")->apHostdevs == (D{{kMdev2, P::Persistent}}));
        QVERIFY(h.guest(u"transient")->apHostdevs == (D{{kMdev1, P::Live}}));
        QVERIFY(h.guest(u"unread")->apHostdevs.isEmpty()); // unknown, not "live"
        QVERIFY(h.guest(u"stopped")->apHostdevs == (D{{kMdev2, P::Persistent}}));
        // The guest's mdev stays what it runs with: none for the definition-only one.
        QCOMPARE(h.guest(u"config-only")->mdev, QString());
        QCOMPARE(h.guest(u"config-only")->definitionOnlyMdevs(), QStringList{kMdev2});
        QCOMPARE(h.guest(u"both")->mdev, kMdev1);
        // Inventory JSON keeps it; the text says it.
        const auto back = snapshotFromJson(snapshotToJson(h));
        QVERIFY(back.ok());
        QVERIFY(back->guests == h.guests);
        const QJsonArray guests = snapshotToJson(h).value(QLatin1String("guests")).toArray();
        QCOMPARE(guests.at(0).toObject().value(QLatin1String("ap_hostdevs")).toArray().at(1).toObject().value(QLatin1String("in")).toString(),
                 QStringLiteral("persistent"));
        const QString text = report::inventoryText(h);
        QVERIFY2(text.contains(QStringLiteral("vfio-ap hostdev %1: persistent definition only").arg(kMdev2)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("vfio-ap hostdev %1: running guest only").arg(kMdev1)));
        QVERIFY(text.contains(QStringLiteral("vfio-ap hostdev %1: running guest and persistent definition").arg(kMdev1)));
    }

    void apHostdevsFromTheTestDriver()
    {
        // The test driver loads one definition per guest and attaches nothing, so the running
        // guests' devices are in both or (transient) live only; the real daemon's persistent-only
        // case is in tst_reallibvirt.
        const auto r = fixtureHost(QStringLiteral(APCONSOLE_FIXTURES "/libvirt/ap-guests.xml"))->readInventory().result();
        QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
        using P = Guest::Presence;
        using D = QList<Guest::ApHostdev>;
        QVERIFY(r->guest(u"persistent")->apHostdevs == (D{{kMdev1, P::Both}}));
        QVERIFY(r->guest(u"transient")->apHostdevs == (D{{kMdev1, P::Live}}));
        QVERIFY(r->guest(u"stopped")->apHostdevs == (D{{kMdev2, P::Persistent}}));
        QCOMPARE(r->guest(u"stopped")->mdev, kMdev2);
    }

    void definitionOnlyHostdevIsPluggedThroughTheDefinition()
    {
        const libvirtxml::DomainInfo configOnly{QStringLiteral("config-only"), {}, true, QStringList{kMdev2}};
        const HostSnapshot source = libvirtxml::buildSnapshot(QStringLiteral("src"), {}, {{configOnly, Guest::State::Running}});
        HostSnapshot target = libvirtxml::buildSnapshot(QStringLiteral("dst"), {}, {});
        MigrationRequest request;
        request.guest = configOnly.name;
        request.viaLibvirt = true;
        auto plan = buildPlan(source, target, request);
        QVERIFY2(plan.ok(), qPrintable(plan ? QString() : plan.error().toString()));
        // Nothing to unplug on the source and nothing to plug live: the definition carries it.
        QCOMPARE(plan->stepIds(), QStringList{QStringLiteral("libvirt-migrate")});
        QCOMPARE(plan->definitionOnlyMdevs, QStringList{kMdev2});
        QCOMPARE(plan->findings, (QStringList{QStringLiteral("ap-device-in-definition-only"), QStringLiteral("definition-mdev-missing-on-destination")}));
        Mdev m;
        m.uuid = kMdev2;
        target.inactiveMdevs.append(m); // defined there: its next start finds it
        plan = buildPlan(source, target, request);
        QVERIFY(plan.ok());
        QCOMPARE(plan->findings, QStringList{QStringLiteral("ap-device-in-definition-only")});
        target.inactiveMdevs.clear();

        // The pre-migration check says it, and that no driver decides anything.
        CheckInput in;
        in.source = source;
        in.target = target;
        in.guest = configOnly.name;
        const auto report = runCheck(in);
        QVERIFY2(report.ok(), qPrintable(report ? QString() : report.error().toString()));
        QVERIFY(report->ready);
        QStringList ids;
        for (const Finding &f : report->findings)
            ids.append(f.id);
        QCOMPARE(ids, (QStringList{QStringLiteral("ap_device_in_definition_only"), QStringLiteral("definition_mdev_missing_on_destination")}));
        QCOMPARE(report->findings.first().message,
                 QStringLiteral("AP device %1 is in the persistent definition of guest config-only only: it will be plugged at the destination "
                                "through the definition.").arg(kMdev2));
        QCOMPARE(report->findings.at(1).severity, Severity::Warning);
        QVERIFY(report::checkReportHtml(*report).contains(QLatin1String("not involved")));

        // A guest without any: a plain live migration, "no AP device".
        const libvirtxml::DomainInfo plain{QStringLiteral("plain"), {}, true, QStringList{}};
        in.source = libvirtxml::buildSnapshot(QStringLiteral("src"), {}, {{plain, Guest::State::Running}});
        in.guest = plain.name;
        const auto plainReport = runCheck(in);
        QVERIFY(plainReport.ok() && plainReport->ready);
        QCOMPARE(plainReport->findings.size(), 1);
        QCOMPARE(plainReport->findings.first().id, QStringLiteral("no_ap_device"));
        in.guest = QStringLiteral("nobody");
        QCOMPARE(runCheck(in).error().code, ErrorCode::NotFound);

        // Beside a live device: that one is replugged, the definition-only one travels as is.
        const libvirtxml::DomainInfo both{QStringLiteral("both"), {kMdev1}, true, QStringList{kMdev1, kMdev2}};
        const auto mdev = *libvirtxml::parseNodeDevice(QStringLiteral("<device><name>mdev_%1</name><capability type='mdev'><type id='vfio_ap-passthrough'/>"
                                                                      "<uuid>%1</uuid><attr name='assign_adapter' value='5'/></capability></device>").arg(kMdev1));
        libvirtxml::NodeDevice matrix;
        matrix.kind = libvirtxml::NodeDevice::Kind::Matrix;
        matrix.name = QStringLiteral("ap_matrix");
        request.guest = both.name;
        plan = buildPlan(libvirtxml::buildSnapshot(QStringLiteral("src"), {matrix, mdev}, {{both, Guest::State::Running}}),
                         libvirtxml::buildSnapshot(QStringLiteral("dst"), {matrix, mdev}, {}), request);
        QVERIFY2(plan.ok(), qPrintable(plan ? QString() : plan.error().toString()));
        QCOMPARE(plan->mdev, kMdev1);
        QCOMPARE(plan->stepIds(), (QStringList{QStringLiteral("verify-destination"), QStringLiteral("unplug"), QStringLiteral("libvirt-migrate"),
                                               QStringLiteral("plug")}));
        QCOMPARE(plan->definitionOnlyMdevs, QStringList{kMdev2});
        QVERIFY(plan->findings.contains(QStringLiteral("ap-device-in-definition-only")));
    }

    void everyHostdevReadAndMissingMdevsAndSharedApqnsFlagged()
    {
        const auto domain = libvirtxml::parseDomain(QStringLiteral(
            "<domain type='kvm'><name>g</name><devices>"
            "<hostdev mode='subsystem' type='mdev' model='vfio-ap'><source><address uuid='%1'/></source></hostdev>"
            "<hostdev mode='subsystem' type='mdev' model='vfio-ap'><source><address uuid='%2'/></source></hostdev>"
            "</devices></domain>").arg(kMdev1, kMdev2));
        QVERIFY(domain.ok());
        const auto mdev = [](const QString &uuid, const char *attrs) {
            return *libvirtxml::parseNodeDevice(QStringLiteral("<device><name>mdev_%1</name><capability type='mdev'><type id='vfio_ap-passthrough'/>"
                                                               "<uuid>%1</uuid>%2</capability></device>").arg(uuid, QLatin1String(attrs)));
        };
        const QString other = QStringLiteral("0d2f5a61-3b7e-4c52-9e1a-8f6d4c2b7a90");
        // A plain libvirt host: the guest's second mdev is not there; two mdevs share 05.0004.
        const HostSnapshot h = libvirtxml::buildSnapshot(
            QStringLiteral("lv"),
            {mdev(kMdev1, "<attr name='assign_adapter' value='5'/><attr name='assign_domain' value='4'/>"),
             mdev(other, "<attr name='assign_adapter' value='5'/><attr name='assign_domain' value='4'/><attr name='assign_domain' value='6'/>")},
            {{*domain, Guest::State::Running}});
        QCOMPARE(h.guests.size(), 1);
        QCOMPARE(h.guests.first().mdev, kMdev1);
        QCOMPARE(domain->apMdevs, (QStringList{kMdev1, kMdev2}));
        const auto has = [&h](const QString &text) {
            return std::any_of(h.issues.cbegin(), h.issues.cend(), [&text](const Error &e) { return e.detail.contains(text); });
        };
        QVERIFY(has(QStringLiteral("guest g uses mdev %1, which the host does not have").arg(kMdev2)));
        QVERIFY(!has(QStringLiteral("uses mdev %1").arg(kMdev1)));
        QVERIFY(has(QStringLiteral("APQN 05.0004 is assigned to mdevs")));
        QVERIFY(!has(QStringLiteral("APQN 05.0006")));
    }
};

QTEST_GUILESS_MAIN(TstLibvirt)
#include "tst_libvirt.moc"
