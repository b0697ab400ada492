// libvirt hosts against libvirt's own test driver (test:///FILE.xml) and the XML parsers.
#include <hosts/backendfactory.h>
#include <hosts/libvirt/libvirthost.h>
#include <hosts/libvirt/libvirtxml.h>
#include <hosts/viewmerge.h>
#include <json/snapshotjson.h>
#include <sysfs/treewriter.h>
#include "../support/testsupport.h"
#include <migration/checkinput.h>
#include <migration/migrationplan.h>
#include <migration/runnerfactory.h>

#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

using namespace ap;

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
        QVERIFY(host->setGuestPaused(QStringLiteral("guest1"), true).result().ok());
        QTest::qWait(200);
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
        const auto d = libvirtxml::parseNodeDevice(LibvirtHost::mdevXml(kMdev1, m).replace(QStringLiteral("<device>"),
                                                                                           QStringLiteral("<device><name>mdev_x</name>")));
        QVERIFY(d.ok());
        const HostSnapshot h = libvirtxml::buildSnapshot(QStringLiteral("x"), {*d}, {});
        QCOMPARE(MatrixAssignment::of(*h.mdev(kMdev1)), m);
        QVERIFY(LibvirtHost::connectUri(QStringLiteral("qemu+ssh://root@h/system")).endsWith(QLatin1String("?no_tty=1")));
        QCOMPARE(LibvirtHost::connectUri(QStringLiteral("qemu:///system")), QStringLiteral("qemu:///system"));
    }
};

QTEST_GUILESS_MAIN(TstLibvirt)
#include "tst_libvirt.moc"
