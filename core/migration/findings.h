#pragma once

#include <QList>
#include <QString>

namespace ap::migration {

enum class Severity { Error, Warning, Info };
QString severityName(Severity s); ///< "error", "warning", "info"

/// One readiness finding: a stable id (for filtering and tests), how bad, and what to do.
struct Finding {
    QString id;
    Severity severity = Severity::Info;
    QString message;
    QString hint;
};

} // namespace ap::migration
