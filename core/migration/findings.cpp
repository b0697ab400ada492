#include "findings.h"

#include "../common/placeholders.h"

namespace ap::migration {

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Info: return QStringLiteral("info");
    }
    return {};
}

QString FindingText::english() const { return fillPlaceholders(source, args); }

Finding Finding::make(const QString &id, Severity severity, FindingText text, FindingText hint)
{
    Finding f{id, severity, text.english(), hint.english(), std::move(text), std::move(hint)};
    return f;
}

QString apqnList(const QList<Apqn> &apqns)
{
    QStringList s;
    for (qsizetype i = 0; i < apqns.size() && i < 8; ++i)
        s.append(apqns[i].toString());
    if (apqns.size() > 8)
        return s.join(QStringLiteral(", ")) + QStringLiteral(", … (+%1)").arg(apqns.size() - 8);
    return s.join(QStringLiteral(", "));
}

} // namespace ap::migration
