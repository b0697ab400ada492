// Full inventory read of generated AP trees, compared in the same run with the floor of reading
// every attribute file of the tree once (grep -r). Usage: bench_inventory [WORKDIR] [RUNS]
#include "benchutil.h"
#include "testsupport.h"

#include <sysfs/dumpformat.h>
#include <sysfs/dumpscript.h>
#include <sysfs/treereader.h>
#include <sysfs/treewriter.h>

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace ap;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString work = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QDir::tempPath();
    const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
    struct Size { int adapters, domains; };
    const Size sizes[] = {{4, 16}, {16, 85}, {64, 85}, {256, 256}};
    std::printf("| tree | queues | files | grep -r floor | read (direct) | read (one dump) | dump bytes | snapshot memory |\n");
    std::printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (const Size s : sizes) {
        QTemporaryDir dir(work + QStringLiteral("/apbench-XXXXXX"));
        const HostSnapshot h = test::makeHalfReleasedHost(s.adapters, s.domains, QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10"));
        if (!sysfs::writeTree(h, dir.path())) {
            std::fprintf(stderr, "cannot write tree\n");
            return 1;
        }
        const QString root = dir.path();
        QProcess count;
        count.setWorkingDirectory(root);
        count.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("find sys/devices/ap sys/bus/ap sys/devices/vfio_ap -type f | wc -l")});
        count.waitForFinished(-1);
        const QByteArray files = count.readAllStandardOutput().trimmed();

        auto grepFloor = [&] {
            QProcess p;
            p.setWorkingDirectory(root);
            p.setStandardOutputFile(QProcess::nullDevice());
            p.start(QStringLiteral("grep"), {QStringLiteral("-r"), QStringLiteral("."), QStringLiteral("sys/devices/ap"), QStringLiteral("sys/bus/ap"), QStringLiteral("sys/devices/vfio_ap")});
            p.waitForFinished(-1);
        };
        grepFloor(); // warm the page cache for everyone
        const double floorMs = bench::medianMs(runs, grepFloor);

        sysfs::DirectorySource source(root);
        qsizetype queues = 0;
        const double directMs = bench::medianMs(runs, [&] {
            auto r = sysfs::readHost(source, QStringLiteral("bench"));
            queues = r ? r->queues.size() : -1;
        });
        qsizetype dumpBytes = 0;
        const double dumpMs = bench::medianMs(runs, [&] {
            QProcess p;
            p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), sysfs::dumpScript(), QStringLiteral("sh"), root});
            p.waitForFinished(-1);
            const QByteArray dump = p.readAllStandardOutput();
            dumpBytes = dump.size();
            auto src = sysfs::parseDump(dump, QStringLiteral("bench"));
            if (src)
                (void)sysfs::readHost(**src, QStringLiteral("bench"));
        });
        // Memory held by the snapshot: read on one thread so every allocation is in the main arena.
        sysfs::ReadOptions oneThread;
        oneThread.threads = 1;
        const long long before = bench::heapInUse();
        auto kept = sysfs::readHost(source, QStringLiteral("bench"), oneThread);
        const long long after = bench::heapInUse();
        std::printf("| %dx%d | %lld | %s | %.1f ms | %.1f ms | %.1f ms | %lld | %.1f MiB (%lld B/queue) |\n", s.adapters, s.domains,
                    static_cast<long long>(queues), files.constData(), floorMs, directMs, dumpMs, static_cast<long long>(dumpBytes),
                    double(after - before) / 1048576.0, queues > 0 ? (after - before) / queues : 0);
        std::fflush(stdout);
    }
    return 0;
}
