#pragma once

#include "../common/result.h"
#include "../migration/check.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

/// Renderings of a pre-migration report. JSON is the reference (what `apconsole-cli check`
/// prints and what the history stores); CSV and HTML carry the same content.
namespace ap::report {

QJsonObject checkReportJson(const migration::CheckReport &r);
/// Reads a report back from its JSON (a stored or exported one). Fails on a malformed document.
Result<migration::CheckReport> checkReportFromJson(const QJsonObject &o);
/// Leads with the verdict for the report's profile, then the "by revision" table (verdict,
/// errno, first kernel line of v2, v3/v4, B and C) and why they differ.
QString checkReportText(const migration::CheckReport &r);
/// The "by revision" part of the text rendering on its own.
QString revisionTableText(const migration::CheckReport &r);
/// One table: record,key,... rows for the summary, every kernel log line, queue and finding.
QByteArray checkReportCsv(const migration::CheckReport &r);
/// A standalone HTML document for a change board: the verdict first, then hosts, guest, mdev and
/// time, the kernel's lines, the queues field by field (differences marked) and the findings.
QString checkReportHtml(const migration::CheckReport &r);

} // namespace ap::report
