#pragma once

#include <QString>
#include <QStringList>

namespace ap {

/// Replaces %1..%99 in `text` with `args` in one pass (an argument containing "%2" stays as it
/// is, unlike chained QString::arg). Placeholders without an argument are left in place.
QString fillPlaceholders(const QString &text, const QStringList &args);

} // namespace ap
