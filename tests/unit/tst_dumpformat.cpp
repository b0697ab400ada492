// The batched dump SSH hosts are read through: the remote script against fixture trees (GNU
// find and the busybox-style fallback), the framing as untrusted input, and diffs for refresh.
#include "skip.h"
#include "testsupport.h"

#include <hosts/demofleet.h>
#include <sysfs/dumpformat.h>
#include <sysfs/dumpscript.h>
#include <sysfs/pathindex.h>
#include <sysfs/paths.h>
#include <sysfs/treereader.h>
#include <sysfs/treewriter.h>
#include <sysfs/writeaccess.h>

#include <QProcess>
#include <QStandardPaths>

#include <unistd.h>

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>


using namespace ap;

namespace {

const QString kUuid = QStringLiteral("11111111-2222-4333-8444-555555555555");

void overwrite(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

HostSnapshot readDirect(const QString &root)
{
    sysfs::DirectorySource source(root);
    auto h = sysfs::readHost(source, QStringLiteral("h"));
    return h ? *h : HostSnapshot();
}

/// The same reader over a dump source, compared field by field through JSON-free equality.
void verifySame(const sysfs::DumpSource &src, const QString &root)
{
    auto viaDump = sysfs::readHost(src, QStringLiteral("h"));
    QVERIFY2(viaDump, qPrintable(viaDump ? QString() : viaDump.error().toString()));
    const HostSnapshot direct = readDirect(root);
    QVERIFY(viaDump->sameSysfsState(direct));
    QCOMPARE(viaDump->issues.size(), direct.issues.size());
    QCOMPARE(viaDump->cards.size(), direct.cards.size());
    QCOMPARE(viaDump->queues.size(), direct.queues.size());
    for (qsizetype i = 0; i < direct.queues.size(); ++i) {
        QCOMPARE(viaDump->queues[i].apqn, direct.queues[i].apqn);
        QCOMPARE(viaDump->queues[i].driver, direct.queues[i].driver);
        QCOMPARE(viaDump->queues[i].online, direct.queues[i].online);
        QCOMPARE(viaDump->queues[i].requestCount, direct.queues[i].requestCount);
    }
}

const QByteArray kValid = QByteArray("#apconsole-dump 2 full\n"
                                     "@sys/bus/ap\n"
                                     "a3\n63\n"
                                     "@sys/devices/ap\n"
                                     "@sys/devices/ap/card00\n"
                                     "j3\n14\n"
                                     ">cex4card\n"
                                     "@sys/devices/ap/card00/00.0001\n"
                                     "!lInput/output error\n"
                                     "#end 4\n");


/// What a host tree is, as the dumps describe it: per directory its attribute lines as a dump
/// carries them ("r1\n1\n", ">cex4queue\n", "!rInput/output error\n"), keyed by attribute name.
using Model = QMap<QString, QMap<QString, QByteArray>>;

/// A small tree's directories: a parent, its children and grandchildren, and one on its own.
const QStringList kTreePaths = {
    QStringLiteral("sys/bus/ap"), QStringLiteral("sys/devices/ap"), QStringLiteral("sys/devices/ap/card00"),
    QStringLiteral("sys/devices/ap/card00/00.0001"), QStringLiteral("sys/devices/ap/card00/00.0002"),
    QStringLiteral("sys/devices/ap/card01"), QStringLiteral("sys/devices/ap/card01/01.0001"),
    QStringLiteral("sys/devices/ap/card01/01.0001x"),
};
const QByteArray kState = "#state /tmp/apconsole-dump.tst\n";

QByteArray record(const QString &path, const QMap<QString, QByteArray> &lines)
{
    QByteArray r = '@' + path.toUtf8() + '\n';
    for (const QByteArray &l : lines)
        r += l;
    return r;
}

/// Random attribute lines for one directory: contents, read errors and a driver link.
QMap<QString, QByteArray> randomLines(QRandomGenerator &rng)
{
    QMap<QString, QByteArray> lines;
    const QByteArray value = QByteArray::number(rng.bounded(1000)) + (rng.bounded(2) ? "\n" : "\n@sys/x\n");
    if (rng.bounded(3))
        lines.insert(QStringLiteral("online"), "r" + QByteArray::number(value.size()) + '\n' + value);
    if (rng.bounded(2))
        lines.insert(QStringLiteral("config"), rng.bounded(2) ? QByteArray("o1\n1") : QByteArray("!oInput/output error\n"));
    if (rng.bounded(2))
        lines.insert(QStringLiteral("driver"), ">cex4queue" + QByteArray::number(rng.bounded(3)) + '\n');
    return lines;
}

/// Checks every directory and attribute of `model` (and of kTreePaths) against `src`.
void verifyModel(const sysfs::DumpSource &src, const Model &model, const QString &step)
{
    QCOMPARE(src.directoryCount(), model.size());
    for (const QString &dir : kTreePaths) {
        QStringList expected;
        if (model.contains(dir)) {
            expected = model[dir].keys();
            for (const QString &other : model.keys())
                if (other.section(QLatin1Char('/'), 0, -2) == dir)
                    expected.append(other.section(QLatin1Char('/'), -1));
        }
        QStringList names = src.list(dir);
        names.sort();
        expected.sort();
        QVERIFY2(names == expected, qPrintable(step + QStringLiteral(": list %1 = %2, expected %3").arg(dir, names.join(u' '), expected.join(u' '))));
        for (const QString &name : {QStringLiteral("online"), QStringLiteral("config"), QStringLiteral("driver")}) {
            const QString path = dir + QLatin1Char('/') + name;
            const QByteArray line = model.value(dir).value(name);
            const auto f = src.read(path);
            const auto link = src.readLink(path);
            if (line.isEmpty() || line.startsWith('>')) {
                QVERIFY2(f.status == sysfs::SysfsSource::File::Status::Missing, qPrintable(step + QStringLiteral(": read ") + path));
                QCOMPARE(link.has_value(), !line.isEmpty());
                if (link)
                    QCOMPARE(link->toUtf8(), line.mid(1).chopped(1));
            } else if (line.startsWith('!')) {
                QCOMPARE(f.status, sysfs::SysfsSource::File::Status::Error);
                QCOMPARE(f.error.toUtf8(), line.mid(2).chopped(1));
                QVERIFY(!link);
            } else {
                QVERIFY2(f.status == sysfs::SysfsSource::File::Status::Ok, qPrintable(step + QStringLiteral(": read ") + path));
                QCOMPARE(f.content, line.mid(line.indexOf('\n') + 1));
                QVERIFY(!link);
            }
        }
    }
}
} // namespace

class TstDumpFormat : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_noPrintf; ///< a directory whose `find` refuses -printf, as busybox's does
    QString m_threeCpus; ///< a directory whose `nproc` says 3: the walk runs in three workers

private slots:
    void initTestCase()
    {
        m_noPrintf = m_dir.filePath(QStringLiteral("busybox-like"));
        QVERIFY(QDir().mkpath(m_noPrintf));
        const QString find = m_noPrintf + QStringLiteral("/find");
        overwrite(find, "#!/bin/sh\nfor a; do case $a in -printf) echo 'find: unrecognized: -printf' >&2; exit 1;; esac; done\n"
                        "exec /usr/bin/find \"$@\"\n");
        QVERIFY(QFile::setPermissions(find, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        m_threeCpus = m_dir.filePath(QStringLiteral("three-cpus"));
        QVERIFY(QDir().mkpath(m_threeCpus));
        const QString nproc = m_threeCpus + QStringLiteral("/nproc");
        overwrite(nproc, "#!/bin/sh\necho 3\n");
        QVERIFY(QFile::setPermissions(nproc, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }

    void scriptReadsWhatTheDirectoryReaderReads_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("portable");
        QTest::addColumn<bool>("workers"); ///< with a state directory: one walker per CPU (3)
        const QStringList names = demo::hostNames();
        for (const QString &n : names)
            QTest::newRow(qPrintable(n + QStringLiteral(", GNU find"))) << n << false << false;
        QTest::newRow(qPrintable(names.first() + QStringLiteral(", find without -printf"))) << names.first() << true << false;
        // Workers start from 16 cards.
        const QString large = QStringLiteral("20 adapters");
        QTest::newRow("20 adapters, GNU find, 3 workers") << large << false << true;
        QTest::newRow("20 adapters, find without -printf, 3 workers") << large << true << true;
    }
    void scriptReadsWhatTheDirectoryReaderReads()
    {
        QFETCH(QString, name);
        QFETCH(bool, portable);
        QFETCH(bool, workers);
        QTemporaryDir dir;
        HostSnapshot h = name == QLatin1String("20 adapters") ? test::makeHost(20, 6) : *demo::initialState(name);
        if (name == QLatin1String("20 adapters"))
            test::addMdev(h, kUuid, {3, 17}, {1, 5}, {0});
        QVERIFY(sysfs::writeTree(h, dir.path()).ok());
        QStringList path;
        if (portable)
            path << m_noPrintf;
        if (workers)
            path << m_threeCpus;
        const QStringList args = workers ? QStringList{QStringLiteral("new"), QString(), QStringLiteral("1")} : QStringList();
        const QByteArray dump = test::runDump(dir.path(), args, path.join(QLatin1Char(':')));
        auto src = sysfs::parseDump(dump, name);
        QVERIFY2(src, qPrintable(src ? QString() : src.error().toString()));
        verifySame(**src, dir.path());
        if (workers) {
            // Only the records are left in the state directory, and a second read finds nothing new.
            QCOMPARE(QDir((*src)->state()).entryList(QDir::Files), QStringList{QStringLiteral("records")});
            const QByteArray again = test::runDump(dir.path(), {(*src)->state(), QStringLiteral("1"), QStringLiteral("2")}, path.join(QLatin1Char(':')));
            QVERIFY2(again.endsWith("\n#end 0\n") && !again.contains("\n-"), again.right(300).constData());
            QVERIFY(QDir((*src)->state()).removeRecursively());
        }
    }

    void oneRecordPerDirectoryAndOnlyUsedAttributes()
    {
        QTemporaryDir dir;
        HostSnapshot h = test::makeHost(4, 16);
        QVERIFY(sysfs::writeTree(h, dir.path()).ok());
        overwrite(dir.filePath(QStringLiteral("sys/devices/ap/card01/unused_attribute")), "x\n");
        const QByteArray dump = test::runDump(dir.path());
        QVERIFY(!dump.contains("unused_attribute"));
        QCOMPARE(dump.count("\n@sys/devices/ap/card01\n"), 1);
        QCOMPARE(dump.count("\n@sys/devices/ap/card01/01.000f\n"), 1);
        auto src = sysfs::parseDump(dump, QStringLiteral("h"));
        QVERIFY(src);
        verifySame(**src, dir.path());
    }

    // Names a host may show: quotes, spaces, newlines and shell syntax in directory and file
    // names never reach a shell's parser, and whatever the dump says about them is checked.
    void hostileNamesInTheTree_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("quote") << QStringLiteral("it's");
        QTest::newRow("command") << QStringLiteral("$(touch PWNED)");
        QTest::newRow("newline") << QStringLiteral("a\n@sys/devices/ap/card00\nj3\n99");
        QTest::newRow("arrow") << QStringLiteral("x -> y");
        QTest::newRow("backslash") << QStringLiteral("a\\nb");
    }
    void hostileNamesInTheTree()
    {
        QFETCH(QString, name);
        for (bool portable : {false, true}) {
            QTemporaryDir dir;
            QVERIFY(sysfs::writeTree(test::makeHost(2, 4), dir.path()).ok());
            const QString odd = dir.filePath(QStringLiteral("sys/devices/ap/card00/") + name);
            QVERIFY(QDir().mkpath(odd));
            overwrite(odd + QStringLiteral("/config"), "1\n");
            QVERIFY(QFile::link(QStringLiteral("../../") + name, odd + QStringLiteral("/driver")));
            const QByteArray dump = test::runDump(dir.path(), {}, portable ? m_noPrintf : QString());
            QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("PWNED"))));
            auto src = sysfs::parseDump(dump, QStringLiteral("ssh://h"));
            if (!src) {
                // A name the framing cannot carry is refused, naming the host.
                QCOMPARE(src.error().code, ErrorCode::Corrupt);
                QCOMPARE(src.error().where, QStringLiteral("ssh://h"));
                continue;
            }
            verifySame(**src, dir.path());
        }
    }

    void readErrorsBecomeIssues()
    {
        auto src = sysfs::parseDump(kValid, QStringLiteral("h"));
        QVERIFY2(src, qPrintable(src ? QString() : src.error().toString()));
        const auto f = (*src)->read(QStringLiteral("sys/devices/ap/card00/00.0001/ap_functions"));
        QCOMPARE(f.status, sysfs::SysfsSource::File::Status::Error);
        QCOMPARE(f.error, QStringLiteral("Input/output error"));
        QCOMPARE((*src)->read(QStringLiteral("sys/bus/ap/ap_max_adapter_id")).content, QByteArray("63\n"));
        QCOMPARE((*src)->readLink(QStringLiteral("sys/devices/ap/card00/driver")), QStringLiteral("cex4card"));
        QCOMPARE((*src)->list(QStringLiteral("sys/devices/ap/card00")),
                 (QStringList{QStringLiteral("hwtype"), QStringLiteral("driver"), QStringLiteral("00.0001")}));
        auto h = sysfs::readHost(**src, QStringLiteral("h"));
        QVERIFY(h);
        QCOMPARE(h->queues.size(), 1);
        QVERIFY(!h->queues[0].functions);
        QVERIFY(std::any_of(h->issues.cbegin(), h->issues.cend(), [](const Error &e) {
            return e.code == ErrorCode::Io && e.where.endsWith(QLatin1String("00.0001/ap_functions"));
        }));
    }

    void malformedStreamsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("dump");
        QTest::addColumn<QString>("says"); // a part of the detail: what is wrong and where
        QTest::newRow("empty") << QByteArray() << "missing header";
        QTest::newRow("old format") << QByteArray("#apconsole-dump 1\n#end\n") << "missing header";
        QTest::newRow("no end") << QByteArray("#apconsole-dump 2 full\n@sys/bus/ap\na3\n63\n") << "missing end marker";
        QTest::newRow("count differs") << QByteArray("#apconsole-dump 2 full\n@sys/bus/ap\n#end 2\n") << "does not match the 1";
        QTest::newRow("attribute first") << QByteArray("#apconsole-dump 2 full\na3\n63\n#end 0\n") << "outside a directory";
        QTest::newRow("unknown code") << QByteArray("#apconsole-dump 2 full\n@sys/bus/ap\n~3\n63\n#end 1\n")
                                      << "unknown record type 0x7e in sys/bus/ap";
        QTest::newRow("length beyond the end") << QByteArray("#apconsole-dump 2 full\n@sys/bus/ap\na99\n63\n#end 1\n")
                                               << "ap_max_adapter_id cut off in sys/bus/ap";
        QTest::newRow("negative length") << QByteArray("#apconsole-dump 2 full\n@sys/bus/ap\na-3\n63\n#end 1\n")
                                         << "bad length for ap_max_adapter_id";
        QTest::newRow("huge length") << QByteArray("#apconsole-dump 2 full\n@sys/bus/ap\na99999999999\n#end 1\n") << "bad length";
        QTest::newRow("length too short") << QByteArray("#apconsole-dump 2 full\n@sys/bus/ap\na1\n63\n#end 1\n")
                                          << "unknown record type 0x33";
        QTest::newRow("parent directory") << QByteArray("#apconsole-dump 2 full\n@sys/../etc\n#end 1\n") << "bad directory name";
        QTest::newRow("absolute") << QByteArray("#apconsole-dump 2 full\n@/etc\n#end 1\n") << "bad directory name";
        QTest::newRow("outside sys") << QByteArray("#apconsole-dump 2 full\n@etc/ap\n#end 1\n") << "bad directory name";
        QTest::newRow("control character") << QByteArray("#apconsole-dump 2 full\n@sys/a\x1b[2Jb\n#end 1\n") << "bad directory name";
        QTest::newRow("twice") << QByteArray("#apconsole-dump 2 full\n@sys/bus/ap\n@sys/bus/ap\n#end 2\n") << "directory listed twice";
        QTest::newRow("attribute twice") << QByteArray("#apconsole-dump 2 full\n@sys/bus/ap\na1\n1a1\n2#end 1\n") << "attribute listed twice";
        QTest::newRow("driver with slash") << QByteArray("#apconsole-dump 2 full\n@sys/d/ap/card00\n>../x\n#end 1\n") << "bad driver name";
        QTest::newRow("removal in full") << QByteArray("#apconsole-dump 2 full\n-sys/bus/ap\n#end 0\n") << "removal in a full dump";
        QTest::newRow("diff without state") << QByteArray("#apconsole-dump 2 diff\n#end 0\n") << "a difference";
        QTest::newRow("trailing data") << QByteArray("#apconsole-dump 2 full\n#end 0\nmore") << "data after the end marker";
        QTest::newRow("relative state") << QByteArray("#apconsole-dump 2 full\n#state tmp/x\n#end 0\n") << "bad state line";
    }
    void malformedStreamsAreRefused()
    {
        QFETCH(QByteArray, dump);
        QFETCH(QString, says);
        auto src = sysfs::parseDump(dump, QStringLiteral("ssh://h"));
        QVERIFY(!src);
        QCOMPARE(src.error().code, ErrorCode::Corrupt);
        QCOMPARE(src.error().where, QStringLiteral("ssh://h"));
        QVERIFY2(src.error().detail.contains(says), qPrintable(src.error().detail));
    }

    // Every prefix of a real dump is refused (never parsed as a smaller host), naming the host.
    void everyTruncationIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(test::makeHost(2, 3), dir.path()).ok());
        const QByteArray dump = test::runDump(dir.path());
        QVERIFY(sysfs::parseDump(dump, QStringLiteral("h")));
        for (qsizetype cut = 0; cut < dump.size(); ++cut) {
            auto src = sysfs::parseDump(dump.left(cut), QStringLiteral("ssh://h"));
            QVERIFY2(!src, qPrintable(QStringLiteral("a dump cut at %1 was accepted").arg(cut)));
            QCOMPARE(src.error().code, ErrorCode::Corrupt);
        }
    }

    // Property: whatever bytes a host sends, parsing and merging end in a source or a Corrupt
    // error naming the host, never in a crash (the fuzz target digs deeper with sanitizers).
    void mutatedStreamsNeverCrash()
    {
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(test::makeHost(2, 3), dir.path()).ok());
        const QByteArray dump = test::runDump(dir.path(), {QStringLiteral("new"), QString(), QStringLiteral("1")});
        auto base = sysfs::parseDump(dump, QStringLiteral("h"));
        QVERIFY(base);
        QRandomGenerator rng(20);
        for (int i = 0; i < 3000; ++i) {
            QByteArray m = dump;
            const int edits = 1 + int(rng.bounded(4));
            for (int e = 0; e < edits; ++e) {
                const qsizetype at = qsizetype(rng.bounded(quint32(m.size())));
                switch (rng.bounded(3)) {
                case 0: m[at] = char(rng.bounded(256)); break;
                case 1: m.remove(at, 1 + qsizetype(rng.bounded(8))); break;
                default: m.insert(at, "\n@sys/x\n"); break;
                }
            }
            m.replace("#apconsole-dump 2 full", (i % 2) ? "#apconsole-dump 2 diff" : "#apconsole-dump 2 full");
            for (const auto &r : {sysfs::parseDump(m, QStringLiteral("ssh://h")), (*base)->merge(m)}) {
                if (r)
                    (void)sysfs::readHost(**r, QStringLiteral("h"));
                else
                    QVERIFY(r.error().code == ErrorCode::Corrupt
                            && (r.error().where == QStringLiteral("h") || r.error().where == QStringLiteral("ssh://h")));
            }
        }
        QVERIFY(QDir((*base)->state()).removeRecursively());
    }

    void refreshSendsOnlyWhatChanged_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<int>("records"); // directories the diff carries
        QTest::addColumn<int>("removed");
        QTest::newRow("nothing") << QString() << 0 << 0;
        QTest::newRow("one queue attribute") << QStringLiteral("sys/devices/ap/card02/02.0005/online") << 1 << 0;
        QTest::newRow("mdev matrix") << QStringLiteral("mdev") << 1 << 0;
        QTest::newRow("queue removed") << QStringLiteral("remove sys/devices/ap/card03/03.0007") << 0 << 1;
        QTest::newRow("new queue") << QStringLiteral("add sys/devices/ap/card01/01.0020") << 1 << 0;
    }
    void refreshSendsOnlyWhatChanged()
    {
        QFETCH(QString, change);
        QFETCH(int, records);
        QFETCH(int, removed);
        QTemporaryDir dir;
        HostSnapshot h = test::makeHost(4, 16);
        test::addMdev(h, kUuid, {0, 1}, {2, 3});
        QVERIFY(sysfs::writeTree(h, dir.path()).ok());
        const QByteArray first = test::runDump(dir.path(), {QStringLiteral("new"), QString(), QStringLiteral("1")});
        auto src = sysfs::parseDump(first, QStringLiteral("h"));
        QVERIFY2(src, qPrintable(src ? QString() : src.error().toString()));
        QVERIFY(!(*src)->state().isEmpty());

        if (change == QLatin1String("mdev")) {
            overwrite(dir.filePath(sysfs::paths::mdev(kUuid) + QStringLiteral("/matrix")), "00.0002\n00.0003\n");
        } else if (change.startsWith(QLatin1String("remove "))) {
            QVERIFY(QDir(dir.filePath(change.mid(7))).removeRecursively());
        } else if (change.startsWith(QLatin1String("add "))) {
            const QString q = dir.filePath(change.mid(4));
            QVERIFY(QDir().mkpath(q));
            overwrite(q + QStringLiteral("/config"), "1\n");
        } else if (!change.isEmpty()) {
            overwrite(dir.filePath(change), "0\n");
        }
        const QByteArray diff = test::runDump(dir.path(), {(*src)->state(), QStringLiteral("1"), QStringLiteral("2")});
        QVERIFY2(diff.startsWith("#apconsole-dump 2 diff\n"), diff.left(200).constData());
        QCOMPARE(int(diff.count("\n@")), records);
        QCOMPARE(int(diff.count("\n-")), removed);
        QVERIFY(diff.size() < first.size() / 10);
        auto merged = (*src)->merge(diff);
        QVERIFY2(merged, qPrintable(merged ? QString() : merged.error().toString()));
        QVERIFY((*merged)->lastWasDiff());
        verifySame(**merged, dir.path());
        // The first source is untouched (a failed or abandoned refresh leaves it as it was).
        QCOMPARE(sysfs::readHost(**src, QStringLiteral("h"))->queues.size(), h.queues.size());
        QVERIFY(QDir((*src)->state()).removeRecursively());
    }

    // A state the console did not receive (a refresh whose output was lost) is never diffed against.
    void generationMismatchGivesAFullDump()
    {
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(test::makeHost(2, 4), dir.path()).ok());
        auto src = sysfs::parseDump(test::runDump(dir.path(), {QStringLiteral("new"), QString(), QStringLiteral("1")}), QStringLiteral("h"));
        QVERIFY(src);
        (void)test::runDump(dir.path(), {(*src)->state(), QStringLiteral("1"), QStringLiteral("2")}); // lost on the way
        const QByteArray again = test::runDump(dir.path(), {(*src)->state(), QStringLiteral("1"), QStringLiteral("3")});
        QVERIFY(again.startsWith("#apconsole-dump 2 full\n"));
        auto merged = (*src)->merge(again);
        QVERIFY(merged);
        QVERIFY(!(*merged)->lastWasDiff());
        verifySame(**merged, dir.path());
        // A state directory that is gone (reboot, tmp cleaner): a new one and a full dump.
        QVERIFY(QDir((*src)->state()).removeRecursively());
        const QByteArray fresh = test::runDump(dir.path(), {(*src)->state(), QStringLiteral("3"), QStringLiteral("4")});
        QVERIFY(fresh.startsWith("#apconsole-dump 2 full\n#state "));
        auto again2 = sysfs::parseDump(fresh, QStringLiteral("h"));
        QVERIFY(again2);
        QVERIFY((*again2)->state() != (*src)->state());
        QVERIFY(QDir((*again2)->state()).removeRecursively());
    }

    // ---- The write access listing: `test -w` on the host, parsed strictly -------------------
    void writeAccessScriptAgreesWithAccess()
    {
        QTemporaryDir dir;
        const auto demoHost = demo::initialState(demo::hostNames().first());
        QVERIFY(sysfs::writeTree(*demoHost, dir.path()).ok());
        const auto listing = [&dir] {
            QProcess sh;
            sh.start(QStringLiteral("sh"), {QStringLiteral("-c"), sysfs::writeAccessScript(), dir.path()});
            return sh.waitForFinished(30000) && sh.exitCode() == 0 ? sh.readAllStandardOutput() : QByteArray();
        };
        QByteArray out = listing();
        qsizetype pos = 0;
        auto parsed = sysfs::parseWriteAccess(out, &pos, QStringLiteral("h"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(pos, out.size());
        // create plus one matrix attribute or two per mdev, each named once
        const QStringList tested = sysfs::writeAccessPaths(dir.path());
        QCOMPARE(out.count('\n'), tested.size() + 2);
        QVERIFY(tested.size() > demoHost->mdevs.size());
        QCOMPARE(*parsed, sysfs::localWritePermission(dir.path()));
        if (::geteuid() == 0) {
            QCOMPARE(parsed->state, WritePermission::State::Writable); // root writes every file
            return;
        }
        // Not root: a file the user may not write is found by both, first in order.
        const QString attr = dir.filePath(tested.last());
        QVERIFY(QFile::setPermissions(attr, QFile::ReadOwner));
        out = listing();
        pos = 0;
        parsed = sysfs::parseWriteAccess(out, &pos, QStringLiteral("h"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->state, WritePermission::State::Denied);
        QCOMPARE(parsed->path, tested.last());
        QCOMPARE(*parsed, sysfs::localWritePermission(dir.path()));
    }

    void writeAccessListing_data()
    {
        QTest::addColumn<QByteArray>("listing");
        QTest::addColumn<int>("state"); // -1: refused as corrupt
        QTest::addColumn<QString>("path");
        const QByteArray create = "sys/devices/vfio_ap/matrix/mdev_supported_types/vfio_ap-passthrough/create";
        const QByteArray assign = "sys/devices/vfio_ap/matrix/11111111-2222-4333-8444-555555555555/assign_adapter";
        const QByteArray config = "sys/devices/vfio_ap/matrix/11111111-2222-4333-8444-555555555555/ap_config";
        const auto S = [](WritePermission::State s) { return int(s); };
        QTest::newRow("nothing to test") << QByteArray("#apconsole-access 1\n#end\n") << S(WritePermission::State::Unknown) << QString();
        QTest::newRow("all writable") << QByteArray("#apconsole-access 1\nw " + create + "\nw " + assign + "\nw " + config + "\n#end\n")
                                      << S(WritePermission::State::Writable) << QString();
        QTest::newRow("one read-only") << QByteArray("#apconsole-access 1\nw " + create + "\nr " + assign + "\nr " + config + "\n#end\n")
                                       << S(WritePermission::State::Denied) << QString::fromLatin1(assign);
        QTest::newRow("no header") << QByteArray("w " + create + "\n#end\n") << -1 << QString();
        QTest::newRow("no end") << QByteArray("#apconsole-access 1\nw " + create + "\n") << -1 << QString();
        QTest::newRow("cut line") << QByteArray("#apconsole-access 1\nw " + create) << -1 << QString();
        QTest::newRow("other path") << QByteArray("#apconsole-access 1\nw etc/passwd\n#end\n") << -1 << QString();
        QTest::newRow("climbing path") << QByteArray("#apconsole-access 1\nw sys/devices/vfio_ap/matrix/../../../x/assign_adapter\n#end\n") << -1 << QString();
        QTest::newRow("other attribute") << QByteArray("#apconsole-access 1\nw sys/devices/vfio_ap/matrix/11111111-2222-4333-8444-555555555555/remove\n#end\n") << -1 << QString();
        QTest::newRow("bad flag") << QByteArray("#apconsole-access 1\nx " + create + "\n#end\n") << -1 << QString();
    }
    void writeAccessListing()
    {
        QFETCH(QByteArray, listing);
        QFETCH(int, state);
        QFETCH(QString, path);
        const QByteArray stream = "dump before\n" + listing + "#apconsole-definitions 1\n";
        qsizetype pos = 12;
        const auto parsed = sysfs::parseWriteAccess(stream, &pos, QStringLiteral("ssh://h"));
        if (state < 0) {
            QVERIFY(!parsed.ok());
            QCOMPARE(parsed.error().code, ErrorCode::Corrupt);
            QCOMPARE(pos, qsizetype(12)); // nothing consumed
            return;
        }
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(int(parsed->state), state);
        QCOMPARE(parsed->path, path);
        QCOMPARE(stream.mid(pos), QByteArray("#apconsole-definitions 1\n"));
    }

    // Property: a full dump and then any run of diffs (directories replaced, added, removed, a
    // parent after its children or removed under them, past the point where old dumps are
    // packed into one) read like the tree they describe; also with every path under one hash,
    // where only the comparison of paths tells directories apart.
    void diffsReadLikeTheTreeTheyDescribe_data()
    {
        QTest::addColumn<bool>("colliding");
        QTest::newRow("seeded hashes") << false;
        QTest::newRow("every path under one hash") << true;
    }
    void diffsReadLikeTheTreeTheyDescribe()
    {
        QFETCH(bool, colliding);
        sysfs::PathIndex::setCollidingForTesting(colliding);
        const auto reset = qScopeGuard([] { sysfs::PathIndex::setCollidingForTesting(false); });
        QRandomGenerator rng(7);
        Model model;
        QByteArray full = "#apconsole-dump 2 full\n" + kState;
        // Children first: the directories arrive in the reverse of the tree's order.
        for (auto it = kTreePaths.crbegin(); it != kTreePaths.crend(); ++it) {
            model.insert(*it, randomLines(rng));
            full += record(*it, model[*it]);
        }
        full += "#end " + QByteArray::number(model.size()) + '\n';
        auto first = sysfs::DumpSource::parse(full, QStringLiteral("h"));
        QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
        std::shared_ptr<sysfs::DumpSource> src = *first;
        verifyModel(*src, model, QStringLiteral("full dump"));
        if (QTest::currentTestFailed())
            return;
        for (int step = 1; step <= 60; ++step) {
            QStringList touched = kTreePaths;
            std::shuffle(touched.begin(), touched.end(), rng);
            touched = touched.mid(0, 1 + int(rng.bounded(4)));
            const bool whole = step % 25 == 0; // now and then a full dump instead
            QByteArray body;
            int records = 0;
            if (whole)
                model.clear();
            for (const QString &p : std::as_const(touched)) {
                if (!whole && rng.bounded(3) == 0) {
                    model.remove(p); // may not be there: a removal of nothing changes nothing
                    body += '-' + p.toUtf8() + '\n';
                    continue;
                }
                model.insert(p, randomLines(rng));
                body += record(p, model[p]);
                ++records;
            }
            const QByteArray dump = QByteArray("#apconsole-dump 2 ") + (whole ? "full\n" : "diff\n") + kState + body + "#end "
                + QByteArray::number(records) + '\n';
            auto next = src->merge(dump);
            QVERIFY2(next, qPrintable(next ? QString() : next.error().toString() + QString::fromUtf8(dump)));
            QCOMPARE((*next)->lastWasDiff(), !whole);
            QCOMPARE((*next)->lastRecords(), records);
            src = *next;
            verifyModel(*src, model, QStringLiteral("step %1").arg(step));
            if (QTest::currentTestFailed())
                return;
        }
    }

    // The hand-made cases the property above meets by chance, named.
    void treeShapesAcrossDiffs_data()
    {
        QTest::addColumn<QByteArray>("full");
        QTest::addColumn<QByteArray>("diff");
        QTest::addColumn<QString>("dir");
        QTest::addColumn<QStringList>("names");
        const QByteArray f = "#apconsole-dump 2 full\n" + kState;
        const QByteArray d = "#apconsole-dump 2 diff\n" + kState;
        const QByteArray tree = f + "@sys/devices/ap\n@sys/devices/ap/card00\no1\n1@sys/devices/ap/card00/00.0001\n#end 3\n";
        QTest::newRow("child before its parent") << QByteArray(f + "@sys/devices/ap/card00/00.0001\n@sys/devices/ap/card00\n#end 2\n")
                                                 << QByteArray(d + "#end 0\n") << "sys/devices/ap/card00" << QStringList{QStringLiteral("00.0001")};
        QTest::newRow("parent removed") << tree << QByteArray(d + "-sys/devices/ap/card00\n#end 0\n") << "sys/devices/ap" << QStringList();
        QTest::newRow("parent removed, its child listed nowhere") << tree << QByteArray(d + "-sys/devices/ap/card00\n#end 0\n")
                                                                 << "sys/devices/ap/card00" << QStringList();
        QTest::newRow("parent back after its child") << QByteArray(f + "@sys/devices/ap/card00/00.0001\n#end 1\n")
                                                     << QByteArray(d + "@sys/devices/ap/card00\n>cex4card\n#end 1\n") << "sys/devices/ap/card00"
                                                     << QStringList{QStringLiteral("driver"), QStringLiteral("00.0001")};
        QTest::newRow("record replaced") << tree << QByteArray(d + "@sys/devices/ap/card00\n!oInput/output error\n>cex4card\n#end 1\n")
                                         << "sys/devices/ap/card00" << QStringList{QStringLiteral("config"), QStringLiteral("driver"), QStringLiteral("00.0001")};
        QTest::newRow("unknown directory removed") << tree << QByteArray(d + "-sys/devices/ap/card07\n#end 0\n") << "sys/devices/ap"
                                                   << QStringList{QStringLiteral("card00")};
        QTest::newRow("removed and listed") << tree << QByteArray(d + "-sys/devices/ap/card00\n@sys/devices/ap/card00\n#end 1\n") << QString() << QStringList();
    }
    void treeShapesAcrossDiffs()
    {
        QFETCH(QByteArray, full);
        QFETCH(QByteArray, diff);
        QFETCH(QString, dir);
        QFETCH(QStringList, names);
        auto base = sysfs::DumpSource::parse(full, QStringLiteral("h"));
        QVERIFY2(base, qPrintable(base ? QString() : base.error().toString()));
        auto merged = (*base)->merge(diff);
        if (dir.isEmpty()) { // refused, and the base is as it was
            QVERIFY(!merged);
            QVERIFY2(merged.error().detail.contains(QLatin1String("directory listed twice")), qPrintable(merged.error().detail));
            QCOMPARE((*base)->list(QStringLiteral("sys/devices/ap")), QStringList{QStringLiteral("card00")});
            return;
        }
        QVERIFY2(merged, qPrintable(merged ? QString() : merged.error().toString()));
        QCOMPARE((*merged)->list(dir), names);
    }

    // Past kMaxChunks refreshes, what is still in use is copied into one buffer: a large
    // attribute that every refresh replaces is held once, not once per refresh.
    void packingKeepsOnlyRecordsInUse()
    {
        const QByteArray big(64 * 1024, 'x');
        const QByteArray bigRecord = "@sys/devices/ap/card00\nr" + QByteArray::number(big.size()) + '\n' + big;
        auto first = sysfs::DumpSource::parse("#apconsole-dump 2 full\n" + kState + "@sys/devices/ap\n" + bigRecord + "#end 2\n", QStringLiteral("h"));
        QVERIFY(first);
        std::shared_ptr<sysfs::DumpSource> src = *first;
        for (int i = 0; i < 12; ++i) {
            // Each refresh also adds a queue of its own, so that every refresh's dump stays in use.
            const QByteArray queue = "@sys/devices/ap/card00/00.00" + QByteArray::number(10 + i) + "\no1\n" + QByteArray::number(i % 2);
            auto next = src->merge("#apconsole-dump 2 diff\n" + kState + bigRecord + queue + "#end 2\n");
            QVERIFY2(next, qPrintable(next ? QString() : next.error().toString()));
            src = *next;
        }
        QCOMPARE(src->directoryCount(), 14);
        QCOMPARE(src->list(QStringLiteral("sys/devices/ap/card00")).size(), 13);
        QCOMPARE(src->read(QStringLiteral("sys/devices/ap/card00/online")).content, big);
        QCOMPARE(src->read(QStringLiteral("sys/devices/ap/card00/00.0015/config")).content, QByteArray("1"));
        QVERIFY2(src->footprint() < 8 * big.size(), qPrintable(QString::number(src->footprint())));
    }

    void manyRefreshesKeepMemoryBounded()
    {
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(test::makeHost(4, 16), dir.path()).ok());
        auto src = sysfs::parseDump(test::runDump(dir.path(), {QStringLiteral("new"), QString(), QStringLiteral("1")}), QStringLiteral("h"));
        QVERIFY(src);
        std::shared_ptr<sysfs::DumpSource> cur = *src;
        const qsizetype start = cur->footprint();
        for (int gen = 1; gen < 30; ++gen) {
            overwrite(dir.filePath(QStringLiteral("sys/devices/ap/card00/00.0001/request_count")), QByteArray::number(gen) + '\n');
            auto next = cur->merge(test::runDump(dir.path(), {cur->state(), QString::number(gen), QString::number(gen + 1)}));
            QVERIFY2(next, qPrintable(next ? QString() : next.error().toString()));
            QVERIFY((*next)->lastWasDiff());
            cur = *next;
        }
        verifySame(*cur, dir.path());
        QVERIFY2(cur->footprint() < 2 * start, qPrintable(QStringLiteral("%1 -> %2").arg(start).arg(cur->footprint())));
        QVERIFY(QDir(cur->state()).removeRecursively());
    }

    // A host with busybox only (sh, awk, find and the rest as its applets, nothing from GNU on
    // PATH): a full read, a refresh walked after a uevent and a quick one give what the
    // directory reader sees.
    void busyboxHost()
    {
        const QString busybox = QStandardPaths::findExecutable(QStringLiteral("busybox"));
        if (busybox.isEmpty())
            AP_SKIP("busybox is not installed (scripts/install-deps.sh installs it)");
        const QString bin = m_dir.filePath(QStringLiteral("busybox-only"));
        QVERIFY(QDir().mkpath(bin));
        for (const char *applet : {"sh", "awk", "find", "ls", "printf", "cat", "mv", "rm", "mktemp", "date", "nproc", "getconf"})
            (void)QFile::link(busybox, bin + QLatin1Char('/') + QLatin1String(applet));
        const auto run = [&](const QString &root, const QStringList &args) {
            QProcess p;
            QProcessEnvironment env;
            env.insert(QStringLiteral("PATH"), bin);
            env.insert(QStringLiteral("TMPDIR"), m_dir.path());
            p.setProcessEnvironment(env);
            p.start(bin + QStringLiteral("/sh"), QStringList{QStringLiteral("-c"), sysfs::dumpScript(), QStringLiteral("sh"), root} + args);
            return p.waitForFinished(60000) && p.exitCode() == 0 ? p.readAllStandardOutput() : QByteArray();
        };
        QTemporaryDir dir;
        HostSnapshot h = test::makeHost(20, 6); // enough cards for the workers
        test::addMdev(h, kUuid, {3, 17}, {1, 5}, {0});
        QVERIFY(sysfs::writeTree(h, dir.path()).ok());
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("sys/kernel"))));
        overwrite(dir.filePath(QStringLiteral("sys/kernel/uevent_seqnum")), "10\n");
        const QByteArray stateless = run(dir.path(), {});
        auto plain = sysfs::parseDump(stateless, QStringLiteral("h"));
        QVERIFY2(plain, qPrintable(plain ? QString() : plain.error().toString() + QString::fromUtf8(stateless.left(300))));
        verifySame(**plain, dir.path());

        auto src = sysfs::parseDump(run(dir.path(), {QStringLiteral("new"), QString(), QStringLiteral("1")}), QStringLiteral("h"));
        QVERIFY(src);
        verifySame(**src, dir.path());
        const HostSnapshot direct = readDirect(dir.path());
        QVERIFY(!direct.queues.isEmpty());
        const QString queue = dir.filePath(sysfs::paths::queue(direct.queues.first().apqn));
        overwrite(queue + QStringLiteral("/request_count"), "4242\n"); // no uevent: quick
        auto quick = (*src)->merge(run(dir.path(), {(*src)->state(), QStringLiteral("1"), QStringLiteral("2")}));
        QVERIFY2(quick, qPrintable(quick ? QString() : quick.error().toString()));
        QCOMPARE((*quick)->lastRecords(), 1);
        verifySame(**quick, dir.path());
        QVERIFY(QDir(queue).removeRecursively()); // a queue gone, with its uevent: walked
        overwrite(dir.filePath(QStringLiteral("sys/kernel/uevent_seqnum")), "11\n");
        const QByteArray walkedDump = run(dir.path(), {(*src)->state(), QStringLiteral("2"), QStringLiteral("3")});
        QVERIFY(walkedDump.contains("\n-sys/devices/ap/"));
        auto walked = (*quick)->merge(walkedDump);
        QVERIFY2(walked, qPrintable(walked ? QString() : walked.error().toString()));
        verifySame(**walked, dir.path());
        QVERIFY(QDir((*src)->state()).removeRecursively());
    }

    // The script reads a file in one piece, split only at \001: contents holding one are
    // reported as unreadable, not carried cut up.
    void controlCharactersInAFileAreReported()
    {
        QTemporaryDir dir;
        QVERIFY(sysfs::writeTree(test::makeHost(2, 4), dir.path()).ok());
        const QString attr = QStringLiteral("sys/devices/ap/card00/00.0001/request_count");
        overwrite(dir.filePath(attr), QByteArray("1\x01" "2\n"));
        auto src = sysfs::parseDump(test::runDump(dir.path()), QStringLiteral("h"));
        QVERIFY2(src, qPrintable(src ? QString() : src.error().toString()));
        const auto f = (*src)->read(attr);
        QCOMPARE(f.status, sysfs::SysfsSource::File::Status::Error);
        QCOMPARE(f.error, QStringLiteral("control characters in the contents"));
        // The others read as ever.
        QCOMPARE((*src)->read(QStringLiteral("sys/devices/ap/card00/00.0002/request_count")).status, sysfs::SysfsSource::File::Status::Ok);
    }

    // With the host's uevent count unchanged since a recent walk, a refresh skips the walk and
    // reads only the attributes the kernel changes without a uevent: those changes show, a
    // change that needs a uevent shows once the count moves (or the walk has aged).
    void quickRefreshFollowsTheUeventCount_data()
    {
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("uevent");
        QTest::addColumn<bool>("agedWalk");
        QTest::addColumn<bool>("seen");
        const QString queue = QStringLiteral("sys/devices/ap/card01/01.0003/");
        QTest::newRow("request_count, no uevent") << queue + QStringLiteral("request_count") << QByteArray("42\n") << false << false << true;
        QTest::newRow("card online (checkstop), no uevent") << QStringLiteral("sys/devices/ap/card01/online") << QByteArray("0\n") << false << false << true;
        QTest::newRow("mdev matrix, no uevent") << sysfs::paths::mdev(kUuid) + QStringLiteral("/matrix") << QByteArray("00.0002\n") << false << false << true;
        QTest::newRow("config, no uevent: not read") << queue + QStringLiteral("config") << QByteArray("0\n") << false << false << false;
        QTest::newRow("config, uevent") << queue + QStringLiteral("config") << QByteArray("0\n") << true << false << true;
        QTest::newRow("config, no uevent, walk aged") << queue + QStringLiteral("config") << QByteArray("0\n") << false << true << true;
        QTest::newRow("queue gone, uevent") << queue << QByteArray() << true << false << true;
    }
    void quickRefreshFollowsTheUeventCount()
    {
        QFETCH(QString, attribute);
        QFETCH(QByteArray, value);
        QFETCH(bool, uevent);
        QFETCH(bool, agedWalk);
        QFETCH(bool, seen);
        QTemporaryDir dir;
        HostSnapshot h = test::makeHost(4, 16);
        test::addMdev(h, kUuid, {0, 1}, {2, 3});
        QVERIFY(sysfs::writeTree(h, dir.path()).ok());
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("sys/kernel"))));
        const QString seqnum = dir.filePath(QStringLiteral("sys/kernel/uevent_seqnum"));
        overwrite(seqnum, "4711\n");
        auto src = sysfs::parseDump(test::runDump(dir.path(), {QStringLiteral("new"), QString(), QStringLiteral("1")}), QStringLiteral("h"));
        QVERIFY(src);
        const HostSnapshot before = readDirect(dir.path());
        QVERIFY(QFile::exists(dir.filePath(attribute)));

        // Nothing changed: an empty diff either way.
        const QByteArray idle = test::runDump(dir.path(), {(*src)->state(), QStringLiteral("1"), QStringLiteral("2")});
        QVERIFY2(idle.endsWith("#end 0\n"), idle.right(200).constData());
        auto cur = (*src)->merge(idle);
        QVERIFY(cur);

        if (value.isEmpty())
            QVERIFY(QDir(dir.filePath(attribute)).removeRecursively());
        else
            overwrite(dir.filePath(attribute), value);
        if (uevent)
            overwrite(seqnum, "4712\n");
        if (agedWalk) {
            QFile records((*cur)->state() + QStringLiteral("/records"));
            QVERIFY(records.open(QIODevice::ReadWrite));
            QByteArray all = records.readAll();
            const qsizetype eol = all.indexOf('\n');
            QList<QByteArray> head = all.left(eol).split(' ');
            QCOMPARE(head.size(), 4);
            head[3] = "0"; // the last walk at the epoch
            all = head.join(' ') + all.mid(eol);
            QVERIFY(records.resize(0) && records.seek(0));
            records.write(all);
        }
        const QByteArray refresh = test::runDump(dir.path(), {(*cur)->state(), QStringLiteral("2"), QStringLiteral("3")});
        QVERIFY2(refresh.startsWith("#apconsole-dump 2 diff\n"), refresh.left(200).constData());
        auto next = (*cur)->merge(refresh);
        QVERIFY2(next, qPrintable(next ? QString() : next.error().toString()));
        const bool changed = refresh.contains("\n@") || refresh.contains("\n-");
        if (seen) {
            QVERIFY(changed);
            verifySame(**next, dir.path());
        } else {
            QVERIFY(!changed);
            QVERIFY(sysfs::readHost(**next, QStringLiteral("h"))->sameSysfsState(before));
            QVERIFY(!readDirect(dir.path()).sameSysfsState(before));
        }
        QVERIFY(QDir((*cur)->state()).removeRecursively());
    }
};

QTEST_GUILESS_MAIN(TstDumpFormat)
#include "tst_dumpformat.moc"
