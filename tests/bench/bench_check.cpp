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

using namespace ap;
using namespace ap::migration;

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
    if (qEnvironmentVariableIsSet("BENCH_ALL_ONLY")) {
        for (int i = 0; i < 10; ++i)
            (void)runCheckAllProfiles(in);
        return 0;
    }
    std::printf("| profile | guest matrix | stream | check | check + JSON |\n| --- | ---: | ---: | ---: | ---: |\n");
    for (const DriverProfile p : allProfiles()) {
        in.profile = p;
        qint64 bytes = 0;
        QString verdict;
        const double checkMs = bench::medianMs(5, [&] {
            auto r = runCheck(in);
            bytes = r->decision.streamBytes;
            verdict = r->decision.compatible ? QStringLiteral("compatible") : QStringLiteral("incompatible");
        });
        const double jsonMs = bench::medianMs(5, [&] {
            auto r = runCheck(in);
            (void)QJsonDocument(report::checkReportJson(*r)).toJson();
        });
        std::printf("| %s | 65536 APQNs | %lld bytes (%s) | %.1f ms | %.1f ms |\n", qPrintable(profileName(p)), (long long)bytes,
                    qPrintable(verdict), checkMs, jsonMs);
    }
    int reports = 0;
    const double allMs = bench::medianMs(5, [&] { reports = int(runCheckAllProfiles(in)->size()); });
    const double allJsonMs = bench::medianMs(5, [&] {
        const auto everyProfile = runCheckAllProfiles(in);
        for (const CheckReport &r : *everyProfile)
            (void)QJsonDocument(report::checkReportJson(r)).toJson();
    });
    std::printf("| all (%d reports) | 65536 APQNs | - | %.1f ms | %.1f ms |\n", reports, allMs, allJsonMs);
    return 0;
}
