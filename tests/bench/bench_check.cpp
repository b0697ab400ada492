// The pre-migration check of a full 256 x 256 guest matrix (65,536 queues): each driver
// revision, and every revision at once (--profile all), without the report rendering; then with
// the JSON rendering for comparison.
#include "benchutil.h"
#include "testsupport.h"

#include <migration/check.h>
#include <report/checkrender.h>

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>
#include <ctime>

using namespace ap;
using namespace ap::migration;

namespace {
/// Median processor time of this process in milliseconds: what the work costs when the machine
/// is shared (wall time then includes waiting for a core).
double medianCpuMs(int runs, const std::function<void()> &f)
{
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        timespec a{}, b{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
        f();
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
        t.push_back(double(b.tv_sec - a.tv_sec) * 1e3 + double(b.tv_nsec - a.tv_nsec) / 1e6);
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    HostSnapshot h = test::makeHost(256, 256);
    h.matrix.features.append(QStringLiteral("migratable"));
    QList<int> all;
    for (int i = 0; i < 256; ++i)
        all.append(i);
    const QString uuid = QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10");
    test::addMdev(h, uuid, all, all, all);
    CheckInput in;
    in.source = h;
    in.target = h;
    in.mdev = uuid;
    std::printf("| profile | guest matrix | stream | check (wall) | check (CPU) | check + JSON (wall) |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (const DriverProfile p : allProfiles()) {
        in.profile = p;
        qint64 bytes = 0;
        QString verdict;
        const double checkMs = bench::medianMs(5, [&] {
            auto r = runCheck(in);
            bytes = r->decision.streamBytes;
            verdict = r->decision.compatible ? QStringLiteral("compatible") : QStringLiteral("incompatible");
        });
        const double cpuMs = medianCpuMs(5, [&] { (void)runCheck(in); });
        const double jsonMs = bench::medianMs(5, [&] {
            auto r = runCheck(in);
            (void)QJsonDocument(report::checkReportJson(*r)).toJson();
        });
        std::printf("| %s | 65536 APQNs | %lld bytes (%s) | %.1f ms | %.1f ms | %.1f ms |\n", qPrintable(profileName(p)), static_cast<long long>(bytes),
                    qPrintable(verdict), checkMs, cpuMs, jsonMs);
    }
    int reports = 0;
    const double allMs = bench::medianMs(5, [&] { reports = int(runCheckAllProfiles(in)->size()); });
    const double allCpuMs = medianCpuMs(5, [&] { (void)runCheckAllProfiles(in); });
    const double allJsonMs = bench::medianMs(5, [&] {
        const auto everyProfile = runCheckAllProfiles(in);
        for (const CheckReport &r : *everyProfile)
            (void)QJsonDocument(report::checkReportJson(r)).toJson();
    });
    std::printf("| all (%d reports) | 65536 APQNs | - | %.1f ms | %.1f ms | %.1f ms |\n", reports, allMs, allCpuMs, allJsonMs);
    return 0;
}
