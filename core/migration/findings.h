#pragma once

#include "../model/apqn.h"

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

/// A sentence as data; mark `source` with QT_TRANSLATE_NOOP("Finding", …) at the call.
inline FindingText say(const char *source, QStringList args = {}) { return {QString::fromUtf8(source), std::move(args)}; }

/// The first eight APQNs and a count of the rest ("01.0011, 02.0012, … (+3)"): language-neutral,
/// so it needs no translation. Only the APQNs shown are formatted (a full matrix has 65,536).
QString apqnList(const QList<Apqn> &apqns);

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
