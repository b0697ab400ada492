// The desktop console starting with a fleet of local hosts (offscreen): when the window gets its
// first turn of the event loop, when every host is read, and the peak RSS. Uses the trees that
// bench_cli leaves in WORKDIR. Usage: bench_gui APCONSOLE WORKDIR [RUNS]
#include "benchutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_gui APCONSOLE WORKDIR [RUNS]\n");
        return 2;
    }
    const QString gui = QFileInfo(QString::fromLocal8Bit(argv[1])).absoluteFilePath();
    const QString work = QFileInfo(QString::fromLocal8Bit(argv[2])).absoluteFilePath();
    const int runs = argc > 3 ? std::atoi(argv[3]) : 3;
    struct Fleet { int hosts; QString tree; };
    const Fleet fleets[] = {{1, QStringLiteral("16x85")}, {50, QStringLiteral("16x85")}, {16, QStringLiteral("256x256")}};
    std::printf("| fleet | window | all hosts read | failed | peak RSS |\n| --- | ---: | ---: | ---: | ---: |\n");
    for (const Fleet &f : fleets) {
        const QString tree = QStringLiteral("%1/apbench-tree-%2").arg(work, f.tree);
        if (!QFileInfo::exists(tree + QStringLiteral("/.complete"))) {
            std::fprintf(stderr, "%s missing: run bench_cli with the same WORKDIR first\n", qPrintable(tree));
            return 1;
        }
        // One address per host: links to the same tree.
        QStringList args{gui};
        for (int i = 0; i < f.hosts; ++i) {
            const QString link = QStringLiteral("%1/apbench-host-%2-%3").arg(work, f.tree).arg(i);
            if (!QFileInfo::exists(link))
                QFile::link(tree, link);
            args << QStringLiteral("--host") << QStringLiteral("sysfs:") + link;
        }
        const QString db = work + QStringLiteral("/apbench-gui.db");
        const QString log = work + QStringLiteral("/apbench-gui.log");
        std::vector<double> window, all;
        long rss = 0;
        int failed = 0;
        for (int r = 0; r < (f.tree == QLatin1String("256x256") ? 1 : runs); ++r) {
            QFile::remove(db);
            const bench::Run run = bench::runChild(args, {"QT_QPA_PLATFORM=offscreen", "APCONSOLE_STARTUP_TIMES=1", "APCONSOLE_DB=" + db.toLocal8Bit()}, log);
            QFile l(log);
            l.open(QIODevice::ReadOnly);
            const QString text = QString::fromLocal8Bit(l.readAll());
            const auto w = QRegularExpression(QStringLiteral("window after (\\d+) ms")).match(text);
            const auto a = QRegularExpression(QStringLiteral("hosts read after (\\d+) ms, (\\d+) failed")).match(text);
            if (!w.hasMatch() || !a.hasMatch()) {
                std::fprintf(stderr, "no start-up times in the log:\n%s\n", qPrintable(text));
                return 1;
            }
            window.push_back(w.captured(1).toDouble());
            all.push_back(a.captured(1).toDouble());
            failed = std::max(failed, a.captured(2).toInt());
            rss = std::max(rss, run.maxRssKiB);
        }
        std::sort(window.begin(), window.end());
        std::sort(all.begin(), all.end());
        std::printf("| %d x %s | %.0f ms | %.0f ms | %d | %.0f MB |\n", f.hosts, qPrintable(f.tree), window[window.size() / 2], all[all.size() / 2],
                    failed, double(rss) / 1024);
        std::fflush(stdout);
    }
    return 0;
}
