#include "revisionguess.h"

namespace ap::migration {

RevisionGuess proposeRevision(const HostSnapshot &h, const QList<HostRevisionRecord> &known)
{
    using B = RevisionGuess::Basis;
    for (const HostRevisionRecord &r : known)
        if (r.host == h.host)
            return {r.profile, B::Operator, r.host};
    if (!h.matrix.present || !h.matrix.has(u"migratable"))
        return {std::nullopt, B::NotMigratable, {}};
    if (!h.vfioApSrcversion.isEmpty())
        for (const HostRevisionRecord &r : known)
            if (r.vfioApSrcversion == h.vfioApSrcversion)
                return {r.profile, B::SameBuild, r.host};
    if (!h.kernelRelease.isEmpty())
        for (const HostRevisionRecord &r : known)
            if (r.kernelRelease == h.kernelRelease)
                return {r.profile, B::SameKernel, r.host};
    return {};
}

} // namespace ap::migration
