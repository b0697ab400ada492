#pragma once

#include "../migration/check.h"

#include <QStringList>

namespace ap::report {

/// What changed between an earlier report and a later one on the same guest and hosts: the
/// verdict, errno, readiness, queues and findings, as sentences in the operator's language (see
/// ReportWords; empty when nothing changed).
QStringList diffReports(const migration::CheckReport &before, const migration::CheckReport &after);

} // namespace ap::report
