#include "revision.h"

#include <cerrno>

namespace ap::migration {

namespace {

using P = DriverProfile;

constexpr HeaderLayout kV2Header{8, 0, -1, -1, false};
constexpr HeaderLayout kV3Header{16, 0, 8, -1, false};
constexpr HeaderLayout kBHeader{40, 0, -1, 8, false};
constexpr HeaderLayout kCHeader{48, 8, -1, 16, true};

// clang-format off
const Revision kRevisions[] = {
    //  profile same   label header     data                    snapshot                          write                          rule            queue check                cdom   first  incompat tapqAsync SE                              dialect          ratelim v2order
    {P::V2, P::V2, "v2", kV2Header, DataOrigin::CardAtProbe, SourceSnapshot::AtStopCopy,      WriteAlgorithm::FixedBuffer, CompatRule::V2, QueueCheck::InGuestMatrix, false, true,  EFAULT, false, SecureExecution::EpermLogged, LogDialect::V2, false, true},
    {P::V3, P::V3, "v3", kV3Header, DataOrigin::LiveTapq,    SourceSnapshot::EveryRead,       WriteAlgorithm::OneShot,     CompatRule::V3, QueueCheck::BoundOnHost,   false, false, EFAULT, true,  SecureExecution::EpermLogged, LogDialect::V3, false, false},
    {P::V4, P::V3, "v4", kV3Header, DataOrigin::LiveTapq,    SourceSnapshot::EveryRead,       WriteAlgorithm::OneShot,     CompatRule::V3, QueueCheck::BoundOnHost,   false, false, EFAULT, true,  SecureExecution::EpermLogged, LogDialect::V3, false, false},
    {P::B,  P::B,  "B",  kBHeader,  DataOrigin::LiveTapq,    SourceSnapshot::FirstReadCached, WriteAlgorithm::Chunked,     CompatRule::B,  QueueCheck::BoundOnHost,   true,  false, EINVAL, false, SecureExecution::NoMigration, LogDialect::B,  false, false},
    {P::C,  P::C,  "C",  kCHeader,  DataOrigin::LiveTapq,    SourceSnapshot::FirstReadCached, WriteAlgorithm::Staged,      CompatRule::B,  QueueCheck::BoundOnHost,   true,  false, EINVAL, false, SecureExecution::NoMigration, LogDialect::C,  true,  false},
};
// clang-format on

} // namespace

const Revision &revision(DriverProfile p)
{
    return kRevisions[int(p)];
}

QList<DriverProfile> distinctRevisions()
{
    QList<DriverProfile> out;
    for (const Revision &r : kRevisions)
        if (r.sameCodeAs == r.profile)
            out.append(r.profile);
    return out;
}

QString revisionColumn(DriverProfile p)
{
    QStringList labels;
    for (const Revision &r : kRevisions)
        if (r.sameCodeAs == revision(p).sameCodeAs)
            labels.append(QString::fromLatin1(r.label));
    return labels.join(QLatin1Char('/'));
}

} // namespace ap::migration
