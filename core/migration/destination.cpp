#include "destination.h"

namespace ap::migration {

DestinationEligibility destinationEligibility(const DestinationCandidate &c, const QString &guest)
{
    using E = DestinationEligibility;
    if (c.isSource)
        return E::SourceHost;
    if (c.unreachable)
        return E::Unreachable;
    if (!c.snapshot)
        return E::NotRead;
    if (c.needsVfioAp && !c.snapshot->matrix.present)
        return E::NoVfioAp;
    if (!guest.isEmpty() && c.snapshot->guest(guest))
        return E::GuestNameTaken;
    if (!c.needsVfioAp)
        return E::Eligible;
    if (!c.snapshot->matrix.has(u"migratable"))
        return E::ReplugOnly;
    return E::Eligible;
}

} // namespace ap::migration
