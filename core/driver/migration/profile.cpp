#include "profile.h"

namespace ap::migration {

QString profileName(DriverProfile p)
{
    return p == DriverProfile::V2 ? QStringLiteral("v2") : QStringLiteral("v3");
}

std::optional<DriverProfile> parseProfile(QStringView name)
{
    if (name == u"v2")
        return DriverProfile::V2;
    if (name == u"v3")
        return DriverProfile::V3;
    return std::nullopt;
}

} // namespace ap::migration
