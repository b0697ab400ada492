#include "reportexport.h"

#include <common/outputfile.h>
#include <report/checkrender.h>

#include <QJsonDocument>
#include <QPageSize>
#include <QPdfWriter>
#include <QBuffer>
#include <QCoreApplication>
#include <QTextDocument>

namespace ap::ui {

std::optional<ReportFormat> reportFormatFor(const QString &path)
{
    const QString p = path.toLower();
    if (p.endsWith(QLatin1String(".html")) || p.endsWith(QLatin1String(".htm")))
        return ReportFormat::Html;
    if (p.endsWith(QLatin1String(".pdf")))
        return ReportFormat::Pdf;
    if (p.endsWith(QLatin1String(".json")))
        return ReportFormat::Json;
    if (p.endsWith(QLatin1String(".csv")))
        return ReportFormat::Csv;
    return std::nullopt;
}

Status exportReport(const migration::CheckReport &report, ReportFormat format, const QString &path)
{
    QByteArray data;
    switch (format) {
    case ReportFormat::Html:
        data = report::checkReportHtml(report).toUtf8();
        break;
    case ReportFormat::Json:
        data = QJsonDocument(report::checkReportJson(report)).toJson(QJsonDocument::Indented);
        break;
    case ReportFormat::Csv:
        data = report::checkReportCsv(report);
        break;
    case ReportFormat::Pdf: {
        QBuffer buffer(&data);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter pdf(&buffer);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setResolution(150);
        pdf.setTitle(QCoreApplication::translate("ap::report::ReportWords", "Pre-migration report: %1").arg(report.guest.isEmpty() ? report.mdev : report.guest));
        pdf.setCreator(QStringLiteral("apconsole"));
        QTextDocument doc;
        doc.setHtml(report::checkReportHtml(report));
        doc.setPageSize(QSizeF(pdf.width(), pdf.height()));
        doc.print(&pdf);
        break;
    }
    }
    return writeOutputFile(path, data);
}

} // namespace ap::ui
