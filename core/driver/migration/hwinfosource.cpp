#include "hwinfosource.h"

namespace ap::migration {

std::optional<Hwinfo> driverHwinfo(DriverProfile p, const HostSnapshot &h, Apqn apqn)
{
    const Queue *q = h.queue(apqn);
    const Card *c = h.card(apqn.adapter);
    if (!q || !c)
        return std::nullopt;
    if (p == DriverProfile::V2)
        return Hwinfo::fromFunctions(c->functions, c->rawHwtype).cardMasked();
    if (!q->functions)
        return std::nullopt;
    return Hwinfo::fromFunctions(*q->functions, c->rawHwtype);
}

} // namespace ap::migration
