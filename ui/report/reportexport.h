#pragma once

#include <common/result.h>
#include <migration/check.h>

#include <QString>

namespace ap::ui {

enum class ReportFormat { Html, Pdf, Json, Csv };

/// The format for a file name's suffix (.html/.htm, .pdf, .json, .csv); nullopt otherwise.
std::optional<ReportFormat> reportFormatFor(const QString &path);

/// Writes a report as writeOutputFile() does (a regular file atomically, a symlink followed, a
/// device or FIFO in place): HTML, JSON and CSV exactly as `apconsole-cli check --format` prints
/// them; PDF rendered from the HTML with QPdfWriter.
Status exportReport(const migration::CheckReport &report, ReportFormat format, const QString &path);

} // namespace ap::ui
