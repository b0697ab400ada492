// The pre-migration report of a 2,048-APQN mdev (32 adapters x 64 domains) rendered to HTML
// and to PDF the way the console exports it: time and page count, with all queues alike and
// with one adapter's 64 queues refused by the destination.
#include "benchutil.h"
#include "testsupport.h"

#include <migration/check.h>
#include <report/checkrender.h>
#include <report/queuegroups.h>
#include <report/reportexport.h>

#include <QApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cstdio>

using namespace ap;
using namespace ap::migration;

namespace {

int pdfPages(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    return int(QString::fromLatin1(f.readAll()).count(page));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv); // QPdfWriter and QTextDocument need fonts
    QList<int> adapters, domains;
    for (int i = 0; i < 32; ++i)
        adapters.append(i);
    for (int i = 0; i < 64; ++i)
        domains.append(i);
    const QString uuid = QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10");
    HostSnapshot src = test::makeHost(32, 64);
    src.matrix.features.append(QStringLiteral("migratable"));
    test::addMdev(src, uuid, adapters, domains);
    QTemporaryDir dir;
    std::printf("| destination | queues | groups | HTML | HTML size | PDF | PDF pages |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (const bool differ : {false, true}) {
        HostSnapshot dst = src;
        if (differ)
            dst.cards[7].rawHwtype -= 1; // an older adapter generation: the driver refuses its queues
        CheckInput in;
        in.source = src;
        in.target = dst;
        in.mdev = uuid;
        const auto r = runCheck(in);
        if (!r) {
            std::fprintf(stderr, "check failed: %s\n", qPrintable(r.error().toString()));
            return 1;
        }
        QString html;
        const double htmlMs = bench::medianMs(5, [&] { html = report::checkReportHtml(*r); });
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        const double pdfMs = bench::medianMs(3, [&] { (void)ui::exportReport(*r, ui::ReportFormat::Pdf, pdf); });
        std::printf("| %s | %lld | %lld | %.1f ms | %lld KiB | %.0f ms | %d |\n",
                    differ ? "adapter 0x07 older (64 refused)" : "identical", (long long)r->queues.size(),
                    (long long)report::groupQueues(r->queues).size(), htmlMs, (long long)html.toUtf8().size() / 1024, pdfMs, pdfPages(pdf));
    }
    return 0;
}
