#include "mdevdefinition.h"

#include <algorithm>

namespace ap {

const MdevDefinition *HostDefinitions::find(QStringView uuid) const
{
    for (const MdevDefinition &d : definitions)
        if (d.uuid == uuid)
            return &d;
    return nullptr;
}

MdevDefinition *HostDefinitions::find(QStringView uuid)
{
    for (MdevDefinition &d : definitions)
        if (d.uuid == uuid)
            return &d;
    return nullptr;
}

void HostDefinitions::sort()
{
    std::sort(definitions.begin(), definitions.end(), [](const MdevDefinition &a, const MdevDefinition &b) { return a.uuid < b.uuid; });
}

} // namespace ap
