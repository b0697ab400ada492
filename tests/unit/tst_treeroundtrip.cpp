#include "testsupport.h"

#include <hosts/demofleet.h>
#include <sysfs/dumpformat.h>
#include <sysfs/paths.h>
#include <sysfs/treereader.h>
#include <sysfs/treewriter.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ap;

namespace {

void overwrite(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

} // namespace

class TstTreeRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void demoHostsRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &n : demo::hostNames())
            QTest::newRow(qPrintable(n)) << n;
    }
    void demoHostsRoundTrip()
    {
        QFETCH(QString, name);
        const HostSnapshot original = *demo::initialState(name);
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(original, dir.path()).ok());

        // Read directly from the directory...
        sysfs::DirectorySource source(dir.path());
        auto direct = sysfs::readHost(source, name);
        QVERIFY2(direct, qPrintable(direct ? QString() : direct.error().toString()));
        QVERIFY2(direct->issues.isEmpty(), qPrintable(direct->issues.value(0).toString()));
        QVERIFY(direct->sameSysfsState(original));

        // ...and through one batched dump, parsed by the same reader.
        const QByteArray dump = test::runDump(dir.path());
        auto dumpSource = sysfs::parseDump(dump, name);
        QVERIFY2(dumpSource, qPrintable(dumpSource ? QString() : dumpSource.error().toString()));
        auto viaDump = sysfs::readHost(**dumpSource, name);
        QVERIFY(viaDump);
        QVERIFY2(viaDump->issues.isEmpty(), qPrintable(viaDump->issues.value(0).toString()));
        QVERIFY(viaDump->sameSysfsState(original));
    }

    void generatedTreeRoundTrip_data()
    {
        QTest::addColumn<int>("adapters");
        QTest::addColumn<int>("domains");
        QTest::newRow("4x16") << 4 << 16;
        QTest::newRow("16x85") << 16 << 85;
    }
    void generatedTreeRoundTrip()
    {
        QFETCH(int, adapters);
        QFETCH(int, domains);
        HostSnapshot h = test::makeHost(adapters, domains);
        test::addMdev(h, QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10"), {0, 1}, {2, 3}, {2});
        test::addMdev(h, QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e11"), {}, {4});
        test::addMdev(h, QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e12"), {3}, {});
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(h, dir.path()).ok());
        sysfs::DirectorySource source(dir.path());
        auto back = sysfs::readHost(source, h.host);
        QVERIFY(back);
        QVERIFY(back->issues.isEmpty());
        QVERIFY(back->sameSysfsState(h));
        QCOMPARE(back->queues.size(), qsizetype(adapters * domains));
    }

    void malformedFileNamesFileAndText()
    {
        const HostSnapshot original = *demo::initialState(QStringLiteral("zlab-a"));
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(original, dir.path()).ok());
        const QString bad = sysfs::paths::queue(Apqn{1, 0x11}) + QStringLiteral("/config");
        overwrite(dir.filePath(bad), "banana\n");
        overwrite(dir.filePath(sysfs::paths::bus() + QStringLiteral("/apmask")), "0x12\n");
        overwrite(dir.filePath(sysfs::paths::mdev(demo::uuids::payments) + QStringLiteral("/ap_config")), "garbage");
        sysfs::DirectorySource source(dir.path());
        auto h = sysfs::readHost(source, QStringLiteral("zlab-a"));
        QVERIFY(h); // one bad file never drops the host
        QCOMPARE(h->queues.size(), original.queues.size());
        QCOMPARE(h->issues.size(), 3);
        QStringList where;
        for (const Error &e : h->issues) {
            where.append(e.where);
            QCOMPARE(e.code, ErrorCode::Parse);
        }
        QVERIFY(where.contains(bad));
        const Error &cfg = *std::find_if(h->issues.cbegin(), h->issues.cend(), [&](const Error &e) { return e.where == bad; });
        QVERIFY(cfg.detail.contains(QLatin1String("banana")));
        // The mdev is still read, from `matrix` and `control_domains` instead of ap_config.
        const Mdev *m = h->mdev(demo::uuids::payments);
        QVERIFY(m);
        QCOMPARE(m->adapters, original.mdev(demo::uuids::payments)->adapters);
    }

    // Values the kernel never shows are raised as issues naming the file, not taken silently.
    void outOfRangeAndInconsistentValues_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("said");
        const QString bus = sysfs::paths::bus();
        const QString mdev = sysfs::paths::mdev(demo::uuids::payments);
        QTest::newRow("max domain -1") << bus + QStringLiteral("/ap_max_domain_id") << QByteArray("-1\n") << "outside 0..255";
        QTest::newRow("max domain 2^31-1") << bus + QStringLiteral("/ap_max_domain_id") << QByteArray("2147483647\n") << "outside 0..255";
        QTest::newRow("max adapter 256") << bus + QStringLiteral("/ap_max_adapter_id") << QByteArray("256\n") << "outside 0..255";
        QTest::newRow("negative hwtype") << sysfs::paths::card(1) + QStringLiteral("/hwtype") << QByteArray("-3\n") << "outside 0..255";
        QTest::newRow("matrix beyond max") << bus + QStringLiteral("/ap_max_adapter_id") << QByteArray("1\n") << "beyond ap_max_adapter_id";
        QTest::newRow("guest matrix not a subset") << mdev + QStringLiteral("/guest_matrix") << QByteArray("3f.0011\n") << "guest_matrix is not part";
    }
    void outOfRangeAndInconsistentValues()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, said);
        const HostSnapshot original = *demo::initialState(QStringLiteral("zlab-a"));
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(original, dir.path()).ok());
        overwrite(dir.filePath(file), content);
        sysfs::DirectorySource source(dir.path());
        auto h = sysfs::readHost(source, QStringLiteral("zlab-a"));
        QVERIFY(h);
        QVERIFY2(std::any_of(h->issues.cbegin(), h->issues.cend(), [&](const Error &e) { return e.detail.contains(said); }),
                 qPrintable(h->issues.isEmpty() ? QStringLiteral("no issues") : h->issues.first().toString()));
    }

    void noApBus()
    {
        QTemporaryDir dir;
        sysfs::DirectorySource source(dir.path());
        auto h = sysfs::readHost(source, QStringLiteral("empty"));
        QVERIFY(!h);
        QCOMPARE(h.error().code, ErrorCode::NotFound);
        QVERIFY(h.error().where.endsWith(QLatin1String("sys/bus/ap")));
    }

    void hostileNamesAreIgnored()
    {
        HostSnapshot hs = test::makeHost(2, 4);
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(hs, dir.path()).ok());
        QVERIFY(QDir(dir.path()).mkpath(sysfs::paths::devices() + QStringLiteral("/cardzz")));
        QVERIFY(QDir(dir.path()).mkpath(sysfs::paths::card(0) + QStringLiteral("/01.0001")));  // queue of another card
        QVERIFY(QDir(dir.path()).mkpath(sysfs::paths::card(0) + QStringLiteral("/00.$(reboot)")));
        QVERIFY(QDir(dir.path()).mkpath(sysfs::paths::matrix() + QStringLiteral("/not-a-uuid")));
        sysfs::DirectorySource source(dir.path());
        auto h = sysfs::readHost(source, QStringLiteral("hostile"));
        QVERIFY(h);
        QVERIFY(h->sameSysfsState(hs));
    }

    void cancelAndDeadline()
    {
        HostSnapshot hs = test::makeHost(8, 4);
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(hs, dir.path()).ok());
        sysfs::DirectorySource source(dir.path());
        sysfs::ReadOptions cancel;
        cancel.canceled = [] { return true; };
        auto c = sysfs::readHost(source, QStringLiteral("x"), cancel);
        QVERIFY(!c);
        QCOMPARE(c.error().code, ErrorCode::Canceled);
        sysfs::ReadOptions late;
        late.deadline = QDeadlineTimer(0);
        auto t = sysfs::readHost(source, QStringLiteral("x"), late);
        QVERIFY(!t);
        QCOMPARE(t.error().code, ErrorCode::Timeout);
    }
};

QTEST_GUILESS_MAIN(TstTreeRoundTrip)
#include "tst_treeroundtrip.moc"
