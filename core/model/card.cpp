#include "card.h"

namespace ap {

QString Card::typeName() const
{
    if (!typeString.isEmpty())
        return typeString;
    return cexTypeName(hwtype, mode());
}

} // namespace ap
