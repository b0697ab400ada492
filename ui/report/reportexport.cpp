#include "reportexport.h"

#include <report/checkrender.h>

#include <QJsonDocument>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
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
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, path, file.errorString());
    switch (format) {
    case ReportFormat::Html:
        file.write(report::checkReportHtml(report).toUtf8());
        break;
    case ReportFormat::Json:
        file.write(QJsonDocument(report::checkReportJson(report)).toJson(QJsonDocument::Indented));
        break;
    case ReportFormat::Csv:
        file.write(report::checkReportCsv(report));
        break;
    case ReportFormat::Pdf: {
        QPdfWriter pdf(&file);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setResolution(150);
        pdf.setTitle(QStringLiteral("Pre-migration report: %1").arg(report.guest.isEmpty() ? report.mdev : report.guest));
        pdf.setCreator(QStringLiteral("apconsole"));
        QTextDocument doc;
        doc.setHtml(report::checkReportHtml(report));
        doc.setPageSize(QSizeF(pdf.width(), pdf.height()));
        doc.print(&pdf);
        break;
    }
    }
    if (!file.commit())
        return makeError(ErrorCode::Io, path, file.errorString());
    return {};
}

Status writeFileAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, path, file.errorString());
    file.write(data);
    if (!file.commit())
        return makeError(ErrorCode::Io, path, file.errorString());
    return {};
}

} // namespace ap::ui
