#include "testsupport.h"

#include <hosts/backendfactory.h>
#include <hosts/sysfshost.h>
#include <plan/matrixplan.h>
#include <report/inventorytext.h>
#include <sysfs/paths.h>
#include <sysfs/sysfssource.h>
#include <sysfs/treewriter.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>

using namespace ap;

namespace {
const QString U = QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}
} // namespace

class TstSysfsHost : public QObject {
    Q_OBJECT
private slots:
    void readsAndWritesATree_data()
    {
        QTest::addColumn<bool>("apConfig");
        QTest::newRow("ap_config: one write") << true;
        QTest::newRow("ordered assign writes") << false;
    }
    void readsAndWritesATree()
    {
        QFETCH(bool, apConfig);
        HostSnapshot h = test::makeHost(4, 8);
        if (!apConfig)
            h.matrix.features.removeAll(QStringLiteral("ap_config"));
        test::addMdev(h, U, {1}, {2});
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(h, dir.path()).ok());
        auto backend = createBackend(*HostUri::parse(QStringLiteral("sysfs:") + dir.path()));
        QVERIFY(backend);
        auto snap = (*backend)->readInventory();
        snap.waitForFinished();
        QVERIFY(snap.result());
        QVERIFY(snap.result()->sameSysfsState(h));

