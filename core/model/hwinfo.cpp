#include "hwinfo.h"

namespace ap {

QString Hwinfo::toHex() const
{
    return QStringLiteral("0x%1").arg(m_value, 16, 16, QLatin1Char('0'));
}

CryptoMode modeFromFunctions(std::uint32_t f)
{
    if (f & Hwinfo::kFacAccel)
        return CryptoMode::Accelerator;
    if (f & Hwinfo::kFacCca)
        return CryptoMode::Cca;
    if (f & Hwinfo::kFacEp11)
        return CryptoMode::Ep11;
    return CryptoMode::None;
}

QString modeKey(CryptoMode mode)
{
    switch (mode) {
    case CryptoMode::Accelerator: return QStringLiteral("accel");
    case CryptoMode::Cca: return QStringLiteral("cca");
    case CryptoMode::Ep11: return QStringLiteral("ep11");
    case CryptoMode::None: break;
    }
    return {};
}

char modeLetter(CryptoMode mode)
{
    switch (mode) {
    case CryptoMode::Accelerator: return 'A';
    case CryptoMode::Cca: return 'C';
    case CryptoMode::Ep11: return 'P';
    case CryptoMode::None: break;
    }
    return '\0';
}

QString cexTypeName(int hwtype, CryptoMode mode)
{
    if (hwtype < 10 || hwtype > 14 || mode == CryptoMode::None)
        return {};
    return QStringLiteral("CEX%1%2").arg(hwtype - 6).arg(QLatin1Char(modeLetter(mode)));
}

QString cexShortName(int hwtype, CryptoMode mode)
{
    if (hwtype < 10 || hwtype > 14 || mode == CryptoMode::None)
        return QStringLiteral("?");
    return QStringLiteral("%1%2").arg(hwtype - 6).arg(QLatin1Char(modeLetter(mode)));
}

int compatibleHwtype(int rawType)
{
    if (rawType >= 10 && rawType <= 14)
        return rawType;
    if (rawType > 14)
        return 14;
    return 0;
}

} // namespace ap
