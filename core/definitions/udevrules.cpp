#include "udevrules.h"

#include <QRegularExpression>

namespace ap::definitions {

namespace {

/// Splits a rule line at commas outside quotes.
QStringList entries(const QString &line)
{
    QStringList out;
    QString cur;
    QChar quote;
    for (QChar c : line) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char(',')) {
            out << cur;
            cur.clear();
            continue;
        }
        cur += c;
    }
    out << cur;
    return out;
}

} // namespace

QString apRulesPath()
{
    return QStringLiteral("etc/udev/rules.d/41-ap.rules");
}

QString definitionsDir()
{
    return QStringLiteral("etc/mdevctl.d/matrix");
}

Result<PersistentMasks> parseApRules(const QByteArray &text, const QString &origin)
{
    // KEY (\w+ with an optional {…}), an operator, then the value (quotes removed).
    static const QRegularExpression entry(QStringLiteral("^\\s*(\\w+(?:\\{[^}]*\\})?)\\s*(==|!=|\\+=|:=|=)\\s*(.*?)\\s*$"));
    PersistentMasks masks;
    masks.ruleFilePresent = true;
    const QList<QByteArray> lines = text.split('\n');
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = QString::fromUtf8(lines[n]);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        const QStringList parts = entries(line);
        for (int i = 0; i < parts.size(); ++i) {
            const auto m = entry.match(parts[i]);
            if (!m.hasMatch())
                return makeError(ErrorCode::Parse, QStringLiteral("%1:%2").arg(origin).arg(n + 1),
                                 QStringLiteral("not a udev rule entry: \"%1\"").arg(parts[i].trimmed()),
                                 QStringLiteral("Correct the rule (chzdev --type ap writes it); nothing was written."));
            if (i != 0)
                continue; // ap-check looks at a line's first entry only
            const QString key = m.captured(1);
            QString value = m.captured(3);
            if (value.size() >= 2 && (value.front() == QLatin1Char('"') || value.front() == QLatin1Char('\'')) && value.back() == value.front())
                value = value.mid(1, value.size() - 2);
            if (!key.startsWith(QLatin1String("ATTR{")))
                continue;
            const bool ap = key.contains(QLatin1String("apmask"));
            if (!ap && !key.contains(QLatin1String("aqmask")))
                continue;
            IdMask mask;
            if (!IdMask::parseAbsolute(value.toLatin1(), mask))
                return makeError(ErrorCode::Parse, QStringLiteral("%1:%2").arg(origin).arg(n + 1),
                                 QStringLiteral("%1 is not a mask: \"%2\"").arg(ap ? QStringLiteral("apmask") : QStringLiteral("aqmask"), value),
                                 QStringLiteral("The persistent masks are \"0x\" and up to 64 hex digits; nothing was written."));
            (ap ? masks.apmask : masks.aqmask) = mask;
        }
    }
    return masks;
}

} // namespace ap::definitions
