// SSH hosts against a real sshd on 127.0.0.1 serving a generated sysfs tree.
#include "sshdfixture.h"
#include "skip.h"
#include "testsupport.h"

#include <hosts/backendfactory.h>
#include <hosts/readscheduler.h>
#include <hosts/ssh/linestream.h>
#include <hosts/ssh/sshhost.h>
#include <hosts/sysfshost.h>
#include <json/snapshotjson.h>
#include <plan/matrixplan.h>
#include <sysfs/treewriter.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cerrno>

using namespace ap;
using namespace ap::test;

namespace {

const QString kUuid = QStringLiteral("11111111-2222-4333-8444-555555555555");

std::unique_ptr<SshHost> sshHost(const QString &uri, SshSettings settings = SshSettings::fromEnvironment())
{
    return std::make_unique<SshHost>(*HostUri::parse(uri), std::move(settings));
}

Result<HostSnapshot> readNow(HostBackend &b, int timeoutMs = 30000)
{
    return b.readInventory({timeoutMs}).result();
}

QByteArray fileContent(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

} // namespace

class TstSsh : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<SshdFixture> m_sshd;
    QString m_small;
    QString m_big;

    /// Writes a known_hosts file that trusts the test server's key (and nothing else).
    bool trustServerKey(const QString &knownHosts) const
    {
        QFile pub(m_dir.filePath(QStringLiteral("hostkey.pub")));
        if (!pub.open(QIODevice::ReadOnly))
            return false;
        const QByteArray key = pub.readAll().split(' ').mid(0, 2).join(' ');
        QFile known(knownHosts);
        if (!known.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        known.write("[127.0.0.1]:" + QByteArray::number(m_sshd->port()) + ' ' + key + '\n');
        return known.error() == QFileDevice::NoError;
    }

    QString mdevFile(const QString &root, const char *attr) const
    {
        return root + QStringLiteral("/sys/devices/vfio_ap/matrix/%1/%2").arg(kUuid, QLatin1String(attr));
    }

private slots:
    void initTestCase()
    {
        if (!SshdFixture::available())
            AP_SKIP("OpenSSH (server and client) is not installed; scripts/install-deps.sh installs it");
        m_sshd = std::make_unique<SshdFixture>(m_dir.path());
        const Status started = m_sshd->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_sshd->exportClientEnvironment();
        m_small = m_dir.filePath(QStringLiteral("small"));
        m_big = m_dir.filePath(QStringLiteral("big"));
        HostSnapshot small = makeHost(4, 16);
        addMdev(small, kUuid, {0, 1}, {2, 3}, {2});
        QVERIFY(sysfs::writeTree(small, m_small).ok());
        HostSnapshot big = makeHost(16, 85);
        addMdev(big, kUuid, {0, 1, 2}, {10, 11, 12, 13});
        QVERIFY(sysfs::writeTree(big, m_big).ok());
    }

    void init()
    {
        // Every test starts with the server's key trusted, whichever ran before it; the one
        // about an unknown key empties the file itself.
        QVERIFY(trustServerKey(m_sshd->knownHostsFile()));
    }

    void cleanup()
    {
        if (m_sshd)
            (void)m_sshd->start(); // every test starts from a plain, running sshd
    }

    void unknownHostKeyIsShownThenTrusted()
    {
        QFile known(m_sshd->knownHostsFile());
        QVERIFY(known.open(QIODevice::WriteOnly | QIODevice::Truncate));
        known.close();
        auto host = sshHost(m_sshd->uri(m_small));
        const auto first = readNow(*host);
        QVERIFY(!first.ok());
        QCOMPARE(first.error().code, ErrorCode::HostKeyUnknown);
        const auto key = host->client().scanHostKey(QDeadlineTimer(10000));
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().toString()));
        QVERIFY2(key->fingerprints.join(u'\n').contains(m_sshd->hostKeyFingerprint()), qPrintable(key->fingerprints.join(u'\n')));
        QVERIFY(host->client().trustHostKey(*key).ok());
        const auto second = readNow(*host);
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().toString()));
    }

    void usersOwnKnownHostsFileIsHonoured()
    {
        // The server's key is known only to the operator's own ssh configuration (its
        // UserKnownHostsFile), not to the console's file: the console trusts it as ssh does.
        const QString userKnown = m_dir.filePath(QStringLiteral("user_known_hosts"));
        QVERIFY(trustServerKey(userKnown));
        const QString config = m_dir.filePath(QStringLiteral("user_ssh_config"));
        QFile c(config);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(fileContent(m_sshd->clientConfig()) + "  UserKnownHostsFile \"" + userKnown.toLocal8Bit() + "\"\n");
        c.close();
        SshSettings s = SshSettings::fromEnvironment();
        s.configFile = config;
        s.knownHostsFile = m_dir.filePath(QStringLiteral("console_known_hosts_empty"));
        auto host = sshHost(m_sshd->uri(m_small), s);
        const auto r = readNow(*host);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    }

    void inventoryEqualsLocalInOneCommand_data()
    {
        QTest::addColumn<QString>("tree");
        QTest::newRow("4 x 16") << QStringLiteral("small");
        QTest::newRow("16 x 85") << QStringLiteral("big");
    }
    void inventoryEqualsLocalInOneCommand()
    {
        QFETCH(QString, tree);
        const QString root = m_dir.filePath(tree);
        auto host = sshHost(m_sshd->uri(root));
        const auto remote = readNow(*host);
        QVERIFY2(remote.ok(), qPrintable(remote.ok() ? QString() : remote.error().toString()));
        QCOMPARE(host->client().invocations(), 1);
        SysfsHost local(*HostUri::parse(QStringLiteral("sysfs:") + root));
        const auto expected = readNow(local);
        QVERIFY(expected.ok());
        QVERIFY(remote->issues.isEmpty());
        QVERIFY(remote->sameSysfsState(*expected));
        HostSnapshot a = *remote, b = *expected;
        a.host = b.host = QString();
        QCOMPARE(QJsonDocument(snapshotToJson(a)).toJson(), QJsonDocument(snapshotToJson(b)).toJson());
        // A second read is still one command.
        QVERIFY(readNow(*host).ok());
        QCOMPARE(host->client().invocations(), 2);
    }

    // After the first read the host keeps what it sent; a refresh carries only the directory
    // that changed, still in one command, and gives what a full read gives.
    void refreshCarriesOnlyTheChange_data()
    {
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("queue config") << QStringLiteral("sys/devices/ap/card01/01.0003/config") << QByteArray("0\n");
        QTest::newRow("bus apmask") << QStringLiteral("sys/bus/ap/apmask")
                                    << QByteArray("0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\n");
        QTest::newRow("mdev matrix") << QStringLiteral("sys/devices/vfio_ap/matrix/%1/matrix").arg(kUuid) << QByteArray("00.0002\n");
    }
    void refreshCarriesOnlyTheChange()
    {
        QFETCH(QString, attribute);
        QFETCH(QByteArray, value);
        QTemporaryDir tree;
        HostSnapshot h = makeHost(4, 16);
        addMdev(h, kUuid, {0, 1}, {2, 3}, {2});
        QVERIFY(sysfs::writeTree(h, tree.path()).ok());
        auto host = sshHost(m_sshd->uri(tree.path()));
        QVERIFY(readNow(*host).ok());
        QVERIFY(!host->lastReadStats().incremental);
        QFile f(tree.filePath(attribute));
        QVERIFY(f.exists());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(value);
        f.close();
        const auto refreshed = readNow(*host);
        QVERIFY2(refreshed.ok(), qPrintable(refreshed.ok() ? QString() : refreshed.error().toString()));
        QVERIFY(host->lastReadStats().incremental);
        QCOMPARE(host->lastReadStats().directories, 1);
        QCOMPARE(host->client().invocations(), 2);
        SysfsHost local(*HostUri::parse(QStringLiteral("sysfs:") + tree.path()));
        const auto expected = readNow(local);
        QVERIFY(expected.ok());
        HostSnapshot a = *refreshed, b = *expected;
        a.host = b.host = QString();
        QCOMPARE(QJsonDocument(snapshotToJson(a)).toJson(), QJsonDocument(snapshotToJson(b)).toJson());
        // Turned off, every read is a full one.
        SshSettings full = SshSettings::fromEnvironment();
        full.incrementalReads = false;
        auto plain = sshHost(m_sshd->uri(tree.path()), full);
        QVERIFY(readNow(*plain).ok());
        QVERIFY(readNow(*plain).ok());
        QVERIFY(!plain->lastReadStats().incremental);
    }

    void compressedReadEqualsPlain()
    {
        SshSettings zs = SshSettings::fromEnvironment();
        zs.compression = SshSettings::Compression::Always;
        auto host = sshHost(m_sshd->uri(m_big), zs);
        const auto r = readNow(*host);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QVERIFY(host->lastReadStats().compressed);
        QVERIFY(host->lastReadStats().wireBytes * 4 < host->lastReadStats().dumpBytes);
        SysfsHost local(*HostUri::parse(QStringLiteral("sysfs:") + m_big));
        QVERIFY(r->sameSysfsState(*readNow(local)));
        // Auto never compresses over loopback.
        auto autoHost = sshHost(m_sshd->uri(m_big));
        QVERIFY(readNow(*autoHost).ok());
        QVERIFY(!autoHost->lastReadStats().compressed);
    }

    // The transfer waits on the network without a CPU slot; the parse takes one of the slots
    // every host read of the process shares, so a fleet of large SSH hosts cannot starve the GUI.
    void parseWaitsForACpuSlot()
    {
        ReadScheduler &scheduler = ReadScheduler::instance();
        auto host = sshHost(m_sshd->uri(m_small));
        ReadScheduler::Slot held = scheduler.borrow(scheduler.size());
        QCOMPARE(scheduler.available(), 0);
        QFuture<Result<HostSnapshot>> read = host->readInventory();
        QTRY_COMPARE_WITH_TIMEOUT(scheduler.waiting(), 1, 30000);
        QVERIFY(!read.isFinished());
        held = {};
        QTRY_VERIFY_WITH_TIMEOUT(read.isFinished(), 30000);
        QVERIFY2(read.result().ok(), qPrintable(read.result().ok() ? QString() : read.result().error().toString()));
        QCOMPARE(scheduler.available(), scheduler.size());
    }

    // A host whose find lacks -printf (busybox): the fallback walk gives the same inventory.
    void hostWithoutGnuFind()
    {
        const QString bin = m_dir.filePath(QStringLiteral("busybox-like"));
        QVERIFY(QDir().mkpath(bin));
        QFile find(bin + QStringLiteral("/find"));
        QVERIFY(find.open(QIODevice::WriteOnly | QIODevice::Truncate));
        find.write("#!/bin/sh\nfor a; do case $a in -printf) exit 1;; esac; done\nexec /usr/bin/find \"$@\"\n");
        find.close();
        QVERIFY(find.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QVERIFY(m_sshd->start(QStringLiteral("PATH='%1':$PATH; export PATH; eval \"$SSH_ORIGINAL_COMMAND\"").arg(bin)).ok());
        auto host = sshHost(m_sshd->uri(m_big));
        const auto r = readNow(*host);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QVERIFY(r->issues.isEmpty());
        SysfsHost local(*HostUri::parse(QStringLiteral("sysfs:") + m_big));
        QVERIFY(r->sameSysfsState(*readNow(local)));
    }

    // With ControlPersist the connection outlives the client: the next one (a later CLI run)
    // uses it instead of logging in again; disconnect() ends it.
    void keptConnectionIsReused()
    {
        SshSettings kept = SshSettings::fromEnvironment();
        kept.controlPersistSec = 30;
        {
            auto first = sshHost(m_sshd->uri(m_small), kept);
            QVERIFY(readNow(*first).ok());
            QVERIFY(!first->client().reusedConnection());
        }
        auto second = sshHost(m_sshd->uri(m_small), kept);
        QVERIFY(readNow(*second).ok());
        QVERIFY(second->client().reusedConnection());
        QVERIFY(second->client().connected());
        second->client().disconnect();
        QTRY_VERIFY_WITH_TIMEOUT(!second->client().connected(), 5000);
    }

    void writesLandInTheTree()
    {
        auto host = sshHost(m_sshd->uri(m_small));
        const HostSnapshot before = *readNow(*host);
        const WritePlan plan = plans::changeMatrix(before, kUuid, {IdMask::fromIds({0, 1, 3}), IdMask::fromIds({2, 3}), IdMask::fromIds({2})});
        const auto report = host->apply(plan).result();
        QVERIFY(report.ok());
        QVERIFY(report->ok);
        for (const WriteStep &s : plan.steps)
            QCOMPARE(fileContent(m_small + QLatin1Char('/') + s.write.path), s.write.value);
    }

    void hostileValuesAreWrittenLiterally_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("quotes") << QByteArray("0x1'\"\n");
        QTest::newRow("semicolon") << QByteArray("1; touch PWNED\n");
        QTest::newRow("substitution") << QByteArray("$(touch PWNED) `touch PWNED`");
        QTest::newRow("newlines") << QByteArray("1\n2\n\n3");
        QTest::newRow("dot-dot") << QByteArray("../../../etc/passwd");
    }
    void hostileValuesAreWrittenLiterally()
    {
        QFETCH(QByteArray, value);
        auto host = sshHost(m_sshd->uri(m_small));
        WritePlan plan;
        plan.steps.append({{QStringLiteral("sys/devices/vfio_ap/matrix/%1/assign_domain").arg(kUuid), value}, std::nullopt, QStringLiteral("hostile")});
        const auto report = host->apply(plan).result();
        QVERIFY(report.ok());
        QVERIFY(report->ok);
        QCOMPARE(fileContent(mdevFile(m_small, "assign_domain")), value);
        QVERIFY(!QFileInfo::exists(m_small + QStringLiteral("/PWNED")));
        QVERIFY(!QFileInfo::exists(QDir::homePath() + QStringLiteral("/PWNED")));
    }

    void hostilePathsAreRefusedBeforeAnythingRuns_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("outside the tree") << QStringLiteral("../../etc/passwd");
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd");
        QTest::newRow("unknown attribute") << QStringLiteral("sys/devices/vfio_ap/matrix/%1/../../../../etc/passwd").arg(kUuid);
        QTest::newRow("shell") << QStringLiteral("sys/bus/ap/apmask; touch PWNED");
        QTest::newRow("newline") << QStringLiteral("sys/bus/ap/apmask\nsys/bus/ap/aqmask");
    }
    void hostilePathsAreRefusedBeforeAnythingRuns()
    {
        QFETCH(QString, path);
        auto host = sshHost(m_sshd->uri(m_small));
        WritePlan plan;
        plan.steps.append({{path, "1"}, std::nullopt, QStringLiteral("hostile")});
        const auto report = host->apply(plan).result();
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, ErrorCode::Usage);
        QCOMPARE(host->client().invocations(), 0);
    }

    void kernelErrnoComesBackFromTheRemoteWrite()
    {
        // A directory where the attribute should be: the remote open() fails with EISDIR.
        const QString attr = mdevFile(m_small, "assign_control_domain");
        QFile::remove(attr);
        QVERIFY(QDir().mkpath(attr));
        auto host = sshHost(m_sshd->uri(m_small));
        WritePlan plan;
        plan.steps.append({{QStringLiteral("sys/devices/vfio_ap/matrix/%1/assign_control_domain").arg(kUuid), "5"}, std::nullopt, QStringLiteral("assign")});
        const auto report = host->apply(plan).result();
        QVERIFY(report.ok());
        QVERIFY(!report->ok);
        QCOMPARE(report->err, EISDIR);
        // The journal reads the attribute before and after, the failed write itself ran once, and
        // the host is read back once more to compare it with the state before the plan.
        QCOMPARE(host->client().invocations(), 4);
        QCOMPARE(report->differences, QStringList());
        QDir(attr).removeRecursively();
    }

    void authenticationFailureIsNamed()
    {
        SshSettings s = SshSettings::fromEnvironment();
        s.configFile = m_sshd->wrongKeyConfig();
        auto host = sshHost(m_sshd->uri(m_small), s);
        const auto r = readNow(*host);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::AuthenticationFailed);
    }

    void changedHostKeyIsRefused()
    {
        // A known_hosts entry for this address with another key: the host "changed".
        QFile wrong(m_dir.filePath(QStringLiteral("wrong_key.pub")));
        QVERIFY(wrong.open(QIODevice::ReadOnly));
        const QByteArray key = wrong.readAll().split(' ').mid(0, 2).join(' ');
        const QString known = m_dir.filePath(QStringLiteral("changed_known_hosts"));
        QFile f(known);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[127.0.0.1]:" + QByteArray::number(m_sshd->port()) + ' ' + key + '\n');
        f.close();
        SshSettings s = SshSettings::fromEnvironment();
        s.knownHostsFile = known;
        auto host = sshHost(m_sshd->uri(m_small), s);
        const auto r = readNow(*host);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::HostKeyChanged);
        QCOMPARE(host->client().invocations(), 0);
    }

    void unreachableHostIsNamed()
    {
        m_sshd->stop();
        auto host = sshHost(m_sshd->uri(m_small));
        host->setReadRetries(2, 50);
        const auto r = readNow(*host);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Unreachable);
        QVERIFY2(r.error().detail.contains(QLatin1String("refused")), qPrintable(r.error().detail));
    }

    void slowHostTimesOut()
    {
        // A host that never answers within the test: only the request's deadline can end the read.
        QVERIFY(m_sshd->start(QStringLiteral("sleep 120; eval \"$SSH_ORIGINAL_COMMAND\"")).ok());
        auto host = sshHost(m_sshd->uri(m_small));
        const auto r = readNow(*host, 1500);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Timeout);
    }

    void droppedConnectionThenReconnect()
    {
        // The session says when it has begun, then holds the read until sshd dies under it.
        const QString begun = m_dir.filePath(QStringLiteral("session-begun"));
        QFile::remove(begun);
        QVERIFY(m_sshd->start(QStringLiteral("touch '%1'; sleep 120; eval \"$SSH_ORIGINAL_COMMAND\"").arg(begun)).ok());
        auto host = sshHost(m_sshd->uri(m_small));
        host->setReadRetries(2, 100);
        auto future = host->readInventory({60000});
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(begun), 10000);
        m_sshd->stop(); // sshd and the session serving the read die mid-read
        future.waitForFinished();
        const auto r = future.result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Unreachable);
        QVERIFY(m_sshd->start().ok());
        const auto again = readNow(*host);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
    }

    void missingRemoteCommandIsNamed()
    {
        QVERIFY(m_sshd->start(QStringLiteral("PATH=/nonexistent; export PATH; eval \"$SSH_ORIGINAL_COMMAND\"")).ok());
        auto host = sshHost(m_sshd->uri(m_small));
        const auto r = readNow(*host);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Unsupported);
    }

    void kernelLogLinesStream()
    {
        auto host = sshHost(m_sshd->uri(m_small));
        QFile kmsg(m_small + QStringLiteral("/kmsg"));
        QVERIFY(kmsg.open(QIODevice::WriteOnly | QIODevice::Truncate));
        kmsg.close();
        LineStream stream;
        QSignalSpy lines(&stream, &LineStream::line);
        QVERIFY(readNow(*host).ok()); // the shared connection exists
        stream.start(host->client().program(), host->client().commandArguments(SshHost::kernelLogCommand(m_small)));
        // tail follows from the moment it runs, which the test cannot see: the kernel keeps
        // logging until the first line arrives, instead of the test guessing a delay.
        QTimer kernel;
        connect(&kernel, &QTimer::timeout, this, [&] {
            QFile log(m_small + QStringLiteral("/kmsg"));
            if (log.open(QIODevice::Append))
                log.write("vfio_ap_mdev " + kUuid.toLatin1() + ": migration failed: number of queues on source (4) and target (2) guests differ\n");
        });
        kernel.start(100);
        QVERIFY(lines.wait(10000));
        kernel.stop();
        QVERIFY(lines.first().first().toString().contains(QLatin1String("guests differ")));
        stream.stop();
    }

    void migrationStateFromDebugfs()
    {
        const QString dir = m_small + QStringLiteral("/sys/kernel/debug/vfio/%1/migration").arg(kUuid);
        QVERIFY(QDir().mkpath(dir));
        QFile f(dir + QStringLiteral("/state"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("STOP_COPY\n");
        f.close();
        auto host = sshHost(m_sshd->uri(m_small));
        const auto s = host->migrationState(kUuid, QDeadlineTimer(10000));
        QVERIFY(s.ok());
        QCOMPARE(*s, std::optional<migration::VfioState>(migration::VfioState::StopCopy));
        const auto none = host->migrationState(QStringLiteral("22222222-2222-4333-8444-555555555555"), QDeadlineTimer(10000));
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());
    }
};

QTEST_GUILESS_MAIN(TstSsh)
#include "tst_ssh.moc"
