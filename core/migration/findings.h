#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace ap::migration {

enum class Severity { Error, Warning, Info };
QString severityName(Severity s); ///< "error", "warning", "info"

/// A sentence as data: its English source with %1..%n, marked for translation in the context
/// "Finding", and the arguments (ids, hosts, numbers, or words marked in the same context).
/// Renderers translate the source and each argument; `english()` fills it untranslated.
struct FindingText {
    QString source;
    QStringList args;

    QString english() const;
    bool isEmpty() const { return source.isEmpty(); }
    friend bool operator==(const FindingText &, const FindingText &) = default;
};

/// One readiness finding: a stable id (for filtering and tests), how bad, and what to do.
/// `message` and `hint` are the English sentences (logs, the CLI, stored JSON); `text` and
/// `hintText` the same as data for a translated rendering (empty on findings read from older
/// stored reports, which then show the English).
struct Finding {
    QString id;
    Severity severity = Severity::Info;
    QString message;
    QString hint;
    FindingText text;
    FindingText hintText;

    /// A finding whose English sentences are filled from its texts.
    static Finding make(const QString &id, Severity severity, FindingText text, FindingText hint = {});
};

} // namespace ap::migration