        const WritePlan plan = plans::changeMatrix(*snap.result(), U, {IdMask::fromIds({1, 3}), IdMask::fromIds({2}), IdMask::fromIds({5})});
        QCOMPARE(plan.steps.size(), apConfig ? 1 : 2);
        auto applied = (*backend)->apply(plan);
        applied.waitForFinished();
        const Result<ApplyReport> result = applied.result();
        QVERIFY(result);
        const ApplyReport &r = *result;
        QVERIFY(r.ok);
        QCOMPARE(r.journal.size(), plan.steps.size());
        const QString mdev = dir.filePath(sysfs::paths::mdev(U));
        if (apConfig) {
            QVERIFY(readFile(mdev + QStringLiteral("/ap_config")).startsWith("0x50"));
        } else {
            // A plain tree has no kernel behind it: the values land in the files as written.
            QCOMPARE(readFile(mdev + QStringLiteral("/assign_adapter")), QByteArray("0x3\n"));
            QCOMPARE(readFile(mdev + QStringLiteral("/assign_control_domain")), QByteArray("0x5\n"));
        }
    }

    // A mask file that cannot be parsed is unknown: shown so, and no matrix verdict rests on it.
    void unreadableMaskIsUnknown_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("apmask") << QStringLiteral("apmask");
        QTest::newRow("aqmask") << QStringLiteral("aqmask");
    }
    void unreadableMaskIsUnknown()
    {
        QFETCH(QString, file);
        HostSnapshot h = test::makeHost(4, 8);
        test::addMdev(h, U, {1}, {2});
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(h, dir.path()).ok());
        QFile mask(dir.filePath(sysfs::paths::bus() + QLatin1Char('/') + file));
        QVERIFY(mask.open(QIODevice::WriteOnly | QIODevice::Truncate));
        mask.write("0xzz\n");
        mask.close();
        auto backend = createBackend(*HostUri::parse(QStringLiteral("sysfs:") + dir.path()));
        QVERIFY(backend);
        auto snap = (*backend)->readInventory();
        snap.waitForFinished();
        const Result<HostSnapshot> result = snap.result();
        QVERIFY(result);
        const HostSnapshot &read = *result;
        QCOMPARE(read.bus.apmaskKnown, file != u"apmask");
        QCOMPARE(read.bus.aqmaskKnown, file != u"aqmask");
        QVERIFY(report::inventoryText(read).contains(QStringLiteral("%1 unknown").arg(file)));
        QVERIFY(std::any_of(read.issues.cbegin(), read.issues.cend(), [&](const Error &e) { return e.where.endsWith(file); }));
        const MatrixVerdict v = judgeMatrices(read, {{U, {IdMask::fromIds({1, 3}), IdMask::fromIds({2}), {}}}});
        QVERIFY(!v.accepted());
        QCOMPARE(v.replay.outcome.unknown, driver::Unknown::HostMasks);
    }

    void halfFailedWriteIsUndone()
    {
        HostSnapshot h = test::makeHost(4, 8);
        h.matrix.features.removeAll(QStringLiteral("ap_config"));
        test::addMdev(h, U, {1}, {2});
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(h, dir.path()).ok());
        // The third write (assign_control_domain) cannot be written: it is a directory now.
        const QString cd = dir.filePath(sysfs::paths::mdev(U) + QStringLiteral("/assign_control_domain"));
        QVERIFY(QFile::remove(cd));
        QVERIFY(QDir().mkdir(cd));
        SysfsHost host(*HostUri::parse(QStringLiteral("sysfs:") + dir.path()));
        const WritePlan plan = plans::changeMatrix(h, U, {IdMask::fromIds({1, 3}), IdMask::fromIds({2, 4}), IdMask::fromIds({5})});
        QCOMPARE(plan.steps.size(), 3);
        auto f = host.apply(plan);
        f.waitForFinished();
        const Result<ApplyReport> result = f.result();
        QVERIFY(result);
        const ApplyReport &r = *result;
        QVERIFY(!r.ok);
        QCOMPARE(r.failedStep, 2);
        QCOMPARE(r.err, EISDIR);
        QVERIFY(r.rolledBack);
        QCOMPARE(r.journal.size(), 3 + 2);
        QCOMPARE(r.journal[3].path, sysfs::paths::mdev(U) + QStringLiteral("/unassign_domain"));
        QCOMPARE(r.journal[4].path, sysfs::paths::mdev(U) + QStringLiteral("/unassign_adapter"));
        QVERIFY(r.journal[4].rollback);
    }

    void unknownPathsAreNeverWritten()
    {
        HostSnapshot h = test::makeHost(2, 2);
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(h, dir.path()).ok());
        SysfsHost host(*HostUri::parse(QStringLiteral("sysfs:") + dir.path()));
        WritePlan plan;
        plan.steps.append({{QStringLiteral("sys/bus/ap/apmask/../../../../etc/passwd"), "x"}, std::nullopt, QStringLiteral("hostile")});
        auto f = host.apply(plan);
        f.waitForFinished();
        QCOMPARE(f.result()->err, EACCES);
    }

    // A FIFO planted as an attribute and a huge attribute: the read finishes well within its
    // deadline, and both show as issues naming the file.
    void fifoAndOversizedFilesDoNotHang()
    {
        HostSnapshot h = test::makeHost(4, 8);
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(h, dir.path()).ok());
        const QString fifo = dir.path() + QLatin1Char('/') + sysfs::paths::card(1) + QStringLiteral("/hwtype");
        QVERIFY(QFile::remove(fifo));
        QCOMPARE(QProcess::execute(QStringLiteral("mkfifo"), {fifo}), 0);
        QFile huge(dir.path() + QLatin1Char('/') + sysfs::paths::card(2) + QStringLiteral("/hwtype"));
        QVERIFY(huge.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(huge.resize(qint64(64) << 20)); // 64 MiB, sparse
        huge.close();

        auto backend = createBackend(*HostUri::parse(QStringLiteral("sysfs:") + dir.path()));
        QVERIFY(backend);
        QElapsedTimer timer;
        timer.start();
        auto snap = (*backend)->readInventory({10000});
        snap.waitForFinished();
        QVERIFY(timer.elapsed() < 10000);
        const Result<HostSnapshot> r = snap.result();
        QVERIFY(r);
        auto issueAbout = [&](const QString &what) {
            return std::any_of(r->issues.cbegin(), r->issues.cend(), [&](const Error &e) { return e.toString().contains(what); });
        };
        QVERIFY(issueAbout(QStringLiteral("not a regular file")));
        QVERIFY(issueAbout(QStringLiteral("not a sysfs attribute")));
    }

    // A deadline that has passed stops a read inside the tree, not only between cards.
    void expiredDeadlineStopsReads()
    {
        HostSnapshot h = test::makeHost(4, 8);
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(h, dir.path()).ok());
        sysfs::DirectorySource source(dir.path(), QDeadlineTimer(0));
        const sysfs::SysfsSource::File f = source.read(sysfs::paths::bus() + QStringLiteral("/apmask"));
        QCOMPARE(f.status, sysfs::SysfsSource::File::Status::Error);
        QVERIFY(f.error.contains(QLatin1String("deadline")));
    }

    void missingRootIsUnreachable()
    {
        SysfsHost host(*HostUri::parse(QStringLiteral("sysfs:/nonexistent/apconsole")));
        auto f = host.readInventory();
        f.waitForFinished();
        QVERIFY(!f.result());
        QCOMPARE(f.result().error().code, ErrorCode::Unreachable);
    }
};

QTEST_GUILESS_MAIN(TstSysfsHost)
#include "tst_sysfshost.moc"
