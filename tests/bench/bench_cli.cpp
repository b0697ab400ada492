// The CLI as an operator runs it, process start-up included, against the floor of reading every
// file of the AP tree once (grep -r '' over it), side by side in one run: inventory (text and
// JSON) at four sizes, and the database growth per recorded `check`.
// Usage: bench_cli CLI [WORKDIR] [RUNS]   (generated trees are kept in WORKDIR and reused)
//
// With APCONSOLE_S390_TOOLS=/path/to/s390-tools (a checkout), the inventory is also measured
// against `lszcrypt -V` built from it into WORKDIR/s390-tools-lszcrypt (libutil and
// zconf/zcrypt only; the checkout is not written). lszcrypt reads the tree through libutil's
// SYSFS_ROOT, or, for a libutil without it, in a private mount namespace with the tree's sys
// bind-mounted over /sys (root only). If the build fails, stderr says why and the bench goes on
// against the floor only. With strace installed, the syscalls of one run per size are counted.
#include "benchutil.h"
#include "lszcrypt.h"
#include "testsupport.h"

#include <sysfs/treewriter.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>

#include <cstdio>
#include <vector>

using namespace ap;

namespace {

const char kMdev[] = "0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10";

bench::Run median(int runs, const QStringList &args, const QByteArrayList &env = {})
{
    std::vector<bench::Run> all;
    for (int i = 0; i < runs; ++i)
        all.push_back(bench::runChild(args, env));
    std::sort(all.begin(), all.end(), [](const bench::Run &a, const bench::Run &b) { return a.ms < b.ms; });
    return all[all.size() / 2];
}

QString ensureTree(const QString &work, int adapters, int domains)
{
    const QString root = QStringLiteral("%1/apbench-tree-%2x%3").arg(work).arg(adapters).arg(domains);
    if (QFileInfo::exists(root + QStringLiteral("/.complete")))
        return root;
    QDir(root).removeRecursively();
    const HostSnapshot h = test::makeHalfReleasedHost(adapters, domains, QLatin1String(kMdev));
    if (!sysfs::writeTree(h, root))
        return {};
    QFile(root + QStringLiteral("/.complete")).open(QIODevice::WriteOnly);
    return root;
}

QString fmtMs(double ms) { return ms >= 1000 ? QStringLiteral("%1 s").arg(ms / 1000, 0, 'f', 2) : QStringLiteral("%1 ms").arg(ms, 0, 'f', 1); }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_cli CLI [WORKDIR] [RUNS]\n");
        return 2;
    }
    const QString cli = QFileInfo(QString::fromLocal8Bit(argv[1])).absoluteFilePath();
    const QString work = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QDir::tempPath();
    const int runs = argc > 3 ? std::atoi(argv[3]) : 5;
    const QByteArray db = (work + QStringLiteral("/apbench-cli.db")).toLocal8Bit();
    const QByteArrayList env{"APCONSOLE_DB=" + db};

    const QByteArray s390tools = qgetenv("APCONSOLE_S390_TOOLS");
    bench::Lszcrypt lsz;
    if (s390tools.isEmpty())
        lsz.why = QStringLiteral("lszcrypt: no s390-tools checkout given (APCONSOLE_S390_TOOLS)");
    else
        lsz = bench::buildLszcrypt(QString::fromLocal8Bit(s390tools), work);
    const bool withLsz = !lsz.binary.isEmpty();

    QProcess uptime;
    uptime.start(QStringLiteral("uptime"), {});
    uptime.waitForFinished(-1);
    std::printf("uptime: %s\n", uptime.readAllStandardOutput().trimmed().constData());
    const bench::Run version = median(runs * 4, {cli, QStringLiteral("--version")}, env);
    std::printf("`--version`: %s, %ld KiB peak RSS\n", qPrintable(fmtMs(version.ms)), version.maxRssKiB);
    if (withLsz)
        std::printf("%s, reading the tree through %s\n\n", qPrintable(lsz.version),
                    lsz.sysfsRoot ? "SYSFS_ROOT" : "a bind mount over /sys in a private mount namespace");
    else
        std::printf("%s\n\n", qPrintable(lsz.why));
    std::printf("| tree | `grep -r` floor | inventory, text | ratio | inventory, JSON | ratio |%s RSS text | RSS JSON |%s\n",
                withLsz ? " `lszcrypt -V` | CLI/lszcrypt |" : "",
                withLsz ? " RSS lszcrypt | lines CLI/lszcrypt | syscalls CLI/lszcrypt |" : "");
    std::printf("| --- | ---: | ---: | ---: | ---: | ---: |%s ---: | ---: |%s\n", withLsz ? " ---: | ---: |" : "",
                withLsz ? " ---: | ---: | ---: |" : "");
    struct Size { int adapters, domains; };
    const Size sizes[] = {{4, 16}, {16, 85}, {64, 85}, {256, 256}};
    QStringList roots;
    for (const Size s : sizes) {
        const QString root = ensureTree(work, s.adapters, s.domains);
        if (root.isEmpty()) {
            std::fprintf(stderr, "cannot write the %dx%d tree\n", s.adapters, s.domains);
            return 1;
        }
        roots.append(root);
        const QStringList floorArgs{QStringLiteral("grep"), QStringLiteral("-r"), QString(), root + QStringLiteral("/sys/devices/ap"),
                                    root + QStringLiteral("/sys/bus/ap"), root + QStringLiteral("/sys/devices/vfio_ap")};
        const QString host = QStringLiteral("sysfs:") + root;
        const QStringList text{cli, QStringLiteral("inventory"), QStringLiteral("--host"), host, QStringLiteral("--format"), QStringLiteral("text")};
        const QStringList json{cli, QStringLiteral("inventory"), QStringLiteral("--host"), host, QStringLiteral("--format"), QStringLiteral("json")};
        bench::runChild(floorArgs); // warm the page cache for everyone
        const int n = s.adapters == 256 ? std::max(3, runs / 2) : runs;
        const QStringList lszArgs = withLsz ? lsz.command(root) : QStringList();
        const QByteArrayList lszEnv = withLsz ? lsz.environment(root) : QByteArrayList();
        // Alternating runs, so a change in the machine's load hits all alike.
        std::vector<bench::Run> floorRuns, textRuns, jsonRuns, lszRuns;
        for (int i = 0; i < n; ++i) {
            floorRuns.push_back(bench::runChild(floorArgs));
            textRuns.push_back(bench::runChild(text, env));
            jsonRuns.push_back(bench::runChild(json, env));
            if (withLsz)
                lszRuns.push_back(bench::runChild(lszArgs, lszEnv));
        }
        const auto med = [](std::vector<bench::Run> v) {
            std::sort(v.begin(), v.end(), [](const bench::Run &a, const bench::Run &b) { return a.ms < b.ms; });
            return v[v.size() / 2];
        };
        const bench::Run f = med(floorRuns), t = med(textRuns), j = med(jsonRuns);
        QString lszTime, lszMore;
        if (withLsz) {
            const bench::Run l = med(lszRuns);
            // A sensible lszcrypt output lists the tree's cards and queues (two header lines).
            const int lszLines = bench::outputLines(lszArgs, lszEnv);
            const int expected = 2 + s.adapters + s.adapters * s.domains;
            if (lszLines < expected)
                std::fprintf(stderr, "lszcrypt: %d lines on the %dx%d tree, expected at least %d\n", lszLines, s.adapters, s.domains, expected);
            const long cliCalls = bench::syscallCount(text, env, work);
            const long lszCalls = bench::syscallCount(lszArgs, lszEnv, work);
            lszTime = QStringLiteral(" %1 | %2x |").arg(fmtMs(l.ms)).arg(t.ms / l.ms, 0, 'f', 2);
            lszMore = QStringLiteral(" %1 MB | %2 / %3 | %4 |")
                          .arg(double(l.maxRssKiB) / 1024, 0, 'f', 1)
                          .arg(bench::outputLines(text, env))
                          .arg(lszLines)
                          .arg(cliCalls < 0 ? QStringLiteral("-") : QStringLiteral("%1 / %2").arg(cliCalls).arg(lszCalls));
        }
        std::printf("| %dx%d | %s | %s | %.2fx | %s | %.2fx |%s %.1f MB | %.1f MB |%s\n", s.adapters, s.domains, qPrintable(fmtMs(f.ms)),
                    qPrintable(fmtMs(t.ms)), t.ms / f.ms, qPrintable(fmtMs(j.ms)), j.ms / f.ms, qPrintable(lszTime),
                    double(t.maxRssKiB) / 1024, double(j.maxRssKiB) / 1024, qPrintable(lszMore));
        std::fflush(stdout);
    }

    // Database growth per recorded check of the whole 256x256 mdev.
    std::printf("\n| check | database growth per report |\n| --- | ---: |\n");
    for (int i = 0; i < roots.size(); ++i) {
        QFile::remove(QString::fromLocal8Bit(db));
        QFile::remove(QString::fromLocal8Bit(db) + QStringLiteral("-wal"));
        const QString host = QStringLiteral("sysfs:") + roots[i];
        const QStringList check{cli, QStringLiteral("check"), QStringLiteral("--source"), host, QStringLiteral("--target"), host,
                                QStringLiteral("--mdev"), QLatin1String(kMdev)};
        bench::runChild(check, env);
        const auto size = [&] { return QFileInfo(QString::fromLocal8Bit(db)).size() + QFileInfo(QString::fromLocal8Bit(db) + QStringLiteral("-wal")).size(); };
        const qint64 first = size();
        const int checks = 4;
        for (int k = 0; k < checks; ++k)
            bench::runChild(check, env);
        std::printf("| %dx%d | %.2f MB |\n", sizes[i].adapters, sizes[i].domains, double(size() - first) / checks / 1e6);
        std::fflush(stdout);
    }
    return 0;
}
