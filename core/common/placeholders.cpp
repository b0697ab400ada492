#include "placeholders.h"

namespace ap {

QString fillPlaceholders(const QString &text, const QStringList &args)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c != QLatin1Char('%') || i + 1 >= text.size() || !text[i + 1].isDigit()) {
            out += c;
            continue;
        }
        qsizetype j = i + 1;
        int n = 0;
        while (j < text.size() && text[j].isDigit() && j - i <= 2)
            n = n * 10 + text[j++].digitValue();
        if (n >= 1 && n <= args.size()) {
            out += args[n - 1];
            i = j - 1;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace ap
