#include "profile.h"

namespace ap::migration {

namespace {
const char *const kNames[] = {"v2", "v3", "v4", "b", "c"};
}

QList<DriverProfile> allProfiles()
{
    return {DriverProfile::V2, DriverProfile::V3, DriverProfile::V4, DriverProfile::B, DriverProfile::C};
}

QString profileName(DriverProfile p)
{
    return QString::fromLatin1(kNames[int(p)]);
}

std::optional<DriverProfile> parseProfile(QStringView name)
{
    for (const DriverProfile p : allProfiles())
        if (name.compare(QLatin1String(kNames[int(p)]), Qt::CaseInsensitive) == 0)
            return p;
    return std::nullopt;
}

} // namespace ap::migration
