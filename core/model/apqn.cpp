#include "apqn.h"

namespace ap {

QString Apqn::toString() const
{
    return QStringLiteral("%1.%2").arg(adapter, 2, 16, QLatin1Char('0')).arg(domain, 4, 16, QLatin1Char('0'));
}

std::optional<Apqn> Apqn::parse(QStringView text)
{
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    if (dot != 2 || text.size() != 7)
        return std::nullopt;
    bool okA = false, okD = false;
    const uint a = text.left(2).toUInt(&okA, 16);
    const uint d = text.mid(3).toUInt(&okD, 16);
    if (!okA || !okD || a > 0xff || d > 0xff)
        return std::nullopt;
    return Apqn{quint8(a), quint8(d)};
}

} // namespace ap
