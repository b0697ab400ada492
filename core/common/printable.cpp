#include "printable.h"

namespace ap {

QString printable(const QString &text, bool keepNewlines)
{
    auto isControl = [keepNewlines](char16_t c) {
        if (keepNewlines && (c == u'\n' || c == u'\t'))
            return false;
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    };
    qsizetype i = 0;
    while (i < text.size() && !isControl(text[i].unicode()))
        ++i;
    if (i == text.size())
        return text; // the common case: nothing to escape, no copy
    QString out = text.left(i);
    out.reserve(text.size() + 8);
    for (; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (isControl(c))
            out += QStringLiteral("\\x%1").arg(int(c), 2, 16, QLatin1Char('0'));
        else
            out += text[i];
    }
    return out;
}

} // namespace ap
